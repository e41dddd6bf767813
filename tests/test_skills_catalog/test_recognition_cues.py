"""Function-word cues: a negation, and someone else's work told as theirs."""

from __future__ import annotations

import pytest

from skills_catalog.recognition_cues import about_someone_else, negated


@pytest.mark.parametrize(
    ("line", "expected"),
    [("I don't drive", True), ("I dont drive", True), ("I can\u2019t weld", True), ("never learned to type", True),
     ("no forklift licence", True), ("I drive a forklift", False), ("I want to learn welding", False),
     ("event planning", False), ("maintenance of wind turbines", False)],
)  # fmt: skip
def test_a_negation_is_seen_however_it_is_typed(line: str, expected: bool) -> None:
    assert negated(line) is expected


@pytest.mark.parametrize(
    "line",
    ["my husband is a plumber", "My sister works as a nurse in Germany", "my neighbour drives a truck",
     "and my dad was an electrician", "our colleagues do the welding", "my brother-in-law runs a bakery"],
)  # fmt: skip
def test_someone_elses_work_is_theirs(line: str) -> None:
    assert about_someone_else(line)


@pytest.mark.parametrize(
    "line",
    ["my husband and I run a plumbing firm", "my dad taught me to weld", "milking cows on my uncle's farm",
     "my uncle's bakery, I did the bread there", "I help my mum in her shop", "my job was welding",
     "we weld, my brother and me"],
)  # fmt: skip
def test_the_writer_in_the_line_or_no_one_else_as_subject(line: str) -> None:
    assert not about_someone_else(line)
