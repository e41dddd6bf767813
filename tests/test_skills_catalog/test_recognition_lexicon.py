"""Abbreviations that are abbreviations only in capitals ("IT"), on both sides of matching."""

from __future__ import annotations

from collections import Counter

import pytest

from skills_catalog import recognition_lexicon
from skills_catalog.recognition_index import content_stems
from skills_catalog.recognition_lexicon import lexicon_digest, load_lexicon, uncased
from skills_catalog.recognition_text import Speller, analyse, spelled_out
from skills_catalog.text import STOPWORDS, tokens

ICT = {"inform", "communicat", "technology"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("provide IT support", "provide ict support"), ("fix it", "fix it"), ("I DID IT", "I DID IT"),
     ("IT", "ict"), ("ITALIAN", "ITALIAN")],
    ids=["capitals", "pronoun", "shouting", "alone", "inside-a-word"],
)
def test_uncased(text: str, expected: str) -> None:
    assert uncased(text) == expected


def test_labels_read_it_as_ict() -> None:
    assert set(content_stems("manage IT security")) >= ICT | {"security"}
    assert "it" not in content_stems("fix it")


def test_chat_reads_it_as_ict_only_in_capitals() -> None:
    speller = Speller(Counter({"support": 3, "school": 2}))
    (it, support, school) = analyse("IT support for a school", speller)
    assert set(it.stems) == ICT and (it.start, it.end) == (0, 2)
    assert [w.stems for w in analyse("can you fix it for me", speller)] == [("fix",)]
    assert analyse("I DID IT", speller) == []


def test_the_encoder_reads_it_written_out_only_in_capitals() -> None:
    """The encoder is uncased: "IT support" reached it as "it support", a pronoun, and the talk
    detector took "did IT support for a school" for chat."""
    speller = Speller(Counter({"support": 3, "school": 2, "fix": 2}))
    text = "did IT support for a school"
    assert spelled_out(text, analyse(text, speller)) == "did information communication technology support for a school"
    assert spelled_out("can you fix it", analyse("can you fix it", speller)) == "can you fix it"


def test_digest_changes_with_the_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Labels are indexed through the tables, so a cached index must not outlive a change to them."""
    before = lexicon_digest()
    monkeypatch.setitem(recognition_lexicon.ABBREVIATIONS, "zz", "zed")
    assert lexicon_digest() != before


def test_a_phrase_opening_with_a_stopword_keeps_two_content_words() -> None:
    """ "doing the books" is indexed as "books" alone, so "I love reading a good book" gave
    *accounting*: a phrase whose verb the stopword list drops must keep two other words."""
    lost = [
        e.phrase
        for e in load_lexicon()
        if tokens(e.phrase)[0] in STOPWORDS and len(content_stems(e.phrase)) < 2
    ]
    assert lost == []
