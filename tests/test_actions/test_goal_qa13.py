"""Goals read on full ESCO (QA13): every subject named is kept, a course's language, a command or
a question for jobs is no goal, and a correction said after the results changes the goal.

The recognition is set to what full ESCO read (``_reading``): each phrase found in the text is
read as the match given, where it lies."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import goal_answers, names, services, texts
from actions.goal_answers import goal_read
from actions.goal_change import says_new_goal
from actions.recommendations import ActionFreeText
from skills_catalog.models import Match
from tests.test_actions.conftest import o, s, slots_of, texts_of, tracker
from tests.test_actions.test_goal_change import AFTER_RESULTS
from tests.test_actions.test_profile_form import answer

#: phrase -> (uri, label, score) as full ESCO read it
Reading = dict[str, tuple[str, str, float]]


def _found(text: str, reading: Reading) -> list[Match]:
    lowered, found = text.lower(), []
    for phrase, (uri, label, score) in reading.items():
        at = lowered.find(phrase.lower())
        if at >= 0:
            found.append(Match(uri, label, score, text[at : at + len(phrase)], at, at + len(phrase)))
    return sorted(found, key=lambda m: -m.score)


def _reading(monkeypatch: pytest.MonkeyPatch, jobs: Reading, skills: Reading) -> None:
    engine = services.engine()
    monkeypatch.setattr(
        engine, "recognise_occupations", lambda text, top=5, claimed=False: _found(text, jobs)
    )
    monkeypatch.setattr(engine, "recognise_skills", lambda text, top=5, claimed=True: _found(text, skills))


def _wanted(text: str, current: str | None = None) -> list[str]:
    goal = goal_read(text, current)
    assert goal is not None and goal.slots[names.GOAL] == names.GOAL_SKILLS
    return list(goal.slots[names.WANTED_SKILLS])


# ---------------------------------------------------------------- every subject kept


@pytest.mark.parametrize(
    ("text", "jobs", "skills"),
    [
        # a farmer's goal became *drone pilot*, and the precision agriculture course was not shown
        (
            "drones and precision agriculture",
            {"drones": (o("solar"), "drone pilot", 0.76)},
            {
                "drones": ("uri:uas", "unmanned air systems", 0.86),
                "precision": ("uri:farming", "apply precision farming", 0.81),
                "agriculture": ("uri:eagri", "e-agriculture", 0.72),
            },
        ),
        # only *non-destructive testing specialist*: the wind turbine blades were dropped
        (
            "I want to learn NDT level 2 and wind turbine blade repair",
            {"NDT": (o("solar"), "non-destructive testing specialist", 0.77)},
            {
                "NDT": ("uri:ndt", "non-destructive testing", 0.83),
                "turbine blade": ("uri:blades", "test blades", 1.0),
            },
        ),
    ],
)
def test_subjects_beside_a_job_read_from_a_word_are_all_the_goal(
    monkeypatch: pytest.MonkeyPatch, text: str, jobs: Reading, skills: Reading
) -> None:
    _reading(monkeypatch, jobs, skills)
    assert sorted(_wanted(text)) == sorted(uri for uri, _, _ in skills.values())


async def test_a_job_named_with_a_skill_beside_it_is_said_back_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "become a welder and learn TIG welding"
    _reading(
        monkeypatch,
        {"welder": (o("welder"), "welder", 1.0)},
        {"TIG welding": ("uri:tig", "TIG welding", 1.0)},
    )
    d = CollectingDispatcher()
    result = await answer("goal", text, d, tracker(text=text), {})
    assert result[names.TARGET] == o("welder") and result[names.WANTED_SKILLS] == ["uri:tig"]
    assert texts_of(d) == [texts.GOAL_TAKEN.format(goal="welder (TIG welding)")]


def test_two_jobs_named_are_both_offered() -> None:
    # "I want to become a CNC programmer or maybe quality inspector": the second was dropped
    goal = goal_read("I want to become a welder or maybe a data analyst")
    assert goal is not None and goal.offered == texts.GOAL_VAGUE
    assert [option["uri"] for option in goal.slots[names.GOAL_OPTIONS]] == [o("analyst"), o("welder")]


def test_the_own_job_named_beside_another_leaves_the_other() -> None:
    goal = goal_read("I want to become a welder or maybe a data analyst", o("welder"))
    assert goal is not None and goal.slots[names.TARGET] == o("analyst")


def test_a_course_language_is_no_goal(monkeypatch: pytest.MonkeyPatch) -> None:
    # "… looking for an online PLC course in English" had the goal *English*, PLC dropped
    _reading(
        monkeypatch,
        {},
        {
            "PLC": ("uri:plc", "programmable logic controller", 1.0),
            "English": ("uri:en", "English", 0.56),
            "online": ("uri:web", "web strategy assessment", 0.35),
        },
    )
    text = "Hello! I'm a maintenance technician in Dublin, looking for an online PLC course in English"
    goal = goal_answers.course_goal(text)
    assert goal is not None and goal.slots[names.WANTED_SKILLS] == ["uri:plc"]
    assert _wanted("an online PLC course in English") == ["uri:plc"]
    assert _wanted("I want to learn English") == ["uri:en"]
    assert _wanted("a course in English for beginners") == ["uri:en"]


@pytest.mark.parametrize(
    ("text", "sure", "guesses"),
    [
        ("something in logistics office", {"logistics": 1.0}, {"office": 0.6}),
        ("smart buildings and KNX", {"KNX": 1.0}, {"buildings": 0.65, "smart": 0.45}),
        ("learn about high voltage systems in electric cars", {"electric cars": 1.0}, {"systems": 0.51}),
    ],
)
def test_guesses_from_a_word_beside_a_sure_skill_are_left_out(
    monkeypatch: pytest.MonkeyPatch, text: str, sure: dict[str, float], guesses: dict[str, float]
) -> None:
    said = {**sure, **guesses}
    _reading(monkeypatch, {}, {phrase: (f"uri:{phrase}", phrase, score) for phrase, score in said.items()})
    assert _wanted(text) == [f"uri:{phrase}" for phrase in sure]


def test_unsure_skills_alone_are_all_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    _reading(monkeypatch, {}, {"bees": ("uri:bees", "bees", 0.6), "honey": ("uri:honey", "honey", 0.5)})
    assert sorted(_wanted("bees and honey")) == ["uri:bees", "uri:honey"]


def test_a_question_for_what_a_new_plant_needs_offers_its_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    # "what will I need for the new green steel plant?" got "Sorry, I can't help with that"; the
    # question's own words are no subject ("need" read as a skill)
    _reading(
        monkeypatch,
        {
            "battery plant": (o("mechatronics"), "battery assembler", 0.88),
            "plant": (o("solar"), "plant hand", 0.4),
        },
        {"need": ("uri:needs", "identify needs", 0.6)},
    )
    goal = goal_read("what will I need for the new battery plant?")
    assert goal is not None and goal.offered == texts.GOAL_VAGUE
    assert [option["uri"] for option in goal.slots[names.GOAL_OPTIONS]] == [o("mechatronics"), o("solar")]


# ---------------------------------------------------------------- no goal


@pytest.mark.parametrize(
    "text", ["what jobs are in demand?", "which jobs pay better?", "idk anything that pays better"]
)
def test_a_question_for_jobs_is_no_goal(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    # "what jobs are in demand?" had the goal *job market offers*
    _reading(
        monkeypatch,
        {"jobs": (o("analyst"), "data analyst", 0.5)},
        {"demand": ("uri:market", "job market offers", 0.73), "pay": ("uri:pay", "pay", 0.6)},
    )
    assert goal_read(text) is None


def test_a_job_named_with_a_wish_for_pay_is_the_goal() -> None:
    goal = goal_read("a better paid job as a data analyst")
    assert goal is not None and goal.slots[names.TARGET] == o("analyst")


@pytest.mark.parametrize("text", ["closer", "something cheaper", "more results please"])
def test_a_command_is_no_goal(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    # "closer" at the goal question had the goal *title closer*
    _reading(monkeypatch, {text: (o("welder"), "title closer", 1.0)}, {})
    assert goal_read(text) is None


# ---------------------------------------------------------------- a correction after the results


def test_what_is_wanted_said_last_says_a_new_goal() -> None:
    assert says_new_goal("no wait, sorry, PLC programming is what I want")
    assert says_new_goal("what I really want is welding")
    assert not says_new_goal("the second one")


async def test_a_correction_after_the_results_changes_the_goal(dispatcher: CollectingDispatcher) -> None:
    # "no wait, sorry, PLC programming is what I want" got "Sorry, I'm not sure what you mean"
    events = await ActionFreeText().run(
        dispatcher, tracker(AFTER_RESULTS, "no wait, sorry, PLC programming is what I want"), {}
    )
    assert texts_of(dispatcher)[0] == texts.GOAL_CHANGED.format(goal="program PLC")
    assert slots_of(events)[names.WANTED_SKILLS] == [s("plc")]
