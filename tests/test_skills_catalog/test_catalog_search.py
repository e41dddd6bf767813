"""Catalogue look-ups for staff: offers near a town, partners by name."""

from __future__ import annotations

from skills_catalog.catalog_search import offers_near, partners_named
from skills_catalog.models import Catalog, GeoPoint

GRAZ = GeoPoint(47.0707, 15.4395)


def test_offers_near_are_within_reach_and_nearest_first(catalog: Catalog) -> None:
    found = offers_near(catalog, GRAZ, max_km=25)
    kms = [km for _, _, km in found]
    assert found and kms == sorted(kms) and max(kms) <= 25


def test_nothing_near_the_north_pole(catalog: Catalog) -> None:
    assert offers_near(catalog, GeoPoint(89.9, 0.0)) == []


def test_partner_by_part_of_its_name_any_case(catalog: Catalog) -> None:
    partner = next(iter(catalog.partners.values()))
    word = partner.name.split()[0].upper()
    found = partners_named(catalog, word)
    assert partner in [p for p, _ in found]
    offers = dict((p.partner_id, o) for p, o in found)[partner.partner_id]
    assert all(o.partner_id == partner.partner_id for o in offers)


def test_empty_name_finds_nothing(catalog: Catalog) -> None:
    assert partners_named(catalog, "  ") == []
