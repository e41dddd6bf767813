"""Replies to a widget session that had no open socket when they were sent, kept for a while.

Why: a person who reloads the page (or whose phone drops the connection) while the bot is still
answering has no socket in the session's room at that moment, and socket.io drops what is
emitted to an empty room. The socket.io channel keeps such replies here and sends them when a
socket of the same session comes back (``session_request``), in their order.

Bounded on every side, so a session that never returns costs nothing for long: at most
``per_session`` replies per session, ``sessions`` sessions (the oldest goes first), and a reply
older than ``ttl_seconds`` is dropped. Kept in this process only: with several Rasa processes a
socket that comes back to another process does not get them.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class HeldReplies:
    """Replies waiting for their session's socket, per session id, oldest first."""

    ttl_seconds: float = 120.0
    per_session: int = 50
    sessions: int = 10_000
    clock: Callable[[], float] = time.monotonic
    _held: OrderedDict[str, deque[tuple[float, str, Any]]] = field(default_factory=OrderedDict)

    def hold(self, session_id: str, event: str, payload: Any) -> None:
        """Keep one reply (``event`` and its payload) for ``session_id``."""
        replies = self._held.pop(session_id, None) or deque(maxlen=self.per_session)
        replies.append((self.clock(), event, payload))
        self._held[session_id] = replies
        while len(self._held) > self.sessions:
            self._held.popitem(last=False)

    def release(self, session_id: str) -> list[tuple[str, Any]]:
        """The session's replies still fresh, as ``(event, payload)``; forgotten once released."""
        oldest = self.clock() - self.ttl_seconds
        replies = self._held.pop(session_id, ())
        return [(event, payload) for held_at, event, payload in replies if held_at >= oldest]
