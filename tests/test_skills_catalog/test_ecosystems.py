"""Which industrial ecosystems a firm's own words for its sector name."""

from __future__ import annotations

import pytest

from skills_catalog.ecosystems import _PHRASES, SECTOR_WORDS, ecosystems_named
from skills_catalog.models import ECOSYSTEMS

MOBILITY = "mobility_transport_automotive"
MAKING = ("aerospace_defence", "electronics", "energy_intensive", MOBILITY, "textiles")  # the makers of goods


@pytest.mark.parametrize(
    ("text", "expected"),
    [("we do metalworking, mostly for the car industry", ("energy_intensive", MOBILITY)),
     ("Automotive", (MOBILITY,)), ("we build houses", ("construction",)),
     ("a construction company", ("construction",)), ("software development", ("digital",)),
     ("we're an IT consultancy", ("digital",)), ("solar panels and heat pumps", ("renewable_energy",)),
     ("a hotel and restaurant", ("tourism",)), ("we make shoes", ("textiles",)),
     ("a bakery", ("agri_food",)), ("we run care homes", ("health",)),
     ("chemical plant", ("energy_intensive",)), ("logistics and warehousing", (MOBILITY,)),
     ("food retail", ("agri_food", "retail"))],
    ids=["metal-and-cars", "title-word", "verb-and-plural", "construction", "software", "IT-capitals",
         "phrase-heat-pump", "hotel-restaurant", "shoes", "bakery", "care-homes", "chemical", "logistics",
         "two-named"],
)  # fmt: skip
def test_a_firms_words_name_its_ecosystems_in_order(text: str, expected: tuple[str, ...]) -> None:
    assert ecosystems_named(text) == expected


def test_manufacturing_in_general_names_every_ecosystem_that_makes_goods() -> None:
    # "manufacturing" named none, and the firm got "please pick one of the 14" with no hint
    makers = ("aerospace_defence", "electronics", "energy_intensive", MOBILITY, "textiles")
    assert ecosystems_named("manufacturing") == makers
    assert ecosystems_named("a factory making car parts") == (MOBILITY,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("agri-food", ("agri_food",)), ("Agrifood", ("agri_food",)), ("energy intensive", ("energy_intensive",)),
     ("Energy-Intensive industries", ("energy_intensive",)), ("e-commerce", ("retail",)),
     ("chemicals", ("energy_intensive",)), ("pharmaceuticals", ("health",)), ("breweries", ("agri_food",)),
     ("café", ("tourism",)), ("défense", ("aerospace_defence",)), ("we sell EVs", (MOBILITY,)),
     ("PV installer", ("renewable_energy",))],
    ids=["hyphen", "joined", "space", "hyphen-capitals", "stopword-in-phrase", "plural-of-ical",
         "plural-of-ical-2", "ies-plural", "accent", "accent-2", "acronym-plural", "acronym"],
)  # fmt: skip
def test_hyphens_plurals_accents_and_acronyms_meet(text: str, expected: tuple[str, ...]) -> None:
    assert ecosystems_named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("wind farms", ("renewable_energy",)), ("renewable energy", ("renewable_energy",)),
     ("repair shop", ("proximity_social_economy",)), ("fish and chips", ("tourism",)),
     ("we're a machine shop", MAKING[:4]), ("coffee shop", ("tourism",)), ("body shop", (MOBILITY,)),
     ("auto repair shop", (MOBILITY,)), ("print shop", ("cultural_creative",))],
    ids=["not-farming", "not-energy-intensive", "not-retail", "not-electronics", "machine-shop-not-retail",
         "coffee-shop", "body-shop", "auto-repair-shop", "print-shop"],
)  # fmt: skip
def test_a_phrase_wins_over_its_words(text: str, expected: tuple[str, ...]) -> None:
    assert ecosystems_named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("energy", ("energy_intensive", "renewable_energy")), ("solar energy", ("renewable_energy",)),
     ("the steel and energy sector", ("energy_intensive",))],
    ids=["alone-both", "solar", "steel"],
)  # fmt: skip
def test_energy_is_ambiguous_unless_the_text_says_which(text: str, expected: tuple[str, ...]) -> None:
    assert ecosystems_named(text) == expected


@pytest.mark.parametrize(
    "text",
    ["it depends", "hello", "", "It is what it is", "the choice is mine", "a credit card", "caring for my mum",
     "we build on what works", "ai", "ev", "I'm not sure"],
    ids=["it-pronoun", "hello", "empty", "It-capitalised", "mine-pronoun", "card-not-car", "caring-not-car",
         "build-verb", "ai-lower", "ev-lower", "unsure"],
)  # fmt: skip
def test_words_that_name_no_sector_name_nothing(text: str) -> None:
    assert ecosystems_named(text) == ()


def test_every_ecosystem_has_words_and_no_other_key_does() -> None:
    assert set(SECTOR_WORDS) == ECOSYSTEMS
    assert all(SECTOR_WORDS.values())


def test_no_ecosystem_lists_two_forms_of_one_word() -> None:
    assert all(len(set(named)) == len(named) for named in _PHRASES.values())
