"""Label scoring in two passes (int8 for every concept, float32 for those that matter) gives what
scoring every concept in float32 gives: same shortlist, same best cosines and rows."""

from __future__ import annotations

import csv
import logging
import os
from pathlib import Path

import numpy as np
import pytest

from skills_catalog import recognition_semantic
from skills_catalog.recognition_semantic import LabelVectors, Nearest, clauses

ROOT = Path(__file__).resolve().parents[2]
ESCO = ROOT.parent / "shared" / "esco" / "v1.1.1"
CACHE = ROOT / "var" / "cache"  # the project's, as ``make eval`` uses
SHORTLIST = 30


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _labels(
    rng: np.random.Generator, count: int = 3000, extras: int = 200
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Label vectors in clusters (many near ties, as among ESCO's labels), float16 like the cache;
    extra phrasings near some of them, float16 values held as float32 (as the cache gives them)."""
    centres = _unit(rng.standard_normal((60, 384)))
    vectors = _unit(centres[rng.integers(0, 60, count)] + 0.6 * _unit(rng.standard_normal((count, 384))))
    concepts = rng.integers(0, count, extras)
    extra = _unit(vectors[concepts] + 0.5 * _unit(rng.standard_normal((extras, 384))))
    return vectors.astype(np.float16), extra.astype(np.float16).astype(np.float32), concepts


def _queries(rng: np.random.Generator, vectors: np.ndarray, rows: int) -> np.ndarray:
    """Unit query rows near some labels (a chat line's clauses are near what they name)."""
    picked = vectors[rng.integers(0, len(vectors), rows)].astype(np.float32)
    return _unit(picked + rng.uniform(0.3, 1.2) * _unit(rng.standard_normal((rows, 384))))


def _same(fast: Nearest, slow: Nearest, wanted: list[int]) -> None:
    """Same shortlist, but for concepts tied at its last cosine (which of them make the cut is
    arbitrary); for it and the wanted concepts the same best cosine and row."""
    top = sorted(fast.concepts[fast.top].tolist())
    last = float(slow.best[slow.top].min()) if len(slow.top) else 0.0
    assert {c for c in top if slow.best[c] != last} == {
        int(c) for c in slow.concepts[slow.top] if slow.best[c] != last
    }
    assert len(top) == len(slow.top)
    for concept in set(top) | set(wanted):
        at = int(np.searchsorted(fast.concepts, concept))
        assert fast.concepts[at] == concept
        assert fast.best[at] == pytest.approx(float(slow.best[concept]), abs=1e-6)
        assert fast.where[at] == slow.where[concept]


@pytest.fixture(scope="module")
def pair() -> tuple[LabelVectors, LabelVectors]:
    pytest.importorskip("onnxruntime")
    vectors, extra, concepts = _labels(np.random.default_rng(7))
    fast = LabelVectors(vectors, np.ones(len(vectors), bool), extra, concepts)
    assert fast._coarse is not None, "ONNX Runtime is installed: scoring should run in two passes"
    return fast, LabelVectors(vectors, np.ones(len(vectors), bool), extra, concepts, coarse=False)


@pytest.mark.parametrize("rows", [1, 3, 5])
def test_two_passes_give_what_scoring_every_concept_gives(
    pair: tuple[LabelVectors, LabelVectors], rows: int
) -> None:
    fast, slow = pair
    rng = np.random.default_rng(rows)
    for _ in range(40):
        queries = _queries(rng, slow.vectors, rows)
        wanted = rng.integers(0, len(slow.vectors), 8).tolist()
        _same(fast.nearest(queries, wanted, SHORTLIST), slow.nearest(queries, wanted, SHORTLIST), wanted)


def test_scores_agree_with_nearest(pair: tuple[LabelVectors, LabelVectors]) -> None:
    """``scores`` (every concept, exactly) stays available and agrees, whichever way labels are held."""
    fast, slow = pair
    queries = _queries(np.random.default_rng(3), slow.vectors, 4)
    assert np.allclose(fast.scores(queries), slow.scores(queries), atol=1e-6)
    best = slow.scores(queries).max(axis=0)
    found = fast.nearest(queries, [], SHORTLIST)
    assert np.allclose(found.best, best[found.concepts], atol=1e-6)


def test_the_bounds_hold(pair: tuple[LabelVectors, LabelVectors]) -> None:
    """Every column's exact best cosine is at most its upper bound, and the threshold is at most
    the shortlist's lowest exact best; both close enough to leave few concepts to score exactly."""
    fast, slow = pair
    coarse = fast._coarse
    assert coarse is not None
    rng = np.random.default_rng(11)
    for _ in range(20):
        queries = _queries(rng, slow.vectors, int(rng.integers(1, 6)))
        upper, threshold, norm, margin = coarse.bounds(queries, SHORTLIST)
        labels = (queries @ slow.vectors.T).max(axis=0)
        exact = np.concatenate([labels, (queries @ slow.extra.T).max(axis=0)])
        assert np.all(exact <= upper)
        assert np.all(upper - 2 * (coarse.errors + margin) <= exact)
        assert threshold <= np.sort(labels)[-SHORTLIST]
        assert norm == pytest.approx(1.0, abs=1e-5)
        assert float(np.median(upper - exact)) < 0.1
        assert np.count_nonzero(upper >= threshold) < len(labels) / 10


def test_small_taxonomy_scores_every_concept() -> None:
    pytest.importorskip("onnxruntime")
    rng = np.random.default_rng(5)
    vectors = _unit(rng.standard_normal((12, 384))).astype(np.float16)
    fast = LabelVectors(vectors, np.ones(12, bool))
    slow = LabelVectors(vectors, np.ones(12, bool), coarse=False)
    queries = _queries(rng, vectors, 3)
    found = fast.nearest(queries, [2], SHORTLIST)
    assert found.concepts.tolist() == list(range(12)) and len(found.top) == 12
    _same(found, slow.nearest(queries, [2], SHORTLIST), [2])


def test_no_shortlist(pair: tuple[LabelVectors, LabelVectors]) -> None:
    fast, slow = pair
    queries = _queries(np.random.default_rng(8), slow.vectors, 2)
    assert len(fast.nearest(queries, [], 0).concepts) == 0
    _same(fast.nearest(queries, [5, 9], 0), slow.nearest(queries, [5, 9], 0), [5, 9])


def test_queries_that_are_not_unit_vectors_are_scored_exactly(
    pair: tuple[LabelVectors, LabelVectors],
) -> None:
    fast, slow = pair
    queries = 3.0 * _queries(np.random.default_rng(9), slow.vectors, 2)  # no bound holds for these
    _same(fast.nearest(queries, [1], SHORTLIST), slow.nearest(queries, [1], SHORTLIST), [1])


def test_without_onnxruntime_every_concept_is_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recognition_semantic, "int8_bounds", lambda *args, **kwargs: None)
    vectors, extra, concepts = _labels(np.random.default_rng(2), count=400, extras=20)
    labels = LabelVectors(vectors, np.ones(400, bool), extra, concepts)
    assert labels._coarse is None and labels.vectors.dtype == np.float32
    found = labels.nearest(_queries(np.random.default_rng(2), vectors, 3), [], SHORTLIST)
    assert len(found.concepts) == 400 and len(found.top) == SHORTLIST


def test_an_inexact_int8_kernel_is_not_used(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Should ONNX Runtime's integer product ever differ from numpy's (a saturating kernel),
    labels are scored in float32 only, with a warning."""
    pytest.importorskip("onnxruntime")
    monkeypatch.setattr(recognition_semantic, "_exact", lambda *args: False)
    vectors, extra, concepts = _labels(np.random.default_rng(4), count=300, extras=10)
    with caplog.at_level(logging.WARNING, logger="skills_catalog.recognition_semantic"):
        labels = LabelVectors(vectors, np.ones(300, bool), extra, concepts)
    assert labels._coarse is None
    assert any("not exact" in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------- full ESCO (../shared)


@pytest.mark.slow
def test_full_esco_chat_lines_get_the_same_shortlist() -> None:
    """On full ESCO's 13.9k skills and the chat lines of the dev and eval sets."""
    if not ESCO.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the full ESCO export is missing at {ESCO}")
        pytest.skip(f"full ESCO export not found at {ESCO} (../shared is absent)")
    from skills_catalog.recognition import Recognizer
    from skills_catalog.taxonomy import load_taxonomy

    recognizer = Recognizer.build(load_taxonomy(ESCO, cache_dir=CACHE), cache_dir=CACHE)
    if recognizer.semantic is None or recognizer.semantic.skills._coarse is None:
        pytest.skip("needs the model package and ONNX Runtime")
    fast = recognizer.semantic.skills
    slow = LabelVectors(fast.vectors, fast.proposable, fast.extra, fast.extra_concepts, coarse=False)
    lines = []
    for folder in ("dev", "eval"):
        with (ROOT / "tests" / "data" / folder / "skill_mentions.csv").open(encoding="utf-8") as handle:
            lines += [row["text"] for row in csv.DictReader(handle)]
    rng = np.random.default_rng(0)
    for text in lines:
        vectors = recognizer.semantic.embed(text)
        assert len(vectors) == len(clauses(text)) + 1
        wanted = rng.integers(0, len(fast.vectors), 20).tolist()
        _same(fast.nearest(vectors, wanted, SHORTLIST), slow.nearest(vectors, wanted, SHORTLIST), wanted)


@pytest.mark.parametrize(
    ("text", "parts"),
    [("welding, PLC and Excel", ["welding", "PLC", "Excel"]),
     ("short of 40,000 nurses, sadly", ["short of 40,000 nurses", "sadly"]),
     ("did 3.5 years. then forklift", ["did 3.5 years", "then forklift"])],
    ids=["commas-and-and", "thousands", "decimal-point"],
)  # fmt: skip
def test_clauses_end_at_punctuation_but_not_inside_a_number(text: str, parts: list[str]) -> None:
    assert [text[a:b] for a, b in clauses(text)[1:]] == parts
