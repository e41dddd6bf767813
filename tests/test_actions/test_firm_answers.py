"""Answers of the firm need form that are no answer, or more than one (QA8)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.firm_corrections import by_when_words
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_parsing import parse_by_when, without_firm_words
from skills_catalog.errors import UnknownPlaceError
from skills_catalog.models import Match, Place
from tests.test_actions.conftest import o, s, texts_of, tracker
from tests.test_skills_catalog.conftest import PLACES

FORM = ValidateFirmNeedForm()


async def validate(slot: str, text: str, dispatcher: CollectingDispatcher, **slots: Any) -> dict[str, Any]:
    track = tracker({names.REQUESTED_SLOT: slot, **slots}, text=text, active_loop=names.FIRM_NEED_FORM)
    return await getattr(FORM, f"validate_{slot}")(text, dispatcher, track, {})


@pytest.mark.parametrize("text", ["yes", "new hires", "our staff", "who do you mean?"])
async def test_no_person_is_no_contact(text: str, dispatcher: CollectingDispatcher) -> None:
    # "yes" and "new hires" were stored as the contact person
    assert (await validate(names.CONTACT_NAME, text, dispatcher))[names.CONTACT_NAME] is None


async def test_the_firms_own_town_is_no_contact(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.CONTACT_NAME, "Graz", dispatcher, **{names.FIRM_TOWN: "Graz"})
    assert slots[names.CONTACT_NAME] is None and texts_of(dispatcher) == [texts.NAME_UNCLEAR]


async def test_job_titles_are_no_contact(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # "cloud engineers" was stored as the contact person
    found = [Match(o("analyst"), "data analyst", 0.95, "data analysts", 0, 13)]
    monkeypatch.setattr(services.engine(), "recognise_occupations", lambda _text, top=5: found)
    assert (await validate(names.CONTACT_NAME, "data analysts", dispatcher))[names.CONTACT_NAME] is None


@pytest.mark.parametrize("name", ["Anna Peters", "Maria Huber", "Lisa"])
async def test_names_are_still_contacts(name: str, dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.CONTACT_NAME, name, dispatcher) == {names.CONTACT_NAME: name}


async def test_a_question_at_the_company_is_answered_not_stored(dispatcher: CollectingDispatcher) -> None:
    # "can we stay anonymous?" became the company's name
    assert await validate(names.COMPANY, "can we stay anonymous?", dispatcher) == {names.COMPANY: None}
    assert texts_of(dispatcher) == [texts.COMPANY_WHY]


class _FuzzyGazetteer:
    """Reads "care" as a far town under another name, as the real gazetteer read Cerveteri."""

    def lookup(self, query: str, country: str | None = None) -> Place:
        if query.strip().lower() in ("care", "cerveteri"):
            return Place("Cerveteri", "IT", PLACES["graz"].point, 30_000)
        if query.strip().lower() in PLACES:
            return PLACES[query.strip().lower()]
        raise UnknownPlaceError(query, [])


@pytest.mark.parametrize(
    ("text", "taken"), [("care", None), ("graz", "Graz"), ("Cerveteri", "Cerveteri")], ids=str
)
async def test_a_common_word_read_as_a_town_is_offered_not_taken(
    text: str, taken: str | None, monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # "care" was taken as Cerveteri (IT), "save" as Savé (Benin)
    monkeypatch.setattr(services.engine(), "gazetteer", _FuzzyGazetteer())
    slots = await validate(names.FIRM_TOWN, text, dispatcher)
    assert slots[names.FIRM_TOWN] == taken
    if taken is None:
        assert slots[names.FIRM_TOWN_SUGGESTIONS] == ["Cerveteri"] and texts_of(dispatcher) == []


async def test_a_deadline_typed_with_the_need_is_kept(dispatcher: CollectingDispatcher) -> None:
    # "a dozen of our machinists … before summer": the 12 was read, the deadline asked again
    slots = await validate(names.NEED_SKILLS, "a dozen of our fitters need welding before summer", dispatcher)
    assert slots[names.NEED_SKILLS] == [s("weld")] and slots[names.NEED_BY_WHEN] == parse_by_when(
        "before summer"
    )


def test_the_firms_people_named_of_it_are_no_skill() -> None:
    # "train 4 of our mechanics in welding" saved *mechanics* as a skill
    assert "mechanics" not in without_firm_words("we need to train 4 of our mechanics in welding")


async def test_of_two_roles_the_one_named_first_is_kept(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # "2 cooks and a kitchen porter" kept the porter (scored higher), with the cooks' 2
    text = "two welders and a data analyst"
    found = [
        Match(o("analyst"), "data analyst", 0.9, "data analyst", 18, 30),
        Match(o("welder"), "welder", 0.7, "welders", 4, 11),
    ]
    monkeypatch.setattr(services.engine(), "recognise_occupations", lambda _text, top=5: found)
    slots = await validate(names.NEED_SKILLS, text, dispatcher)
    assert slots[names.NEED_OCCUPATION]["uri"] == o("welder")
    assert texts_of(dispatcher) == [texts.ROLE_ONE_PER_NEED.format(kept="welder", other="data analyst")]


def test_as_soon_as_possible_reads_so() -> None:
    # "asap" is stored as the day it was said, and read "by 2026-12-07"
    today = date(2026, 12, 7)
    assert by_when_words(parse_by_when("asap", today), today) == texts.ASAP
    assert by_when_words((today + timedelta(days=30)).isoformat(), today) == "by 6 Jan 2027"
    assert by_when_words(names.ANY, today) == texts.NO_DEADLINE
