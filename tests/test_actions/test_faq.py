"""Questions about the courses and the assistant's words, answered where they are asked."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.faq import ActionAnswerFaq, answer_to
from tests.test_actions.conftest import texts_of, tracker


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("what is ESCO?", texts.FAQ_ESCO),
        ("what does EQF mean?", texts.FAQ_EQF),
        ("why do you need my town?", texts.FAQ_TOWN),
        ("is the course free?", texts.FAQ_COST),
        ("how much do they usually cost?", texts.FAQ_COST),
        ("is there funding?", texts.FAQ_COST),
        ("who pays for the courses?", texts.FAQ_COST),  # QA6: "pays" got the general answer
        ("when do they start?", texts.FAQ_START),
        ("what's the difference between online and blended?", texts.FAQ_MODE),
        ("what's the weather like?", texts.FAQ_GENERAL),
    ],
    ids=str,
)
def test_each_question_gets_its_topic(question: str, answer: str) -> None:
    # QA4 11: these got "Sorry, I can't help with that — I can only help with finding training"
    assert answer_to(question, ["German"]) == answer.format(languages="German")


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("how much does it cost?", "Welding of steel structures: free"),
        ("when does it start and how long is it?", "Welding of steel structures: starts 2027-02-01"),
        ("is it in English?", "Welding of steel structures: in German"),
    ],
    ids=["cost", "dates", "language"],
)
async def test_a_question_after_a_card_was_opened_is_about_that_course(
    question: str, facts: str, dispatcher: CollectingDispatcher
) -> None:
    # QA6: "how much does it cost?" right after the details of a €1350 course got the general answer
    await ActionAnswerFaq().run(dispatcher, tracker({names.OFFER_ID: "O1"}, text=question), {})
    assert texts_of(dispatcher)[0].startswith(facts)


async def test_the_languages_are_the_catalogue_s(dispatcher: CollectingDispatcher) -> None:
    await ActionAnswerFaq().run(dispatcher, tracker(text="which languages are there?"), {})
    [said] = texts_of(dispatcher)[:1]
    assert said.startswith("Our partners' courses are taught in ") and "German" in said


@pytest.mark.parametrize(("loop", "what_next"), [(names.PROFILE_FORM, False), (None, True)])
async def test_inside_a_form_its_question_follows(
    loop: str | None, what_next: bool, dispatcher: CollectingDispatcher
) -> None:
    await ActionAnswerFaq().run(dispatcher, tracker(text="what is ESCO?", active_loop=loop), {})
    responses = [m.get("response") for m in dispatcher.messages]
    assert (names.UTTER_WHAT_NEXT in responses) is what_next
