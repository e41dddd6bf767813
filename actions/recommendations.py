"""Recommendations: the first page after the form, more pages, refining, relaxing, a new town
or goal, starting over.

Every search here ends in :func:`actions.results.show_results`, which builds a ``Profile`` from
the slots (with the action's changes applied), makes one ``engine.recommend`` call, and sends
one offer card per result plus a results summary — or, when nothing fits, which limit to relax.
A question about the card just opened ("is it online?") is answered from it whatever it was read
as (``faq.answered_about_course``), not taken for a new limit.
"""

from __future__ import annotations

import logging
import math
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, names, parsing, results, texts
from actions.choices import names_a_card
from actions.common import greet, greeted, guarded, latest_choice, latest_intent, latest_text
from actions.faq import answered_about_course
from actions.goal_change import goal_changed
from actions.offers import ActionOfferDetails
from actions.preferences import moved, said_back
from actions.profile_form import ValidateProfileForm
from actions.results import limit, show_results, what_next

logger = logging.getLogger(__name__)


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
        offset = int(tracker.get_slot(names.OFFSET) or 0) + results.TUNING.page
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
        if answered_about_course(dispatcher, tracker):  # "is it online?" of the card just opened
            return []
        intent = latest_intent(tracker)
        if intent == names.INTENT_ONLY_ONLINE and parsing.accepts_too(latest_text(tracker)):
            return relaxed(dispatcher, tracker, names.MODE)
        if intent == names.INTENT_ONLY_ONLINE and _all_online(tracker):
            return _online_already(dispatcher, tracker)
        if intent == names.INTENT_ONLY_ONLINE:
            changes: dict[str, Any] = {names.MODE: names.MODE_ONLINE}
        elif intent == names.INTENT_ONLY_FREE and limit(tracker.get_slot(names.BUDGET)) == 0:
            # "cheaper?" under free courses had said "Only free courses, then." and searched again (QA12)
            any_price = texts.button("Any price", names.INTENT_RELAX, **{names.CHOICE: names.BUDGET})
            dispatcher.utter_message(text=card_texts.FREE_ALREADY, buttons=[any_price])
            return []
        elif intent == names.INTENT_ONLY_FREE and _searched_none_shown(tracker):
            return _none_cheaper(dispatcher, tracker)
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
        elif limit(tracker.get_slot(names.MAX_DISTANCE)) == results.TUNING.closer_floor_km:
            dispatcher.utter_message(text=texts.CLOSER_AT_FLOOR.format(km=results.TUNING.closer_floor_km))
            return []
        else:
            changes = {names.MAX_DISTANCE: closer_limit(tracker)}
        dispatcher.utter_message(text=texts.REFINED[intent].format(km=changes.get(names.MAX_DISTANCE) or 0))
        logger.info("sender %s refined search: %s", tracker.sender_id, intent)
        return show_results(dispatcher, tracker, changes, 0)


def _all_online(tracker: Tracker) -> bool:
    """True when the cards shown are all online (some are shown), or online is the limit already."""
    shown = tracker.get_slot(names.SHOWN_OFFERS) or []
    return tracker.get_slot(names.MODE) == names.MODE_ONLINE or (
        bool(shown) and all(o.get("mode") == names.MODE_ONLINE for o in shown)
    )


def _online_already(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """ "only online" when it changes nothing: says so, as "cheaper?" under free courses does;
    online kept as the limit from here on, so the next pages are online too. Why: it showed the
    same cards again under "Only online courses, then." (QA13)."""
    if tracker.get_slot(names.MODE) == names.MODE_ONLINE:
        in_person_too = texts.button("In person too", names.INTENT_RELAX, **{names.CHOICE: names.MODE})
        dispatcher.utter_message(text=card_texts.ONLINE_ALREADY, buttons=[in_person_too])
        return []
    slots = {**tracker.current_slot_values(), names.MODE: names.MODE_ONLINE}
    shown = tracker.get_slot(names.SHOWN_OFFERS) or []
    steps = results.next_steps(slots, shown, more=len(shown) >= results.TUNING.page)
    dispatcher.utter_message(text=card_texts.ONLINE_SHOWN_ALREADY, buttons=results.step_buttons(steps))
    return [SlotSet(names.MODE, names.MODE_ONLINE)]


def _searched_none_shown(tracker: Tracker) -> bool:
    """True when a search was made and it showed no cards."""
    return tracker.get_slot(names.OFFSET) is not None and not tracker.get_slot(names.SHOWN_OFFERS)


def _none_cheaper(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Says that "cheaper" with no cards shown cannot help and offers to raise the price limit
    (or to relax another, with none on the price). Why: it said "Only free courses, then." under
    a 200 € limit nothing fitted, and searched again for even fewer (QA12)."""
    budget = limit(tracker.get_slot(names.BUDGET))
    if budget is None:
        relax = texts.button("Relax my limits", names.INTENT_RELAX)
        dispatcher.utter_message(text=card_texts.NONE_CHEAPER_ANY_PRICE, buttons=[relax])
    else:
        any_price = texts.button("Any price", names.INTENT_RELAX, **{names.CHOICE: names.BUDGET})
        dispatcher.utter_message(text=card_texts.NONE_CHEAPER.format(price=said_back(names.BUDGET, budget)), buttons=[any_price])
    return []


def closer_limit(tracker: Tracker) -> float:
    """Half the current travel limit, or of the one "any distance" lifted, never below the floor.
    Without one: the farthest card shown within half the farthest of all, rounded up to 5 km (the
    nearer ones stay, the far ones go), else half the farthest, at most the default. Why not a
    fixed 25 km: it dropped the only relevant course nearby (80 km) for unrelated ones; why the
    lifted one: "any distance" then "closer" had set 50 km, farther than the person's own 40
    (QA12)."""
    current = limit(tracker.get_slot(names.MAX_DISTANCE)) or limit(tracker.get_slot(names.KM_BEFORE_ANY))
    if current is not None:
        return max(results.TUNING.closer_floor_km, round(current * results.TUNING.closer_factor))
    shown = [o["distance_km"] for o in tracker.get_slot(names.SHOWN_OFFERS) or [] if o.get("distance_km") is not None]
    half = max(shown, default=results.TUNING.default_km) * results.TUNING.closer_factor
    nearer = [km for km in shown if km <= half]
    rounded = 5.0 * math.ceil(max(nearer) / 5.0) if nearer else min(half, results.TUNING.default_km)
    return max(results.TUNING.closer_floor_km, rounded)


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
        if choice == names.GOAL:  # "Change my goal", where no course teaches the one set
            return goal_asked_again(tracker)
        if answered_about_course(dispatcher, tracker):  # "is it in English?" of the card just opened
            return []
        events = limits_in_words(dispatcher, tracker)
        if events is None:
            buttons = [
                texts.button(title, names.INTENT_RELAX, **{names.CHOICE: s})
                for s, title in texts.RELAX_BUTTON_TITLES.items()
            ]
            dispatcher.utter_message(text=texts.RELAX_QUESTION, buttons=buttons)
            return []
        return events


#: the slots of a goal, emptied for the goal question to be asked again
_GOAL_SLOTS = (names.GOAL, names.GOAL_OPTIONS, names.TARGET, names.TARGET_LABEL)


def goal_asked_again(tracker: Tracker) -> list[EventType]:
    """The goal forgotten and the profile form resumed: it asks the goal question (with its "not
    sure" suggestions), keeps every other answer, and searches again. Why: where no course teaches
    the goal, "Start over" had been the only way on, and it drops every answer (QA13)."""
    logger.info("sender %s changes the goal", tracker.sender_id)
    forgotten = [SlotSet(slot, None) for slot in _GOAL_SLOTS] + [SlotSet(names.WANTED_SKILLS, [])]
    return [*forgotten, FollowupAction(names.PROFILE_FORM)]


def relaxed(dispatcher: CollectingDispatcher, tracker: Tracker, *slots: str) -> list[EventType]:
    """Say that the limits of ``slots`` are dropped, and search again without them; online
    dropped with no travel limit asked, that limit is asked first (:func:`reach_asked`)."""
    if names.MODE in slots and len(slots) == 1 and reach_unasked(tracker, names.ANY):
        return reach_asked(dispatcher, tracker, {names.MODE: names.ANY})
    dispatcher.utter_message(text=texts.RELAXED_SEVERAL if len(slots) > 1 else texts.RELAXED)
    logger.info("sender %s relaxed %s", tracker.sender_id, ",".join(slots))
    return show_results(dispatcher, tracker, dict.fromkeys(slots, names.ANY), 0)


def limits_in_words(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Search again with the limits the latest message sets ("I can pay up to 500 euros") or
    without the one it drops ("any price"); ``None`` when it does neither.

    Why: "nothing fits — 1 costs under €500" is answered "I can pay up to 500 euros" as often
    as with the button; that is a new limit, not none.
    """
    text = latest_text(tracker)
    stated = parsing.stated_preferences(text, date.today())
    if not stated:
        slots = parsing.relax_slots_from_text(text)  # "any distance and any price": both
        return relaxed(dispatcher, tracker, *slots) if slots else None
    if names.MAX_DISTANCE not in stated and reach_unasked(tracker, stated.get(names.MODE)):
        return reach_asked(dispatcher, tracker, stated)
    said = ", ".join(said_back(slot, value) for slot, value in stated.items())
    dispatcher.utter_message(text=texts.SEARCHING_AGAIN.format(limits=said))
    logger.info("sender %s changed limits %s", tracker.sender_id, sorted(stated))
    return show_results(dispatcher, tracker, stated, 0)


def reach_unasked(tracker: Tracker, mode: str | None) -> bool:
    """True when ``mode`` turns an online-only search to in person (or either) and how far the
    person could travel was never asked: the form leaves it out for online learners."""
    return (
        mode not in (None, names.MODE_ONLINE)
        and tracker.get_slot(names.MODE) == names.MODE_ONLINE
        and tracker.get_slot(names.MAX_DISTANCE) is None
    )


def reach_asked(dispatcher: CollectingDispatcher, tracker: Tracker, changes: dict[str, Any]) -> list[EventType]:
    """``changes`` kept and said, and the profile form resumed to ask the travel limit (and the
    town, if none was given), then search again. Why: "actually in person is better" after an
    online search showed courses 542 km away, with no limit asked (QA13)."""
    said = ", ".join(said_back(slot, value) for slot, value in changes.items())
    dispatcher.utter_message(text=texts.REACH_UNASKED.format(limits=said))
    town = {names.PLACE: None} if tracker.get_slot(names.PLACE) in (None, names.NOT_GIVEN) else {}
    logger.info("sender %s turns to in person: travel limit asked", tracker.sender_id)
    return [*(SlotSet(slot, value) for slot, value in {**changes, **town}.items()), FollowupAction(names.PROFILE_FORM)]


class ActionFreeText(Action):
    """Free text outside the form: once results were sought, a question about the card just
    opened ("can I do it in the evenings?") is answered from it, a limit set in words ("up to 80
    km") searches again with it, one dropped in words ("Any price", a relax button's title
    typed instead of tapped) without it, a town told anew ("I moved to Graz") from there, and a
    new goal ("actually I'd rather learn welding") for it; before any search, a message that says what to learn or how ("I'd like to learn CNC
    programming") starts the search with what it says; any other text gets "What would you
    like to do next?"."""

    def name(self) -> str:
        return names.ACTION_FREE_TEXT

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot(names.OFFSET) is not None:  # results were sought
            if answered_about_course(dispatcher, tracker):  # "is it in English?" is no new limit
                return []
            # here, not as a follow-up: no rule goes on from one
            events = limits_in_words(dispatcher, tracker)
            if events is not None:
                return events
            town = moved(latest_text(tracker), dispatcher)  # "I moved to Graz": searched again from there
            if town:
                return show_results(dispatcher, tracker, town, 0)
            if names_a_card(latest_text(tracker)):  # "number 8", "the second one"
                return await ActionOfferDetails().run(dispatcher, tracker, domain)
            events = goal_changed(dispatcher, tracker)  # "what about plumbing instead?"
            if events is not None:
                return events
            if parsing.unrecorded_limit(latest_text(tracker)):  # "evenings only": said, not ignored
                dispatcher.utter_message(text=texts.UNRECORDED_LIMIT)
            what_next(dispatcher, tracker)
            return []
        elif tracker.active_loop_name is None:
            first = not greeted(tracker)
            if first:  # "Hello, I am a welder", "hola": the greeting (a bot; consent) comes first
                greet(dispatcher, latest_text(tracker))
            kept = ValidateProfileForm().opening(latest_text(tracker), dispatcher, tracker)
            if kept or first:  # the search starts, its questions answered already are not asked
                return [*(SlotSet(slot, value) for slot, value in kept.items()), FollowupAction(names.PROFILE_FORM)]
        dispatcher.utter_message(response=names.UTTER_WHAT_NEXT)
        return []


class ActionThank(Action):
    """Thanks: "You're welcome!" with the ways on of the results shown (``results.thanked``)."""

    def name(self) -> str:
        return names.ACTION_THANK

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        results.thanked(dispatcher, tracker)
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
