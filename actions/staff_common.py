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

from actions import services, texts
from actions.common import Run, guarded, latest_text
from skills_catalog.errors import StoreError, UnknownPlaceError
from skills_catalog.places_index import load_countries
from skills_catalog.reports import EVERYWHERE, Where
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


def needs_word(count: int) -> str:
    """ "1 need", "2 needs" (the answers had said "need(s)")."""
    return "need" if count == 1 else "needs"


def where_named(name: str | None, near_km: float = 25.0) -> tuple[Where, str]:
    """The firms a place name narrows an answer to, and what to say first ("" when all is well):
    a country ("Austria", "AT"), else the firms within ``near_km`` of a town or postcode; a
    name that is neither (a region such as "Styria") leaves every firm, and says so."""
    if not name:
        return EVERYWHERE, ""
    countries = load_countries()
    code = countries.code(name)
    if code:
        return Where(name=countries.names.get(code, code), country=code), ""
    try:
        place = services.engine().place(name)
    except UnknownPlaceError:
        return EVERYWHERE, texts.STAFF_PLACE_UNKNOWN.format(place=name[:60])
    return Where(name=place.name, near=place.point, km=near_km), ""


def in_direct_message(tracker: Tracker) -> bool:
    """True when only the staff member reads the answer: a Slack DM (channel id "D…"), or the
    Matrix staff room (the one room the bot serves, for staff only). Why: "need N-…" in a shared
    Slack channel posted a firm's contact details to everyone there, guests included."""
    channel = tracker.get_latest_input_channel()
    if channel == "matrix":
        return True
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    return str(metadata.get("out_channel") or "").startswith("D")
