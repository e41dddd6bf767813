"""The gate every staff action passes: a staff channel and a sender on its allow-list.

The channels already drop non-staff messages (``connectors/staff.py``); the actions check again
because a message can reach them another way — the widget or the REST channel, where anyone can
type ``/staff_report`` or forge a payload. Refusals are logged by id and channel only.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names, staff_texts, texts
from actions.common import Run, guarded, latest_text
from actions.staff_commands import corrected
from actions.staff_parsing import guessed_place, parse_page, without_page
from skills_catalog.errors import StoreError
from skills_catalog.places_index import load_countries
from skills_catalog.reports import EVERYWHERE, Where
from skills_catalog.staff_access import PRIVATE_TO_STAFF_KEY, is_staff

logger = logging.getLogger(__name__)
MAX_LINES = 25  # needs listed in one chat message
DEFAULT_NEAR_KM = 25.0  # the firms "in" a town are those this near it


def staff_only(run: Run) -> Run:
    """Run the action only for staff on a staff channel; say the needs store is down politely.
    An action that asks no question of its own forgets the question asked before
    (:data:`names.STAFF_ASKED`): a "yes" answers only the question just asked."""

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
            events: list[EventType] = await run(self, dispatcher, tracker, domain)
        except StoreError:
            logger.exception("%s: needs store unavailable", self.name())
            dispatcher.utter_message(text=staff_texts.STAFF_STORE_DOWN)
            events = []
        asks = any(event.get("name") == names.STAFF_ASKED for event in events)
        return events if asks or not tracker.get_slot(names.STAFF_ASKED) else [*events, SlotSet(names.STAFF_ASKED, None)]

    return wrapper


def command_text(tracker: Tracker) -> str:
    """What the staff member typed ("" for a bare ``/intent`` command), its misspelt command
    words written right ("demnad reprot by contry" groups by country)."""
    text = latest_text(tracker)
    return "" if text.startswith("/") else corrected(text)


def today() -> date:
    """Today's date (a function, so tests can replace it)."""
    return date.today()


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a long answer: its ``items``, the place of the first (from 1), how many there
    are in all, the page size, and the command that asked for it, without its page."""

    items: list[T]
    first: int
    total: int
    size: int
    command: str

    def number(self) -> int:
        """Which page this is, from 1."""
        return (self.first - 1) // self.size + 1

    def past_words(self) -> str:
        """What a page past the last says: how many there are, how to ask for the first page."""
        return staff_texts.PAGE_PAST.format(page=self.number(), total=self.total, command=self.command)

    def range_words(self) -> str:
        """ " (26–49)" when the answer does not fit on one page, else ""."""
        if self.total <= self.size:
            return ""
        return f" ({self.first}–{self.first + len(self.items) - 1})"

    def next_words(self) -> str:
        """How to ask for the next page: 'Say "new needs page 3" for the next 25.'; "" on the last."""
        left = self.total - (self.first - 1) - len(self.items)
        ask = staff_texts.STAFF_SEARCH_MORE.format(command=self.command, page=self.number() + 1, size=min(self.size, left))
        return ask if left > 0 else ""


def page_of(items: list[T], command: str, size: int = MAX_LINES, page: int | None = None) -> Page[T]:
    """The page of ``items`` the command asks for ("… page 2"; ``page`` when read already).
    Why: "… and 24 more" had no way to see them, and "… page 2" repeated the first page (QA
    Matrix M7)."""
    first = ((page or parse_page(command)) - 1) * size
    return Page(items[first : first + size], first + 1, len(items), size, without_page(command))


def newest_first(count: int) -> str:
    """", newest first" for a list of more than one."""
    return staff_texts.NEWEST_FIRST if count > 1 else ""


def paged_answer(page: Page[str], template: str, **fields: object) -> str:
    """``template`` filled with ``fields`` and the page's lines and range, then how to ask for the
    next page; past the last page, how to ask for the first."""
    if not page.items:
        return page.past_words()
    text = template.format(**fields, order=newest_first(page.total), shown=page.range_words(),
                           lines="\n".join(page.items))  # fmt: skip
    return "\n".join(part for part in (text, page.next_words()) if part)


def needs_word(count: int) -> str:
    """ "1 need", "2 needs" (the answers had said "need(s)")."""
    return "need" if count == 1 else "needs"


def where_named(name: str | None, near_km: float = DEFAULT_NEAR_KM) -> tuple[Where, str]:
    """The firms a place name narrows an answer to, and what to say first ("" when all is well):
    a country ("Austria", "AT"), else the firms within ``near_km`` of a town or postcode, a
    misspelt town read as the one close town and said back ("grz": Graz); a name that is
    neither (a region such as "Styria") leaves every firm, and says so, with the close towns to
    choose from. Why: "unmet neds in grz" had covered every firm (QA13)."""
    if not name:
        return EVERYWHERE, ""
    countries = load_countries()
    code = countries.code(name)
    if code:
        return Where(name=countries.names.get(code, code), country=code), ""
    guess = guessed_place(name)
    if guess.place is None:
        choice = staff_texts.STAFF_PLACE_CHOICE.format(options=" or ".join(guess.options)) if guess.options else ""
        return EVERYWHERE, staff_texts.STAFF_PLACE_UNKNOWN.format(place=name[:60]) + choice
    return Where(name=guess.place.name, near=guess.place.point, km=near_km), guess.note


def in_direct_message(tracker: Tracker) -> bool:
    """True when only staff read the answer: a Slack DM (channel id "D…"), or a Matrix room whose
    members are all staff or the bot (the channel says so in the metadata; fails closed). Why:
    "need N-…" in a shared Slack channel posted a firm's contact details to everyone there,
    guests included, and a Matrix staff room with a stranger in it did the same (QA10)."""
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    if tracker.get_latest_input_channel() == "matrix":
        return metadata.get(PRIVATE_TO_STAFF_KEY) is True
    return str(metadata.get("out_channel") or "").startswith("D")
