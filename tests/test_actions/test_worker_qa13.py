"""Worker defects of QA13: "not sure" of a goal got the same jobs in demand for everyone; a goal
left open read "you already have the skills you named" on every card; "More results" after a
search that found nothing said "That's all I have for this search"; "details of 1" asked which
course was meant."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, choices, names, texts
from actions.offers import ActionOfferDetails
from actions.recommendations import ActionMoreResults, ActionRecommend
from skills_catalog.explain import fallback_reason
from tests.test_actions.conftest import o, s, slots_of, texts_of, tracker
from tests.test_actions.test_profile_form import answer
from tests.test_actions.test_recommendations import PROFILE, customs

# ---------------------------------------------------------------- 1: "not sure" of a goal


async def _not_sure(known: dict) -> tuple[list[str], list[str]]:
    """What "not sure" at the goal question says, and the jobs it offers (URIs)."""
    d = CollectingDispatcher()
    t = tracker(known, text="not sure", intent=names.INTENT_NOT_SURE)
    offered = (await answer(names.GOAL, "not sure", d, t, {}))[names.GOAL_OPTIONS] or []
    return texts_of(d), [option["uri"] for option in offered]


async def test_not_sure_suggests_the_jobs_closest_to_the_persons_job() -> None:
    # the welder's skills (weld, blueprint, safety) are half the solar installer's and the
    # mechatronics technician's; the data analyst's none: it had been offered all the same
    said, offered = await _not_sure({names.OCCUPATION: o("welder"), names.OCCUPATION_LABEL: "welder"})
    assert said == [texts.GOAL_NEAR_JOB.format(job="welder")]
    assert offered == [o("solar"), o("mechatronics")]


async def test_not_sure_suggests_other_jobs_to_other_people() -> None:
    said, offered = await _not_sure({names.OCCUPATION: names.NOT_GIVEN, names.SKILLS: [s("python")]})
    assert said == [texts.GOAL_NEAR_SKILLS] and offered == [o("analyst")]


async def test_not_sure_with_nothing_to_build_on_gets_the_jobs_in_demand() -> None:
    said, offered = await _not_sure({names.OCCUPATION: names.NOT_GIVEN, names.SKILLS: []})
    assert said == [texts.GOAL_IN_DEMAND] and offered


# ---------------------------------------------------------------- 2: nothing missing, said on the card

OPEN_GOAL = {**PROFILE, names.GOAL: names.NOT_GIVEN, names.TARGET: None, names.SKILLS: []}


@pytest.mark.parametrize(
    ("known", "first_reason"),
    [
        ({names.OCCUPATION: o("welder")}, card_texts.OPEN_GOAL_JOB.format(job="welder")),
        ({names.OCCUPATION: names.NOT_GIVEN, names.SKILLS: [s("weld")]}, card_texts.OPEN_GOAL_SKILLS),
        ({names.SKILLS: [s("weld")], names.WANTED_SKILLS: [s("weld")], names.GOAL: names.GOAL_SKILLS},
         card_texts.HAVE_WHAT_ASKED),
    ],
    ids=["open-goal-job", "open-goal-skills", "asked-for-held"],
)  # fmt: skip
async def test_a_card_says_what_a_search_with_nothing_missing_built_on(known: dict, first_reason: str) -> None:
    # QA13: a welder who named no skills and kept the goal open read "you already have the skills
    # you named — this offer goes further" on every card
    d = CollectingDispatcher()
    await ActionRecommend().run(d, tracker({**OPEN_GOAL, **known}), {})
    reasons = [card["offer"]["reasons"] for card in customs(d, "offer_card")]
    assert reasons and all(r[0] == first_reason for r in reasons)


def test_the_engines_reason_is_the_one_the_cards_reword() -> None:
    assert fallback_reason("") == card_texts.NOTHING_MISSING


# ---------------------------------------------------------------- 3: more of nothing

NOTHING_FITS = {**PROFILE, names.LANGUAGE: "fr", names.OFFSET: 0.0}  # no course is taught in French


async def test_more_results_after_a_search_that_found_nothing_says_so_and_what_to_relax() -> None:
    # QA13: "More results" (offered after a late consent) said "That's all I have for this search"
    d = CollectingDispatcher()
    events = await ActionMoreResults().run(d, tracker(NOTHING_FITS), {})
    said = texts_of(d)
    assert said[0] == texts.NO_MORE_OF_NONE
    assert said[1].startswith(card_texts.NOTHING_FITS.format(hints="")) and texts.NO_MORE not in said
    assert {"title": "Any language", "payload": '/relax{"choice":"language"}'} in d.messages[1]["buttons"]
    assert names.OFFSET not in slots_of(events)


async def test_more_results_past_the_last_page_still_says_that_is_all() -> None:
    d = CollectingDispatcher()
    await ActionMoreResults().run(d, tracker({**PROFILE, names.OFFSET: 50.0}), {})
    assert texts_of(d) == [texts.NO_MORE]


# ---------------------------------------------------------------- 4: a card named by its number

SAME_TITLES = {
    names.SHOWN_OFFERS: [
        {"offer_id": "O1", "title": "Welding of steel structures", "distance_km": 0.0},
        {"offer_id": "O4", "title": "Welding of steel structures", "distance_km": 12.0},
    ],
    names.OFFSET: 0.0,
}


@pytest.mark.parametrize(("text", "offer"), [("details of 1", "O1"), ("details of 2", "O4"), ("more about 2 please", "O4")])
async def test_details_of_a_number_open_that_card(text: str, offer: str) -> None:
    # QA13: "details of 1" under two cards of one title asked "Which course do you mean?"
    d = CollectingDispatcher()
    await ActionOfferDetails().run(d, tracker(SAME_TITLES, text, names.INTENT_OFFER_DETAILS), {})
    assert d.messages[0]["custom"]["offer"]["offer_id"] == offer


@pytest.mark.parametrize(
    ("text", "number"),
    [("details of 1", 1), ("Details of 3?", 3), ("tell me about 2", 2), ("I'm interested in 4", 4),
     ("info on the 2, please", 2), ("about 20 km", None), ("about 20", None), ("more 5", None), ("in 2 weeks", None)],
)  # fmt: skip
def test_a_number_asked_about_is_a_card_number(text: str, number: int | None) -> None:
    assert choices.item_number(text) == number
