"""The tracker store's session cache: a turn reads what Rasa's own SQL store would, with fewer queries.

Every test compares with a plain ``SQLTrackerStore`` on the same database, or counts the SQL
statements a turn runs. Two stores on one database stand for two Rasa processes; the lock store
keeps their turns of one conversation apart, as here. SQLite and PostgreSQL (conftest.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.session_cache import CachedSession, Fingerprint, SessionCache
from connectors.tracker_store import CompactingSQLTrackerStore
from tests.test_connectors.domain_support import DOMAIN


def store(tracker_db: dict[str, Any], **options: Any) -> CompactingSQLTrackerStore:
    return CompactingSQLTrackerStore(domain=DOMAIN, **tracker_db, **options)


@pytest.fixture
def sender() -> str:
    return f"s-{uuid.uuid4().hex[:8]}"


async def take_turn(
    tracker_store: CompactingSQLTrackerStore, sender: str, text: str, *extra: Any
) -> DialogueStateTracker:
    """What Rasa's processor does with the store in one turn: retrieve (or create), append, save."""
    tracker = await tracker_store.retrieve(sender) or DialogueStateTracker(sender, DOMAIN.slots)
    for event in (UserUttered(text, {"name": "inform", "confidence": 1.0}), *extra, ActionExecuted("utter_greet"),
                  BotUttered("hi"), ActionExecuted(ACTION_LISTEN_NAME)):  # fmt: skip
        tracker.update(event)
    await tracker_store.save(tracker)
    return tracker


async def as_rasa_reads_it(tracker_db: dict[str, Any], sender: str) -> list[dict] | None:
    tracker = await SQLTrackerStore(domain=DOMAIN, **tracker_db).retrieve(sender)
    return None if tracker is None else [e.as_dict() for e in tracker.events]


async def as_we_read_it(tracker_store: CompactingSQLTrackerStore, sender: str) -> list[dict] | None:
    tracker = await tracker_store.retrieve(sender)
    return None if tracker is None else [e.as_dict() for e in tracker.events]


@contextmanager
def statements(tracker_store: CompactingSQLTrackerStore) -> Iterator[list[str]]:
    """The SQL statements the store runs meanwhile."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    sqlalchemy.event.listen(tracker_store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sqlalchemy.event.remove(tracker_store.engine, "before_cursor_execute", record)


def session_reads(seen: list[str]) -> list[str]:
    """Rasa's query of a whole session (it finds the latest session start by timestamp)."""
    return [s for s in seen if "max(events.timestamp)" in s]


async def test_turns_read_what_rasas_store_reads(tracker_db: dict[str, Any], sender: str) -> None:
    ours = store(tracker_db, max_session_events=12)  # compacts after ~3 turns
    for n, extra in enumerate(
        [[], [SlotSet("place", "Graz")], [ActiveLoop("profile_form")], [], [], [], [], []]
    ):
        await take_turn(ours, sender, f"turn {n}", *extra)
        assert await as_we_read_it(ours, sender) == await as_rasa_reads_it(tracker_db, sender), (
            f"after turn {n}"
        )
    tracker = await ours.retrieve(sender)
    assert tracker.get_slot("place") == "Graz" and tracker.active_loop_name == "profile_form"


async def test_an_unchanged_conversation_is_not_read_again(tracker_db: dict[str, Any], sender: str) -> None:
    ours = store(tracker_db)
    await take_turn(ours, sender, "first")  # a new conversation: nothing cached yet
    await take_turn(ours, sender, "second")  # read from SQL, then cached with what it saved
    with statements(ours) as seen:
        await take_turn(ours, sender, "third")
    # the fingerprint before the turn and after writing; no session read, no row count
    assert [s.split()[0] for s in seen] == ["SELECT", "INSERT", "SELECT"]
    assert await as_we_read_it(ours, sender) == await as_rasa_reads_it(tracker_db, sender)


async def test_turns_taken_by_another_process_are_read(tracker_db: dict[str, Any], sender: str) -> None:
    first, second = store(tracker_db), store(tracker_db)
    await take_turn(first, sender, "one")
    await take_turn(second, sender, "two")
    await take_turn(first, sender, "three")
    with statements(second) as seen:
        await take_turn(second, sender, "four")
    assert not session_reads(seen), "reads only the rows the other process added"
    texts = [e.text for e in (await first.retrieve_full_tracker(sender)).events if isinstance(e, UserUttered)]
    assert texts == ["one", "two", "three", "four"]  # each once: nothing re-inserted
    for process in (first, second):
        assert await as_we_read_it(process, sender) == await as_rasa_reads_it(tracker_db, sender)


async def test_a_conversation_erased_elsewhere_is_gone(tracker_db: dict[str, Any], sender: str) -> None:
    first, second = store(tracker_db), store(tracker_db)
    await take_turn(first, sender, "one")
    await first.retrieve(sender)
    second.erase(sender)  # "forget me" in the other process, or the retention job
    assert await first.retrieve(sender) is None
    await take_turn(first, sender, "again")
    assert [e.text for e in (await first.retrieve(sender)).events if isinstance(e, UserUttered)] == ["again"]


async def test_a_turn_that_was_not_saved_leaves_no_trace(tracker_db: dict[str, Any], sender: str) -> None:
    ours = store(tracker_db)
    await take_turn(ours, sender, "saved")
    failed = await ours.retrieve(sender)
    failed.update(UserUttered("lost", {"name": "greet"}))  # the turn fails before Rasa saves it
    assert await as_we_read_it(ours, sender) == await as_rasa_reads_it(tracker_db, sender)
    await take_turn(ours, sender, "next")
    assert await as_we_read_it(ours, sender) == await as_rasa_reads_it(tracker_db, sender)


async def test_a_tracker_the_store_did_not_hand_out_is_saved_as_rasa_would(
    tracker_db: dict[str, Any], sender: str
) -> None:
    first, second = store(tracker_db), store(tracker_db)
    await take_turn(first, sender, "one")
    await first.retrieve(sender)  # cached here, then changed by the other process
    await take_turn(second, sender, "two")
    elsewhere = await first.retrieve_full_tracker(sender)  # e.g. the HTTP API's tracker
    elsewhere.update(UserUttered("three", {"name": "greet"}))
    await first.save(elsewhere)  # Rasa counts the stored rows to find the new event
    texts = [e.text for e in (await second.retrieve(sender)).events if isinstance(e, UserUttered)]
    assert texts == ["one", "two", "three"]


async def test_a_new_session_is_read_as_rasa_reads_it(tracker_db: dict[str, Any], sender: str) -> None:
    ours = store(tracker_db)
    await take_turn(ours, sender, "old session")
    await take_turn(ours, sender, "restart", SessionStarted(), SlotSet("place", "Linz"))
    assert await as_we_read_it(ours, sender) == await as_rasa_reads_it(tracker_db, sender)
    await take_turn(ours, sender, "new session")
    assert await as_we_read_it(ours, sender) == await as_rasa_reads_it(tracker_db, sender)


def test_the_cache_keeps_the_most_recent_senders() -> None:
    cache = SessionCache(max_sessions=2)
    session = CachedSession(Fingerprint(1, 1), ())
    for sender in ("a", "b"):
        cache.put(sender, session)
    cache.get("a")
    cache.put("c", session)
    assert (cache.get("a"), cache.get("b"), cache.get("c"), len(cache)) == (session, None, session, 2)
