"""Questions about the courses and the assistant's words, answered where they are asked."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.fallback import ActionClarify
from actions.faq import ActionAnswerFaq, answer_to
from actions.recommendations import ActionFreeText, ActionRefineSearch, ActionRelaxLimit
from tests.test_actions.conftest import greeted, texts_of, tracker


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
        ("when does it start and how long is it?", "Welding of steel structures: starts 1 Feb 2027"),  # QA12: one date format
        ("is it in English?", "Welding of steel structures: no, in German only"),  # QA12: yes or no
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


OPENED = {
    names.OFFSET: 0.0,
    names.SHOWN_OFFERS: [
        {"offer_id": "O1", "title": "Welding of steel structures"},
        {"offer_id": "O4", "title": "Workplace safety"},
    ],
    names.OFFER_ID: "O1",
    names.LANGUAGE: "de",
    names.MODE: names.ANY,
}


@pytest.mark.parametrize(
    ("action", "intent", "question", "facts"),
    [
        (ActionRefineSearch, names.INTENT_ONLY_ONLINE, "is it online?", "in person"),
        (ActionFreeText, names.INTENT_INFORM, "is it in english?", "no, in German only"),
        (ActionRelaxLimit, names.INTENT_RELAX, "is it in English or German?", "yes, in German"),
        (ActionFreeText, names.INTENT_INFORM, "how long is it?", "starts 1 Feb 2027"),
    ],
    ids=["online-read-as-only-online", "language-read-as-a-limit", "language-read-as-relax", "length"],
)
async def test_a_question_about_the_card_just_opened_is_no_new_search(
    action: type, intent: str, question: str, facts: str, dispatcher: CollectingDispatcher
) -> None:
    # QA8 D5: "is it in english?" after a card was opened got "Okay, searching again — courses in
    # English" (the German the person chose was replaced), "is it online?" "Only online courses, then."
    events = await action().run(dispatcher, tracker(OPENED, question, intent), {})
    assert texts_of(dispatcher) == [
        texts.FAQ_THIS_COURSE.format(title="Welding of steel structures", facts=facts)
    ]
    assert events == []


async def test_is_it_online_with_no_card_opened_still_refines(dispatcher: CollectingDispatcher) -> None:
    none_opened = {**OPENED, names.OFFER_ID: None, names.SKILLS: ["x"]}
    await ActionRefineSearch().run(
        dispatcher, tracker(none_opened, "is it online?", names.INTENT_ONLY_ONLINE), {}
    )
    assert texts_of(dispatcher)[0] == texts.REFINED[names.INTENT_ONLY_ONLINE]


async def test_the_time_of_day_is_not_in_the_catalogue_and_the_partner_is_named(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA8 D5: "can I do it in the evenings?" got "What would you like to do next?" and no answer
    await ActionFreeText().run(dispatcher, tracker(OPENED, "can I do it in the evenings?"), {})
    contact = "https://p1.example"
    facts = texts.COURSE_SCHEDULE.format(partner="Mur Valley Technical Academy", contact=contact)
    assert texts_of(dispatcher) == [
        texts.FAQ_THIS_COURSE.format(title="Welding of steel structures", facts=facts)
    ]


def test_part_time_in_general_says_the_catalogue_does_not_record_it() -> None:
    assert answer_to("are the courses part-time?", ["German"]) == texts.FAQ_SCHEDULE


async def test_what_a_level_means_is_explained_with_the_course_s_level(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA8 L9: "what does EQF level 4 mean?" after a card got "…: EQF level 4." and no explanation
    await ActionAnswerFaq().run(
        dispatcher, tracker(OPENED, "what does EQF level 3 mean?", names.INTENT_FAQ), {}
    )
    said = texts_of(dispatcher)[0]
    assert said.startswith(texts.FAQ_EQF) and said.endswith("Welding of steel structures: EQF level 3 (vocational).")


PAGE = {  # cards 1-3 of the first page; none opened
    names.OFFSET: 0.0,
    names.SHOWN_OFFERS: [
        {"offer_id": "O2", "title": "PLC programming basics"},
        {"offer_id": "O1", "title": "Welding of steel structures"},
        {"offer_id": "O3", "title": "Online CNC and PLC"},
    ],
}


@pytest.mark.parametrize(
    ("opened", "question", "said"),
    [
        ("O1", "is the first one free?", "PLC programming basics: €450 before funding"),
        ("O2", "when does the second one start?", "Welding of steel structures: starts 1 Feb 2027"),
        (None, "how long is number 3", "Online CNC and PLC: start any time"),
        (None, "is the second one free?", "Welding of steel structures: free"),
        (None, "is the last one in english?", "Online CNC and PLC: yes, in English"),
    ],
    ids=["first-after-card-2-opened", "second-after-card-1-opened", "number-3", "second", "the-last"],
)
async def test_a_card_named_by_its_place_is_the_one_answered_about(
    opened: str | None, question: str, said: str, dispatcher: CollectingDispatcher
) -> None:
    # QA: after "details of number 2", "is the first one free?" got card 2's €1580 (card 1 is free);
    # with no card opened "is the second one free?" got the general answer about costs
    await ActionAnswerFaq().run(
        dispatcher, tracker({**PAGE, names.OFFER_ID: opened}, question, names.INTENT_FAQ), {}
    )
    assert texts_of(dispatcher)[0].startswith(said)


async def test_a_card_named_in_a_question_read_as_a_limit_is_no_new_search(
    dispatcher: CollectingDispatcher,
) -> None:
    question = tracker({**PAGE, names.SKILLS: ["x"]}, "is the second one online?", names.INTENT_ONLY_ONLINE)
    events = await ActionRefineSearch().run(dispatcher, question, {})
    assert texts_of(dispatcher) == ["Welding of steel structures: in person."]
    assert events == []


@pytest.mark.parametrize(
    ("action", "intent", "question", "said"),
    [
        (ActionAnswerFaq, names.INTENT_FAQ, "which ones are in english?",
         "Of the courses shown, 1. PLC programming basics and 3. Online CNC and PLC are taught in English."),
        (ActionAnswerFaq, names.INTENT_FAQ, "which ones are in basque?",
         "None of the courses shown is taught in Basque."),
        (ActionAnswerFaq, names.INTENT_FAQ, "are any of them in german?",
         "Of the courses shown, 1. PLC programming basics and 2. Welding of steel structures are taught in German."),
        (ActionRefineSearch, names.INTENT_ONLY_ONLINE, "which ones are online?",
         "Of the courses shown, 3. Online CNC and PLC is online."),
        (ActionRefineSearch, names.INTENT_ONLY_FREE, "which ones are free?",
         "Of the courses shown, the cheapest is 2. Welding of steel structures: free."),
    ],
    ids=["english", "basque-none", "any-of-them", "online-read-as-only-online", "free-read-as-only-free"],
)  # fmt: skip
async def test_which_ones_of_the_cards_shown_is_answered_from_them(
    action: type, intent: str, question: str, said: str, dispatcher: CollectingDispatcher
) -> None:
    # QA: "which ones are in basque?" under the cards got the general answer about languages
    events = await action().run(dispatcher, tracker({**PAGE, names.SKILLS: ["x"]}, question, intent), {})
    assert texts_of(dispatcher)[0] == said
    assert events == []


async def test_a_card_question_read_as_no_intent_is_answered_not_clarified(dispatcher: CollectingDispatcher) -> None:
    # QA11: "how long is number 3" (nlu_fallback) got "Sorry, I'm not sure what you mean"
    asked = greeted(tracker(PAGE, "how long is number 3", "nlu_fallback"))
    await ActionClarify().run(dispatcher, asked, {})
    assert texts_of(dispatcher)[0].startswith("Online CNC and PLC: start any time")
