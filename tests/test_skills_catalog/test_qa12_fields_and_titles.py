"""QA12 on full ESCO: fields named among fillers, cars apart from logistics, and the jobs a broad
title is offered for, its commonest kinds first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from skills_catalog.job_titles import TitleIndex, TitleTuning
from skills_catalog.models import Catalog, Occupation, Skill, Taxonomy
from skills_catalog.recognition_cues import unclaimed
from skills_catalog.work_areas import fields_named, jobs_in_fields
from tests.test_skills_catalog.conftest import make_catalog, o, s


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("idk, something with computers", ("digital",)),
        ("dunno, maybe cars i guess", ("motor_vehicles",)),
        ("hmm honestly something in logistics", ("transport_logistics",)),
        ("idk, something with solar panels", ()),
    ],
    ids=["idk", "dunno-maybe-i-guess", "hmm-honestly", "fillers-around-a-goal-of-its-own"],
)
def test_fillers_do_not_hide_a_field(text: str, fields: tuple[str, ...]) -> None:
    assert fields_named(text) == fields


def test_cars_and_logistics_are_fields_of_their_own() -> None:
    assert fields_named("something with cars") == ("motor_vehicles",)
    assert fields_named("logistics") == ("transport_logistics",)


def _mobility() -> tuple[Catalog, Taxonomy]:
    """Courses of the mobility ecosystem for a vehicle technician, a forklift operator and a
    supply chain manager, each job in its ISCO group."""
    jobs = {
        o(key): Occupation(o(key), label, isco_group=group)
        for key, label, group in (
            ("vehicle", "vehicle technician", "7231"),
            ("forklift", "forklift operator", "8344"),
            ("supply", "supply chain manager", "1324"),
        )
    }
    catalog = make_catalog()
    offer = catalog.offers["O4"]  # in mobility, as the fixture's offers are by default
    offers = {f"M{at}": replace(offer, offer_id=f"M{at}", occupations=(uri,)) for at, uri in enumerate(jobs)}
    return Catalog(catalog.partners, offers), Taxonomy({}, jobs)


def test_the_jobs_of_cars_are_not_those_of_logistics() -> None:
    # QA12: "cars" offered *supply chain manager* and *forklift operator*
    catalog, taxonomy = _mobility()
    cars = jobs_in_fields(catalog, taxonomy, ["motor_vehicles"])
    logistics = jobs_in_fields(catalog, taxonomy, ["transport_logistics"])
    assert [job.uri for job in cars] == [o("vehicle")]
    assert [job.uri for job in logistics] == [o("forklift"), o("supply")]


# ---------------------------------------------------------------- the commonest jobs of a title


def _drivers() -> TitleIndex:
    """Drivers as on full ESCO: *hearse driver* has "driver" as an alternative label and skills
    of his own; three bus drivers are alike; lorry and van drivers share driving and cargo."""
    skills = {s(key): Skill(s(key), key) for key in ("drive", "passengers", "cargo", "deliver", "funerals")}
    kinds = {
        "hearse": ("hearse driver", ("driver",), ("funerals",)),
        "bus": ("bus driver", (), ("drive", "passengers")),
        "tram": ("tram driver", (), ("drive", "passengers")),
        "trolley": ("trolley bus driver", (), ("drive", "passengers")),
        "lorry": ("lorry driver", (), ("drive", "cargo")),
        "van": ("van driver", (), ("drive", "cargo", "deliver")),
    }
    jobs = {
        o(key): Occupation(o(key), label, alt, essential_skills=tuple(s(x) for x in ess))
        for key, (label, alt, ess) in kinds.items()
    }
    return TitleIndex(Taxonomy(skills, jobs))


def test_a_broad_title_offers_its_commonest_jobs_first_and_the_rare_one_last() -> None:
    # QA12: "driver" offered *hearse driver* first, the job whose alternative label it is
    common = _drivers().commonest("driver", 6)
    assert common[0] == o("bus") and common[-1] == o("hearse")


def test_jobs_alike_are_not_all_offered_before_another_kind() -> None:
    # bus, tram and trolley bus driver are one choice: the lorry driver comes second
    assert _drivers().commonest("drivers", 2) == [o("bus"), o("lorry")]
    assert _drivers().commonest("driver", 2, TitleTuning(diversity=0.0)) == [o("bus"), o("tram")]


@pytest.mark.parametrize("verb", ["switch to", "go into", "transition to", "change to"])
def test_a_wish_to_change_claims_no_skill(verb: str) -> None:
    # QA12: "I'm a nurse and want to move into intensive care" read a skill from the wish
    text = f"I'm a nurse and want to {verb} intensive care"
    assert (text.index("want"), len(text)) in unclaimed(text)
