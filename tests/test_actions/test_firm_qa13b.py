"""Firm QA13b: a change said right after saving applies to the need saved in this chat (its
reference and secret are held there); answers given early are kept; answers that are no answer
("ok", "dunno", "workers for production") are told what is expected; "what happens now?" after a
lost secret and a need stated outside the forms get the firm's answers."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_manage import ValidateFirmManageForm
from actions.firm_need_edits import need_with
from actions.firm_offers import ActionFirmFreeText
from actions.firm_parsing import parse_need_mode
from actions.firm_questions import AskFirmConfirmed
from actions.firm_submit import ActionFirmSubmit
from actions.offers import ActionAfterInterest
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import DOMAIN, o, s, slots_of, texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

FIRM = {names.FIRM_SIDE: True}
#: what the need form keeps of a firm after saving (its company details), as ActionFirmSubmit leaves it
COMPANY = {k: v for k, v in FILLED.items() if k not in names.NEED_SLOTS and k != names.FIRM_CONFIRMED}


def followups(events: list[dict[str, Any]]) -> list[str]:
    return [e["name"] for e in events if e.get("event") == "followup"]


async def saved(needs: MemoryNeedStore) -> dict[str, Any]:
    """The slots of a conversation that has just saved the need of ``FILLED`` (4 welders)."""
    events = await ActionFirmSubmit().run(CollectingDispatcher(), tracker(FILLED), {})
    slots = {**COMPANY, **FIRM, **slots_of(events)}
    assert stored_people(needs, slots[names.NEED_REFERENCE]) == 4
    return slots


def stored_people(needs: MemoryNeedStore, reference: str) -> int:
    need = needs.get(reference)
    assert need is not None
    return need.people


# ------------------------------------------------------------------ a change right after saving


async def test_saving_keeps_the_secret_said_in_the_chat(needs: MemoryNeedStore) -> None:
    dispatcher = CollectingDispatcher()
    slots = slots_of(await ActionFirmSubmit().run(dispatcher, tracker(FILLED), {}))
    reference, secret = slots[names.NEED_REFERENCE], slots[names.NEED_SECRET]
    assert f"your secret is {secret} " in texts_of(dispatcher)[0]
    needs.get_for_owner(reference, secret)  # the very secret: no WrongSecretError


async def test_a_change_said_as_a_need_after_saving_opens_no_new_need_form(needs: MemoryNeedStore) -> None:
    # QA13b: "actually we need 5 not 3" right after saving opened a new need form ("What do you need?")
    slots = await saved(needs)
    track = tracker(slots, "actually we need 5 not 3", intent=names.INTENT_FIRM_START, active_loop=names.FIRM_NEED_FORM)
    events = await ValidateFirmNeedForm().run(CollectingDispatcher(), track, DOMAIN)
    assert followups(events) == [names.FIRM_MANAGE_FORM]
    assert slots_of(events) == {names.REQUESTED_SLOT: None}  # the need form ends as it opens, nothing kept


@pytest.mark.parametrize(
    ("text", "people"),
    [("actually we need 5 not 3", 5), ("I want to change the need I just saved: 6 people instead of 4", 6)],
    ids=str,
)
async def test_the_manage_form_changes_the_need_saved_in_this_chat(text: str, people: int, needs: MemoryNeedStore) -> None:
    # ... and the manage form opened on it takes the reference and secret from the chat and the change said
    slots = await saved(needs)
    reference, dispatcher = slots[names.NEED_REFERENCE], CollectingDispatcher()
    track = tracker(slots, text, intent=names.INTENT_INFORM, active_loop=names.FIRM_MANAGE_FORM)
    set_now = slots_of(await ValidateFirmManageForm().run(dispatcher, track, DOMAIN))
    assert stored_people(needs, reference) == people
    assert texts_of(dispatcher)[0] == firm_texts.MANAGE_UPDATED.format(
        reference=reference, headcount=f"{people} people", by_when="by 1 Mar 2027", mode=texts.ANY_MODE
    )
    assert set_now[names.MANAGE_REFERENCE] == reference and set_now.get(names.MANAGE_ACTION) is None  # asks what else
    assert texts.ASK_MANAGE_REFERENCE not in texts_of(dispatcher)


async def test_words_about_the_saved_need_with_no_change_show_it(needs: MemoryNeedStore) -> None:
    slots = await saved(needs)
    dispatcher = CollectingDispatcher()
    track = tracker(slots, "can I see the need I just posted", intent=names.INTENT_FIRM_MANAGE, active_loop=names.FIRM_MANAGE_FORM)
    set_now = slots_of(await ValidateFirmManageForm().run(dispatcher, track, DOMAIN))
    assert texts_of(dispatcher)[0].startswith(f"Need {slots[names.NEED_REFERENCE]} (open): weld metal parts — 4 people")
    assert set_now[names.MANAGE_SECRET] == slots[names.NEED_SECRET]  # what to do is asked next, not the reference


async def test_the_view_button_still_asks_for_a_reference(needs: MemoryNeedStore) -> None:
    # "View / change a need" may be for another need: the chat's is not assumed
    slots = await saved(needs)
    track = tracker(slots, "/firm_manage", intent=names.INTENT_FIRM_MANAGE, active_loop=names.FIRM_MANAGE_FORM)
    set_now = slots_of(await ValidateFirmManageForm().run(CollectingDispatcher(), track, DOMAIN))
    assert set_now.get(names.MANAGE_REFERENCE) is None


async def test_a_change_typed_outside_the_forms_after_saving_opens_the_manage_form(needs: MemoryNeedStore) -> None:
    # "I want to change the need I just saved: 5 people instead of 3" reads as inform: the firm's free text
    slots = await saved(needs)
    text = "I want to change the need I just saved: 5 people instead of 4"
    events = await ActionFirmFreeText().run(CollectingDispatcher(), tracker(slots, text), {})
    assert followups(events) == [names.FIRM_MANAGE_FORM]


async def test_a_change_of_the_saved_need_inside_a_new_need_form_goes_to_it(needs: MemoryNeedStore) -> None:
    # QA13b: "I want to change the need I just saved: 5 people instead of 3" looped in the new need's form
    slots = {**await saved(needs), names.REQUESTED_SLOT: names.NEED_SKILLS}
    text = "I want to change the need I just saved: 5 people instead of 4"
    track = tracker(slots, text, active_loop=names.FIRM_NEED_FORM)
    track.events.append({"event": "slot", "name": names.NEED_SKILLS, "value": text})  # as the form extracts it
    events = await ValidateFirmNeedForm().run(CollectingDispatcher(), track, DOMAIN)
    assert followups(events) == [names.FIRM_MANAGE_FORM]
    assert slots_of(events) == {names.NEED_SKILLS: None, names.REQUESTED_SLOT: None}  # no raw words kept


async def test_a_change_at_a_new_needs_summary_is_of_the_new_need(needs: MemoryNeedStore) -> None:
    slots = {**await saved(needs), **FILLED, names.FIRM_CONFIRMED: None, names.REQUESTED_SLOT: names.FIRM_CONFIRMED}
    track = tracker(slots, "make it 5 people", active_loop=names.FIRM_NEED_FORM)
    track.events.append({"event": "slot", "name": names.FIRM_CONFIRMED, "value": "make it 5 people"})
    events = await ValidateFirmNeedForm().run(CollectingDispatcher(), track, DOMAIN)
    assert followups(events) == [] and slots_of(events)[names.NEED_PEOPLE] == 5


@pytest.mark.parametrize("text", ["we also need 2 solar panel installers", "we need 3 welders who can do PLC programming"])
async def test_a_need_for_more_after_saving_is_a_new_need(text: str, needs: MemoryNeedStore) -> None:
    slots = await saved(needs)
    dispatcher = CollectingDispatcher()
    track = tracker(slots, text, intent=names.INTENT_FIRM_START, active_loop=names.FIRM_NEED_FORM)
    events = await ValidateFirmNeedForm().run(dispatcher, track, DOMAIN)
    assert followups(events) == [] and texts.FIRM_NEED_KEPT in texts_of(dispatcher)


async def test_without_a_saved_need_a_count_opens_the_need_form(dispatcher: CollectingDispatcher) -> None:
    track = tracker(FIRM, "actually we need 5 not 3", intent=names.INTENT_FIRM_START, active_loop=names.FIRM_NEED_FORM)
    assert followups(await ValidateFirmNeedForm().run(dispatcher, track, DOMAIN)) == []


# ------------------------------------------------------------------ a need stated outside the forms


async def test_a_need_stated_in_a_firms_conversation_opens_the_need_form_with_it(dispatcher: CollectingDispatcher) -> None:
    # QA13b: "3 welders in Graz" after a lost secret got the firm's menu
    events = await ActionFirmFreeText().run(dispatcher, tracker({**FIRM, names.GREETED: True}, "3 welders in Graz"), {})
    assert followups(events) == [names.FIRM_NEED_FORM]
    kept = slots_of(events)
    assert (kept[names.NEED_OCCUPATION]["uri"], kept[names.NEED_PEOPLE], kept[names.FIRM_TOWN]) == (o("welder"), 3, "Graz")
    assert texts_of(dispatcher) == [texts.FIRM_NEED_KEPT]


async def test_other_words_of_a_firm_still_get_its_menu(dispatcher: CollectingDispatcher) -> None:
    events = await ActionFirmFreeText().run(dispatcher, tracker({**FIRM, names.GREETED: True}, "ok so what now with the need"), {})
    assert events == [] and texts_of(dispatcher) == [firm_texts.FIRM_FREE_TEXT]


# ------------------------------------------------------------------ what happens now?


async def test_what_happens_now_after_a_lost_secret_says_what_the_team_does(dispatcher: CollectingDispatcher) -> None:
    # QA13b: it got the text of a need not saved yet ("When you tap Save, …")
    opened = tracker({}, "I lost the secret for our need N-ZSSPG", intent=names.INTENT_FIRM_MANAGE, active_loop=names.FIRM_MANAGE_FORM)
    after = {**FIRM, **slots_of(await ValidateFirmManageForm().run(CollectingDispatcher(), opened, DOMAIN))}
    assert after[names.FIRM_SECRET_LOST_OF] == "N-ZSSPG"
    await ActionAfterInterest().run(dispatcher, tracker(after, "what happens now?", intent=names.INTENT_AFTER_INTEREST), {})
    assert texts_of(dispatcher) == [firm_texts.LOST_SECRET_WHAT_NOW.format(reference="N-ZSSPG")]


async def test_what_happens_now_with_nothing_under_way(dispatcher: CollectingDispatcher) -> None:
    await ActionAfterInterest().run(dispatcher, tracker(FIRM, "what happens now?", intent=names.INTENT_AFTER_INTEREST), {})
    assert texts_of(dispatcher) == [firm_texts.NOTHING_UNDER_WAY]


# ------------------------------------------------------------------ answers kept, and answers that are none


async def answer(asked: str, text: str, slots: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    """The slots the need form sets and what it says when ``text`` answers the question ``asked``."""
    dispatcher = CollectingDispatcher()
    track = tracker({names.REQUESTED_SLOT: asked, **(slots or {})}, text=text, active_loop=names.FIRM_NEED_FORM)
    track.events.append({"event": "slot", "name": asked, "value": text})  # as the form extracts it
    return slots_of(await ValidateFirmNeedForm().run(dispatcher, track, DOMAIN)), texts_of(dispatcher)


@pytest.mark.parametrize(
    ("asked", "text", "kept"),
    [
        (names.ECOSYSTEM, "about 120 employees", {names.COMPANY_SIZE: "medium"}),
        (names.ECOSYSTEM, "Giulia Rossi", {names.CONTACT_NAME: "Giulia Rossi"}),
        (names.ECOSYSTEM, "giulia@rossi.it", {names.CONTACT_EMAIL: "giulia@rossi.it"}),
        (names.COMPANY_SIZE, "Giulia Rossi, giulia@rossi.it", {names.CONTACT_NAME: "Giulia Rossi", names.CONTACT_EMAIL: "giulia@rossi.it"}),
        (names.FIRM_TOWN, "giulia@rossi.it", {names.CONTACT_EMAIL: "giulia@rossi.it"}),
    ],
    ids=str,
)
async def test_an_answer_given_early_is_kept_for_its_question(asked: str, text: str, kept: dict[str, Any]) -> None:
    # QA13b: they got "Please pick one of the 14 ecosystems", or towns to choose from
    slots, said = await answer(asked, text, FIRM)
    assert slots[asked] is None  # asked again
    assert {k: slots[k] for k in kept} == kept
    assert said == [firm_texts.NOTED_FOR_LATER.format(noted=", ".join(kept.values()))]
    assert names.FIRM_TOWN_SUGGESTIONS not in slots or not slots[names.FIRM_TOWN_SUGGESTIONS]


async def test_an_email_given_before_at_the_town_question_asks_for_the_town() -> None:
    slots, said = await answer(names.FIRM_TOWN, "giulia@rossi.it", {**FIRM, names.CONTACT_EMAIL: "ana@steel.eu"})
    assert slots == {names.FIRM_TOWN: None} and said == [texts.FIRM_TOWN_NEEDED]


@pytest.mark.parametrize("text", ["Bergamo"])
async def test_one_word_at_the_ecosystem_question_is_no_contact(text: str) -> None:
    slots, said = await answer(names.ECOSYSTEM, text, FIRM)
    assert names.CONTACT_NAME not in slots and said == [texts.ECOSYSTEM_UNKNOWN]


@pytest.mark.parametrize("text", ["dunno", "I don't know", "not sure yet"])
async def test_not_knowing_the_town_is_told_what_is_needed(text: str) -> None:
    # QA13b: "dunno" got "Did you mean Duno, IT?"
    slots, said = await answer(names.FIRM_TOWN, text, FIRM)
    assert slots[names.FIRM_TOWN] is None and not slots.get(names.FIRM_TOWN_SUGGESTIONS)
    assert said == [firm_texts.TOWN_UNSURE]


async def test_not_sure_at_the_ecosystem_question_asks_in_the_firms_words() -> None:
    slots, said = await answer(names.ECOSYSTEM, "not sure", FIRM)
    assert slots[names.ECOSYSTEM] is None and said == [firm_texts.ECOSYSTEM_UNSURE]


@pytest.mark.parametrize("text", ["ok", "Okay!", "yes sure"])
async def test_a_reply_is_no_company_name(text: str) -> None:
    # QA13b: "ok" was stored as the company's name
    slots, said = await answer(names.COMPANY, text, FIRM)
    assert slots[names.COMPANY] is None and said == [texts.COMPANY_UNCLEAR]


@pytest.mark.parametrize("text", ["OK Motors", "Yes Energy Solutions"])
async def test_a_name_with_a_reply_word_is_a_name(text: str) -> None:
    slots, _ = await answer(names.COMPANY, text, FIRM)
    assert slots[names.COMPANY] == text


@pytest.mark.parametrize("text", ["workers for production", "10 people for the production line", "we need factory workers"])
async def test_a_need_naming_no_work_asks_which_work(text: str) -> None:
    # QA13b: a textiles firm's "workers for production" became *metal products assembler* and *supervise staff*
    slots, said = await answer(names.NEED_SKILLS, text, FIRM)
    assert slots[names.NEED_SKILLS] is None and names.NEED_OCCUPATION not in slots
    assert said == [firm_texts.NEED_NO_WORK]


async def test_a_need_naming_no_work_keeps_its_count() -> None:
    slots, _ = await answer(names.NEED_SKILLS, "10 people for the production line", FIRM)
    assert slots[names.NEED_PEOPLE] == 10


async def test_a_need_naming_work_is_read() -> None:
    slots, _ = await answer(names.NEED_SKILLS, "welders for production", FIRM)
    assert slots[names.NEED_OCCUPATION]["uri"] == o("welder")


# ------------------------------------------------------------------ the need's check and its mode


async def test_also_naming_what_the_need_has_says_so(dispatcher: CollectingDispatcher) -> None:
    # QA13b: "also Siemens TIA Portal and S7" (read as the PLC skill listed) echoed the need with no word
    track = tracker({names.NEED_SKILLS: [s("weld")], names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts"}})
    slots = need_with("also welding", dispatcher, track)
    assert slots[names.NEED_SKILLS] == [s("weld")]
    assert texts_of(dispatcher) == [firm_texts.NEED_HAS_IT.format(said="welding", labels="weld metal parts")]


async def test_also_naming_something_new_adds_it_unsaid(dispatcher: CollectingDispatcher) -> None:
    track = tracker({names.NEED_SKILLS: [s("weld")], names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts"}})
    assert need_with("also PLC programming", dispatcher, track)[names.NEED_SKILLS] == [s("weld"), s("plc")]
    assert texts_of(dispatcher) == []


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("in person or blended", names.MODE_IN_PERSON),  # QA13b: stored as blended, which takes online courses
        ("in-person or hybrid is fine", names.MODE_IN_PERSON),
        ("online or blended", names.MODE_BLENDED),
        ("blended", names.MODE_BLENDED),
        ("not in person, blended", names.MODE_BLENDED),
    ],
    ids=str,
)
def test_in_person_or_blended_is_kept_as_both(text: str, mode: str) -> None:
    assert parse_need_mode(text) == mode


async def test_the_summary_says_in_person_takes_blended_too(dispatcher: CollectingDispatcher) -> None:
    summary = {**FILLED, names.NEED_MODE: names.MODE_IN_PERSON, names.FIRM_CONFIRMED: None}
    await AskFirmConfirmed().run(dispatcher, tracker(summary), {})
    assert "training: in person or blended" in texts_of(dispatcher)[-1]
