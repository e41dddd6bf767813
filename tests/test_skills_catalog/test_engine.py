"""Engine: the one object actions and CLI use — delegation, reload safety, thread-safe reads."""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from skills_catalog.engine import Engine
from skills_catalog.errors import CatalogError, CatalogProblem, UnknownPlaceError
from skills_catalog.models import Catalog, GeoPoint, Place
from skills_catalog.settings import DEMO_CATALOG_DIR, Settings
from tests.test_skills_catalog.conftest import (
    PLACES,
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    o,
    s,
)


def _engine(taxonomy, catalog=None, loader=None) -> Engine:  # noqa: ANN001
    return Engine(
        taxonomy,
        FakeRecognizer(taxonomy),
        FakeGazetteer(),
        catalog or make_catalog(),
        today=lambda: TODAY,
        catalog_loader=loader,
    )


@pytest.fixture
def engine(taxonomy) -> Engine:  # noqa: ANN001
    return _engine(taxonomy)


def test_recognise_delegates_to_the_recognizer(engine):  # noqa: ANN001
    assert [m.uri for m in engine.recognise_skills("I do welding")] == [s("weld")]
    assert [m.uri for m in engine.recognise_occupations("a welder")] == [o("welder")]


def test_recognizer_factory_is_built_once_on_first_use(taxonomy):  # noqa: ANN001
    built = []

    def factory() -> FakeRecognizer:
        built.append(1)
        return FakeRecognizer(taxonomy)

    engine = Engine(taxonomy, factory, FakeGazetteer(), make_catalog())
    assert built == []
    engine.recognise_skills("welding")
    engine.recognise_skills("PLC programming")
    assert built == [1]


def test_profile_json_to_recommendations(engine):  # noqa: ANN001
    profile, unrecognised = engine.profile_from_json(
        {"target": "mechatronics technician", "skills": ["juggling"], "location": "Graz, AT"}
    )
    found = engine.recommend(profile, top=2, unrecognised=unrecognised)
    assert [r.offer.offer_id for r in found.recommendations] == ["O8", "O1"]
    assert found.unrecognised == ("juggling",)
    assert found.recommendations[0].reasons[1:3] == ("prepares for mechatronics technician", "43 km from Graz")


def test_recommend_pages_with_offset(engine):  # noqa: ANN001
    profile, _ = engine.profile_from_json({"target": "mechatronics technician"})
    first, second = engine.recommend(profile, top=2), engine.recommend(profile, top=2, offset=2)
    assert not {r.offer.offer_id for r in first.recommendations} & {
        r.offer.offer_id for r in second.recommendations
    }


def test_for_need_takes_free_text_and_place_names(engine):  # noqa: ANN001
    found = engine.for_need(["welding", "juggling"], people=3, location="Graz, AT")
    assert [r.uri for r in found.gap] == [s("weld")] and found.unrecognised == ("juggling",)
    assert found.recommendations[0].reasons[1] == "under 1 km from Graz"


def test_for_need_matches_a_role_through_its_essential_skills(engine):  # noqa: ANN001
    found = engine.for_need([o("welder")], people=2, location="Graz, AT")
    assert [r.uri for r in found.gap] == [s("weld"), s("blueprint"), s("safety")]  # not the optional CNC
    assert found.recommendations and found.unrecognised == ()
    by_skill = engine.for_need([s("weld"), s("blueprint"), s("safety")], people=2, location="Graz, AT")
    assert [r.offer.offer_id for r in found.recommendations] == [
        r.offer.offer_id for r in by_skill.recommendations
    ]


def test_for_need_joins_a_role_and_skills_without_repeats(engine):  # noqa: ANN001
    found = engine.for_need(["welding", o("solar")], people=1)
    assert [r.uri for r in found.gap] == [s("weld"), s("solar"), s("safety"), s("blueprint")]


def test_for_need_puts_the_skills_named_before_a_role_s_others(engine):  # noqa: ANN001
    # "TIG welders" had MAG and MIG courses first, for the welder's other essential skills they teach
    found = engine.for_need(["PLC programming", o("welder")], people=1, top=10)
    assert [r.offer.offer_id for r in found.recommendations] == ["O8", "O3", "O2", "O1"]  # PLC before welding
    assert found.recommendations[0].reasons[0].startswith("covers 3 of the 4 skills you need")
    as_equals = engine.for_need([s("plc"), s("weld"), s("blueprint"), s("safety")], people=1, top=10)
    assert [r.offer.offer_id for r in as_equals.recommendations][:2] == ["O8", "O1"]  # the role's skills named


def test_partners_teaching_a_role(engine):  # noqa: ANN001
    assert engine.partners_teaching([o("welder")]) and engine.partners_teaching([o("welder")]) == (
        engine.partners_teaching([s("weld"), s("blueprint"), s("safety")])
    )


def test_essential_skills_of_a_role_and_of_anything_else(engine):  # noqa: ANN001
    assert engine.essential_skills(o("analyst")) == (s("python"), s("data"))
    assert engine.essential_skills(s("weld")) == () and engine.essential_skills("welder") == ()


def test_for_need_unknown_place_raises(engine):  # noqa: ANN001
    with pytest.raises(UnknownPlaceError):
        engine.for_need(["welding"], people=3, location="Atlantis")


def test_partners_teaching_with_coordinates(engine):  # noqa: ANN001
    rows = engine.partners_teaching(["welding"], GeoPoint(47.0707, 15.4395))
    assert [(p.partner_id, km) for p, _, km in rows] == [("P1", 0.0), ("P4", 43.0)]


def test_offer_details_and_unknown_offer(engine):  # noqa: ANN001
    offer, partner = engine.offer("O1")
    assert (offer.title, partner.name) == ("Welding of steel structures", "Mur Valley Technical Academy")
    with pytest.raises(KeyError, match="no offer 'nope'"):
        engine.offer("nope")


def test_in_demand_occupations(engine):  # noqa: ANN001
    assert engine.in_demand_occupations(1)[0][0].uri == o("mechatronics")


def test_place_accepts_country_suffix(engine):  # noqa: ANN001
    assert engine.place("Linz, AT") == PLACES["linz"]


def test_reload_swaps_catalogue(taxonomy):  # noqa: ANN001
    smaller = Catalog(make_catalog().partners, {"O4": make_catalog().offers["O4"]}, source="new")
    engine = _engine(taxonomy, loader=lambda path, tax, gaz: smaller)
    assert engine.reload_catalog(Path("new")) is smaller
    assert engine.catalog is smaller and list(engine.index.catalog.offers) == ["O4"]


def test_refused_catalogue_leaves_state_unchanged(taxonomy):  # noqa: ANN001
    def refuse(path, tax, gaz):  # noqa: ANN001, ANN202
        raise CatalogError([CatalogProblem("offers.csv", 3, "mode", "unknown mode 'x'")])

    engine = _engine(taxonomy, loader=refuse)
    before = (engine.catalog, engine.index)
    with pytest.raises(CatalogError):
        engine.reload_catalog(Path("bad"))
    assert (engine.catalog, engine.index) == before


def test_reads_during_reload_see_a_whole_catalogue(taxonomy):  # noqa: ANN001
    full = make_catalog()
    small = replace(full, offers={"O1": full.offers["O1"]})
    catalogs = iter([small, full] * 20)
    engine = _engine(taxonomy, loader=lambda path, tax, gaz: next(catalogs))
    profile, _ = engine.profile_from_json({"wanted_skills": ["welding"]})
    seen, errors = set(), []

    def read() -> None:
        for _ in range(200):
            try:
                seen.add(tuple(r.offer.offer_id for r in engine.recommend(profile, top=5).recommendations))
            except Exception as error:  # noqa: BLE001
                errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    for _ in range(40):
        engine.reload_catalog(Path("x"))
    for thread in readers:
        thread.join()
    assert errors == [] and seen <= {("O1",), ("O1", "O8")}


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("skills_catalog.catalog") is None
    or not (DEMO_CATALOG_DIR / "offers.csv").is_file(),
    reason="catalogue loader or demo catalogue not there yet",
)
def test_demo_data_end_to_end():
    engine = Engine.from_settings(Settings())
    profile, _ = engine.profile_from_json(
        {
            "target": "mechatronics technician",
            "location": "Graz, AT",
            "max_distance_km": 30,
            "max_cost_eur": 2000,
        }
    )
    found = engine.recommend(profile)
    assert found.gap and found.recommendations
    assert all(r.offer.mode == "online" or r.distance_km <= 30 for r in found.recommendations)
    assert engine.in_demand_occupations(3)


@pytest.mark.parametrize(
    ("place", "far"),
    [
        (Place("Springfield", "US", GeoPoint(39.80, -89.64)), True),  # was taken in silence, 5,500 km away
        (Place("Paris", "FR", GeoPoint(48.85, 2.35)), True),
        (PLACES["maribor"], False),  # 60 km from Graz
    ],
    ids=["springfield", "paris", "maribor"],
)
def test_a_place_far_from_every_partner_is_far(engine: Engine, place: Place, far: bool) -> None:
    assert engine.is_far(place) is far
