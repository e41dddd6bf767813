"""Misreadings QA found on full ESCO (twenty-second night, second round, docs/recognition.md): an
electrician's "switchboards" read as *answer incoming calls*, "manual testing" as *lift heavy
weights*, a warehouse's "scanning" as *scan photos*, "SAP" as *SAP Data Services*, "floor
machines" as *supply machine*, "robot welding" as *set up automotive robot*, "electric buses" as
trolley buses, and a pharmaceutical lab technician as a *bacteriology technician*."""

from __future__ import annotations

import pytest

from skills_catalog.models import Match
from skills_catalog.recognition import Recognizer
from skills_catalog.recognition_lexicon import senses
from tests.test_skills_catalog import test_recognition

full = test_recognition.full  # the full-ESCO recogniser, built once per module (skipped without ../shared)


def _labels(matches: list[Match]) -> list[str]:
    return [m.label for m in matches]


@pytest.mark.parametrize(
    ("text", "sensed"),
    [("switchboards, KNX", {0: "electrical switchboard"}),
     ("electrician: wiring and switchboards", {3: "electrical switchboard"}),
     ("scanning, picking orders", {0: "barcode scanning"}),
     ("I scan parcels in the warehouse", {1: "barcode scanning"}),
     ("receptionist, switchboard, greeting visitors", {}),
     ("I scan old photos", {}),
     ("scanning documents into the system", {})],
    ids=["knx", "wiring", "picking", "parcels", "reception", "photos", "documents"],
)  # fmt: skip
def test_a_trade_word_takes_its_trade_sense_only_among_its_cues(text: str, sensed: dict[int, str]) -> None:
    assert senses(text.replace(",", "").replace(":", "").lower().split()) == sensed


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("switchboards, KNX", "install electrical and electronic equipment"),
     ("I wire switchboards and distribution boards", "install electrical and electronic equipment"),
     ("manual testing, writing test cases, jira, a little selenium", "execute software tests"),
     ("scanning, picking orders", "use barcode scanning equipment"),
     ("SAP a bit", "manage standard enterprise resource planning system"),
     ("electric buses", "vehicle electrical systems")],
    ids=["switchboards", "distribution-boards", "manual-testing", "scanning", "sap", "electric-buses"],
)  # fmt: skip
def test_full_esco_the_skill_meant_comes_first(full: Recognizer, text: str, label: str) -> None:
    assert _labels(full.skills(text))[:1] == [label]


@pytest.mark.slow
def test_full_esco_floor_machines_are_floor_cleaning_equipment(full: Recognizer) -> None:
    labels = _labels(full.skills("cleaning, using floor machines"))
    assert "operate floor cleaning equipment" in labels[:3]
    assert "supply machine" not in labels


@pytest.mark.slow
def test_full_esco_a_robot_welding_goal_is_welding_over_the_whole_phrase(full: Recognizer) -> None:
    """A goal keeps one match per mention: welding over "welding" alone left "robot welding" to
    *set up automotive robot* as a mention of its own."""
    best = full.skills("I want to learn robot welding", claimed=False)[0]
    assert (best.label, best.span) == ("operate welding equipment", "robot welding")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("I answer incoming calls on the switchboard", "answer incoming calls"),
     ("I scan old photos", "scan photos"),
     ("scanning documents into the system", "process data")],
    ids=["calls", "photos", "documents"],
)  # fmt: skip
def test_full_esco_the_other_senses_stand(full: Recognizer, text: str, label: str) -> None:
    labels = _labels(full.skills(text))
    assert labels[:1] == [label]
    assert "use barcode scanning equipment" not in labels
    assert "install electrical and electronic equipment" not in labels


@pytest.mark.slow
def test_full_esco_a_pharmaceutical_lab_technician_is_a_chemistry_technician(full: Recognizer) -> None:
    assert _labels(full.occupations("lab technician in a pharmaceutical company"))[:1] == ["chemistry technician"]
