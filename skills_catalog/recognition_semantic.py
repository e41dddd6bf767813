"""The semantic half of recognition: sentence embeddings of concept labels, and look-up.

Why: the lexical matcher needs a shared word (or a lexicon phrase), and a shared word can
mislead ("I can stay calm when things go wrong" shares "stay" with *keep company*). A sentence
encoder (:mod:`embedding`) puts a description near the label it means (*react calmly in
stressful situations*). Each concept's preferred label is embedded once, cached under
``cache_dir`` as float16 (keyed on the labels and the model), and held as float32 in memory
(full ESCO: 21 MB skills + 5 MB occupations). At query time one encoder pass gives the text's
vector and, by pooling its token states, one vector per clause; one matrix product compares
them with every label.

Alternative labels (~130k in ESCO) are not embedded: at ~450 labels/s of CPU a cold build
would take ~5 minutes and the vectors ~200 MB as float32; the lexical matcher covers them word
for word.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .embedding import Encoder
from .embedding_blas import times_transposed
from .embedding_onnx import product_path, saved_product
from .recognition_text import GENERIC
from .text import STOPWORDS, token_spans

logger = logging.getLogger(__name__)

#: Bump when what is embedded changes, so cached label embeddings are rebuilt.
SEMANTIC_VERSION = "semantic-2"
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
#: Where a chat message changes subject: sentence ends, commas, "and"/"but"/"also" between
#: clauses. Only punctuation and whole words, so clause tokens are a run of the text's tokens.
_CLAUSE = re.compile(r"[.;!?\n,]+|\s(?:and|but|also|plus|as well as)\s", re.IGNORECASE)


@dataclass
class LabelVectors:
    """Unit vectors of one kind of concept's labels: one row per concept, plus extra phrasings.

    Stored float16 on disk (full ESCO skills: 10 MB) and float32 in memory (21 MB), because
    numpy has no fast float16 matrix product and converting per query costs ~5 ms.
    """

    vectors: np.ndarray
    #: per concept: may be proposed on meaning alone; not so for labels of one to three
    #: characters ("R", "C#", "LESS"), whose vectors sit near any short chat line
    proposable: np.ndarray
    #: vectors of everyday phrasings (the colloquial lexicon) and the concept each stands for
    extra: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    extra_concepts: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))

    #: ``queries -> queries @ vectors.T`` held by ONNX Runtime (:func:`embedding_onnx.saved_product`);
    #: when set, ``vectors`` stay as given (float16 from the cache: the session has its own copy)
    product: Callable[[np.ndarray], np.ndarray] | None = None

    def __post_init__(self) -> None:
        if self.product is None:
            self.vectors = np.ascontiguousarray(self.vectors, dtype=np.float32)
        self.extra = np.ascontiguousarray(self.extra, dtype=np.float32)
        # extras grouped by concept, so a query takes each concept's best phrasing in one
        # ``maximum.reduceat`` (``np.maximum.at`` per row cost ~0.25 ms a query)
        self._order = np.argsort(self.extra_concepts, kind="stable")
        grouped = self.extra_concepts[self._order]
        self._starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]]) if len(grouped) else grouped
        self._concepts = grouped[self._starts]

    def scores(self, queries: np.ndarray) -> np.ndarray:
        """Cosine of each query (rows, unit float32) with every concept: ``(queries, concepts)``.

        A concept's cosine is that of its nearest phrasing: its label or a lexicon phrase, so
        "I fix the robots" is near *maintain robotic equipment* through "fix robots". The
        product runs in ONNX Runtime when :attr:`product` is set (the matrix packed once: ~1 ms
        for full ESCO's skills), else through :func:`embedding_blas.times_transposed` (scipy's
        AVX-512 ``sgemm``, which packs the matrix at every call: ~2-4.5 ms; numpy ~6-7 ms).
        """
        out = self.product(queries) if self.product is not None else times_transposed(queries, self.vectors)
        if len(self._concepts):
            extra = times_transposed(queries, self.extra)
            best = np.maximum.reduceat(extra[:, self._order], self._starts, axis=1)
            out[:, self._concepts] = np.maximum(out[:, self._concepts], best)
        return out


class Semantic:
    """The encoder and the label vectors of skills and occupations.

    Query embeddings are memoised: the assistant asks for the skills and the occupations of the
    same message, and the skill look-up consults occupations too.
    """

    def __init__(self, encoder: Encoder, skills: LabelVectors, occupations: LabelVectors) -> None:
        self.encoder = encoder
        self.skills = skills
        self.occupations = occupations
        self.embed = lru_cache(maxsize=512)(self._embed)

    @classmethod
    def build(
        cls,
        encoder: Encoder,
        skills: tuple[list[str], list[tuple[int, str]]],
        occupations: tuple[list[str], list[tuple[int, str]]],
        cache_dir: Path | None,
    ) -> Semantic:
        """Embed each kind's ``(labels, extra phrasings)`` (or load them from ``cache_dir``)."""
        return cls(
            encoder,
            embed_labels(encoder, skills[0], cache_dir, skills[1]),
            embed_labels(encoder, occupations[0], cache_dir, occupations[1]),
        )

    def _embed(self, text: str) -> np.ndarray:
        """Vectors of ``text``: one per range of :func:`clauses`, then one of its content words.

        Why the content words: labels are terse ("maintain robotic equipment"); the same line
        without its pronouns and chat words ("fix robots line break") sits nearer to them.
        """
        ranges = clauses(text)
        groups = [[r] for r in ranges[1:]] + [content_spans(text)]
        return self.encoder.encode_parts(text, groups)


def label_text(label: str) -> str:
    """The text embedded for a concept: its preferred label without ESCO's qualifier."""
    return _QUALIFIER.sub("", label).strip() or label


def embed_labels(
    encoder: Encoder, labels: list[str], cache_dir: Path | None, extras: Sequence[tuple[int, str]] = ()
) -> LabelVectors:
    """Embed ``labels`` and ``(concept row, phrase)`` extras (reusing cached vectors)."""
    texts = [label_text(label) for label in labels]
    phrases = [phrase for _row, phrase in extras]
    vectors = _vectors(encoder, texts, cache_dir)
    # only with a cache: built in memory, the session would hold twice the matrix (onnx_product)
    product = saved_product(vectors, product_path(cache_dir, vectors)) if cache_dir is not None else None
    return LabelVectors(
        vectors,
        _proposable(texts),
        _vectors(encoder, phrases, cache_dir) if phrases else np.zeros((0, encoder.dim), np.float32),
        np.array([row for row, _phrase in extras], dtype=np.int64),
        product,
    )


def _vectors(encoder: Encoder, texts: list[str], cache_dir: Path | None) -> np.ndarray:
    """Unit vectors of ``texts``, from ``cache_dir`` when the same texts were embedded before."""
    key = hashlib.sha1("\n".join([SEMANTIC_VERSION, encoder.name, *texts]).encode()).hexdigest()[:16]
    path = Path(cache_dir) / f"label-vectors-{key}.npy" if cache_dir else None
    if path is not None and path.is_file():
        try:
            vectors = np.load(path)
            if vectors.shape == (len(texts), encoder.dim):
                return vectors
        except (OSError, ValueError):
            logger.warning("ignoring unreadable label-vector cache %s", path)
    vectors = encoder.encode(texts).astype(np.float16)
    if path is not None:
        _save(path, vectors)
    return vectors


def _proposable(texts: list[str]) -> np.ndarray:
    return np.array([len(t) > 3 for t in texts], dtype=bool)


def _save(path: Path, vectors: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npy")
        np.save(temp, vectors)
        os.replace(temp, path)
    except OSError as exc:
        logger.warning("cannot write label-vector cache %s: %s", path, exc)


def content_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` that are neither stopwords nor chat words."""
    return [(a, b) for token, a, b in token_spans(text) if token not in STOPWORDS and token not in GENERIC]


def clauses(text: str) -> list[tuple[int, int]]:
    """Character ranges of the clauses of ``text`` that hold a letter (the whole text first if
    several); never empty, so a text of digits is its own single range."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE.finditer(text):
        ranges.append((start, match.start()))
        start = match.end()
    ranges.append((start, len(text)))
    ranges = [_strip(text, a, b) for a, b in ranges]
    ranges = [r for r in ranges if re.search(r"[A-Za-z]", text[r[0] : r[1]])]
    if len(ranges) != 1:
        ranges.insert(0, _strip(text, 0, len(text)))
    return ranges


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end
