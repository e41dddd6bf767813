"""Which hard limit to relax when nothing fits, and what relaxing it would give.

Each limit's mask is kept separate by ``OfferTable.masks``, so "what if only this limit
went?" is one more ``and`` per limit over the same candidates — no second search. The hint
proposes the smallest relaxation that helps (the nearest offer's radius, the cheapest offer's
price band, the languages and modes offers exist in), because the person's limit is probably
close to what they can live with.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np

from . import explain
from .ranking import LIMITS, MODE_CODES, ONLINE, ROLLING, Limits, OfferTable, all_pass

Hint = Callable[[OfferTable, np.ndarray, Limits, "np.ndarray | None"], str]


def relax_hints(
    table: OfferTable, idx: np.ndarray, masks: dict[str, np.ndarray], limits: Limits, dist: np.ndarray | None
) -> tuple[str, ...]:
    """One hint per limit that, relaxed alone, admits offers; else why nothing can be offered."""
    if not len(idx) or not masks["open"].any():
        return (explain.NOTHING_TEACHES,)
    hints = []
    for name in LIMITS:
        ok = all_pass(masks, skip=name)
        if name == "start":  # only the person's date can move, never "today"
            ok &= (table.start[idx] == ROLLING) | (table.start[idx] >= limits.today.toordinal())
        if ok.any():
            hints.append(_HINTS[name](table, idx[ok], limits, dist[ok] if dist is not None else None))
    return tuple(h for h in hints if h) or (explain.several_limits_hint(int(masks["open"].sum())),)


def beyond_hints(
    table: OfferTable,
    idx: np.ndarray,
    counts: np.ndarray,
    masks: dict[str, np.ndarray],
    limits: Limits,
    dist: np.ndarray | None,
    factor: float,
) -> tuple[str, ...]:
    """Hints for the offers, open but outside the limits, that teach ``factor`` times as many
    of the request's skills as the best offer within them (and one more at least): which
    limit keeps them out, as :func:`relax_hints` says it. Empty when the limits cost little."""
    inside = all_pass(masks)
    best = int(counts[inside].max()) if inside.any() else 0
    better = masks["open"] & ~inside & (counts >= max(best + 1, factor * best))
    if not better.any():
        return ()
    hints = relax_hints(
        table, idx[better], {k: v[better] for k, v in masks.items()}, limits, dist[better] if dist is not None else None
    )
    return () if hints == (explain.NOTHING_TEACHES,) else hints


def _distance(table: OfferTable, idx: np.ndarray, limits: Limits, dist: np.ndarray | None) -> str:
    if dist is None or limits.max_distance_km is None:
        return ""
    near = np.sort(dist[table.mode[idx] != ONLINE])
    radius = explain.nice_ceiling(float(near[0]), 10)
    return explain.distance_hint(limits.max_distance_km, int((near <= radius).sum()), radius)


def _cost(table: OfferTable, idx: np.ndarray, limits: Limits, dist: np.ndarray | None) -> str:
    cost = np.sort(table.cost[idx][~np.isnan(table.cost[idx])])
    if limits.max_cost_eur is None or not len(cost):
        return ""
    under = (np.floor(cost[0] / 100) + 1) * 100
    return explain.cost_hint(limits.max_cost_eur, int((cost < under).sum()), float(under))


def _modes(table: OfferTable, idx: np.ndarray, limits: Limits, dist: np.ndarray | None) -> str:
    counts = {m: int((table.mode[idx] == code).sum()) for m, code in MODE_CODES.items()}
    return explain.modes_hint(sorted(limits.modes), counts)


def _languages(table: OfferTable, idx: np.ndarray, limits: Limits, dist: np.ndarray | None) -> str:
    counts = {c: int(table.languages[idx, col].sum()) for c, col in table.language_column.items()}
    return explain.languages_hint(sorted(limits.languages), counts)


def _start(table: OfferTable, idx: np.ndarray, limits: Limits, dist: np.ndarray | None) -> str:
    starts = table.start[idx][table.start[idx] != ROLLING]
    if limits.available_from is None or not len(starts):
        return ""
    return explain.start_hint(limits.available_from, len(idx), date.fromordinal(int(starts.min())))


_HINTS: dict[str, Hint] = {
    "distance": _distance,
    "cost": _cost,
    "modes": _modes,
    "languages": _languages,
    "start": _start,
}
