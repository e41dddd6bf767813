"""What the command line prints: JSON shapes of the CLI spec and their human-readable twins.

Kept apart from argument parsing so the JSON shapes — a contract with scripts and the
evaluation — are in one short module that tests can check key by key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from .demo_dates import DemoCatalog
from .errors import CatalogProblem
from .explain import distance_words
from .models import Catalog, Match, Partner, Recommendation, Recommendations, SkillRef, Taxonomy


def ref_json(ref: SkillRef) -> dict[str, str]:
    return {"uri": ref.uri, "label": ref.label}


def match_json(match: Match) -> dict[str, Any]:
    return {"uri": match.uri, "label": match.label, "score": round(match.score, 4), "span": match.span}


def recommendation_json(rec: Recommendation) -> dict[str, Any]:
    """One recommendation exactly as the spec's example shows it."""
    offer, partner = rec.offer, rec.partner
    return {
        "offer_id": offer.offer_id,
        "title": offer.title,
        "score": rec.score,
        "partner": {
            "partner_id": partner.partner_id,
            "name": partner.name,
            "city": partner.city,
            "website": partner.website,
        },
        "distance_km": rec.distance_km,
        "mode": offer.mode,
        "start_date": offer.start_date.isoformat() if offer.start_date else None,
        "cost_eur": offer.cost_eur,
        "covers": [ref_json(r) for r in rec.covers],
        "reasons": list(rec.reasons),
    }


def recommendations_json(found: Recommendations) -> dict[str, Any]:
    """``recommend --json``: gap, recommendations, unrecognised, and ``relax``: when nothing
    fits, the spec's "reasons that say which limit to relax" (empty otherwise)."""
    return {
        "gap": [ref_json(r) for r in found.gap],
        "recommendations": [recommendation_json(r) for r in found.recommendations],
        "unrecognised": unmatched(found),
        "relax": list(found.relax),
    }


def unmatched(found: Recommendations) -> list[str]:
    """The texts that named no ESCO skill and that no offer's label matched as text either.

    Why: "SAP S/4HANA basics" was shown covered by an offer (its label, matched as text) and,
    two lines below, as not recognised (QA8); the spec's ``unrecognised`` is "input text that
    matched nothing"."""
    covered = {ref.label for rec in found.recommendations for ref in rec.covers if not ref.uri}
    return [text for text in found.unrecognised if text not in covered]


def partner_rows_json(
    rows: Sequence[tuple[Partner, tuple[SkillRef, ...], float | None]],
) -> list[dict[str, Any]]:
    """Partners teaching a need's skills, for ``need --json``."""
    return [
        {
            "partner_id": p.partner_id,
            "name": p.name,
            "city": p.city,
            "website": p.website,
            "distance_km": km,
            "skills": [ref_json(r) for r in refs],
        }
        for p, refs, km in rows
    ]


def problem_json(problem: CatalogProblem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "row": problem.row or None,  # None: the whole file (no spreadsheet row 0)
        "column": problem.column,
        "message": problem.message,
        "severity": problem.severity,
    }


def demo_dates_json(catalog: Catalog | None) -> dict[str, Any] | None:
    """What loading did to the shipped demo's dates (:mod:`demo_dates`); None for any other
    catalogue, whose dates are always read as written."""
    if not isinstance(catalog, DemoCatalog):
        return None
    dates = catalog.dates
    return {
        "today": dates.today.isoformat(),
        "dated_offers": dates.dated,
        "moved": dates.moved,
        "note": dates.describe(),
    }


def stats_json(catalog: Catalog, taxonomy: Taxonomy, today: date | None = None) -> dict[str, Any]:
    """Counts a cluster manager asks for: partners, offers, skills, ecosystems, regions.

    Regions are given as countries and towns (the gazetteer knows no administrative regions);
    ``past_start`` counts offers whose start date has passed: they are never recommended;
    ``demo_dates`` says how many the shipped demo had moved forward instead (None otherwise)."""
    offers = catalog.offers.values()
    today = today or date.today()
    mapped = sum(len(o.skills) for o in offers)
    unmapped = sum(len(o.unmapped_skills) for o in offers)
    return {
        "source": catalog.source,
        "partners": len(catalog.partners),
        "offers": len(catalog.offers),
        "past_start": sum(1 for o in offers if o.start_date is not None and o.start_date < today),
        "demo_dates": demo_dates_json(catalog),
        "skills_covered": len({s for o in offers for s in o.skills}),
        "skill_labels": {
            "mapped": mapped,
            "unmapped": unmapped,
            "mapped_share": round(mapped / (mapped + unmapped), 4) if mapped + unmapped else None,
        },
        "ecosystems": dict(Counter(o.ecosystem for o in offers).most_common()),
        "countries": dict(Counter(o.country for o in offers).most_common()),
        "cities": dict(Counter(f"{o.city}, {o.country}" for o in offers).most_common()),
        "modes": dict(Counter(o.mode for o in offers).most_common()),
        "taxonomy": taxonomy.version,
        "attribution": Taxonomy.ATTRIBUTION,
    }


# ---------------------------------------------------------------- human text


def _counts(counts: dict[str, int], limit: int = 8) -> str:
    items = list(counts.items())
    shown = "; ".join(f"{k}: {v}" for k, v in items[:limit])
    return shown + (f"; and {len(items) - limit} more (--json lists all)" if len(items) > limit else "")


def stats_text(stats: dict[str, Any]) -> Iterable[str]:
    labels = stats["skill_labels"]
    share = f" ({labels['mapped_share']:.0%})" if labels["mapped_share"] is not None else ""
    yield f"Catalogue: {stats['source']}"
    yield f"  partners:       {stats['partners']}"
    yield f"  offers:         {stats['offers']}" + (
        f" ({stats['past_start']} past their start date: never recommended)" if stats["past_start"] else ""
    )
    if stats["demo_dates"]:
        yield f"  {stats['demo_dates']['note']}"
    yield f"  skills covered: {stats['skills_covered']} ESCO skills"
    yield f"  skill labels mapped to ESCO: {labels['mapped']} of {labels['mapped'] + labels['unmapped']}{share}"
    yield f"  ecosystems:     {_counts(stats['ecosystems'])}"
    yield f"  countries:      {_counts(stats['countries'])}"
    yield f"  cities:         {_counts(stats['cities'])}"
    yield f"  modes:          {_counts(stats['modes'])}"
    yield f"Taxonomy: {stats['taxonomy']} — {stats['attribution']}"


def matches_text(matches: Sequence[Match], what: str) -> Iterable[str]:
    if not matches:
        yield f"No ESCO {what} recognised."
    for m in matches:
        yield f'{m.score:5.2f}  {m.label}  ← "{m.span}"  {m.uri}'
    yield Taxonomy.ATTRIBUTION


def recommendation_text(n: int, rec: Recommendation) -> Iterable[str]:
    yield f"{n}. {rec.offer.title} — {rec.partner.name}, {rec.offer.city or rec.partner.city}  [{rec.offer.offer_id}, score {rec.score:.2f}]"
    yield f"   {'; '.join(rec.reasons)}"
    if rec.offer.url or rec.partner.website:
        yield f"   {rec.offer.url or rec.partner.website}"


def recommendations_text(
    found: Recommendations,
    gap_title: str = "Skills to learn",
    partners: Sequence[tuple[Partner, tuple[SkillRef, ...], float | None]] = (),
) -> Iterable[str]:
    """The answer in words; ``partners`` (a need's) come before the ESCO attribution, last."""
    labels = ", ".join(r.label for r in found.gap)
    if found.gap:
        yield f"{gap_title} ({len(found.gap)}): {labels}"
    else:
        yield f"{gap_title}: none" + (" — showing related offers" if found.recommendations else "")
    for n, rec in enumerate(found.recommendations, 1):
        yield from recommendation_text(n, rec)
    if not found.recommendations:
        yield "Nothing fits." + (" Try relaxing one limit:" if found.relax else "")
        yield from (f"  - {hint}" for hint in found.relax)
    missing = unmatched(found)
    if missing:
        yield "Not recognised: " + ", ".join(f'"{t}"' for t in missing)
    yield from partners_text(partners)
    yield Taxonomy.ATTRIBUTION


def partners_text(rows: Sequence[tuple[Partner, tuple[SkillRef, ...], float | None]]) -> Iterable[str]:
    if rows:
        yield "Partners teaching these skills:"
    for partner, refs, km in rows:
        where = f"{partner.city} ({distance_words(km)})" if km is not None else partner.city
        yield f"  - {partner.name}, {where}: {', '.join(r.label for r in refs)}  {partner.website}".rstrip()


def problems_text(source: str, problems: Sequence[CatalogProblem], rows_shown: int = 5) -> Iterable[str]:
    """One line per distinct finding; the same finding on many rows is one line with its rows.

    Why: a 9,900-offer catalogue gave 2,640 lines, mostly the same 15 labels (QA8)."""
    errors = sum(p.severity == "error" for p in problems)
    groups: dict[tuple[str, str, str, str], list[int]] = {}
    for p in problems:
        groups.setdefault((p.file, p.column, p.message, p.severity), []).append(p.row)
    for (file, column, message, severity), rows in groups.items():
        if len(rows) == 1:
            yield str(CatalogProblem(file, rows[0], column, message, severity))
            continue
        listed = ", ".join(map(str, rows[:rows_shown])) + (" …" if len(rows) > rows_shown else "")
        where = f" [{column}]" if column else ""
        yield f"{file} ({len(rows)} rows: {listed}){where} {severity}: {message}"
    verdict = "REFUSED" if errors else "OK"
    yield f"{verdict}: {source}: {errors} error(s), {len(problems) - errors} warning(s)"
