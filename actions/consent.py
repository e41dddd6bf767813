"""Consent and "forget me" (asked first, then done).

Consent is asked as the first question of the profile form (see ``profile_form.py``) and of the
firm form, and may also be given or withdrawn outside them ("I agree", "don't store anything").
Either way it is recorded with its time in the slots and, with its purpose and channel, in the
consent store (``skills_catalog/privacy.py``), so the cluster can prove when and for what the
person agreed, and "what do you store" / "forget me" can find it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, cards, names, results, services, texts
from actions.common import guarded, latest_intent
from skills_catalog.errors import StoreError
from skills_catalog.explain import join_words
from skills_catalog.privacy import erase

logger = logging.getLogger(__name__)


def record_consent(given: bool, tracker: Tracker, purpose: str) -> str:
    """Record a consent answer in the consent store and return its time (ISO, UTC).

    Why not fail the turn when the store is down: the slots keep the time and a lead or need
    carries its own consent time and purpose, so the proof survives; the error is logged.
    """
    channel = tracker.get_latest_input_channel() or "unknown"
    logger.info("consent %s by sender %s on %s", "given" if given else "refused", tracker.sender_id, channel)
    try:
        if given:
            services.consents().record_given(tracker.sender_id, purpose, channel)
        else:
            services.consents().withdraw(tracker.sender_id)
    except StoreError:
        logger.exception("consent of sender %s not recorded", tracker.sender_id)
    return datetime.now(timezone.utc).isoformat()


def consent_words(given: bool, tracker: Tracker) -> str:
    """What to say to a worker's consent given or refused. A withdrawal after interests were
    passed on names the partners that have them: it had said "I won't pass anything on to
    anyone" to someone whose interest a partner already held."""
    if given:  # a yes after a no is said back: "Thank you" alone had not said what changed (QA12)
        return card_texts.CONSENT_NOW_GIVEN if tracker.get_slot(names.CONSENT) is False else texts.CONSENT_YES
    try:
        leads = services.leads().for_sender(tracker.sender_id)
    except StoreError:
        logger.exception("leads of sender %s not read", tracker.sender_id)
        leads = []
    if not leads:
        return texts.CONSENT_NO
    partners = services.engine().catalog.partners
    held = sorted(
        {partners[lead.partner_id].name if lead.partner_id in partners else lead.partner_id for lead in leads}
    )
    return texts.CONSENT_NO_AFTER_LEADS.format(partners=join_words(held, "and"))


def earlier_interest(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After a late yes, say whether the partner of the course looked at last has the person's
    interest, with a button that passes it on when it has not: the yes was to interests said from
    then on, so an earlier one goes only on a yes for that course (docs/privacy.md). Why: "ok yes
    you can pass it on" after "I'm interested" left the interest unsaid, and the person unaware."""
    offer_id = tracker.get_slot(names.OFFER_ID)
    try:
        offer, partner = services.engine().offer(offer_id) if offer_id else (None, None)
        passed = any(lead.offer_id == offer_id for lead in services.leads().for_sender(tracker.sender_id))
    except KeyError:  # gone from the catalogue since
        return
    except StoreError:
        logger.exception("leads of sender %s not read", tracker.sender_id)
        return
    if offer is None or partner is None:
        return
    if passed:
        dispatcher.utter_message(
            text=card_texts.EARLIER_PASSED.format(partner=partner.name, title=offer.title)
        )
        return
    button = cards.offer_buttons(offer.offer_id)[1] | {"title": card_texts.PASS_IT_ON}
    text = card_texts.EARLIER_NOT_PASSED.format(
        partner=partner.name, title=offer.title, button=button["title"]
    )
    dispatcher.utter_message(text=text, buttons=[button])


def consent_slots(given: bool, tracker: Tracker) -> dict[str, Any]:
    """Slot values recording a worker's answer to the consent question (also in the store)."""
    return {names.CONSENT: given, names.CONSENT_TIME: record_consent(given, tracker, names.CONSENT_PURPOSE)}


def firm_consent_slots(given: bool, tracker: Tracker) -> dict[str, Any]:
    """Slot values recording a firm's answer to its consent question (also in the store)."""
    when = record_consent(given, tracker, names.FIRM_CONSENT_PURPOSE)
    return {names.FIRM_CONSENT: given, names.FIRM_CONSENT_TIME: when}


class ActionRecordConsent(Action):
    """Consent given or refused (withdrawn) outside the form."""

    def name(self) -> str:
        return names.ACTION_RECORD_CONSENT

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        given = latest_intent(tracker) == names.INTENT_GIVE_CONSENT
        dispatcher.utter_message(text=consent_words(given, tracker))
        if given and tracker.get_slot(names.CONSENT) is not True:
            earlier_interest(dispatcher, tracker)
        results.what_next(dispatcher, tracker)  # the buttons of the results shown: no "More results" past them
        return [SlotSet(slot, value) for slot, value in consent_slots(given, tracker).items()]


class ActionAskForgetMe(Action):
    """Say what "forget me" would delete and ask first: a misread message must not erase anything.

    Only a yes right after this question runs ``action_forget_me`` (rules in
    bot/data/rules/privacy.yml). Inside a form the "yes" or "no" is not taken as the answer to
    the form's question: the form rejected the "forget me" message, and Rasa fills no requested
    slot while its form stands rejected (``ActionExtractSlots``; tests/e2e/test_privacy.py).
    """

    def name(self) -> str:
        return names.ACTION_ASK_FORGET_ME

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=texts.ASK_FORGET_ME, buttons=texts.FORGET_ME_BUTTONS)
        return []


class ActionKeepData(Action):
    """The answer "no" to "delete everything?": say so; a rule then resumes the form, if any."""

    def name(self) -> str:
        return names.ACTION_KEEP_DATA

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        logger.info("sender %s kept their data", tracker.sender_id)
        dispatcher.utter_message(text=texts.NOTHING_DELETED)
        if not (tracker.active_loop or {}).get("name"):  # in a form, its question comes next
            dispatcher.utter_message(response=names.UTTER_WHAT_NEXT)
        return []


class ActionForgetMe(Action):
    """Delete this sender's leads, needs and consent records, the other conversations its needs
    came from, and end the conversation.

    Runs only once the person confirmed (``ActionAskForgetMe``).

    The conversation itself (every event in Rasa's tracker store) is deleted by
    ``connectors/tracker_store.py`` when it saves a turn in which this action ran: deleting it
    here would be undone, because Rasa saves the turn after the action and re-inserts every
    event it finds missing. The next message then starts a fresh conversation. In the widget
    the confirmation carries a ``conversation_erased`` payload, on which the widget deletes the
    copy of the conversation it keeps in the browser (docs/messages.md).
    """

    def name(self) -> str:
        return names.ACTION_FORGET_ME

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            erased = erase(
                tracker.sender_id,
                services.leads(),
                services.needs(),
                services.consents(),
                services.conversations(),
            )
        except StoreError:
            logger.exception("records of sender %s not deleted", tracker.sender_id)
            dispatcher.utter_message(text=texts.FORGET_FAILED)
            return [AllSlotsReset(), ActiveLoop(None)]
        elsewhere = (
            texts.FORGOTTEN_ELSEWHERE.format(count=erased.conversations) if erased.conversations else ""
        )
        text = texts.FORGOTTEN.format(count=erased.total, elsewhere=elsewhere)
        if tracker.get_latest_input_channel() == names.WIDGET_CHANNEL:
            # the widget keeps its own copy of the conversation in the browser: tell it to drop it
            dispatcher.utter_message(text=text, json_message={"type": names.PAYLOAD_CONVERSATION_ERASED})
        else:
            dispatcher.utter_message(text=text)
        return [AllSlotsReset(), ActiveLoop(None)]
