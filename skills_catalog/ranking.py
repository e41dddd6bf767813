"""Column arrays of a catalogue's offers and the vector arithmetic of ranking.

Why columns: scoring 100,000 offers one dataclass at a time costs tens of milliseconds in
Python; the same work on numpy arrays indexed by candidate positions costs well under one. The
table is built once per catalogue (``OfferIndex``) and only read afterwards, so it is safe to
share between threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from .models import GeoPoint, Offer

if TYPE_CHECKING:
    from .matching import MatchWeights

EARTH_RADIUS_KM = 6371.0088
MODE_CODES = {"in_person": 0, "online": 1, "blended": 2}
ONLINE = MODE_CODES["online"]
ROLLING = -1  # start ordinal of an offer without a start date
OPEN_END = np.iinfo(np.int64).max  # end ordinal of an offer without an end date

#: The hard limits a profile can set, in the order relax hints are given.
LIMITS = ("distance", "modes", "languages", "cost", "start")


@dataclass(frozen=True)
class Limits:
    """The hard limits of one request, resolved (``today`` is injectable for tests)."""

    today: date
    location: GeoPoint | None = None
    max_distance_km: float | None = None
    modes: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    max_cost_eur: float | None = None
    available_from: date | None = None

    @property
    def earliest_start(self) -> date:
        """Offers starting before this day are out: the later of ``available_from`` and today."""
        if self.available_from and self.available_from > self.today:
            return self.available_from
        return self.today


class OfferTable:
    """Offers as numpy columns; position ``i`` in every array is ``offers[i]``."""

    def __init__(self, offers: Sequence[Offer], pact_members: frozenset[str] = frozenset()) -> None:
        self.offers = tuple(offers)
        self.member = np.array([o.partner_id in pact_members for o in offers], dtype=bool)
        self.lat = np.radians(np.array([o.point.lat for o in offers], dtype=np.float64))
        self.lon = np.radians(np.array([o.point.lon for o in offers], dtype=np.float64))
        self.mode = np.array([MODE_CODES.get(o.mode, 0) for o in offers], dtype=np.int8)
        self.cost = np.array([np.nan if o.cost_eur is None else o.cost_eur for o in offers], dtype=np.float64)
        self.funded = np.array([bool(o.funding) for o in offers], dtype=bool)
        self.start = np.array(
            [o.start_date.toordinal() if o.start_date else ROLLING for o in offers], dtype=np.int64
        )
        self.end = np.array(
            [o.end_date.toordinal() if o.end_date else OPEN_END for o in offers], dtype=np.int64
        )
        self.eqf = np.array(
            [np.nan if o.eqf_level is None else o.eqf_level for o in offers], dtype=np.float64
        )
        self.seats = np.array([np.nan if o.seats is None else o.seats for o in offers], dtype=np.float64)
        self.partnership = np.array([bool(o.pact_partnership) for o in offers], dtype=bool)
        self.twin = np.array([_twin_share(o.transitions) for o in offers], dtype=np.float64)
        self.language_column = {c: i for i, c in enumerate(sorted({c for o in offers for c in o.languages}))}
        self.languages = np.zeros((len(offers), max(1, len(self.language_column))), dtype=bool)
        pairs = [(i, self.language_column[c]) for i, o in enumerate(offers) for c in o.languages]
        if pairs:
            rows, cols = zip(*pairs, strict=True)
            self.languages[list(rows), list(cols)] = True

    def __len__(self) -> int:
        return len(self.offers)

    def distances(self, idx: np.ndarray, point: GeoPoint) -> np.ndarray:
        """Great-circle distances in km from ``point`` to the offers at ``idx`` (haversine)."""
        lat0, lon0 = np.radians(point.lat), np.radians(point.lon)
        lat, lon = self.lat[idx], self.lon[idx]
        a = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
        return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))

    def masks(self, idx: np.ndarray, limits: Limits, dist: np.ndarray | None) -> dict[str, np.ndarray]:
        """One boolean array per hard limit (True = passes), plus ``open`` (not ended).

        Kept separate, not and-ed, so relax hints can ask "what if this one limit went?".
        An offer whose cost is not given fails a cost limit: the limit is a promise and an
        unknown cost cannot keep it.
        """
        n = len(idx)
        yes = np.ones(n, dtype=bool)
        out = {name: yes for name in LIMITS}
        out["open"] = self.end[idx] >= limits.today.toordinal()
        if limits.max_distance_km is not None and dist is not None:
            out["distance"] = (self.mode[idx] == ONLINE) | (dist <= limits.max_distance_km)
        if limits.modes:
            codes = [MODE_CODES[m] for m in limits.modes if m in MODE_CODES]
            out["modes"] = np.isin(self.mode[idx], codes)
        if limits.languages:
            cols = [self.language_column[c] for c in limits.languages if c in self.language_column]
            out["languages"] = self.languages[idx][:, cols].any(axis=1) if cols else ~yes
        if limits.max_cost_eur is not None:
            cost = self.cost[idx]
            out["cost"] = ~np.isnan(cost) & (np.nan_to_num(cost, nan=np.inf) <= limits.max_cost_eur)
        start = self.start[idx]
        out["start"] = (start == ROLLING) | (start >= limits.earliest_start.toordinal())
        return out


def all_pass(masks: dict[str, np.ndarray], skip: str = "") -> np.ndarray:
    """And of every mask but ``skip`` (the limit a relax hint imagines dropped)."""
    result = masks["open"].copy()
    for name in LIMITS:
        if name != skip:
            result &= masks[name]
    return result


def _twin_share(transitions: Sequence[str]) -> float:
    """1 for an offer serving both green and digital transitions, 0.5 for one, else 0."""
    return sum(t in transitions for t in ("green", "digital")) / 2


def rank_order(scores: np.ndarray, dist: np.ndarray | None, idx: np.ndarray) -> np.ndarray:
    """Positions of ``scores`` best first; ties go to the nearer, then the lower index.

    The lower index is the offer id order (``OfferIndex`` sorts offers by id), so equal
    requests always list equal offers in the same order — paging relies on that.
    """
    near = dist if dist is not None else np.zeros(len(scores))
    return np.lexsort((idx, near, -np.round(scores, 9)))


def far_behind(
    score: np.ndarray,
    covered: np.ndarray,
    dist: np.ndarray | None,
    mode: np.ndarray,
    far_km: float,
    page: int,
) -> np.ndarray:
    """``score`` with each in-person offer farther than ``far_km`` lowered below the offers that
    teach as much of the request (``covered``) and are closer: online, or at most half as far.

    Why: with no distance limit, a free course in Bilbao (1,425 km from Graz) came before the
    same course in Bergamo (468 km) for €450, and far courses were listed among near ones as if
    a trip across Europe were a detail: proximity falls by the same step per doubling of the
    distance, so past a region's reach cost and the Pact bonus outweighed it. Offers within reach
    and online ones keep their scores, and so does a far offer that teaches more than the closer
    ones. Only far offers that could reach the first ``page`` positions are looked at, nearest
    first, so a farther one goes below a nearer one already lowered.
    """
    if dist is None:
        return score
    near = np.where(mode == ONLINE, 0.0, dist)
    far = np.flatnonzero(near > far_km)
    if not far.size:
        return score
    kept = np.sort(score[near <= far_km])[::-1]
    floor = kept[page - 1] if 0 < page <= len(kept) else -np.inf
    out = score.copy()
    for at in far[np.argsort(near[far], kind="stable")]:
        if out[at] < floor:
            continue
        closer = (near <= near[at] / 2) & ((covered >= covered[at]) | np.isclose(covered, covered[at]))
        if closer.any():
            out[at] = min(out[at], float(out[closer].min()) - 1e-6)
    return out


def scores(
    table: OfferTable,
    idx: np.ndarray,
    coverage: np.ndarray,
    dist: np.ndarray | None,
    limits: Limits,
    weights: MatchWeights,
    eqf_level: int | None = None,
    people: int | None = None,
    needed_by: date | None = None,
) -> np.ndarray:
    """Weighted mean (0..1) of the score factors of the offers at ``idx``.

    Factors that cannot be judged for this request (distance without a location, EQF without
    the person's level, seats without a head count, being in time without a firm's date) are
    left out of both sum and weight, so a score stays comparable between offers of one answer.
    """
    parts = [(weights.coverage, coverage), _place_factor(table, idx, dist, weights)]
    parts.append((weights.cost, _cost_factor(table, idx, weights)))
    days = np.maximum(table.start[idx] - limits.earliest_start.toordinal(), 0)
    soon = np.where(table.start[idx] == ROLLING, 1.0, np.exp(-days / weights.soon_scale_days))
    parts.append((weights.soonness, soon))
    if eqf_level is not None:
        gap = np.abs(table.eqf[idx] - eqf_level)
        parts.append((weights.eqf, np.where(np.isnan(gap), 0.5, np.clip(1 - gap / 4, 0, 1))))
    parts.append(_pact_factor(table, idx, weights))
    if people:
        seats = table.seats[idx]
        parts.append((weights.seats, np.where(np.isnan(seats), 0.5, np.minimum(seats / people, 1.0))))
    if needed_by is not None:
        end = table.end[idx]
        parts.append((weights.in_time, np.where(end == OPEN_END, 0.5, (end <= needed_by.toordinal()) * 1.0)))
    total = sum(w for w, _ in parts) or 1.0
    weighted = np.zeros(len(idx), dtype=np.float64)
    for weight, factor in parts:
        weighted += weight * factor
    return weighted / total


def _place_factor(
    table: OfferTable, idx: np.ndarray, dist: np.ndarray | None, weights: MatchWeights
) -> tuple[float, np.ndarray]:
    """Proximity (online counts as ``online_proximity``); without a location, mode fit."""
    mode = table.mode[idx]
    if dist is None:
        return weights.mode_fit, np.where(mode == MODE_CODES["in_person"], 0.5, 1.0)
    return weights.distance, np.where(mode == ONLINE, weights.online_proximity, proximity(dist, weights))


def proximity(dist: np.ndarray, weights: MatchWeights) -> np.ndarray:
    """1 on the spot, falling by the same step each time the distance doubles, 0 at the horizon.

    ``1 - ln(1 + km/scale) / ln(1 + horizon/scale)``: people judge distance by ratio (20 km
    is to 10 km as 800 is to 400), so proximity falls with the log of the distance.
    Why not ``exp(-km/scale)``: an exponential is ~0 past four scales, so with no distance
    limit 455 km counted as near as 4,000 km and 60 km little more, and cost or the Pact
    bonus put Reutlingen above Leoben and Eibar above Stuttgart.
    """
    spread = np.log1p(weights.distance_horizon_km / weights.distance_scale_km)
    return np.clip(1.0 - np.log1p(dist / weights.distance_scale_km) / spread, 0.0, 1.0)


def summed(idx: np.ndarray, lists: Sequence[np.ndarray], values: Sequence[float | np.ndarray]) -> np.ndarray:
    """For each candidate at ``idx``, the sum of ``values`` of the posting ``lists`` it is on
    (a list's value, or one value per posting when some offers teach its item less fully)."""
    total = np.zeros(len(idx), dtype=np.float64)
    for found, value in zip(lists, values, strict=True):
        total[np.searchsorted(idx, found)] += value
    return total


def relevant(
    idx: np.ndarray,
    lists: Sequence[np.ndarray],
    worth: Sequence[float],
    core: Sequence[bool],
    weights: MatchWeights,
    fits: Sequence[float | np.ndarray] = (),
) -> np.ndarray:
    """Which candidates at ``idx`` (on the posting ``lists`` of the request's items, each item
    ``worth`` so much, ``core`` or not) teach enough of the request to be listed at all;
    ``fits`` says how fully each offer on a list teaches its item (1 when not given).

    An offer must teach a core item, and skills worth ``min_relevance`` (a generic skill is
    worth ``generic_skill_worth``) or ``min_relevance_share`` of what a small request is worth.
    Why: "covers 1 of the 8 skills: troubleshoot" put heat pumps and 3D printing beside
    robotics courses, and drywall and bricklaying courses, sharing construction safety and
    measuring with a solar technician's goal, were its answer within 40 km. When no candidate
    is worth enough, those teaching a core item are kept (a partial answer that says what it
    covers beats none); when none teaches one, none.
    """
    central = [found for found, is_core in zip(lists, core, strict=True) if is_core]
    teaches_core = summed(idx, central, [1.0] * len(central)) > 0
    need = min(weights.min_relevance, weights.min_relevance_share * sum(worth))
    total = summed(idx, lists, [w * f for w, f in zip(worth, fits or [1.0] * len(worth), strict=True)])
    ok = teaches_core & ((total >= need) | np.isclose(total, need))
    return ok if ok.any() else teaches_core


def coverage(
    idx: np.ndarray,
    lists: Sequence[np.ndarray],
    shares: Sequence[float],
    asked: Sequence[bool],
    weights: MatchWeights,
    fits: Sequence[float | np.ndarray] = (),
    cap: float | None = None,
) -> np.ndarray:
    """How much of the request each candidate at ``idx`` teaches (0..1): the shares of the items
    it covers (times ``fits``, how fully each offer on a list teaches its item), out of at most
    ``cap`` (default ``coverage_cap``).

    Skills asked for by name beside a goal are a part of their own, ``wanted_part`` of the
    whole, with the goal's items the rest. Why: "TIG welding" asked for, with welder the goal,
    had the MAG course first — it teaches six of a welder's skills, enough to fill the cap as
    the TIG course did with TIG, so the nearer one won.
    """
    parts = [part for part in (list(asked), [not a for a in asked]) if any(part)]
    fractions = (weights.wanted_part, 1.0 - weights.wanted_part) if len(parts) == 2 else (1.0,)
    fitted = [share * fit for share, fit in zip(shares, fits or [1.0] * len(shares), strict=True)]
    total = np.zeros(len(idx), dtype=np.float64)
    for fraction, part in zip(fractions, parts, strict=True):
        chosen = [at for at, inside in enumerate(part) if inside]
        covered = summed(idx, [lists[at] for at in chosen], [fitted[at] for at in chosen])
        out_of = min(sum(shares[at] for at in chosen), cap or weights.coverage_cap) or 1.0
        total += fraction * np.minimum(covered / out_of, 1.0)
    return total


def _pact_factor(table: OfferTable, idx: np.ndarray, weights: MatchWeights) -> tuple[float, np.ndarray]:
    """The cluster's policy bonus, as one factor weighted by the sum of its three weights."""
    pact = weights.pact_member + weights.pact_partnership + weights.twin_transition
    bonus = weights.pact_member * table.member[idx] + weights.pact_partnership * table.partnership[idx]
    return pact, (bonus + weights.twin_transition * table.twin[idx]) / (pact or 1.0)


def _cost_factor(table: OfferTable, idx: np.ndarray, weights: MatchWeights) -> np.ndarray:
    """1 for free, decaying with cost; named funding gives back part; unknown cost is 0.5."""
    cost = table.cost[idx]
    factor = np.exp(-np.nan_to_num(cost, nan=0.0) / weights.cost_scale_eur)
    factor = np.where(table.funded[idx] & (cost > 0), factor + (1 - factor) * weights.funding_relief, factor)
    return np.where(np.isnan(cost), 0.5, factor)
