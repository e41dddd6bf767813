"""Catalogue search by words: every skill a word names, courses by their title, distances only
for courses held somewhere (QA Matrix M8 and lows)."""

from __future__ import annotations

from dataclasses import replace

from skills_catalog.catalog_search import offers_near, offers_with_words, skills_with_words
from skills_catalog.models import Catalog, GeoPoint, Skill, Taxonomy
from tests.test_skills_catalog.conftest import TODAY, s

GRAZ = GeoPoint(47.0707, 15.4395)
VIENNA = GeoPoint(48.2082, 16.3738)


def test_a_word_names_every_skill_whose_label_holds_it(taxonomy: Taxonomy) -> None:
    # "welding" had been read as the one skill recognition liked best
    taxonomy.skills[s("tig")] = Skill(s("tig"), "perform tungsten inert gas welding")
    assert set(skills_with_words(taxonomy, "welding")) == {
        s("weld"),
        s("tig"),
    }  # "weld metal parts" by its alt label
    assert skills_with_words(taxonomy, "PLC programming") == (s("plc"),)  # every word, in any order
    assert skills_with_words(taxonomy, "the") == ()


def test_courses_are_found_by_the_words_of_their_title_or_description(catalog: Catalog) -> None:
    described = replace(catalog.offers["O4"], description="Includes a welding safety module.")
    catalog = replace(catalog, offers={**catalog.offers, "O4": described})
    found = [offer.offer_id for offer, _, _ in offers_with_words(catalog, "welding", today=TODAY)]
    assert found == ["O1", "O4"]  # "Old welding course" ended before TODAY


def test_courses_by_words_keep_to_a_distance_except_online(catalog: Catalog) -> None:
    online = replace(catalog.offers["O3"], title="Welding theory online")
    catalog = replace(catalog, offers={**catalog.offers, "O3": online})
    found = offers_with_words(catalog, "welding", VIENNA, 25, today=TODAY)
    assert [(offer.offer_id, km) for offer, _, km in found] == [("O3", None)]


def test_online_courses_near_a_town_have_no_distance_and_come_last(catalog: Catalog) -> None:
    # "offers in Graz" had listed an online course "(under 1 km)"
    found = offers_near(catalog, VIENNA, max_km=25)
    assert found and all(km is None for offer, _, km in found if offer.mode == "online")
    near = offers_near(catalog, GRAZ, max_km=200)
    kms = [km for _, _, km in near]
    assert None in kms and kms.index(None) == len([km for km in kms if km is not None])
