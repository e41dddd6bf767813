"""One offer: its details, and "I'm interested" (a lead with consent, the contact either way).

Buttons on offer cards send the offer id (``/offer_details{"offer_id": ...}``); typed requests
("tell me more about the second one") are resolved against the offers last shown.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, cards, choices, names, results, services, texts
from actions.common import guarded, latest_text
from actions.compare import best_named, names_best
from actions.firm_conversation import firm_interest, firm_side, firm_what_now
from actions.goal_change import goal_changed
from actions.profile_form import ValidateProfileForm
from skills_catalog.errors import StoreError
from skills_catalog.models import Offer, Partner

logger = logging.getLogger(__name__)

#: words that say the person wants an offer, not only which one ("the first one" points at it)
_INTEREST = re.compile(
    r"\b(?:interest\w*|sign (?:me )?up|enrol\w*|enroll\w*|register\w*|book\w*|apply|join|take (?:it|this|that)"
    r"|i'?ll take|i want (?:it|this|that|to (?:do|take|join|attend))|contact|pass (?:it|me|my)|yes,? please)\b",
    re.I,
)


def requested_offer(tracker: Tracker) -> str | None:
    """The offer a message means, in this order: a button's id, the card a number names
    ("number 8": cards are numbered across pages), the card it names by what it is best at ("the
    cheapest one"), "the second one" of the last page, the offer last opened (its id stays in the
    slot), the only offer shown. A card number of an earlier page of the same search names that
    card. A number or a place no card of the search bears ("details of the second" under one card)
    names none: the person is asked which, not given the offer last opened."""
    entity = next(tracker.get_latest_entity_values(names.OFFER_ENTITY), None)
    if entity:
        return str(entity)
    shown = tracker.get_slot(names.SHOWN_OFFERS) or []
    text = latest_text(tracker)
    card = choices.item_number(text)
    if card is not None:
        at = card - 1 - int(tracker.get_slot(names.OFFSET) or 0)
        if 0 <= at < len(shown):
            return shown[at]["offer_id"]
        return results.numbered_offer(tracker.current_slot_values(), card) if at < 0 else None
    if names_best(text):  # "the cheapest one": that card, or ask which when several tie
        return best_named(text, tracker)
    number = choices.ordinal(text)
    if number is not None and shown:
        position = number - 1 if number > 0 else number
        return shown[position]["offer_id"] if -len(shown) <= position < len(shown) else None
    if tracker.get_slot(names.OFFER_ID):
        return tracker.get_slot(names.OFFER_ID)
    return shown[0]["offer_id"] if len(shown) == 1 else None


async def form_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """A typed message the classifier took for a request about an offer while the profile form
    waits for an answer ("the first one" among the jobs offered): validated as the answer to
    the question asked, its slots as events; ``None`` otherwise (a card's button names its
    offer, and is one even inside the form).

    Why here: the form's slots leave these intents out, so such an answer got "Let me find some
    courses for you first" and the question again; and the form does not validate what an
    action sets on its way back from such a detour, so the answer is validated here.
    """
    slot = tracker.get_slot(names.REQUESTED_SLOT)
    if tracker.active_loop_name != names.PROFILE_FORM or not slot:
        return None
    if next(tracker.get_latest_entity_values(names.OFFER_ENTITY), None):
        return None
    validate = getattr(ValidateProfileForm(), f"validate_{slot}", None)
    if validate is None:
        return None
    slots = await validate(latest_text(tracker), dispatcher, tracker, domain)
    return [SlotSet(name, value) for name, value in slots.items()]


def ask_which(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str) -> None:
    """No offer named: offer the ones last shown as buttons (or a search when none was shown)."""
    shown = tracker.get_slot(names.SHOWN_OFFERS) or []
    if not shown and results.none_shown(dispatcher, tracker):  # a search that found nothing: its ways on
        return
    if not shown:
        dispatcher.utter_message(text=texts.NO_OFFER_SHOWN, buttons=[texts.DEFAULT_CLARIFY_BUTTONS[0]])
        return
    first = int(tracker.get_slot(names.OFFSET) or 0) + 1
    buttons = [  # numbered as the cards: two partners may give a course the same title
        texts.button(f"{first + i}. {o['title']}", intent, **{names.OFFER_ENTITY: o["offer_id"]})
        for i, o in enumerate(shown)
    ]
    number = choices.item_number(latest_text(tracker))
    said = (
        card_texts.NOT_SHOWN.format(number=number, shown=card_texts.card_numbers(first, first + len(shown) - 1))
        if number is not None
        else texts.WHICH_OFFER
    )
    dispatcher.utter_message(text=said, buttons=buttons)


def earlier_page(tracker: Tracker) -> int | None:
    """The card number the message names when that card was on an earlier page ("number 7" under
    cards 11-15); ``None`` otherwise (a button names its offer by id)."""
    if next(tracker.get_latest_entity_values(names.OFFER_ENTITY), None):
        return None
    number = choices.item_number(latest_text(tracker))
    return number if number is not None and 1 <= number <= int(tracker.get_slot(names.OFFSET) or 0) else None


def taught_and_for_you(
    offer: Offer, slots: dict[str, Any], firm: bool = False
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Every skill ``offer`` teaches, and those of them the person asked for by name or their
    goal needs and they lack (the details have no match to read them from); for a ``firm``,
    those its need names."""
    taught = results.taught_by(offer)
    if firm:
        named = set(slots.get(names.NEED_SKILLS) or ())
        return taught, tuple(ref for ref in taught if ref[0] in named)
    wanted = set(slots.get(names.WANTED_SKILLS) or ())
    have = set(slots.get(names.SKILLS) or ())
    wanted |= set(services.engine().essential_skills(slots.get(names.TARGET) or "")) - have
    return taught, tuple(ref for ref in taught if ref[0] in wanted)


def chosen_offer(
    dispatcher: CollectingDispatcher, tracker: Tracker, intent: str
) -> tuple[Offer, Partner] | None:
    """The offer the message means and its partner; None once the person was asked which, or told
    the offer is unknown (``intent`` is what the buttons of "which one?" send)."""
    offer_id = requested_offer(tracker)
    if offer_id is None:
        ask_which(dispatcher, tracker, intent)
        return None
    try:
        return services.engine().offer(offer_id)
    except KeyError:
        dispatcher.utter_message(text=texts.UNKNOWN_OFFER, buttons=texts.AFTER_RESULTS_BUTTONS)
        return None


class ActionOfferDetails(Action):
    """Everything the catalogue says about one offer."""

    def name(self) -> str:
        return names.ACTION_OFFER_DETAILS

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answer = await form_answer(dispatcher, tracker, domain)
        if answer is not None:
            return answer
        if next(tracker.get_latest_entity_values(names.OFFER_ENTITY), None) is None:
            # "what about plumbing instead?" is read as a request about an offer (QA8 D12)
            changed = goal_changed(dispatcher, tracker)
            if changed is not None:
                return changed
        found = chosen_offer(dispatcher, tracker, names.INTENT_OFFER_DETAILS)
        if found is None:
            return []
        offer, partner = found
        logger.info("sender %s viewed offer %s", tracker.sender_id, offer.offer_id)
        earlier = earlier_page(tracker)
        if earlier is not None:
            dispatcher.utter_message(text=card_texts.EARLIER_PAGE.format(number=earlier))
        firm = firm_side(tracker)  # a firm's details say "for your need" (QA12)
        taught, for_you = taught_and_for_you(offer, tracker.current_slot_values(), firm)
        card = {
            "type": "offer_card",
            "text": cards.details_text(offer, partner, taught, for_you, firm),
            "offer": cards.offer_payload(offer, partner, covers=for_you, taught=taught),
            "buttons": cards.offer_buttons(offer.offer_id)[1:],
            **({"for": "firm"} if firm else {}),
        }
        dispatcher.utter_message(text=card["text"], buttons=card["buttons"], json_message=card)
        # opened by a typed "the second one" too: "I'm interested in that one" means this offer
        return [SlotSet(names.OFFER_ID, offer.offer_id)]


class ActionExpressInterest(Action):
    """Store a lead when the person consented; show the partner's contact in every case."""

    def name(self) -> str:
        return names.ACTION_EXPRESS_INTEREST

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answer = await form_answer(dispatcher, tracker, domain)
        if answer is not None:
            return answer
        named = next(tracker.get_latest_entity_values(names.OFFER_ENTITY), None)
        if named is None and not _INTEREST.search(latest_text(tracker)):
            # "the first one" names a card, it does not ask to be passed on to its partner
            return await ActionOfferDetails().run(dispatcher, tracker, domain)
        found = chosen_offer(dispatcher, tracker, names.INTENT_EXPRESS_INTEREST)
        if found is None:
            return []
        offer, partner = found
        contact = cards.contact_of(offer, partner)
        remembered = [SlotSet(names.OFFER_ID, offer.offer_id)]  # "what happens now?" is about it
        if firm_side(tracker):  # a firm gave no worker's consent: the partner's contact, and the team's help
            dispatcher.utter_message(text=firm_interest(partner.name, contact))
            return remembered
        if tracker.get_slot(names.CONSENT) is not True:
            logger.info(
                "sender %s interested in offer %s without consent: no lead", tracker.sender_id, offer.offer_id
            )
            dispatcher.utter_message(
                text=texts.INTEREST_NO_CONSENT.format(partner=partner.name, contact=contact)
            )
            return remembered
        dispatcher.utter_message(
            text=_save_lead(tracker, offer.offer_id, partner.partner_id).format(
                partner=partner.name, contact=contact
            )
        )
        return remembered


class ActionAfterInterest(Action):
    """What happens after "I'm interested": whether the partner was told (consent given or not),
    that nobody calls, and how to reach the partner. Why: "what happens now? will they call me?"
    right after it got "Sorry, I can't help with that" (QA12)."""

    def name(self) -> str:
        return names.ACTION_AFTER_INTEREST

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if firm_side(tracker):  # a firm's next steps: the team, its reference (it got the worker's help)
            dispatcher.utter_message(text=firm_what_now(tracker))
            return []
        try:
            told = services.leads().for_sender(tracker.sender_id)
        except StoreError:
            logger.exception("leads of sender %s not read", tracker.sender_id)
            told = []
        if not told and tracker.get_slot(names.OFFSET) is None:  # no course seen yet: how it all works
            dispatcher.utter_message(response=names.UTTER_HELP)
            return []
        opened = tracker.get_slot(names.OFFER_ID)
        lead = next((x for x in reversed(told) if x.offer_id == opened), told[-1] if told else None)
        offer_id = lead.offer_id if lead else opened
        if offer_id is None or (lead is None and tracker.get_slot(names.CONSENT) is True):
            dispatcher.utter_message(text=card_texts.AFTER_INTEREST_NONE)
            return []
        try:
            offer, partner = services.engine().offer(offer_id)
        except KeyError:  # gone from the catalogue since
            dispatcher.utter_message(text=card_texts.AFTER_INTEREST_NONE)
            return []
        said = card_texts.AFTER_INTEREST_TOLD if lead else card_texts.AFTER_INTEREST_NOT_TOLD
        contact = cards.contact_of(offer, partner)
        dispatcher.utter_message(text=said.format(partner=partner.name, title=offer.title, contact=contact))
        return []


def _save_lead(tracker: Tracker, offer_id: str, partner_id: str) -> str:
    """Store the lead unless this sender has one for the offer already; the text to answer with
    (saved, passed on before, or not saved and why).

    Why once: "I'm interested" tapped twice, or said again after the details, must not make the
    partner follow up the same person twice.
    """
    consent_time = tracker.get_slot(names.CONSENT_TIME)
    when = datetime.fromisoformat(consent_time) if consent_time else datetime.now(timezone.utc)
    store = services.leads()
    try:
        if any(lead.offer_id == offer_id for lead in store.for_sender(tracker.sender_id)):
            return texts.INTEREST_SAVED_BEFORE
        lead = store.add(offer_id, partner_id, tracker.sender_id, when, names.CONSENT_PURPOSE)
    except StoreError:
        logger.exception("lead for offer %s of sender %s not saved", offer_id, tracker.sender_id)
        return texts.INTEREST_NOT_SAVED
    logger.info(
        "lead %s: sender %s interested in offer %s of partner %s",
        lead.lead_id,
        tracker.sender_id,
        offer_id,
        partner_id,
    )
    return texts.INTEREST_SAVED
