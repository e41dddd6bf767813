"""QA13 (full ESCO): results that end in no way on, or say less than they should.

Questions about the cards after a search that showed none, a request no course teaches (the
closest courses, said to be such, and a way to change the goal), and "only online" under cards
that are all online already.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, names, services, texts
from actions.compare import ActionCompareResults
from actions.offers import ActionExpressInterest, ActionOfferDetails
from actions.recommendations import ActionRecommend, ActionRefineSearch, ActionRelaxLimit
from actions.results import page_heading
from skills_catalog import explain
from skills_catalog.alerts import InMemoryAlertSink
from skills_catalog.engine import Engine
from skills_catalog.leads import MemoryLeadStore
from skills_catalog.models import Occupation, Skill, SkillRef
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import s, slots_of, texts_of, tracker
from tests.test_actions.test_recommendations import PROFILE
from tests.test_skills_catalog.conftest import (
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    make_taxonomy,
)

#: skills no course of the fixture catalogue teaches, and jobs that need them
UNTAUGHT = {"hr": "manage human resources", "fuel": "fuel cell types"}
JOBS = {
    "hr-assistant": ("human resources assistant", ("hr", "data", "safety")),
    "office-clerk": ("office clerk", ("hr", "data")),
    "hydrogen": ("hydrogen technician", ("fuel",)),
}


@pytest.fixture
def engine() -> Engine:
    """The fixture engine, its taxonomy with skills no course teaches (and the jobs needing them)."""
    taxonomy = make_taxonomy()
    skills = {s(k): Skill(s(k), label) for k, label in UNTAUGHT.items()}
    jobs = {
        s(k): Occupation(s(k), label, essential_skills=tuple(s(x) for x in needs))
        for k, (label, needs) in JOBS.items()
    }
    taxonomy = replace(
        taxonomy, skills={**taxonomy.skills, **skills}, occupations={**taxonomy.occupations, **jobs}
    )
    return Engine(taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), make_catalog(), today=lambda: TODAY)


@pytest.fixture(autouse=True)
def services_in_memory(engine: Engine):  # noqa: ANN201
    services.use(engine, MemoryLeadStore(), MemoryNeedStore(), [InMemoryAlertSink()])
    yield
    services.use()


def titles(message: dict[str, Any]) -> list[str]:
    return [b["title"] for b in message.get("buttons") or []]


def offer_ids(dispatcher: CollectingDispatcher) -> list[str]:
    return [
        m["custom"]["offer"]["offer_id"]
        for m in dispatcher.messages
        if (m.get("custom") or {}).get("type") == "offer_card"
    ]


# 1. questions about the cards after a search that showed none -------------------------------------

#: a search made (the offset is set) that found nothing in Italian
EMPTY = {**PROFILE, names.LANGUAGE: "it", names.OFFSET: 0.0}


@pytest.mark.parametrize(
    ("action", "text"),
    [
        (ActionCompareResults, "which one is the cheapest?"),
        (ActionCompareResults, "which is nearest?"),
        (ActionOfferDetails, "details of the first one"),
        (ActionExpressInterest, "I'm interested in the cheapest one"),
    ],
)
async def test_a_question_about_cards_after_an_empty_search_repeats_its_ways_on(
    action: type, text: str, dispatcher: CollectingDispatcher
) -> None:
    # QA13: they got "Let me find some courses for you first." and "Find training for me"
    await ActionRecommend().run(dispatcher, tracker({**PROFILE, names.LANGUAGE: "it"}), {})
    [searched] = dispatcher.messages
    asked = CollectingDispatcher()
    await action().run(asked, tracker(EMPTY, text), {})
    [message] = asked.messages
    assert message["text"].startswith(card_texts.NONE_SHOWN + " " + searched["text"])
    assert titles(message) == titles(searched)
    assert "Any language" in titles(message)


async def test_before_any_search_a_question_about_cards_still_offers_one(
    dispatcher: CollectingDispatcher,
) -> None:
    await ActionCompareResults().run(dispatcher, tracker({**PROFILE}, "which one is the cheapest?"), {})
    assert texts_of(dispatcher) == [texts.NO_OFFER_SHOWN]


# 2. what no course teaches: the closest, and a way on -------------------------------------------


async def test_nothing_teaching_what_was_asked_shows_the_closest_and_says_so(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA13: a hairdresser wanting HR got "I found no course in the catalogue for these skills yet"
    # and no buttons; the jobs needing HR need data analysis too, which a course teaches
    slots = {**PROFILE, names.TARGET: None, names.GOAL: names.GOAL_SKILLS, names.WANTED_SKILLS: [s("hr")]}
    events = await ActionRecommend().run(dispatcher, tracker(slots), {})
    assert texts_of(dispatcher)[0] == card_texts.CLOSEST_HEADING.format(what="manage human resources")
    assert {"O6", "O4"} <= set(offer_ids(dispatcher))  # Python for data, Workplace safety
    assert card_texts.CHANGE_GOAL in titles(dispatcher.messages[-1])
    assert [o["offer_id"] for o in slots_of(events)[names.SHOWN_OFFERS]] == offer_ids(dispatcher)


async def test_a_card_of_the_closest_on_an_earlier_page_is_found_by_its_number(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {**PROFILE, names.TARGET: None, names.WANTED_SKILLS: [s("hr")]}
    await ActionRecommend().run(dispatcher, tracker(slots), {})
    first = offer_ids(dispatcher)[0]
    later = {**slots, names.OFFSET: 5.0, names.SHOWN_OFFERS: [{"offer_id": "O9", "title": "Technical drawing"}]}
    asked = CollectingDispatcher()
    await ActionOfferDetails().run(asked, tracker(later, "details of number 1"), {})
    assert [m["custom"]["offer"]["offer_id"] for m in asked.messages if m.get("custom")] == [first]


async def test_none_of_the_closest_within_the_limits_says_what_is_not_taught_and_how_on(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = {**PROFILE, names.TARGET: None, names.WANTED_SKILLS: [s("hr")], names.LANGUAGE: "it"}
    await ActionRecommend().run(dispatcher, tracker(slots), {})
    [message] = dispatcher.messages
    assert message["text"].startswith("No course in the catalogue teaches manage human resources yet, and none")
    assert titles(message) == ["Any language", card_texts.CHANGE_GOAL, "Start over"]


async def test_nothing_taught_nor_close_offers_to_change_the_goal(dispatcher: CollectingDispatcher) -> None:
    # no job needing fuel cells needs anything a course teaches: no closest, yet a way on
    slots = {**PROFILE, names.TARGET: None, names.WANTED_SKILLS: [s("fuel")]}
    await ActionRecommend().run(dispatcher, tracker(slots), {})
    [message] = dispatcher.messages
    assert message["text"] == card_texts.NOTHING_TAUGHT
    assert titles(message) == [card_texts.CHANGE_GOAL, "Start over"]


async def test_change_my_goal_asks_the_goal_again_and_keeps_the_rest(dispatcher: CollectingDispatcher) -> None:
    slots = {**PROFILE, names.WANTED_SKILLS: [s("fuel")], names.OFFSET: 0.0}
    payload = {names.CHOICE: names.GOAL}
    events = await ActionRelaxLimit().run(dispatcher, tracker(slots, "/relax", names.INTENT_RELAX, payload), {})
    assert slots_of(events) == {
        names.GOAL: None,
        names.GOAL_OPTIONS: None,
        names.TARGET: None,
        names.TARGET_LABEL: None,
        names.WANTED_SKILLS: [],
    }
    assert events[-1] == FollowupAction(names.PROFILE_FORM)


async def test_a_skill_asked_for_that_no_course_teaches_is_said_before_the_rest(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA13: "learn about hydrogen fuel cells" got "Here is what fits you best" above energy courses;
    # the goal job's courses are no "closest" (QA13c)
    slots = {**PROFILE, names.WANTED_SKILLS: [s("fuel")]}
    await ActionRecommend().run(dispatcher, tracker(slots), {})
    assert texts_of(dispatcher)[0] == card_texts.REST_HEADING.format(what="fuel cell types")
    assert offer_ids(dispatcher)  # the goal's courses, as before


async def test_what_is_taught_keeps_the_usual_heading(dispatcher: CollectingDispatcher) -> None:
    slots = {**PROFILE, names.WANTED_SKILLS: [s("weld")]}
    await ActionRecommend().run(dispatcher, tracker(slots), {})
    assert texts_of(dispatcher)[0] == texts.SEARCHING


def test_the_engines_closest_reason_is_said_above_the_cards() -> None:
    reason = explain.closest_reason([SkillRef("", "x")], "specialist nurse")
    heading = card_texts.CLOSEST_HEADING.format(what="the skills you lack for specialist nurse")
    assert card_texts.closest_of(reason) == "the skills you lack for specialist nurse"
    assert card_texts.closest_of("EQF level 4") == ""
    assert page_heading(0, 5, (), reason) == heading
    assert page_heading(5, 5, (), reason) == card_texts.MORE_COURSES.format(first=6, last=10)


# 3. "only online" under online cards ------------------------------------------------------------

ONLINE_SHOWN = [
    {"offer_id": "O3", "title": "Online CNC and PLC", "mode": "online", "cost_eur": 200, "distance_km": None},
    {"offer_id": "O6", "title": "Python for data", "mode": "online", "cost_eur": 0, "distance_km": None},
]


async def test_only_online_under_online_cards_says_so_and_keeps_online(dispatcher: CollectingDispatcher) -> None:
    # QA13: the same cards again under "Only online courses, then."
    slots = {**PROFILE, names.OFFSET: 0.0, names.SHOWN_OFFERS: ONLINE_SHOWN}
    events = await ActionRefineSearch().run(
        dispatcher, tracker(slots, "only online", names.INTENT_ONLY_ONLINE), {}
    )
    assert texts_of(dispatcher) == [card_texts.ONLINE_SHOWN_ALREADY]
    assert slots_of(events) == {names.MODE: names.MODE_ONLINE}
    assert "Only online" not in titles(dispatcher.messages[0])


async def test_only_online_when_online_is_the_limit_offers_in_person_too(dispatcher: CollectingDispatcher) -> None:
    slots = {**PROFILE, names.MODE: names.MODE_ONLINE, names.OFFSET: 0.0, names.SHOWN_OFFERS: ONLINE_SHOWN}
    events = await ActionRefineSearch().run(
        dispatcher, tracker(slots, "only online please", names.INTENT_ONLY_ONLINE), {}
    )
    assert events == []
    assert texts_of(dispatcher) == [card_texts.ONLINE_ALREADY]
    assert titles(dispatcher.messages[0]) == ["In person too"]


async def test_only_online_under_mixed_cards_still_searches_again(dispatcher: CollectingDispatcher) -> None:
    shown = [*ONLINE_SHOWN, {"offer_id": "O1", "title": "Welding", "mode": "in_person", "cost_eur": 0}]
    slots = {**PROFILE, names.OFFSET: 0.0, names.SHOWN_OFFERS: shown}
    await ActionRefineSearch().run(dispatcher, tracker(slots, "only online", names.INTENT_ONLY_ONLINE), {})
    assert texts_of(dispatcher)[0] == texts.REFINED[names.INTENT_ONLY_ONLINE]
