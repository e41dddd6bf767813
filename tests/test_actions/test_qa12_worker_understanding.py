"""Worker understanding QA12 on full ESCO: fillers around a field of work, verbs of changing read
as skills, and a job, a goal and skills lost from first messages."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, wishes
from actions.profile_form import ValidateProfileForm
from skills_catalog.engine import Engine
from skills_catalog.models import Catalog, Occupation, Skill, Taxonomy
from tests.test_actions.conftest import o, s, tracker
from tests.test_actions.test_profile_form import answer
from tests.test_skills_catalog.conftest import (
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    make_taxonomy,
)

ADDED_SKILLS = {
    "move": ("move objects", ("move",)),
    "icu": ("intensive care medicine", ("intensive care",)),
    "cyber": ("cyber security", ()),
    "mig": ("perform metal inert gas welding", ("MIG",)),
    "mag": ("perform metal active gas welding", ("MAG",)),
}


@pytest.fixture(autouse=True)
def qa_engine(services_in_memory: None) -> None:
    """The fixture engine with the skills and jobs of the QA's messages, "move" among them (full
    ESCO's recogniser reads *move objects* from "move into")."""
    base = make_taxonomy()
    skills = {s(key): Skill(s(key), label, alt) for key, (label, alt) in ADDED_SKILLS.items()}
    ict = Occupation(o("ict"), "ICT technician", ("IT support",))
    taxonomy = Taxonomy({**base.skills, **skills}, {**base.occupations, ict.uri: ict})
    catalog = make_catalog()
    services.use(
        Engine(
            taxonomy,
            FakeRecognizer(taxonomy),
            FakeGazetteer(),
            Catalog(catalog.partners, catalog.offers),
            today=lambda: TODAY,
        )
    )


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("idk, something with computers", "something with computers"),
        ("maybe something with computers i guess", "something with computers"),
        ("not sure maybe IT", "IT"),
        ("dunno", ""),
        ("I don't know anything about computers", ""),  # a negation, no hedge
        ("I want to move into cyber security", "cyber security"),
        ("switch to solar", "solar"),
        ("I want to work in a factory", "I want to work in a factory"),
    ],
)
def test_the_wished_part_is_without_hedges_and_verbs_of_changing(text: str, wanted: str) -> None:
    assert wishes.wished_part(text) == wanted


async def test_a_field_among_fillers_offers_its_jobs() -> None:
    # QA12: "idk, something with computers" became the skill *have computer literacy*
    text = "idk, something with cars"
    result = await answer("goal", text, CollectingDispatcher(), tracker(text=text), {})
    assert result[names.GOAL] is None
    assert [option["uri"] for option in result[names.GOAL_OPTIONS]] == [o("mechatronics"), o("welder")]


async def test_a_verb_of_changing_is_no_skill_of_the_goal() -> None:
    # QA12: "I'm a nurse and want to move into intensive care" added the skill *move objects*
    text = "I want to move into intensive care"
    result = await answer("goal", text, CollectingDispatcher(), tracker(text=text), {})
    assert result[names.WANTED_SKILLS] == [s("icu")]


def test_a_job_one_works_in_and_the_goal_after_it_are_kept_from_the_first_message() -> None:
    # QA12: "I work in IT support and I want to move into cyber security": both lost
    text = "I work in IT support and I want to move into cyber security"
    kept = ValidateProfileForm().opening(text, CollectingDispatcher(), tracker(text=text))
    assert kept[names.OCCUPATION] == o("ict")
    assert kept[names.WANTED_SKILLS] == [s("cyber")]


def test_skills_told_beside_the_job_in_the_first_message_are_kept() -> None:
    # QA12: "I'm a welder, 12 years MIG/MAG": the skills were asked for again
    text = "I'm a welder, 12 years MIG/MAG"
    kept = ValidateProfileForm().opening(text, CollectingDispatcher(), tracker(text=text))
    assert kept[names.OCCUPATION] == o("welder")
    assert set(kept[names.SKILLS]) == {s("mig"), s("mag")} and kept[names.SKILLS_CONFIRMED] is None


def test_skills_known_already_are_not_read_again_from_a_first_message() -> None:
    text = "I'm a welder, 12 years MIG/MAG"
    t = tracker({names.SKILLS: [s("weld")]}, text)
    assert names.SKILLS not in ValidateProfileForm().opening(text, CollectingDispatcher(), t)


async def test_years_and_skills_at_the_job_question_keep_both_job_and_skills() -> None:
    text = "welder, 12 years MIG/MAG"
    result = await answer("occupation", text, CollectingDispatcher(), tracker(text=text), {})
    assert result[names.OCCUPATION] == o("welder")
    assert set(result[names.SKILLS]) == {s("mig"), s("mag")}


async def test_skills_typed_with_a_job_offered_are_kept_with_the_job() -> None:
    # the commonest jobs of a broad title are offered now, so the one typed is often among them:
    # "bus driver, also welding and PLC" had kept the job and lost the skills
    options = [
        {"uri": o("welder"), "label": "welder"},
        {"uri": o("mechatronics"), "label": "mechatronics technician"},
    ]
    text = "welder, also PLC programming"
    t = tracker({names.OCCUPATION_OPTIONS: options}, text)
    result = await answer("occupation", text, CollectingDispatcher(), t, {})
    assert result[names.OCCUPATION] == o("welder") and result[names.SKILLS] == [s("plc")]


async def test_unsure_but_naming_a_field_is_the_field_not_the_jobs_in_demand() -> None:
    # QA12: "not sure, maybe something with cars" was read as unsure only, and got the jobs in demand
    text = "not sure, maybe something with cars"
    t = tracker(text=text, intent=names.INTENT_NOT_SURE)
    result = await answer("goal", text, CollectingDispatcher(), t, {})
    assert [option["uri"] for option in result[names.GOAL_OPTIONS]] == [o("mechatronics"), o("welder")]
