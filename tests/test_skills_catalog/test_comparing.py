"""Which offer of a page is the cheapest, nearest, soonest or shortest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from skills_catalog.comparing import Criterion, Shown, compare
from tests.test_skills_catalog.conftest import TODAY, make_offers

OFFERS = make_offers()


def page(*keys: str, distances: tuple[float | None, ...] = ()) -> list[Shown]:
    """The offers ``keys`` as cards 1.. with ``distances`` (None when not given)."""
    far = distances or (None,) * len(keys)
    return [Shown(i + 1, OFFERS[key], km) for i, (key, km) in enumerate(zip(keys, far, strict=True))]


def numbers(shown: tuple[Shown, ...]) -> list[int]:
    return [s.number for s in shown]


def test_the_cheapest_are_all_the_free_ones_in_card_order() -> None:
    result = compare(page("O2", "O1", "O3", "O4"), Criterion.COST, TODAY)
    assert numbers(result.best) == [2, 4]  # O1 and O4 are free; O2 costs 450, O3 200
    assert result.unknown == ()


def test_an_offer_without_a_price_is_never_the_cheapest() -> None:
    no_price = replace(OFFERS["O2"], cost_eur=None)
    shown = [Shown(1, no_price), Shown(2, OFFERS["O3"])]
    result = compare(shown, Criterion.COST, TODAY)
    assert numbers(result.best) == [2]
    assert numbers(result.unknown) == [1]


def test_the_nearest_leaves_out_cards_without_a_distance() -> None:
    result = compare(page("O1", "O2", "O3", distances=(12.0, 3.5, None)), Criterion.DISTANCE, TODAY)
    assert numbers(result.best) == [2]
    assert numbers(result.unknown) == [3]


def test_a_rolling_start_is_the_soonest() -> None:
    # O3 has no start date (start any time); O5 starts 2027-01-15, O1 2027-02-01
    assert numbers(compare(page("O1", "O5", "O3"), Criterion.START, TODAY).best) == [3]
    assert numbers(compare(page("O1", "O5"), Criterion.START, TODAY).best) == [2]


def test_a_course_that_started_already_counts_as_starting_today() -> None:
    running = replace(OFFERS["O1"], start_date=date(2026, 1, 1))
    result = compare([Shown(1, running), Shown(2, OFFERS["O3"])], Criterion.START, TODAY)
    assert numbers(result.best) == [1, 2]


@pytest.mark.parametrize(
    ("hours", "best", "unknown"),
    [((40.0, 16.0, None), [2], [3]), ((None, None, None), [], [1, 2, 3])],
    ids=["shortest", "none-gives-its-length"],
)
def test_the_shortest(hours: tuple[float | None, ...], best: list[int], unknown: list[int]) -> None:
    shown = [
        Shown(i + 1, replace(OFFERS[k], duration_hours=h))
        for i, (k, h) in enumerate(zip(("O1", "O2", "O3"), hours, strict=True))
    ]
    result = compare(shown, Criterion.DURATION, TODAY)
    assert (numbers(result.best), numbers(result.unknown)) == (best, unknown)
