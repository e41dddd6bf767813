"""'Forget me' in the tracker store: the turn that ran action_forget_me deletes the conversation.

Rasa saves a turn after its actions ran and re-inserts every event it finds missing, so the
store itself must erase instead of saving. Real Rasa classes on SQLite and on PostgreSQL
(tests/test_connectors/conftest.py).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, AllSlotsReset, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.names import ACTION_FORGET_ME
from connectors.tracker_store import CompactingSQLTrackerStore
from tests.test_skills_catalog.test_privacy import EVENTS

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, forget_me]
slots:
  place: {type: text, mappings: [{type: from_text}]}
"""
)


@pytest.fixture
def store(tracker_db: dict[str, Any]) -> CompactingSQLTrackerStore:
    return CompactingSQLTrackerStore(domain=DOMAIN, **tracker_db)


def turn(tracker: DialogueStateTracker, text: str, intent: str, action: str | None = None) -> None:
    tracker.update(UserUttered(text, {"name": intent, "confidence": 1.0}))
    if action:
        tracker.update(ActionExecuted(action))
    tracker.update(ActionExecuted(ACTION_LISTEN_NAME))


def rows(store: SQLTrackerStore, sender: str) -> int:
    with store.session_scope() as session:
        return session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender).count()


async def test_forget_me_turn_erases_every_row_of_the_sender(store: CompactingSQLTrackerStore) -> None:
    me, other = f"me-{uuid.uuid4().hex[:6]}", f"other-{uuid.uuid4().hex[:6]}"
    for sender in (me, other):
        tracker = DialogueStateTracker(sender, DOMAIN.slots)
        turn(tracker, "I live in Zyxwvut", "greet")
        tracker.update(SlotSet("place", "Zyxwvut"))
        await store.save(tracker)
    tracker = await store.retrieve(me)
    assert tracker is not None and rows(store, me) > 0
    tracker.update(UserUttered("forget me", {"name": "forget_me", "confidence": 1.0}))
    for event in (ActionExecuted(ACTION_FORGET_ME), AllSlotsReset(), ActionExecuted(ACTION_LISTEN_NAME)):
        tracker.update(event)
    await store.save(tracker)
    assert rows(store, me) == 0 and await store.retrieve(me) is None
    assert await store.retrieve_full_tracker(me) is None
    assert (await store.retrieve(other)).get_slot("place") == "Zyxwvut"  # type: ignore[union-attr]


async def test_the_next_turn_starts_a_fresh_conversation(store: CompactingSQLTrackerStore) -> None:
    me = f"me-{uuid.uuid4().hex[:6]}"
    tracker = DialogueStateTracker(me, DOMAIN.slots)
    turn(tracker, "hi", "greet", ACTION_FORGET_ME)
    await store.save(tracker)
    fresh = DialogueStateTracker(me, DOMAIN.slots)  # what Rasa builds when retrieve gives None
    turn(fresh, "hello again", "greet")
    await store.save(fresh)
    kept = await store.retrieve(me)
    assert kept is not None and [e.text for e in kept.events if isinstance(e, UserUttered)] == ["hello again"]


def test_retention_sql_matches_rasas_events_table() -> None:
    """skills_catalog.privacy runs plain SQL on these columns (it may not import Rasa)."""
    rasa_columns = {c.name: type(c.type) for c in SQLTrackerStore.SQLEvent.__table__.columns}
    mirror = {c.name: type(c.type) for c in EVENTS.columns}
    assert SQLTrackerStore.SQLEvent.__tablename__ == EVENTS.name and rasa_columns == mirror
