"""Measure recognition and matching quality against full ESCO (``make eval``).

Reads the labelled sets in ``tests/data/eval/`` and the judged catalogue in
``tests/data/eval_catalog/`` (see docs/quality.md), builds the recogniser over the full ESCO
export in ``../shared/esco/v1.1.1`` and reports:

- skills: top-1 accuracy, recall@5, MRR, per kind of mention, and latency per text;
- false positives: share of skill-free chat messages for which any skill is returned;
- occupations: top-1 accuracy, recall@5, MRR;
- matching: nDCG@5 over the judged profiles and the number of hard-limit violations,
  checked here independently of the engine's own filtering;
- the TECH and HOUSE skill-extraction validation sets: RP@5 and MRR.

Figures are reported, not asserted: the exit status is 0 however low they are, except that
a recommendation breaking a hard limit exits 1 (that is a bug, not a quality level). Bad
input (a missing ESCO folder or data file) exits 2.

Usage::

    python scripts/evaluate.py [--esco DIR] [--json] [--quick] [--dev]

``--dev`` reads our own development lines in ``tests/data/dev/`` instead (same files, no
profiles): the set to tune on, so that ``tests/data/eval/`` stays a measurement only.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_ESCO = Path(__file__).resolve().parents[1].parent / "shared/esco/v1.1.1"
BENCHMARK_DIR = ROOT.parent / "shared/benchmarks/skill-extraction"
EVAL_DIR = ROOT / "tests/data/eval"
DEV_DIR = ROOT / "tests/data/dev"
EVAL_CATALOG = ROOT / "tests/data/eval_catalog"
CACHE_DIR = ROOT / "var/cache"
LEXICON_DIR = ROOT / "data/lexicon"
#: The day the judged catalogue is evaluated on, so results do not drift as its dates pass.
EVAL_TODAY = date(2026, 12, 1)
NO_LABEL = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
TOP = 5
QUICK_EVERY = 4  # --quick keeps every 4th labelled text
QUICK_BENCHMARK = 60  # --quick keeps the first 60 sentences of each benchmark
KM_TOLERANCE = 0.5  # rounding slack when checking distances


class EvaluationError(Exception):
    """Input the evaluation cannot run without (missing folder or file)."""


# ---------------------------------------------------------------- ranking metrics


@dataclass
class RankStats:
    """Accumulates ranked-retrieval figures for one set of texts."""

    n: int = 0
    top1: int = 0
    hits: int = 0
    rr: float = 0.0
    seconds: list[float] = field(default_factory=list)

    def add(self, ranked: Sequence[str], acceptable: Sequence[str], seconds: float) -> None:
        """Score one text: ``ranked`` URIs returned, ``acceptable`` URIs judged right."""
        self.n += 1
        self.seconds.append(seconds)
        rank = next((i for i, uri in enumerate(ranked[:TOP], 1) if uri in acceptable), 0)
        self.top1 += rank == 1
        self.hits += rank > 0
        self.rr += 1 / rank if rank else 0.0

    def summary(self) -> dict[str, float]:
        """top1, recall@5 and MRR as fractions, plus the count."""
        n = max(self.n, 1)
        return {"n": self.n, "top1": self.top1 / n, "recall@5": self.hits / n, "mrr": self.rr / n}


def latency(seconds: Sequence[float]) -> dict[str, float]:
    """Mean, median and 95th percentile in milliseconds."""
    if not seconds:
        return {"mean_ms": 0.0, "p50_ms": 0.0, "p95_ms": 0.0}
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {
        "mean_ms": 1000 * statistics.fmean(ordered),
        "p50_ms": 1000 * statistics.median(ordered),
        "p95_ms": 1000 * p95,
    }


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    """Result of ``call()`` and the seconds it took."""
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


# ---------------------------------------------------------------- data files


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file with a header."""
    if not path.is_file():
        raise EvaluationError(f"missing data file: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split_uris(cell: str) -> list[str]:
    """The ``;``-separated URIs of an ``acceptable_uris`` cell, in order."""
    return [u.strip() for u in cell.split(";") if u.strip()]


def normalised(text: str) -> str:
    """Lower-case words only, for comparing a text with a lexicon phrase."""
    return " ".join(re.findall(r"[a-z0-9+#]+", text.lower()))


def lexicon_phrases() -> set[str]:
    """Normalised phrases of the shipped phrase lexicons (colloquial, everyday, trades).

    Read through the recogniser's own loader, so the thesaurus (everyday words, not phrases
    of a concept) is left out as it is when the index is built.
    """
    from skills_catalog.recognition_lexicon import load_lexicon

    return {normalised(entry.phrase) for entry in load_lexicon(LEXICON_DIR)}


def subset(rows: list[Any], quick: bool) -> list[Any]:
    """Every QUICK_EVERY-th row when ``quick``, else all rows."""
    return rows[::QUICK_EVERY] if quick else rows


# ---------------------------------------------------------------- recognition


def evaluate_skills(recognizer: Any, quick: bool, data: Path = EVAL_DIR) -> dict[str, Any]:
    """Skill mentions: overall and per-kind figures, latency, false positives."""
    overall, unseen, by_kind = RankStats(), RankStats(), defaultdict(RankStats)
    lexicon = lexicon_phrases()
    for row in subset(read_csv(data / "skill_mentions.csv"), quick):
        matches, seconds = timed(lambda text=row["text"]: recognizer.skills(text, top=TOP))
        ranked, acceptable = [m.uri for m in matches], split_uris(row["acceptable_uris"])
        overall.add(ranked, acceptable, seconds)
        by_kind[row["kind"]].add(ranked, acceptable, seconds)
        if normalised(row["text"]) not in lexicon:
            unseen.add(ranked, acceptable, seconds)
    free = subset(read_csv(data / "skill_free.csv"), quick)
    false_positives = [row["text"] for row in free if recognizer.skills(row["text"], top=TOP)]
    return {
        **overall.summary(),
        "by_kind": {kind: stats.summary() for kind, stats in sorted(by_kind.items())},
        "not_in_lexicon": unseen.summary(),
        "latency": latency(overall.seconds),
        "skill_free": {
            "n": len(free),
            "fp_rate": len(false_positives) / max(len(free), 1),
            "examples": false_positives[:10],
        },
    }


def evaluate_occupations(recognizer: Any, quick: bool, data: Path = EVAL_DIR) -> dict[str, Any]:
    """Job titles typed in chat: top-1, recall@5, MRR and latency."""
    stats = RankStats()
    for row in subset(read_csv(data / "job_titles.csv"), quick):
        matches, seconds = timed(lambda text=row["text"]: recognizer.occupations(text, top=TOP))
        stats.add([m.uri for m in matches], split_uris(row["acceptable_uris"]), seconds)
    return {**stats.summary(), "latency": latency(stats.seconds)}


def benchmark_gold(path: Path, label_to_uri: dict[str, str]) -> tuple[list[tuple[str, set[str]]], int]:
    """Sentences with their gold skill URIs, and how many gold labels had no v1.1.1 URI."""
    gold: dict[str, set[str]] = defaultdict(set)
    unmapped = 0
    for row in read_csv(path):
        label = row["label"].strip()
        if not label or label in NO_LABEL:
            continue
        uri = label_to_uri.get(label.lower())
        if uri:
            gold[row["sentence"]].add(uri)
        else:
            unmapped += 1
    return list(gold.items()), unmapped


def evaluate_benchmark(
    recognizer: Any, path: Path, label_to_uri: dict[str, str], quick: bool
) -> dict[str, Any]:
    """RP@5 and MRR on one skill-extraction validation split."""
    sentences, unmapped = benchmark_gold(path, label_to_uri)
    sentences = sentences[:QUICK_BENCHMARK] if quick else sentences
    rp, rr, seconds = 0.0, 0.0, []
    for sentence, gold in sentences:
        matches, took = timed(lambda text=sentence: recognizer.skills(text, top=TOP))
        seconds.append(took)
        ranked = [m.uri for m in matches]
        rp += sum(uri in gold for uri in ranked[:TOP]) / min(TOP, len(gold))
        rank = next((i for i, uri in enumerate(ranked[:TOP], 1) if uri in gold), 0)
        rr += 1 / rank if rank else 0.0
    n = max(len(sentences), 1)
    return {
        "n": len(sentences),
        "rp@5": rp / n,
        "mrr": rr / n,
        "unmapped_gold_labels": unmapped,
        "latency": latency(seconds),
    }


def preferred_labels(taxonomy: Any) -> dict[str, str]:
    """Lower-cased preferred label → skill URI (the benchmarks name skills by preferred label)."""
    return {skill.label.strip().lower(): uri for uri, skill in taxonomy.skills.items()}


# ---------------------------------------------------------------- matching


def load_profiles() -> list[dict[str, Any]]:
    """The judged profiles of ``profiles.json``."""
    path = EVAL_DIR / "profiles.json"
    if not path.is_file():
        raise EvaluationError(f"missing data file: {path}")
    return json.loads(path.read_text(encoding="utf-8"))["profiles"]


def haversine_km(a: Any, b: Any) -> float:
    """Great-circle distance between two points with ``lat``/``lon`` (computed here on purpose)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def limit_violations(offer: Any, profile: Any) -> list[str]:
    """Which hard limits of ``profile`` ``offer`` breaks (empty when it fits)."""
    broken = []
    if profile.modes and offer.mode not in profile.modes:
        broken.append("mode")
    if profile.languages and not set(offer.languages) & set(profile.languages):
        broken.append("language")
    if profile.max_cost_eur is not None and (offer.cost_eur or 0) > profile.max_cost_eur:
        broken.append("cost")
    if profile.available_from and offer.start_date and offer.start_date < profile.available_from:
        broken.append("start date")
    if too_far(offer, profile):
        broken.append("distance")
    return broken


def too_far(offer: Any, profile: Any) -> bool:
    """The offer meets in person (or blended) farther away than the profile allows."""
    if profile.max_distance_km is None or profile.location is None or offer.mode == "online":
        return False
    return haversine_km(profile.location, offer.point) > profile.max_distance_km + KM_TOLERANCE


def feasible(offer: Any, profile: Any) -> bool:
    """An offer the engine may recommend: within the limits and not started by EVAL_TODAY."""
    started = offer.start_date is not None and offer.start_date < EVAL_TODAY
    return not started and not limit_violations(offer, profile)


def dcg(grades: Iterable[int]) -> float:
    """Discounted cumulative gain with exponential gain (2^grade - 1)."""
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at(recommended: Sequence[str], relevance: dict[str, int], ideal_pool: Iterable[str]) -> float | None:
    """nDCG@5 of ``recommended`` against the best ranking of ``ideal_pool``; None when nothing is relevant."""
    ideal = dcg(sorted((relevance.get(o, 0) for o in ideal_pool), reverse=True)[:TOP])
    if ideal == 0:
        return None
    return dcg(relevance.get(o, 0) for o in recommended[:TOP]) / ideal


def evaluate_matching(taxonomy: Any, recognizer: Any) -> dict[str, Any]:
    """nDCG@5 and hard-limit violations over the judged profiles."""
    from skills_catalog.catalog import load_catalog
    from skills_catalog.places import Gazetteer
    from skills_catalog.profiles import profile_from_json

    gazetteer = Gazetteer.default()
    catalog = load_catalog(EVAL_CATALOG, taxonomy, gazetteer)
    index = build_index(catalog, taxonomy)
    rows, violations, seconds = [], [], []
    for judged in load_profiles():
        profile, _ = profile_from_json(judged["profile"], taxonomy, recognizer, gazetteer)
        found, took = timed(lambda p=profile: index.recommend(p, top=TOP))
        seconds.append(took)
        offers = [r.offer for r in found.recommendations]
        for offer in offers:
            violations += [
                f"{judged['id']}: {offer.offer_id} breaks {b}" for b in limit_violations(offer, profile)
            ]
        pool = [o.offer_id for o in catalog.offers.values() if feasible(o, profile)]
        score = ndcg_at([o.offer_id for o in offers], judged["relevance"], pool)
        rows.append({"id": judged["id"], "ndcg@5": score, "recommended": [o.offer_id for o in offers]})
    scored = [r["ndcg@5"] for r in rows if r["ndcg@5"] is not None]
    return {
        "profiles": len(rows),
        "ndcg@5": statistics.fmean(scored) if scored else 0.0,
        "violations": len(violations),
        "violation_details": violations,
        "per_profile": rows,
        "latency": latency(seconds),
    }


def build_index(catalog: Any, taxonomy: Any) -> Any:
    """An ``OfferIndex`` that sees EVAL_TODAY as today when it accepts a clock."""
    import inspect

    from skills_catalog.matching import OfferIndex

    if "today" in inspect.signature(OfferIndex).parameters:
        return OfferIndex(catalog, taxonomy, today=lambda: EVAL_TODAY)
    return OfferIndex(catalog, taxonomy)


# ---------------------------------------------------------------- running


def run(
    esco: Path, quick: bool, say: Callable[[str], None], data: Path = EVAL_DIR, runtime: str | None = None
) -> dict[str, Any]:
    """Every evaluation; the result dict is what ``--json`` prints.

    Matching is evaluated only when ``data`` holds judged profiles (the dev set has none).
    ``runtime``: the encoder's (``None``: the recogniser's default), to compare them.
    """
    from skills_catalog.recognition import Recognizer
    from skills_catalog.taxonomy import load_taxonomy

    if not esco.is_dir():
        raise EvaluationError(f"ESCO folder not found: {esco} (pass --esco DIR)")
    say(f"loading ESCO from {esco}")
    taxonomy, load_s = timed(lambda: load_taxonomy(esco, CACHE_DIR))
    say("building the recogniser")
    recognizer, build_s = timed(lambda: Recognizer.build(taxonomy, cache_dir=CACHE_DIR, runtime=runtime))
    result: dict[str, Any] = {
        "esco": str(esco),
        "quick": quick,
        "data": data.name,
        "runtime": getattr(getattr(recognizer.semantic, "encoder", None), "runtime", "none"),
        "setup_s": {"taxonomy": load_s, "recognizer": build_s},
    }
    say("skills")
    result["skills"] = evaluate_skills(recognizer, quick, data)
    say("occupations")
    result["occupations"] = evaluate_occupations(recognizer, quick, data)
    if (data / "profiles.json").is_file():
        say("matching")
        result["matching"] = evaluate_matching(taxonomy, recognizer)
    labels = preferred_labels(taxonomy)
    for name in ("tech", "house"):
        say(f"benchmark {name.upper()}")
        path = BENCHMARK_DIR / f"{name}_validation_annotations.csv"
        result[f"benchmark_{name}"] = (
            evaluate_benchmark(recognizer, path, labels, quick) if path.is_file() else None
        )
    return result


def pct(value: float) -> str:
    """A fraction as a percentage with one decimal."""
    return f"{100 * value:5.1f}%"


def report(result: dict[str, Any]) -> str:
    """The human-readable summary."""
    sk, oc, ma = result["skills"], result["occupations"], result.get("matching")
    lines = [
        f"ESCO: {result['esco']}  data: {result.get('data', 'eval')}  encoder: {result.get('runtime', 'none')}{'  (quick subset)' if result['quick'] else ''}",
        f"skills       n={sk['n']:<4} top-1 {pct(sk['top1'])}  recall@5 {pct(sk['recall@5'])}  MRR {sk['mrr']:.3f}",
    ]
    for kind, k in sk["by_kind"].items():
        lines.append(
            f"  {kind:<12} n={k['n']:<4} top-1 {pct(k['top1'])}  recall@5 {pct(k['recall@5'])}  MRR {k['mrr']:.3f}"
        )
    un = sk["not_in_lexicon"]
    lines.append(
        f"  {'not lexicon':<12} n={un['n']:<4} top-1 {pct(un['top1'])}  recall@5 {pct(un['recall@5'])}  MRR {un['mrr']:.3f}"
    )
    lat = sk["latency"]
    lines.append(
        f"  latency per text: mean {lat['mean_ms']:.1f} ms, p50 {lat['p50_ms']:.1f} ms, p95 {lat['p95_ms']:.1f} ms"
    )
    free = sk["skill_free"]
    lines.append(
        f"skill-free   n={free['n']:<4} false positives {pct(free['fp_rate'])}  e.g. {free['examples'][:3]}"
    )
    lines.append(
        f"occupations  n={oc['n']:<4} top-1 {pct(oc['top1'])}  recall@5 {pct(oc['recall@5'])}  MRR {oc['mrr']:.3f}"
    )
    if ma is not None:
        lines.append(
            f"matching     profiles={ma['profiles']}  nDCG@5 {ma['ndcg@5']:.3f}  hard-limit violations {ma['violations']}"
        )
        lines += [f"  VIOLATION {v}" for v in ma["violation_details"]]
    for name in ("tech", "house"):
        b = result[f"benchmark_{name}"]
        if b is None:
            lines.append(f"{name.upper():<12} (benchmark file not found)")
        else:
            lines.append(
                f"{name.upper():<12} n={b['n']:<4} RP@5 {pct(b['rp@5'])}  MRR {b['mrr']:.3f}  unmapped gold {b['unmapped_gold_labels']}"
            )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    from skills_catalog.settings import DEFAULT_ENCODER_RUNTIME, ENCODER_RUNTIMES

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--esco", type=Path, default=DEFAULT_ESCO, help=f"ESCO CSV export (default {DEFAULT_ESCO})"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    parser.add_argument("--quick", action="store_true", help="a subset, for CI")
    parser.add_argument("--dev", action="store_true", help=f"our own development lines in {DEV_DIR} (no matching)")
    parser.add_argument(
        "--runtime",
        choices=ENCODER_RUNTIMES,
        help=f"the encoder's runtime (default {DEFAULT_ENCODER_RUNTIME}; ENCODER_RUNTIME is not read here)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run, print, and return 0 (figures reported), 1 (hard limit broken or failure) or 2 (bad input)."""
    args = parse_args(argv)
    say = (lambda msg: print(f"... {msg}", file=sys.stderr)) if not args.json else (lambda _msg: None)
    try:
        result = run(args.esco, args.quick, say, DEV_DIR if args.dev else EVAL_DIR, args.runtime)
    except EvaluationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else report(result))
    violations = result.get("matching", {}).get("violations", 0)
    if violations:
        print(f"error: {violations} recommendation(s) break a hard limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
