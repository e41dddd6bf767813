"""Offer details and "I'm interested": leads only with consent, the contact always."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, names, services, texts
from actions.cards import contact_of, details_text
from actions.firm_conversation import firm_interest
from actions.offers import ActionExpressInterest, ActionOfferDetails
from skills_catalog.errors import StoreError
from skills_catalog.leads import MemoryLeadStore
from tests.test_actions.conftest import SENDER, o, texts_of, tracker

SHOWN = {
    names.SHOWN_OFFERS: [
        {"offer_id": "O1", "title": "Welding of steel structures", "distance_km": 0.0},
        {"offer_id": "O4", "title": "Workplace safety", "distance_km": 0.0},
    ]
}
CONSENTED = {**SHOWN, names.CONSENT: True, names.CONSENT_TIME: "2026-11-22T10:00:00+00:00"}


async def test_details_by_button(dispatcher: CollectingDispatcher) -> None:
    await ActionOfferDetails().run(
        dispatcher, tracker(SHOWN, intent=names.INTENT_OFFER_DETAILS, entities={names.OFFER_ENTITY: "O1"}), {}
    )
    message = dispatcher.messages[0]
    assert "Welding of steel structures — Mur Valley Technical Academy" in message["text"]
    assert message["custom"]["offer"]["offer_id"] == "O1"
    assert message["buttons"] == [
        {"title": "I'm interested", "payload": '/express_interest{"offer_id":"O1"}'}
    ]


async def test_details_by_ordinal(dispatcher: CollectingDispatcher) -> None:
    events = await ActionOfferDetails().run(
        dispatcher, tracker(SHOWN, "tell me more about the second one", names.INTENT_OFFER_DETAILS), {}
    )
    assert dispatcher.messages[0]["custom"]["offer"]["offer_id"] == "O4"
    # "I'm interested in that one" next asked "which course do you mean?"
    assert events == [SlotSet(names.OFFER_ID, "O4")]


@pytest.mark.parametrize(
    ("text", "offer"),
    [("I want to sign up for number 7", "O4"), ("I'm interested in number 6", "O1"), ("I'd like to join the second one", "O4")],
    ids=["card-number", "first-card-of-the-page", "place-on-the-page"],
)
async def test_a_number_names_the_card_across_pages(
    text: str, offer: str, leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # on page 2 (cards 6-7) "number 8" was read as the 8th place and fell back to the offer last opened
    second_page = {**CONSENTED, names.OFFSET: 5.0, names.OFFER_ID: "O1"}
    await ActionExpressInterest().run(dispatcher, tracker(second_page, text, names.INTENT_EXPRESS_INTEREST), {})
    assert [lead.offer_id for lead in leads.for_sender(SENDER)] == [offer]


@pytest.mark.parametrize("text", ["the first one", "number 6 please"])
async def test_naming_a_card_without_interest_shows_it_and_passes_nothing_on(
    text: str, leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # QA4 2: "the first one" on the results (read as express_interest) passed the person on
    second_page = {**CONSENTED, names.OFFSET: 5.0}
    await ActionExpressInterest().run(dispatcher, tracker(second_page, text, names.INTENT_EXPRESS_INTEREST), {})
    assert leads.for_sender(SENDER) == [] and dispatcher.messages[0]["custom"]["offer"]["offer_id"] == "O1"


@pytest.mark.parametrize("text", ["number 3", "number 9"], ids=["an-earlier-page", "past-the-page"])
async def test_a_card_number_not_shown_asks_which(
    text: str, leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # (no profile in these slots: number 3 of an earlier page cannot be searched for again)
    second_page = {**CONSENTED, names.OFFSET: 5.0, names.OFFER_ID: "O1"}
    await ActionExpressInterest().run(dispatcher, tracker(second_page, text, names.INTENT_EXPRESS_INTEREST), {})
    # QA12: which numbers are shown, not only "Which course do you mean?"
    assert leads.for_sender(SENDER) == [] and texts_of(dispatcher) == [
        card_texts.NOT_SHOWN.format(number=text.split()[1], shown="6–7")
    ]


async def test_details_without_an_offer_asks_which(dispatcher: CollectingDispatcher) -> None:
    await ActionOfferDetails().run(dispatcher, tracker(SHOWN, "tell me more", names.INTENT_OFFER_DETAILS), {})
    assert texts_of(dispatcher) == [texts.WHICH_OFFER]
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/offer_details{"offer_id":"O1"}',
        '/offer_details{"offer_id":"O4"}',
    ]


async def test_unknown_offer(dispatcher: CollectingDispatcher) -> None:
    await ActionOfferDetails().run(dispatcher, tracker(entities={names.OFFER_ENTITY: "NOPE"}), {})
    assert texts_of(dispatcher) == [texts.UNKNOWN_OFFER]


async def test_interest_with_consent_stores_a_lead(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    await ActionExpressInterest().run(dispatcher, tracker(CONSENTED, entities={names.OFFER_ENTITY: "O1"}), {})
    [lead] = leads.for_sender(SENDER)
    assert (lead.offer_id, lead.partner_id, lead.consent_purpose) == ("O1", "P1", names.CONSENT_PURPOSE)
    assert lead.consent_time == datetime(2026, 11, 22, 10, tzinfo=timezone.utc)
    assert "https://p1.example" in texts_of(dispatcher)[0]
    assert texts_of(dispatcher)[0].startswith("Great choice! I've told Mur Valley Technical Academy")


async def test_interest_said_twice_stores_one_lead(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # tapped twice, the partner got two leads for the same person and course
    for offer in ("O1", "O1", "O4"):
        await ActionExpressInterest().run(dispatcher, tracker(CONSENTED, entities={names.OFFER_ENTITY: offer}), {})
    assert [lead.offer_id for lead in leads.for_sender(SENDER)] == ["O1", "O4"]
    assert texts_of(dispatcher)[1].startswith("You told me already: Mur Valley Technical Academy knows")
    assert [lead.offer_id for lead in leads.for_sender(SENDER)] == ["O1", "O4"]


@pytest.mark.parametrize("consent", [False, None], ids=["refused", "never-asked"])
async def test_interest_without_consent_stores_nothing(
    consent: bool | None, leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    await ActionExpressInterest().run(
        dispatcher, tracker({**SHOWN, names.CONSENT: consent}, entities={names.OFFER_ENTITY: "O1"}), {}
    )
    assert leads.for_sender(SENDER) == []
    assert "contact Mur Valley Technical Academy directly" in texts_of(dispatcher)[0]
    assert "https://p1.example" in texts_of(dispatcher)[0]


async def test_a_firms_interest_gets_the_contact_not_the_workers_consent_text(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: a firm tapping "I'm interested" after saving its need was told "As you chose not to
    # have your interest passed on", a choice only workers make
    slots = {**SHOWN, names.NEED_REFERENCE: "N-7K3QX"}
    result = await ActionExpressInterest().run(dispatcher, tracker(slots, entities={names.OFFER_ENTITY: "O1"}), {})
    assert leads.for_sender(SENDER) == []
    catalog = services.engine().catalog
    offer = catalog.offers["O1"]
    contact = contact_of(offer, catalog.partners[offer.partner_id])
    assert texts_of(dispatcher) == [firm_interest("Mur Valley Technical Academy", contact)]
    assert result == [SlotSet(names.OFFER_ID, "O1")]


async def test_store_failure_still_shows_the_contact(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    class Down(MemoryLeadStore):
        def add(self, *args: object, **kwargs: object):  # noqa: ANN202
            raise StoreError("database down")

    monkeypatch.setattr(services, "leads", lambda: Down())
    await ActionExpressInterest().run(dispatcher, tracker(CONSENTED, entities={names.OFFER_ENTITY: "O1"}), {})
    assert texts_of(dispatcher)[0].startswith("Sorry, I couldn't save your interest just now")
    assert "https://p1.example" in texts_of(dispatcher)[0]


async def test_typed_interest_means_the_offer_last_opened(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    await ActionExpressInterest().run(
        dispatcher,
        tracker({**CONSENTED, names.OFFER_ID: "O4"}, "I'm interested", names.INTENT_EXPRESS_INTEREST),
        {},
    )
    assert [lead.offer_id for lead in leads.for_sender(SENDER)] == ["O4"]


@pytest.mark.parametrize("action", [ActionOfferDetails, ActionExpressInterest])
async def test_a_typed_answer_in_the_form_goes_to_the_form(action: type, dispatcher: CollectingDispatcher) -> None:
    # "the first one" among the jobs offered got "Let me find some courses for you first"
    options = [{"uri": o("welder"), "label": "welder"}, {"uri": o("analyst"), "label": "data analyst"}]
    slots = {names.REQUESTED_SLOT: names.GOAL, names.GOAL_OPTIONS: options}
    track = tracker(slots, "the first one", active_loop=names.PROFILE_FORM)
    events = await action().run(dispatcher, track, {})
    assert SlotSet(names.TARGET, o("welder")) in events and SlotSet(names.GOAL, "welder") in events
    assert texts_of(dispatcher) == [texts.GOAL_TAKEN.format(goal="welder")]  # the job picked by its place


async def test_a_typed_answer_in_the_form_is_validated(dispatcher: CollectingDispatcher) -> None:
    # the form does not validate what an action sets: "I'm interested in the second one" at the
    # town question was kept as the town
    text = "I'm interested in the second one"
    track = tracker({names.REQUESTED_SLOT: names.PLACE}, text, active_loop=names.PROFILE_FORM)
    events = await ActionExpressInterest().run(dispatcher, track, {})
    assert SlotSet(names.PLACE, None) in events
    [said] = texts_of(dispatcher)  # the town question's own answer to a sentence naming no town
    assert said.startswith("I couldn't find")


async def test_a_cards_button_in_the_form_still_opens_its_offer(dispatcher: CollectingDispatcher) -> None:
    slots = {**SHOWN, names.REQUESTED_SLOT: names.GOAL}
    track = tracker(slots, entities={names.OFFER_ENTITY: "O1"}, active_loop=names.PROFILE_FORM)
    await ActionOfferDetails().run(dispatcher, track, {})
    assert dispatcher.messages[0]["custom"]["offer"]["offer_id"] == "O1"


@pytest.mark.parametrize(
    ("city", "line"),
    [
        ("Weiz", "Held in Weiz (the partner's own address: Kerpelystraße 20, 8700 Leoben)"),
        ("", "Address: Kerpelystraße 20, 8700 Leoben"),
    ],
    ids=["held-elsewhere", "at-the-partner"],
)
def test_the_details_say_where_the_course_is_held(city: str, line: str) -> None:
    # QA8 L2: a course held in Weiz gave "Address: Kerpelystraße 20, 8700 Leoben" (the partner's)
    engine = services.engine()
    offer, partner = engine.offer("O1")
    partner = replace(partner, city="Leoben", address="Kerpelystraße 20", postcode="8700")
    text = details_text(replace(offer, city=city or "Leoben"), partner)
    assert text.splitlines()[-1] == line


async def test_a_firms_details_say_what_the_course_teaches_for_its_need(dispatcher: CollectingDispatcher) -> None:
    # QA12: the details of a course opened by a firm said "for you: …", a worker's words
    uri = services.engine().catalog.offers["O1"].skills[0]
    [ref] = services.engine().skill_refs((uri,))
    slots = {**SHOWN, names.NEED_REFERENCE: "N-7K3QX", names.NEED_SKILLS: [uri]}
    await ActionOfferDetails().run(dispatcher, tracker(slots, entities={names.OFFER_ENTITY: "O1"}), {})
    [card] = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert f"Teaches: for your need: {ref.label}" in card["text"] and card["for"] == "firm"
