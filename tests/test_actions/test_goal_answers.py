"""Goals and jobs named broadly (full ESCO QA): a field of work gets the jobs its courses prepare
for, a skill named is the goal rather than a job read from its words, and a title many jobs
share is offered as choices rather than taken as the one rare job that has it as a label."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.profile_form import ValidateProfileForm
from actions.recommendations import ActionFreeText
from skills_catalog.engine import Engine
from skills_catalog.models import Catalog, Match, Occupation, Skill, Taxonomy
from tests.test_actions.conftest import o, s, slots_of, texts_of, tracker
from tests.test_actions.test_goal_change import AFTER_RESULTS
from tests.test_actions.test_profile_form import answer
from tests.test_skills_catalog.conftest import (
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    make_taxonomy,
)

# ---------------------------------------------------------------- a field of work


async def test_a_field_of_work_offers_the_jobs_its_courses_prepare_for() -> None:
    # QA full ESCO: "something with computers" became *computer scientist*, which no course teaches
    d = CollectingDispatcher()
    result = await answer("goal", "something with cars", d, tracker(text="something with cars"), {})
    assert result[names.GOAL] is None and names.TARGET not in result
    assert [option["uri"] for option in result[names.GOAL_OPTIONS]] == [o("mechatronics"), o("welder")]
    assert texts_of(d) == [texts.GOAL_FIELD]


async def test_a_field_without_jobs_in_the_catalogue_says_so_and_asks_again() -> None:
    d = CollectingDispatcher()
    result = await answer("goal", "something in IT", d, tracker(text="something in IT"), {})
    assert result == {names.GOAL: None, names.GOAL_OPTIONS: None}
    assert texts_of(d) == [texts.GOAL_FIELD_NONE]


async def test_a_field_told_in_the_first_message_offers_its_jobs_at_the_goal_question() -> None:
    text = "hi, I'd like to work with cars"
    kept = ValidateProfileForm().opening(text, CollectingDispatcher(), tracker(text=text))
    assert [option["uri"] for option in kept[names.GOAL_OPTIONS]] == [o("mechatronics"), o("welder")]


async def test_a_field_named_after_the_results_offers_its_jobs_and_a_tap_searches(
    dispatcher: CollectingDispatcher,
) -> None:
    events = await ActionFreeText().run(
        dispatcher, tracker(AFTER_RESULTS, "what about something with cars instead?"), {}
    )
    offered = slots_of(events)[names.GOAL_OPTIONS]
    assert texts_of(dispatcher) == [texts.GOAL_FIELD]
    assert [button["title"] for button in dispatcher.messages[0]["buttons"]] == [o["label"] for o in offered]
    tapped = tracker(
        {**AFTER_RESULTS, names.GOAL_OPTIONS: offered}, "/inform", entities={names.CHOICE: o("welder")}
    )
    events = await ActionFreeText().run(dispatcher := CollectingDispatcher(), tapped, {})
    assert texts_of(dispatcher)[0] == texts.GOAL_CHANGED.format(goal="welder")
    assert slots_of(events)[names.TARGET] == o("welder")


# ---------------------------------------------------------------- a skill named as the goal

TIG = Match("uri:tig", "perform tungsten inert gas welding", 1.0, "TIG welding", 0, 11)


def _read_as(monkeypatch: pytest.MonkeyPatch, jobs: list[Match], skills: list[Match]) -> None:
    engine = services.engine()
    monkeypatch.setattr(engine, "recognise_occupations", lambda _text, top=5, claimed=False: jobs)
    monkeypatch.setattr(engine, "recognise_skills", lambda _text, top=5, claimed=True: skills)


async def test_a_skill_named_is_the_goal_not_the_job_read_from_its_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # QA full ESCO: "tig welding" became the goal *welder*, and MAG/MIG courses ranked above TIG
    welding = Match("uri:weld", "operate welding equipment", 1.0, "welding", 4, 11)
    _read_as(monkeypatch, [Match(o("welder"), "welder", 1.0, "TIG", 0, 3)], [welding, TIG])
    d = CollectingDispatcher()
    result = await answer("goal", "TIG welding", d, tracker(text="TIG welding"), {})
    assert result[names.GOAL] == names.GOAL_SKILLS and result[names.WANTED_SKILLS] == ["uri:tig"]
    assert names.TARGET not in result
    assert texts_of(d) == [texts.GOAL_TAKEN.format(goal=TIG.label)]


async def test_a_job_named_beside_the_skill_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "become a welder and learn TIG welding"
    tig = Match(TIG.uri, TIG.label, 1.0, "TIG welding", 26, 37)
    _read_as(monkeypatch, [Match(o("welder"), "welder", 1.0, "welder", 9, 15)], [tig])
    result = await answer("goal", text, CollectingDispatcher(), tracker(text=text), {})
    assert result[names.TARGET] == o("welder") and result[names.WANTED_SKILLS] == [TIG.uri]


async def test_a_job_read_from_the_words_of_an_unsure_skill_stays_the_goal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "CNC programming": *CNC operator* from "CNC", read as a skill only at 0.63
    text = "CNC programming"
    _read_as(
        monkeypatch,
        [Match(o("welder"), "welder", 1.0, "CNC", 0, 3)],
        [Match("uri:cnc", "tend CNC lathe", 0.63, "CNC", 0, 3)],
    )
    result = await answer("goal", text, CollectingDispatcher(), tracker(text=text), {})
    assert result[names.TARGET] == o("welder")


async def test_a_job_guessed_from_a_vague_goal_is_offered_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    # QA full ESCO: "something technical" became the goal *technical communicator*
    text = "something technical"
    _read_as(monkeypatch, [Match(o("analyst"), "data analyst", 0.8, "technical", 10, 19)], [])
    d = CollectingDispatcher()
    result = await answer("goal", text, d, tracker(text=text), {})
    assert result[names.GOAL] is None and [option["uri"] for option in result[names.GOAL_OPTIONS]] == [
        o("analyst")
    ]
    assert texts_of(d) == [texts.GOAL_VAGUE]


# ---------------------------------------------------------------- a title many jobs share

DRIVERS = ("bus", "train", "tram", "taxi", "lorry", "van")
COMMON_DRIVERS = [o(kind) for kind in ("bus", "lorry", "taxi", "train")]  # alike, so by name


@pytest.fixture
def drivers() -> None:
    """The fixture engine with *hearse driver*, whose alternative label is "driver" (as on full
    ESCO), six other drivers who share a skill no course teaches (the hearse driver's is his
    own), *forklift operator* ("forklift driver"), and a course for bus drivers."""
    base = make_taxonomy()
    driving, funerals = Skill(s("drive"), "drive vehicles"), Skill(s("funeral"), "funerals")
    added = [
        Occupation(o("hearse"), "hearse driver", ("driver",), essential_skills=(funerals.uri,)),
        Occupation(o("forklift"), "forklift operator", ("forklift driver",)),
        *(Occupation(o(kind), f"{kind} driver", essential_skills=(driving.uri,)) for kind in DRIVERS),
    ]
    taxonomy = Taxonomy(
        {**base.skills, driving.uri: driving, funerals.uri: funerals},
        {**base.occupations, **{job.uri: job for job in added}},
    )
    catalog = make_catalog()
    offers = {**catalog.offers, "B1": replace(catalog.offers["O4"], offer_id="B1", occupations=(o("bus"),))}
    engine = Engine(
        taxonomy,
        FakeRecognizer(taxonomy),
        FakeGazetteer(),
        Catalog(catalog.partners, offers),
        today=lambda: TODAY,
    )
    services.use(engine)


@pytest.mark.usefixtures("drivers")
async def test_a_title_many_jobs_share_offers_them_as_the_job() -> None:
    # QA full ESCO: "machine operator" was taken as *underground heavy equipment operator*, "production
    # worker" as *metal products assembler*, without a word
    d = CollectingDispatcher()
    result = await answer("occupation", "driver", d, tracker(text="driver"), {})
    assert result[names.OCCUPATION] is None
    # QA12: the commonest drivers, not *hearse driver*, the one read, first
    assert [option["uri"] for option in result[names.OCCUPATION_OPTIONS]] == COMMON_DRIVERS
    assert texts_of(d) == [texts.TITLE_BROAD.format(title="driver")]


@pytest.mark.usefixtures("drivers")
async def test_a_title_only_one_job_has_is_taken() -> None:
    result = await answer(
        "occupation", "forklift driver", CollectingDispatcher(), tracker(text="forklift driver"), {}
    )
    assert result[names.OCCUPATION] == o("forklift")


@pytest.mark.usefixtures("drivers")
async def test_a_broad_title_in_the_first_message_is_offered_at_the_job_question() -> None:
    text = "I'm a driver from Graz"
    d = CollectingDispatcher()
    kept = ValidateProfileForm().opening(text, d, tracker(text=text))
    assert names.OCCUPATION not in kept
    assert [option["uri"] for option in kept[names.OCCUPATION_OPTIONS]] == COMMON_DRIVERS
    assert texts.TITLE_BROAD.format(title="driver") not in texts_of(d)  # no buttons yet to tap


@pytest.mark.usefixtures("drivers")
async def test_a_broad_title_as_the_goal_offers_the_jobs_of_that_title_courses_prepare_for() -> None:
    # "I want to become an engineer" had the goal *quarry engineer*, which no course prepares for
    text = "I want to become a driver"
    d = CollectingDispatcher()
    result = await answer("goal", text, d, tracker(text=text), {})
    assert result[names.GOAL] is None and [option["uri"] for option in result[names.GOAL_OPTIONS]] == [
        o("bus")
    ]
    assert texts_of(d) == [texts.TITLE_BROAD.format(title="driver")]


@pytest.mark.usefixtures("drivers")
async def test_more_words_after_a_broad_title_tell_the_job() -> None:
    # "machine operator" offered four rare ones; "I mostly ran CNC milling machines, some welding and
    # PLC" was taken for a list of skills, and the same four offered again
    first = await answer("occupation", "driver", CollectingDispatcher(), tracker(text="driver"), {})
    text = "bus driver, also welding and PLC programming"
    t = tracker({names.OCCUPATION_OPTIONS: first[names.OCCUPATION_OPTIONS]}, text)
    result = await answer("occupation", text, CollectingDispatcher(), t, {})
    assert result[names.OCCUPATION] == o("bus")
    assert set(result[names.SKILLS]) == {s("weld"), s("plc")}


async def test_a_job_title_typed_while_other_jobs_are_offered_is_the_job() -> None:
    # QA full ESCO: "software developer" typed at four jobs offered was taken for its skills (computer
    # programming, technical documentation), and the form went on without a job
    options = [
        {"uri": o("mechatronics"), "label": "mechatronics technician"},
        {"uri": o("solar"), "label": "solar"},
    ]
    text = "data analyst, python and data analysis"
    result = await answer(
        "occupation", text, CollectingDispatcher(), tracker({names.OCCUPATION_OPTIONS: options}, text), {}
    )
    assert result[names.OCCUPATION] == o("analyst")
