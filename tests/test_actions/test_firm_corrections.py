"""Corrections typed at the firm's summary change what they say, and only that (QA6 #6)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.firm_counts import people_changed_by
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_parsing import fields_changed, parse_by_when
from tests.test_actions.conftest import DOMAIN, o, s, slots_of, texts_of, tracker

FORM = ValidateFirmNeedForm()
SUMMARY = {
    names.REQUESTED_SLOT: names.FIRM_CONFIRMED,
    names.COMPANY: "Hofer Bau GmbH",
    names.FIRM_TOWN: "Graz",
    names.NEED_SKILLS: [s("weld")],
    names.NEED_OCCUPATION: {"uri": o("welder"), "label": "welder"},
    names.NEED_PEOPLE: 3,
    names.NEED_BY_WHEN: "2027-06-01",
}


async def _correct(text: str, dispatcher: CollectingDispatcher, intent: str = names.INTENT_INFORM) -> dict[str, Any]:
    track = tracker(SUMMARY, text=text, intent=intent, active_loop=names.FIRM_NEED_FORM)
    return await FORM.validate_firm_confirmed(text, dispatcher, track, DOMAIN)


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("no, the firm is in Leoben", {names.FIRM_TOWN: "Leoben"}),
        ("change the date to 2027-05-01 and the people to 8", {names.NEED_BY_WHEN: "2027-05-01", names.NEED_PEOPLE: 8}),
        ("add 2 more people", {names.NEED_PEOPLE: 5}),
        ("2 fewer people", {names.NEED_PEOPLE: 1}),
        ("make it 2 fewer", {names.NEED_PEOPLE: 1}),  # QA8: "Please tap Save, Change or Cancel"
        ("two less", {names.NEED_PEOPLE: 1}),
        ("no, the email is wrong, it's p.mayr@mayr-logistik.at", {names.CONTACT_EMAIL: "p.mayr@mayr-logistik.at"}),
        ("we'd rather do it in person", {names.NEED_MODE: names.MODE_IN_PERSON}),  # it asked the mode
        ("no, the town is wrong, it's Leoben", {names.FIRM_TOWN: "Leoben"}),
        ("change the company to Hofer KG and the town to Leoben", {names.COMPANY: "Hofer KG", names.FIRM_TOWN: "Leoben"}),
    ],
    ids=str,
)
async def test_a_correction_changes_what_it_says(text: str, changed: dict[str, Any], dispatcher: CollectingDispatcher) -> None:
    # "in Leoben" became the company's name, 2027 the number of people, and "add 2 more" made 2
    result = await _correct(text, dispatcher)
    assert changed.items() <= result.items() and result[names.FIRM_CONFIRMED] is None
    assert names.COMPANY not in result or names.COMPANY in changed


async def test_a_deadline_said_of_the_need_keeps_the_skills(dispatcher: CollectingDispatcher) -> None:
    # "actually we need them by May" (read as firm_start) wiped the skills and the role
    result = await _correct("actually we need them by May", dispatcher, intent=names.INTENT_FIRM_START)
    assert result[names.NEED_BY_WHEN] == parse_by_when("by May")
    assert names.NEED_SKILLS not in result and names.NEED_OCCUPATION not in result


async def test_two_fields_named_without_values_are_both_asked(dispatcher: CollectingDispatcher) -> None:
    result = await _correct("the date and the number of people are wrong", dispatcher)
    assert result[names.NEED_BY_WHEN] is None and result[names.NEED_PEOPLE] is None


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("change the skills to welding and cutting", [names.NEED_SKILLS]),  # "cutting" names no field
        ("we are based in Graz", [names.FIRM_TOWN]),
        ("hmm", []),
    ],
    ids=str,
)
def test_the_fields_a_correction_names(text: str, fields: list[str]) -> None:
    assert [field for field, _ in fields_changed(text)] == fields


@pytest.mark.parametrize(
    ("text", "by"), [("add 2 more people", 2), ("one more", 1), ("actually 10 people", None), ("not more than 5", None)], ids=str
)
def test_people_changed_by(text: str, by: int | None) -> None:
    assert people_changed_by(text) == by


async def test_a_correction_beside_another_answer_is_taken(dispatcher: CollectingDispatcher) -> None:
    # QA8: at the deadline question, "… make it 14 people and the deadline end of april" took
    # the date and dropped the 14
    text = "hmm, actually make it 14 people and the deadline end of april"
    asked = {**SUMMARY, names.REQUESTED_SLOT: names.NEED_BY_WHEN, names.NEED_BY_WHEN: None, names.NEED_PEOPLE: 12}
    track = tracker(asked, text=text, active_loop=names.FIRM_NEED_FORM)
    slots = slots_of(await FORM.run(dispatcher, track, DOMAIN))
    assert slots[names.NEED_PEOPLE] == 14  # the date is the question's own answer, validated as ever
    assert texts_of(dispatcher) == [texts.ALSO_NOTED.format(noted="14 people")]


async def test_an_answer_without_a_correction_takes_nothing_else(dispatcher: CollectingDispatcher) -> None:
    asked = {**SUMMARY, names.REQUESTED_SLOT: names.NEED_BY_WHEN, names.NEED_BY_WHEN: None}
    track = tracker(asked, text="by the end of June", active_loop=names.FIRM_NEED_FORM)
    slots = slots_of(await FORM.run(dispatcher, track, DOMAIN))
    assert names.NEED_PEOPLE not in slots and texts_of(dispatcher) == []
