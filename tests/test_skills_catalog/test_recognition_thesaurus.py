"""The thesaurus of everyday words: its file, its look-up, and what it does to recognition."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from skills_catalog.errors import LexiconError
from skills_catalog.models import Skill, Taxonomy
from skills_catalog.recognition import Recognizer
from skills_catalog.recognition_text import Speller, analyse
from skills_catalog.recognition_thesaurus import load_thesaurus, shipped_thesaurus
from skills_catalog.text import stem

S = "http://data.europa.eu/esco/skill/"
HEADER = "# a comment\neveryday,esco\n"

# Labels that the shipped thesaurus reaches from everyday words ("mend motors", "the till").
SKILLS = [
    Skill(S + "engines", "repair engines", ()),
    Skill(S + "register", "operate cash register", ()),
    Skill(S + "children", "supervise children", ()),
    Skill(S + "staff", "manage staff", ()),
    Skill(S + "equipment", "inspect equipment", ()),
    Skill(S + "passengers", "passenger transport", ()),
]


@pytest.fixture(scope="module", params=[True, False], ids=["hybrid", "lexical"])
def recognizer(request: pytest.FixtureRequest) -> Recognizer:
    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {}, "test")
    return Recognizer.build(taxonomy, semantic=request.param)


@pytest.fixture(scope="module")
def lexical() -> Recognizer:
    """Lexical scores only: what the thesaurus changes, without the encoder's share."""
    return Recognizer.build(Taxonomy({s.uri: s for s in SKILLS}, {}, "test"), semantic=False)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "thesaurus.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_shipped_thesaurus_loads_with_hundreds_of_pairs() -> None:
    thesaurus = shipped_thesaurus()
    assert sum(len(v) for v in thesaurus.related.values()) >= 400
    assert {stem("repair"), stem("maintain")} <= thesaurus.related[(stem("fix"),)]
    assert stem("care") in thesaurus.related[(stem("look"), stem("after"))]


def test_a_word_has_the_union_of_its_rows(tmp_path: Path) -> None:
    thesaurus = load_thesaurus(_write(tmp_path, "fix,repair\nfix,maintain\nlook after,care\n"))
    assert thesaurus.related[("fix",)] == {"repair", "maintain"}
    assert thesaurus.words == {"fix", "look", "after"}  # known words: never spelling-corrected


def test_find_takes_the_longest_phrase_and_never_overlaps(tmp_path: Path) -> None:
    thesaurus = load_thesaurus(_write(tmp_path, "set up,install\nset,adjust\nup,increase\ntill,cash register\n"))
    found = thesaurus.find(["set", "up", "the", "till"])
    assert [(a, b) for a, b, _ in found] == [(0, 2), (3, 4)]
    assert found[0][2] == {"install"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("fix,repair,extra\n", "expected 2 columns"),
        ("fix\n", "expected 2 columns"),
        (",repair\n", "has no content word"),
        ("the,repair\n", "has no content word"),
        ("fix,\n", "has no content word"),
        ("fixing,fixes\n", "maps a word to itself"),
        ("fix,repair\nfixing,repairs\n", "duplicate pair"),
        ("tires,tyres\n", "is a spelling"),
    ],
    ids=["three-columns", "one-column", "empty-everyday", "stopword-everyday", "empty-esco", "self", "duplicate",
         "spelling"],
)
def test_malformed_rows_say_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as caught:
        load_thesaurus(_write(tmp_path, body))
    assert caught.value.file == "thesaurus.csv"
    assert caught.value.line == 2 + body.count("\n")  # the comment and the header come first


def test_wrong_header_and_missing_file_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.csv"
    path.write_text("phrase,uri\nfix,repair\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="header must be everyday,esco"):
        load_thesaurus(path)
    with pytest.raises(LexiconError, match="file not found"):
        load_thesaurus(tmp_path / "missing.csv")


def test_synonym_match_ranks_below_a_literal_one(lexical: Recognizer) -> None:
    (literal, *_) = lexical.skills("I repair engines")
    (synonym, *_) = lexical.skills("I mend motors")
    (half, *_) = lexical.skills("I mend engines")
    assert literal.label == synonym.label == half.label == "repair engines"
    assert synonym.span == "mend motors"
    assert synonym.score < half.score < literal.score
    assert synonym.score <= lexical.weights.synonym_factor + 0.02  # (+ the small ESCO prior)


@pytest.mark.parametrize(
    ("text", "label"),
    [("I work the till", "operate cash register"), ("I keep an eye on the children at a nursery", "supervise children")],
)
def test_everyday_words_reach_labels(lexical: Recognizer, text: str, label: str) -> None:
    assert lexical.skills(text)[0].label == label


@pytest.mark.parametrize(
    "text",
    ["my boss is nice", "can you check my profile?", "the bus was late again", "I'll sort it out tomorrow", "hi there"],
)
def test_chat_lines_stay_empty(recognizer: Recognizer, text: str) -> None:
    assert recognizer.skills(text) == []


def test_a_word_sharing_a_stem_with_an_entry_gets_no_other_sense() -> None:
    """"tired" stems like "tires": a spelling pair in the thesaurus gave it *tyres*."""
    (tired,) = analyse("I'm tired", Speller(Counter()))
    assert tired.related == ()


def test_a_corrected_typo_gets_the_synonyms_of_its_word() -> None:
    speller = Speller(Counter({"maintenance": 3, "conditioning": 2}))
    (word, *_rest) = analyse("maintenence of air conditioning", speller)
    assert word.correction == "maintenance"
    assert stem("maintain") in word.related
