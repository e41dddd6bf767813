"""``python -m launcher.rasa_server run ...``: ``rasa run`` without TensorFlow at start.

Same arguments and behaviour as ``python -m rasa``; it installs
``connectors.speedups.serve_without_tensorflow`` first, which must happen before Rasa's modules
are imported, keeps the action server's connections open between calls, sends it only the
recent events, computes a tracker's applied events once per change and copies slots directly
(why: docs/performance.md, "Conversation load"). Training and
testing still use ``python -m rasa`` unchanged.
"""

from __future__ import annotations


def main() -> None:
    from connectors import action_calls, speedups

    speedups.serve_without_tensorflow()
    action_calls.keep_endpoint_connections()
    action_calls.send_recent_events_to_actions()
    speedups.cache_applied_events()
    speedups.copy_slots_directly()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
