"""The firm's summary (QA12): a question never saves the need, a correction of the town and the
count keeps the rest, dates read as on the cards."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_questions import AskFirmConfirmed
from tests.test_actions.conftest import DOMAIN, o, texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

FORM = ValidateFirmNeedForm()
AT_SUMMARY = {
    **FILLED,
    names.FIRM_CONFIRMED: None,
    names.REQUESTED_SLOT: names.FIRM_CONFIRMED,
    names.NEED_OCCUPATION: {"uri": o("welder"), "label": "welder"},
}


async def confirmed(text: str, dispatcher: CollectingDispatcher, intent: str = names.INTENT_INFORM) -> dict[str, Any]:
    track = tracker(AT_SUMMARY, text=text, intent=intent, active_loop=names.FIRM_NEED_FORM)
    return await FORM.validate_firm_confirmed(text, dispatcher, track, DOMAIN)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what happens after I save?", names.INTENT_FALLBACK),
        ("and what happens after I save it?", names.INTENT_INFORM),
        ("what happens next after i save", names.INTENT_INFORM),
        ("can I save it and change it later?", names.INTENT_FIRM_SAVE),
    ],
    ids=str,
)
async def test_a_question_about_saving_is_answered_and_saves_nothing(
    text: str, intent: str, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "what happens after I save?" replied "Saved! Your reference is N-…"
    slots = await confirmed(text, dispatcher, intent)
    assert slots == {names.FIRM_CONFIRMED: None, names.FIRM_CHANGING: None}
    assert texts_of(dispatcher) == [firm_texts.AFTER_SAVE_ANSWER]
    asked = await AskFirmConfirmed().run(dispatcher, tracker({**AT_SUMMARY, **slots}), {})
    assert asked == [] and dispatcher.messages[-1]["text"].startswith("Please check your need:")
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == ["Save", "Change", "Cancel"]


@pytest.mark.parametrize("text", ["is the contact shown to training partners?", "who sees this", "will it cost us anything"])
async def test_any_other_question_saves_nothing(text: str, dispatcher: CollectingDispatcher) -> None:
    slots = await confirmed(text, dispatcher)
    assert slots[names.FIRM_CONFIRMED] is None and texts_of(dispatcher) == [firm_texts.SUMMARY_QUESTION]


@pytest.mark.parametrize("text", ["I'll save it after lunch", "maybe we post it later", "hmm, we send these to HR first"])
async def test_save_said_in_a_sentence_is_no_confirmation(text: str, dispatcher: CollectingDispatcher) -> None:
    assert (await confirmed(text, dispatcher))[names.FIRM_CONFIRMED] is None


@pytest.mark.parametrize("text", ["ok save it", "save please", "yes, send it", "please submit", "looks good", "go ahead and save"])
async def test_a_clear_confirmation_saves(text: str, dispatcher: CollectingDispatcher) -> None:
    assert (await confirmed(text, dispatcher))[names.FIRM_CONFIRMED] is True


async def test_a_new_town_and_count_change_both_and_keep_the_need(dispatcher: CollectingDispatcher) -> None:
    # QA12: "wait, we're actually in Kapfenberg now and we need 2 bakers" cleared the skills, and
    # the town stayed
    slots = await confirmed("wait, we're actually in Leoben now and we need 2 welders", dispatcher)
    assert slots[names.FIRM_TOWN] == "Leoben" and slots[names.NEED_PEOPLE] == 2
    assert names.NEED_SKILLS not in slots and names.NEED_OCCUPATION not in slots


async def test_a_need_stated_anew_with_more_is_read_anew(dispatcher: CollectingDispatcher) -> None:
    slots = await confirmed("and we need 3 data analysts", dispatcher)
    assert slots[names.NEED_PEOPLE] == 3 and slots[names.NEED_OCCUPATION]["uri"] == o("analyst")


async def test_instead_at_the_summary_is_the_new_count(dispatcher: CollectingDispatcher) -> None:
    slots = await confirmed("instead of 4 people, make it 6", dispatcher)
    assert slots[names.NEED_PEOPLE] == 6


def test_the_summary_dates_as_the_cards_do() -> None:
    # QA12: the summary said "by 2027-03-01" while cards say "1 Mar 2027"
    assert "• People: 4 (new hires), by 1 Mar 2027, training: any" in AskFirmConfirmed().question(tracker(AT_SUMMARY))[0]


async def test_new_answers_the_kind_question(dispatcher: CollectingDispatcher) -> None:
    # QA12: "new" at "new hires, or upskilling?" was not understood
    track = tracker({names.REQUESTED_SLOT: names.NEED_KIND}, text="new")
    assert await FORM.validate_need_kind("new", dispatcher, track, DOMAIN) == {names.NEED_KIND: names.KIND_NEW_HIRES}
