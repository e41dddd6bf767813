"""Ranking of recognised concepts among near ties (``recognition_match.rank``).

Candidates are built by hand (concept row, score, character span), so each rule is tested
on its own, without an index or the encoder.
"""

from __future__ import annotations

import dataclasses

import pytest

from skills_catalog.recognition import _meaning_last
from skills_catalog.recognition_match import Candidate, RecognitionWeights, _smallest_run, rank

WEIGHTS = RecognitionWeights()
# "maintenence of air conditioning units": 0..11 "maintenence", 15..31 "air conditioning"
SHORT_ALT = Candidate(1, 1.00, 15, 31)  # an alternative label "air conditioning", exact
WHOLE = Candidate(2, 0.97, 0, 31)  # "maintain air conditioning systems" over the whole mention
ELSEWHERE = Candidate(3, 0.80, 35, 40)  # another mention after it


def concepts(found: list[Candidate], weights: RecognitionWeights = WEIGHTS) -> list[int]:
    return [c.concept for c in rank({c.concept: dataclasses.replace(c) for c in found}, 5, weights)]


def test_a_wider_label_match_within_the_margin_names_the_mention() -> None:
    assert concepts([SHORT_ALT, WHOLE]) == [2, 1]


def test_a_wider_match_absorbs_a_mention_it_holds() -> None:
    # "maintenence" alone (-> *maintenance operations*) lies inside the whole mention too
    assert concepts([SHORT_ALT, WHOLE, Candidate(3, 0.83, 0, 11)]) == [2, 1, 3]


@pytest.mark.parametrize(
    "found, expected",
    [
        ([SHORT_ALT, dataclasses.replace(WHOLE, score=0.90)], [1, 2]),
        ([SHORT_ALT, dataclasses.replace(WHOLE, from_label=False)], [1, 2]),
        ([SHORT_ALT, Candidate(2, 0.97, 15, 40), Candidate(3, 0.90, 35, 45)], [1, 3, 2]),
    ],
    ids=["too far below", "found by meaning only (a clause span)", "would swallow another mention"],
)
def test_a_wider_match_does_not_take_over(found: list[Candidate], expected: list[int]) -> None:
    assert concepts(found) == expected


def test_wider_margin_below_zero_ranks_by_score_alone() -> None:
    assert concepts([SHORT_ALT, WHOLE], dataclasses.replace(WEIGHTS, wider_margin=-1.0)) == [1, 2]


@pytest.mark.parametrize(
    "later_score, expected",
    [(1.00, [1, 2]), (1.10, [2, 1])],
    ids=["near tie: as written", "clearly better: by score"],
)
def test_mentions_that_nearly_tie_come_in_text_order(later_score: float, expected: list[int]) -> None:
    # "customer service in a call centre": the first mention scores a little less than the second
    first = Candidate(1, 0.97, 0, 16)
    second = Candidate(2, later_score, 22, 33)
    assert concepts([first, second]) == expected


def test_mention_order_margin_zero_ranks_mentions_by_score() -> None:
    found = [Candidate(1, 0.97, 0, 16), Candidate(2, 1.00, 22, 33)]
    assert concepts(found, dataclasses.replace(WEIGHTS, mention_order_margin=0.0)) == [2, 1]


@pytest.mark.parametrize(
    ("content_words", "label_too", "expected"),
    [(2, False, []), (2, True, [1, 2]), (WEIGHTS.meaning_min_words, False, [1]), (None, False, [1])],
    ids=["short line: meaning alone names nothing", "short line with a label match", "long enough", "not counted"],
)
def test_meaning_alone_names_nothing_in_a_short_line(
    content_words: int | None, label_too: bool, expected: list[int]
) -> None:
    # "I'm pregnant" -> *pregnancy* by meaning only (no label word typed)
    found = [Candidate(1, 0.88, 0, 12, from_label=False)] + [Candidate(2, 0.70, 4, 12)] * label_too
    ranked = rank({c.concept: c for c in found}, 5, WEIGHTS, content_words=content_words)
    assert [c.concept for c in ranked] == expected


# ---------------------------------------------------------------- a label's window of words


@pytest.mark.parametrize(
    "where, weight_at, expected",
    [
        ([(1, 7, 1.0, False), (4, 9, 1.0, False)], [1.0] * 6, (1, 4)),
        ([(0, 7, 1.0, False), (2, 9, 1.0, False), (5, 7, 1.0, False)], [1.0] * 6, (0, 2)),
        ([(0, 7, 1.0, False), (3, 9, 1.0, False), (4, 7, 1.0, False)], [1.0] * 6, (3, 4)),
        ([(0, 7, 1.0, False), (2, 9, 1.0, False), (3, 7, 1.0, False)], [1.0, 0.1, 1.0, 9.0], (0, 2)),
        ([], [1.0], None),
    ],
    ids=["each stem once", "earliest among equals", "the shorter run", "the lighter run", "nothing"],
)
def test_a_label_window_is_the_lightest_run_holding_its_stems(
    where: list[tuple[int, int, float, bool]], weight_at: list[float], expected: tuple[int, int] | None
) -> None:
    assert _smallest_run(where, len({s for _, s, _, _ in where}), weight_at) == expected


# "I sort the paperwork so the containers get through the border": 7..16 "paperwork",
# 24..34 "containers"; meaning ranks *arrange customs documents* (clause-wide) first
PAPERWORK = Candidate(1, 0.80, 7, 16, meaning=0.5)
PAPER_ALT = Candidate(2, 0.60, 7, 16, meaning=0.3)
CONTAINERS = Candidate(3, 0.70, 24, 34, meaning=0.2)
CUSTOMS = Candidate(4, 0.45, 0, 50, from_label=False, meaning=0.7)


def meaning_last(ranked: list[Candidate], others: list[Candidate], top: int = 5) -> list[int]:
    found = {c.concept: c for c in [*ranked, *others]}
    return [c.concept for c in _meaning_last(ranked, found, top, WEIGHTS.meaning_slot_min)]


def test_meanings_best_reading_takes_a_free_last_place() -> None:
    assert meaning_last([PAPERWORK, CONTAINERS], [CUSTOMS]) == [1, 3, 4]


def test_meanings_best_reading_replaces_another_reading_of_a_listed_mention() -> None:
    assert meaning_last([PAPERWORK, CONTAINERS, PAPER_ALT], [CUSTOMS], top=3) == [1, 3, 4]


@pytest.mark.parametrize(
    ("ranked", "best"),
    [
        ([PAPERWORK, PAPER_ALT, CONTAINERS], CUSTOMS),  # the last place is a mention of its own
        ([PAPERWORK, CONTAINERS], dataclasses.replace(CUSTOMS, meaning=0.55)),  # below meaning_slot_min
        ([PAPERWORK, dataclasses.replace(CONTAINERS, meaning=0.8)], CUSTOMS),  # a listed one is meant more
        ([], CUSTOMS),  # a text that names nothing still names nothing
    ],
    ids=["mention-kept", "weak", "listed-meant-more", "empty"],
)
def test_meanings_best_reading_stays_out(ranked: list[Candidate], best: Candidate) -> None:
    top = 3 if len(ranked) == 3 else 5
    assert meaning_last(ranked, [best], top) == [c.concept for c in ranked]
