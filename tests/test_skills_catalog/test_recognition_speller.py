"""The speller of recognition: which misspellings are corrected, and which words are left alone."""

from __future__ import annotations

from collections import Counter

import pytest

from skills_catalog.recognition_text import Speller, analyse

#: label words with how many labels use them ("scial" stands for a rare word in some label)
WORDS = Counter({"weld": 5, "welding": 9, "well": 3, "excel": 2, "spanish": 4, "social": 30, "scial": 1,
                 "media": 8, "marina": 2, "shelves": 3, "accounting": 6, "counting": 2, "grazing": 2,
                 "tables": 2, "cables": 9, "fellow": 2, "good": 5, "infections": 3, "injection": 2,
                 "pressure": 2, "presume": 5, "excavator": 2, "excavate": 6})
PROPER = frozenset({"spanish", "excel"})
ENGLISH = frozenset({"later", "well", "maria", "hello", "good", "mostly"})


STEMS = frozenset({"injection", "graz"})


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(WORDS, ENGLISH, PROPER, STEMS)


def corrections(speller: Speller, text: str) -> list[str]:
    return [w.correction for w in analyse(text, speller)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("i can wedl", "weld"), ("bit of exel", "excel"), ("the soial media", "social"), ("acounting", "accounting"),
     ("speak fluent Spansh", "spanish"), ("Weldign on site", "welding"), ("I wait yables", "tables"),
     ("blood presure", "pressure"), ("welding mostlly", "mostly"), ("I drive an excavatr", "excavator")],
    ids=["swap-beats-substitution", "four-letters", "commoner-word-wins", "keeps-first-letter",
         "capitalised-label-word", "first-word-of-sentence", "neighbouring-key-beats-commoner-word",
         "doubled-letter-beats-commoner-word", "typo-of-a-filler-word", "left-out-letter-keeps-last-letter"],
)
def test_corrects(speller: Speller, text: str, expected: str) -> None:
    assert expected in corrections(speller, text)


@pytest.mark.parametrize(
    "text",
    ["my friend Marina", "Maria says hi", "see you later", "in Graz", "the jeat",
     "their injections", "Injections at the clinic"],
    ids=["name-inside-sentence", "known-name-first", "real-word", "short-name", "four-letters-first-letter-changed",
         "inflection-of-a-label-word", "inflection-first-word"],
)
def test_leaves_alone(speller: Speller, text: str) -> None:
    assert not any(corrections(speller, text))


def test_a_typo_of_a_chat_word_stays_a_chat_word(speller: Speller) -> None:
    """ "goood morning" must not be evidence for *receive goods*."""
    (word, _morning) = analyse("goood morning", speller)
    assert word.correction == "good" and word.generic


def test_a_typo_nearer_a_plain_word_is_no_label_word(speller: Speller) -> None:
    """ "Hellow" is "hello" (a stopword: no content word at all), not *fellow*; "mostlly" is
    "mostly", a chat word."""
    assert analyse("Hellow there", speller) == []
    (_welding, mostly) = analyse("welding mostlly", speller)
    assert mostly.stems == ("mostly",) and mostly.generic


def test_a_name_that_is_also_a_stem_stays_a_name(speller: Speller) -> None:
    """ "Graz" opens the sentence and "graz" is a stem (grazing): it is still a name."""
    assert analyse("Graz is nice", speller)[0].generic


JOINED = Counter({"heat": 40, "pumps": 20, "cyber": 15, "security": 600, "cybersecurity": 5, "data": 900,
                  "base": 80, "database": 140, "use": 2000, "less": 30})  # fmt: skip


@pytest.mark.parametrize(
    ("word", "parts"),
    [("heatpumps", ("heat", "pumps")), ("cybersecurity", ("cyber", "security")), ("database", None),
     ("useless", None), ("heat", None)],
    ids=["unknown-joined", "rarer-together-than-apart", "common-together", "an-english-word", "too-short"],
)  # fmt: skip
def test_a_word_running_two_label_words_together_is_split(word: str, parts: tuple[str, str] | None) -> None:
    assert Speller(JOINED, frozenset({"useless"})).split(word) == parts


def test_split_parts_count_as_the_words_labels_write() -> None:
    # "heatpumps" was "corrected" or left unknown: ESCO writes *install heat pump*
    [word] = analyse("heatpumps", Speller(JOINED, frozenset()))
    assert {"heat", "pump"} <= set(word.stems) and not word.corrected


@pytest.mark.parametrize(
    ("typed", "meant"), [("rotaion", "rotation"), ("cleanning", "cleaning")], ids=["letter-left-out", "letter-twice"]
)
def test_a_typo_is_corrected_rather_than_split(typed: str, meant: str) -> None:
    # "rotaion" was split into *rota* and *ion*, "cleanning" into *clean* and "ning"
    words = Counter({"rota": 20, "ion": 9, "rotation": 12, "clean": 300, "ning": 1, "cleaning": 90})
    [word] = analyse(typed, Speller(words, frozenset()))
    assert word.correction == meant


def test_a_new_inflection_is_neither_split_nor_corrected() -> None:
    # "automating" was split into *auto* and *mating*
    words = Counter({"auto": 30, "mating": 6, "automatic": 8, "automate": 9})
    [word] = analyse("automating", Speller(words, frozenset(), stems=frozenset({"automat", "auto", "mate"})))
    assert word.stems == ("automat",) and not word.corrected


def test_words_near_a_typo_are_all_those_within_its_edits() -> None:
    """The letter-count filter before the distance is measured drops no word the edits reach."""
    from rapidfuzz.distance import OSA

    from skills_catalog.recognition_text import _ByLength

    words = list(WORDS) + ["weldings", "wield", "c++", "né", "wedding", "lewd"]
    near = _ByLength(words)
    for typed in ("wedl", "weldign", "presure", "acounting", "exel", "soial", "welding"):
        for edits in (1, 2):
            reached = {w for w in words if abs(len(w) - len(typed)) <= edits and OSA.distance(typed, w) <= edits}
            found = near.near(typed, edits)
            assert reached <= set(found), typed
            assert all(abs(len(w) - len(typed)) <= edits for w in found)
    assert "good" not in near.near("weld", 1)  # its length would let it through: its letters do not
