"""Staff: new needs since a date, one need in full, a need's new secret, a need withdrawn for its
firm, the needs as CSV."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, staff_common, staff_texts
from actions.firm_need_text import need_fields, need_in_full, need_line
from actions.staff_alerts import alert_staff
from actions.staff_common import (
    command_text,
    in_direct_message,
    needs_word,
    page_of,
    paged_answer,
    staff_only,
    where_named,
)
from actions.staff_parsing import (
    DEFAULT_NEW_DAYS,
    Period,
    bad_reference,
    parse_period,
    parse_place,
    staff_reference,
    withdrawal_said,
)
from skills_catalog.needs import FirmNeed, NeedNotFoundError
from skills_catalog.reports import needs_in, needs_to_csv
from skills_catalog.staff_access import SLACK, csv_message, slack_user_id

logger = logging.getLogger(__name__)
NEW_NEEDS_COMMAND = "new needs"  # what to say for the next page after a bare /staff_new_needs


def when_words(period: Period) -> str:
    """ "since 2026-11-30", "from 2026-10-01 to 2026-11-30" (its last day), "before 2026-03-01",
    "since the start"."""
    start = period.since.date().isoformat() if period.since else ""
    if period.until is None:
        return staff_texts.STAFF_SINCE.format(start=start) if start else staff_texts.STAFF_EVER
    if not start:
        return staff_texts.STAFF_UNTIL.format(end=period.until.date().isoformat())
    end = (period.until - timedelta(days=1)).date().isoformat()
    return staff_texts.STAFF_FROM_TO.format(start=start, end=end)


def asked_needs(text: str, default_days: int | None) -> tuple[list[FirmNeed], Period, str, list[str]]:
    """The needs a command's dates and place cover: (needs, period, where in words, notes to say first)."""
    period = parse_period(text, staff_common.today(), default_days)
    where, note = where_named(parse_place(text))
    needs = needs_in(services.needs().list(period.since, until=period.until), where)
    notes = [note] if note else []
    if period.unread:
        notes.append(staff_texts.STAFF_TIME_UNREAD.format(when=when_words(period)))
    return needs, period, where.words(), notes


class ActionStaffNewNeeds(Action):
    """ "new needs since monday", "needs in Austria": one line per need, newest first, a page at
    a time ("… page 2")."""

    def name(self) -> str:
        return names.ACTION_STAFF_NEW_NEEDS

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = command_text(tracker)
        needs, period, where, notes = asked_needs(text, DEFAULT_NEW_DAYS)
        logger.info("staff %s listed %d new needs", tracker.sender_id, len(needs))
        for note in notes:
            dispatcher.utter_message(text=note)
        when = when_words(period)
        if not needs:
            dispatcher.utter_message(text=staff_texts.STAFF_NO_NEEDS.format(where=where, when=when))
            return []
        page = page_of([need_line(need) for need in reversed(needs)], text or NEW_NEEDS_COMMAND)
        dispatcher.utter_message(text=paged_answer(
            page, staff_texts.NEW_NEEDS, count=len(needs), needs=needs_word(len(needs)), where=where, when=when,
        ))  # fmt: skip
        return []


def _reference_said(dispatcher: CollectingDispatcher, tracker: Tracker, which: str) -> str | None:
    """The need's reference the command names; None after asking ``which`` need is meant, or
    saying that what was typed is no reference ("N-FK6E")."""
    text = command_text(tracker)
    reference = staff_reference(text)
    if reference is None:
        typed = bad_reference(text)
        dispatcher.utter_message(text=staff_texts.BAD_REFERENCE.format(typed=typed) if typed else which)
    return reference


class ActionStaffShowNeed(Action):
    """ "need N-7K3QX": everything about one need; the contact only in a direct message."""

    def name(self) -> str:
        return names.ACTION_STAFF_SHOW_NEED

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = _reference_said(dispatcher, tracker, staff_texts.STAFF_WHICH_NEED)
        if reference is None:
            return []
        need = services.needs().get(reference)
        logger.info(
            "staff %s looked up need %s (%s)", tracker.sender_id, reference, "found" if need else "none"
        )
        if need is None:
            dispatcher.utter_message(text=staff_texts.STAFF_NEED_UNKNOWN.format(reference=reference))
        elif in_direct_message(tracker):
            dispatcher.utter_message(text=need_in_full(need))
        else:
            dispatcher.utter_message(text=need_line(need))
            dispatcher.utter_message(text=staff_texts.STAFF_CONTACT_IN_DM.format(reference=reference))
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
        reference = _reference_said(dispatcher, tracker, staff_texts.STAFF_WHICH_SECRET)
        if reference is None:
            return []
        if not in_direct_message(tracker):
            dispatcher.utter_message(text=staff_texts.STAFF_SECRET_IN_DM.format(reference=reference))
            return []
        need = services.needs().get(reference)
        secret = await _renewed(reference) if need else None
        if need is None or secret is None:
            dispatcher.utter_message(text=staff_texts.STAFF_NEED_UNKNOWN.format(reference=reference))
            return []
        logger.info("staff %s gave need %s a new secret", tracker.sender_id, reference)
        contact = f"{need.contact_name} <{need.contact_email}>"
        dispatcher.utter_message(
            text=staff_texts.STAFF_NEW_SECRET.format(reference=reference, secret=secret, contact=contact)
        )
        return []


def _staff_id(tracker: Tracker) -> str:
    """Who of the staff asked: the Slack member id (without the channel a sender id may carry),
    or the Matrix user id."""
    sender = tracker.sender_id
    return slack_user_id(sender) if tracker.get_latest_input_channel() == SLACK else sender


class ActionStaffWithdrawNeed(Action):
    """ "withdraw N-7K3QX": asks first ("yes, withdraw N-7K3QX" or its button goes ahead, "keep
    N-7K3QX" calls it off), then closes the need for good, records who, and alerts staff as a
    firm's own withdrawal does. Why: firms are told to "ask the cluster team" to withdraw a
    need, and staff could not (QA Matrix M11). The reference is in the confirmation, so another
    staff member's "yes" in a shared room withdraws nothing."""

    def name(self) -> str:
        return names.ACTION_STAFF_WITHDRAW

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = _reference_said(dispatcher, tracker, staff_texts.WITHDRAW_WHICH)
        if reference is None:
            return []
        need = services.needs().get(reference)
        said = withdrawal_said(command_text(tracker))
        if need is None:
            dispatcher.utter_message(text=staff_texts.STAFF_NEED_UNKNOWN.format(reference=reference))
        elif need.status == "withdrawn":
            by = staff_texts.WITHDRAWN_BY.format(staff=need.withdrawn_by) if need.withdrawn_by else ""
            day = need.updated_at.date().isoformat()
            dispatcher.utter_message(text=staff_texts.ALREADY_WITHDRAWN.format(reference=reference, day=day, by=by))
        elif said == "keep":
            dispatcher.utter_message(text=staff_texts.WITHDRAW_KEPT.format(reference=reference, status=need.status))
        elif said == "ask":
            buttons = [{"title": staff_texts.WITHDRAW_YES.format(reference=reference),
                        "payload": staff_texts.WITHDRAW_YES.format(reference=reference)},
                       {"title": staff_texts.WITHDRAW_NO.format(reference=reference),
                        "payload": staff_texts.WITHDRAW_NO.format(reference=reference)}]  # fmt: skip
            ask = staff_texts.WITHDRAW_ASK.format(line=need_line(need), reference=reference)
            dispatcher.utter_message(text=ask, buttons=buttons)
        else:
            await _withdrawn(dispatcher, reference, _staff_id(tracker))
        return []


async def _withdrawn(dispatcher: CollectingDispatcher, reference: str, staff: str) -> None:
    """Withdraw the need for ``staff``, say so, and alert staff (ids only in the log)."""
    try:
        need = await asyncio.to_thread(services.needs().withdraw_for_staff, reference, staff)
    except NeedNotFoundError:
        dispatcher.utter_message(text=staff_texts.STAFF_NEED_UNKNOWN.format(reference=reference))
        return
    logger.info("staff %s withdrew need %s", staff, reference)
    dispatcher.utter_message(text=staff_texts.WITHDRAWN.format(reference=reference))
    alert = staff_texts.WITHDRAWN_BY_STAFF_ALERT.format(**need_fields(need), staff=staff)
    await alert_staff(alert, f"need {reference} withdrawn by staff")


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
            dispatcher.utter_message(text=staff_texts.STAFF_EXPORT_NONE.format(where=where, when=when))
            return []
        title = staff_texts.STAFF_EXPORT_TITLE.format(count=len(needs), needs=needs_word(len(needs)), where=where, when=when)
        dispatcher.utter_message(json_message=csv_message(needs_to_csv(needs), title, filename="needs.csv"))
        return []
