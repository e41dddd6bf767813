"""Staff: search the catalogue by skill ("search catalogue welding online in Graz"), list offers
by town or way of learning ("offers in Graz", "blended courses"), or a partner's offers.

Why each line carries the way of learning, cost, dates and seats, and the answer a count and
the next page: those are what staff tell a firm, and "offers in Graz" had stopped at ten
without saying how many there were (QA8 M6).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.cards import MODE_WORDS, cost_words, dates_words
from actions.staff_common import command_text, staff_only
from actions.staff_parsing import Search, parse_search
from skills_catalog.catalog_search import OfferFilter, offers_near, partners_named
from skills_catalog.errors import UnknownPlaceError
from skills_catalog.explain import distance_words
from skills_catalog.models import Offer, Partner, Place

logger = logging.getLogger(__name__)
PAGE = 10  # offers in one answer
RANKED = 100  # offers ranked for a skill search, to count and page through


@dataclass(frozen=True)
class Found:
    """The offers one search found, in the order shown, and how they are ordered."""

    rows: list[tuple[Offer, Partner, float | None]]
    order: str


def offer_line(offer: Offer, partner: Partner, km: float | None) -> str:
    """One offer as staff read it: id, title, who and where, then mode, cost, dates and seats."""
    facts = [MODE_WORDS.get(offer.mode, offer.mode), cost_words(offer.cost_eur, offer.funding),
             dates_words(offer.start_date and offer.start_date.isoformat(), offer.end_date and offer.end_date.isoformat())]  # fmt: skip
    if offer.seats is not None:
        facts.append(f"{offer.seats} seats")
    where = f" ({distance_words(km)})" if km is not None else ""
    return texts.STAFF_OFFER_LINE.format(offer_id=offer.offer_id, title=offer.title, partner=partner.name,
                                         city=offer.city or partner.city, km=where, facts=" · ".join(facts))  # fmt: skip


def found_offers(search: Search, place: Place | None) -> Found:
    """Every offer a skill or list search finds (a skill search: the best :data:`RANKED`)."""
    engine = services.engine()
    keep = OfferFilter(search.modes, search.free)
    if search.kind == "list":
        return Found(offers_near(engine.catalog, place.point if place else None, keep=keep),
                     "nearest first" if place else "by title")  # fmt: skip
    ranked = engine.for_need([search.query], 1, place, modes=search.modes, top=RANKED).recommendations
    rows = [(r.offer, r.partner, r.distance_km) for r in ranked if keep.keeps(r.offer)]
    if place is None:
        return Found(rows, "best first")
    rows.sort(key=lambda row: (row[2] is None, row[2] or 0.0))  # online ones (no distance) last
    return Found(rows, "nearest first")


def _what(search: Search, place: Place | None) -> str:
    """ "Courses for "welding", online, free, near Graz"."""
    parts = [f'Courses for "{search.query}"' if search.query else "Courses"]
    parts += [MODE_WORDS[mode] for mode in sorted(search.modes)] + (["free"] if search.free else [])
    if place is not None:
        parts.append(f"near {place.name} ({place.country})" if search.kind == "skill" else f"within 25 km of {place.name}")
    return ", ".join(parts)


def _page(found: Found, search: Search, what: str, command: str) -> str:
    """The page asked for, with its header and how to ask for the next."""
    total = len(found.rows)
    first = (search.page - 1) * PAGE
    shown = found.rows[first : first + PAGE]
    if not shown:
        return texts.STAFF_SEARCH_NONE.format(what=what[0].lower() + what[1:])
    head = texts.STAFF_SEARCH_HEAD.format(what=what, first=first + 1, last=first + len(shown),
                                          total=f"{total}+" if total >= RANKED else total, order=f", {found.order}")  # fmt: skip
    lines = [head, *(offer_line(*row) for row in shown)]
    if first + PAGE < total:
        bare = re.sub(r"\s*\b(?:page\s+\d+|more)\b", "", command, flags=re.I).strip()
        lines.append(texts.STAFF_SEARCH_MORE.format(command=bare, page=search.page + 1, size=min(PAGE, total - first - PAGE)))
    return "\n".join(lines)


def search_answer(search: Search, command: str) -> str:
    """The answer to one search.

    Raises:
        UnknownPlaceError: the town of the search is not in the gazetteer.
    """
    engine = services.engine()
    if search.kind == "partner":
        found = partners_named(engine.catalog, search.query)
        return "\n".join(
            texts.STAFF_PARTNER_LINE.format(name=p.name, city=p.city, count=len(offers),
                                            offers="\n".join("  " + offer_line(o, p, None) for o in offers) or "  —")
            for p, offers in found
        ) or texts.STAFF_SEARCH_NONE.format(what=f'a partner named "{search.query}"')  # fmt: skip
    place = engine.place(search.place) if search.place else None
    what = _what(search, place)
    return _page(found_offers(search, place), search, what, command)


class ActionStaffSearch(Action):
    def name(self) -> str:
        return names.ACTION_STAFF_SEARCH

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = command_text(tracker)
        search = parse_search(text)
        if search is None:
            dispatcher.utter_message(text=texts.STAFF_SEARCH_HOW)
            return []
        try:
            answer = search_answer(search, text)
        except UnknownPlaceError as error:
            dispatcher.utter_message(text=texts.PLACE_UNKNOWN.format(query=error.query[:80]))
            return []
        logger.info("staff %s searched by %s", tracker.sender_id, search.kind)
        dispatcher.utter_message(text=answer)
        return []
