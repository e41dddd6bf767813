"""QA12 on full ESCO: job titles and skills as people type them that the recogniser misread
(twenty-first night, docs/recognition.md): "EV technician" as *electrical engineering
technician*, "logistics planner" as *logistics analyst*, "CNC programming" as *computer
programming*, and the demo catalogue's "KNX programming (ETS)" as *computer programming*."""

from __future__ import annotations

import pytest

from skills_catalog.recognition import Recognizer
from tests.test_skills_catalog import test_recognition

full = test_recognition.full  # the full-ESCO recogniser, built once per module (skipped without ../shared)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("electric vehicle technician", "vehicle technician"),
        ("I work as an EV technician", "vehicle technician"),
        ("electric car mechanic", "vehicle technician"),
        ("logistics planner", "distribution manager"),
        ("supply chain planner", "purchase planner"),
        ("PLC programmer", "automation engineering technician"),
        ("scrum master", "ICT project manager"),
        ("draughtsman", "drafter"),
        ("electronics technician", "electronics engineering technician"),
        ("maintenance technician", "industrial machinery mechanic"),
        ("field service engineer", "after-sales service technician"),
        ("sales rep", "commercial sales representative"),
        ("I was a coal miner for 25 years. im 57", "underground miner"),  # QA12: named no job at all
    ],
    ids=[
        "ev-written-out",
        "ev-abbreviated",
        "electric-car",
        "logistics-planner",
        "supply-chain-planner",
        "plc-programmer",
        "scrum-master",
        "draughtsman",
        "electronics-not-meteorology",
        "maintenance-not-road-or-welder",
        "field-service-not-military",
        "sales-rep",
        "coal-miner-in-a-sentence",
    ],
)
def test_a_title_as_people_type_it_names_its_job_first(full: Recognizer, text: str, label: str) -> None:
    assert full.occupations(text, claimed=True)[0].label == label


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("CNC programming", "program a CNC controller"),
        ("I do CNC programming", "program a CNC controller"),
        ("CAM programming", "use CAM software"),
        ("gcode", "program a CNC controller"),
        ("palletising", "pallets loading"),
        ("manual handling", "lift heavy weights"),
        ("preventive maintenance", "perform machine maintenance"),
        ("Revit", "building information modelling"),
    ],
    ids=[
        "cnc-programming",
        "cnc-programming-claimed",
        "cam-programming",
        "gcode",
        "palletising",
        "manual-handling",
        "preventive-maintenance",
        "revit",
    ],
)
def test_a_trade_skill_as_people_type_it_is_read_first(full: Recognizer, text: str, label: str) -> None:
    """An abbreviation the encoder reads written out ("computer numerical control programming")
    sits nearer *computer programming* than *program a CNC controller*: the written-out rows
    bring it back."""
    assert full.skills(text)[0].label == label


@pytest.mark.slow
def test_the_demo_catalogues_knx_course_skill_is_building_automation(full: Recognizer) -> None:
    """The catalogue's label reader (``engine.label_reader``) reads a label as a need is read."""
    read = full.skills("KNX programming (ETS)", claimed=False)
    assert read[0].label in {"building automation", "domotic systems"}
    assert "computer programming" not in [m.label for m in read[:2]]
