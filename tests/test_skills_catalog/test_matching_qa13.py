"""QA13 regressions in a firm's answer: the partners listed for a need count courses as its course
list does. A drive-systems academy whose battery course has spot welding among its skills was
listed as delivering a firm's welding; a role's skills had been taught by their kinds among the
partners, never in the course list."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from skills_catalog.engine import Engine
from skills_catalog.matching import OfferIndex
from skills_catalog.models import Catalog, GeoPoint, Occupation, Offer, Profile, Skill, Taxonomy
from tests.test_skills_catalog.conftest import (
    ESCO,
    PLACES,
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_partners,
    make_taxonomy,
    s,
)
from tests.test_skills_catalog.test_qa12_matching_kinds import BATTERY, GRAZ, MAG, TIG, _offer, ids
from tests.test_skills_catalog.test_qa12_matching_kinds import _index as _welding_index
from tests.test_skills_catalog.test_qa12_matching_kinds import _taxonomy as _welding

METAL_WORKER = f"{ESCO}/occupation/test-metal-worker"
#: enough other jobs that specificity counts: each needs welding inspection, so it is generic
OTHERS = {f"{ESCO}/occupation/test-other-{i}": Occupation(
    f"{ESCO}/occupation/test-other-{i}", f"other job {i}", essential_skills=(s("inspect"),)) for i in range(30)}  # fmt: skip


def _with_roles(*offers: Offer) -> Engine:
    """The welding skills; a metal worker needing welding and welding inspection, which 30 other
    jobs need too."""
    worker = Occupation(METAL_WORKER, "metal worker", essential_skills=(s("weld"), s("inspect")))
    taxonomy = Taxonomy(_welding().skills, {METAL_WORKER: worker, **OTHERS}, source="test")
    catalog = Catalog(make_partners(), {o.offer_id: o for o in offers}, source="test")
    return Engine(taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), catalog, today=lambda: TODAY)


def partners(rows) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    return [(p.partner_id, [r.label for r in refs]) for p, refs, _ in rows]


def test_a_partner_with_one_kind_inside_a_course_on_other_things_is_no_deliverer() -> None:
    # the battery course in Graz has spot welding among its skills; the TIG course is in Leoben
    index = _welding_index(replace(BATTERY, partner_id="P1"), replace(TIG, partner_id="P4"))
    assert partners(index.partners_teaching((s("weld"),), GRAZ)) == [
        ("P4", ["perform tungsten inert gas welding (a kind of operate welding equipment)"])
    ]
    # the course list still shows the battery course, after the TIG course, saying how it teaches it
    assert ids(index.for_need((s("weld"),), 2, GRAZ)) == ["TIG", "BATTERY"]


def test_a_partner_naming_the_skill_among_other_things_still_delivers_it() -> None:
    shop = _offer("SHOP", ("weld", "batteries"), "graz")
    index = _welding_index(replace(shop, partner_id="P1"), replace(MAG, partner_id="P3"))
    assert [p for p, _ in partners(index.partners_teaching((s("weld"),), GRAZ))] == ["P1", "P3"]


def test_a_roles_skills_are_not_taught_by_their_kinds_among_the_partners_either() -> None:
    engine = _with_roles(replace(TIG, partner_id="P4"), replace(MAG, partner_id="P3"))
    # the course list for the role: the MAG course names welding, the TIG course only a kind
    assert ids(engine.for_need([METAL_WORKER], 2, GRAZ)) == ["MAG"]
    assert [p for p, _ in partners(engine.partners_teaching([METAL_WORKER], GRAZ))] == ["P3"]
    # named, welding is taught by its kinds in both
    assert ids(engine.for_need([s("weld")], 2, GRAZ)) == ["TIG", "MAG"]
    assert [p for p, _ in partners(engine.partners_teaching([s("weld")], GRAZ))] == ["P4", "P3"]


def test_a_partner_teaching_only_what_many_jobs_share_is_no_deliverer_for_a_role() -> None:
    # welding inspection, which 31 jobs need, is filler for the role: no course, no partner
    inspection = _offer("INSPECT", ("inspect", "batteries"), "graz")
    engine = _with_roles(replace(inspection, partner_id="P1"), replace(MAG, partner_id="P3"))
    assert ids(engine.for_need([METAL_WORKER], 2, GRAZ)) == ["MAG"]
    assert [p for p, _ in partners(engine.partners_teaching([METAL_WORKER], GRAZ))] == ["P3"]


# ---------------------------------------------------------------- any distance: far courses last

BILBAO, BERGAMO = GeoPoint(43.263, -2.935), GeoPoint(45.698, 9.677)  # 1,425 and 468 km from Graz


def _course(offer_id: str, point: GeoPoint, mode: str = "in_person", skills: tuple[str, ...] = ("weld",),
            **kw: Any) -> Offer:  # fmt: skip
    return Offer(offer_id, "P1", f"Course {offer_id}", tuple(s(k) for k in skills), "energy_intensive", mode,
                 ("de",), point, city=offer_id.title(), country="XX", **kw)  # fmt: skip


def _anywhere(*offers: Offer, **limits: Any) -> list[str]:
    catalog = Catalog(make_partners(), {o.offer_id: o for o in offers}, source="test")
    index = OfferIndex(catalog, make_taxonomy(), today=lambda: TODAY)
    return ids(index.recommend(Profile(wanted_skills=(s("weld"),), location=GRAZ, **limits)))


def test_with_no_distance_limit_a_course_three_times_farther_comes_after_the_same_nearer_one() -> None:
    # a free Pact course in Bilbao had come before the same course in Bergamo for €450
    bilbao = _course("BILBAO", BILBAO, cost_eur=0.0, pact_partnership="Energy Intensive Industries")
    bergamo = _course("BERGAMO", BERGAMO, cost_eur=450.0)
    assert _anywhere(bilbao, bergamo) == ["BERGAMO", "BILBAO"]


def test_a_far_in_person_course_comes_after_an_online_one_teaching_as_much() -> None:
    online = _course("ONLINE", GRAZ, mode="online", cost_eur=1500.0)
    bergamo = _course("BERGAMO", BERGAMO, cost_eur=0.0, pact_partnership="Energy Intensive Industries")
    assert _anywhere(bergamo, online) == ["ONLINE", "BERGAMO"]


def test_a_far_course_teaching_more_keeps_its_place_and_says_how_far() -> None:
    online = _course("ONLINE", GRAZ, mode="online", skills=("weld",), cost_eur=1500.0)
    more = _course("BERGAMO", BERGAMO, skills=("weld", "blueprint"), cost_eur=0.0)
    catalog = Catalog(make_partners(), {o.offer_id: o for o in (online, more)}, source="test")
    index = OfferIndex(catalog, make_taxonomy(), today=lambda: TODAY)
    found = index.recommend(
        Profile(wanted_skills=(s("weld"), s("blueprint")), location=GRAZ, location_name="Graz")
    )
    assert ids(found) == ["BERGAMO", "ONLINE"]
    assert "468 km from Graz" in found.recommendations[0].reasons


def test_a_distance_limit_is_kept_as_it_was() -> None:
    bergamo = _course("BERGAMO", BERGAMO, cost_eur=0.0)
    assert _anywhere(_course("BILBAO", BILBAO), bergamo, max_distance_km=500) == ["BERGAMO"]


# ---------------------------------------------------------------- a field asked for: its courses in full

FIELD_SKILLS = {"renewable": "renewable energy technologies", "pv": "install photovoltaic systems",
                "mount": "solar panel mounting systems", "heat": "install heat pump", "vent": "ventilation systems",
                "cool": "install refrigeration equipment", "aid": "provide first aid", "codes": "building codes"}  # fmt: skip


def _field(*offers: tuple[str, tuple[str, ...], str, str]) -> list[str]:
    """Ids answering "renewable energy" near Graz, offers as (id, skills, ecosystem, town)."""
    taxonomy = Taxonomy({s(k): Skill(s(k), label) for k, label in FIELD_SKILLS.items()}, {}, source="test")
    made = {oid: Offer(oid, "P1", f"Course {oid}", tuple(s(k) for k in skills), ecosystem, "in_person", ("de",),
                       PLACES[town].point, city=PLACES[town].name, country="AT", cost_eur=0.0)
            for oid, skills, ecosystem, town in offers}  # fmt: skip
    index = OfferIndex(Catalog(make_partners(), made, source="test"), taxonomy, today=lambda: TODAY)
    return ids(index.recommend(Profile(wanted_skills=(s("renewable"),), location=GRAZ)))


def test_a_course_of_the_field_asked_for_counts_in_full_however_few_of_its_skills_it_names() -> None:
    # the photovoltaic course names two of the field's skills, the heat pump course five, two of
    # which (first aid, building codes) most courses teaching them are not of the field
    heat = ("HEAT", ("heat", "vent", "cool", "aid", "codes"), "renewable_energy", "leoben")
    aid = [(f"AID{i}", ("aid", "codes"), "construction", "graz") for i in range(3)]
    assert _field(("PV", ("pv", "mount"), "renewable_energy", "graz"), heat, *aid) == ["PV", "HEAT"]
