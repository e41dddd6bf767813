"""A new goal said after the results: changed, said back, searched for with everything else kept."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.goal_change import says_new_goal
from actions.offers import ActionOfferDetails
from actions.recommendations import ActionFreeText
from tests.test_actions.conftest import o, s, slots_of, texts_of, tracker
from tests.test_actions.test_recommendations import PROFILE

SHOWN = [
    {
        "offer_id": "O8",
        "title": "Mechatronics advanced",
        "distance_km": 43.0,
        "mode": "in_person",
        "cost_eur": 1500,
    }
]
AFTER_RESULTS = {**PROFILE, names.OFFSET: 0.0, names.SHOWN_OFFERS: SHOWN}


async def test_a_wish_to_learn_something_else_changes_the_goal_and_keeps_the_rest(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA8 D12: "actually I'd rather learn welding" got "What would you like to do next?"; only
    # "start over" changed the goal, and it dropped the job, the skills, the town and the limits
    events = await ActionFreeText().run(
        dispatcher, tracker(AFTER_RESULTS, "actually I'd rather learn welding"), {}
    )
    assert texts_of(dispatcher)[0] == texts.GOAL_CHANGED.format(goal="weld metal parts")
    slots = slots_of(events)
    assert slots[names.WANTED_SKILLS] == [s("weld")] and slots[names.TARGET] is None
    assert slots[names.SHOWN_OFFERS] and not {names.SKILLS, names.PLACE, names.BUDGET} & set(slots)


async def test_a_job_instead_read_as_a_request_about_an_offer_changes_the_goal(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA8 D12: "what about plumbing instead?" got "Which course do you mean?" and the cards as buttons
    said = tracker(AFTER_RESULTS, "what about solar panel installer instead?", names.INTENT_OFFER_DETAILS)
    events = await ActionOfferDetails().run(dispatcher, said, {})
    assert texts_of(dispatcher)[0] == texts.GOAL_CHANGED.format(goal="solar panel installer")
    assert slots_of(events)[names.TARGET] == o("solar")


async def test_the_goal_said_again_changes_nothing(dispatcher: CollectingDispatcher) -> None:
    said = tracker(AFTER_RESULTS, "what about mechatronics technician instead?")
    assert await ActionFreeText().run(dispatcher, said, {}) == []
    assert texts_of(dispatcher) == [texts.WHAT_NEXT]


async def test_before_any_results_a_goal_is_no_change(dispatcher: CollectingDispatcher) -> None:
    said = tracker(PROFILE, "what about solar panel installer instead?", names.INTENT_OFFER_DETAILS)
    await ActionOfferDetails().run(dispatcher, said, {})
    assert texts.GOAL_CHANGED.format(goal="solar panel installer") not in texts_of(dispatcher)


@pytest.mark.parametrize(
    ("text", "new"),
    [
        ("what about plumbing instead?", True),
        ("I want to become an electrician", True),
        ("how about something with solar panels", True),
        ("what about the second one?", False),
        ("what about the welding one?", False),
        ("what about a welding course instead?", True),
        ("tell me more about it", False),
        ("thanks", False),
    ],
    ids=str,
)
def test_what_says_a_new_goal(text: str, new: bool) -> None:
    assert says_new_goal(text) is new
