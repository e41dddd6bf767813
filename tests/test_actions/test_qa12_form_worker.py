"""Worker form defects of QA12 on full ESCO: a goal left open with nothing to search on, going
back mid-form, a move said at the results, numbers in words, limits in a first message, a yes to
the town suggested, and the smaller ones (a hope that the AMS pays, a travel time at the
in person/online question)."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, parsing, services, texts
from actions.nlu_guard import guarded_ranking
from actions.questions import AskGoal
from actions.recommendations import ActionFreeText
from tests.test_actions.conftest import DOMAIN, o, s, slots_of, texts_of, tracker
from tests.test_actions.test_profile_form import _run, answer
from tests.test_actions.test_recommendations import GRAZ, PROFILE

IN_DEMAND = [{"uri": o("welder"), "label": "welder"}, {"uri": o("solar"), "label": "solar panel installer"}]
NOTHING_KNOWN = {names.OCCUPATION: names.NOT_GIVEN, names.SKILLS: [], names.SKILLS_CONFIRMED: True}
#: answered up to the in person/online question
UP_TO_MODE = {
    names.OCCUPATION: o("welder"),
    names.OCCUPATION_LABEL: "welder",
    names.SKILLS: [s("weld")],
    names.SKILLS_CONFIRMED: True,
    names.GOAL: "data analyst",
    names.TARGET: o("analyst"),
    **GRAZ,
}


# ---------------------------------------------------------------- 1: nothing to search on


async def test_keep_it_open_with_no_job_and_no_skills_asks_the_goal_again() -> None:
    # "Keep it open" promised courses on skills never given, then "I need a few answers" for ever
    d = CollectingDispatcher()
    t = tracker({**NOTHING_KNOWN, names.GOAL_OPTIONS: IN_DEMAND}, text="/skip", intent=names.INTENT_SKIP)
    result = await answer(names.GOAL, "/skip", d, t, DOMAIN)
    assert result[names.GOAL] is None and result[names.GOAL_OPTIONS]
    assert texts_of(d) == [texts.GOAL_NEEDED]


async def test_keep_it_open_with_a_job_is_taken() -> None:
    d = CollectingDispatcher()
    t = tracker({names.OCCUPATION: o("welder"), names.SKILLS: [], names.GOAL_OPTIONS: IN_DEMAND}, intent=names.INTENT_SKIP)
    assert (await answer(names.GOAL, "/skip", d, t, DOMAIN))[names.GOAL] == names.NOT_GIVEN
    assert texts_of(d) == [texts.GOAL_NONE]


@pytest.mark.parametrize(("known", "left_open"), [(NOTHING_KNOWN, None), ({names.SKILLS: [s("weld")]}, names.NOT_GIVEN)])
async def test_not_sure_with_no_jobs_in_demand_leaves_the_goal_open_only_with_something_to_build_on(
    known: dict, left_open: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services.engine(), "in_demand_occupations", lambda _n: [])
    t = tracker(known, text="/not_sure", intent=names.INTENT_NOT_SURE)
    assert (await answer(names.GOAL, "/not_sure", CollectingDispatcher(), t, DOMAIN))[names.GOAL] == left_open


@pytest.mark.parametrize(("known", "offered"), [(NOTHING_KNOWN, False), ({names.SKILLS: [s("weld")]}, True)])
def test_keep_it_open_is_offered_only_with_something_to_build_on(known: dict, offered: bool) -> None:
    _text, buttons = AskGoal().question(tracker({**known, names.GOAL_OPTIONS: IN_DEMAND}))
    assert (texts.KEEP_OPEN in buttons) is offered


# ---------------------------------------------------------------- 2: going back


async def test_a_job_corrected_at_a_later_question_changes_the_job_and_goes_on() -> None:
    text = "sorry can I go back, my job was actually welder not solar panel installer"
    slots, said = await _run(names.MODE, text, {**UP_TO_MODE, names.OCCUPATION: o("solar")})
    assert slots[names.OCCUPATION] == o("welder") and slots[names.MODE] is None
    assert said == [texts.JOB_CHANGED.format(job="welder")]


async def test_change_my_job_asks_the_job_again() -> None:
    slots, said = await _run(names.MODE, "change my job", UP_TO_MODE)
    assert slots[names.OCCUPATION] is None and slots[names.MODE] is None and said == [texts.JOB_AGAIN]


async def test_a_goal_left_open_is_asked_again_with_the_job() -> None:
    # the goal left open built on the job: without it, nothing might be left to search on
    slots, _said = await _run(names.MODE, "change my job", {**UP_TO_MODE, names.GOAL: names.NOT_GIVEN, names.SKILLS: []})
    assert slots[names.OCCUPATION] is None and slots[names.GOAL] is None


async def test_go_back_asks_the_question_answered_before() -> None:
    slots, said = await _run(names.MODE, "go back", UP_TO_MODE)
    assert slots[names.PLACE] is None and slots[names.MODE] is None and said == [texts.GONE_BACK]
    assert set(slots) == {names.PLACE, names.MODE}  # only that one is asked again


async def test_go_back_passes_over_a_question_not_asked() -> None:
    # the distance is not asked of someone learning online: back from the language is the mode
    answered = {**UP_TO_MODE, names.MODE: names.MODE_ONLINE}
    slots, _said = await _run(names.LANGUAGE, "can I go back please", answered)
    assert slots[names.MODE] is None and names.PLACE not in slots


@pytest.mark.parametrize("text", ["I want to go back to welding", "go back to work as a welder"])
async def test_going_back_to_a_job_is_no_going_back_a_question(text: str) -> None:
    slots, said = await _run(names.GOAL, text, {names.OCCUPATION: o("solar"), names.SKILLS: [s("solar")]})
    assert texts.GONE_BACK not in said and names.SKILLS not in slots


def test_a_town_said_with_actually_is_no_job() -> None:
    from actions.job_answers import job_corrected

    assert job_corrected("actually I'm in Leoben") is None


# ---------------------------------------------------------------- 3: a move at the results


@pytest.mark.parametrize("text", ["actually I moved to Leoben, can you search again?", "I live in Leoben now"])
def test_a_move_is_no_start_over(text: str) -> None:
    ranking = [{"name": names.INTENT_START_OVER, "confidence": 0.9}, {"name": "greet", "confidence": 0.05}]
    guarded = guarded_ranking(text, names.INTENT_START_OVER, ranking)
    assert guarded is not None and guarded[0]["name"] == names.INTENT_INFORM


def test_start_over_beside_a_move_still_starts_over() -> None:
    assert parsing.says_start_over("I moved to Linz, let's start over")


async def test_a_move_at_the_results_searches_from_the_new_town_keeping_the_rest() -> None:
    d = CollectingDispatcher()
    t = tracker({**PROFILE, names.OFFSET: 0.0}, text="actually I moved to Leoben, can you search again?")
    slots = slots_of(await ActionFreeText().run(d, t, DOMAIN))
    assert slots[names.PLACE] == "Leoben" and names.TARGET not in slots
    assert texts_of(d)[0] == texts.PLACE_CHANGED.format(place="Leoben", country="AT")


# ---------------------------------------------------------------- 4: numbers in words


@pytest.mark.parametrize(
    ("text", "parse", "value"),
    [
        ("about fifty kilometers", parsing.parse_distance, 50.0),
        ("fifty", parsing.parse_distance, 50.0),
        ("twenty-five km", parsing.parse_distance, 25.0),
        ("two hundred euros max", parsing.parse_budget, 200.0),
        ("max two hundred and fifty", parsing.parse_budget, 250.0),
        ("the second one", parsing.parse_distance, None),  # a lone "one" is no number
    ],
)
def test_numbers_in_words_are_read(text: str, parse: object, value: float | None) -> None:
    assert parse(text) == value  # type: ignore[operator]


def test_a_time_in_words_is_no_distance() -> None:
    assert parsing.stated_preferences("in three weeks", date(2026, 12, 7)) == {names.START: "2026-12-28"}


# ---------------------------------------------------------------- 5: limits in a first message


async def test_limits_in_a_first_message_are_kept_and_out_of_the_goal() -> None:
    text = "hi im a welder in graz and want to learn about data analysis, max 50km, any price, from now"
    slots, _said = await _run(None, text, intent=names.INTENT_START_SEARCH)
    assert (slots[names.MAX_DISTANCE], slots[names.BUDGET]) == (50.0, names.ANY)
    assert slots[names.START] == date.today().isoformat()
    assert slots[names.WANTED_SKILLS] == [s("data")]


def test_limits_are_cut_out_of_a_wish() -> None:
    assert parsing.without_limits("want to learn about electric cars, max 50km, any price") == "want to learn about electric cars"


# ---------------------------------------------------------------- 6: a yes to the town suggested


@pytest.mark.parametrize("yes", ["ja", "yep", "yeah", "oui", "sí", "correct", "that's it"])
async def test_yes_words_accept_the_town_suggested(yes: str) -> None:
    t = tracker({names.PLACE_SUGGESTIONS: ["Leoben"]}, text=yes)
    assert (await answer(names.PLACE, yes, CollectingDispatcher(), t, DOMAIN))[names.PLACE] == "Leoben"


@pytest.mark.parametrize("unclear", ["hmm", "xyzzy"])
async def test_the_town_suggested_survives_an_unclear_answer(unclear: str) -> None:
    t = tracker({names.PLACE_SUGGESTIONS: ["Leoben"]}, text=unclear)
    assert (await answer(names.PLACE, unclear, CollectingDispatcher(), t, DOMAIN))[names.PLACE_SUGGESTIONS] == ["Leoben"]
    t = tracker({names.PLACE_SUGGESTIONS: ["Leoben"]}, text="yes", intent=names.INTENT_AFFIRM)
    assert (await answer(names.PLACE, "yes", CollectingDispatcher(), t, DOMAIN))[names.PLACE] == "Leoben"


# ---------------------------------------------------------------- 7: the smaller ones


async def test_no_money_hoping_the_ams_pays_is_free_only_with_the_funding_note() -> None:
    text = "i dont have money, maybe AMS pays?"
    d = CollectingDispatcher()
    assert (await answer(names.BUDGET, text, d, tracker(text=text), DOMAIN))[names.BUDGET] == 0.0
    assert texts_of(d) == [texts.FUNDED_FREE]


async def test_a_travel_time_at_the_mode_question_is_in_person_and_said() -> None:
    slots, said = await _run(names.MODE, "max half an hour by car", UP_TO_MODE)
    assert slots[names.MODE] == names.MODE_IN_PERSON
    assert said == [texts.TRAVEL_TIME_IN_PERSON]

