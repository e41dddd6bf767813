"""The gate every staff action passes: a staff channel and a sender on its allow-list.

The channels already drop non-staff messages (``connectors/staff.py``); the actions check again
because a message can reach them another way — the widget or the REST channel, where anyone can
type ``/staff_report`` or forge a payload. Refusals are logged by id and channel only.
"""

from __future__ import annotations

import functools
import logging
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import texts
from actions.common import Run, guarded, latest_text
from skills_catalog.errors import StoreError
from skills_catalog.staff_access import is_staff

logger = logging.getLogger(__name__)
MAX_LINES = 25  # needs or offers listed in one chat message


def staff_only(run: Run) -> Run:
    """Run the action only for staff on a staff channel; say the needs store is down politely."""

    @guarded
    @functools.wraps(run)
    async def wrapper(
        self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        channel = tracker.get_latest_input_channel()
        if not is_staff(channel, tracker.sender_id):
            logger.warning("%s refused: sender %s on channel %s", self.name(), tracker.sender_id, channel)
            dispatcher.utter_message(text=texts.STAFF_ONLY)
            return []
        try:
            return await run(self, dispatcher, tracker, domain)
        except StoreError:
            logger.exception("%s: needs store unavailable", self.name())
            dispatcher.utter_message(text=texts.STAFF_STORE_DOWN)
            return []

    return wrapper


def command_text(tracker: Tracker) -> str:
    """What the staff member typed ("" for a bare ``/intent`` command)."""
    text = latest_text(tracker)
    return "" if text.startswith("/") else text


def today() -> date:
    """Today's date (a function, so tests can replace it)."""
    return date.today()


def listed(lines: list[str]) -> str:
    """At most MAX_LINES lines, and how many more there are."""
    shown = "\n".join(lines[:MAX_LINES])
    more = len(lines) - MAX_LINES
    return shown + (f"\n… and {more} more" if more > 0 else "")
