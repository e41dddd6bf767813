"""The courses and partners shown for a firm's saved need, and what a firm says after them.

Why: the cards shown after saving took no "closer" or "more results" (the worker's search ran on
a worker's empty profile, and asked for a town), and a firm's free text outside its forms got a
worker's search (QA13). Rules on the slot ``firm_side`` (bot/data/rules/firm.yml) send these here;
a worker's search that ran since, or a form open, still gets the worker's actions.

The cards of one need are kept in ``shown_offers`` page after page (no ``offset``), numbered on:
"number 4" names the first card of the second page. "Closer" halves how far the courses and the
partners may be (slot ``firm_reach_km``), from the farthest in-person course shown when nearer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, results, services, texts
from actions.cards import recommendation_card
from actions.choices import names_a_card
from actions.common import guarded, latest_intent, latest_text
from actions.fallback import ActionClarify
from actions.firm_counts import counted_title
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_need_said import need_clause
from actions.firm_saved_need import changes_saved_need
from actions.languages_said import not_english
from actions.offers import ActionOfferDetails
from actions.parsing import message_problem
from actions.recommendations import ActionFreeText, ActionMoreResults, ActionRefineSearch
from skills_catalog.errors import StoreError
from skills_catalog.explain import distance_words
from skills_catalog.models import Partner, Recommendation, Recommendations, SkillRef, modes_suiting
from skills_catalog.needs import FirmNeed

logger = logging.getLogger(__name__)
MATCHES_SHOWN = 3
PARTNERS_SHOWN = 3
#: how far a firm's staff go to a course in person; online offers are always in reach. Beyond
#: it, offers are shown only when none is nearer, and the heading says so.
REACH_KM = 100.0

Teaching = tuple[Partner, tuple[SkillRef, ...], float | None]


def need_uris(need: FirmNeed) -> list[str]:
    """The skills and the role (its URI stands for its essential skills) a need is matched by."""
    role = [need.occupation.uri] if need.occupation and need.occupation.uri else []
    return [s.uri for s in need.skills if s.uri] + role


def need_offers(need: FirmNeed, reach: float | None, top: int = MATCHES_SHOWN, offset: int = 0) -> Recommendations:
    """Offers for ``need`` within ``reach`` km (None: any distance), ``top`` from ``offset``."""
    modes = modes_suiting(need.mode) if need.mode else ()  # "in person" takes blended courses too
    # "as soon as possible" (today) is no date to rank by: every course said "after 7 Dec 2026 when you need them"
    needed_by = need.by_when if need.by_when and need.by_when > need.created_at.date() else None
    return services.engine().for_need(
        need_uris(need), need.people, need.point, reach, modes, top, offset, needed_by=needed_by
    )


def need_partners(need: FirmNeed) -> list[Teaching]:
    """The partners who teach the need's skills, with how far they are."""
    return services.engine().partners_teaching(need_uris(need), need.point)


def show_cards(dispatcher: CollectingDispatcher, recs: Sequence[Recommendation], first: int = 1) -> list[dict[str, Any]]:
    """The firm's cards of ``recs``, numbered from ``first``, with the worker's buttons (Details,
    I'm interested: answered as a firm's); what ``shown_offers`` keeps of them."""
    cards = [recommendation_card(rank, rec, firm=True) for rank, rec in enumerate(recs, first)]
    for card in cards:
        dispatcher.utter_message(text=card["text"], buttons=card["buttons"], json_message=card)
    return [results._shown(card["offer"]) for card in cards]


def partner_lines(partners: Sequence[Teaching]) -> str:
    """One line per partner: its name, town, distance and the need's skills it teaches."""
    return "\n".join(
        f"• {p.name} ({p.city}{f', {distance_words(km)}' if km is not None else ''}): "
        + ", ".join(s.label for s in skills)
        for p, skills, km in partners
    )


def closer_reach(tracker: Tracker) -> float | None:
    """How far "closer" takes the courses and partners: half the reach used so far, or of the
    farthest in-person course shown when that is nearer, never below the worker's floor; None
    when the reach is at that floor already."""
    reach = float(tracker.get_slot(names.FIRM_REACH_KM) or REACH_KM)
    if reach <= results.TUNING.closer_floor_km:
        return None
    shown = tracker.get_slot(names.SHOWN_OFFERS) or []
    away = [o["distance_km"] for o in shown if o.get("distance_km") is not None and o.get("mode") != names.MODE_ONLINE]
    base = min(reach, max(away)) if away else reach
    return float(max(results.TUNING.closer_floor_km, round(base * results.TUNING.closer_factor)))


async def _saved_need(tracker: Tracker) -> FirmNeed | None:
    """The need saved in this conversation, as stored; None when there is none or it cannot be read."""
    reference = tracker.get_slot(names.NEED_REFERENCE)
    if not reference:
        return None
    try:
        return await asyncio.to_thread(services.needs().get, reference)
    except StoreError:
        logger.exception("need %s not read for more offers", reference)
        return None


def _workers(tracker: Tracker) -> bool:
    """True when the worker's actions answer: a form is open, or a worker's search ran since."""
    return tracker.active_loop_name is not None or tracker.get_slot(names.OFFSET) is not None


class ActionFirmOffers(Action):
    """ "More results" and "closer" under the courses shown for a firm's saved need."""

    def name(self) -> str:
        return names.ACTION_FIRM_OFFERS

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        more = latest_intent(tracker) == names.INTENT_MORE_RESULTS
        if _workers(tracker):
            worker = ActionMoreResults() if more else ActionRefineSearch()
            return await worker.run(dispatcher, tracker, domain)
        need = await _saved_need(tracker)
        if need is None or not need_uris(need):
            dispatcher.utter_message(text=firm_texts.NO_FIRM_OFFERS, buttons=texts.FIRM_AFTER_SAVE_BUTTONS)
            return []
        events = self._more(dispatcher, tracker, need) if more else self._closer(dispatcher, tracker, need)
        dispatcher.utter_message(text=texts.MANAGE_NEXT, buttons=texts.FIRM_AFTER_SAVE_BUTTONS)
        return events

    @staticmethod
    def _more(dispatcher: CollectingDispatcher, tracker: Tracker, need: FirmNeed) -> list[EventType]:
        """The next page of the need's courses within the reach shown; past the last one within
        the full reach, the best beyond it (the first page showed those when none was in reach).
        A reach narrowed by "closer" is kept: "more" is no farther."""
        shown = tracker.get_slot(names.SHOWN_OFFERS) or []
        narrowed = tracker.get_slot(names.FIRM_REACH_KM)
        found = need_offers(need, narrowed or REACH_KM, offset=len(shown)).recommendations
        heading = results.page_heading(len(shown), len(found))
        if not found and not narrowed and need.point is not None:
            ids = {o["offer_id"] for o in shown}
            beyond = need_offers(need, None, top=len(shown) + MATCHES_SHOWN).recommendations
            found = tuple(rec for rec in beyond if rec.offer.offer_id not in ids)[:MATCHES_SHOWN]
            heading = firm_texts.MORE_BEYOND.format(km=REACH_KM)
        if not found:
            dispatcher.utter_message(text=firm_texts.NO_MORE_FIRM_OFFERS)
            return []
        dispatcher.utter_message(text=heading)
        return [SlotSet(names.SHOWN_OFFERS, [*shown, *show_cards(dispatcher, found, len(shown) + 1)])]

    @staticmethod
    def _closer(dispatcher: CollectingDispatcher, tracker: Tracker, need: FirmNeed) -> list[EventType]:
        """The need's courses and partners within half the reach; said so, and nothing changed,
        when none is there, the reach is at its floor, or the need is for online training."""
        reach = closer_reach(tracker)
        if need.mode == names.MODE_ONLINE:
            dispatcher.utter_message(text=firm_texts.CLOSER_ONLINE_NEED)
            return []
        if reach is None or need.point is None:
            dispatcher.utter_message(text=firm_texts.CLOSER_AT_FLOOR.format(km=results.TUNING.closer_floor_km))
            return []
        found = need_offers(need, reach).recommendations
        near = sorted((row for row in need_partners(need) if row[2] is not None and row[2] <= reach), key=lambda row: row[2] or 0.0)
        if not found and not near:
            dispatcher.utter_message(text=firm_texts.NONE_CLOSER.format(km=reach))
            return []
        dispatcher.utter_message(text=(firm_texts.FIRM_CLOSER if found else firm_texts.NO_COURSE_CLOSER).format(km=reach))
        shown = show_cards(dispatcher, found)
        if near:
            dispatcher.utter_message(text=firm_texts.PARTNERS_CLOSER.format(km=reach, partners=partner_lines(near[:PARTNERS_SHOWN])))
        return [SlotSet(names.FIRM_REACH_KM, reach), SlotSet(names.SHOWN_OFFERS, shown), SlotSet(names.OFFER_ID, None)]


class ActionFirmFreeText(Action):
    """A firm's words outside its forms (free text, or words the classifier is unsure of): a card
    named ("the first one") is opened, a change of the need saved in this conversation made
    (``firm_saved_need``), a need stated opens the need form with it kept, anything else gets what
    the bot can do for a firm, not a worker's search (it greeted the firm as a worker and asked for
    consent to a search, QA13).
    An empty or over-long message, or one in another language, gets the worker's clarification,
    which says so."""

    def name(self) -> str:
        return names.ACTION_FIRM_FREE_TEXT

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text, unsure = latest_text(tracker), latest_intent(tracker) == names.INTENT_FALLBACK
        if _workers(tracker) or (unsure and (message_problem(text) or not_english(text))):
            worker = ActionClarify() if unsure else ActionFreeText()  # an empty message, another language
            return await worker.run(dispatcher, tracker, domain)
        if tracker.get_slot(names.SHOWN_OFFERS) and names_a_card(text):
            return await ActionOfferDetails().run(dispatcher, tracker, domain)
        if await changes_saved_need(text, tracker):  # "5 people instead of 3" after saving: no reference asked
            return [FollowupAction(names.FIRM_MANAGE_FORM)]
        stated = ValidateFirmNeedForm().need_stated(text, dispatcher, tracker) if states_need(text) else None
        if stated is not None:  # "3 welders in Graz" got the firm's menu (QA13b): the form opens with it
            return [*(SlotSet(slot, value) for slot, value in stated.items()), FollowupAction(names.FIRM_NEED_FORM)]
        dispatcher.utter_message(text=firm_texts.FIRM_FREE_TEXT, buttons=texts.FIRM_AFTER_SAVE_BUTTONS)
        return []


def states_need(text: str) -> bool:
    """True when a firm's words outside its forms state a need: "we need …", or people of a role
    counted ("3 welders in Graz")."""
    return bool(need_clause(text) or counted_title(text))
