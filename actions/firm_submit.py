"""Saving a firm's need after the summary, and what it is told afterwards.

Runs when the need form ends (Save, Cancel or refused consent) and on "Try again" / a second
tap on Save. The need is confirmed only after the store returned it; a ``StoreError`` keeps
every answer so "Try again" saves the same need. Each confirmation at the summary carries its own
idempotency key (``need_draft_key``), so a repeat of the same save stores once, while the same
need posted again later (after a withdrawal) is stored anew.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, services, texts
from actions.common import guarded
from actions.firm_need_text import need_alert
from actions.firm_offers import (
    PARTNERS_SHOWN,
    REACH_KM,
    Teaching,
    need_offers,
    need_partners,
    need_uris,
    partner_lines,
    show_cards,
)
from actions.firm_saved_need import saved_slots
from actions.staff_alerts import alert_staff
from skills_catalog.errors import StoreError
from skills_catalog.models import GeoPoint, Recommendations, SkillRef
from skills_catalog.needs import FirmNeed, NeedDraft, NeedValidationError

logger = logging.getLogger(__name__)


def _in_reach(partners: list[Teaching]) -> tuple[list[Teaching], str]:
    """The partners within ``REACH_KM`` (or with no distance) and their heading; when none is, all
    of them nearest first, and a heading that says so (they were listed at 1761, 2196, 748 km
    under the heading of those in reach)."""
    near = [row for row in partners if row[2] is None or row[2] <= REACH_KM]
    if near or not partners:
        return near, texts.FIRM_PARTNERS
    return sorted(partners, key=lambda row: row[2] or 0.0), texts.FIRM_PARTNERS_FAR.format(km=REACH_KM)


def _nearest_first(found: Recommendations) -> Recommendations:
    """``found`` with its offers nearest first (online ones count as 0 km).

    For the offers shown when none is within ``REACH_KM``: the heading calls them the nearest,
    and beyond a day's commute how far a course is matters to a firm more than its score.
    """
    ordered = sorted(found.recommendations, key=lambda rec: rec.distance_km or 0.0)
    return replace(found, recommendations=tuple(ordered))


def draft_from_slots(tracker: Tracker) -> NeedDraft:
    """The need as the firm answered it (validated by the store, not here)."""
    slot = tracker.get_slot
    labels: dict[str, str] = slot(names.NEED_SKILL_LABELS) or {}
    role = slot(names.NEED_OCCUPATION)
    by_when, mode = slot(names.NEED_BY_WHEN), slot(names.NEED_MODE)
    lat, lon = slot(names.FIRM_LATITUDE), slot(names.FIRM_LONGITUDE)
    return NeedDraft(
        company=slot(names.COMPANY) or "",
        town=slot(names.FIRM_TOWN) or "",
        country=slot(names.FIRM_COUNTRY) or "",
        ecosystem=slot(names.ECOSYSTEM) or "",
        size=slot(names.COMPANY_SIZE) or "",
        contact_name=slot(names.CONTACT_NAME) or "",
        contact_email=slot(names.CONTACT_EMAIL) or "",
        consent_at=datetime.fromisoformat(slot(names.FIRM_CONSENT_TIME)),
        consent_purpose=names.FIRM_CONSENT_PURPOSE,
        sender_id=tracker.sender_id,
        skills=tuple(SkillRef(uri, labels.get(uri, uri)) for uri in slot(names.NEED_SKILLS) or []),
        occupation=SkillRef(role["uri"], role["label"]) if role else None,
        people=int(slot(names.NEED_PEOPLE) or 0),
        kind=slot(names.NEED_KIND) or names.KIND_UPSKILLING,
        by_when=None if by_when in (None, names.ANY) else date.fromisoformat(by_when),
        mode="" if mode in (None, names.ANY) else mode,
        point=GeoPoint(lat, lon) if lat is not None and lon is not None else None,
    )


def _reset(slots: tuple[str, ...]) -> list[EventType]:
    return [SlotSet(slot, None) for slot in slots]


class ActionFirmSubmit(Action):
    """Save the confirmed need, or say why nothing was saved."""

    def name(self) -> str:
        return names.ACTION_FIRM_SUBMIT

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        confirmed = tracker.get_slot(names.FIRM_CONFIRMED)
        if tracker.get_slot(names.FIRM_CONSENT) is False:
            return [SlotSet(names.FIRM_CONSENT, None), *_reset(names.NEED_SLOTS)]
        if confirmed == names.FIRM_CANCELLED:
            dispatcher.utter_message(text=texts.FIRM_CANCELLED_TEXT)
            return _reset((*names.NEED_SLOTS, names.NEED_DRAFT_KEY))
        if confirmed is not True:
            reference = tracker.get_slot(names.NEED_REFERENCE)
            message = (
                texts.FIRM_ALREADY_SAVED.format(reference=reference)
                if reference
                else texts.FIRM_NOTHING_TO_SAVE
            )
            dispatcher.utter_message(text=message)
            return []
        return await self._save(dispatcher, tracker)

    async def _save(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        try:
            # scrypt hashes the secret for ~0.1 s of CPU: off the event loop, so other
            # conversations' actions are not held up meanwhile
            key = tracker.get_slot(names.NEED_DRAFT_KEY)  # one per confirmation: a repeat stores once
            need, secret = await asyncio.to_thread(services.needs().add, draft_from_slots(tracker), key)
        except StoreError:
            logger.exception("need of sender %s not saved", tracker.sender_id)
            dispatcher.utter_message(text=texts.FIRM_NOT_SAVED, buttons=[texts.FIRM_RETRY_BUTTON])
            return []
        except NeedValidationError as error:
            logger.warning("need of sender %s refused: field %s", tracker.sender_id, error.field)
            dispatcher.utter_message(text=texts.FIRM_INVALID.format(field=error.field))
            return [SlotSet(names.FIRM_CONFIRMED, None)]
        shown: list[EventType] = []
        if secret is None:
            dispatcher.utter_message(text=texts.FIRM_ALREADY_SAVED.format(reference=need.reference))
        else:
            logger.info("need %s saved for sender %s", need.reference, tracker.sender_id)
            told = await alert_staff(need_alert(need), f"new need {need.reference}")
            staff = texts.FIRM_SAVED_STAFF_TOLD if told else texts.FIRM_SAVED_STAFF_LATER
            dispatcher.utter_message(text=texts.FIRM_SAVED.format(reference=need.reference, secret=secret, staff=staff))
            shown = self._matches(dispatcher, need)
        dispatcher.utter_message(text=texts.ASK_MANAGE_ACTION, buttons=texts.FIRM_AFTER_SAVE_BUTTONS)
        # the chat keeps the secret with the reference: a change said next needs neither (QA13b)
        kept = saved_slots(need.reference, secret) if secret else [SlotSet(names.NEED_REFERENCE, need.reference)]
        return [
            *kept,
            *_reset((*names.NEED_SLOTS, names.NEED_DRAFT_KEY)),
            *shown,
        ]

    @staticmethod
    def _matches(dispatcher: CollectingDispatcher, need: FirmNeed) -> list[EventType]:
        """Offers that could cover the need, and partners who teach its skills; the events that
        keep the cards shown, as a worker's results do, so that "the first one" and "number 2" name
        them (they got "Let me find some courses for you first", QA12). Their numbers start at 1,
        as with no ``OFFSET``: cleared, so that "closer" and "more results" run the firm's own
        search on them (``firm_offers.ActionFirmOffers``), from the full reach again.

        A role counts with its essential skills (the engine expands the occupation URI), so a
        need that names only a role ("two CNC operators") gets offers too. In-person offers
        come from within ``REACH_KM`` unless there are none there (Leoben's firm was once shown
        a course in Bilbao, third, because only three offers taught the skills at all); so do
        the partners. A role kept as typed (no URI: not in the taxonomy) is matched to nothing,
        and the firm is told so, and that staff see it (it had been a dead end).
        """
        uris = need_uris(need)
        if need.occupation and not need.occupation.uri:
            dispatcher.utter_message(text=firm_texts.FIRM_NO_MATCHES_TYPED.format(role=need.occupation.label))
            if not uris:
                return []
        found, heading = need_offers(need, REACH_KM), texts.FIRM_MATCHES
        if not found.recommendations and need.point is not None:
            found, heading = _nearest_first(need_offers(need, None)), texts.FIRM_MATCHES_FAR.format(km=REACH_KM)
        partners, partners_heading = _in_reach(need_partners(need))
        partners = partners[:PARTNERS_SHOWN]
        if not found.recommendations and not partners:
            dispatcher.utter_message(text=texts.FIRM_NO_MATCHES)
            return []
        # partners alone: say first that no course covers it (the partners teach some of its skills)
        dispatcher.utter_message(text=heading if found.recommendations else texts.FIRM_NO_COURSE)
        shown = show_cards(dispatcher, found.recommendations)
        if partners:
            dispatcher.utter_message(text=partners_heading.format(partners=partner_lines(partners)))
        if not shown:
            return []
        return [SlotSet(names.SHOWN_OFFERS, shown), SlotSet(names.OFFER_ID, None), SlotSet(names.OFFSET, None),
                SlotSet(names.FIRM_REACH_KM, None)]  # fmt: skip
