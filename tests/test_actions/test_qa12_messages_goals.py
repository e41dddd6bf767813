"""QA12: a course or certificate asked for is the goal, never a skill the person has nor a job."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import goal_answers, names, services
from actions.profile_form import ValidateProfileForm
from actions.wishes import wish_span, wished_part
from skills_catalog.models import Match, Occupation
from skills_catalog.work_areas import FIELDS, fields_named
from tests.test_actions.conftest import tracker
from tests.test_skills_catalog.conftest import o, s


@pytest.mark.parametrize(
    "text", ["hi i just need a welding licence, nothing else", "need welding certificate for my new job"]
)
def test_a_certificate_asked_for_is_the_goal_not_a_skill_had(text: str) -> None:
    # QA12: "hi i just need a forklift licence" kept nothing, or the skill *operate forklift* as
    # one the person has ("you already have the skills you named")
    kept = ValidateProfileForm().opening(text, CollectingDispatcher(), tracker(text=text))
    assert kept[names.GOAL] == names.GOAL_SKILLS
    assert kept[names.WANTED_SKILLS] == [s("weld")]
    assert names.SKILLS not in kept


def test_a_certificates_purpose_is_no_subject() -> None:
    # "for the restaurant job" is what the certificate is needed for, not what it teaches
    text = "i need a PLC programming certificate for the welding job"
    goal = goal_answers.course_goal(text)
    assert goal is not None and goal.slots[names.WANTED_SKILLS] == [s("plc")]


def test_a_course_asked_for_is_no_job_read_from_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # QA12: "I'd like to do a first aid course in Graz" had the goal *first aid instructor*, a job
    # read from the course's words as full ESCO does (here: welder from "welding course")
    text = "I'd like to do a welding course"
    job = Match(o("welder"), "welder", 0.9, "welding", 16, 23)
    monkeypatch.setattr(services.engine(), "recognise_occupations", lambda *a, **k: [job])
    goal = goal_answers.goal_read(text)
    assert goal is not None
    assert goal.slots[names.GOAL] == names.GOAL_SKILLS and goal.slots[names.WANTED_SKILLS] == [s("weld")]


def test_a_job_typed_beside_a_course_stays_the_goal() -> None:
    goal = goal_answers.goal_read("I want to become a welder, maybe with a PLC course")
    assert goal is not None and goal.slots[names.GOAL] == "welder"


def test_the_own_job_named_alone_is_the_goal() -> None:
    # QA12: "I want work as electrician here", said by an electrician, got "I couldn't match that"
    goal = goal_answers.goal_read("I want work as welder here", current=o("welder"))
    assert goal is not None and goal.slots[names.TARGET] == o("welder")


def test_the_own_job_is_no_goal_beside_a_skill() -> None:
    goal = goal_answers.goal_read("welder, but PLC programming", current=o("welder"))
    assert goal is not None and goal.slots[names.GOAL] == names.GOAL_SKILLS


@pytest.mark.parametrize(
    ("text", "wish"),
    [("I am waiter in Graz. I want learn welding and maybe PLC", "I want learn welding and maybe PLC"),
     ("I want work as welder here", "I want work as welder here")],
)  # fmt: skip
def test_a_wish_without_its_to_is_a_wish(text: str, wish: str) -> None:
    # QA12: "I want learn english for tourist and maybe be tour guide" kept no goal
    kept = ValidateProfileForm().opening(text, CollectingDispatcher(), tracker(text=text))
    assert kept.get(names.GOAL) is not None
    span = wish_span(text)
    assert span is not None and text[span[0] : span[1]] == wish


def test_wanting_less_of_something_names_no_goal() -> None:
    # QA12: "something less physical, maybe food safety or quality" had the goal *…, LESS, physics*
    assert wished_part("something less physical, maybe PLC programming") == "PLC programming"


def test_a_wish_after_a_full_stop_is_the_goal() -> None:
    # QA12: "farm worker, tractors, … looking after cows. want to learn modern farming with drones"
    # dropped the wish, and the goal was asked again
    text = "welder, blueprint reading. want to learn PLC programming"
    kept = ValidateProfileForm().opening(text, CollectingDispatcher(), tracker(text=text))
    assert kept[names.WANTED_SKILLS] == [s("plc")]


def test_what_the_work_should_be_like_keeps_the_field() -> None:
    # QA12: "something in healthcare with better hours" offered healthcare inspectors and
    # consultants, titles read from "healthcare", not the field's jobs
    assert fields_named("something in healthcare with better hours") == ("health",)
    assert fields_named("something less physical in construction") == ("construction",)


def test_the_digital_field_holds_computer_jobs_only() -> None:
    # QA12: "something with computers" offered *automotive engineer*, which digital courses also name
    digital = FIELDS["digital"]
    assert digital.holds("digital", Occupation(o("dev"), "software developer", isco_group="2512"))
    assert not digital.holds("digital", Occupation(o("car"), "automotive engineer", isco_group="2144"))
