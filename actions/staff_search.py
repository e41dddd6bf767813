"""Staff: search the catalogue by skill ("search catalogue welding online in Graz"), list offers
by town or way of learning ("offers in Graz", "blended courses"), or a partner's offers.

Why each line carries the way of learning, cost, dates and seats, and the answer a count and
the next page: those are what staff tell a firm, and "offers in Graz" had stopped at ten
without saying how many there were (QA8 M6).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, staff_common, staff_texts
from actions.cards import MODE_WORDS, cost_words, dates_words
from actions.staff_common import Page, command_text, page_of, staff_only
from actions.staff_parsing import Distance, Search, guessed_place, known_place, parse_search
from skills_catalog.catalog_search import (
    LIMITS,
    OfferFilter,
    cheapest_first,
    free_only_for,
    nearest_first,
    offers_near,
    offers_with_words,
    partners_named,
    skills_with_words,
)
from skills_catalog.catalog_search import OfferRows as Rows
from skills_catalog.explain import distance_words, euros
from skills_catalog.models import Offer, Partner, Place
from skills_catalog.places_index import load_countries
from skills_catalog.reports import number_of

logger = logging.getLogger(__name__)
PAGE = 10  # offers in one answer
RANKED = 100  # offers ranked for a skill search, to count and page through
#: a priced course free for some only (QA13: "free welding courses" listed €1,990 ones, no caveat)
FREE_ONLY_FOR = "free only {who}, else {price}"
#: the header of a free search that lists such courses
SOME_FREE_ONLY_FOR = "free ({count} of them only {who})"
STARTING = "starting {words}"
IN_COUNTRY = "in {country}"
CHEAPEST_FIRST = "cheapest first"
#: a start the words name that cannot be read: said, not guessed (QA13: "courses starting in
#: March" had searched for "starting")
STARTS_UNREAD = (
    'I can narrow courses by a start month or date ("starting in March", "starting after 1 May"), '
    'not by "{words}"; these are courses of any start.'
)


@dataclass(frozen=True)
class Found:
    """The offers one search found, in the order shown, how they are ordered, and whether the
    ranking stopped at :data:`RANKED` (the count is then "100+")."""

    rows: Rows
    order: str
    capped: bool = False
    near: bool = False  # a place was asked: distances are shown


def _cost(offer: Offer) -> str:
    """What the offer costs; for one free for some only, whom, then the price for the others."""
    who = free_only_for(offer)
    if who and offer.cost_eur:
        return FREE_ONLY_FOR.format(who=who, price=euros(offer.cost_eur))
    return cost_words(offer.cost_eur, offer.funding)


def offer_line(offer: Offer, partner: Partner, km: float | None, near: bool = False) -> str:
    """One offer as staff read it: id, title, who and where, how far (``near``: a place was
    asked; an online course has no distance, and says "online"), then mode, cost, dates, seats."""
    start, end = (day.isoformat() if day else None for day in (offer.start_date, offer.end_date))
    facts = [MODE_WORDS.get(offer.mode, offer.mode), _cost(offer), dates_words(start, end)]
    if offer.seats is not None:
        facts.append(f"{offer.seats} seats")
    where = f" ({distance_words(km)})" if km is not None else ""
    if near and offer.mode == "online":
        where = f" ({staff_texts.ONLINE})"
    return staff_texts.STAFF_OFFER_LINE.format(offer_id=offer.offer_id, title=offer.title, partner=partner.name,
                                         city=offer.city or partner.city, km=where, facts=" · ".join(facts))  # fmt: skip


def _by_skill(search: Search, place: Place | None, km: float) -> Found:
    """Offers teaching a skill the words name (each skill whose label holds them, and the one
    recognition reads) or whose title or description holds the words; near a place, only those
    within ``km`` and the online ones, nearest first."""
    engine = services.engine()
    keep = OfferFilter(search.modes, search.free)
    named = skills_with_words(engine.taxonomy, search.query)
    ranked = engine.for_need([search.query, *named], 1, place, max_distance_km=km if place else None,
                             modes=search.modes, top=RANKED).recommendations  # fmt: skip
    rows = [(r.offer, r.partner, None if r.offer.mode == "online" else r.distance_km) for r in ranked]
    seen = {offer.offer_id for offer, _, _ in rows}
    point = place.point if place else None
    rows += [row for row in offers_with_words(engine.catalog, search.query, point, km, keep, staff_common.today())
             if row[0].offer_id not in seen]  # fmt: skip
    rows = [row for row in rows if keep.keeps(row[0]) and (row[2] is None or place is None or row[2] <= km)]
    if place is None:
        return Found(rows, "best first", capped=len(ranked) >= RANKED)
    return Found(nearest_first(rows), "nearest first", capped=len(ranked) >= RANKED, near=True)


def _found(search: Search, place: Place | None, km: float) -> Found:
    """Every offer a skill or list search finds (a skill search: the best :data:`RANKED` by
    skill, and those named by the words)."""
    if search.kind == "skill":
        return _by_skill(search, place, km)
    keep = OfferFilter(search.modes, search.free)
    return Found(offers_near(services.engine().catalog, place.point if place else None, km, keep=keep),
                 "nearest first" if place else "by title", near=place is not None)  # fmt: skip


def found_offers(search: Search, place: Place | None, km: float) -> Found:
    """:func:`_found`, only the courses starting when asked (a start that was not read narrows
    nothing), cheapest first when asked."""
    found = _found(search, place, km)
    rows = found.rows
    if search.starts is not None:
        rows = [row for row in rows if search.starts.keeps(row[0].start_date)]
    if search.cheapest:
        return Found(cheapest_first(rows, found.near), CHEAPEST_FIRST, found.capped, found.near)
    return Found(rows, found.order, found.capped, found.near)


def _what(search: Search, where: str, found: Found) -> str:
    """ "Courses for "welding", online, free, starting in March, within 25 km of Graz"; a free
    search says how many are free for some only."""
    parts = [f'Courses for "{search.query}"' if search.query else "Courses"]
    parts += [MODE_WORDS[mode] for mode in sorted(search.modes)]
    if search.free:
        some = [who for offer, _, _ in found.rows if (who := free_only_for(offer))]
        parts.append(SOME_FREE_ONLY_FOR.format(count=len(some), who=some[0]) if len(set(some)) == 1 else "free")
    if search.starts is not None and search.starts.read:
        parts.append(STARTING.format(words=search.starts.words))
    return ", ".join([*parts, where] if where else parts)


def _page(found: Found, search: Search, what: str, command: str) -> str:
    """The page asked for, with its header and how to ask for the next."""
    page = page_of(found.rows, command, PAGE, search.page)
    if not page.total:
        return staff_texts.STAFF_SEARCH_NONE.format(what=what[0].lower() + what[1:])
    if not page.items:
        return page.past_words()
    total = f"{page.total}+" if found.capped else str(page.total)
    head = staff_texts.STAFF_SEARCH_HEAD.format(what=what, first=page.first, last=page.first + len(page.items) - 1,
                                          total=total, order=f", {found.order}")  # fmt: skip
    return _joined([head, *(offer_line(*row, near=found.near) for row in page.items)], page)


def _joined(lines: list[str], page: Page[Any]) -> str:
    """The lines of a page, then how to ask for the next."""
    return "\n".join([*lines, page.next_words()] if page.next_words() else lines)


def _partners(search: Search, command: str) -> str:
    """The partners named, with their offers, ten offers a page. Why: "partner academy" had
    posted one 10 KB message of 38 offers."""
    found = partners_named(services.engine().catalog, search.query, top=None)
    if not found:
        return staff_texts.STAFF_SEARCH_NONE.format(what=f'a partner named "{search.query}"')
    count = {partner.partner_id: len(offers) for partner, offers in found}
    page = page_of([(partner, offer) for partner, offers in found for offer in offers], command, PAGE, search.page)
    if not page.items:
        return page.past_words()
    lines = [staff_texts.PARTNERS.format(name=search.query, partners=number_of(len(found), "partner"),
                                         offers=number_of(page.total, "offer"), shown=page.range_words())]  # fmt: skip
    for partner, rows in itertools.groupby(page.items, key=lambda row: row[0]):
        lines.append(staff_texts.PARTNER_LINE.format(name=partner.name, city=partner.city,
                                                     offers=number_of(count[partner.partner_id], "offer")))  # fmt: skip
        lines += ["  " + offer_line(offer, partner, None) for _, offer in rows]
    return _joined(lines, page)


def search_answer(search: Search, command: str) -> str:
    """The answer to one search; first, what was read otherwise than said (a misspelt town, a
    start date not read). A town unknown, or with several close ones, is the whole answer."""
    if search.kind == "partner":
        return _partners(search, command)
    countries = load_countries()
    country = countries.code(search.place) if search.place else None
    if country:
        return _in_country(search, country, countries.names.get(country, country), command)
    guess = guessed_place(search.place) if search.place else None
    if guess is not None and guess.place is None:
        return guess.note
    place = guess.place if guess else None
    notes = [guess.note] if guess and guess.note else []
    if search.starts is not None and not search.starts.read:
        notes.append(STARTS_UNREAD.format(words=search.starts.words[:40]))
    within = search.within or Distance(LIMITS.near_km, f"{LIMITS.near_km:g} km")
    found = found_offers(search, place, within.km)
    where = staff_texts.WITHIN.format(within=within.words, place=place.name) if place else ""
    return "\n".join([*notes, _page(found, search, _what(search, where, found), command)])


def _in_country(search: Search, country: str, name: str, command: str) -> str:
    """The courses a search finds that take place in a country ("welding courses in Spain"), the
    online ones of its partners too. Why: a country named had been looked up as a town, and
    "couldn't find" it (QA13)."""
    found = found_offers(replace(search, place=""), None, LIMITS.near_km)
    rows = [row for row in found.rows if (row[0].country or row[1].country) == country]
    kept = Found(rows, found.order, found.capped)
    return _page(kept, search, _what(search, IN_COUNTRY.format(country=name), kept), command)


def is_subject(words: str) -> bool:
    """True when the words after "in" are what to learn, not where: no country or town, and a
    skill's label or a course's words hold them ("courses in welding", "in data analysis")."""
    if known_place(words):
        return False
    engine = services.engine()
    return bool(skills_with_words(engine.taxonomy, words) or offers_with_words(engine.catalog, words))


class ActionStaffSearch(Action):
    def name(self) -> str:
        return names.ACTION_STAFF_SEARCH

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = command_text(tracker)
        search = parse_search(text, is_subject, staff_common.today())
        if search is None:
            dispatcher.utter_message(text=staff_texts.STAFF_SEARCH_HOW)
            return []
        answer = search_answer(search, text)
        logger.info("staff %s searched by %s", tracker.sender_id, search.kind)
        dispatcher.utter_message(text=answer)
        return []
