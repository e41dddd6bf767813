"""An experiment: the encoder tuned on the project's own lexicon, as small changes laid over MiniLM's weights.

Why: MiniLM was trained for general sentence similarity, and a paraphrase of a task that no
lexicon row covers ("i put in the wheat and potatoes at the end of summer") often lies nearer
to a sibling concept's label than to its own. ``scripts/tune_encoder.py`` tunes the six
transformer blocks on our lexicon alone (everyday phrasing -> the concept's gloss in our words,
the nearest other glosses as hard negatives, chat lines kept from coming closer), keeps 0.3 of
the change (weight-space interpolation keeps what the published model did well) and stores it
at rank 32: per weight matrix ``left @ right`` in float16, per vector its change (~2.5 MB).
Measured and left out: see docs/recognition.md, "Fifteenth night".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np

_LEFT, _RIGHT, _DELTA = ".left", ".right", ".delta"


class TunedWeights(Mapping[str, np.ndarray]):
    """``base`` weights with a tuning file's changes added as each tensor is read.

    Why on reading: the encoder copies one layer at a time out of the weights it is given, so
    adding the changes there keeps no second float32 copy of all six blocks in memory.
    """

    def __init__(self, base: Mapping[str, np.ndarray], changes: Mapping[str, np.ndarray]) -> None:
        self.base = base
        self.changes = changes

    def __getitem__(self, name: str) -> np.ndarray:
        weight = self.base[name]
        if name + _DELTA in self.changes:
            return np.asarray(weight, np.float32) + self.changes[name + _DELTA].astype(np.float32)
        if name + _LEFT in self.changes:
            left = self.changes[name + _LEFT].astype(np.float32)
            return np.asarray(weight, np.float32) + left @ self.changes[name + _RIGHT].astype(np.float32)
        return weight

    def __iter__(self) -> Iterator[str]:
        return iter(self.base)

    def __len__(self) -> int:
        return len(self.base)


def read_tuning(path: Path) -> tuple[dict[str, np.ndarray], str]:
    """The changes a tuning file holds, and the first 12 hex digits of its SHA-1 (for cache keys).

    Raises:
        ValueError: the file is no tuning file (a key that is not a change of a tensor).
    """
    with np.load(path) as data:
        changes = {name: data[name] for name in data.files}
    odd = [n for n in changes if not n.endswith((_LEFT, _RIGHT, _DELTA))]
    lonely = [n for n in changes if n.endswith(_LEFT) and n[: -len(_LEFT)] + _RIGHT not in changes]
    if odd or lonely:
        raise ValueError(f"{path}: not a tuning file (unexpected entries {sorted(odd + lonely)[:3]})")
    return changes, hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def tuning_changes(
    base: Mapping[str, np.ndarray], tuned: Mapping[str, np.ndarray], share: float, rank: int
) -> dict[str, np.ndarray]:
    """What a tuning file stores: ``share`` of each tensor's change from ``base`` to ``tuned``,
    a matrix's as its best rank-``rank`` factors (truncated SVD), all in float16."""
    changes: dict[str, np.ndarray] = {}
    for name, weight in tuned.items():
        change = share * (np.asarray(weight, np.float64) - np.asarray(base[name], np.float64))
        if change.ndim == 1:
            changes[name + _DELTA] = change.astype(np.float16)
            continue
        left, sizes, right = np.linalg.svd(change, full_matrices=False)
        changes[name + _LEFT] = (left[:, :rank] * sizes[:rank]).astype(np.float16)
        changes[name + _RIGHT] = right[:rank].astype(np.float16)
    return changes
