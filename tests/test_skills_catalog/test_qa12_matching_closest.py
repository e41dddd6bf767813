"""The closest must lie in the person's field (QA12: a pastry chef's closest courses, with no
course teaching pastry, were an e-commerce course, for *assist customers*, an optional skill of
pastry chefs that 34 of ESCO's jobs need and 53 list, most of them in shops)."""

from __future__ import annotations

from skills_catalog import explain
from skills_catalog.matching import DEFAULT_WEIGHTS, OfferIndex
from skills_catalog.models import Catalog, Occupation, Offer, Profile, Skill, Taxonomy
from skills_catalog.wants import Specificity
from tests.test_skills_catalog.conftest import PLACES, TODAY, make_partners, o, s

GRAZ = PLACES["graz"].point


def _taxonomy() -> Taxonomy:
    """300 jobs: 5 need "assist customers" and 45 more list it as optional (shops); two nursing
    jobs list community care; a pastry chef lists "assist customers" as optional."""
    keys = ("pastry", "customers", "community", "nursing")
    skills = {s(k): Skill(s(k), f"skill {k}", reuse_level="sector-specific") for k in keys}
    jobs = [Occupation(o(f"seller{i}"), f"seller {i}", essential_skills=(s("customers"),)) for i in range(5)]
    jobs += [Occupation(o(f"shop{i}"), f"shop job {i}", optional_skills=(s("customers"),)) for i in range(45)]
    jobs += [Occupation(o(f"other{i}"), f"other job {i}") for i in range(246)]
    jobs += [
        Occupation(
            o("pastry"), "pastry chef", essential_skills=(s("pastry"),), optional_skills=(s("customers"),)
        ),
        Occupation(o("chef"), "chef", essential_skills=(s("pastry"),), optional_skills=(s("customers"),)),
        Occupation(o("nurse"), "nurse", essential_skills=(s("nursing"),), optional_skills=(s("community"),)),
        Occupation(o("specialist"), "specialist nurse", optional_skills=(s("community"),)),
    ]
    return Taxonomy(skills, {job.uri: job for job in jobs}, source="test")


def _offer(offer_id: str, skill: str) -> Offer:
    return Offer(offer_id, "P1", f"Course {offer_id}", (s(skill),), "retail", "in_person", ("de",), GRAZ,
                 city="Graz", country="AT", cost_eur=0.0)  # fmt: skip


def _index(*offers: Offer) -> OfferIndex:
    catalog = Catalog(make_partners(), {offer.offer_id: offer for offer in offers}, source="test")
    return OfferIndex(catalog, _taxonomy(), today=lambda: TODAY)


ECOMMERCE = _offer("ECOMMERCE", "customers")
NURSING = _offer("NURSING", "community")


def test_a_skill_few_jobs_need_but_many_list_marks_no_field() -> None:
    specificity = Specificity(_taxonomy())
    assert specificity.is_core(s("customers"), DEFAULT_WEIGHTS)  # 5 of 300 jobs need it
    assert not specificity.marks_field(s("customers"), DEFAULT_WEIGHTS)  # 50 list it
    assert specificity.marks_field(s("community"), DEFAULT_WEIGHTS)


def test_a_pastry_chef_gets_no_shop_course_as_the_closest() -> None:
    profile = Profile(occupation=o("pastry"), skills=frozenset({s("pastry")}), target=o("chef"))
    found = _index(ECOMMERCE).recommend(Profile(occupation=o("pastry"), wanted_skills=(s("nursing"),)))
    assert found.recommendations == () and found.relax == (explain.NOTHING_TEACHES,)
    assert _index(ECOMMERCE).recommend(profile).recommendations == ()  # a goal with nothing to learn


def test_a_nurse_still_gets_the_nursing_course_as_the_closest() -> None:
    found = _index(ECOMMERCE, NURSING).recommend(Profile(occupation=o("nurse"), wanted_skills=(s("pastry"),)))
    assert [r.offer.offer_id for r in found.recommendations] == ["NURSING"]
    assert found.recommendations[0].reasons[0].endswith("this one is the closest")
