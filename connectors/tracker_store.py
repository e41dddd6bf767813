"""Rasa's SQL tracker store with bounded conversation sessions, so a turn costs the same at turn 300.

Why: every turn Rasa loads all events of the current session from SQL, replays them into a
tracker, featurises all past states for the policies and sends the whole tracker to the action
server — so latency grows with the conversation (measured: ~180 ms at turn 1, ~700 ms at turn
135). Rasa's own session expiry is time-based only. This store starts a new session itself
when one grows past ``max_session_events``: it appends ``session_started``, the slots set so
far, the active form and ``action_listen`` — what Rasa's ``action_session_start`` writes with
``carry_over_slots`` — so the next load reads only those. It compacts only between turns (last
event ``action_listen``); nothing is deleted, the full history stays in the table.

It also carries out "forget me": when it saves a turn in which ``action_forget_me`` ran, it
deletes every row of that sender (all sessions) instead of saving, so ``retrieve`` then returns
None and the next message starts a fresh conversation. It must happen here, not in the action:
Rasa saves a turn after its actions ran and re-inserts every event it finds missing, so rows
deleted by the action would come back.

It serves a turn from a per-process cache of the latest session while the sender's rows are
unchanged, and saves without counting them (``connectors.session_cache`` says why and when).

Named in the endpoints as ``type: connectors.tracker_store.CompactingSQLTrackerStore``, with
the SQL store's keys plus, optionally, ``max_session_events`` and ``max_cached_sessions``.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterable
from typing import Any

import sqlalchemy
import sqlalchemy.orm
import sqlalchemy.pool
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    SessionStarted,
    SlotSet,
    deserialise_events,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from actions.names import ACTION_FORGET_ME
from connectors.action_calls import cache_action_result_validator
from connectors.session_cache import DEFAULT_MAX_CACHED_SESSIONS, CachedSession, Fingerprint, SessionCache
from connectors.speedups import cache_event_type_lookup

logger = logging.getLogger(__name__)

DEFAULT_MAX_SESSION_EVENTS = 120
# Core statements rather than ORM queries: half the CPU per call (compiled once, cached).
_EVENTS = SQLTrackerStore.SQLEvent
FINGERPRINT = sqlalchemy.select(sqlalchemy.func.count(_EVENTS.id), sqlalchemy.func.max(_EVENTS.id)).where(
    _EVENTS.sender_id == sqlalchemy.bindparam("sender_id")
)
ADDED = (
    sqlalchemy.select(_EVENTS.data)
    .where(_EVENTS.sender_id == sqlalchemy.bindparam("sender_id"), _EVENTS.id > sqlalchemy.bindparam("after"))
    .order_by(_EVENTS.id)
)
INSERT = sqlalchemy.insert(_EVENTS)


def _sqlite_wal(connection: Any, _record: Any) -> None:
    """Write-ahead log, fsync at checkpoints only: a turn's commit was ~10 % of Rasa's time.

    A crash of the machine (not of Rasa) may lose the last turns; the embedded profile accepts
    that, production runs on PostgreSQL.
    """
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")


def carried_over(tracker: DialogueStateTracker) -> list[Event]:
    """The events that start a new session in the state the tracker is in now."""
    events: list[Event] = [SessionStarted()]
    events += [SlotSet(slot.name, slot.value) for slot in tracker.slots.values() if slot.has_been_set]
    if tracker.active_loop_name:
        events.append(ActiveLoop(tracker.active_loop_name))
    events.append(ActionExecuted(ACTION_LISTEN_NAME))
    return events


def decoded(rows_data: Iterable[str]) -> list[Event]:
    """Events from the JSON of their rows, as Rasa's SQL store decodes them."""
    return deserialise_events([json.loads(data) for data in rows_data])


def forget_requested(tracker: DialogueStateTracker) -> bool:
    """Whether "forget me" ran in the tracker's session (only ever in the turn being saved: the
    turn that ran it erases the conversation)."""
    return any(isinstance(e, ActionExecuted) and e.action_name == ACTION_FORGET_ME for e in tracker.events)


class CompactingSQLTrackerStore(SQLTrackerStore):
    """SQL tracker store that starts a new session when the current one gets long."""

    def __init__(
        self,
        *args: Any,
        max_session_events: int = DEFAULT_MAX_SESSION_EVENTS,
        max_cached_sessions: int = DEFAULT_MAX_CACHED_SESSIONS,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.max_session_events = int(max_session_events)
        self.sessions = SessionCache(int(max_cached_sessions))
        if self.engine.dialect.name == "sqlite":
            self._pool_sqlite_connection()
        cache_action_result_validator()  # built once per Rasa server, like this store
        cache_event_type_lookup()

    def _pool_sqlite_connection(self) -> None:
        """One kept SQLite connection (per thread) in WAL mode, instead of one opened per query.

        Why: SQLAlchemy 1.4 gives a file SQLite database no pool, so every session opened a
        connection, set WAL again and closed it: ~5 % of the Rasa server's time under load.
        Rasa runs the store's queries on its event-loop thread, one session at a time.
        """
        self.engine.dispose()
        self.engine = sqlalchemy.create_engine(self.engine.url, poolclass=sqlalchemy.pool.SingletonThreadPool)
        sqlalchemy.event.listen(self.engine, "connect", _sqlite_wal)
        self.sessionmaker = sqlalchemy.orm.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest session, compacted first when it is long and at rest."""
        tracker = self._latest_session(sender_id)
        if tracker is None or len(tracker.events) <= self.max_session_events:
            return tracker
        last = tracker.events[-1]
        if not (isinstance(last, ActionExecuted) and last.action_name == ACTION_LISTEN_NAME):
            return tracker  # in the middle of a turn
        fresh = carried_over(tracker)
        for event in fresh:
            tracker.update(event)
        await self.save(tracker)  # appends only the new events
        logger.debug("session of %s compacted after %d events", sender_id, len(tracker.events) - len(fresh))
        return self._latest_session(sender_id)

    def _latest_session(self, sender_id: str) -> DialogueStateTracker | None:
        """What Rasa's SQL store retrieves, from the cache while the sender's rows are unchanged,
        and reading only the rows added since when another Rasa process took the last turns."""
        with self.session_scope() as session:
            fingerprint = self._fingerprint(session, sender_id)
            cached = self.sessions.get(sender_id)
            if cached is not None and cached.fingerprint != fingerprint:
                cached = self._with_rows_added(session, sender_id, cached, fingerprint)
            if cached is None or cached.fingerprint != fingerprint:
                rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
                cached = CachedSession(fingerprint, tuple(decoded(r.data for r in rows)))
        if not cached.events or not self.domain:
            self.sessions.drop(sender_id)
            return None
        tracker = DialogueStateTracker.from_events(sender_id, list(cached.events), self.domain.slots)
        self.sessions.put(sender_id, cached.handed_out(tracker))
        return tracker

    def _with_rows_added(
        self, session: sqlalchemy.orm.Session, sender_id: str, cached: CachedSession, now: Fingerprint
    ) -> CachedSession | None:
        """The cached session plus the rows stored after it, or None when rows went meanwhile."""
        added = (
            session.execute(ADDED, {"sender_id": sender_id, "after": cached.fingerprint.last_id})
            .scalars()
            .all()
        )
        if cached.fingerprint.rows + len(added) != now.rows:
            return None
        return cached.extended(decoded(added), now)

    def _fingerprint(self, session: sqlalchemy.orm.Session, sender_id: str) -> Fingerprint:
        rows, last_id = session.execute(FINGERPRINT, {"sender_id": sender_id}).one()
        return Fingerprint(int(rows), last_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the turn's new events, or erase the conversation when the turn ran "forget me".

        Rasa's own save counts the session's stored rows first to find the new events; for the
        tracker this store handed out the cache knows that count (the lock store keeps other
        turns of the conversation out meanwhile, in every Rasa process).
        """
        if forget_requested(tracker):
            self.erase(tracker.sender_id)
            return
        await self.stream_events(tracker)
        cached = self.sessions.get(tracker.sender_id)
        stored = cached.stored_count(tracker) if cached else None
        with self.session_scope() as session:
            if stored is None:
                new = list(self._additional_events(session, tracker))
            else:
                new = list(itertools.islice(tracker.events, stored, None))
            rows = [self._row(tracker.sender_id, event) for event in new]
            if rows:
                session.execute(INSERT, rows)
            fingerprint = self._fingerprint(session, tracker.sender_id)
            session.commit()
        extended = None
        if cached is not None and stored is not None:
            extended = cached.extended(decoded(r["data"] for r in rows), fingerprint)
        if extended is None:
            self.sessions.drop(tracker.sender_id)
        else:
            self.sessions.put(tracker.sender_id, extended.handed_out(tracker))

    @staticmethod
    def _row(sender_id: str, event: Event) -> dict[str, Any]:
        """The events-table row of one event, as Rasa's SQL store writes it."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def erase(self, sender_id: str) -> int:
        """Delete every event of one sender, in every session; returns how many rows went."""
        with self.session_scope() as session:
            count = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        self.sessions.drop(sender_id)
        logger.info("conversation of sender %s erased on request (%d events)", sender_id, count)
        return int(count)
