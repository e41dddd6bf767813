"""Consent and "forget me".

Consent is asked as the first question of the profile form (see ``profile_form.py``) and may
also be given or withdrawn outside it ("I agree", "don't store anything"). Either way it is
recorded with its time, so a lead can prove when and for what the person agreed.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.common import guarded, latest_intent
from skills_catalog.errors import StoreError

logger = logging.getLogger(__name__)


def consent_slots(given: bool, sender_id: str) -> dict[str, Any]:
    """Slot values recording an answer to the consent question (and logging it, ids only)."""
    logger.info("consent %s by sender %s", "given" if given else "refused", sender_id)
    return {names.CONSENT: given, names.CONSENT_TIME: datetime.now(timezone.utc).isoformat()}


class ActionRecordConsent(Action):
    """Consent given or refused outside the form."""

    def name(self) -> str:
        return names.ACTION_RECORD_CONSENT

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        given = latest_intent(tracker) == names.INTENT_GIVE_CONSENT
        dispatcher.utter_message(text=texts.CONSENT_YES if given else texts.CONSENT_NO)
        dispatcher.utter_message(response=names.UTTER_WHAT_NEXT)
        return [SlotSet(slot, value) for slot, value in consent_slots(given, tracker.sender_id).items()]


class ActionForgetMe(Action):
    """Delete this sender's leads and posted needs, reset every slot (ending any active form)."""

    def name(self) -> str:
        return names.ACTION_FORGET_ME

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            count = services.leads().delete_sender(tracker.sender_id)
            count += services.needs().delete_for_sender(tracker.sender_id)  # a firm's posted needs
        except StoreError:
            logger.exception("leads of sender %s not deleted", tracker.sender_id)
            dispatcher.utter_message(text=texts.FORGET_FAILED)
            return [AllSlotsReset(), ActiveLoop(None)]
        logger.info("forget me: %d lead(s) of sender %s deleted", count, tracker.sender_id)
        dispatcher.utter_message(text=texts.FORGOTTEN.format(count=count))
        return [AllSlotsReset(), ActiveLoop(None)]
