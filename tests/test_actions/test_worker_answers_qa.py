"""Worker answers QA found mis-read on full ESCO: skills typed at the jobs offered for a broad
title, "online" at the town question once the way of learning is known, and "my employer pays"
at the price question."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.cost_paid_by_others import COST_COVERED, paid_by_others
from actions.nlu_guard import guarded_ranking
from skills_catalog.models import Match
from tests.test_actions.conftest import o, s, texts_of, tracker
from tests.test_actions.test_goal_answers import drivers  # noqa: F401 (the fixture)
from tests.test_actions.test_profile_form import _run, answer

# ---------------------------------------------------------------- skills after a broad title


async def _after_driver(text: str, read: Match, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, list[str]]:
    """The answer ``text`` to the jobs offered for "driver", its job read as ``read`` (full ESCO's
    recogniser reads jobs from words that are no title: "forklift" → *forklift operator*)."""
    first = await answer("occupation", "driver", CollectingDispatcher(), tracker(text="driver"), {})
    monkeypatch.setattr(
        services.engine(), "recognise_occupations", lambda _text, top=5, claimed=False: [read]
    )
    d = CollectingDispatcher()
    t = tracker({names.OCCUPATION_OPTIONS: first[names.OCCUPATION_OPTIONS]}, text)
    return await answer("occupation", text, d, t, {}), texts_of(d)


@pytest.mark.usefixtures("drivers")
async def test_skills_typed_at_the_jobs_of_a_broad_title_are_kept_and_the_jobs_offered_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # QA full ESCO: "warehouse" → buttons → "forklift, picking orders, some excel" was "I've noted
    # your job as forklift operator", and only one skill kept
    text = "forklift, welding and PLC programming"
    read = Match(o("forklift"), "forklift operator", 0.8, "forklift", 0, 8)
    result, said = await _after_driver(text, read, monkeypatch)
    assert result[names.OCCUPATION] is None and names.OCCUPATION_OPTIONS not in result
    assert set(result[names.SKILLS]) == {s("weld"), s("plc")}
    assert said == [texts.SKILLS_NOTED_PICK_JOB]


@pytest.mark.usefixtures("drivers")
async def test_a_job_whose_title_holds_the_broad_one_still_tells_the_job(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "machine operator", then "I mostly ran CNC milling machines": *milling machine operator*
    text = "I drove buses for years, some welding"
    read = Match(o("bus"), "bus driver", 0.8, "drove buses", 2, 13)
    result, _said = await _after_driver(text, read, monkeypatch)
    assert result[names.OCCUPATION] == o("bus")


# ---------------------------------------------------------------- online at the town question


@pytest.mark.parametrize("text", ["online", "online only", "I'd only learn online", "no town, online", "any"])
async def test_online_at_the_town_question_gives_no_town_once_online_is_noted(text: str) -> None:
    # QA: after "I'm looking for an online welding course in September" each got "I couldn't find
    # 'online'", and "no town, online" was taken as *Ho (GH)*
    d = CollectingDispatcher()
    t = tracker({names.MODE: names.MODE_ONLINE}, text=text)
    result = await answer("place", text, d, t, {})
    assert result[names.PLACE] == names.NOT_GIVEN and result[names.PLACE_SUGGESTIONS] is None
    assert result.get(names.MODE, names.MODE_ONLINE) == names.MODE_ONLINE and texts_of(d) == []


@pytest.mark.parametrize(("text", "mode"), [("online", names.MODE_ONLINE), ("no town", None)])
async def test_no_town_typed_before_the_way_of_learning(text: str, mode: str | None) -> None:
    result = await answer("place", text, CollectingDispatcher(), tracker(text=text), {})
    assert result[names.PLACE] == names.NOT_GIVEN and result.get(names.MODE) == mode


async def test_a_town_beside_online_is_still_the_town() -> None:
    text = "Graz, but I'd prefer online"
    result = await answer(
        "place", text, CollectingDispatcher(), tracker({names.MODE: names.MODE_ONLINE}, text), {}
    )
    assert result[names.PLACE] == "Graz"


# ---------------------------------------------------------------- "my employer pays"


@pytest.mark.parametrize(
    "text", ["my employer pays", "my company pays", "my boss will pay", "paid by my employer"]
)
def test_a_course_paid_by_the_employer_is_an_answer_not_a_firm_s_need(text: str) -> None:
    # QA: "my employer pays" at the price question was firm_start (0.996): the firm's form began
    guarded = guarded_ranking(
        text, names.INTENT_FIRM_START, [{"name": names.INTENT_FIRM_START, "confidence": 0.996}]
    )
    assert guarded is not None and guarded[0]["name"] == names.INTENT_INFORM


def test_a_firm_s_need_stated_surely_stays_one_though_it_pays() -> None:
    text = "we need 3 welders, our company pays for their training"
    assert paid_by_others(text)
    guarded = guarded_ranking(
        text, names.INTENT_FIRM_START, [{"name": names.INTENT_FIRM_START, "confidence": 0.9}]
    )
    assert guarded is None or guarded[0]["name"] == names.INTENT_FIRM_START


async def test_my_employer_pays_at_the_price_question_lifts_the_price_limit_and_says_so() -> None:
    online = {names.MODE: names.MODE_ONLINE, names.PLACE: names.NOT_GIVEN}
    slots, said = await _run(names.BUDGET, "my employer pays", online)
    assert slots[names.BUDGET] == names.ANY and said == [COST_COVERED]
    # the next question is the form's: no travel distance for someone learning online
    assert slots[names.REQUESTED_SLOT] not in (names.BUDGET, names.MAX_DISTANCE)


@pytest.mark.parametrize("text", ["I want to pay less", "my company is hiring welders", "pay 300"])
def test_paying_oneself_is_no_cost_paid_by_others(text: str) -> None:
    assert not paid_by_others(text)
