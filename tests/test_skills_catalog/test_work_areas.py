"""Fields of work named in a worker's words, and the jobs the catalogue's courses in them prepare for."""

from __future__ import annotations

import pytest

from skills_catalog.work_areas import fields_named, jobs_in_fields
from tests.test_skills_catalog.conftest import make_catalog, make_taxonomy, o

OUTDOORS = ("construction", "agri_food", "renewable_energy")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("something with computers", ("digital",)),
        ("work with computers", ("digital",)),
        ("something in IT", ("digital",)),
        ("something in healthcare", ("health",)),
        ("a job outdoors", OUTDOORS),
        ("IT", ("digital",)),
        ("maybe something in IT or healthcare", ("digital", "health")),
        ("I'd like to work in the car industry", ("motor_vehicles",)),
        ("something in it", ()),
        ("something with solar panels", ()),
        ("elderly care", ()),
        ("plumbing", ()),
        ("something", ()),
        ("IT guy", ()),
    ],
    ids=[
        "something-with", "work-with", "acronym-in-capitals", "something-in", "where-it-is-done", "a-field-alone",
        "two-fields", "an-industry", "it-is-no-field", "a-thing-to-learn", "a-trade", "a-trade-alone", "nothing-named",
        "a-job-title",
    ],
)  # fmt: skip
def test_fields_named(text: str, fields: tuple[str, ...]) -> None:
    assert fields_named(text) == fields


def test_the_jobs_of_a_field_are_those_its_courses_name() -> None:
    # the fixture's courses in mobility name *welder* (O1) and *mechatronics technician* (O8), one each
    jobs = jobs_in_fields(make_catalog(), make_taxonomy(), ["motor_vehicles"])
    assert [job.uri for job in jobs] == [o("mechatronics"), o("welder")]


def test_the_own_job_is_no_job_to_offer() -> None:
    jobs = jobs_in_fields(
        make_catalog(), make_taxonomy(), ["motor_vehicles"], besides=o("welder")
    )
    assert [job.uri for job in jobs] == [o("mechatronics")]


def test_a_field_whose_courses_name_no_job_offers_none() -> None:
    assert jobs_in_fields(make_catalog(), make_taxonomy(), ["digital", "retail"]) == []
