"""A training mode or a kind of need said no to is the other one (QA6 #8)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_parsing import kind_stated, parse_kind, parse_need_mode
from tests.test_actions.conftest import DOMAIN, texts_of, tracker

FORM = ValidateFirmNeedForm()


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("not online, in person please", names.MODE_IN_PERSON),
        ("in-person, not online", names.MODE_IN_PERSON),
        ("no online please", names.MODE_IN_PERSON),
        ("online is not possible for them", names.MODE_IN_PERSON),
        ("not in person", names.MODE_ONLINE),
        ("no, online please", names.MODE_ONLINE),  # a "no" to the question, not to online
        ("online", names.MODE_ONLINE),
        ("online would be ok too", names.ANY),
        ("not hybrid, online", names.MODE_ONLINE),
    ],
    ids=str,
)
def test_a_mode_said_no_to(text: str, mode: str) -> None:
    assert parse_need_mode(text) == mode


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("we're not hiring", names.KIND_UPSKILLING),
        ("not new hires, our own people", names.KIND_UPSKILLING),
        ("we don't want to hire anyone", names.KIND_UPSKILLING),
        ("we don't want to train our staff, we need new people", names.KIND_NEW_HIRES),
        ("we're hiring", names.KIND_NEW_HIRES),
    ],
    ids=str,
)
def test_a_kind_said_no_to(text: str, kind: str) -> None:
    assert parse_kind(text) == kind


async def test_no_hiring_and_training_the_staff_is_one_kind(dispatcher: CollectingDispatcher) -> None:
    # it got "I record one kind per need: pick the main one here …", and the question again
    text = "we don't want to hire anyone, we want to train our current mechanics"
    track = tracker({names.REQUESTED_SLOT: names.NEED_KIND}, text=text, active_loop=names.FIRM_NEED_FORM)
    assert await FORM.validate_need_kind(text, dispatcher, track, DOMAIN) == {names.NEED_KIND: names.KIND_UPSKILLING}
    assert texts_of(dispatcher) == []


def test_a_need_not_hiring_states_upskilling() -> None:
    assert kind_stated("we're not hiring, we want to upskill our welders") == names.KIND_UPSKILLING
