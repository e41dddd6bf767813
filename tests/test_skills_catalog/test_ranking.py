"""Ranking arithmetic: how distance counts without a limit, and which offers are relevant at all."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from skills_catalog.matching import DEFAULT_WEIGHTS, OfferIndex
from skills_catalog.models import Catalog, GeoPoint, Offer, Partner, Profile, Taxonomy
from skills_catalog.ranking import proximity
from tests.test_skills_catalog.conftest import PLACES, TODAY, make_catalog, make_taxonomy, o, s

KARLSRUHE = GeoPoint(49.0069, 8.4037)
LEOBEN = PLACES["leoben"].point
TOWNS = {
    "Graz": PLACES["graz"].point,  # 565 km from Karlsruhe
    "Reutlingen": GeoPoint(48.4914, 9.2043),  # 82 km from Karlsruhe, 455 km from Leoben
    "Pforzheim": GeoPoint(48.8922, 8.6946),  # 25 km from Karlsruhe
    "Stuttgart": GeoPoint(48.7758, 9.1829),  # 466 km from Leoben
    "Eibar": GeoPoint(43.1843, -2.4716),  # 1,447 km from Leoben
}


def _catalog(*offers: tuple[str, tuple[str, ...], dict]) -> Catalog:
    """One partner and one in-person offer per town: (town, skill keys, offer fields)."""
    partners, made = {}, {}
    for town, skills, extra in offers:
        member = extra.pop("member", False)
        partners[town] = Partner(town, f"{town} Academy", "vet_school", town, "XX", TOWNS[town],
                                 pact_for_skills_member=member)  # fmt: skip
        fields = {"cost_eur": 1500.0, **extra}
        made[town] = Offer(town, town, f"Course in {town}", tuple(s(k) for k in skills), "construction",
                           "in_person", ("de",), TOWNS[town], city=town, **fields)  # fmt: skip
    return Catalog(partners, made, source="test")


def _towns(catalog: Catalog, profile: Profile, taxonomy: Taxonomy | None = None) -> list[str]:
    index = OfferIndex(catalog, taxonomy or make_taxonomy(), today=lambda: TODAY)
    return [r.offer.offer_id for r in index.recommend(profile, top=10).recommendations]


WELDER = ("weld", "blueprint", "safety")
POLICY_BONUS = {
    "member": True,
    "pact_partnership": "Construction Skills",
    "transitions": ("green", "digital"),
}


def test_a_near_course_beats_a_far_one_with_every_bonus_when_coverage_ties() -> None:
    # Karlsruhe, "any distance": Graz (565 km) came before Reutlingen (82 km)
    catalog = _catalog(("Graz", WELDER, {**POLICY_BONUS, "cost_eur": 900.0}), ("Reutlingen", WELDER, {}))
    assert _towns(catalog, Profile(target=o("welder"), location=KARLSRUHE)) == ["Reutlingen", "Graz"]


def test_among_far_courses_the_nearer_comes_first() -> None:
    # Leoben: CNC in Eibar (1,447 km) came before the same course in Stuttgart (466 km)
    catalog = _catalog(("Eibar", WELDER, {**POLICY_BONUS, "cost_eur": 1400.0}), ("Stuttgart", WELDER, {}))
    assert _towns(catalog, Profile(target=o("welder"), location=LEOBEN)) == ["Stuttgart", "Eibar"]


def test_a_far_course_comes_first_when_it_covers_clearly_more() -> None:
    catalog = _catalog(("Graz", WELDER, {}), ("Pforzheim", ("weld",), {}))
    assert _towns(catalog, Profile(target=o("welder"), location=KARLSRUHE)) == ["Graz", "Pforzheim"]


@pytest.mark.parametrize(
    ("km", "expected"),
    [(0, 1.0), (10, 0.87), (40, 0.70), (100, 0.55), (500, 0.26), (1500, 0.05), (2000, 0.0), (8000, 0.0)],
    ids=lambda v: str(v),
)
def test_proximity_matches_the_documented_defaults(km: float, expected: float) -> None:
    near = proximity(np.array([km], dtype=np.float64), DEFAULT_WEIGHTS)[0]
    assert near == pytest.approx(expected, abs=0.005)


def test_proximity_falls_by_ratio_of_distances() -> None:
    # far from the scale, doubling the distance costs the same wherever it happens
    near, far = proximity(np.array([100.0, 200.0, 400.0, 800.0]), DEFAULT_WEIGHTS).reshape(2, 2)
    assert near[0] - near[1] == pytest.approx(far[0] - far[1], abs=0.01)


# ---------------------------------------------------------------- relevance


def _generic(*keys: str) -> Taxonomy:
    """The fixture taxonomy with ``keys`` as ESCO transversal skills."""
    taxonomy = make_taxonomy()
    skills = {**taxonomy.skills}
    for key in keys:
        skills[s(key)] = replace(skills[s(key)], reuse_level="transversal")
    return replace(taxonomy, skills=skills)


def test_an_offer_teaching_only_one_generic_skill_is_left_out() -> None:
    # a robotics goal listed heat pumps and 3D printing: "covers 1 of the 8 skills: troubleshoot"
    catalog = make_catalog()
    found = _towns(catalog, Profile(target=o("welder"), location=LEOBEN), _generic("safety"))
    assert "O1" in found and "O4" not in found  # O4 teaches workplace safety only


def test_two_generic_skills_are_relevant() -> None:
    catalog = _catalog(
        ("Graz", ("weld",), {}), ("Pforzheim", ("blueprint", "safety"), {}), ("Eibar", ("safety",), {})
    )
    wanted = tuple(s(k) for k in ("weld", "plc", "cnc", "blueprint", "safety"))
    found = _towns(catalog, Profile(wanted_skills=wanted), _generic("blueprint", "safety"))
    assert sorted(found) == ["Graz", "Pforzheim"]


def test_a_generic_skill_asked_for_alone_is_relevant() -> None:
    found = _towns(make_catalog(), Profile(wanted_skills=(s("safety"),)), _generic("safety"))
    assert found[:2] == ["O4", "O5"]


def test_a_transversal_skill_alone_is_no_closest() -> None:
    # QA11: a pastry chef's closest courses were management ones, for "manage staff" alone
    only_safety = replace(make_catalog(), offers={"O4": make_catalog().offers["O4"]})
    assert _towns(only_safety, Profile(target=o("welder")), _generic("safety")) == []
