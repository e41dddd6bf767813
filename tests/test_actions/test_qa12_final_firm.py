"""A firm's side after QA12's last regression run: its cards marked as a firm's for the widget, a
company's name at the consent question, a need stated at a later question, "not … also …" at the
summary, a question at the reference question."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.firm_conversation import firm_what_now
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_manage import ValidateFirmManageForm
from tests.test_actions.conftest import DOMAIN, o, s, texts_of, tracker
from tests.test_actions.test_firm_submit import offer_cards
from tests.test_actions.test_qa12_firm_regress import saved


async def test_a_firms_cards_are_marked_so_the_widget_says_for_your_need(dispatcher: CollectingDispatcher) -> None:
    # the widget builds its card from the payload: "for you: …" on a firm's card while the text said "for your need"
    await saved(dispatcher)
    cards = offer_cards(dispatcher)
    assert cards and all(card["for"] == "firm" for card in cards)


FORM = ValidateFirmNeedForm()


async def test_a_company_name_at_the_consent_question_is_the_company(dispatcher: CollectingDispatcher) -> None:
    # QA12: "Steel GmbH" at the consent question was kept as a need ("role: structural ironworker")
    track = tracker({names.REQUESTED_SLOT: names.FIRM_CONSENT}, text="Steel GmbH")
    slots = await FORM.validate_firm_consent("Steel GmbH", dispatcher, track, DOMAIN)
    assert slots == {names.FIRM_CONSENT: None, names.COMPANY: "Steel GmbH"}
    assert texts_of(dispatcher) == [firm_texts.COMPANY_KEPT_AT_CONSENT.format(company="Steel GmbH")]


@pytest.mark.parametrize("slot", [names.ECOSYSTEM, names.COMPANY_SIZE])
async def test_a_need_stated_at_a_later_question_is_kept(slot: str, dispatcher: CollectingDispatcher) -> None:
    # QA12: "we need a data analyst" at the ecosystem's question was taken for "digital", the need lost
    text = "we need a welder"
    track = tracker({names.REQUESTED_SLOT: slot, names.FIRM_CONSENT: True}, text=text)
    slots = await getattr(FORM, f"validate_{slot}")(text, dispatcher, track, DOMAIN)
    assert slots[slot] is None  # asked again
    assert slots[names.NEED_OCCUPATION]["uri"] == o("welder")
    assert texts_of(dispatcher) == [texts.FIRM_NEED_KEPT]


async def test_a_need_stated_beside_the_ecosystem_keeps_both(dispatcher: CollectingDispatcher) -> None:
    text = "we're in construction and we need a welder"
    track = tracker({names.REQUESTED_SLOT: names.ECOSYSTEM}, text=text)
    slots = await FORM.validate_ecosystem(text, dispatcher, track, DOMAIN)
    assert slots[names.ECOSYSTEM] == "construction" and slots[names.NEED_OCCUPATION]["uri"] == o("welder")


async def test_a_second_need_at_a_later_question_is_said_back(dispatcher: CollectingDispatcher) -> None:
    welder = {"uri": o("welder"), "label": "welder"}
    track = tracker({names.REQUESTED_SLOT: names.COMPANY_SIZE, names.NEED_OCCUPATION: welder}, text="we need a welder")
    slots = await FORM.validate_company_size("we need a welder", dispatcher, track, DOMAIN)
    assert slots == {names.COMPANY_SIZE: None}
    assert texts_of(dispatcher) == [firm_texts.NEED_KEPT_ALREADY.format(need="a welder")]


async def test_a_removal_and_an_addition_at_the_need_check_are_both_applied(dispatcher: CollectingDispatcher) -> None:
    # QA12: "not role: structural ironworker. also data analyst" removed the role, then asked "What do you need?"
    welder = {"uri": o("welder"), "label": "welder"}
    slots = {names.REQUESTED_SLOT: names.NEED_SKILLS_CONFIRMED, names.NEED_OCCUPATION: welder, names.NEED_SKILLS: []}
    text = "not role: welder. also PLC programming"
    got = await FORM.validate_need_skills_confirmed(text, dispatcher, tracker(slots, text=text), DOMAIN)
    assert got[names.NEED_OCCUPATION] is None or got[names.NEED_OCCUPATION]["uri"] != o("welder")
    assert s("plc") in got[names.NEED_SKILLS] and got[names.NEED_SKILLS_CONFIRMED] is None


async def test_what_happens_now_at_the_reference_question_is_answered_and_asked_again(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA12: "That doesn't look like a need's reference … so I've stopped here"
    text = "what happens now?"
    track = tracker({names.REQUESTED_SLOT: names.MANAGE_REFERENCE}, text=text)
    slots = await ValidateFirmManageForm().validate_manage_reference(text, dispatcher, track, DOMAIN)
    assert slots == {names.MANAGE_REFERENCE: None}  # no MANAGE_DONE: the form asks for the reference again
    assert texts_of(dispatcher) == [firm_what_now(track)]
