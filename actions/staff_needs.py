"""Staff: new needs since a date, one need in full, a need's new secret, the needs as CSV."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, staff_common, texts
from actions.firm_need_text import need_in_full, need_line
from actions.staff_common import command_text, listed, staff_only
from actions.staff_parsing import parse_reference, parse_since
from skills_catalog.needs import NeedNotFoundError
from skills_catalog.reports import needs_to_csv
from skills_catalog.staff_access import csv_message

logger = logging.getLogger(__name__)


def _since_words(since: datetime | None) -> str:
    return since.date().isoformat() if since else texts.STAFF_EVER


class ActionStaffNewNeeds(Action):
    """ "new needs since monday": one line per need, newest last."""

    def name(self) -> str:
        return names.ACTION_STAFF_NEW_NEEDS

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        since = parse_since(command_text(tracker), staff_common.today())
        needs = services.needs().list(since)
        logger.info("staff %s listed %d new needs", tracker.sender_id, len(needs))
        if not needs:
            dispatcher.utter_message(text=texts.STAFF_NO_NEEDS.format(since=_since_words(since)))
            return []
        lines = listed([need_line(need) for need in needs])
        dispatcher.utter_message(
            text=texts.STAFF_NEW_NEEDS.format(count=len(needs), since=_since_words(since), lines=lines)
        )
        return []


class ActionStaffShowNeed(Action):
    """ "need N-7K3QX": everything about one need, contact included."""

    def name(self) -> str:
        return names.ACTION_STAFF_SHOW_NEED

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = parse_reference(command_text(tracker))
        if reference is None:
            dispatcher.utter_message(text=texts.STAFF_WHICH_NEED)
            return []
        need = services.needs().get(reference)
        logger.info(
            "staff %s looked up need %s (%s)", tracker.sender_id, reference, "found" if need else "none"
        )
        dispatcher.utter_message(
            text=need_in_full(need) if need else texts.STAFF_NEED_UNKNOWN.format(reference=reference)
        )
        return []


async def _renewed(reference: str) -> str | None:
    """The need's new secret, or None when it was erased a moment ago (scrypt: off the loop)."""
    try:
        return await asyncio.to_thread(services.needs().new_secret_for, reference)
    except NeedNotFoundError:
        return None


class ActionStaffNewSecret(Action):
    """ "new secret for N-7K3QX": a firm lost its secret; staff who checked with the need's
    contact give it a new one (shown once here, never logged; the old one stops working)."""

    def name(self) -> str:
        return names.ACTION_STAFF_NEW_SECRET

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = parse_reference(command_text(tracker))
        if reference is None:
            dispatcher.utter_message(text=texts.STAFF_WHICH_SECRET)
            return []
        need = services.needs().get(reference)
        secret = await _renewed(reference) if need else None
        if need is None or secret is None:
            dispatcher.utter_message(text=texts.STAFF_NEED_UNKNOWN.format(reference=reference))
            return []
        logger.info("staff %s gave need %s a new secret", tracker.sender_id, reference)
        contact = f"{need.contact_name} <{need.contact_email}>"
        dispatcher.utter_message(
            text=texts.STAFF_NEW_SECRET.format(reference=reference, secret=secret, contact=contact)
        )
        return []


class ActionStaffExport(Action):
    """ "export needs [since …]": the CSV export, a needs.csv file on Slack and Matrix (text elsewhere)."""

    def name(self) -> str:
        return names.ACTION_STAFF_EXPORT

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        since = parse_since(command_text(tracker), staff_common.today(), default_days=None)
        needs = services.needs().list(since)
        logger.info("staff %s exported %d needs", tracker.sender_id, len(needs))
        title = texts.STAFF_EXPORT_TITLE.format(count=len(needs), since=_since_words(since))
        dispatcher.utter_message(json_message=csv_message(needs_to_csv(needs), title, filename="needs.csv"))
        return []
