"""The action server's reply, checked event by event against its own type's schema, gets the
verdict jsonschema gives on Rasa's whole schema (and Rasa's error when it is refused)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from connectors.action_calls import _valid_by_event_type, cache_action_result_validator

USER = {
    "event": "user",
    "text": "hi",
    "parse_data": {"intent": {"name": "greet", "confidence": 1.0}, "entities": []},
}
REPLIES: dict[str, dict[str, Any]] = {
    "nothing": {},
    "empty lists": {"events": [], "responses": []},
    "slot": {"events": [{"event": "slot", "name": "place", "value": "Graz", "timestamp": None}]},
    "several types": {
        "events": [
            USER,
            {"event": "bot", "text": "hello"},
            {"event": "active_loop", "name": None},
            {"event": "followup", "name": "action_x"},
            {"event": "reset_slots"},
        ],
        "responses": [{"text": "x", "buttons": []}],
    },  # fmt: skip
    "unknown type": {"events": [{"event": "nope"}]},
    "no type": {"events": [{"name": "place", "value": 1}]},
    "type not a string": {"events": [{"event": 3}]},
    "slot without its name": {"events": [{"event": "slot", "value": 1}]},
    "events not a list": {"events": "slot"},
    "bad field of a type": {"events": [{**USER, "text": 42}]},
    "bad timestamp": {"events": [{"event": "slot", "name": "a", "value": 1, "timestamp": "yesterday"}]},
    "one bad among good": {"events": [USER, {"event": "slot", "name": "a"}, {"event": "bot", "text": 1}]},
}


def rasas_verdict(reply: dict[str, Any]) -> bool:
    try:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError:
        return False
    return True


@pytest.mark.parametrize("reply", REPLIES.values(), ids=REPLIES.keys())
def test_replies_get_rasas_verdict(reply: dict[str, Any]) -> None:
    cache_action_result_validator()
    action = RemoteAction("action_x", None)
    if rasas_verdict(reply):
        assert action._validate_action_result(reply)
    else:
        with pytest.raises(jsonschema.ValidationError):
            action._validate_action_result(reply)


@pytest.mark.parametrize("reply", REPLIES.values(), ids=REPLIES.keys())
def test_the_check_by_event_type_agrees_on_its_own(reply: dict[str, Any]) -> None:
    schema = RemoteAction.action_response_format_spec()
    is_valid = _valid_by_event_type(schema, jsonschema.validators.validator_for(schema))
    assert is_valid is not None and is_valid(reply) == rasas_verdict(reply)


def test_the_cases_cover_both_verdicts() -> None:
    verdicts = [rasas_verdict(reply) for reply in REPLIES.values()]
    assert verdicts.count(True) >= 4 and verdicts.count(False) >= 6
