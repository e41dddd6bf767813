"""Catalogue look-ups: offers near a town and partners by name for staff, languages near a worker."""

from __future__ import annotations

from skills_catalog.catalog_search import OfferFilter, is_free, languages_near, offers_near, partners_named
from skills_catalog.models import Catalog, GeoPoint

GRAZ = GeoPoint(47.0707, 15.4395)


def test_offers_near_are_within_reach_and_nearest_first(catalog: Catalog) -> None:
    found = offers_near(catalog, GRAZ, max_km=25)
    kms = [km or 0.0 for _, _, km in found]
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


def test_languages_near_are_those_taught_near_or_online_most_taught_first(catalog: Catalog) -> None:
    near = languages_near(catalog, GRAZ)
    assert near[0] == "de" and "en" in near  # German courses in Graz; English online
    far = languages_near(catalog, GeoPoint(89.9, 0.0))
    assert far == languages_near(catalog, None) and "de" not in far[:1]  # online ones only


def test_languages_near_follow_the_way_of_learning(catalog: Catalog) -> None:
    # QA5 N12: a worker in Graz who learns in person was offered Spanish, taught online only
    assert "en" not in languages_near(catalog, GeoPoint(89.9, 0.0), mode="in_person")
    assert languages_near(catalog, GRAZ, mode="online") == languages_near(catalog, None)


def test_offers_near_keep_only_what_the_filter_asks_for(catalog: Catalog) -> None:
    # QA8 M1: "welding online", "free welding", "blended courses" ignored the filter
    online = offers_near(catalog, None, keep=OfferFilter(modes=frozenset({"online"})))
    assert online and all(offer.mode == "online" and km is None for offer, _, km in online)
    free = offers_near(catalog, GRAZ, keep=OfferFilter(free=True))
    assert free and all(is_free(offer) for offer, _, _ in free)


def test_free_is_no_cost_or_a_funding_that_says_free(catalog: Catalog) -> None:
    from dataclasses import replace

    paid = catalog.offers["O2"]
    assert not is_free(paid) and is_free(replace(paid, funding="free for employees of member firms"))
