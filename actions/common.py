"""Helpers every action module uses: reading the latest message and failing politely.

``guarded`` wraps an action's ``run`` so that nothing an action does can crash the
conversation: an unexpected error is logged with its traceback (ids only, never the text a
person typed) and answered with an apology.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import languages_said, names, texts
from skills_catalog.staff_access import STAFF_CHANNELS

logger = logging.getLogger(__name__)

Run = Callable[[Any, CollectingDispatcher, Tracker, dict[str, Any]], Awaitable[list[dict[str, Any]]]]


def latest_text(tracker: Tracker) -> str:
    """The text of the latest user message ("" when there is none)."""
    return (tracker.latest_message or {}).get("text") or ""


def latest_intent(tracker: Tracker) -> str:
    """The intent of the latest user message ("" when there is none)."""
    return ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""


def greeted(tracker: Tracker) -> bool:
    """True once the greeting (it says it is a bot) and its consent question were given, and on
    the staff's channels, where no worker is greeted. From a slot: actions are sent only the
    latest turn's events (connectors/action_calls.py)."""
    return (
        bool(tracker.get_slot(names.GREETED))
        or tracker.get_slot(names.CONSENT) is not None
        or tracker.get_latest_input_channel() in STAFF_CHANNELS
    )


def greet(dispatcher: CollectingDispatcher, text: str) -> None:
    """The greeting (a bot; what it does) to a first message that was no greeting, with the
    English-only notice when that message is in another language ("hola")."""
    dispatcher.utter_message(response=names.UTTER_GREET)
    if languages_said.not_english(text):
        dispatcher.utter_message(text=texts.english_only(languages_said.foreign_language(text)))


def latest_choice(tracker: Tracker) -> str | None:
    """The value a tapped button sent (entity ``choice``), if the latest message was one."""
    return next(tracker.get_latest_entity_values(names.CHOICE), None)


def guarded(run: Run) -> Run:
    """Turn any exception of an action into a logged apology instead of a failed turn."""

    @functools.wraps(run)
    async def wrapper(
        self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            return await run(self, dispatcher, tracker, domain)
        except Exception:
            logger.exception("action %s failed for sender %s", self.name(), tracker.sender_id)
            dispatcher.utter_message(text=texts.APOLOGY)
            return []

    return wrapper
