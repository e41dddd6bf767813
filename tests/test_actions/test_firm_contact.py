"""The contact person's question takes a personal name the classifier calls off-topic (QA6 #9)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_parsing import person_named
from tests.test_actions.conftest import DOMAIN, texts_of, tracker

FORM = ValidateFirmNeedForm()
NAMES = ["Lisa Hofer", "Lisa Berger", "Lisa", "Mona Berger", "Sunday Adeyemi", "lisa hofer", "Dr. Eva Maria Huber-Schmid"]


async def _contact(text: str, intent: str, dispatcher: CollectingDispatcher) -> dict:
    track = tracker({names.REQUESTED_SLOT: names.CONTACT_NAME}, text=text, intent=intent, active_loop=names.FIRM_NEED_FORM)
    return await FORM.validate_contact_name(text, dispatcher, track, DOMAIN)


@pytest.mark.parametrize("intent", ["out_of_scope", "chitchat"])
def test_off_topic_reaches_the_contact_question(intent: str) -> None:
    # "Lisa Hofer" read as out_of_scope got "Sorry, I can't help with that", and the next answer
    # (the need) was kept as the contact person
    for mapping in DOMAIN["slots"][names.CONTACT_NAME]["mappings"]:
        assert intent not in mapping.get("not_intent", [])


@pytest.mark.parametrize("name", NAMES)
async def test_a_name_read_as_out_of_scope_is_the_contact(name: str, dispatcher: CollectingDispatcher) -> None:
    assert await _contact(name, "out_of_scope", dispatcher) == {names.CONTACT_NAME: name}
    assert texts_of(dispatcher) == []


@pytest.mark.parametrize("text", ["how are you?", "tell me a joke", "what is the weather like", "pizza", "lol"])
async def test_small_talk_is_no_contact(text: str, dispatcher: CollectingDispatcher) -> None:
    assert await _contact(text, "chitchat", dispatcher) == {names.CONTACT_NAME: None}
    assert texts_of(dispatcher) == [texts.NAME_UNCLEAR]


@pytest.mark.parametrize(
    ("text", "named"),
    [("Sinéad O'Brien", True), ("Maria von Huber", True), ("Hofer, Lisa", True), ("I like pizza", False),
     ("Who are you?", False), ("weather today", False), ("Hi", False), ("Lisa 2", False)],
    ids=str,
)  # fmt: skip
def test_a_person_named(text: str, named: bool) -> None:
    assert person_named(text) is named


def test_other_firm_questions_still_refuse_off_topic() -> None:
    # only the contact person's name reads like small talk; the company's is read by its legal form
    for slot in (names.COMPANY, names.CONTACT_EMAIL, names.NEED_SKILLS):
        for mapping in DOMAIN["slots"][slot]["mappings"]:
            assert {"out_of_scope", "chitchat"} <= set(mapping["not_intent"])


@pytest.mark.parametrize("text", ["Bob Stone <bob@acme.at>", "Petra Mayr (petra.mayr@mayr.at)", "Petra Mayr, petra.mayr@mayr.at"])
async def test_a_name_with_its_address_as_pasted_is_both(text: str, dispatcher: CollectingDispatcher) -> None:
    # QA9: "Bob Stone <bob@acme.at>" left "Bob Stone <>" and was refused as no name
    slots = await _contact(text, "inform", dispatcher)
    assert slots[names.CONTACT_NAME] in ("Bob Stone", "Petra Mayr") and "@" in slots[names.CONTACT_EMAIL]


async def test_a_skill_typed_as_the_contact_is_no_name(dispatcher: CollectingDispatcher) -> None:
    # QA9: "welding" was stored as the contact person
    assert (await _contact("welding", "inform", dispatcher))[names.CONTACT_NAME] is None
    assert (await _contact("lisa hofer", "inform", CollectingDispatcher()))[names.CONTACT_NAME] == "lisa hofer"
