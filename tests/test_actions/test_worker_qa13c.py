"""A worker's conversation on full ESCO (QA13, third round): a town typed at the skills'
confirmation, empty results that contradicted themselves, in person after online, headings that
called taught courses the closest, a move and a job search at the consent question, and the
small words (articles, "courses", what a job is, "closer" at the goal question)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, faq_texts, names, texts
from actions.profile_form import ValidateProfileForm
from actions.recommendations import ActionFreeText, ActionRecommend, ActionRelaxLimit, ActionThank
from actions.results import hints_words
from skills_catalog import explain
from skills_catalog.models import Match
from tests.test_actions import test_results_qa13 as qa13
from tests.test_actions.conftest import DOMAIN, answered_in_form, s, slots_of, texts_of, tracker
from tests.test_actions.test_recommendations import PROFILE
from tests.test_skills_catalog.conftest import PLACES

#: the fixture engine with skills no course teaches, installed for every test here
engine, services_in_memory, offer_ids = qa13.engine, qa13.services_in_memory, qa13.offer_ids

WELDING = {names.SKILLS: [s("weld")], names.SKILL_LABELS: {s("weld"): "weld metal parts"}}


@pytest.fixture
def bricks_in_graz(monkeypatch: pytest.MonkeyPatch, engine: Any) -> None:
    """Recognition reads a skill from a town's letters, as full ESCO reads "Bruck" as *lay bricks*."""
    real = engine.recognise_skills

    def reads(text: str, *args: Any, **kwargs: Any) -> list[Match]:
        found = real(text, *args, **kwargs)
        at = text.find("Graz")
        return (
            found + [Match(s("solar"), "install solar panels", 0.7, "Graz", at, at + 4)] if at >= 0 else found
        )

    monkeypatch.setattr(engine, "recognise_skills", reads)


# ---------------------------------------------------------------- a town at the skills


@pytest.mark.usefixtures("bricks_in_graz")
async def test_a_town_typed_at_the_skills_confirmation_is_the_town_not_a_skill_read_from_its_letters() -> (
    None
):
    slots, said = await answered_in_form("Graz", names.SKILLS_CONFIRMED, WELDING)
    assert slots[names.PLACE] == PLACES["graz"].name and names.SKILLS not in slots
    assert slots[names.SKILLS_CONFIRMED] is None and "Graz" in said[0]


@pytest.mark.usefixtures("bricks_in_graz")
async def test_a_town_typed_at_the_skills_question_is_the_town() -> None:
    slots, _ = await answered_in_form("Graz", names.SKILLS)
    assert slots[names.PLACE] == PLACES["graz"].name and slots[names.SKILLS] is None


async def test_a_skill_named_in_its_own_words_is_still_added() -> None:
    slots, _ = await answered_in_form("also program PLC", names.SKILLS_CONFIRMED, WELDING)
    assert slots[names.SKILLS] == [s("weld"), s("plc")] and names.PLACE not in slots


# ---------------------------------------------------------------- what no course teaches


#: a goal in skills, human resources taught by no course of the fixture catalogue
HR = {**PROFILE, names.TARGET: None, names.GOAL: names.GOAL_SKILLS, names.WANTED_SKILLS: [s("hr")]}


async def test_courses_teaching_the_rest_of_a_request_are_not_called_the_closest(
    dispatcher: CollectingDispatcher,
) -> None:
    # "become a software developer": "No course teaches provide technical documentation yet. These
    # are the closest:" above a card that "teaches what you asked for: computer programming"
    await ActionRecommend().run(dispatcher, tracker({**HR, names.WANTED_SKILLS: [s("hr"), s("python")]}), {})
    assert texts_of(dispatcher)[0] == card_texts.REST_HEADING.format(what="manage human resources")


async def test_nothing_taught_shows_the_closest_under_their_heading(dispatcher: CollectingDispatcher) -> None:
    await ActionRecommend().run(dispatcher, tracker(HR), {})
    assert texts_of(dispatcher)[0] == card_texts.CLOSEST_HEADING.format(what="manage human resources")


async def test_the_hints_of_the_closest_do_not_say_they_teach_what_was_asked_for(
    dispatcher: CollectingDispatcher,
) -> None:
    # "No course teaches weld underwater yet, and none of the closest fits all your limits. One
    # course that teaches what you asked for costs under €1300"
    await ActionRecommend().run(dispatcher, tracker({**HR, names.LANGUAGE: "it"}), {})
    said = texts_of(dispatcher)[-1]
    assert said.startswith(card_texts.NOTHING_CLOSE_FITS.format(what="manage human resources", hints=""))
    assert "what you asked for" not in said and "of the closest" in said.split("limits.", 1)[1]


@pytest.mark.parametrize(
    ("count", "closest", "said"),
    [
        (9, False, "without any limits, 9 courses would teach these skills."),
        (1, False, "without any limits, 1 course would teach these skills."),
        (4, True, "without any limits, 4 of the closest would fit."),
    ],
)
def test_no_single_limit_enough_names_its_courses(count: int, closest: bool, said: str) -> None:
    # "Relaxing one limit alone is not enough — 9 teach these skills…" had no noun
    assert hints_words([explain.several_limits_hint(count)], better=False, closest=closest).endswith(said)


# ---------------------------------------------------------------- the consent question

#: a first message told the town ("hi, I'm a welder from Leoben …"), and the consent is asked
FROM_LEOBEN = {
    names.PLACE: "Leoben",
    names.LATITUDE: PLACES["leoben"].point.lat,
    names.LONGITUDE: PLACES["leoben"].point.lon,
}


@pytest.mark.parametrize("text", ["I moved to Graz", "actually I live in Graz now"])
async def test_a_move_at_the_consent_question_replaces_the_town_told_before(text: str) -> None:
    # it got "Sorry, I need a yes or a no", and the town stayed
    slots, said = await answered_in_form(text, names.CONSENT, FROM_LEOBEN)
    assert slots[names.PLACE] == "Graz" and slots[names.CONSENT] is None
    assert texts.PLACE_CHANGED.format(place="Graz", country="AT") in said


async def test_a_job_search_at_the_consent_question_is_answered_honestly() -> None:
    # it got what the consent means
    slots, said = await answered_in_form(
        "I'm looking for a job, are any firms hiring CNC operators?", names.CONSENT
    )
    assert faq_texts.VACANCIES in said and slots[names.CONSENT] is None


# ---------------------------------------------------------------- in person after online

#: results of an online-only search, the distance never asked
ONLINE_SHOWN = {**PROFILE, names.MODE: names.MODE_ONLINE, names.MAX_DISTANCE: None, names.OFFSET: 0.0}


@pytest.mark.parametrize(
    ("text", "intent", "mode"),
    [
        ("actually in person is better", names.INTENT_INFORM, names.MODE_IN_PERSON),
        ("in person or online", names.INTENT_INFORM, names.ANY),
    ],
)
async def test_turning_an_online_search_to_in_person_asks_the_travel_limit_first(
    text: str, intent: str, mode: str, dispatcher: CollectingDispatcher
) -> None:
    # it searched again with no limit, and showed courses 542 km away
    events = await ActionFreeText().run(dispatcher, tracker(ONLINE_SHOWN, text, intent), {})
    assert slots_of(events)[names.MODE] == mode and names.MAX_DISTANCE not in slots_of(events)
    assert FollowupAction(names.PROFILE_FORM) in events and not offer_ids(dispatcher)


async def test_in_person_too_tapped_after_an_online_search_asks_the_travel_limit_first(
    dispatcher: CollectingDispatcher,
) -> None:
    asked = tracker(ONLINE_SHOWN, "In person too", names.INTENT_RELAX, entities={names.CHOICE: names.MODE})
    events = await ActionRelaxLimit().run(dispatcher, asked, {})
    assert slots_of(events)[names.MODE] == names.ANY and FollowupAction(names.PROFILE_FORM) in events


async def test_in_person_with_a_travel_limit_set_searches_at_once(dispatcher: CollectingDispatcher) -> None:
    slots = {**ONLINE_SHOWN, names.MAX_DISTANCE: 30.0}
    events = await ActionFreeText().run(dispatcher, tracker(slots, "actually in person is better"), {})
    assert FollowupAction(names.PROFILE_FORM) not in events and offer_ids(dispatcher)


# ---------------------------------------------------------------- the small words


def test_a_card_says_an_before_a_goal_said_with_a_vowel() -> None:
    said = card_texts.coverage_words([], ["install solar panels"], "automotive electrician")
    assert said == "teaches skills an automotive electrician needs: install solar panels"


async def test_a_request_to_the_results_at_the_goal_question_says_it_comes_later() -> None:
    # "closer" got "I couldn't match that to a job or a skill"
    d = CollectingDispatcher()
    t = tracker(
        {names.REQUESTED_SLOT: names.GOAL, names.GOAL: "closer"},
        "closer",
        names.INTENT_CLOSER,
        active_loop=names.PROFILE_FORM,
    )
    t.events.append({"event": "slot", "name": names.GOAL, "value": "closer"})
    slots = slots_of(await ValidateProfileForm().run(d, t, DOMAIN))
    assert texts_of(d) == [texts.GOAL_NOT_STEP] and slots[names.GOAL] is None


async def test_what_counts_as_a_job_is_explained_at_the_job_question() -> None:
    # it got "I couldn't match that to a job I know"
    slots, said = await answered_in_form("what counts as a job?", names.OCCUPATION)
    assert said == [faq_texts.ABOUT_QUESTION[names.OCCUPATION]] and slots[names.OCCUPATION] is None


@pytest.mark.parametrize(
    ("shown", "more"),
    [(0, None), (2, False), (5, True)],
    ids=["before-any-search", "last-page", "full-page"],
)
async def test_thanks_offers_more_results_only_when_there_are_more(shown: int, more: bool | None) -> None:
    # QA13c: "thank you" after a search that found nothing got "You're welcome!" and "More results"
    dispatcher = CollectingDispatcher()
    cards = [{"offer_id": f"O{i}", "title": "Welding", "mode": "in_person"} for i in range(shown)]
    await ActionThank().run(dispatcher, tracker({names.SHOWN_OFFERS: cards}), {})
    (message,) = dispatcher.messages
    payloads = [b["payload"] for b in message["buttons"]]
    assert message["text"] == texts.WELCOME
    assert (f"/{names.INTENT_MORE_RESULTS}" in payloads) is bool(more) and (payloads == []) is (more is None)
