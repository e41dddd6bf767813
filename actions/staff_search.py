"""Staff: search the catalogue by skill ("search catalogue welding"), town or partner."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.staff_common import command_text, listed, staff_only
from actions.staff_parsing import Search, parse_search
from skills_catalog.catalog_search import offers_near, partners_named
from skills_catalog.errors import UnknownPlaceError
from skills_catalog.explain import distance_words

logger = logging.getLogger(__name__)
TOP = 10


def _offer_line(offer_id: str, title: str, partner: str, city: str, km: float | None) -> str:
    where = f" ({distance_words(km)})" if km is not None else ""
    return texts.STAFF_OFFER_LINE.format(offer_id=offer_id, title=title, partner=partner, city=city, km=where)


def search_lines(search: Search) -> list[str]:
    """The answer to one search, a line per offer or partner.

    Raises:
        UnknownPlaceError: the town of an "offers in …" search is not in the gazetteer.
    """
    engine = services.engine()
    if search.kind == "partner":
        return [
            texts.STAFF_PARTNER_LINE.format(name=p.name, city=p.city,
                                            offers="; ".join(f"{o.offer_id} {o.title}" for o in offers) or "—")
            for p, offers in partners_named(engine.catalog, search.query)
        ]  # fmt: skip
    if search.kind == "town":
        place = engine.place(search.query)
        return [_offer_line(o.offer_id, o.title, p.name, o.city or p.city, km)
                for o, p, km in offers_near(engine.catalog, place.point, top=TOP)]  # fmt: skip
    found = engine.for_need([search.query], 1, top=TOP)
    return [
        _offer_line(r.offer.offer_id, r.offer.title, r.partner.name, r.offer.city or r.partner.city, None)
        for r in found.recommendations
    ]


class ActionStaffSearch(Action):
    def name(self) -> str:
        return names.ACTION_STAFF_SEARCH

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        search = parse_search(command_text(tracker))
        if search is None:
            dispatcher.utter_message(text=texts.STAFF_SEARCH_HOW)
            return []
        try:
            lines = search_lines(search)
        except UnknownPlaceError as error:
            dispatcher.utter_message(text=texts.PLACE_UNKNOWN.format(query=error.query[:80]))
            return []
        logger.info("staff %s searched by %s: %d results", tracker.sender_id, search.kind, len(lines))
        dispatcher.utter_message(text=listed(lines) if lines else texts.STAFF_SEARCH_NONE)
        return []
