"""QA13 on full ESCO: nothing read "high voltage training" (a garage's training for electric
vehicles), and "green" spoilt "green steel plant" ("plant green plants"); a steel plant worker
named no job. "high voltage" alone has no row: a grid electrician's "high voltage substations"
would have read as a vehicle's electrics."""

from __future__ import annotations

import pytest

from skills_catalog.recognition import Recognizer
from tests.test_skills_catalog import test_recognition

full = test_recognition.full  # the full-ESCO recogniser, built once per module (skipped without ../shared)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("electric bus high voltage training", "vehicle electrical systems"),
     ("learn about high voltage systems in electric cars", "vehicle electrical systems"),
     ("I did my high-voltage training for EVs", "vehicle electrical systems"),
     ("I worked in a green steel plant", "ferrous metal processing")],
    ids=["bus-training", "electric-cars", "hyphen", "green-steel"],
)  # fmt: skip
def test_full_esco_the_skill_meant_comes_first(full: Recognizer, text: str, label: str) -> None:
    assert [m.label for m in full.skills(text)][:1] == [label]


@pytest.mark.slow
def test_full_esco_a_steel_plant_worker_is_a_metal_furnace_operator(full: Recognizer) -> None:
    assert [m.label for m in full.occupations("I'm a steel plant worker")][:1] == ["metal furnace operator"]


@pytest.mark.slow
def test_full_esco_a_grid_electricians_high_voltage_is_no_vehicle(full: Recognizer) -> None:
    assert "vehicle electrical systems" not in [m.label for m in full.skills("electrician, high voltage substations")][:1]
