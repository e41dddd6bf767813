"""'Which one is the cheapest?' of the cards last shown."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.compare import ActionCompareResults, criteria_in
from actions.offers import requested_offer
from skills_catalog.comparing import Criterion
from tests.test_actions.conftest import texts_of, tracker

PAGE = {
    names.OFFSET: 5.0,  # the second page: cards 6-8
    names.SHOWN_OFFERS: [
        {"offer_id": "O2", "title": "TIG welding for beginners", "distance_km": 14.2},
        {"offer_id": "O1", "title": "Welding of steel structures", "distance_km": 2.0},
        {"offer_id": "O3", "title": "Online CNC and PLC", "distance_km": None},
    ],
}


@pytest.mark.parametrize(
    ("text", "criteria"),
    [
        ("which one is the cheapest?", [Criterion.COST]),
        ("which is closest to me", [Criterion.DISTANCE]),
        ("which one starts first", [Criterion.START]),
        ("which is the shortest course", [Criterion.DURATION]),
        ("which is nearest and cheapest?", [Criterion.DISTANCE, Criterion.COST]),
        ("which one do you recommend", []),
    ],
)
def test_criteria_in_the_order_named(text: str, criteria: list[Criterion]) -> None:
    assert criteria_in(text) == criteria


async def run(dispatcher: CollectingDispatcher, text: str, slots: dict | None = None, **kw: str) -> str:
    await ActionCompareResults().run(
        dispatcher,
        tracker(PAGE if slots is None else slots, text, names.INTENT_COMPARE, entities=kw or None),
        {},
    )
    return "\n".join(texts_of(dispatcher))


async def test_the_cheapest_card_is_named_by_its_number(dispatcher: CollectingDispatcher) -> None:
    said = await run(dispatcher, "which one is the cheapest?")
    assert said.startswith("Of the courses shown, the cheapest is 7. Welding of steel structures: free")
    assert dispatcher.messages[-1]["buttons"][0] == {
        "title": "Details of 7",
        "payload": '/offer_details{"offer_id":"O1"}',
    }


async def test_two_criteria_are_each_answered(dispatcher: CollectingDispatcher) -> None:
    said = await run(dispatcher, "which is nearest and which starts soonest?")
    nearest, soonest = said.split("\n")
    assert "the nearest is 7. Welding of steel structures: 2 km" in nearest
    assert "Not counted" not in nearest  # an online course has no distance to count
    assert "the soonest to start is 8. Online CNC and PLC: start any time" in soonest


async def test_a_question_naming_no_criterion_asks_which(dispatcher: CollectingDispatcher) -> None:
    assert await run(dispatcher, "compare them") == texts.COMPARE_WHICH
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == [
        "Cheapest",
        "Nearest",
        "Soonest to start",
        "Shortest",
    ]


async def test_the_button_gives_the_criterion(dispatcher: CollectingDispatcher) -> None:
    said = await run(dispatcher, '/compare_results{"choice":"cost"}', choice="cost")
    assert "the cheapest is 7." in said


async def test_no_length_given_says_so(dispatcher: CollectingDispatcher) -> None:
    assert await run(dispatcher, "which is the shortest?") == texts.COMPARE_NONE_GIVES.format(
        what="length in hours"
    )


async def test_before_any_results(dispatcher: CollectingDispatcher) -> None:
    assert await run(dispatcher, "which one is the cheapest?", slots={}) == texts.NO_OFFER_SHOWN


async def test_which_one_is_free_says_none_is_when_none_is(dispatcher: CollectingDispatcher) -> None:
    # QA7: "which one is free?" answered with the cheapest course, at €1350, as if free
    page = {names.SHOWN_OFFERS: [PAGE[names.SHOWN_OFFERS][0], PAGE[names.SHOWN_OFFERS][2]]}  # €450, €200
    said = await run(dispatcher, "which one is free?", slots=page)
    assert said.startswith(texts.COMPARE_NONE_FREE + " Of the courses shown, the cheapest is 2. Online CNC")


async def test_a_short_page_offers_no_more_results(dispatcher: CollectingDispatcher) -> None:
    await run(dispatcher, "which one is the cheapest?")
    assert "More results" not in [b["title"] for b in dispatcher.messages[-1]["buttons"]]


@pytest.mark.parametrize(
    ("text", "offer"),
    [
        ("I'm interested in the cheapest one", "O1"),
        ("sign me up for the nearest", "O1"),
        ("the cheapest and nearest", None),
    ],
    ids=["cheapest", "nearest", "two-criteria-ask-which"],
)
async def test_a_card_named_by_what_it_is_best_at(text: str, offer: str | None) -> None:
    # QA7: "I'm interested in the cheapest one" passed the interest on to the card opened last
    opened = {**PAGE, names.OFFER_ID: "O3"}
    assert requested_offer(tracker(opened, text, names.INTENT_EXPRESS_INTEREST)) == offer


async def test_a_place_no_card_bears_names_no_offer() -> None:
    # QA12: "details of the second" under one card opened that card, the one last opened
    one = {names.SHOWN_OFFERS: PAGE[names.SHOWN_OFFERS][:1], names.OFFSET: 0.0, names.OFFER_ID: "O1"}
    assert requested_offer(tracker(one, "details of the second", names.INTENT_EXPRESS_INTEREST)) is None
    assert requested_offer(tracker(one, "details of the first", names.INTENT_EXPRESS_INTEREST)) == "O2"


async def test_which_ones_are_in_a_language_names_those_cards(dispatcher: CollectingDispatcher) -> None:
    # QA: "which ones are in basque?" had no criterion, and got "Compare them by what?"
    said = await run(dispatcher, "which ones are in english?")
    assert (
        said
        == "Of the courses shown, 6. PLC programming basics and 8. Online CNC and PLC are taught in English."
    )
