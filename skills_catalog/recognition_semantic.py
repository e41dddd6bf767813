"""The semantic half of recognition: sentence embeddings of concept labels, and look-up.

Why: the lexical matcher needs a shared word (or a lexicon phrase), and a shared word can
mislead ("I can stay calm when things go wrong" shares "stay" with *keep company*). A sentence
encoder (:mod:`embedding`) puts a description near the label it means (*react calmly in
stressful situations*). Each concept's preferred label is embedded once, cached under
``cache_dir`` as float16 (keyed on the labels and the model) and held so in memory (full ESCO:
10.7 MB skills + 2.3 MB occupations), with int8 copies (5.5 + 1.2 MB) in ONNX Runtime. At query
time one encoder pass gives the text's vector and, by pooling its token states, one vector per
clause; they are compared with every label in two passes (:class:`CoarseScores`), int8 for
all, float32 for the few that can matter. :class:`Semantic` also holds the talk detector
(:mod:`recognition_talk`), trained when it is built. A label that writes an abbreviation as
letters (*program a CNC controller*) gets a second row written out, as the encoder reads a chat
line (full ESCO: 140 skills, 55 occupations).

Alternative labels (~130k in ESCO) are not embedded: at ~450 labels/s of CPU a cold build
would take ~5 minutes and the vectors ~200 MB as float32; the lexical matcher covers them word
for word.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .cache_files import mark_used
from .embedding import Encoder
from .embedding_blas import times_transposed
from .embedding_onnx import INT8_LEVELS, Int8Bounds, RowProduct, int8_bounds, return_free_memory, row_product
from .recognition_lexicon import written_out
from .recognition_talk import TalkDetector, load_talk, train
from .recognition_text import GENERIC
from .text import STOPWORDS, token_spans

logger = logging.getLogger(__name__)

#: Bump when what is embedded changes, so cached label embeddings are rebuilt.
SEMANTIC_VERSION = "semantic-2"
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
#: Where a chat message changes subject: sentence ends, commas (not the point or comma inside a
#: number: "40,000", "3.5"), "and"/"but"/"also" between clauses. Only punctuation and whole
#: words, so clause tokens are a run of the text's tokens.
_CLAUSE = re.compile(r"(?:[;!?\n]|[.,](?!\d)|(?<!\d)[.,])+|\s(?:and|but|also|plus|as well as)\s", re.IGNORECASE)


@dataclass
class Nearest:
    """What meaning says about some concepts (ascending rows): each one's best cosine over the
    query rows (that of its nearest phrasing) and the first row reaching it; ``top``: positions
    in ``concepts`` of the concepts with the highest ``best``, those :meth:`LabelVectors.nearest`
    was asked for (the same set as an ``argpartition`` over every concept would give)."""

    concepts: np.ndarray
    best: np.ndarray
    where: np.ndarray
    top: np.ndarray


@dataclass
class LabelVectors:
    """Unit vectors of one kind of concept's labels: one row per concept, plus extra phrasings.

    Stored float16 on disk (full ESCO skills: 10 MB). A query scores them in two passes
    (:class:`CoarseScores`): int8 copies of all of them give every concept an approximate
    cosine with a known error bound, and only the concepts that could matter get their exact
    float32 cosine, from rows of the float16 matrix converted on the fly. Without ONNX Runtime
    the vectors are held as float32 and every concept is scored exactly.
    """

    vectors: np.ndarray
    #: per concept: may be proposed on meaning alone; not so for labels of one to three
    #: characters ("R", "C#", "LESS"), whose vectors sit near any short chat line
    proposable: np.ndarray
    #: vectors of everyday phrasings (the colloquial lexicon) and the concept each stands for
    extra: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    extra_concepts: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    #: score in two passes when ONNX Runtime is there (see :class:`CoarseScores`); ``False``:
    #: every query scores every concept exactly (what the two passes are tested against)
    coarse: bool = True

    def __post_init__(self) -> None:
        self.extra = np.asarray(self.extra)
        self.extra_concepts = np.asarray(self.extra_concepts, dtype=np.int64)
        if len(self.extra) == 0:
            self.extra = np.zeros((0, self.vectors.shape[1]), self.vectors.dtype)
        # extras grouped by concept, so a query takes each concept's best phrasing in one
        # ``maximum.reduceat`` (``np.maximum.at`` per row cost ~0.25 ms a query)
        order = np.argsort(self.extra_concepts, kind="stable")
        self.extra, self.extra_concepts = self.extra[order], self.extra_concepts[order]
        grouped = self.extra_concepts
        self._starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]]) if len(grouped) else grouped
        self._ends = np.r_[self._starts[1:], len(grouped)].astype(np.int64)
        self._concepts = grouped[self._starts]
        self._coarse = CoarseScores.build(self) if self.coarse else None
        if self._coarse is None:
            self.vectors = np.ascontiguousarray(self.vectors, dtype=np.float32)
            self.extra = np.ascontiguousarray(self.extra, dtype=np.float32)

    def scores(self, queries: np.ndarray) -> np.ndarray:
        """Exact cosine of each query (rows, unit float32) with every concept: ``(queries, concepts)``.

        A concept's cosine is that of its nearest phrasing: its label or a lexicon phrase, so
        "I fix the robots" is near *maintain robotic equipment* through "fix robots". Through
        :func:`embedding_blas.times_transposed` (scipy's ``sgemm``: ~2-4.5 ms for full ESCO's
        skills; when the vectors are held as float16, converting them costs ~5 ms more):
        recognition asks :meth:`nearest`, which needs only a few concepts exactly.
        """
        out = times_transposed(queries, np.ascontiguousarray(self.vectors, dtype=np.float32))
        if len(self._concepts):
            extra = times_transposed(queries, np.ascontiguousarray(self.extra, dtype=np.float32))
            best = np.maximum.reduceat(extra, self._starts, axis=1)
            out[:, self._concepts] = np.maximum(out[:, self._concepts], best)
        return out

    def phrased(
        self,
        queries: np.ndarray,
        concepts: np.ndarray,
        pruning: Pruning | None = None,
        product: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Best cosine of each query with the phrasings of those ascending ``concepts`` that have
        any: their positions in ``concepts`` and ``(queries, positions)`` cosines.

        With ``pruning``, a phrasing whose upper bound is below its concept's floor or another
        of its phrasings' lower bound cannot change that concept's best nor the query giving
        it, and is not computed (its cosines read ``-inf``). ``product``: ONNX Runtime's
        ``queries @ extra[rows].T`` from the float16 rows (default: numpy's, for float32 rows).

        Why vectorised: the commonest concepts have dozens of phrasings each; a numpy call per
        phrasing cost ~1.3 ms a query once the lexicon held ~11k of them.
        """
        multiply = product or (lambda queries, rows: queries @ np.asarray(self.extra[rows], np.float32).T)
        slot = np.searchsorted(self._concepts, concepts)
        slot = np.minimum(slot, max(len(self._concepts) - 1, 0))
        has = np.flatnonzero(self._concepts[slot] == concepts) if len(self._concepts) else slot[:0]
        slot = slot[has]
        lengths = self._ends[slot] - self._starts[slot]
        if not lengths.sum():
            return has, np.zeros((len(queries), 0), np.float32)
        group = np.r_[0, np.cumsum(lengths)[:-1]]
        rows = np.repeat(self._starts[slot] - group, lengths) + np.arange(lengths.sum())
        if pruning is None:
            return has, np.maximum.reduceat(multiply(queries, rows), group, axis=1)
        upper = pruning.upper[rows]
        lower = upper - 2 * (pruning.errors[rows] + np.float32(pruning.margin))
        floor = np.maximum(pruning.floor[has], np.maximum.reduceat(lower, group))
        needed = upper >= np.repeat(floor, lengths)
        cosine = np.full((len(queries), len(rows)), -np.inf, np.float32)
        cosine[:, needed] = multiply(queries, rows[needed])
        return has, np.maximum.reduceat(cosine, group, axis=1)

    def nearest(self, queries: np.ndarray, wanted: Iterable[int], count: int) -> Nearest:
        """The best cosine of the ``wanted`` concepts, and of the ``count`` concepts nearest to
        any query row, exactly as :meth:`scores` followed by a max over the rows would give them
        (up to the order of float32 summation)."""
        if self._coarse is not None:
            return self._coarse.nearest(np.ascontiguousarray(queries, dtype=np.float32), wanted, count)
        return _exactly(self.scores(queries), count)


@dataclass
class Pruning:
    """What lets :meth:`LabelVectors.phrased` skip phrasings: per concept asked for, its best
    cosine so far (``floor``); per phrasing, an upper bound on its best cosine over the queries
    (``upper``), of which ``upper - 2 * (errors + margin)`` is a lower bound
    (:class:`embedding_onnx.Bounds`)."""

    floor: np.ndarray
    upper: np.ndarray
    errors: np.ndarray
    margin: float


class CoarseScores:
    """Two-pass scoring: approximate cosines of every concept, exact ones for those that matter.

    Why: full ESCO's skill vectors are 21 MB as float32; multiplying a chat line's 3-5 vectors by
    all of them cost ~1.5 ms (more when the encoder has just pushed them out of the CPU's
    cache), and the max over rows, the ramp and the shortlist over all 13.9k concepts another
    ~0.5 ms, for a result that uses ~30-150 concepts. Here every label and lexicon phrasing is
    held as int8 (7 bits and one scale per row, in an ONNX Runtime session: 5.5 MB) and each
    query vector is rounded to int8 too; their exact integer products give every concept an
    approximate best cosine ``a`` with a bound ``r`` on its error (Cauchy-Schwarz:
    ``|q.v - q'.v'| <= |q| |v - v'| + |q - q'| |v'|``, per row of labels and per query, plus
    a margin for float rounding; :func:`embedding_onnx.int8_bounds`). The ``count`` concepts with
    the highest exact cosine all have ``a + r`` at or above the ``count``-th highest ``a - r``
    among the labels, so only those (~50-150 for a chat line) and the ``wanted`` ones (the
    lexical candidates) are scored exactly, in float32 from the float16 rows (gathered,
    converted and multiplied in ONNX Runtime), as every concept was before.
    """

    #: added to every bound: float32 rounding of the products, norms and scales (~1e-6)
    SLACK = 1e-4

    def __init__(
        self, bounds: Int8Bounds, exact: RowProduct, phrasings: RowProduct, labels: LabelVectors, errors: np.ndarray
    ) -> None:
        self.bounds = bounds
        self.exact = exact  # over the labels' rows
        self.phrasings = phrasings  # over the lexicon phrasings' rows (:attr:`LabelVectors.extra`)
        self.labels = labels
        self.errors = errors  # per column, as the bounds use them
        self.count = len(labels.vectors)
        self.column_concept = np.concatenate([np.arange(self.count, dtype=np.int64), labels.extra_concepts])

    @classmethod
    def build(cls, labels: LabelVectors) -> CoarseScores | None:
        """Quantise ``labels``' rows; ``None`` without ONNX Runtime, or when its integer product
        is not exact on this machine (checked once; then every concept is scored exactly)."""
        count = len(labels.vectors)
        if count == 0 or labels.vectors.dtype not in (np.float16, np.float32):
            return None
        parts = [_quantise(block) for matrix in (labels.vectors, labels.extra) for block in _blocks(matrix)]
        codes = np.concatenate([p[0] for p in parts])
        scales, errors, norms = (np.concatenate([p[i] for p in parts]) for i in (1, 2, 3))
        del parts
        errors *= np.float32(1 + 1e-5)  # for query rows of norm up to 1 + 1e-5
        largest_norm = float(norms.max())
        bounds = int8_bounds(codes, scales, errors, count, largest_norm, cls.SLACK)
        exact, phrasings = row_product(labels.vectors), row_product(labels.extra)
        if bounds is None or exact is None or phrasings is None:
            return None
        if not _exact(bounds, codes, scales, errors, largest_norm, labels.vectors):
            logger.warning(
                "ONNX Runtime's int8 product is not exact on this CPU: labels are scored in float32 only"
            )
            return None
        del codes
        return_free_memory()
        return cls(bounds, exact, phrasings, labels, errors)

    def nearest(self, queries: np.ndarray, wanted: Iterable[int], count: int) -> Nearest:
        """See :meth:`LabelVectors.nearest`; ``queries`` C-ordered float32."""
        count = min(count, self.count)
        chosen = set(wanted)
        bounds = None
        if 0 < count < self.count:
            bounds = self.bounds(queries, count)
            if bounds.norm > 1 + 2e-5:  # not unit rows: the bounds do not hold
                return _exactly(self.labels.scores(queries), count)
            chosen.update(self.column_concept[np.flatnonzero(bounds.upper >= bounds.threshold)].tolist())
        elif count:
            chosen.update(range(self.count))
        if not chosen:
            empty = np.zeros(0, np.intp)
            return Nearest(empty.astype(np.int64), np.zeros(0, np.float32), empty, empty)
        concepts = np.array(sorted(chosen), dtype=np.int64)
        cosine = self.exact(queries, concepts)
        pruning = None
        if bounds is not None:
            extra = slice(self.count, None)
            pruning = Pruning(cosine.max(axis=0), bounds.upper[extra], self.errors[extra], bounds.margin)
        at, best = self.labels.phrased(queries, concepts, pruning, self.phrasings)
        cosine[:, at] = np.maximum(cosine[:, at], best)
        return _exactly(cosine, count, concepts)


def _exactly(cosine: np.ndarray, count: int, concepts: np.ndarray | None = None) -> Nearest:
    """:class:`Nearest` of ``concepts`` (default: every concept), from their exact cosines
    ``(queries, concepts)``."""
    best, where = best_rows(cosine)
    count = min(count, len(best))
    top = np.argpartition(-best, count - 1)[:count] if count else np.zeros(0, np.intp)
    return Nearest(np.arange(len(best)) if concepts is None else concepts, best, where, top)


def _blocks(matrix: np.ndarray, rows: int = 512) -> Iterator[np.ndarray]:
    """``matrix`` as float64 blocks of ``rows`` (keeps the build's temporary memory small)."""
    for start in range(0, len(matrix), rows):
        yield np.asarray(matrix[start : start + rows], dtype=np.float64)


def _quantise(block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rows as int8 within +-INT8_LEVELS, one scale each; and per row |v - v'| and |v'|."""
    scale = np.abs(block).max(axis=1) / INT8_LEVELS
    scale[scale == 0] = 1.0
    codes = np.clip(np.rint(block / scale[:, None]), -INT8_LEVELS, INT8_LEVELS)
    rounded = codes * scale[:, None]
    errors = np.sqrt(((block - rounded) ** 2).sum(axis=1))
    norms = np.sqrt((rounded**2).sum(axis=1))
    return (
        codes.astype(np.int8),
        scale.astype(np.float32),
        errors.astype(np.float32),
        norms.astype(np.float32),
    )


def _quantise_queries(queries: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Query rows as uint8 codes (zero point 128, +-127), their scales, and the largest |q - q'|:
    what :func:`embedding_onnx.int8_bounds` does inside its graph, in numpy (to check it)."""
    scale = np.abs(queries).max(axis=1) / 127
    scale[scale == 0] = 1.0
    codes = np.rint(queries / scale[:, None])
    rest = queries - codes * scale[:, None]
    error = float(np.sqrt((rest * rest).sum(axis=1)).max())
    return (codes + 128).astype(np.uint8), scale.astype(np.float32), error


def _exact(
    bounds: Int8Bounds,
    codes: np.ndarray,
    scales: np.ndarray,
    errors: np.ndarray,
    largest_norm: float,
    vectors: np.ndarray,
) -> bool:
    """True when the session's upper bounds equal numpy's for two probes (the label rows with
    the largest entries: where a saturating int8 kernel would go wrong first)."""
    probes = np.asarray(vectors[np.argsort(-np.abs(codes[: len(vectors)]).sum(axis=1))[:2]], np.float32)
    probe_codes, probe_scales, error = _quantise_queries(probes)
    got = bounds(probes, 1).upper
    left = probe_codes.astype(np.float64) - 128
    approx = (
        np.concatenate([(left @ block.T * probe_scales[:, None]).max(axis=0) for block in _blocks(codes)])
        * scales
    )  # integer products: exact in float64
    want = approx + errors + (largest_norm * error + CoarseScores.SLACK)
    return bool(np.allclose(got, want, rtol=1e-5, atol=1e-5))


class Semantic:
    """The encoder and the label vectors of skills and occupations.

    Query embeddings are memoised: the assistant asks for the skills and the occupations of the
    same message, and the skill look-up consults occupations too.
    """

    def __init__(
        self, encoder: Encoder, skills: LabelVectors, occupations: LabelVectors, talk: TalkDetector | None = None
    ) -> None:
        self.encoder = encoder
        self.skills = skills
        self.occupations = occupations
        self.talk = talk  # None: every line is taken as work talk
        self.embed = lru_cache(maxsize=512)(self._embed)

    @classmethod
    def build(
        cls,
        encoder: Encoder,
        skills: tuple[list[str], list[tuple[int, str]]],
        occupations: tuple[list[str], list[tuple[int, str]]],
        phrases: Sequence[str],
        cache_dir: Path | None,
    ) -> Semantic:
        """Embed each kind's ``(labels, extra phrasings)`` (or load them from ``cache_dir``),
        and train the talk detector on ``data/lexicon/talk.csv`` and ``phrases``, every lexicon
        phrase (work talk), whatever the taxonomy: the same detector for the demo subset and
        full ESCO."""
        lines = load_talk()
        phrase_vectors = _vectors(encoder, list(phrases), cache_dir)
        vectors = np.vstack([_vectors(encoder, [t for t, _ in lines], cache_dir), phrase_vectors])
        work = np.concatenate([[w for _, w in lines], np.ones(len(phrases))])
        talk = train(vectors, work, phrase=np.arange(len(work)) >= len(lines))
        del vectors
        return_free_memory()  # training's pieces, or the serving process stays ~15 MB larger
        known = dict(zip(phrases, phrase_vectors, strict=True))  # each kind's phrasings are among them
        return cls(
            encoder,
            embed_labels(encoder, skills[0], cache_dir, skills[1], known),
            embed_labels(encoder, occupations[0], cache_dir, occupations[1], known),
            talk,
        )

    def _embed(self, text: str) -> np.ndarray:
        """Vectors of ``text``: one per range of :func:`clauses`, then one of its content words.

        Why the content words: labels are terse ("maintain robotic equipment"); the same line
        without its pronouns and chat words ("fix robots line break") sits nearer to them.
        """
        ranges = clauses(text)
        groups = [[r] for r in ranges[1:]] + [content_spans(text)]
        return self.encoder.encode_parts(text, groups)


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


def label_text(label: str) -> str:
    """A concept's preferred label as people type it: without ESCO's qualifier."""
    return _QUALIFIER.sub("", label).strip() or label


def embed_labels(
    encoder: Encoder,
    labels: list[str],
    cache_dir: Path | None,
    extras: Sequence[tuple[int, str]] = (),
    known: Mapping[str, np.ndarray] | None = None,
) -> LabelVectors:
    """Embed ``labels`` and ``(concept row, phrase)`` extras (reusing cached vectors, and the
    ``known`` vectors of phrases already embedded: the talk detector's are every lexicon phrase,
    so a cold build no longer embeds each of them twice)."""
    texts = [label_text(label) for label in labels]  # what may be proposed on meaning alone
    phrases = [phrase for _row, phrase in extras]
    if not phrases:
        extra_vectors = np.zeros((0, encoder.dim), np.float32)
    elif known is not None and all(p in known for p in phrases):
        extra_vectors = np.stack([known[p] for p in phrases])
    else:
        extra_vectors = _vectors(encoder, phrases, cache_dir)
    spelled = _written_out(labels)
    if spelled:
        extra_vectors = np.vstack([extra_vectors, _vectors(encoder, [text for _row, text in spelled], cache_dir)])
    return LabelVectors(
        _vectors(encoder, list(labels), cache_dir),  # with ESCO's qualifier: "Chef (tools for …)" is no cook
        _proposable(texts),
        extra_vectors,
        np.array([row for row, _text in [*extras, *spelled]], dtype=np.int64),
    )


def _written_out(labels: Sequence[str]) -> list[tuple[int, str]]:
    """``(concept row, label)`` of the labels that write an abbreviation as letters, written out
    as the encoder reads a chat line (:func:`recognition_lexicon.written_out`).

    Why: "CNC programming" reaches the encoder as "computer numerical control programming",
    far from *program a CNC controller* as written (cosine 0.51); a concept takes its best row,
    so the label written out meets it and the label as written still meets "cnc" typed in lower
    case. Lexicon phrasings get no such row: written-out phrasings ("keep spc charts" of
    *apply control process statistical methods*) pulled lines off the labels that already
    write the abbreviation out (*statistical process control*).
    """
    spelled = ((row, written_out(label)) for row, label in enumerate(labels))
    return [(row, text) for row, text in spelled if text != labels[row]]


def _vectors(encoder: Encoder, texts: list[str], cache_dir: Path | None) -> np.ndarray:
    """Unit vectors of ``texts``, from ``cache_dir`` when the same texts were embedded before."""
    key = hashlib.sha1("\n".join([SEMANTIC_VERSION, encoder.name, *texts]).encode()).hexdigest()[:16]
    path = Path(cache_dir) / f"label-vectors-{key}.npy" if cache_dir else None
    if path is not None and path.is_file():
        try:
            vectors = np.load(path)
            if vectors.shape == (len(texts), encoder.dim):
                mark_used(path)
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
