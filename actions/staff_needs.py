"""Staff: new needs since a date, one need in full, the offers matching it, a need's new secret,
a need withdrawn or marked filled for its firm, the needs as CSV, and the answer to talk in a
direct message."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, staff_common, staff_texts
from actions.common import latest_text
from actions.firm_need_text import need_fields, need_in_full, need_line
from actions.firm_offers import PARTNERS_SHOWN, REACH_KM, need_offers, need_partners, need_uris, partner_lines
from actions.staff_alerts import alert_staff
from actions.staff_commands import need_asked
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
    DateFilter,
    Period,
    bad_reference,
    confirmation_said,
    parse_deadline,
    parse_period,
    parse_place,
    staff_reference,
)
from actions.staff_search import offer_line
from skills_catalog.errors import ProfileError
from skills_catalog.needs import FirmNeed, NeedClosedError, NeedNotFoundError
from skills_catalog.reports import EXPORT_COLUMNS, SHARED_EXPORT_COLUMNS, needs_in, needs_to_csv
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


@dataclass(frozen=True)
class Asked:
    """The needs a command's dates, deadline and place cover: ``when`` and ``where`` in words,
    the notes to say first, and ``new`` False when a deadline was said (a list by needed-by
    date is no list of new needs)."""

    needs: list[FirmNeed]
    when: str
    where: str
    notes: list[str]
    new: bool = True


def deadline_words(deadline: DateFilter) -> str:
    """ "with a deadline before 2027-04-01", "… from 2027-05-02", "… from 2027-03-01 to 2027-03-31"."""
    first, last = deadline.first, deadline.last
    if first is None:
        return staff_texts.DEADLINE_BEFORE.format(end=(last + timedelta(days=1)).isoformat() if last else "")
    if last is None:
        return staff_texts.DEADLINE_FROM.format(start=first.isoformat())
    return staff_texts.DEADLINE_FROM_TO.format(start=first.isoformat(), end=last.isoformat())


def asked_needs(text: str, default_days: int | None) -> Asked:
    """The needs a command's dates, needed-by date and place cover. A deadline said ("open
    needs in Graz with deadline before April") takes the needs of any posting date, unless one
    is said too. Why: the deadline had been read as a posting date, and "No new needs … since
    the start" answered what nobody asked (QA13)."""
    today = staff_common.today()
    deadline = parse_deadline(text, today)
    period = parse_period(text, today, None if deadline else default_days, deadlines=True)
    where, note = where_named(parse_place(text))
    posted = needs_in(services.needs().list(period.since, until=period.until), where)
    needs = [need for need in posted if deadline is None or deadline.keeps(need.by_when)]
    notes = [note] if note else []
    if period.unread:
        notes.append(staff_texts.STAFF_TIME_UNREAD.format(when=when_words(period)))
    when = when_words(period)
    if deadline is not None and not deadline.read:
        notes.append(staff_texts.DEADLINE_UNREAD.format(words=deadline.words[:40]))
    elif deadline is not None:
        dated = period.since is not None or period.until is not None
        when = f"{when} {deadline_words(deadline)}" if dated else deadline_words(deadline)
    return Asked(needs, when, where.words(), notes, new=deadline is None)


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
        asked = asked_needs(text, DEFAULT_NEW_DAYS)
        needs = asked.needs
        logger.info("staff %s listed %d needs", tracker.sender_id, len(needs))
        for note in asked.notes:
            dispatcher.utter_message(text=note)
        if not needs:
            none = staff_texts.STAFF_NO_NEEDS if asked.new else staff_texts.STAFF_NO_NEEDS_DUE
            dispatcher.utter_message(text=none.format(where=asked.where, when=asked.when))
            return []
        page = page_of([need_line(need) for need in reversed(needs)], text or NEW_NEEDS_COMMAND)
        dispatcher.utter_message(text=paged_answer(
            page, staff_texts.NEW_NEEDS if asked.new else staff_texts.NEEDS_DUE, count=len(needs),
            needs=needs_word(len(needs)), where=asked.where, when=asked.when,
        ))  # fmt: skip
        return []


def _references_said(dispatcher: CollectingDispatcher, tracker: Tracker, which: str) -> list[str]:
    """The needs' references the command names, each once, in order ("withdraw N-… and N-…": both;
    the second had been dropped in silence); none after asking ``which`` need is meant, or
    saying that what was typed is no reference ("N-FK6E")."""
    text = command_text(tracker)
    references = references_in(text)
    if not references:
        typed = bad_reference(text)
        dispatcher.utter_message(text=staff_texts.BAD_REFERENCE.format(typed=typed) if typed else which)
    return references


def references_in(text: str) -> list[str]:
    """Every need reference in ``text``, each once: those of its words, else the one
    :func:`staff_reference` reads ("need fk6et", "n 7k3qx")."""
    said = [reference for word in re.split(r"[\s,;&+/]+", text) if (reference := staff_reference(word))]
    whole = staff_reference(text)
    return list(dict.fromkeys(said or ([whole] if whole else [])))


class ActionStaffShowNeed(Action):
    """ "need N-7K3QX": everything about one need, the contact only where staff alone read it;
    what else a message naming a need asks of it: "mark N-… as filled" (asked first),
    "which courses match N-…?", or what cannot be done ("assign N-… to …", "change N-… to 4
    people") and what to do instead. Why: these had all shown the need in silence (QA13)."""

    def name(self) -> str:
        return names.ACTION_STAFF_SHOW_NEED

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked = need_asked(command_text(tracker))
        if asked == "fulfil":
            return await ActionStaffWithdrawNeed.closed(dispatcher, tracker, FULFILMENT)
        for reference in _references_said(dispatcher, tracker, staff_texts.STAFF_WHICH_NEED):
            need = services.needs().get(reference)
            logger.info("staff %s asked %s of need %s (%s)", tracker.sender_id, asked, reference,
                        "found" if need else "none")  # fmt: skip
            if need is None:
                dispatcher.utter_message(text=staff_texts.STAFF_NEED_UNKNOWN.format(reference=reference))
            elif asked in CANNOT:
                dispatcher.utter_message(text=CANNOT[asked].format(reference=reference))
            elif asked == "match":
                dispatcher.utter_message(text=matching_offers(need))
            elif in_direct_message(tracker):
                dispatcher.utter_message(text=need_in_full(need))
            else:
                dispatcher.utter_message(text=need_line(need))
                dispatcher.utter_message(text=staff_texts.STAFF_CONTACT_IN_DM.format(reference=reference))
        return []


#: what staff cannot do to a need, and what to say instead
CANNOT = {"assign": staff_texts.CANNOT_ASSIGN, "edit": staff_texts.CANNOT_EDIT}
MATCHES_LISTED = 5  # offers listed for "which courses match N-…"


def matching_offers(need: FirmNeed) -> str:
    """The offers and partners its firm is shown for ``need`` (within the firm's reach, else any
    distance), as lines staff read."""
    if not need_uris(need):
        return staff_texts.MATCH_NO_SKILLS.format(reference=need.reference)
    try:
        found = (
            need_offers(need, REACH_KM, MATCHES_LISTED).recommendations
            or need_offers(need, None, MATCHES_LISTED).recommendations
        )
    except ProfileError:  # a skill the taxonomy in use no longer holds
        logger.warning("need %s names skills the taxonomy in use does not hold", need.reference)
        return staff_texts.MATCH_NO_SKILLS.format(reference=need.reference)
    if not found:
        return staff_texts.MATCH_NONE.format(reference=need.reference)
    lines = [staff_texts.MATCH_HEAD.format(reference=need.reference, line=need_line(need).lstrip("• "))]
    lines += [offer_line(r.offer, r.partner, None if r.offer.mode == "online" else r.distance_km,
                         near=need.point is not None) for r in found]  # fmt: skip
    partners = need_partners(need)[:PARTNERS_SHOWN]
    if partners:
        lines += [staff_texts.MATCH_PARTNERS, partner_lines(partners)]
    return "\n".join(lines)


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
        references = _references_said(dispatcher, tracker, staff_texts.STAFF_WHICH_SECRET)
        if not references:
            return []
        reference = references[0]  # a secret is shown for one need at a time
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


_SLACK_MEMBER = re.compile(r"^[UW][A-Z0-9]{2,}$")


def staff_mention(staff: str) -> str:
    """How staff read who did it: a Slack member as a mention ("<@U0STAFF1>", shown as their
    name), a Matrix id as it is. Why: the alert said "by U0STAFF1" (QA13)."""
    return f"<@{staff}>" if _SLACK_MEMBER.match(staff) else staff


@dataclass(frozen=True)
class Closing:
    """One way staff close a need for its firm, asked first and then done: its status, what is
    said, and the store's call (``store(reference, staff)``)."""

    status: str
    ask: str
    yes: str
    no: str
    done: str
    already: str
    alert: str
    store: Callable[[str, str], FirmNeed]


WITHDRAWAL = Closing(
    "withdrawn", staff_texts.WITHDRAW_ASK, staff_texts.WITHDRAW_YES, staff_texts.WITHDRAW_NO, staff_texts.WITHDRAWN,
    staff_texts.ALREADY_WITHDRAWN, staff_texts.WITHDRAWN_BY_STAFF_ALERT,
    lambda reference, staff: services.needs().withdraw_for_staff(reference, staff),
)  # fmt: skip
FULFILMENT = Closing(
    "fulfilled", staff_texts.FULFIL_ASK, staff_texts.FULFIL_YES, staff_texts.FULFIL_NO, staff_texts.FULFILLED,
    staff_texts.ALREADY_FULFILLED, staff_texts.FULFILLED_ALERT,
    lambda reference, staff: services.needs().fulfil_for_staff(reference, staff),
)  # fmt: skip


def _closed_by(need: FirmNeed) -> str:
    """ " by <@U0STAFF1>" for a need staff closed, "" for one its firm did."""
    return (
        staff_texts.WITHDRAWN_BY.format(staff=staff_mention(need.withdrawn_by)) if need.withdrawn_by else ""
    )


class ActionStaffWithdrawNeed(Action):
    """ "withdraw N-7K3QX": asks first ("yes, withdraw N-7K3QX" or its button goes ahead, "keep
    N-7K3QX" calls it off), then closes the need for good, records who, and alerts staff as a
    firm's own withdrawal does. Why: firms are told to "ask the cluster team" to withdraw a
    need, and staff could not (QA Matrix M11). The reference is in the confirmation, so another
    staff member's "yes" in a shared room withdraws nothing; in a direct message a bare "yes"
    or "no" answers the question (:class:`ActionStaffChatter`)."""

    def name(self) -> str:
        return names.ACTION_STAFF_WITHDRAW

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return await self.closed(dispatcher, tracker, WITHDRAWAL)

    @staticmethod
    async def closed(dispatcher: CollectingDispatcher, tracker: Tracker, closing: Closing) -> list[EventType]:
        """Ask about, carry out or call off ``closing`` for each need the command names; the
        answers asked for are kept for a bare "yes" or "no" (:class:`ActionStaffChatter`)."""
        references = _references_said(dispatcher, tracker, staff_texts.WITHDRAW_WHICH)
        said = confirmation_said(command_text(tracker))
        answers = [answer for reference in references
                   for answer in await _close(dispatcher, reference, said, closing, _staff_id(tracker))]  # fmt: skip
        if said == "ask" and len(references) > 1:
            dispatcher.utter_message(text=staff_texts.WITHDRAW_EACH)
        return [SlotSet(names.STAFF_ASKED, answers)] if answers else []


async def _close(
    dispatcher: CollectingDispatcher, reference: str, said: str, closing: Closing, staff: str
) -> list[str]:
    """What ``said`` ("ask", "confirm", "keep") does to the need: asked about with buttons,
    closed, or kept; a need closed already says when and by whom. The answers asked for, if asked."""
    need = services.needs().get(reference)
    if need is None:
        dispatcher.utter_message(text=staff_texts.STAFF_NEED_UNKNOWN.format(reference=reference))
    elif need.status in (closing.status, WITHDRAWAL.status):
        already = closing.already if need.status == closing.status else staff_texts.FULFIL_WITHDRAWN
        day = need.updated_at.date().isoformat()
        dispatcher.utter_message(text=already.format(reference=reference, day=day, by=_closed_by(need)))
    elif said == "keep":
        dispatcher.utter_message(
            text=staff_texts.WITHDRAW_KEPT.format(reference=reference, status=need.status)
        )
    elif said == "ask":
        answers = [closing.yes.format(reference=reference), closing.no.format(reference=reference)]
        ask = closing.ask.format(line=need_line(need), reference=reference)
        dispatcher.utter_message(
            text=ask, buttons=[{"title": answer, "payload": answer} for answer in answers]
        )
        return answers
    elif said == "confirm":
        await _carried_out(dispatcher, reference, closing, staff)
    return []


async def _carried_out(
    dispatcher: CollectingDispatcher, reference: str, closing: Closing, staff: str
) -> None:
    """Close the need for ``staff``, say so, and alert staff (ids only in the log)."""
    try:
        need = await asyncio.to_thread(closing.store, reference, staff)
    except (NeedNotFoundError, NeedClosedError):
        dispatcher.utter_message(text=staff_texts.STAFF_NEED_UNKNOWN.format(reference=reference))
        return
    logger.info("staff %s: need %s %s", staff, reference, closing.status)
    dispatcher.utter_message(text=closing.done.format(reference=reference))
    alert = closing.alert.format(**need_fields(need), staff=staff_mention(staff))
    await alert_staff(alert, f"need {reference} {closing.status} by staff")


class ActionStaffChatter(Action):
    """Talk between staff: no answer in a shared room; in a direct message, where every message
    is for the bot, a bare "yes" or "no" right after a question to withdraw a need or mark it
    filled answers it, and anything else gets a short answer. Why: "withdraw N-…" then "yes" in
    a DM got no reply at all (QA13). The question is the slot :data:`names.STAFF_ASKED`, which any
    other staff action clears (``staff_only``)."""

    def name(self) -> str:
        return names.ACTION_STAFF_CHATTER

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not in_direct_message(tracker):
            return []  # talk between staff in a shared room gets no answer
        return await self._answer(dispatcher, tracker, domain)

    @staff_only
    async def _answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        said = confirmation_said(latest_text(tracker))
        asked = tracker.get_slot(names.STAFF_ASKED) or []
        answers = [answer for answer in asked if said != "ask" and confirmation_said(answer) == said]
        for answer in answers:
            closing = FULFILMENT if need_asked(answer) == "fulfil" else WITHDRAWAL
            await _close(dispatcher, str(staff_reference(answer)), said, closing, _staff_id(tracker))
        if not answers:
            dispatcher.utter_message(text=staff_texts.STAFF_CHATTER_DM)
        return []


class ActionStaffExport(Action):
    """ "export needs [since …]": the CSV export, a needs.csv file on Slack and Matrix (text
    elsewhere); the contact columns only where staff alone read it, as "need N-…" shows the
    contact (QA13: a shared channel got every firm's contact)."""

    def name(self) -> str:
        return names.ACTION_STAFF_EXPORT

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked = asked_needs(command_text(tracker), None)
        needs, where, when = asked.needs, asked.where, asked.when
        logger.info("staff %s exported %d needs", tracker.sender_id, len(needs))
        for note in asked.notes:
            dispatcher.utter_message(text=note)
        if not needs:
            dispatcher.utter_message(text=staff_texts.STAFF_EXPORT_NONE.format(where=where, when=when))
            return []
        title = staff_texts.STAFF_EXPORT_TITLE.format(
            count=len(needs), needs=needs_word(len(needs)), where=where, when=when
        )
        private = in_direct_message(tracker)
        if not private:
            title = f"{title} {staff_texts.STAFF_EXPORT_SHARED}"
        csv = needs_to_csv(needs, EXPORT_COLUMNS if private else SHARED_EXPORT_COLUMNS)
        dispatcher.utter_message(json_message=csv_message(csv, title, filename="needs.csv"))
        return []
