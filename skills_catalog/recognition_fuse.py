"""Fusion of lexical label matches with sentence-embedding similarity.

Why both: the lexical matcher is precise and gives exact spans, but it is blind to paraphrases
("I sort out the rota" -> *schedule shifts*) and can be fooled by a label that happens to share
a rare word with the text ("I can stay calm" -> *keep company*). The encoder sees meaning but
not which words carry it, and on its own ranks near-synonyms loosely. Each concept's score
becomes a weighted mean of the two, so a label match the meaning contradicts sinks, and a
concept the meaning supports strongly surfaces even with no shared word.
"""

from __future__ import annotations

import numpy as np

from .recognition_match import Candidate, RecognitionWeights


def semantic_strength(cosine: np.ndarray, weights: RecognitionWeights) -> np.ndarray:
    """Map cosine similarity to credit: 0 at ``semantic_floor`` and below, 1 at ``semantic_ceiling``.

    Why a ramp: MiniLM puts unrelated short texts at cosine 0.1-0.3 and a good paraphrase at
    0.55-0.8, so raw cosines would give every concept some credit. Above the ceiling the ramp
    goes on (up to ~2 at cosine 1.0), so near-identical labels still rank by similarity.
    """
    span = max(weights.semantic_ceiling - weights.semantic_floor, 1e-6)
    return np.maximum((cosine - weights.semantic_floor) / span, 0.0)


def best_rows(cosine: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(cosine.max(axis=0), cosine.argmax(axis=0))`` for a few rows and many columns.

    Why: numpy reduces over the short axis of a C-ordered ``(3-5, 13.9k)`` matrix slowly
    (~0.5 ms); row by row it is ~0.2 ms. Ties keep the first row, as ``argmax`` does.
    """
    best = cosine[0].copy()
    where = np.zeros(cosine.shape[1], dtype=np.intp)
    for i in range(1, len(cosine)):
        where[cosine[i] > best] = i
        np.maximum(best, cosine[i], out=best)
    return best, where


def fuse(
    candidates: dict[int, Candidate],
    cosine: np.ndarray,
    ranges: list[tuple[int, int]],
    weights: RecognitionWeights,
    proposable: np.ndarray,
) -> None:
    """Rescore ``candidates`` in place with ``cosine`` ``(ranges, concepts)``; add strong new ones.

    A lexical candidate keeps its span; a concept found only by meaning gets the span of the
    clause it is closest to.
    """
    best, where = best_rows(cosine)
    strength = semantic_strength(best, weights)
    share = weights.semantic_weight
    for concept, cand in candidates.items():
        cand.score = (1.0 - share) * cand.score + share * float(strength[concept])
    count = min(weights.semantic_shortlist, len(best))
    for concept in np.argpartition(-best, count - 1)[:count]:
        concept = int(concept)
        if concept in candidates or strength[concept] <= 0.0 or not proposable[concept]:
            continue
        start, end = ranges[int(where[concept])]
        score = weights.semantic_only_weight * float(strength[concept])
        candidates[concept] = Candidate(concept, score, start, end, False)
