"""A new goal said at a preference question (QA12): changed, said back, and the form goes on."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.profile_form import ValidateProfileForm
from tests.test_actions.conftest import o, s, texts_of, tracker
from tests.test_actions.test_recommendations import PROFILE

FORM = ValidateProfileForm()
PREFERENCES = (names.MODE, names.MAX_DISTANCE, names.LANGUAGE, names.BUDGET, names.START)


async def answer(slot: str, text: str, dispatcher: CollectingDispatcher) -> dict:
    """Validate ``text`` typed at the question for ``slot``, the goal and the limits before it set."""
    before = dict(PROFILE)
    for later in PREFERENCES[PREFERENCES.index(slot) :]:
        before[later] = None
    t = tracker(before, text=text)
    t.slots[names.REQUESTED_SLOT] = slot
    return await getattr(FORM, f"validate_{slot}")(text, dispatcher, t, {})


@pytest.mark.parametrize("asked", PREFERENCES)
async def test_a_new_goal_at_a_preference_question_changes_the_goal(asked: str) -> None:
    # QA12: "actually I'd rather become a data analyst" at the distance question got "I need a
    # rough number of km", and the goal stayed mechatronics technician
    d = CollectingDispatcher()
    slots = await answer(asked, "actually I'd rather become a data analyst", d)
    assert slots[names.TARGET] == o("analyst") and slots[names.GOAL] == "data analyst"
    assert slots[asked] is None  # the question is asked again
    assert texts_of(d) == [texts.GOAL_CHANGED.format(goal="data analyst")]


async def test_the_answer_said_with_the_new_goal_is_taken_too() -> None:
    d = CollectingDispatcher()
    slots = await answer(names.MAX_DISTANCE, "I want to learn welding instead, 50 km", d)
    assert slots[names.MAX_DISTANCE] == 50.0
    assert slots[names.WANTED_SKILLS] == [s("weld")] and slots[names.TARGET] is None


@pytest.mark.parametrize("text", ["how about online?", "rather 25 km", "any distance instead"])
async def test_limits_said_with_words_of_a_change_are_no_goal(text: str) -> None:
    d = CollectingDispatcher()
    slots = await answer(names.MAX_DISTANCE, text, d)
    assert names.TARGET not in slots and texts.GOAL_CHANGED.split("{")[0] not in " ".join(texts_of(d))
