"""A question about a card that is not shown (QA12): how many are shown, and the answer for them."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import cards, names, texts
from actions.faq import ActionAnswerFaq, answered_about_course
from tests.test_actions.conftest import texts_of, tracker

ONE = {names.SHOWN_OFFERS: [{"offer_id": "O4", "title": "Workplace safety"}], names.OFFSET: 0.0}
THREE = {
    names.SHOWN_OFFERS: [
        {"offer_id": "O1", "title": "Welding of steel structures"},
        {"offer_id": "O3", "title": "Online CNC and PLC"},
        {"offer_id": "O4", "title": "Workplace safety"},
    ],
    names.OFFSET: 0.0,
}
FREE = cards.cost_words(0, "")


async def test_the_second_of_one_card_is_no_card(dispatcher: CollectingDispatcher) -> None:
    # QA12: "is the second one free?" under one card got that card's price, as if it were a second
    await ActionAnswerFaq().run(dispatcher, tracker(ONE, "is the second one free?", intent="faq"), {})
    said = texts_of(dispatcher)[0]
    assert said.startswith(texts.ONE_CARD_SHOWN.format(number=1))
    assert said.endswith(texts.FAQ_THIS_COURSE.format(title="Workplace safety", facts=FREE))


@pytest.mark.parametrize("question", ["is the fifth one in German?", "is number 7 in German?"])
async def test_a_card_past_those_shown_gets_the_answer_for_each(
    question: str, dispatcher: CollectingDispatcher
) -> None:
    assert answered_about_course(dispatcher, tracker(THREE, question, intent="only_online"))
    lines = texts_of(dispatcher)[0].split("\n")
    assert lines[0] == texts.CARDS_SHOWN.format(count=3, first=1, last=3)
    assert [line.split(".")[0] for line in lines[1:]] == ["1", "2", "3"]


async def test_a_card_shown_is_answered_from_it(dispatcher: CollectingDispatcher) -> None:
    await ActionAnswerFaq().run(dispatcher, tracker(THREE, "is the third one free?", intent="faq"), {})
    assert texts_of(dispatcher)[0] == texts.FAQ_THIS_COURSE.format(title="Workplace safety", facts=FREE)
