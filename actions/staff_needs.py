"""Staff: new needs since a date, one need in full, a need's new secret, the needs as CSV."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, staff_common, texts
from actions.firm_need_text import need_in_full, need_line
from actions.staff_common import command_text, in_direct_message, listed, needs_word, staff_only, where_named
from actions.staff_parsing import DEFAULT_NEW_DAYS, Period, parse_period, parse_place, parse_reference
from skills_catalog.needs import FirmNeed, NeedNotFoundError
from skills_catalog.reports import needs_in, needs_to_csv
from skills_catalog.staff_access import csv_message

logger = logging.getLogger(__name__)


def when_words(period: Period) -> str:
    """ "since 2026-11-30", "from 2026-10-01 to 2026-11-30" (its last day), "before 2026-03-01",
    "since the start"."""
    start = period.since.date().isoformat() if period.since else ""
    if period.until is None:
        return texts.STAFF_SINCE.format(start=start) if start else texts.STAFF_EVER
    if not start:
        return texts.STAFF_UNTIL.format(end=period.until.date().isoformat())
    end = (period.until - timedelta(days=1)).date().isoformat()
    return texts.STAFF_FROM_TO.format(start=start, end=end)


def asked_needs(text: str, default_days: int | None) -> tuple[list[FirmNeed], Period, str, list[str]]:
    """The needs a command's dates and place cover: (needs, period, where in words, notes to say first)."""
    period = parse_period(text, staff_common.today(), default_days)
    where, note = where_named(parse_place(text))
    needs = needs_in(services.needs().list(period.since, until=period.until), where)
    notes = [note] if note else []
    if period.unread:
        notes.append(texts.STAFF_TIME_UNREAD.format(when=when_words(period)))
    return needs, period, where.words(), notes


class ActionStaffNewNeeds(Action):
    """ "new needs since monday", "needs in Austria": one line per need, newest last."""

    def name(self) -> str:
        return names.ACTION_STAFF_NEW_NEEDS

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        needs, period, where, notes = asked_needs(command_text(tracker), DEFAULT_NEW_DAYS)
        logger.info("staff %s listed %d new needs", tracker.sender_id, len(needs))
        for note in notes:
            dispatcher.utter_message(text=note)
        when = when_words(period)
        if not needs:
            dispatcher.utter_message(text=texts.STAFF_NO_NEEDS.format(where=where, when=when))
            return []
        lines = listed([need_line(need) for need in needs])
        dispatcher.utter_message(
            text=texts.STAFF_NEW_NEEDS.format(count=len(needs), needs=needs_word(len(needs)), where=where,
                                              when=when, lines=lines)
        )  # fmt: skip
        return []


def _reference_said(dispatcher: CollectingDispatcher, tracker: Tracker, which: str) -> str | None:
    """The need's reference the command names; None after asking ``which`` need is meant."""
    reference = parse_reference(command_text(tracker))
    if reference is None:
        dispatcher.utter_message(text=which)
    return reference


class ActionStaffShowNeed(Action):
    """ "need N-7K3QX": everything about one need; the contact only in a direct message."""

    def name(self) -> str:
        return names.ACTION_STAFF_SHOW_NEED

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = _reference_said(dispatcher, tracker, texts.STAFF_WHICH_NEED)
        if reference is None:
            return []
        need = services.needs().get(reference)
        logger.info(
            "staff %s looked up need %s (%s)", tracker.sender_id, reference, "found" if need else "none"
        )
        if need is None:
            dispatcher.utter_message(text=texts.STAFF_NEED_UNKNOWN.format(reference=reference))
        elif in_direct_message(tracker):
            dispatcher.utter_message(text=need_in_full(need))
        else:
            dispatcher.utter_message(text=need_line(need))
            dispatcher.utter_message(text=texts.STAFF_CONTACT_IN_DM.format(reference=reference))
        return []


async def _renewed(reference: str) -> str | None:
    """The need's new secret, or None when it was erased a moment ago (scrypt: off the loop)."""
    try:
        return await asyncio.to_thread(services.needs().new_secret_for, reference)
    except NeedNotFoundError:
        return None


class ActionStaffNewSecret(Action):
    """ "new secret for N-7K3QX": a firm lost its secret; staff who checked with the need's
    contact give it a new one (shown once, in a direct message only, never logged; the old one
    stops working)."""

    def name(self) -> str:
        return names.ACTION_STAFF_NEW_SECRET

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = _reference_said(dispatcher, tracker, texts.STAFF_WHICH_SECRET)
        if reference is None:
            return []
        if not in_direct_message(tracker):
            dispatcher.utter_message(text=texts.STAFF_SECRET_IN_DM.format(reference=reference))
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
        needs, period, where, notes = asked_needs(command_text(tracker), None)
        logger.info("staff %s exported %d needs", tracker.sender_id, len(needs))
        for note in notes:
            dispatcher.utter_message(text=note)
        when = when_words(period)
        if not needs:
            dispatcher.utter_message(text=texts.STAFF_EXPORT_NONE.format(where=where, when=when))
            return []
        title = texts.STAFF_EXPORT_TITLE.format(count=len(needs), needs=needs_word(len(needs)), where=where, when=when)
        dispatcher.utter_message(json_message=csv_message(needs_to_csv(needs), title, filename="needs.csv"))
        return []
