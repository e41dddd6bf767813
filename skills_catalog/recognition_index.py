"""The search structures behind skill and occupation recognition, built once and cached.

For each kind of concept (skills, occupations) a :class:`ConceptIndex` holds every label
(preferred, alternative, colloquial lexicon phrase) as a set of stems weighted by IDF, stored
column-wise (stem -> labels) for candidate look-up and row-wise (label -> stems) for span
scoring, plus a BM25 index over the concepts' descriptions for paraphrases that share no word
with any label. Arrays are numpy, so the full ESCO index is tens of MB and pickles quickly.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .recognition_lexicon import ABBREVIATIONS, SPELLINGS, LexiconEntry, uncased
from .text import STOPWORDS, stem, tokens

PREFERRED, ALTERNATIVE, LEXICON = 0, 1, 2

#: Verbs ESCO puts in front of skill labels that people rarely say ("perform TIG welding" is
#: said "TIG welding"): they count this much of their IDF, so a label missing them still scores.
_LIGHT_VERBS = """perform operate use apply carry undertake execute conduct implement complete utilise
    employ do make handle ensure provide practise practice demonstrate"""
LIGHT_VERBS = frozenset(_LIGHT_VERBS.split())
LIGHT_VERB_WEIGHT = 0.25
_QUALIFIER = re.compile(r"\([^)]*\)")
#: A one-word label written as a name: a language, a tool, a product ("Polish", "Chef", "Access").
_NAME = re.compile(r"[A-Z][a-z]+")
#: A word of a label written in capitals: an acronym ("SQL", "PLC", "VATS" in "perform VATS").
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


class NameForm(NamedTuple):
    """How a text must write a label word that is a name (see :func:`_name_labels`)."""

    stem: str  # the label word's stem: the text words matching it must be written as the name
    word: str  # folded ("polish", "chef", "sql")
    cased: bool  # with a capital ("Chef")
    acronym: bool  # an acronym, also named by its plural ("PLCs")


def word_stems(token: str) -> tuple[str, ...]:
    """Stems one folded token stands for: abbreviations expand to several ("plc" -> 3)."""
    token = SPELLINGS.get(token, token)
    expansion = ABBREVIATIONS.get(token)
    if expansion:
        return tuple(stem(w) for w in expansion.split())
    return (stem(token),)


def content_stems(text: str) -> tuple[str, ...]:
    """Distinct stems of the content words of a label, in order of appearance ("IT" is ICT)."""
    out: dict[str, None] = {}
    for token in tokens(uncased(text)):
        if token not in STOPWORDS:
            out.update(dict.fromkeys(word_stems(token)))
    return tuple(out)


@dataclass
class Postings:
    """A sparse stem -> (row, weight) table in CSC form: ``rows[ptr[s]:ptr[s+1]]``."""

    ptr: np.ndarray
    rows: np.ndarray
    weights: np.ndarray

    @classmethod
    def build(cls, pairs: dict[int, list[tuple[int, float]]], n_stems: int) -> Postings:
        counts = np.zeros(n_stems + 1, dtype=np.int64)
        for stem_id, items in pairs.items():
            counts[stem_id + 1] = len(items)
        ptr = np.cumsum(counts)
        rows = np.empty(int(ptr[-1]), dtype=np.int32)
        weights = np.empty(int(ptr[-1]), dtype=np.float32)
        for stem_id, items in pairs.items():
            start = ptr[stem_id]
            rows[start : start + len(items)] = [r for r, _ in items]
            weights[start : start + len(items)] = [w for _, w in items]
        return cls(ptr, rows, weights)

    def totals(self, stem_weights: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
        """Rows holding any of the given stems (ascending) and their sums of ``weight * factor``.

        Only over the rows the stems reach: a chat line's stems reach ~250 of full ESCO's 86k skill
        labels (p95 ~2k), and a dense count over all of them plus finding its non-zero rows cost
        ~0.4 ms a query.
        """
        parts = [(self.ptr[s], self.ptr[s + 1], f) for s, f in stem_weights.items()]
        if not parts:
            return np.empty(0, np.int32), np.empty(0)
        rows = np.concatenate([self.rows[a:b] for a, b, _ in parts])
        weights = np.concatenate([self.weights[a:b] * f for a, b, f in parts])
        unique, inverse = np.unique(rows, return_inverse=True)
        return unique, np.bincount(inverse, weights=weights, minlength=len(unique))


@dataclass
class ConceptIndex:
    """Labels and descriptions of one kind of concept, ready for matching."""

    uris: list[str]
    names: list[str]  # preferred labels, to report
    prior: np.ndarray  # per concept, 0..1: how central the concept is (essential in many jobs)
    vocab: dict[str, int]  # stem -> id
    idf: np.ndarray  # per stem
    label_concept: np.ndarray  # per label row
    label_kind: np.ndarray  # PREFERRED / ALTERNATIVE / LEXICON
    label_mass: np.ndarray  # sum of the label's stem weights
    label_stems: list[tuple[int, ...]]  # per label row
    light: frozenset[int]  # stem ids of LIGHT_VERBS: never counted as missing from a label
    labels: Postings  # stem -> label rows, weight = idf
    descriptions: Postings  # stem -> concept rows, weight = BM25 term score
    #: label row -> how the text must write its words that are names (see :func:`_name_labels`)
    name_forms: dict[int, tuple[NameForm, ...]]

    @property
    def n_labels(self) -> int:
        return len(self.label_concept)

    @functools.cached_property
    def acronyms(self) -> dict[str, list[tuple[int, NameForm]]]:
        """Stem -> the concepts whose labels write an acronym with that stem, and its form."""
        found: dict[str, list[tuple[int, NameForm]]] = defaultdict(list)
        for row, forms in self.name_forms.items():
            for form in forms:
                if form.acronym:
                    found[form.stem].append((int(self.label_concept[row]), form))
        return dict(found)


def build_concept_index(
    concepts: Sequence[tuple[str, str, Sequence[str], str]],
    lexicon: Iterable[LexiconEntry],
    prior: dict[str, float],
    common: frozenset[str] = frozenset(),
    generic_owners: int = 0,
) -> ConceptIndex:
    """Index ``(uri, preferred label, alt labels, description)`` tuples plus lexicon phrases;
    ``common``: :func:`common_stems` of every kind's labels; ``generic_owners``: see
    :func:`_specific` (0: every alternative label is kept).

    Lexicon phrases whose URI is not among the concepts are skipped, so one lexicon serves
    the full ESCO and any subset of it.
    """
    position = {uri: i for i, (uri, *_rest) in enumerate(concepts)}
    rows: list[tuple[int, int, tuple[str, ...]]] = []
    for i, (_uri, label, alts, _description) in enumerate(concepts):
        rows.append((i, PREFERRED, content_stems(label)))
        rows.extend((i, ALTERNATIVE, content_stems(alt)) for alt in (*alts, *_unqualified(label, alts)))
    rows.extend((position[e.uri], LEXICON, content_stems(e.phrase)) for e in lexicon if e.uri in position)
    named = _name_labels(concepts, common)
    rows = [r for r in dict.fromkeys(rows) if r[2]]
    vocab, idf = _vocabulary(rows, len(concepts))  # before: what a stem tells stays as it was
    if generic_owners:
        rows = _specific(rows, concepts, generic_owners)
    label_stems = [tuple(vocab[s] for s in stems) for _, _, stems in rows]
    mass = np.array([sum(idf[s] for s in ids) for ids in label_stems], dtype=np.float32)
    pairs: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for row, ids in enumerate(label_stems):
        for s in ids:
            pairs[s].append((row, float(idf[s])))
    return ConceptIndex(
        uris=[c[0] for c in concepts],
        names=[c[1] for c in concepts],
        prior=np.array([prior.get(c[0], 0.0) for c in concepts], dtype=np.float32),
        vocab=vocab,
        idf=idf,
        label_concept=np.array([r[0] for r in rows], dtype=np.int32),
        label_kind=np.array([r[1] for r in rows], dtype=np.int8),
        label_mass=mass,
        label_stems=label_stems,
        light=frozenset(vocab[s] for s in {stem(v) for v in LIGHT_VERBS} if s in vocab),
        labels=Postings.build(pairs, len(vocab)),
        descriptions=_bm25([c[3] for c in concepts], vocab, idf),
        name_forms={row: named[r] for row, r in enumerate(rows) if r in named},
    )


def _specific(
    rows: list[tuple[int, int, tuple[str, ...]]], concepts: Sequence[tuple[str, str, Sequence[str], str]], owners: int
) -> list[tuple[int, int, tuple[str, ...]]]:
    """``rows`` without the one-word alternative labels that at least ``owners`` concepts' labels
    use and the concept's own preferred label does not.

    Why: ESCO lists some generic words under one specific concept ("teacher" under *politics
    lecturer*, "clerk" under *lottery cashier*, "standard" under *scaffolding components*,
    "current" under *electricity principles*); matched exactly, they named that one concept for
    everyone who used the word ("I'm a teacher", "I keep the standards high"). The stems' IDF is
    computed before, so what a word tells stays as it was."""
    concepts_of = _owners(rows)
    own = [set(content_stems(label)) for _uri, label, _alts, _description in concepts]
    return [
        (concept, kind, stems)
        for concept, kind, stems in rows
        if not (
            kind == ALTERNATIVE and len(stems) == 1 and len(concepts_of[stems[0]]) >= owners and stems[0] not in own[concept]
        )
    ]


def common_stems(labels: Iterable[str]) -> frozenset[str]:
    """Stems of the words ``labels`` write in lower case, leaving out labels ESCO qualifies:
    what makes a qualified name a homonym (:func:`_name_labels`)."""
    return frozenset(stem(w) for text in labels if "(" not in text for w in re.findall(r"\b[a-z]+\b", text))


def _name_labels(
    concepts: Sequence[tuple[str, str, Sequence[str], str]], common: frozenset[str]
) -> dict[tuple[int, int, tuple[str, ...]], tuple[NameForm, ...]]:
    """The label rows (as :func:`build_concept_index` keys them) with words written as names:
    one-word labels written as a name, and acronyms in any label.

    Why: a name is named by its very word, "polishing" being no *Polish* and "chefs" no *Chef*.
    Where ESCO qualifies the concept ("Chef (tools for software configuration management)")
    and labels write the word in lower case (``common``: the occupation *chef*, "oversee
    assembly operations", "open source"), the bare word is a homonym: only "Chef" written as a
    name is the tool, not "I was a chef". Other names keep any case: "i speak polish", "python".
    An acronym is named by its very letters, or their plural ("PLCs"), in any case ("matlab",
    "cctv": chat rarely capitalises), never by a word that stems like it: "VAT" is no *perform
    VATS* (a surgery)."""
    named: dict[tuple[int, int, tuple[str, ...]], tuple[NameForm, ...]] = {}
    for i, (_uri, label, alts, _description) in enumerate(concepts):
        qualified = "(" in label
        texts = [(PREFERRED, label)] + [(ALTERNATIVE, alt) for alt in (*alts, *_unqualified(label, alts))]
        for kind, text in texts:
            forms = [NameForm(stem(w), w, False, True) for w in map(str.lower, _ACRONYM.findall(text))]
            if _NAME.fullmatch(text):
                word = text.lower()
                forms.append(NameForm(stem(word), word, qualified and stem(word) in common, False))
            if forms:
                named[i, kind, content_stems(text)] = tuple(forms)
    return named


def _unqualified(label: str, alts: Sequence[str]) -> list[str]:
    """Labels without their parenthesised qualifier: "Python (computer programming)" -> "Python".

    ESCO adds the qualifier to tell homonyms apart; people never type it.
    """
    return [_QUALIFIER.sub(" ", text).strip() for text in (label, *alts) if "(" in text]


def _vocabulary(rows: list[tuple[int, int, tuple[str, ...]]], n_concepts: int) -> tuple[dict[str, int], np.ndarray]:
    """Stem ids and IDF over concepts (a stem in many concepts' labels tells little)."""
    concepts_of = _owners(rows)
    vocab = {s: i for i, s in enumerate(sorted(concepts_of))}
    idf = np.zeros(len(vocab), dtype=np.float32)
    light = {stem(v) for v in LIGHT_VERBS}
    for s, owners in concepts_of.items():
        idf[vocab[s]] = math.log(1.0 + n_concepts / len(owners)) * (LIGHT_VERB_WEIGHT if s in light else 1.0)
    return vocab, idf


def _owners(rows: list[tuple[int, int, tuple[str, ...]]]) -> dict[str, set[int]]:
    """Stem -> the concepts whose labels use it."""
    concepts_of: dict[str, set[int]] = defaultdict(set)
    for concept, _kind, stems in rows:
        for s in stems:
            concepts_of[s].add(concept)
    return concepts_of


def _bm25(descriptions: list[str], vocab: dict[str, int], idf: np.ndarray, k1: float = 1.2, b: float = 0.75) -> Postings:
    """BM25 term scores of known stems in each concept's description."""
    docs = [Counter(s for s in content_stems_all(d) if s in vocab) for d in descriptions]
    avg = max(1.0, sum(sum(d.values()) for d in docs) / max(1, len(docs)))
    pairs: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for row, counts in enumerate(docs):
        length = sum(counts.values())
        for s, tf in counts.items():
            score = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg))
            pairs[vocab[s]].append((row, float(idf[vocab[s]]) * score))
    return Postings.build(pairs, len(vocab))


def content_stems_all(text: str) -> list[str]:
    """Stems of every content word of ``text`` with repeats (term frequencies count)."""
    return [s for t in tokens(uncased(text)) if t not in STOPWORDS for s in word_stems(t)]
