"""Validation of the preference questions: mode, distance, language, budget, start date.

A mixin of ``ValidateProfileForm``: buttons send canonical values, typed answers go through
``parsing``; "skip" means no limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import faq_texts, languages_said, names, parsing, texts
from actions.common import latest_choice, latest_intent
from actions.cost_paid_by_others import paid_by_others
from actions.form_answers import Slots, answer_text, answers, place_named
from actions.goal_change import goal_changed_in_form
from skills_catalog.explain import MODE_WORDS, day, language_name
from skills_catalog.models import Place

#: a limit lifted, said back ("any price" in a first message)
_NO_LIMIT_WORDS = {
    names.MAX_DISTANCE: "any distance",
    names.BUDGET: "any price",
    names.LANGUAGE: "any language",
    names.MODE: "online or in person",
}


def said_back(slot: str, value: Any) -> str:
    """A stated preference in words ("up to 30 km", "courses in German"), to confirm it."""
    if value == names.ANY and slot in _NO_LIMIT_WORDS:
        return _NO_LIMIT_WORDS[slot]
    if slot == names.MAX_DISTANCE:
        return f"up to {value:g} km"
    if slot == names.BUDGET:
        return "free courses only" if value == 0 else f"up to {value:g} €"
    if slot == names.LANGUAGE:
        return "courses in " + " or ".join(language_name(code) for code in languages_said.language_codes(value))
    if slot == names.START:
        return "any start date" if value == names.ANY else f"starting from {day(date.fromisoformat(value))}"
    return MODE_WORDS.get(value, value)


#: words that correct an answer given before: "actually I can only start in March 2027"
_CORRECTING = re.compile(
    r"\b(?:actually|sorry|correction|instead|rather|i meant|make (?:it|that)|change|changed my mind|"
    r"on second thought|wait)\b",
    re.I,
)


def noted_ahead(
    text: str,
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    asked: str,
    besides: frozenset[str] = frozenset(),
    lifts: bool = False,
) -> Slots:
    """The preferences ``text`` states that the form has not asked yet (other than the one
    ``asked`` and those ``besides``), said back to the person so a misreading can be seen. A text
    that corrects ("actually …", "sorry, …") changes answers given before too: they could only be
    changed by starting over. With ``lifts``, limits lifted by name ("any price") and a start said
    alone ("from now") count too (:func:`parsing.clause_limits`): in a first message, where no
    question asked for them. Online said at the distance question answers it, no travel, and
    changes a mode set before: it had got "I need a rough number of km", courses in person kept,
    read from "classroom management" (QA12). A limit lifted by name changes one set before: "any
    price" after "free courses only" had been dropped unsaid (QA12)."""
    found = parsing.stated_preferences(text, date.today())
    correcting = bool(_CORRECTING.search(text)) or (
        asked == names.MAX_DISTANCE and found.get(names.MODE) == names.MODE_ONLINE
    )
    lifted = set(parsing.limits_lifted(text)) if lifts else set()
    if lifts:
        found = {**parsing.clause_limits(text, date.today()), **found}
    elif names.START not in found and (start := parsing.start_alone(text, date.today())):
        found[names.START] = start  # "asap" at the price question
    if names.BUDGET not in found and paid_by_others(text):
        found[names.BUDGET] = names.ANY  # "…, max 50 km, my employer pays" at the skills question
    stated = {
        slot: value
        for slot, value in found.items()
        if slot != asked
        and slot not in besides
        and (tracker.get_slot(slot) is None or ((correcting or slot in lifted) and tracker.get_slot(slot) != value))
    }
    changed = {slot: value for slot, value in stated.items() if tracker.get_slot(slot) is not None}
    ahead = {slot: value for slot, value in stated.items() if slot not in changed}
    for template, said in ((texts.PREFERENCE_CHANGED, changed), (texts.ALSO_NOTED, ahead)):
        if said:
            noted = ", ".join(said_back(slot, value) for slot, value in said.items())
            dispatcher.utter_message(text=template.format(noted=noted))
    return stated


#: who might fund a course for someone with no money: "maybe AMS pays?", "the job centre"
_FUNDER = re.compile(
    r"\b(?:AMS|job\s*cent(?:re|er)|employment\s+(?:service|office|agency)|unemployment\s+office|grant|voucher|fund\w*)\b",
    re.I,
)


def hopes_for_funding(text: str) -> bool:
    """True when a text names who might pay ("maybe AMS pays?"): beside "no money" it is a
    price limit said, free courses only, no skill nor answer of its own."""
    return bool(_FUNDER.search(text))


#: learning near one's home, said at the in person / online question: "near", "close to home", "local"
_NEARBY = re.compile(
    r"^\W*(?:(?:somewhere|something|a course|one)\s+)?(?:near(?:by)?|close(?:\s+by)?|local(?:ly)?)"
    r"(?:\s+(?:me|to (?:me|home|where i live)|here|home|my home|by))?\W*$",
    re.I,
)
#: a question, not an answer: "which is cheaper?", "what do you mean?"
_ASKS = re.compile(r"\?|^\W*(?:what|why|how|which|who|where|when|do|does|is|are|can|could)\b", re.I)


def unclear_limit(slot: str, text: str) -> str:
    """What to say to an answer to ``slot`` read as none: to a question, what the question is for
    and how to answer it; else what is needed, or that explanation where nothing more precise is
    said. Why: "near" at the in person / online question got "Sorry, I didn't understand that
    answer", every time (QA13)."""
    about = faq_texts.ABOUT_QUESTION[slot]
    return about if _ASKS.search(text) else texts.LIMIT_UNCLEAR.get(slot, about)


def moved(text: str, dispatcher: CollectingDispatcher) -> Slots:
    """The place slots of a town told anew while a preference is asked or once results were
    shown, said back; {} when the text tells none. Why: the town could only be changed by
    starting over."""
    town = parsing.moved_to(text)
    place = place_named(town)
    if place is None:
        return {}
    dispatcher.utter_message(text=texts.PLACE_CHANGED.format(place=place.name, country=place.country))
    return place_slots(place)


def place_slots(place: Place) -> Slots:
    """The slots of the person's town."""
    return {names.PLACE: place.name, names.LATITUDE: place.point.lat, names.LONGITUDE: place.point.lon}


class PreferenceValidators:
    """``validate_<slot>`` for the preference slots of the profile form."""

    def _limit(
        self,
        slot: str,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        parse: Callable[[str], Any],
    ) -> Slots:
        """A preference parsed from a button or text; "skip" means no limit. Other preferences
        the text states and the form has not asked yet are taken too, and said back, and so is
        a new goal ("actually I'd rather become an electrician")."""
        if latest_intent(tracker) == names.INTENT_SKIP:
            return {slot: names.ANY}
        text = answer_text(value, tracker)
        parsed = parse(text)
        typed = latest_choice(tracker) is None
        goal = goal_changed_in_form(text, dispatcher, tracker) if typed else {}
        lifted = parsing.limits_lifted(text) if typed else []
        others = {other: names.ANY for other in lifted if other != slot and tracker.get_slot(other) is None}
        if parsed == names.ANY and lifted and slot not in lifted:
            # "any language is fine" at the distance question lifts the language limit, not this one;
            # the "either" of "either, any language" still answers it
            parsed = parse(parsing.without_limits_lifted(text))
        ahead = noted_ahead(text, tracker, dispatcher, asked=slot)
        if parsed is None and others:
            dispatcher.utter_message(text=texts.OTHER_LIMIT_LIFTED)
        elif parsed is None and not ahead and not goal:
            told = moved(text, dispatcher)
            if told:
                return {slot: None, **told}
            dispatcher.utter_message(text=unclear_limit(slot, text))
        return {slot: parsed, **others, **ahead, **goal}

    @answers(names.MODE)
    async def validate_mode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if latest_intent(tracker) == names.INTENT_ONLY_ONLINE:
            return {names.MODE: names.MODE_ONLINE}
        text = answer_text(value, tracker)
        if parsing.parse_mode(text) is None and _NEARBY.search(text) and not _ASKS.search(text):
            # "near", "close to home": QA13 got "Sorry, I didn't understand that answer" every time
            dispatcher.utter_message(text=faq_texts.NEARBY_IN_PERSON)
            return {names.MODE: names.MODE_IN_PERSON}
        return self._limit(names.MODE, value, dispatcher, tracker, parsing.parse_mode)

    @answers(names.MAX_DISTANCE)
    async def validate_max_distance_km(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._limit(names.MAX_DISTANCE, value, dispatcher, tracker, parsing.parse_distance)

    @answers(names.LANGUAGE)
    async def validate_language(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._limit(names.LANGUAGE, value, dispatcher, tracker, parsing.parse_language)

    @answers(names.BUDGET)
    async def validate_max_cost_eur(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if latest_intent(tracker) == names.INTENT_ONLY_FREE:
            return {names.BUDGET: 0.0}
        text = answer_text(value, tracker)
        if parsing.parse_budget(text) == 0 and hopes_for_funding(text):
            dispatcher.utter_message(text=texts.FUNDED_FREE)  # a hope that a funder pays is free only
            return {names.BUDGET: 0.0, **noted_ahead(text, tracker, dispatcher, asked=names.BUDGET)}
        return self._limit(names.BUDGET, value, dispatcher, tracker, parsing.parse_budget)

    @answers(names.START)
    async def validate_available_from(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._limit(
            names.START, value, dispatcher, tracker, lambda text: parsing.parse_start(text, date.today())
        )
