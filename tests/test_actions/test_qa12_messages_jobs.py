"""QA12: a job said with other facts keeps the skills beside it, and a list of skills names no job."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, skill_answers, texts
from actions.profile_form import ValidateProfileForm
from skills_catalog.models import Match
from tests.test_actions.conftest import answered_in_form, texts_of, tracker
from tests.test_skills_catalog.conftest import o, s

FORM = ValidateProfileForm()


def test_skills_beside_a_job_are_kept_though_a_weaker_job_is_read_from_them() -> None:
    # QA12: "plasterer, also do drywall and some tiling" read *tiling supervisor* from the skills'
    # words too, and both skills were dropped; so were "bread and pastry" beside a baker
    text = "welder, also solar installation and PLC programming"
    jobs = [
        Match(o("welder"), "welder", 1.0, "welder", 0, 6),
        Match(o("solar"), "solar panel installer", 0.5, "solar installation", 13, 31),
    ]
    assert skill_answers.skills_beside(text, jobs)[names.SKILLS] == [s("solar"), s("plc")]


def test_a_job_whose_title_is_written_still_holds_its_words() -> None:
    text = "welder and solar panel installer"
    jobs = [
        Match(o("welder"), "welder", 1.0, "welder", 0, 6),
        Match(o("solar"), "solar panel installer", 0.9, "solar panel installer", 11, 32),
    ]
    assert skill_answers.skills_beside(text, jobs) == {}


async def test_a_list_of_skills_at_the_job_question_names_no_job(monkeypatch: pytest.MonkeyPatch) -> None:
    # QA12: "mechanical design, CAD, project management, hydraulics" → "I've noted your job as
    # vehicle technician", read from "mechanical"
    text = "CNC machining, PLC programming, data analysis"
    job = Match(o("analyst"), "data analyst", 0.9, "data analysis", 32, 45)
    monkeypatch.setattr(services.engine(), "recognise_occupations", lambda *a, **k: [job])
    d = CollectingDispatcher()
    t = tracker({names.REQUESTED_SLOT: names.OCCUPATION}, text=text)
    slots = await FORM.validate_occupation(text, d, t, {})
    assert slots[names.OCCUPATION] == names.NOT_GIVEN
    assert set(slots[names.SKILLS]) == {s("cnc"), s("plc"), s("data")}
    assert not any("data analyst" in said for said in texts_of(d))


async def test_a_town_beside_the_job_is_kept() -> None:
    # QA12: "shop manager, small clothes shop in Stuttgart": the town was asked for later
    slots, said = await answered_in_form("welder, small workshop in Linz", names.OCCUPATION)
    assert slots[names.OCCUPATION] == o("welder") and slots[names.PLACE] == "Linz"
    assert texts.PLACE_TAKEN.format(place="Linz", country="AT") in said


@pytest.mark.parametrize(("text", "asked"), [("Leoben", names.GOAL), ("leoben", names.OCCUPATION)])
async def test_a_town_alone_at_the_job_or_goal_question_is_the_town(text: str, asked: str) -> None:
    # QA12: "Karlsruhe", "Ulm", "Bergamo" at the goal or job question got "couldn't match that to a job"
    slots, said = await answered_in_form(text, asked, {names.OCCUPATION: o("welder")} if asked == names.GOAL else None)
    assert slots[names.PLACE] == "Leoben" and slots[asked] is None
    assert texts.GOAL_UNKNOWN not in said and texts.OCCUPATION_UNKNOWN not in said


async def test_a_question_at_the_town_question_is_no_failed_town() -> None:
    # QA12: "I use a wheelchair, are the courses accessible?" got "I couldn't find the name of a town in that."
    text = "I use a wheelchair, are the courses accessible?"
    d = CollectingDispatcher()
    t = tracker({names.REQUESTED_SLOT: names.PLACE}, text=text)
    slots = await FORM.validate_place(text, d, t, {})
    assert slots[names.PLACE] is None
    assert texts.PLACE_NOT_IN_SENTENCE not in texts_of(d) and len(texts_of(d)) == 1


@pytest.mark.parametrize(
    ("text", "noted"), [("in person or online both fine", {names.MODE: names.ANY}), ("up to 1000", {})]
)
async def test_limits_at_the_town_question_ask_for_the_town_again(text: str, noted: dict) -> None:
    # QA12: "in person or online both fine" got "I couldn't find the name of a town in that.",
    # "up to 1000" "I couldn't find "up to 1000""
    d = CollectingDispatcher()
    t = tracker({names.REQUESTED_SLOT: names.PLACE}, text=text)
    slots = await FORM.validate_place(text, d, t, {})
    assert slots[names.PLACE] is None and {k: slots[k] for k in noted} == noted
    assert texts_of(d)[-1] == texts.PLACE_NEEDED
