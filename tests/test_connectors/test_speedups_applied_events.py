"""A tracker's applied events, computed once per change of its events, are what Rasa computes.

Each case grows a tracker event by event and asks for its applied events after every step (the
cached answer) and from a tracker freshly built from the same events (computed anew).
"""

from __future__ import annotations

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.speedups import cache_applied_events
from tests.test_connectors.domain_support import DOMAIN


def user(text: str, intent: str = "inform") -> list[Event]:
    return [ActionExecuted(ACTION_LISTEN_NAME), UserUttered(text, {"name": intent})]


FORM_WITH_UNHAPPY_PATH = [
    *user("hi", "greet"), ActionExecuted("profile_form"), ActiveLoop("profile_form"),
    SlotSet("requested_slot", "place"), *user("stop", "stop"), ActionExecuted("utter_ask_continue"),
    *user("Graz"), ActionExecuted("profile_form"), SlotSet("place", "Graz"), ActiveLoop(None),
]  # fmt: skip
CASES = {
    "form with an unhappy path": FORM_WITH_UNHAPPY_PATH,
    "reverted user message": [*user("hi", "greet"), ActionExecuted("utter_greet"), UserUtteranceReverted(),
                              *user("again")],
    "reverted action": [*user("hi", "greet"), ActionExecuted("utter_greet"), ActionReverted(), *user("x")],
    "restart and new session": [*user("a"), Restarted(), *user("b"), SessionStarted(), *user("c")],
}  # fmt: skip


@pytest.mark.parametrize("events", CASES.values(), ids=CASES.keys())
def test_applied_events_follow_every_change(events: list[Event]) -> None:
    cache_applied_events()
    tracker = DialogueStateTracker("s1", DOMAIN.slots)
    for n, event in enumerate(events, 1):
        tracker.update(event)
        cached = tracker.applied_events()
        cached.clear()  # a caller changing the list it got changes nothing
        fresh = DialogueStateTracker.from_events("s1", events[:n], DOMAIN.slots)
        assert tracker.applied_events() == fresh.applied_events(), f"after event {n}"
