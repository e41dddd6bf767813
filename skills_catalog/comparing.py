"""Which of the offers on a page of results is the cheapest, nearest, soonest or shortest, and
which of them are taught in a language or held in a mode.

People look at five cards and ask "which one is the cheapest?": the answer is read from the
offers themselves, ties named together, and an offer that does not give the figure asked
about is never called the best by default (a course with no price is not "the cheapest").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from skills_catalog.models import Offer


class Criterion(Enum):
    """What a comparison asks for; each picks the offers with the smallest figure."""

    COST = "cost"
    DISTANCE = "distance"
    START = "start"
    DURATION = "duration"


@dataclass(frozen=True)
class Shown:
    """An offer as it was shown: its number on the page of cards and its distance (``None``:
    not told, e.g. online or no town given)."""

    number: int
    offer: Offer
    distance_km: float | None = None


@dataclass(frozen=True)
class Comparison:
    """The best offers (several when tied, in card order) and the offers that do not give the
    figure (they cannot be compared on it)."""

    best: tuple[Shown, ...]
    unknown: tuple[Shown, ...]


def figure(shown: Shown, criterion: Criterion, today: date) -> float | None:
    """The number an offer is compared by, ``None`` when it does not give one. A rolling start
    ("start any time") counts as today: it can be started soonest."""
    offer = shown.offer
    if criterion is Criterion.COST:
        return offer.cost_eur
    if criterion is Criterion.DISTANCE:
        return shown.distance_km
    if criterion is Criterion.DURATION:
        return offer.duration_hours
    start = offer.start_date or today
    return float(max(start, today).toordinal())


def compare(shown: list[Shown], criterion: Criterion, today: date) -> Comparison:
    """The offers of ``shown`` with the smallest figure for ``criterion``."""
    figures = [(figure(s, criterion, today), s) for s in shown]
    known = [(value, s) for value, s in figures if value is not None]
    unknown = tuple(s for value, s in figures if value is None)
    if not known:
        return Comparison((), unknown)
    least = min(value for value, _ in known)
    return Comparison(tuple(s for value, s in known if value == least), unknown)


def having(
    shown: Sequence[Shown], languages: Collection[str] = (), mode: str | None = None
) -> tuple[Shown, ...]:
    """The offers of ``shown``, in card order, taught in one of ``languages`` (ISO codes; none
    named: any) and held in ``mode`` (``None``: any). Why: "which ones are in Basque?" over five
    cards got the general answer about languages, though each card says its own."""
    return tuple(
        s
        for s in shown
        if (not languages or set(languages) & set(s.offer.languages))
        and (mode is None or s.offer.mode == mode)
    )
