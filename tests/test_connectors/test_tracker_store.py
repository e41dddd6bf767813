"""The compacting tracker store: long sessions restart with the state carried over, nothing lost.

A real SQLite file and Rasa's own tracker classes; a small domain with a form and two slots.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.action_calls import cache_action_result_validator
from connectors.tracker_store import CompactingSQLTrackerStore

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, inform]
slots:
  place: {type: text, mappings: [{type: from_text}]}
  consent: {type: bool, initial_value: false, mappings: [{type: custom}]}
  requested_slot: {type: any, mappings: [{type: custom}]}
forms:
  profile_form: {required_slots: [place]}
responses:
  utter_greet: [{text: hi}]
"""
)


@pytest.fixture
def store(tmp_path: Path) -> CompactingSQLTrackerStore:
    return CompactingSQLTrackerStore(
        domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"), max_session_events=20
    )


def turn(n: int) -> list:
    return [UserUttered(f"hello {n}", {"name": "greet"}), ActionExecuted("utter_greet"), BotUttered("hi"),
            ActionExecuted(ACTION_LISTEN_NAME)]  # fmt: skip


def conversation(turns: int, ending: list | None = None) -> DialogueStateTracker:
    events = [ActionExecuted(ACTION_LISTEN_NAME), SlotSet("consent", True), ActiveLoop("profile_form"),
              SlotSet("requested_slot", "place")]  # fmt: skip
    for n in range(turns):
        events += turn(n)
    return DialogueStateTracker.from_events("s1", events + (ending or []), DOMAIN.slots)


async def test_short_session_is_returned_as_it_is(store: CompactingSQLTrackerStore) -> None:
    await store.save(conversation(3))
    assert len((await store.retrieve("s1")).events) == 16


async def test_long_session_restarts_with_slots_and_form_carried_over(
    store: CompactingSQLTrackerStore,
) -> None:
    await store.save(conversation(10))
    tracker = await store.retrieve("s1")
    assert len(tracker.events) <= 6
    assert tracker.get_slot("consent") is True and tracker.get_slot("requested_slot") == "place"
    assert tracker.active_loop_name == "profile_form"
    assert tracker.latest_action_name == ACTION_LISTEN_NAME
    again = await store.retrieve("s1")
    assert [e.as_dict()["event"] for e in again.events] == [e.as_dict()["event"] for e in tracker.events]


async def test_full_history_is_kept(store: CompactingSQLTrackerStore) -> None:
    await store.save(conversation(10))
    await store.retrieve("s1")
    full = await store.retrieve_full_tracker("s1")
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == [f"hello {n}" for n in range(10)]


async def test_new_turns_after_compaction_are_saved(store: CompactingSQLTrackerStore) -> None:
    await store.save(conversation(10))
    tracker = await store.retrieve("s1")
    for event in turn(99):
        tracker.update(event)
    await store.save(tracker)
    assert (await store.retrieve("s1")).latest_message.text == "hello 99"


async def test_never_compacts_in_the_middle_of_a_turn(store: CompactingSQLTrackerStore) -> None:
    await store.save(conversation(10, ending=[UserUttered("mid", {"name": "greet"})]))
    assert len((await store.retrieve("s1")).events) == 45


def test_cached_action_result_validation_accepts_and_refuses_as_before() -> None:
    cache_action_result_validator()
    action = RemoteAction("action_x", None)
    assert action._validate_action_result(
        {"events": [{"event": "slot", "name": "a", "value": 1}], "responses": []}
    )
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": [{"no_event_key": 1}]})
