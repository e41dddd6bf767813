"""The firm's form (QA12): a contact's name with a command word in it is a name; "a data analyst"
is one person."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.firm_counts import people_named, people_needed
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_told_ahead import need_told
from actions.nlu_guard import guarded_ranking, name_with_command
from tests.test_actions.conftest import DOMAIN, texts_of, tracker

FORM = ValidateFirmNeedForm()
COMMANDED = ["Ann Stop", "Bob Cancel", "Help Martinez", "Dr. Eva Stop", "Lisa Continue"]


def ranked(*intents: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 / (i + 1)} for i, name in enumerate(intents)]


@pytest.mark.parametrize("name", COMMANDED)
@pytest.mark.parametrize("read_as", ["stop", "firm_cancel", "help", "continue"])
def test_a_name_with_a_command_word_is_an_answer(name: str, read_as: str) -> None:
    # QA12: "Ann Stop" at the contact question stopped the form, "Help Martinez" got the help
    guarded = guarded_ranking(name, read_as, ranked(read_as, "inform"))
    assert guarded is not None and guarded[0]["name"] == names.INTENT_INFORM


@pytest.mark.parametrize(
    "text",
    [
        "Stop",
        "stop now",
        "Stop It",
        "Stop Now",
        "STOP NOW",
        "Help Me Please",
        "Cancel Everything",
        "Please Help",
    ],
)
def test_a_command_is_no_name(text: str) -> None:
    assert not name_with_command(text)


@pytest.mark.parametrize("name", COMMANDED)
async def test_the_contact_question_takes_the_name(name: str, dispatcher: CollectingDispatcher) -> None:
    track = tracker(
        {names.REQUESTED_SLOT: names.CONTACT_NAME},
        text=name,
        intent=names.INTENT_INFORM,
        active_loop=names.FIRM_NEED_FORM,
    )
    assert await FORM.validate_contact_name(name, dispatcher, track, DOMAIN) == {names.CONTACT_NAME: name}
    assert texts_of(dispatcher) == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("we need a data analyst", 1),
        ("we need an electrician", 1),
        ("we need one welder", 1),
        ("we're hiring an experienced CNC operator by March", 1),
        ("we need an electrician and 2 welders", 1),  # the first count, as "one electrician and 2 welders"
        ("we need 3 welders", 3),
        ("we need a couple of welders", 2),
        ("we need a welding course", None),
        ("we need a new computer", None),
        ("a welder with TIG", None),  # typed when the skills are changed: no count of the need
        ("we're a manufacturer", None),
    ],
)
def test_a_person_needed_with_a_is_one(text: str, people: int | None) -> None:
    # QA12: "we need a data analyst" was asked "How many people?"
    assert people_needed(text) == people


def test_a_person_with_a_is_no_sure_need() -> None:
    # "we need a plumber" may be a household's: the opener's test of a firm stays strict
    assert people_named("we need a plumber") is None


def test_a_need_told_ahead_with_a_counts_one(dispatcher: CollectingDispatcher) -> None:
    # QA12: the firm's form asked "How many people?" after "we need a data analyst"
    told = need_told("we need a data analyst", tracker(text="we need a data analyst"), dispatcher)
    assert told[names.NEED_PEOPLE] == 1
