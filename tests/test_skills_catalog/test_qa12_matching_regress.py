"""QA12 regressions in matching: a welder asking to learn welding lost the TIG course, because
the kinds of welding the person held were taken from their job's ESCO profile; an electrician
asking for renewable energy, which no course names, got the job's closest before the field's
courses (the wording of "no course teaches these skills" is tested with the actions)."""

from __future__ import annotations

from skills_catalog.matching import OfferIndex
from skills_catalog.models import Catalog, Occupation, Offer, Profile, Skill, Taxonomy
from tests.test_skills_catalog.conftest import ESCO, PLACES, TODAY, make_partners, s
from tests.test_skills_catalog.test_qa12_matching_kinds import GRAZ, MAG, TIG, ids
from tests.test_skills_catalog.test_qa12_matching_kinds import _taxonomy as _welding

WELDER = f"{ESCO}/occupation/test-welder"


def _with_welder() -> Taxonomy:
    """The welding skills, and a welder whose essential skills are welding, MAG and TIG."""
    welder = Occupation(WELDER, "welder", essential_skills=(s("weld"), s("mag"), s("tig")))
    return Taxonomy(_welding().skills, {WELDER: welder}, source="test")


def test_a_welder_learning_welding_gets_the_tig_course_their_job_lists() -> None:
    catalog = Catalog(make_partners(), {o.offer_id: o for o in (MAG, TIG)}, source="test")
    index = OfferIndex(catalog, _with_welder(), today=lambda: TODAY)
    found = index.recommend(Profile(occupation=WELDER, wanted_skills=(s("weld"),), location=GRAZ))
    assert "TIG" in ids(found)


def test_a_kind_the_person_said_they_have_is_still_left_out() -> None:
    catalog = Catalog(make_partners(), {o.offer_id: o for o in (MAG, TIG)}, source="test")
    index = OfferIndex(catalog, _with_welder(), today=lambda: TODAY)
    said = Profile(occupation=WELDER, skills=frozenset({s("tig")}), wanted_skills=(s("weld"),),
                   location=GRAZ)  # fmt: skip
    assert ids(index.recommend(said)) == ["MAG"]


ELECTRICIAN = f"{ESCO}/occupation/test-electrician"


def _field_index() -> OfferIndex:
    """A knowledge no course names, an electrician whose optional skill the mechatronics course
    in Graz teaches, and a photovoltaic course (renewable energy ecosystem) in Leoben."""
    labels = {"renewable": "renewable energy technologies", "pv": "install photovoltaic systems",
              "mount": "solar panel mounting systems", "solder": "solder electronics"}  # fmt: skip
    skills = {s(k): Skill(s(k), label) for k, label in labels.items()}
    electrician = Occupation(ELECTRICIAN, "electrician", optional_skills=(s("solder"),))
    taxonomy = Taxonomy(skills, {ELECTRICIAN: electrician}, source="test")

    def offer(offer_id: str, skills: tuple[str, ...], ecosystem: str, town: str) -> Offer:
        return Offer(offer_id, "P1", f"Course {offer_id}", tuple(s(k) for k in skills), ecosystem,
                     "in_person", ("de",), PLACES[town].point, city=PLACES[town].name, country="AT",
                     cost_eur=0.0)  # fmt: skip

    offers = (offer("MECHATRONICS", ("solder",), "electronics", "graz"),
              offer("PV", ("pv", "mount"), "renewable_energy", "linz"))  # fmt: skip
    catalog = Catalog(make_partners(), {o.offer_id: o for o in offers}, source="test")
    return OfferIndex(catalog, taxonomy, today=lambda: TODAY)


def test_a_field_asked_for_that_no_course_names_gets_the_fields_courses_first() -> None:
    profile = Profile(occupation=ELECTRICIAN, wanted_skills=(s("renewable"),), location=GRAZ)
    found = _field_index().recommend(profile)
    assert ids(found)[0] == "PV"
    assert (
        "no course in the catalogue teaches renewable energy technologies"
        in found.recommendations[0].reasons[0]
    )


def test_a_field_asked_for_by_text_is_found_too() -> None:
    profile = Profile(occupation=ELECTRICIAN, wanted_skills=("renewable energy",), location=GRAZ)
    assert ids(_field_index().recommend(profile))[0] == "PV"

