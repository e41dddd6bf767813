"""What every validator of the profile form shares: reading the answer, refusing bad input.

``answers(slot)`` wraps a ``validate_<slot>`` method; ``answer_text`` reads a tapped button's
value or the typed text.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import choices, languages_said, names, parsing, services, texts
from actions.common import latest_choice
from skills_catalog.errors import UnknownPlaceError
from skills_catalog.models import Place
from skills_catalog.places_index import place_key

logger = logging.getLogger(__name__)

Slots = dict[str, Any]
Validator = Callable[..., Awaitable[Slots]]


#: answers that are names, which may hold words of other languages ("Mühldorf bei Feldbach")
_NAMES = frozenset({names.PLACE, names.FIRM_TOWN, names.COMPANY, names.CONTACT_NAME, names.CONTACT_EMAIL})


def answers(slot: str) -> Callable[[Validator], Validator]:
    """Wrap a validator: refuse empty or huge messages and answers in another language (but
    names: towns, company, contact), turn any error into an apology.

    Only the slot being asked is validated: when the form starts again ("continue", a new
    session) Rasa re-validates every slot already filled, and those hold resolved values
    (URIs, limits), not answers to parse.

    A failed validation must still clear the slot (``{slot: None}``), otherwise the raw text
    extracted by ``from_text`` would stay in it as if it were a valid answer.
    """

    def wrap(validate: Validator) -> Validator:
        @functools.wraps(validate)
        async def wrapper(
            self: Any, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
        ) -> Slots:
            if tracker.get_slot(names.REQUESTED_SLOT) != slot:
                return {slot: value}  # validated before: re-offered when the form (re)starts
            text = answer_text(value, tracker) if not isinstance(value, bool) else None
            problem = parsing.message_problem(text) if text is not None else None
            if problem:
                dispatcher.utter_message(text=texts.EMPTY if problem == "empty" else texts.TOO_LONG)
                return {slot: None}
            if text is not None and slot not in _NAMES and languages_said.not_english(text):
                dispatcher.utter_message(text=texts.english_only(languages_said.foreign_language(text)))  # "ja"
                return {slot: None}
            try:
                return await validate(self, value, dispatcher, tracker, domain)
            except Exception:
                logger.exception("validating %s failed for sender %s", slot, tracker.sender_id)
                dispatcher.utter_message(text=texts.APOLOGY)
                return {slot: None}

        return wrapper

    return wrap


def answer_text(value: Any, tracker: Tracker) -> str:
    """The answer as text: a button's choice, else the slot value (lists: their first item)."""
    choice = latest_choice(tracker)
    if choice is not None:
        return str(choice)
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def place_named(name: str | None) -> Place | None:
    """The place a town named in passing stands for ("3 welders in Kapfenberg", "I live in Linz
    now"), looked up without a word to the person; ``None`` when it names none we know."""
    if not name:
        return None
    try:
        return services.engine().place(name)
    except UnknownPlaceError:
        return None


def town_answer(
    text: str, suggestions: list[str] | None, dispatcher: CollectingDispatcher, needed: str
) -> tuple[Place | None, list[str] | None]:
    """The town an answer names, with the towns to suggest when it names none (after saying why).

    A typed pick among the towns suggested before ("the second one", or a yes when one was
    suggested) is that town; any other bare yes or no asks for a town (``needed``) instead of
    being looked up ("yes" → "Ydes"), the towns suggested kept after a yes. A town found under another name than the one typed
    ("Bilbo", "8010", "Bruck"), or far from every partner ("Springfield": Springfield, US), is
    said back, so a wrong reading shows.
    """
    offered = suggestions or []
    at = 0 if len(offered) == 1 and parsing.yes_or_no(text) is True else choices.picked(text, offered)
    if at is None and parsing.only_yes_or_no(text):
        dispatcher.utter_message(text=needed)
        return None, (offered or None) if parsing.yes_or_no(text) else None  # a no turns them down
    query, engine = offered[at] if at is not None else text, services.engine()
    try:
        place = engine.place(query)
    except UnknownPlaceError as error:
        # the towns suggested before stay, unless others fit better: an unclear answer ("hmm")
        # had lost them, and a yes after it asked for the town again (QA12)
        dispatcher.utter_message(text=texts.PLACE_UNKNOWN.format(query=text[:80]))
        return None, list(error.suggestions) or offered or None
    if not place_key(query).endswith(place_key(place.name)) or engine.is_far(place):
        dispatcher.utter_message(text=texts.PLACE_TAKEN.format(place=place.name, country=place.country))
    return place, None
