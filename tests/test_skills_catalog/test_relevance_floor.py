"""The relevance floor: offers sharing only generic skills with a goal or a role ("filler") are
no answer, a gap nothing teaches gets the closest offers with an honest reason, and a skill asked
for beside a goal outranks the goal's other skills."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from skills_catalog import explain
from skills_catalog.matching import DEFAULT_WEIGHTS, OfferIndex
from skills_catalog.models import Catalog, Occupation, Offer, Profile, Skill, Taxonomy
from skills_catalog.wants import Specificity
from tests.test_skills_catalog.conftest import PLACES, TODAY, make_catalog, make_partners, make_taxonomy, o, s

GRAZ = PLACES["graz"].point


def _with_jobs(taxonomy: Taxonomy, common: int = 20, others: int = 80) -> Taxonomy:
    """``taxonomy`` among more jobs: ``common`` of them need safety and blueprint reading, so
    those two are shared as widely as "use measurement instruments" and construction safety
    are on full ESCO (about 0.65 each, two together above the old floor of 1.0)."""
    jobs = [Occupation(f"{o('common')}{i}", f"common job {i}", essential_skills=(s("safety"), s("blueprint")))
            for i in range(common)]  # fmt: skip
    jobs += [Occupation(f"{o('other')}{i}", f"other job {i}") for i in range(others)]
    return replace(taxonomy, occupations={**taxonomy.occupations, **{job.uri: job for job in jobs}})


def _offer(
    offer_id: str, skills: tuple[str, ...], mode: str = "in_person", town: str = "graz", **kw: Any
) -> Offer:
    """An offer of the Graz partner (P1) held in ``town``, free unless said otherwise."""
    return Offer(offer_id, "P1", f"Course {offer_id}", tuple(s(k) for k in skills), "construction", mode, ("de",),
                 PLACES[town].point, city=PLACES[town].name, country="AT", **{"cost_eur": 0.0, **kw})  # fmt: skip


def _index(taxonomy: Taxonomy, *offers: Offer) -> OfferIndex:
    catalog = Catalog(make_partners(), {offer.offer_id: offer for offer in offers}, source="test")
    return OfferIndex(catalog, taxonomy, today=lambda: TODAY)


def ids(found) -> list[str]:  # noqa: ANN001
    return [r.offer.offer_id for r in found.recommendations]


FILLER = _offer("FILLER", ("safety", "blueprint"))  # drywall: construction safety and measuring
PV_ONLINE = _offer("PV", ("solar",), mode="online", town="vienna")


def test_the_filler_skills_are_shared_as_widely_as_on_full_esco() -> None:
    specificity = Specificity(_with_jobs(make_taxonomy()))
    shared = [specificity(s(key)) for key in ("safety", "blueprint")]
    assert all(0.5 < value < DEFAULT_WEIGHTS.core_specificity for value in shared)
    assert sum(shared) > DEFAULT_WEIGHTS.min_relevance  # enough for the old floor
    assert specificity.is_core(s("solar"), DEFAULT_WEIGHTS)


# ---------------------------------------------------------------- a worker's goal


def test_filler_within_the_limits_is_no_answer_when_the_goal_is_taught_outside_them() -> None:
    # QA on full ESCO: a solar technician's goal, 40 km of Graz, in person, free: drywall and
    # bricklaying courses were shown; the photovoltaic course was online
    index = _index(_with_jobs(make_taxonomy()), FILLER, PV_ONLINE)
    profile = Profile(target=o("solar"), location=GRAZ, max_distance_km=40, modes=frozenset({"in_person"}),
                      max_cost_eur=0)  # fmt: skip
    found = index.recommend(profile)
    assert found.recommendations == ()
    assert "no offer in person — 1 online" in found.relax


def test_without_limits_the_goal_course_is_listed_and_the_filler_is_not() -> None:
    index = _index(_with_jobs(make_taxonomy()), FILLER, PV_ONLINE)
    assert ids(index.recommend(Profile(target=o("solar"), location=GRAZ))) == ["PV"]


def test_filler_is_no_closest_when_nothing_teaches_the_goal() -> None:
    # QA on full ESCO: a pastry chef got warehouse, construction site and team leader courses,
    # each "the closest", for *manage staff* alone (257 of 3,000 jobs need it)
    index = _index(_with_jobs(make_taxonomy()), FILLER)
    found = index.recommend(Profile(target=o("solar"), location=GRAZ))
    assert found.recommendations == () and found.relax == (explain.NOTHING_TEACHES,)


# ---------------------------------------------------------------- a firm's role


def test_a_role_alone_lists_no_filler() -> None:
    index = _index(_with_jobs(make_taxonomy()), FILLER, PV_ONLINE)
    assert ids(index.for_need([], 2, GRAZ, roles=[o("solar")])) == ["PV"]


def test_a_role_only_filler_teaches_gets_none() -> None:
    found = _index(_with_jobs(make_taxonomy()), FILLER).for_need([], 2, GRAZ, roles=[o("solar")])
    assert found.recommendations == ()


def test_a_generic_skill_a_firm_names_is_still_taught_by_the_filler() -> None:
    index = _index(_with_jobs(make_taxonomy()), FILLER, PV_ONLINE)
    assert ids(index.for_need([s("safety")], 2, GRAZ, roles=[o("solar")]))[0] == "FILLER"


# ---------------------------------------------------------------- the closest when nothing teaches the gap


def _fixture_index(*offer_ids: str) -> OfferIndex:
    """The fixture taxonomy and only these of the fixture offers."""
    catalog = make_catalog()
    offers = {k: catalog.offers[k] for k in offer_ids}
    return OfferIndex(replace(catalog, offers=offers), make_taxonomy(), today=lambda: TODAY)


WELDER_TO_MECHATRONICS = Profile(occupation=o("welder"), target=o("mechatronics"))  # lacks PLC and CNC


def test_a_gap_nothing_teaches_gets_the_goals_field_with_an_honest_reason() -> None:
    # QA on full ESCO: a nurse aiming at specialist nursing got "no course in the catalogue teaches
    # these skills", though nursing courses were there
    found = _fixture_index("O1", "O6").recommend(WELDER_TO_MECHATRONICS)
    assert [r.uri for r in found.gap] == [s("plc"), s("cnc")]  # what she lacks, untaught
    assert ids(found) == ["O6"]  # Python: an optional skill of the goal
    assert found.recommendations[0].reasons[:2] == (
        "no course in the catalogue teaches the skills you lack for mechatronics technician yet — "
        "this one is the closest",
        "teaches related skills: Python (computer programming)",
    )


def test_a_career_changer_is_not_sent_back_to_the_old_jobs_courses() -> None:
    found = _fixture_index("O1").recommend(WELDER_TO_MECHATRONICS)  # O1 prepares for welder
    assert found.recommendations == () and found.relax == (explain.NOTHING_TEACHES,)


def test_skills_asked_for_that_nothing_teaches_get_the_own_jobs_courses_teaching_what_they_lack() -> None:
    # a nurse asking for intensive care medicine, which no course teaches: the nursing courses
    index = _index(make_taxonomy(), make_catalog().offers["O1"], _offer("CNC", ("cnc",)))
    found = index.recommend(Profile(occupation=o("welder"), wanted_skills=(s("plc"),)))
    assert ids(found) == ["CNC"]  # a welder's optional skill
    assert found.recommendations[0].reasons[:2] == (
        "no course in the catalogue teaches program PLC yet — this one is the closest",
        "teaches related skills: operate CNC machine",
    )


def test_a_course_for_the_own_job_teaching_only_what_the_person_has_is_no_closest() -> None:
    # QA on full ESCO: a welder wanting robot welding got "Reading technical drawings", whose
    # card said nothing it teaches, only "prepares for welder"; O1 names welder and teaches
    # welding and blueprints, which a welder has
    found = _fixture_index("O1").recommend(Profile(occupation=o("welder"), wanted_skills=(s("plc"),)))
    assert found.recommendations == () and found.relax == (explain.NOTHING_TEACHES,)


# ---------------------------------------------------------------- a skill asked for beside a goal


def _welders() -> Taxonomy:
    """A welder with twelve essential skills, as on full ESCO (36), and TIG welding besides."""
    keys = [f"w{i}" for i in range(12)]
    skills = {s(k): Skill(s(k), f"welding skill {k}") for k in [*keys, "tig"]}
    welder = Occupation(o("welder"), "welder", essential_skills=tuple(s(k) for k in keys))
    return Taxonomy(skills, {welder.uri: welder}, source="test")


def test_a_skill_asked_for_beside_a_goal_ranks_its_course_first() -> None:
    # QA: "tig welding" as a goal became welder + TIG, and the MAG course in town came before the
    # TIG course 44 km away: six of the welder's skills filled the coverage cap as TIG did
    named = {"occupations": (o("welder"),), "start_date": date(2027, 3, 1)}
    mag = _offer("MAG", tuple(f"w{i}" for i in range(6)), **named)
    tig = _offer("TIG", ("tig", "w0"), town="leoben", **named)
    index = _index(_welders(), mag, tig)
    assert ids(index.recommend(Profile(target=o("welder"), wanted_skills=(s("tig"),), location=GRAZ))) == [
        "TIG",
        "MAG",
    ]
    assert ids(index.recommend(Profile(target=o("welder"), location=GRAZ)))[0] == "MAG"  # the goal alone
