"""Whether a line talks about the person's work at all: a logistic regression over its vector.

Why: the lexical matcher finds a label word in everyday chat ("I broke my arm *skiing*",
"can I cancel my *booking*?", "my phone *battery* is dead"), and the encoder agrees on the
topic, so the line "names" a skill it does not. Whether a line describes work, tasks or skills
is a property of the whole line, which the sentence vector captures well: trained on the lines
of ``data/lexicon/talk.csv`` and the lexicon's phrasings, none of them from our test sets, it
separates the development set's skill mentions from its skill-free lines with a ROC AUC of
0.98, and those of a probe written apart from it, later, with 0.977. Talk *about* jobs,
courses, employers and constraints is no work talk ("are there jobs in solar?", "I don't
drive"). The recogniser uses it as a veto on lines whose every clause it is nearly sure is
chat (``RecognitionWeights.talk_veto``; ``talk_keep`` spares a strong match in a statement),
and as a licence on lines it is sure describe work, where a match meaning supports may name
a skill below the usual bar (``talk_licence``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import LexiconError
from .recognition_lexicon import LEXICON_DIR, TALK_NAME, data_rows

TALK_FILE = LEXICON_DIR / TALK_NAME
COLUMNS = ["text", "work"]


@dataclass(frozen=True)
class TalkDetector:
    """A logistic regression over unit sentence vectors (``coef``, ``bias``)."""

    coef: np.ndarray  # (dim,)
    bias: float

    def probability(self, vector: np.ndarray) -> float:
        """How likely a line with this sentence vector is work talk, 0..1."""
        z = float(vector @ self.coef) + self.bias
        if z >= 0:  # the two forms of the sigmoid that cannot overflow
            return 1.0 / (1.0 + math.exp(-z))
        return math.exp(z) / (1.0 + math.exp(z))


#: Within work talk, the share of the weight the lexicon's phrases carry; the talk file's work
#: lines (whole chat sentences) carry the rest. Chosen from 0.5, 0.75 and the ~0.92 their numbers
#: gave before (recognition.md, "Third night").
PHRASE_SHARE = 0.75
#: Rows per step of training: float64 copies of all ~14k lines at once cost ~80 MB at the peak.
_CHUNK = 1024


def train(
    vectors: np.ndarray,
    work: np.ndarray,
    l2: float = 1 / 3,
    steps: int = 25,
    phrase: np.ndarray | None = None,
) -> TalkDetector:
    """L2-regularised logistic regression by Newton's method (the bias unpenalised), each kind
    of line weighing as much in total as the other; within work talk, the lines ``phrase``
    marks (lexicon phrases) weigh :data:`PHRASE_SHARE` in total, the others the rest.

    Why balanced: work talk is ``talk.csv``'s work lines plus every lexicon phrase, so without
    it each new lexicon row would move the line between chat and work (490 new rows raised
    the detector's verdict on 44 of 45 chat lines). Why a fixed share for the phrases: left to
    their numbers, 2,886 more short task phrases drowned the whole sentences of work talk,
    and "I code in python mostly, a bit of SQL too" was taken for chat. ``l2`` is the penalty
    on ``|w|^2 / 2`` against the weighted log loss, scikit-learn's ``1/C``: 1/3 was the best
    of 0.1-3 in cross-validation on the development lines.
    """
    y = work.astype(np.float64)
    # each kind weighs as much as the other, however many lines it has
    share = np.where(y > 0.5, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max(len(y) - y.sum(), 1)))
    if phrase is not None:
        for lines, part in ((phrase & (y > 0.5), PHRASE_SHARE), (~phrase & (y > 0.5), 1 - PHRASE_SHARE)):
            share[lines] = len(y) / 2 * part / max(lines.sum(), 1)
    penalty = np.full(vectors.shape[1] + 1, l2)
    penalty[-1] = 0.0
    beta = np.zeros(vectors.shape[1] + 1)
    for _ in range(steps):
        gradient, hessian = penalty * beta, np.diag(penalty + 1e-9)
        for start in range(0, len(vectors), _CHUNK):
            rows = _with_bias(vectors[start : start + _CHUNK])
            p = 1.0 / (1.0 + np.exp(-(rows @ beta)))
            weight = share[start : start + _CHUNK]
            gradient += rows.T @ (weight * (p - y[start : start + _CHUNK]))
            hessian += (rows * (weight * p * (1 - p))[:, None]).T @ rows
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return TalkDetector(beta[:-1].astype(np.float32), float(beta[-1]))


def _with_bias(vectors: np.ndarray) -> np.ndarray:
    """``vectors`` in float64 with a column of ones for the bias."""
    return np.hstack([vectors.astype(np.float64), np.ones((len(vectors), 1))])


def load_talk(path: Path = TALK_FILE) -> list[tuple[str, int]]:
    """The ``(text, work)`` lines of a talk CSV (``#`` lines are comments).

    Raises:
        LexiconError: a missing file, wrong header, a row that cannot be used (with its line),
            or lines of one kind only.
    """
    rows: list[tuple[str, int]] = []
    for line, row in data_rows(path, COLUMNS):
        if len(row) != len(COLUMNS) or not row[0].strip() or row[1].strip() not in ("0", "1"):
            raise LexiconError(path.name, line, f"expected text,0 or text,1, got {','.join(row)!r}")
        rows.append((row[0].strip(), int(row[1])))
    if len({work for _, work in rows}) < 2:  # one kind alone trains a detector that says yes (or no) to all
        raise LexiconError(path.name, 0, "needs lines of both kinds, work=1 and work=0")
    return rows
