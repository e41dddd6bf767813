"""Limits said together: "either" with a number, several limits dropped at once, paying little."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.profile_form import ValidateProfileForm
from actions.recommendations import ActionFreeText
from tests.test_actions.conftest import slots_of, texts_of, tracker
from tests.test_actions.test_recommendations import PROFILE

FORM = ValidateProfileForm()


async def answer(slot: str, text: str, dispatcher: CollectingDispatcher, slots: dict | None = None) -> dict:
    """Validate ``text`` typed as the answer to the question the form asked for ``slot``."""
    t = tracker(slots, text=text)
    t.slots[names.REQUESTED_SLOT] = slot
    return await getattr(FORM, f"validate_{slot}")(text, dispatcher, t, {})


@pytest.mark.parametrize(
    ("asked", "text", "expected", "noted"),
    [
        (
            names.MODE,
            "either, max 40km, spanish or english",
            {names.MODE: names.ANY, names.MAX_DISTANCE: 40.0, names.LANGUAGE: "es,en"},
            "up to 40 km, courses in Spanish or English",
        ),
        (
            names.MODE,
            "either is fine, max 40 km",
            {names.MODE: names.ANY, names.MAX_DISTANCE: 40.0},
            "up to 40 km",
        ),
        (
            names.MODE,
            "both are fine, up to 40 km",
            {names.MODE: names.ANY, names.MAX_DISTANCE: 40.0},
            "up to 40 km",
        ),
        (
            names.LANGUAGE,
            "any, max 50 km",
            {names.LANGUAGE: names.ANY, names.MAX_DISTANCE: 50.0},
            "up to 50 km",
        ),
    ],
    ids=["either-km-languages", "either-is-fine-km", "both-km", "any-at-language-km"],
)
async def test_either_with_another_limit_answers_the_question_asked(
    asked: str, text: str, expected: dict, noted: str
) -> None:
    # QA: "either, max 40km, spanish or english" at the mode question set *any distance* ("Noted:
    # no limit there"), asked the mode again and lost the languages
    d = CollectingDispatcher()
    assert await answer(asked, text, d) == expected
    assert texts_of(d) == [texts.ALSO_NOTED.format(noted=noted)]


async def test_either_beside_another_limit_lifted_answers_both() -> None:
    result = await answer(names.MODE, "either, any language", CollectingDispatcher())
    assert result == {names.MODE: names.ANY, names.LANGUAGE: names.ANY}


async def test_another_limit_lifted_with_one_stated_asks_again_and_notes_both() -> None:
    d = CollectingDispatcher()
    result = await answer(names.MODE, "any language, max 40 km", d)
    assert result == {names.MODE: None, names.LANGUAGE: names.ANY, names.MAX_DISTANCE: 40.0}
    assert texts_of(d) == [texts.ALSO_NOTED.format(noted="up to 40 km"), texts.OTHER_LIMIT_LIFTED]


@pytest.mark.parametrize(
    ("asked", "text"),
    [(names.MODE, "i dont want to pay much, 200 max"), (names.MODE, "i cant pay a lot, max 200")],
    ids=["pay-much-200-max", "pay-a-lot-max-200"],
)
async def test_a_price_said_ahead_with_paying_little_is_that_price(asked: str, text: str) -> None:
    # QA: "i dont want to pay much, 200 max" at the mode question gave "Noted: free courses only."
    d = CollectingDispatcher()
    assert await answer(asked, text, d) == {asked: None, names.BUDGET: 200.0}
    assert texts_of(d) == [texts.ALSO_NOTED.format(noted="up to 200 €")]


async def test_every_limit_dropped_in_words_after_nothing_fits_is_dropped(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA: "ok any distance and any price" dropped only the distance; the search stayed free-only
    searched = tracker(
        {**PROFILE, names.OFFSET: 0.0, names.MAX_DISTANCE: 1.0, names.BUDGET: 0.0},
        text="ok any distance and any price",
    )
    events = slots_of(await ActionFreeText().run(dispatcher, searched, {}))
    assert (events[names.MAX_DISTANCE], events[names.BUDGET]) == (names.ANY, names.ANY)
    assert texts_of(dispatcher)[0] == texts.RELAXED_SEVERAL
