"""Worries and short questions (QA12): each gets what the catalogue records and what it does not,
and who can tell; inside the form its question comes again."""

from __future__ import annotations

import dataclasses

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import faq_texts, names, services, texts
from actions.faq import ActionAnswerFaq, answer_to, catalogue_hours
from tests.test_actions.conftest import texts_of, tracker

SHOWN = {
    names.OFFSET: 0.0,
    names.SHOWN_OFFERS: [
        {"offer_id": "O1", "title": "Welding of steel structures"},
        {"offer_id": "O2", "title": "PLC programming basics"},
    ],
}


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("is it ok if im old?", faq_texts.AGE),
        ("i am 54. is it too late?", faq_texts.AGE),
        ("is there exam? I'm dyslexic", faq_texts.EXAMS),
        ("My diploma from Syria, is it accepted?", faq_texts.RECOGNITION),
        ("is my degree from Ukraine recognised here?", faq_texts.RECOGNITION),
        ("I use a wheelchair, are the courses accessible?", faq_texts.ACCESS),
    ],
    ids=["old", "54", "dyslexic", "diploma", "degree", "wheelchair"],
)
async def test_a_worry_mid_form_gets_its_answer_and_the_form_goes_on(
    question: str, answer: str, dispatcher: CollectingDispatcher
) -> None:
    # QA12: each got "I can tell you about the courses (cost, …)"; inside the form no "what next"
    await ActionAnswerFaq().run(dispatcher, tracker(text=question, active_loop=names.PROFILE_FORM), {})
    [said] = texts_of(dispatcher)
    assert said == answer.format(who=faq_texts.WHO_GENERAL, office=faq_texts.OFFICE)
    assert said != texts.FAQ_GENERAL and "doesn't" in said
    assert names.UTTER_WHAT_NEXT not in [m.get("response") for m in dispatcher.messages]


async def test_a_worry_about_the_course_opened_names_its_partner(dispatcher: CollectingDispatcher) -> None:
    await ActionAnswerFaq().run(
        dispatcher, tracker({**SHOWN, names.OFFER_ID: "O1"}, text="is there an exam?"), {}
    )
    said = texts_of(dispatcher)[0]
    assert "Mur Valley Technical Academy, who runs “Welding of steel structures”" in said
    assert "https://p1.example" in said


async def test_is_it_certified_of_a_card_says_what_the_catalogue_has(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA12: "is it certified?" under an opened card got the stock answer
    await ActionAnswerFaq().run(
        dispatcher, tracker({**SHOWN, names.OFFER_ID: "O1"}, text="is it certified?"), {}
    )
    said = texts_of(dispatcher)[0]
    assert said.startswith("Welding of steel structures: the catalogue doesn't say what certificate")
    assert "EQF 3" in said and "Mur Valley Technical Academy" in said


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("is there one in basque?", "None of the courses shown is taught in Basque."),
        ("is there one in English?", "Of the courses shown, 2. PLC programming basics is taught in English."),
    ],
    ids=["none", "one"],
)
async def test_is_there_one_in_a_language_is_answered_from_the_cards(
    question: str, answer: str, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "is there one in basque?" under the cards got the stock answer
    await ActionAnswerFaq().run(dispatcher, tracker(SHOWN, text=question), {})
    assert texts_of(dispatcher)[0] == answer


async def test_how_long_before_any_card_gets_the_catalogue_s_hours(dispatcher: CollectingDispatcher) -> None:
    # QA12: "how long does it take?" asked at a form question got the stock answer
    catalog = services.engine().catalog
    offers = {
        k: dataclasses.replace(v, duration_hours=hours)
        for (k, v), hours in zip(catalog.offers.items(), (16, 120, None, 400, 8, 40, 60, 30, 20), strict=True)
    }
    hours = catalogue_hours(dataclasses.replace(catalog, offers=offers))
    assert hours == (8, 400)
    assert answer_to("how long does it take?", ["German"], hours) == faq_texts.DURATION.format(
        shortest="8", longest="400"
    )
    await ActionAnswerFaq().run(
        dispatcher, tracker(text="how long does it take?", active_loop=names.PROFILE_FORM), {}
    )
    assert texts_of(dispatcher) == [faq_texts.DURATION_UNKNOWN]  # the fixture's courses give no hours


async def test_a_diploma_asked_for_is_no_recognition_worry(dispatcher: CollectingDispatcher) -> None:
    # "do I get a diploma?" asks what a course gives: the certificate answer, not recognition
    await ActionAnswerFaq().run(dispatcher, tracker(text="do I get a diploma at the end?"), {})
    assert texts_of(dispatcher)[0] == texts.FAQ_CERTIFICATE
