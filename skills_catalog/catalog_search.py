"""Catalogue look-ups: offers near a town and partners by name for cluster staff, the languages
taught near a worker.

Staff ask "offers in Graz" or "partner Mur Valley" to check what the catalogue holds before
calling a firm; skills go through :meth:`~skills_catalog.engine.Engine.for_need`. A worker is
offered the languages courses near them are taught in. Pure functions of a
:class:`~skills_catalog.models.Catalog`, so they see the catalogue in use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from skills_catalog.models import Catalog, GeoPoint, Offer, Partner, Taxonomy
from skills_catalog.places import distance_km
from skills_catalog.text import normalise, stems


@dataclass(frozen=True)
class SearchLimits:
    """How much one search answers; a chat message should stay readable."""

    near_km: float = 25.0  # "offers in Graz": within this distance of the town
    languages_km: float = 150.0  # the languages offered to a worker: of courses this near, or online
    offers: int = 10
    partners: int = 5


LIMITS = SearchLimits()


@dataclass(frozen=True)
class OfferFilter:
    """What staff narrow a search to: ways of learning, free courses. Why: "welding online",
    "free welding" had listed every welding course, in person and paid, in silence."""

    modes: frozenset[str] = frozenset()
    free: bool = False

    def keeps(self, offer: Offer) -> bool:
        """True when ``offer`` is one the search asks for."""
        return (not self.modes or offer.mode in self.modes) and (not self.free or is_free(offer))


ANY_OFFER = OfferFilter()


def is_free(offer: Offer) -> bool:
    """Free to the learner: no cost, or a funding that says so ("free for employees of member
    firms": see :func:`free_only_for`)."""
    return offer.cost_eur == 0 or offer.funding.lower().startswith("free")


def free_only_for(offer: Offer) -> str:
    """Whom a priced offer is free for, when its funding says it is free for some only ("for
    employees of member firms"); "" for an offer free to all or not free. Why: "free welding
    courses" listed €1,990 courses free only for member firms' staff, with no caveat (QA13)."""
    funding = offer.funding.strip()
    if not offer.cost_eur or not re.match(r"free\s+for\s+\S", funding, re.I):
        return ""
    return funding[len("free") :].strip()


def cheapest_first(found: OfferRows, near: bool = False) -> OfferRows:
    """``found`` by price, those without one last, then nearest, then by title; ``near`` (a
    place was asked): those in reach before the online ones, as in a list nearest first. Why:
    "cheapest welding course near Kapfenberg" had been ordered by distance (QA13)."""
    return sorted(found, key=lambda row: (near and row[2] is None, row[0].cost_eur is None, row[0].cost_eur or 0.0,
                                          row[2] is None, row[2] or 0.0, row[0].title.lower()))  # fmt: skip


OfferRows = list[tuple[Offer, Partner, float | None]]  # (offer, partner, km; None online or with no place)


def offers_near(
    catalog: Catalog, point: GeoPoint | None, max_km: float = LIMITS.near_km, keep: OfferFilter = ANY_OFFER
) -> OfferRows:
    """Offers ``keep`` keeps taking place within ``max_km`` of ``point``, nearest first, the
    online ones of partners there last (they have no distance); every one of them, by title,
    when ``point`` is None ("blended courses"). Why no distance online: an online course of a
    Graz partner was listed "(under 1 km)"."""
    found: OfferRows = []
    for offer in catalog.offers.values():
        km = distance_km(point, offer.point) if point is not None else None
        if keep.keeps(offer) and (km is None or km <= max_km):
            found.append((offer, catalog.partners[offer.partner_id], None if offer.mode == "online" else km))
    return nearest_first(found)


def nearest_first(found: OfferRows) -> OfferRows:
    """``found`` nearest first, those without a distance (online) last, each by title."""
    return sorted(found, key=lambda row: (row[2] is None, row[2] or 0.0, row[0].title.lower()))


def word_stems(text: str) -> frozenset[str]:
    """The stems of the content words of ``text``: "welding courses" -> {"weld", "course"}."""
    return frozenset(stems(text))


def skills_with_words(taxonomy: Taxonomy, words: str) -> tuple[str, ...]:
    """URIs of every skill whose label or alternative label holds each word of ``words`` (any
    inflection: "welding" finds "perform tungsten inert gas welding", "weld metal parts").

    Why: a one-word search ("welding") was read as the one skill recognition likes best
    ("operate welding equipment"), and four TIG welding courses were left out (QA Matrix M8).
    """
    wanted = word_stems(words)
    if not wanted:
        return ()
    return tuple(uri for uri, labels in _label_stems(taxonomy) if any(wanted <= label for label in labels))


T = TypeVar("T")


class _KeptFor(Generic[T]):
    """What was built for the one object in use (a taxonomy, a catalogue), built again when
    another comes in. Why by identity: both are frozen dataclasses holding dicts (unhashable),
    and a reloaded catalogue is a new object."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self._build = build
        self._kept: tuple[object, T] | None = None

    def __call__(self, owner: object) -> T:
        kept = self._kept
        if kept is None or kept[0] is not owner:
            kept = self._kept = (owner, self._build(owner))
        return kept[1]


#: (URI, stems of each label) of every skill: stemming the ~100k labels of ESCO took half a
#: second a search
_label_stems: _KeptFor[list[tuple[str, tuple[frozenset[str], ...]]]] = _KeptFor(
    lambda taxonomy: [
        (s.uri, tuple(word_stems(label) for label in (s.label, *s.alt_labels)))
        for s in taxonomy.skills.values()
    ]
)
#: offer id -> stems of its title and description: a search stemmed every offer's text again
_offer_stems: _KeptFor[dict[str, frozenset[str]]] = _KeptFor(
    lambda catalog: {oid: word_stems(f"{o.title} {o.description}") for oid, o in catalog.offers.items()}
)


def offers_with_words(
    catalog: Catalog, words: str, point: GeoPoint | None = None, max_km: float | None = None,
    keep: OfferFilter = ANY_OFFER, today: date | None = None,
) -> OfferRows:
    """Offers ``keep`` keeps whose title or description holds each word of ``words`` (any
    inflection), not ended before ``today``, within ``max_km`` of ``point`` unless online; by
    title. Why: a course is found by what it is called, whichever skills it was mapped to."""
    wanted = word_stems(words)
    texts = _offer_stems(catalog) if wanted else {}
    found: OfferRows = []
    for offer in catalog.offers.values():
        if not wanted or not keep.keeps(offer) or not wanted <= texts[offer.offer_id]:
            continue
        if today is not None and offer.end_date is not None and offer.end_date < today:
            continue
        km = None if point is None or offer.mode == "online" else distance_km(point, offer.point)
        if km is None or max_km is None or km <= max_km:
            found.append((offer, catalog.partners[offer.partner_id], km))
    return sorted(found, key=lambda row: row[0].title.lower())


def partners_named(
    catalog: Catalog, name: str, top: int | None = LIMITS.partners
) -> list[tuple[Partner, list[Offer]]]:
    """Partners whose name or id contains ``name`` (any case, accents ignored), with their
    offers; the first ``top`` of them (None: all)."""
    wanted = normalise(name)
    if not wanted:
        return []
    matches = [
        p
        for p in catalog.partners.values()
        if wanted in normalise(p.name) or wanted == normalise(p.partner_id)
    ]
    matches.sort(key=lambda p: (not normalise(p.name).startswith(wanted), p.name.lower()))
    return [
        (
            p,
            sorted(
                (o for o in catalog.offers.values() if o.partner_id == p.partner_id), key=lambda o: o.title
            ),
        )
        for p in matches[:top]
    ]


def languages_near(
    catalog: Catalog, point: GeoPoint | None, max_km: float = LIMITS.languages_km, mode: str | None = None
) -> list[str]:
    """Language codes of the courses within ``max_km`` of ``point`` or online (all online ones
    without a point), the most taught first; with ``mode`` "online" only online ones, with
    "in_person" only those near. Why: a worker in Bilbao was offered only English and German,
    and one in Graz who learns in person was offered Spanish (online courses)."""

    def reached(offer: Offer) -> bool:
        online = offer.mode == "online"
        near = not online and point is not None and distance_km(point, offer.point) <= max_km
        return (online and mode != "in_person") or (near and mode != "online")

    return languages_taught(catalog, reached)


def languages_taught(catalog: Catalog, keep: Callable[[Offer], bool] = lambda offer: True) -> list[str]:
    """Language codes of the catalogue's courses (those ``keep`` keeps), the most taught first."""
    counts = Counter(code for offer in catalog.offers.values() if keep(offer) for code in offer.languages)
    return sorted(counts, key=lambda code: (-counts[code], code))
