"""Recommendations: the first page after the form, more pages, refining, relaxing, starting over.

Every action here ends in :func:`show_results`, which builds a ``Profile`` from the slots
(with the action's changes applied), makes one ``engine.recommend`` call, and sends one offer
card per result plus a results summary — or, when nothing fits, which limit to relax.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import cards, names, parsing, services, texts
from actions.choices import names_a_card
from actions.common import greet, greeted, guarded, latest_choice, latest_intent, latest_text
from actions.offers import ActionOfferDetails
from actions.preferences import moved, said_back
from actions.profile_form import ValidateProfileForm
from skills_catalog.explain import NOTHING_TEACHES
from skills_catalog.models import GeoPoint, Profile, modes_suiting

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResultsTuning:
    """Paging and refining.

    Attributes:
        page: offers per page (the brief asks for 3–5).
        closer_factor: "closer" shrinks the travel limit to this share of the current one.
        closer_floor_km: ... but never below this.
        default_km: the limit "closer" starts from when none was set ("any distance"), or the
            farthest offer shown if that is nearer: half of an offer 517 km away is no "closer".
    """

    page: int = cards.PAGE_SIZE
    closer_factor: float = 0.5
    closer_floor_km: float = 5.0
    default_km: float = 50.0


TUNING = ResultsTuning()


def _limit(value: Any) -> float | None:
    """A numeric slot value, or None for "any"/unset."""
    return None if value in (None, names.ANY, "") else float(value)


def profile_from_slots(slots: Mapping[str, Any]) -> Profile:
    """The worker profile the slots describe (placeholders such as "any"/"none" → no limit)."""
    lat, lon = slots.get(names.LATITUDE), slots.get(names.LONGITUDE)
    mode, language, start = slots.get(names.MODE), slots.get(names.LANGUAGE), slots.get(names.START)
    languages = parsing.language_codes(language) if language not in (None, names.ANY) else []
    occupation = slots.get(names.OCCUPATION)
    return Profile(
        skills=frozenset(slots.get(names.SKILLS) or ()),
        occupation=None if occupation in (None, names.NOT_GIVEN) else occupation,
        target=slots.get(names.TARGET) or None,
        wanted_skills=tuple(slots.get(names.WANTED_SKILLS) or ()),
        location=GeoPoint(float(lat), float(lon)) if lat is not None and lon is not None else None,
        location_name=slots.get(names.PLACE) if slots.get(names.PLACE) not in (None, names.NOT_GIVEN) else "",
        max_distance_km=_limit(slots.get(names.MAX_DISTANCE)),
        modes=modes_suiting(mode) if mode in (names.MODE_ONLINE, names.MODE_IN_PERSON) else frozenset(),
        languages=frozenset(languages),
        max_cost_eur=_limit(slots.get(names.BUDGET)),
        available_from=date.fromisoformat(start) if start not in (None, names.ANY) else None,
    )


def show_results(
    dispatcher: CollectingDispatcher, tracker: Tracker, changes: dict[str, Any], offset: int = 0
) -> list[EventType]:
    """Recommend with ``changes`` applied to the slots; send cards, summary or relax hints."""
    slots = {**tracker.current_slot_values(), **changes}
    events = [SlotSet(slot, value) for slot, value in changes.items()]
    if not (slots.get(names.SKILLS) or slots.get(names.TARGET) or slots.get(names.WANTED_SKILLS)):
        dispatcher.utter_message(text=texts.PROFILE_INCOMPLETE, buttons=[texts.DEFAULT_CLARIFY_BUTTONS[0]])
        return events
    found = services.engine().recommend(profile_from_slots(slots), top=TUNING.page, offset=offset)
    if not found.recommendations:
        _nothing(dispatcher, found.relax, offset, slots)
        if offset > 0:  # no more: the cards shown stay, numbered as they were (they became 6, 7)
            return events
        # a new search that found nothing shows no cards: "the first one" is none of the last ones
        return events + [SlotSet(names.OFFSET, 0.0), SlotSet(names.SHOWN_OFFERS, None), SlotSet(names.OFFER_ID, None)]
    page = [cards.recommendation_card(offset + i + 1, rec) for i, rec in enumerate(found.recommendations)]
    dispatcher.utter_message(text=texts.SEARCHING)
    for card in page:
        dispatcher.utter_message(text=card["text"], buttons=card["buttons"], json_message=card)
    summary = texts.SUMMARY.format(count=len(page), first=offset + 1, last=offset + len(page))
    buttons = _next_steps(slots, len(page))
    if found.beyond:  # a limit keeps out what teaches far more of the goal: say which
        summary += " " + texts.BETTER_BEYOND.format(hints="; ".join(found.beyond))
        buttons = _relax_buttons(found.beyond, slots) + buttons
    dispatcher.utter_message(text=summary, buttons=buttons, json_message=cards.summary_payload(page, summary))
    shown = [
        {
            "offer_id": c["offer"]["offer_id"],
            "title": c["offer"]["title"],
            "distance_km": c["offer"]["distance_km"],
        }
        for c in page
    ]
    logger.info(
        "sender %s shown offers %s (offset %d)", tracker.sender_id, [s["offer_id"] for s in shown], offset
    )
    # a new page: "that one" no longer means an offer opened from an earlier one
    return events + [
        SlotSet(names.OFFSET, float(offset)),
        SlotSet(names.SHOWN_OFFERS, shown),
        SlotSet(names.OFFER_ID, None),
    ]


def _next_steps(slots: Mapping[str, Any], shown: int) -> list[dict[str, str]]:
    """The buttons after a page of results, less those that would change nothing: "More
    results" after a short page (the last), "Free ones" on a free-only search, "Only online" on
    an online-only one. QA6: they answered "That's all I have for this search"."""
    useless = {
        names.INTENT_MORE_RESULTS: shown < TUNING.page,
        names.INTENT_ONLY_FREE: slots.get(names.BUDGET) in (0, 0.0, "0"),
        names.INTENT_ONLY_ONLINE: slots.get(names.MODE) == names.MODE_ONLINE,
    }
    return [b for b in texts.AFTER_RESULTS_BUTTONS if not useless.get(b["payload"].lstrip("/"), False)]


def _nothing(
    dispatcher: CollectingDispatcher, relax: tuple[str, ...], offset: int, slots: Mapping[str, Any]
) -> None:
    """No (more) results: say so, and which limit to relax with one button per limit.

    When the engine names no single limit (relaxing one is not enough), every limit the
    person set gets a button, so they can drop them one by one.
    """
    if offset > 0:
        dispatcher.utter_message(text=texts.NO_MORE, buttons=texts.AFTER_RESULTS_BUTTONS[1:])
        return
    if not relax or relax == (NOTHING_TEACHES,):
        dispatcher.utter_message(
            text=texts.NOTHING_TEACHES.format(hints="; ".join(relax) or "-"),
            buttons=[texts.button("Start over", names.INTENT_START_OVER)],
        )
        return
    dispatcher.utter_message(
        text=texts.NOTHING_FITS.format(hints="; ".join(relax)),
        buttons=_relax_buttons(relax, slots) + [texts.button("Start over", names.INTENT_START_OVER)],
    )


def _relax_buttons(hints: tuple[str, ...], slots: Mapping[str, Any]) -> list[dict[str, str]]:
    """One button per limit the engine's hints name; every limit set when they name none."""
    limits = [s for s in dict.fromkeys(parsing.relax_limit(h) for h in hints) if s]
    limits = limits or [s for s in texts.RELAX_BUTTON_TITLES if slots.get(s) not in (None, names.ANY)]
    return [texts.button(texts.RELAX_BUTTON_TITLES[s], names.INTENT_RELAX, **{names.CHOICE: s}) for s in limits]


class ActionRecommend(Action):
    """The first page of results, after the profile form."""

    def name(self) -> str:
        return names.ACTION_RECOMMEND

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return show_results(dispatcher, tracker, {}, 0)


class ActionMoreResults(Action):
    """The next page of the same search."""

    def name(self) -> str:
        return names.ACTION_MORE_RESULTS

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        offset = int(tracker.get_slot(names.OFFSET) or 0) + TUNING.page
        return show_results(dispatcher, tracker, {}, offset)


class ActionRefineSearch(Action):
    """ "only online", "closer", "free ones": tighten one limit and search again; "online would be
    ok too" (classified as "only online") drops the limit on the way of learning instead."""

    def name(self) -> str:
        return names.ACTION_REFINE

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = latest_intent(tracker)
        if intent == names.INTENT_ONLY_ONLINE and parsing.accepts_too(latest_text(tracker)):
            return relaxed(dispatcher, tracker, names.MODE)
        if intent == names.INTENT_ONLY_ONLINE:
            changes: dict[str, Any] = {names.MODE: names.MODE_ONLINE}
        elif intent == names.INTENT_ONLY_FREE:
            changes = {names.BUDGET: 0.0}
        elif tracker.get_slot(names.LATITUDE) is None:
            dispatcher.utter_message(text=texts.CLOSER_NEEDS_PLACE, buttons=texts.AFTER_RESULTS_BUTTONS[1:])
            return []
        elif tracker.get_slot(names.MODE) == names.MODE_ONLINE:
            # it had dropped "online only" without a word and shown courses in person
            in_person_too = texts.button("In person too", names.INTENT_RELAX, **{names.CHOICE: names.MODE})
            dispatcher.utter_message(text=texts.CLOSER_ONLINE, buttons=[in_person_too])
            return []
        elif _limit(tracker.get_slot(names.MAX_DISTANCE)) == TUNING.closer_floor_km:
            dispatcher.utter_message(text=texts.CLOSER_AT_FLOOR.format(km=TUNING.closer_floor_km))
            return []
        else:
            changes = {names.MAX_DISTANCE: closer_limit(tracker)}
        dispatcher.utter_message(text=texts.REFINED[intent].format(km=changes.get(names.MAX_DISTANCE) or 0))
        logger.info("sender %s refined search: %s", tracker.sender_id, intent)
        return show_results(dispatcher, tracker, changes, 0)


def closer_limit(tracker: Tracker) -> float:
    """Half the current travel limit, never below the floor. Without one ("any distance"): the
    farthest card shown within half the farthest of all, rounded up to 5 km (the nearer ones stay,
    the far ones go), else half the farthest, at most the default. Why not a fixed 25 km: it
    dropped the only relevant course nearby (80 km) for unrelated ones."""
    current = _limit(tracker.get_slot(names.MAX_DISTANCE))
    if current is not None:
        return max(TUNING.closer_floor_km, round(current * TUNING.closer_factor))
    shown = [o["distance_km"] for o in tracker.get_slot(names.SHOWN_OFFERS) or [] if o.get("distance_km") is not None]
    half = max(shown, default=TUNING.default_km) * TUNING.closer_factor
    nearer = [km for km in shown if km <= half]
    limit = 5.0 * math.ceil(max(nearer) / 5.0) if nearer else min(half, TUNING.default_km)
    return max(TUNING.closer_floor_km, limit)


class ActionRelaxLimit(Action):
    """Drop one limit (from a relax button or "any distance is fine"), or set a new one ("up to
    500 euros"), and search again."""

    def name(self) -> str:
        return names.ACTION_RELAX

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        choice = latest_choice(tracker)
        if choice in texts.RELAX_BUTTON_TITLES:
            return relaxed(dispatcher, tracker, choice)
        events = limits_in_words(dispatcher, tracker)
        if events is None:
            buttons = [
                texts.button(title, names.INTENT_RELAX, **{names.CHOICE: s})
                for s, title in texts.RELAX_BUTTON_TITLES.items()
            ]
            dispatcher.utter_message(text=texts.RELAX_QUESTION, buttons=buttons)
            return []
        return events


def relaxed(dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> list[EventType]:
    """Say that the limit of ``slot`` is dropped, and search again without it."""
    dispatcher.utter_message(text=texts.RELAXED)
    logger.info("sender %s relaxed %s", tracker.sender_id, slot)
    return show_results(dispatcher, tracker, {slot: names.ANY}, 0)


def limits_in_words(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Search again with the limits the latest message sets ("I can pay up to 500 euros") or
    without the one it drops ("any price"); ``None`` when it does neither.

    Why: "nothing fits — 1 costs under €500" is answered "I can pay up to 500 euros" as often
    as with the button; that is a new limit, not none.
    """
    text = latest_text(tracker)
    stated = parsing.stated_preferences(text, date.today())
    if not stated:
        slot = parsing.relax_slot_from_text(text)
        return None if slot is None else relaxed(dispatcher, tracker, slot)
    said = ", ".join(said_back(slot, value) for slot, value in stated.items())
    dispatcher.utter_message(text=texts.SEARCHING_AGAIN.format(limits=said))
    logger.info("sender %s changed limits %s", tracker.sender_id, sorted(stated))
    return show_results(dispatcher, tracker, stated, 0)


class ActionFreeText(Action):
    """Free text outside the form: once results were sought, a limit set in words ("up to 80
    km") searches again with it, one dropped in words ("Any price", a relax button's title
    typed instead of tapped) without it, and a town told anew ("I moved to Graz") from there;
    before any search, a message that says what to learn or how ("I'd like to learn CNC
    programming") starts the search with what it says; any other text gets "What would you
    like to do next?"."""

    def name(self) -> str:
        return names.ACTION_FREE_TEXT

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot(names.OFFSET) is not None:  # results were sought
            # here, not as a follow-up: no rule goes on from one
            events = limits_in_words(dispatcher, tracker)
            if events is not None:
                return events
            town = moved(latest_text(tracker), dispatcher)  # "I moved to Graz": searched again from there
            if town:
                return show_results(dispatcher, tracker, town, 0)
            if names_a_card(latest_text(tracker)):  # "number 8", "the second one"
                return await ActionOfferDetails().run(dispatcher, tracker, domain)
        elif tracker.active_loop_name is None:
            first = not greeted(tracker)
            if first:  # "Hello, I am a welder", "hola": the greeting (a bot; consent) comes first
                greet(dispatcher, latest_text(tracker))
            kept = ValidateProfileForm().opening(latest_text(tracker), dispatcher, tracker)
            if kept or first:  # the search starts, its questions answered already are not asked
                return [*(SlotSet(slot, value) for slot, value in kept.items()), FollowupAction(names.PROFILE_FORM)]
        dispatcher.utter_message(response=names.UTTER_WHAT_NEXT)
        return []


class ActionStartOver(Action):
    """Forget the profile and the results (consent stays); the rule then restarts the form."""

    def name(self) -> str:
        return names.ACTION_START_OVER

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        logger.info("sender %s started over", tracker.sender_id)
        # the results offset too: free text until the next search is no new limit for it
        resets = [SlotSet(slot, None) for slot in names.PROFILE_SLOTS]
        return resets + [SlotSet(names.REQUESTED_SLOT, None)]
