"""QA12 regression: a worker's answers read for what they say, not for skills in any word."""

from __future__ import annotations

import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, skill_answers, texts
from actions.preferences import noted_ahead
from actions.profile_form import ValidateProfileForm
from skills_catalog.models import Match
from tests.test_actions.conftest import answered_in_form, s, texts_of, tracker
from tests.test_skills_catalog.conftest import o

FORM = ValidateProfileForm()


@pytest.mark.parametrize(
    "text",
    [
        "I'm a student looking for a welding course",
        "I am an apprentice, I need a welding course",
        "I'm still at school and can do welding",
    ],
)
def test_the_words_that_say_there_is_no_job_are_no_skills(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # QA12: "I'm a student …" noted no job, then listed the skill *assess students*
    def skills_in(said: str, claimed: bool = True) -> list[Match]:
        found = re.search(r"student|apprentice|school", said, re.I)
        return (
            [Match(s("data"), "assess students", 1.0, found.group(), found.start(), found.end())]
            if found
            else []
        )

    monkeypatch.setattr(skill_answers, "skills_in", skills_in)
    d = CollectingDispatcher()
    kept = ValidateProfileForm().opening(text, d, tracker(text=text, intent=names.INTENT_START_SEARCH))
    assert kept.get(names.OCCUPATION) == names.NOT_GIVEN
    assert s("data") not in (kept.get(names.SKILLS) or [])


@pytest.mark.parametrize(
    ("asked", "slots"),
    [
        (names.SKILLS, {names.OCCUPATION: o("welder")}),
        # the jobs in demand offered: "Bilbao" got "couldn't match that to a job or a skill"
        (
            names.GOAL,
            {
                names.OCCUPATION: o("welder"),
                names.GOAL_OPTIONS: [{"uri": o("solar"), "label": "solar panel installer"}],
            },
        ),
    ],
)
async def test_a_town_alone_at_the_skills_or_goal_question_is_the_town(asked: str, slots: dict) -> None:
    # QA12: "Graz" at the skills question got "I couldn't recognise skills in that"
    got, said = await answered_in_form("Graz", asked, slots)
    assert got[names.PLACE] == "Graz" and got[asked] is None
    assert texts.PLACE_TAKEN.format(place="Graz", country="AT") in said
    assert texts.SKILLS_UNKNOWN not in said and texts.GOAL_UNKNOWN not in said


SKILLS = {
    names.OCCUPATION: o("welder"),
    names.SKILLS: [s("weld")],
    names.SKILL_LABELS: {s("weld"): "weld metal parts"},
}


@pytest.mark.parametrize(
    ("text", "noted"),
    [("i dont have money, maybe AMS pays?", {names.BUDGET: 0.0}), ("any price", {names.BUDGET: names.ANY})],
)
async def test_limits_at_the_skills_confirmation_are_noted_and_nothing_else(text: str, noted: dict) -> None:
    # QA12: the "don't" was read as a removal ("That one isn't in the list…"); "any price" got
    # "I couldn't recognise a new skill in that"
    got, said = await answered_in_form(text, names.SKILLS_CONFIRMED, SKILLS)
    assert {k: got.get(k) for k in noted} == noted and got[names.SKILLS_CONFIRMED] is None
    assert names.SKILLS not in got and len(said) == 1 and said[0].startswith("Noted: ")


async def test_a_job_title_alone_at_the_skills_confirmation_corrects_the_job() -> None:
    # QA12: "warehouse worker" added *warehouse operations* and *manage staff*
    got, said = await answered_in_form("solar panel installer", names.SKILLS_CONFIRMED, SKILLS)
    assert got[names.OCCUPATION] == o("solar") and names.SKILLS not in got
    assert texts.JOB_CORRECTED.format(job="solar panel installer") in said


def test_someone_else_paying_said_ahead_is_noted_as_any_price() -> None:
    # "…, max 50 km, my employer pays" at the skills question: the price was asked all the same
    text = "MIG welding, reading drawings, in person, max 50 km, my employer pays"
    dispatcher = CollectingDispatcher()
    noted = noted_ahead(text, tracker(text=text), dispatcher, asked=names.SKILLS)
    assert noted[names.BUDGET] == names.ANY
    assert texts_of(dispatcher) == [texts.ALSO_NOTED.format(noted="up to 50 km, in person, any price")]
