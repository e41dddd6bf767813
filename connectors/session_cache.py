"""What one Rasa process remembers of each conversation's stored session, so a turn need not re-read it.

Why: every turn Rasa's SQL tracker store read every row of the session, decoded its JSON and
rebuilt the events (~20 % of the Rasa server's CPU under load, docs/performance.md), and before
saving it counted the stored rows again (~7 %). The store (``connectors.tracker_store``) keeps
here, per sender, the events of the latest session as SQL would return them, and a fingerprint
of the sender's rows (their number and highest id) taken in the same transaction. A turn first
reads the fingerprint (one indexed aggregate query); if it is unchanged nobody else wrote or
deleted a row of that sender — another Rasa process, "forget me", the retention job — and the
cached events are used. If rows were only added (the other Rasa process took the last turns),
just those are read and appended; otherwise the session is read from SQL as before.

The events are copies decoded from the JSON that was stored, so a turn sees exactly what a fresh
read would give, and trackers built from them share them read-only (Rasa copies an event before
changing it). The cache also remembers which tracker it last handed out and how many of its
events are stored, so saving that tracker appends its new events without counting rows.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_MAX_CACHED_SESSIONS = 200  # ≤ ~200 KB each (a 125-event session): ≤ ~40 MB per Rasa process


@dataclass(frozen=True)
class Fingerprint:
    """How many rows a sender has in the events table, all sessions, and the highest row id.

    Ids only grow (PostgreSQL sequence; SQLite reuses the highest id only after it was deleted,
    which the count or the owning process notices first), so equal fingerprints mean the same rows.
    """

    rows: int
    last_id: int | None


@dataclass(frozen=True)
class CachedSession:
    """The latest session of one sender as stored, and the tracker last built from or saved with it."""

    fingerprint: Fingerprint
    events: tuple[Event, ...]
    issued: weakref.ref[DialogueStateTracker] | None = None
    issued_stored: int = 0  # how many of the issued tracker's first events are stored

    @property
    def started_at(self) -> float | None:
        """Timestamp of the session's start: Rasa's SQL store reads the rows from it on."""
        return max((e.timestamp for e in self.events if isinstance(e, SessionStarted)), default=None)

    def handed_out(self, tracker: DialogueStateTracker) -> CachedSession:
        """The same session, remembering that this tracker's events so far are all stored."""
        return replace(self, issued=weakref.ref(tracker), issued_stored=len(tracker.events))

    def stored_count(self, tracker: DialogueStateTracker) -> int | None:
        """How many of the tracker's events are stored, or None when this cache cannot tell.

        Known only for the tracker last handed out or saved, whose events Rasa only appends to;
        a tracker with a bounded event history drops its first events, so it is never known.
        """
        known = self.issued is not None and self.issued() is tracker
        if not known or tracker.events.maxlen is not None or len(tracker.events) < self.issued_stored:
            return None
        return self.issued_stored

    def extended(self, stored: Iterable[Event], now: Fingerprint) -> CachedSession | None:
        """The session once these events (decoded from the rows added since) were appended.

        None when one of them starts a session: which rows SQL then returns depends on
        timestamps across sessions, so the next turn reads them again (rare: a new session or a
        compaction).
        """
        stored = tuple(stored)
        if any(isinstance(e, SessionStarted) for e in stored):
            return None
        start = self.started_at
        added = tuple(
            e for e in stored if start is None or (e.timestamp is not None and e.timestamp >= start)
        )
        return CachedSession(now, self.events + added)


class SessionCache:
    """The cached sessions of the most recently active senders (least recently used dropped)."""

    def __init__(self, max_sessions: int = DEFAULT_MAX_CACHED_SESSIONS) -> None:
        self.max_sessions = max_sessions
        self._sessions: OrderedDict[str, CachedSession] = OrderedDict()

    def get(self, sender_id: str) -> CachedSession | None:
        session = self._sessions.get(sender_id)
        if session is not None:
            self._sessions.move_to_end(sender_id)
        return session

    def put(self, sender_id: str, session: CachedSession) -> None:
        self._sessions[sender_id] = session
        self._sessions.move_to_end(sender_id)
        while len(self._sessions) > self.max_sessions:
            self._sessions.popitem(last=False)

    def drop(self, sender_id: str) -> None:
        self._sessions.pop(sender_id, None)

    def __len__(self) -> int:
        return len(self._sessions)
