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
from .recognition_semantic import Nearest


def semantic_strength(cosine: np.ndarray, weights: RecognitionWeights) -> np.ndarray:
    """Map cosine similarity to credit: 0 at ``semantic_floor`` and below, 1 at ``semantic_ceiling``.

    Why a ramp: MiniLM puts unrelated short texts at cosine 0.1-0.3 and a good paraphrase at
    0.55-0.8, so raw cosines would give every concept some credit. Above the ceiling the ramp
    goes on (up to ~2 at cosine 1.0), so near-identical labels still rank by similarity.
    """
    span = max(weights.semantic_ceiling - weights.semantic_floor, 1e-6)
    return np.maximum((cosine - weights.semantic_floor) / span, 0.0)


def fuse(
    candidates: dict[int, Candidate],
    nearest: Nearest,
    ranges: list[tuple[int, int]],
    weights: RecognitionWeights,
    proposable: np.ndarray,
) -> None:
    """Rescore ``candidates`` in place with meaning's verdict; add strong new ones.

    ``nearest`` (:meth:`LabelVectors.nearest`) holds the best cosine over ``ranges`` of every
    candidate and of the ``semantic_shortlist`` concepts nearest by meaning. A lexical candidate
    keeps its span; a concept found only by meaning gets the span of the clause it is closest to.
    """
    strength = semantic_strength(nearest.best, weights)
    share = weights.semantic_weight
    if candidates:
        concepts = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
        found = strength[np.searchsorted(nearest.concepts, concepts)].tolist()
        for cand, credit in zip(candidates.values(), found, strict=True):
            cand.score = (1.0 - share) * cand.score + share * credit
            cand.meaning = credit
    for at in nearest.top.tolist():
        concept = int(nearest.concepts[at])
        if concept in candidates or strength[at] <= 0.0 or not proposable[concept]:
            continue
        start, end = ranges[int(nearest.where[at])]
        score = weights.semantic_only_weight * float(strength[at])
        candidates[concept] = Candidate(concept, score, start, end, False, float(strength[at]))
