"""The action server gets the events from the latest user message on, and that is all it reads.

``connectors.action_calls.send_recent_events_to_actions`` trims the tracker Rasa sends with each
custom-action call. These tests hold it to what rasa_sdk's tracker helpers then answer, and fail
when an action starts reading events further back than the latest user message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa_sdk import Tracker

from connectors.action_calls import send_recent_events_to_actions
from tests.test_connectors.domain_support import DOMAIN

ACTIONS_DIR = Path(__file__).resolve().parents[2] / "actions"
# rasa_sdk helpers that read events older than the latest user message.
READS_OLD_EVENTS = (
    r"\.events\b|get_last_event_for|applied_events|events_after_latest_restart|last_executed_action_has"
)


def tracker_mid_form() -> DialogueStateTracker:
    events = [ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi", {"name": "greet"}, input_channel="slack"),
              ActionExecuted("utter_greet"), BotUttered("hi"), ActiveLoop("profile_form"),
              SlotSet("requested_slot", "place"), ActionExecuted(ACTION_LISTEN_NAME),
              UserUttered("Graz", {"name": "inform"}, [{"entity": "place", "value": "Graz"}], input_channel="widget"), SlotSet("place", "Graz"),
              SlotSet("skills", "welding")]  # fmt: skip
    return DialogueStateTracker.from_events("s1", events, DOMAIN.slots)


@pytest.mark.parametrize(
    "question",
    [
        lambda t: t.get_latest_input_channel(),
        lambda t: t.slots_to_validate(),
        lambda t: t.current_slot_values(),
        lambda t: t.latest_message,
        lambda t: t.active_loop,
        lambda t: list(t.get_latest_entity_values("place")),
    ],
    ids=["input channel", "slots to validate", "slots", "latest message", "active loop", "entities"],
)
def test_rasa_sdk_answers_as_with_every_event(question) -> None:
    send_recent_events_to_actions()
    tracker = tracker_mid_form()
    sent = RemoteAction("validate_profile_form", None)._action_call_format(tracker, DOMAIN)["tracker"]
    assert [e["event"] for e in sent["events"]] == ["user", "slot", "slot"]
    everything = Tracker.from_dict(tracker.current_state(EventVerbosity.ALL))
    assert question(Tracker.from_dict(sent)) == question(everything)


def test_actions_read_no_event_older_than_the_latest_user_message() -> None:
    readers = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(ACTIONS_DIR.rglob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(READS_OLD_EVENTS, line) and "EventType" not in line
    ]
    assert not readers, (
        f"these read older events; see connectors.action_calls.send_recent_events_to_actions: {readers}"
    )
