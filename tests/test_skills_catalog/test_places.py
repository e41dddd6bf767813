"""Gazetteer look-ups (names, accents, qualifiers, postcodes, suggestions) and distances."""

from __future__ import annotations

import time

import pytest

from skills_catalog.errors import UnknownPlaceError
from skills_catalog.models import GeoPoint, Place
from skills_catalog.places import Gazetteer, distance_km
from skills_catalog.places_index import place_key


@pytest.fixture(scope="module")
def places() -> Gazetteer:
    """The real offline gazetteer, built once for the module (a few seconds)."""
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (GeoPoint(47.0707, 15.4395), GeoPoint(48.2082, 16.3738), 145),  # Graz - Vienna
        (GeoPoint(43.263, -2.935), GeoPoint(43.318, -1.981), 77),  # Bilbao - Donostia
        (GeoPoint(0, 0), GeoPoint(0, 180), 20015),  # half the equator
    ],
    ids=["graz-vienna", "bilbao-donostia", "antipodes"],
)
def test_distance_km(a: GeoPoint, b: GeoPoint, expected: float) -> None:
    assert distance_km(a, b) == pytest.approx(expected, rel=0.02)


def test_distance_is_symmetric_and_zero_on_same_point() -> None:
    a, b = GeoPoint(47.07, 15.44), GeoPoint(48.31, 14.29)
    assert distance_km(a, b) == pytest.approx(distance_km(b, a))
    assert distance_km(a, a) == 0


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Graz", "Graz", "AT"),
        ("graz, AT", "Graz", "AT"),
        ("Graz, Austria", "Graz", "AT"),
        ("Linz (Austria)", "Linz", "AT"),
        ("GRAZ  AT", "Graz", "AT"),
        ("Malaga", "Málaga", "ES"),
        ("Málaga", "Málaga", "ES"),
        ("Munchen", "Munich", "DE"),
        ("München", "Munich", "DE"),
        ("Munich", "Munich", "DE"),
        ("Wien", "Vienna", "AT"),
        ("Bilbo", "Bilbao", "ES"),
        ("Donostia", "Donostia / San Sebastián", "ES"),
        ("Milano", "Milan", "IT"),
        ("Łódź", "Łódź", "PL"),
        ("Frankfurt (Oder)", "Frankfurt (Oder)", "DE"),
        ("Bilbao (Bizkaia)", "Bilbao", "ES"),
        # a town told in a sentence
        ("I live in Graz", "Graz", "AT"),
        ("near Linz.", "Linz", "AT"),
        ("I'm based in Graz, Austria", "Graz", "AT"),
        ("the Linz area", "Linz", "AT"),
        ("in a village close to Leoben please", "Leoben", "AT"),
        ("I live in Bruck an der Mur", "Bruck an der Mur", "AT"),
        ("I live in a village near Leoben", "Leoben", "AT"),
        ("I live in Sankt Johann in Tirol", "Sankt Johann in Tirol", "AT"),
        # the home before a workplace, a town before its region (QA3: both gave the wrong town)
        ("I live in Graz but work in Leoben", "Graz", "AT"),
        ("I work in Leoben but I live in Graz", "Graz", "AT"),
        ("Leoben in Styria", "Leoben", "AT"),
        ("Bilbao in the Basque Country", "Bilbao", "ES"),
    ],
    ids=lambda value: str(value),
)
def test_lookup_names(places: Gazetteer, query: str, name: str, country: str) -> None:
    place = places.lookup(query)
    assert (place.name, place.country) == (name, country)


def test_a_typo_in_a_sentence_suggests_the_town(places: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        places.lookup("I live in Grazz")
    assert caught.value.suggestions[0] == "Graz, AT"


def test_ambiguous_name_gives_most_populous_unless_country_given(places: Gazetteer) -> None:
    assert places.lookup("Malaga").country == "ES"
    assert places.lookup("Malaga", country="CO").country == "CO"
    assert places.lookup("Malaga", country="Colombia").country == "CO"


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Bruck", "Bruck an der Mur", "AT"),  # was Fürstenfeldbruck, the largest, near Munich
        ("Valencia", "Valencia", "ES"),  # not the larger Venezuelan city
        ("Linz", "Linz", "AT"),  # a far larger city still beats a namesake nearer the partners
        ("Paris", "Paris", "FR"),
    ],
    ids=["bruck", "valencia", "linz", "paris"],
)
def test_ambiguous_name_prefers_the_town_near_the_partners(query: str, name: str, country: str) -> None:
    local = Gazetteer.default()
    local.prefer_near([GeoPoint(47.41, 15.27), GeoPoint(43.26, -2.93), GeoPoint(48.40, 9.99)])  # Bruck, Bilbao, Ulm
    found = local.lookup(query)
    assert (found.name, found.country) == (name, country)


@pytest.mark.parametrize(
    ("query", "country", "name"),
    [
        ("8010", None, "Graz"),
        ("8010", "AT", "Graz"),
        ("AT-8010", None, "Graz"),
        ("A-8700", None, "Leoben"),
        ("8010 Graz", None, "Graz"),
        ("48001", "ES", "Bilbao"),
        ("20121", "IT", "Milan"),
        ("70173", "DE", "Stuttgart"),
        ("8054", None, "Graz"),  # not listed: nearest known prefix 805x
        ("70599", "DE", "Stuttgart"),
    ],
    ids=[
        "at",
        "at-country",
        "at-prefix",
        "letter-prefix",
        "with-town",
        "es",
        "it",
        "de",
        "prefix",
        "de-listed",
    ],
)
def test_lookup_postcodes(places: Gazetteer, query: str, country: str | None, name: str) -> None:
    assert places.lookup(query, country).name == name


def test_unlisted_postcode_far_from_any_known_is_unknown(places: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError):
        places.lookup("99999", "DE")


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("Grazz", "Graz, AT"), ("Bilbaoo", "Bilbao, ES"), ("Stutgart", "Stuttgart, DE")],
    ids=["grazz", "bilbaoo", "stutgart"],
)
def test_unknown_place_suggests_close_names(places: Gazetteer, query: str, suggestion: str) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        places.lookup(query)
    assert caught.value.query == query
    assert caught.value.suggestions[0] == suggestion


@pytest.mark.parametrize("query", ["4", "20", "123"])
def test_a_bare_number_is_no_town(places: Gazetteer, query: str) -> None:
    # "4" at the town question became Bakhchivandzhi (RU)
    with pytest.raises(UnknownPlaceError):
        places.lookup(query)


def test_nonsense_has_no_suggestions(places: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError) as caught:
        places.lookup("Qxzqvwy")
    assert caught.value.suggestions == ()


def test_unknown_country_argument_is_unknown_place(places: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError):
        places.lookup("Graz", country="Atlantis")


def test_added_place_and_postcode_are_found() -> None:
    gazetteer = Gazetteer()  # no town index: only what is added
    village = Place("Kleinhinterdorf", "AT", GeoPoint(47.1, 15.6))
    gazetteer.add(village)
    gazetteer.add(village, postcode="8999")
    assert gazetteer.lookup("kleinhinterdorf, AT") == village
    assert gazetteer.lookup("8999") == village
    assert gazetteer.find("Kleinhinterdorf", "DE") is None


def test_added_places_do_not_leak_between_default_gazetteers(places: Gazetteer) -> None:
    places.add(Place("Testhausen Nord", "AT", GeoPoint(47, 15)))
    assert Gazetteer.default().find("Testhausen Nord") is None


def test_lookup_is_fast(places: Gazetteer) -> None:
    start = time.perf_counter()
    for _ in range(1000):
        places.lookup("Graz, AT")
        places.lookup("München")
    assert (time.perf_counter() - start) / 2000 < 0.001


@pytest.mark.parametrize(
    ("text", "key"),
    [("München", "munchen"), ("Linz (Austria)", "linz austria"), ("Łódź", "lodz"), ("Москва", "")],
    ids=["umlaut", "punctuation", "polish", "cyrillic"],
)
def test_place_key(text: str, key: str) -> None:
    assert place_key(text) == key


def test_country_codes(places: Gazetteer) -> None:
    assert (
        places.country_code("Austria")
        == places.country_code("at")
        == places.country_code("Österreich")
        == "AT"
    )
    assert places.country_code("Narnia") is None
    assert places.is_country("ES") and not places.is_country("XX")


# ---------------------------------------------------------------- near the partners (QA: suggestions from anywhere)

#: Partner towns of the demo catalogue: Styria, the Basque Country, Baden-Württemberg, Lombardy.
PARTNER_POINTS = [
    GeoPoint(47.0707, 15.4395),  # Graz
    GeoPoint(47.3765, 15.0914),  # Leoben
    GeoPoint(47.2167, 15.6167),  # Weiz
    GeoPoint(43.2630, -2.9350),  # Bilbao
    GeoPoint(48.7758, 9.1829),  # Stuttgart
    GeoPoint(49.0069, 8.4037),  # Karlsruhe
    GeoPoint(45.4643, 9.1895),  # Milan
]


@pytest.fixture(scope="module")
def cluster() -> Gazetteer:
    """The real gazetteer, preferring towns near the demo catalogue's partners."""
    gazetteer = Gazetteer.default()
    gazetteer.prefer_near(PARTNER_POINTS)
    return gazetteer


def suggestions(gazetteer: Gazetteer, query: str) -> tuple[str, ...]:
    with pytest.raises(UnknownPlaceError) as caught:
        gazetteer.lookup(query)
    return caught.value.suggestions


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Grza", "Graz, AT"),  # a swap of two letters; was Garza, AR and Gera, DE
        ("I live in Grza", "Graz, AT"),
        ("Leobn", "Leoben, AT"),  # before the larger León, ES
        ("Weitz", "Weiz, AT"),  # before Zeitz, DE
        ("Kapfenbreg", "Kapfenberg, AT"),
        ("Stuttgrat", "Stuttgart, DE"),
    ],
    ids=lambda value: str(value),
)
def test_a_typo_suggests_the_town_near_the_partners_first(cluster: Gazetteer, query: str, first: str) -> None:
    assert suggestions(cluster, query)[0] == first


@pytest.mark.parametrize("query", ["any", "closer", "yes", "Qxzqvwy"])
def test_a_word_naming_no_town_near_the_partners_gets_no_suggestion(cluster: Gazetteer, query: str) -> None:
    # "any" suggested Hanoi, VN; "closer" Closter, US
    assert suggestions(cluster, query) == ()


@pytest.mark.parametrize(("query", "far"), [("welding", "Wenling, CN"), ("Grza", "Garza, AR")])
def test_a_far_town_needs_a_very_close_spelling(cluster: Gazetteer, query: str, far: str) -> None:
    assert far not in suggestions(cluster, query)


def test_a_far_town_spelled_with_one_slip_in_ten_letters_is_suggested(cluster: Gazetteer) -> None:
    assert suggestions(cluster, "Springfeld") == ("Springfield, US",)


@pytest.mark.parametrize("query", ["May", "in May", "march"])
def test_a_month_is_no_town(places: Gazetteer, query: str) -> None:
    # "in May" at the town question was May-sur-Orne, FR
    assert places.find(query) is None
