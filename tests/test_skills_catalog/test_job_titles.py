"""Job titles as typed: which an occupation's titles a text writes, and when a typed title is too
broad to take the one occupation that has it as an alternative label (full ESCO's "machine
operator" → *underground heavy equipment operator*, "production worker" → *metal products
assembler*)."""

from __future__ import annotations

import pytest

from skills_catalog.job_titles import TitleIndex, title_words
from skills_catalog.models import Match, Occupation, Taxonomy

ESCO = "http://data.europa.eu/esco/occupation"


def _occupation(label: str, *alts: str) -> Occupation:
    return Occupation(f"{ESCO}/{label.replace(' ', '-')}", label, alts)


OCCUPATIONS = [
    _occupation("underground heavy equipment operator", "mine machine operator"),
    *(
        _occupation(f"{kind} machine operator")
        for kind in ("glass forming", "textile", "sewing", "milling", "lathe", "printing")
    ),
    _occupation("forklift operator", "forklift driver"),
    _occupation("hearse driver", "driver", "funeral driver"),
    *(_occupation(f"{kind} driver") for kind in ("bus", "train", "tram", "taxi", "lorry", "van")),
    _occupation("computer numerical control machine operator", "CNC operator"),
    *(
        _occupation(f"{kind} cutter", f"CNC {kind} operator")
        for kind in ("water jet", "plasma", "laser", "wire", "foam", "glass")
    ),
    _occupation("carpenter", "joiner"),
    *(
        _occupation(f"{kind} fitter", f"{kind} joiner")
        for kind in ("door", "stair", "kitchen", "window", "floor", "roof")
    ),
    _occupation("secretary", "office worker"),
    *(
        _occupation(f"office {kind}", f"{kind} office worker")
        for kind in ("clerk", "manager", "assistant", "cleaner", "porter", "courier")
    ),
    *(_occupation(f"{kind} worker") for kind in ("care", "farm", "steel", "dock", "mine")),
]
INDEX = TitleIndex(Taxonomy({}, {occupation.uri: occupation for occupation in OCCUPATIONS}))


def _read(typed: str, label: str) -> Match:
    """``typed`` read as the occupation ``label``, as the recogniser gives it."""
    return Match(f"{ESCO}/{label.replace(' ', '-')}", label, 1.0, typed, 0, len(typed))


@pytest.mark.parametrize(
    ("typed", "label", "broad"),
    [
        ("machine operator", "underground heavy equipment operator", True),
        ("driver", "hearse driver", True),
        ("office worker", "secretary", True),
        ("forklift driver", "forklift operator", False),
        ("CNC operator", "computer numerical control machine operator", False),
        ("joiner", "carpenter", False),
        ("textile machine operator", "textile machine operator", False),
        ("CNC", "computer numerical control machine operator", False),
    ],
    ids=[
        "the-head-of-many-titles", "part-of-its-own-title", "another-name-in-common-words",
        "no-other-job-holds-it", "another-name-sharing-a-word", "another-name-with-a-rare-word",
        "its-own-title", "a-modifier-no-title",
    ],
)  # fmt: skip
def test_a_title_many_jobs_share_is_broad(typed: str, label: str, broad: bool) -> None:
    assert INDEX.broad(_read(typed, label), typed) is broad


def test_the_own_title_typed_beside_is_no_broad_title() -> None:
    # "driver" read from "hearse driver, 10 years": the preferred label was written
    assert not INDEX.broad(_read("driver", "hearse driver"), "hearse driver, 10 years")


@pytest.mark.parametrize(
    ("label", "text", "written"),
    [
        ("forklift operator", "I drove forklifts, I was a forklift driver", True),
        ("forklift operator", "forklift operators", True),
        ("forklift operator", "forklift", False),
        ("hearse driver", "driving", False),
    ],
    ids=["an-alternative-label", "plural", "part-of-a-title", "an-activity-writes-no-title"],
)
def test_a_title_written(label: str, text: str, written: bool) -> None:
    assert INDEX.written(f"{ESCO}/{label.replace(' ', '-')}", text) is written


@pytest.mark.parametrize(
    ("text", "title"),
    [("machine operators", True), ("driver", True), ("machine", False), ("driving", False), ("", False)],
    ids=["plural-head", "one-word", "a-modifier", "an-activity", "empty"],
)
def test_what_is_a_title(text: str, title: bool) -> None:
    assert INDEX.is_title(text) is title


def test_title_words_leave_fillers_and_plurals() -> None:
    assert title_words("The Machine Operators of a mine") == ("machine", "operator", "mine")
    assert title_words("glass") == ("glass",)
