"""QA12 (widget, full ESCO): result cards and the questions about them.

What a course teaches (not only what matched), reasons in words that help instead of "covers 1
of the 58 skills you are missing", relax hints as sentences, questions about a card named by its
number on any page, what happens after "I'm interested", and one way of saying places, dates,
levels and the Pact for Skills.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, cards, names, texts
from actions.faq import ActionAnswerFaq
from actions.offers import ActionAfterInterest, ActionExpressInterest, ActionOfferDetails
from actions.recommendations import ActionRecommend
from actions.results import hints_words, page_heading
from skills_catalog import explain
from skills_catalog.leads import MemoryLeadStore
from skills_catalog.models import SkillRef
from tests.test_actions.conftest import SENDER, s, texts_of, tracker
from tests.test_actions.test_recommendations import PROFILE


def offer_cards(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    return [m["custom"] for m in dispatcher.messages if (m.get("custom") or {}).get("type") == "offer_card"]


async def first_page(
    dispatcher: CollectingDispatcher, slots: dict[str, Any] = PROFILE
) -> list[dict[str, Any]]:
    await ActionRecommend().run(dispatcher, tracker(slots), {})
    return offer_cards(dispatcher)


# 1. what a course teaches --------------------------------------------------------------------


def test_teaches_names_the_skills_asked_for_first_then_the_rest_and_how_many_more() -> None:
    labels = [f"skill {i}" for i in range(1, 9)]
    said = card_texts.teaches(labels, ["skill 5"])
    assert said == "for you: skill 5; also skill 1, skill 2, skill 3, skill 4, skill 6 and 2 more"
    assert card_texts.teaches(["a", "b"], []) == "a, b"


async def test_a_card_teaches_every_skill_of_the_course_not_only_those_matched(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA12: the forklift course "taught" only "warehouse operations", the one skill matched
    welding = next(c for c in await first_page(dispatcher) if c["offer"]["offer_id"] == "O1")
    taught = welding["offer"]["teaches"]
    assert [(t["label"], t["for_you"]) for t in taught] == [
        ("weld metal parts", True),
        ("read blueprints", False),
    ]
    assert "   Teaches: for you: weld metal parts; also read blueprints" in welding["text"].splitlines()


async def test_the_details_teach_every_skill_too_marked_for_the_goal(
    dispatcher: CollectingDispatcher,
) -> None:
    # the details had the same two skills as the card: now the course's own, unmapped ones too
    slots = {**PROFILE, names.OFFSET: 0.0, names.SHOWN_OFFERS: [{"offer_id": "O5", "title": "Solar"}]}
    await ActionOfferDetails().run(
        dispatcher, tracker(slots, "details", entities={names.OFFER_ENTITY: "O5"}), {}
    )
    [card] = offer_cards(dispatcher)
    assert {t["label"] for t in card["offer"]["teaches"]} >= {
        "install solar panels",
        "photovoltaic roof mounting",
    }
    assert "Teaches: " in card["text"]


# 2. reasons in words that help ------------------------------------------------------------------


async def test_no_reason_counts_the_skills_missing_it_names_the_goal(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA12: "covers 1 of the 58 skills you are missing" meant nothing to a worker
    for card in await first_page(dispatcher):
        reasons = card["offer"]["reasons"]
        assert not any(r.startswith("covers ") for r in reasons)
        assert reasons[0].startswith("teaches skills a mechatronics technician needs: ")


async def test_skills_asked_for_by_name_are_said_as_such(dispatcher: CollectingDispatcher) -> None:
    slots = {**PROFILE, names.TARGET: None, names.WANTED_SKILLS: [s("plc")]}
    reasons = [c["offer"]["reasons"][0] for c in await first_page(dispatcher, slots)]
    assert reasons and all(r == "teaches what you asked for: program PLC" for r in reasons)


def test_a_firm_s_coverage_count_becomes_the_skills_its_need_names() -> None:
    # "6 of the 36 skills you need" on a firm's cards (recommendation_card without a person's request)
    covers = [SkillRef(s("plc"), "program PLC")]
    reason = explain.coverage_reason(covers, 36, need=True)
    covered = card_texts.coverage_words([], ["program PLC"], "", need=True)
    assert card_texts.plain_reason(reason, covered) == "teaches skills your need names: program PLC"


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("EQF level 3", "EQF level 3 (vocational)"),
        ("Pact for Skills: Retail", "part of the EU Pact for Skills (Retail)"),
        ("digital transition", "helps with the move to digital work"),
        ("green and digital transition", "helps with the move to green jobs and digital work"),
        ("17 km from Leoben", "17 km from Leoben"),
    ],
)
def test_jargon_in_reasons_is_said_in_plain_words(reason: str, said: str) -> None:
    assert card_texts.plain_reason(reason, "") == said


# 3. relax hints as sentences ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hint", "said"),
    [
        (
            explain.cost_hint(0, 1, 800),
            'One course that teaches far more of what you asked for costs under €800: say "up to €800" to see it.',
        ),
        (
            explain.start_hint(date(2027, 3, 1), 1, date(2026, 12, 1)),
            "One course that teaches far more of what you asked for starts earlier, from 1 Dec 2026: "
            'say "Any start date" to see it.',
        ),
        (
            explain.distance_hint(30, 2, 80),
            '2 courses that teach far more of what you asked for are within 80 km: say "up to 80 km" to see them.',
        ),
        (
            explain.modes_hint(["in_person"], {"online": 1}),
            'One course that teaches far more of what you asked for is online: say "In person or online" to see it.',
        ),
        (
            explain.modes_hint(["online"], {"blended": 1, "in_person": 2}),
            "3 courses that teach far more of what you asked for are blended (1) or in person (2): "
            'say "In person or online" to see them.',
        ),  # QA12: "… blended (1) or person (2)"
    ],
    ids=["cost", "start", "distance", "mode", "modes-in-person"],
)
def test_a_limit_that_keeps_out_better_courses_is_a_plain_sentence(hint: str, said: str) -> None:
    # QA12: "… outside your limits — among them no free offers — 1 cost under €800", "1 start earlier"
    assert hints_words([hint], better=True) == said


def test_what_to_say_in_a_hint_is_understood_as_that_limit() -> None:
    from actions.parsing import stated_preferences

    assert stated_preferences("up to €800", date(2027, 1, 1)) == {names.BUDGET: 800.0}
    assert stated_preferences("up to 80 km", date(2027, 1, 1)) == {names.MAX_DISTANCE: 80.0}


# 4. questions about a card -------------------------------------------------------------------


async def third_page(dispatcher: CollectingDispatcher) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The first page's cards, and slots as if a later page (from card 6) showed one card."""
    page = await first_page(dispatcher)
    dispatcher.messages.clear()
    later = {
        **PROFILE,
        names.OFFSET: 5.0,
        names.SHOWN_OFFERS: [{"offer_id": "O6", "title": "Python for data"}],
    }
    return page, later


async def test_a_cost_question_about_a_card_of_an_earlier_page_is_answered_from_it(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA12: "how much does number 2 cost after funding?" on page 3 got the general answer about costs
    page, later = await third_page(dispatcher)
    question = "how much does number 2 cost after funding?"
    await ActionAnswerFaq().run(dispatcher, tracker(later, question, names.INTENT_FAQ), {})
    second = page[1]["offer"]
    assert texts_of(dispatcher)[0] == texts.FAQ_THIS_COURSE.format(
        title=second["title"], facts=cards.cost_words(second["cost_eur"], second["funding"])
    )


async def test_is_number_1_in_english_says_yes_or_no(dispatcher: CollectingDispatcher) -> None:
    # QA12: "is number 1 in english?" got the list of every language of the catalogue
    page, later = await third_page(dispatcher)
    await ActionAnswerFaq().run(dispatcher, tracker(later, "is number 1 in english?", names.INTENT_FAQ), {})
    assert texts_of(dispatcher)[0] == f"{page[0]['offer']['title']}: no, in German only."


async def test_after_interest_with_consent_the_partner_was_told_and_nobody_calls(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "what happens now? will they call me?" right after "I'm interested" got "Sorry, I can't help"
    slots = {**PROFILE, names.OFFSET: 0.0, names.SHOWN_OFFERS: [{"offer_id": "O1", "title": "Welding"}]}
    interest = tracker(slots, "I'm interested", names.INTENT_EXPRESS_INTEREST, {names.OFFER_ENTITY: "O1"})
    events = await ActionExpressInterest().run(dispatcher, interest, {})
    dispatcher.messages.clear()
    then = {**slots, **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
    await ActionAfterInterest().run(dispatcher, tracker(then, "what happens now? will they call me?"), {})
    assert texts_of(dispatcher) == [
        card_texts.AFTER_INTEREST_TOLD.format(
            partner="Mur Valley Technical Academy",
            title="Welding of steel structures",
            contact="https://p1.example",
        )
    ]
    assert [lead.offer_id for lead in leads.for_sender(SENDER)] == ["O1"]


async def test_after_interest_without_consent_nobody_was_told(dispatcher: CollectingDispatcher) -> None:
    slots = {**PROFILE, names.CONSENT: False, names.OFFSET: 0.0, names.OFFER_ID: "O1"}
    await ActionAfterInterest().run(dispatcher, tracker(slots, "will they call me?"), {})
    assert texts_of(dispatcher)[0].startswith(
        "As you chose not to have your interest passed on, nobody was told"
    )
    assert "https://p1.example" in texts_of(dispatcher)[0]


async def test_before_any_interest_it_says_what_would_happen(dispatcher: CollectingDispatcher) -> None:
    await ActionAfterInterest().run(
        dispatcher, tracker({**PROFILE, names.OFFSET: 0.0}, "will they call me?"), {}
    )
    assert texts_of(dispatcher) == [card_texts.AFTER_INTEREST_NONE]
    dispatcher.messages.clear()
    await ActionAfterInterest().run(dispatcher, tracker({}, "what happens now?"), {})  # no search yet
    assert [m.get("response") for m in dispatcher.messages] == ["utter_help"]


# 5. numbers on earlier pages, the heading of later pages ----------------------------------------


async def test_a_number_on_an_earlier_page_shows_that_card_and_says_so(
    dispatcher: CollectingDispatcher,
) -> None:
    # QA12: "number 7" under cards 11-15 got "Which course do you mean?"
    page, later = await third_page(dispatcher)
    await ActionOfferDetails().run(dispatcher, tracker(later, "number 3"), {})
    assert texts_of(dispatcher)[0] == card_texts.EARLIER_PAGE.format(number=3)
    assert offer_cards(dispatcher)[0]["offer"]["offer_id"] == page[2]["offer"]["offer_id"]


def test_a_later_page_is_headed_more_courses_with_its_numbers() -> None:
    # QA12: every page said "Here is what fits you best:"
    assert page_heading(0, 5) == texts.SEARCHING
    assert page_heading(5, 5) == "More courses (6–10):"
    assert page_heading(10, 1) == "One more course (11):"


# 6. places, dates, levels --------------------------------------------------------------------


async def test_an_online_card_says_it_is_online_and_dates_read_as_in_the_reasons(
    dispatcher: CollectingDispatcher,
) -> None:
    page = {c["offer"]["offer_id"]: c for c in await first_page(dispatcher)}
    online = page["O3"]["text"].splitlines()[0]
    assert online.endswith("Danube Online Campus, Online (partner in Vienna)")  # it said "Vienna"
    welding = page["O1"]["text"]
    assert "starts 1 Feb 2027" in welding and "2027-02-01" not in welding  # the card's date as its reason's
    assert "EQF level 3 (vocational)" in welding and "part of the EU Pact for Skills (Automotive" in welding
