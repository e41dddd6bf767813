"""Catalogue look-ups for cluster staff: offers near a town, partners by name.

Staff ask "offers in Graz" or "partner Mur Valley" to check what the catalogue holds before
calling a firm; skills go through :meth:`~skills_catalog.engine.Engine.for_need`. Pure
functions of a :class:`~skills_catalog.models.Catalog`, so they see the catalogue in use.
"""

from __future__ import annotations

from dataclasses import dataclass

from skills_catalog.models import Catalog, GeoPoint, Offer, Partner
from skills_catalog.places import distance_km
from skills_catalog.text import normalise


@dataclass(frozen=True)
class SearchLimits:
    """How much one search answers; a chat message should stay readable."""

    near_km: float = 25.0  # "offers in Graz": within this distance of the town
    offers: int = 10
    partners: int = 5


LIMITS = SearchLimits()


def offers_near(
    catalog: Catalog, point: GeoPoint, max_km: float = LIMITS.near_km, top: int = LIMITS.offers
) -> list[tuple[Offer, Partner, float]]:
    """Offers taking place within ``max_km`` of ``point``: (offer, partner, km), nearest first."""
    found = []
    for offer in catalog.offers.values():
        km = distance_km(point, offer.point)
        if km <= max_km:
            found.append((offer, catalog.partners[offer.partner_id], km))
    found.sort(key=lambda row: (row[2], row[0].title.lower()))
    return found[:top]


def partners_named(
    catalog: Catalog, name: str, top: int = LIMITS.partners
) -> list[tuple[Partner, list[Offer]]]:
    """Partners whose name or id contains ``name`` (any case, accents ignored), with their offers."""
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
