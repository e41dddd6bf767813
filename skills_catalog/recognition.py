"""Recognise ESCO skills and occupations named in chat-style free text.

Why not whole-text similarity: a message often names several skills among filler ("did TIG
welding and some PLC programming, bit of Excel"), so recognition looks for *spans* that name a
concept. Every label of a concept (preferred, alternative, colloquial lexicon phrase) is a set
of stems; a label matches where its stems occur close together in one sentence of the text.
The match score is a weighted Dice coefficient between the label and the smallest window of
text holding its stems (IDF weights, so "spreadsheet" counts more than "use"), which rewards
complete, compact, specific matches and is 1.0 for an exact label. Typos are corrected against
the label vocabulary, abbreviations expanded, and a BM25 search over descriptions proposes
concepts for paraphrases no label covers. ESCO structure breaks ties: skills essential in many
occupations, and skills of an occupation named in the same text, rank higher. A sentence
encoder's similarities are fused into the scores (:mod:`recognition_fuse`), and its vector of
the text feeds the talk detector (:mod:`recognition_talk`), whose veto keeps skills out of
everyday chat ("I broke my arm skiing") and whose licence lets meaning name a paraphrase of
work at a lower bar.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .cache_files import mark_used, prune
from .embedding import Encoder, load_encoder
from .models import Match, Taxonomy
from .recognition_cues import asked, asks, clause_of, leisure, negated, trails, unclaimed
from .recognition_fuse import fuse
from .recognition_index import ConceptIndex, build_concept_index, common_stems
from .recognition_lexicon import ABBREVIATIONS, SPELLINGS, LexiconEntry, lexicon_digest, load_lexicon
from .recognition_match import Candidate, RecognitionWeights, match_concepts, misread_acronyms, overlaps, rank
from .recognition_others import someone_elses
from .recognition_semantic import LabelVectors, Semantic, clauses
from .recognition_text import Speller, Word, analyse, spelled_out
from .settings import DEFAULT_ENCODER_RUNTIME
from .text import STOPWORDS, fold, tokens

logger = logging.getLogger(__name__)

#: Bump when the index layout or its building changes, so cached indexes are rebuilt.
INDEX_VERSION = "recognizer-14"
#: A one-word alternative label that this many concepts' labels use is too generic to name the
#: one concept ESCO lists it under (:func:`recognition_index._specific`).
GENERIC_LABEL_OWNERS = 15

__all__ = ["Recognizer", "RecognitionWeights"]


@dataclass
class Recognizer:
    """Finds skills and occupations in text; build once with :meth:`build`, then query."""

    skill_index: ConceptIndex
    occupation_index: ConceptIndex
    speller: Speller
    occupation_skills: dict[int, tuple[frozenset[int], frozenset[int]]]  # occ -> (essential, optional) skill rows
    weights: RecognitionWeights = RecognitionWeights()
    semantic: Semantic | None = None  # None: lexical only (model package missing, or not wanted)

    @classmethod
    def build(
        cls,
        taxonomy: Taxonomy,
        cache_dir: Path | None = None,
        weights: RecognitionWeights | None = None,
        semantic: bool = True,
        runtime: str | None = None,
    ) -> Recognizer:
        """Index ``taxonomy`` (reusing a cached index for the same taxonomy and lexicon).

        Args:
            taxonomy: the skills and occupations to recognise.
            cache_dir: where to keep the built index and label embeddings; ``None`` builds in
                memory each time (embedding full ESCO's labels takes minutes: pass a cache).
                Our files there that no process used for a month are removed (:mod:`cache_files`).
            weights: tunables; defaults are documented on :class:`RecognitionWeights`.
            semantic: use the sentence encoder when its model package is installed.
            runtime: how the encoder runs (:data:`settings.ENCODER_RUNTIMES`); ``None``: the default,
                :data:`settings.DEFAULT_ENCODER_RUNTIME`. ValueError for an unknown one.
        """
        weights = weights or RecognitionWeights()
        path = Path(cache_dir) / f"recognizer-{_fingerprint(taxonomy)}.pickle" if cache_dir else None
        parts = _read(path) if path else None
        if parts is None:
            parts = _build_parts(taxonomy, load_lexicon())
            if path:
                _write(path, parts)
        skill_index, occupation_index, words, proper, occupation_skills = parts
        runtime = DEFAULT_ENCODER_RUNTIME if runtime is None else runtime
        encoder = load_encoder(Path(cache_dir) if cache_dir else None, runtime) if semantic else None
        meaning = _semantic(encoder, skill_index, occupation_index, cache_dir) if encoder else None
        english = encoder.tokenizer.whole_words() if encoder else frozenset()
        stems = frozenset(skill_index.vocab) | frozenset(occupation_index.vocab)
        speller = Speller(words, english, proper, stems)
        if cache_dir:
            prune(Path(cache_dir))
        return cls(skill_index, occupation_index, speller, occupation_skills, weights, meaning)

    def skills(self, text: str, top: int = 5, *, claimed: bool = True) -> list[Match]:
        """Skills named in ``text``, best first; empty when it names none. What a clause says of
        someone else's work ("my husband is a plumber") is not named.

        ``claimed``: the text answers what the writer can do, so what it asks in words ("can you
        recommend a CNC course?") or wishes ("I'd like to learn PLC programming", "I'm looking
        for a job in logistics") claims nothing (:func:`recognition_cues.unclaimed`), and an
        unsure answer names a skill only when the talk detector leans to work talk
        (``talk_veto_question``: "maybe welding?" names *welding*). ``False`` where a question or
        a wish may name a skill the writer means: a goal ("maybe welding?", "I'd like to learn
        PLC programming"), a correction of a list ("can you remove welding?"), a firm's need;
        there they are judged as a statement is (``talk_veto``)."""
        words, aside = self._writers_words(text, claimed)
        if not words:
            return []
        candidates = match_concepts(self.skill_index, words, text, self.weights)
        if candidates:
            self._boost_by_occupation(words, text, candidates)
        said = None
        if self.semantic is not None:
            said = self._add_meaning(
                text, words, candidates, self.skill_index, self.semantic.skills, read_chat_lines=True
            )
        if said is not None and claimed:
            aside = aside + self._at_leisure(said, text)
        candidates = _outside(candidates, aside, words)
        work = self._work_talk(said, text, aside)
        ranked = rank(candidates, top, self.weights, self._min_score, len(words))
        if not ranked and work is not None and work.stated >= self.weights.talk_licence:
            bar = self.weights.licensed_min_score
            named = rank(self._meant(candidates), top, self.weights, bar, len(words))
            ranked = _other_readings(named, candidates, top, self.weights.alternative_min)
        if ranked and self._vetoed(work, ranked, text, claimed):
            return []
        if said is not None:
            ranked = _meaning_last(ranked, candidates, top, self.weights.meaning_slot_min)
        return self._to_matches(self.skill_index, ranked, text)

    def occupations(self, text: str, top: int = 5, *, claimed: bool = False) -> list[Match]:
        """Occupations named in ``text``, best first; empty when it names none. Someone else's
        job ("my husband is a plumber") is not named.

        ``claimed``: the text answers what the writer's job is, so what it asks, wishes, needs
        or denies names none (:func:`recognition_cues.unclaimed`): "I need a plumber to fix the
        leak" is no plumber's answer. ``False`` where a wish or a need names the job meant: a
        goal ("I'd like to become a welder"), a firm's roles ("we need two welders")."""
        words, theirs = self._writers_words(text, claimed, dislikes=False)
        if not words:
            return []
        candidates = match_concepts(self.occupation_index, words, text, self.weights, descriptions=False, modifiers=True)
        if self.semantic is not None:
            # no talk veto: a job title alone ("sparky", "brickie") is no line of work talk
            exact = {c: cand.score for c, cand in candidates.items() if cand.score >= self.weights.title_exact_kept}
            self._add_meaning(text, words, candidates, self.occupation_index, self.semantic.occupations)
            for concept, lexical in exact.items():  # "lorry driver, long distance": see title_exact_kept
                candidates[concept].score = max(candidates[concept].score, lexical)
        candidates = _outside(candidates, theirs, words)
        return self._to_matches(self.occupation_index, rank(candidates, top, self.weights, self._min_score), text)

    def _writers_words(
        self, text: str, claimed: bool = False, dislikes: bool = True
    ) -> tuple[list[Word], list[tuple[int, int]]]:
        """The content words of ``text``, and the ranges of it that tell of someone else's work
        (:func:`recognition_others.someone_elses`) and, when ``claimed``, that claim nothing
        (:func:`~recognition_cues.unclaimed`: questions asked in words, wishes, denials and,
        when ``dislikes``, dislikes); no words when all of them lie in such ranges."""
        words = analyse(text, self.speller)
        aside = someone_elses(text) + (unclaimed(text, dislikes) if claimed else []) if words else []
        if all(_within(w.start, w.end, aside) for w in words):
            return [], aside
        return words, aside

    @property
    def _min_score(self) -> float:
        return self.weights.min_score if self.semantic is not None else self.weights.lexical_min_score

    def _work_talk(self, said: Said | None, text: str, aside: list[tuple[int, int]]) -> Talk | None:
        """How sure the talk detector is that the text describes work: its highest probability
        over the whole text and each clause (what ``said`` holds) of at least
        ``talk_clause_min_words`` words that are no stopwords, apart for the clauses that ask
        (:func:`recognition_cues.asks`); clauses within ``aside`` (what tells of someone else's
        work, or claims nothing) count for neither.
        ``None``, so that neither the veto nor the licence applies, when there is no detector or
        the encoder was skipped (labels explained the text and it neither negates nor asks, or it
        holds only chat words, fewer than ``meaning_min_words``).

        Why every clause: "sorry for the late reply, the car broke down again, anyway I used to
        look after old people" is chat as a whole but names a skill in its last clause. Why
        questions apart: the detector reads a line's topic, and a question on the topic of work
        tells none; to questions about a trade's courses, pay or papers asked in words it gives
        as much as to work talk (0.6-0.98), hence ``aside``, and an unsure answer ("maybe
        welding?") must reach ``talk_veto_question``.
        """
        talk = self.semantic.talk if self.semantic else None
        if said is None or talk is None:
            return None
        statement = question = 0.0
        for at, (row, (start, end)) in enumerate(zip(said.vectors, said.ranges, strict=True)):
            if _within(start, end, aside):
                continue
            if at and sum(t not in STOPWORDS for t in tokens(text[start:end])) < self.weights.talk_clause_min_words:
                continue  # "and a dog" in "I've got two kids and a dog": the line's to judge
            probability = talk.probability(row)
            if asks(text, start, end):
                question = max(question, probability)
            else:
                statement = max(statement, probability)
        return Talk(statement, question)

    def _at_leisure(self, said: Said, text: str) -> list[tuple[int, int]]:
        """The clauses of ``text`` that tell of free time (:func:`recognition_cues.leisure`) and
        that the talk detector does not lean to call work talk (below ``talk_veto_question``):
        "I play football on Sundays" names nothing, "in my spare time I build websites" names
        *web programming*. The whole text counts only when it is one clause: "I'm a chef, at
        weekends I play football" is a chef's. A clause that only qualifies the one before it
        takes that one along when it too is below the bar: "I bake bread at the weekend, just for
        the family"."""
        talk = self.semantic.talk if self.semantic else None
        if talk is None:
            return []
        first = 1 if len(said.ranges) > 1 else 0
        told = [at for at in range(first, len(said.ranges)) if leisure(text, *said.ranges[at])]
        if not told:  # most lines: no detector reading needed
            return []
        chat = [talk.probability(row) < self.weights.talk_veto_question for row in said.vectors]
        found = []
        for at in told:
            start, end = said.ranges[at]
            if chat[at]:
                if at > first and chat[at - 1] and trails(text, start, end):
                    start = said.ranges[at - 1][0]
                found.append((start, end))
        return found

    def _meant(self, candidates: dict[int, Candidate]) -> dict[int, Candidate]:
        """The candidates meaning supports as much as a match by meaning alone at the talk
        licence's bar needs: what the licence may name.

        Why: the lower bar is for paraphrases the encoder found; a label match scoring 0.35-0.56
        because meaning contradicts it ("I give the residents their pills at the right times"
        -> *manage time*) must not pass it.
        """
        needed = self.weights.licensed_min_score / self.weights.semantic_only_weight
        return {concept: cand for concept, cand in candidates.items() if cand.meaning >= needed}

    def _vetoed(self, work: Talk | None, ranked: list[Candidate], text: str, claimed: bool = True) -> bool:
        """True when the detector is nearly sure the text is chat: every clause that states
        something below :attr:`RecognitionWeights.talk_veto`, every one that asks below
        ``talk_veto_question`` (``talk_veto`` too unless ``claimed``); unless the text states
        something with a match as strong as ``talk_keep``: "did welding for two years". A
        question states nothing, nor does a negation in the clause of that match ("No, I did
        welding" does)."""
        question_bar = self.weights.talk_veto_question if claimed else self.weights.talk_veto
        if work is None or work.stated >= self.weights.talk_veto or work.asked >= question_bar:
            return False
        best = max(ranked, key=lambda c: c.score)
        clause = clause_of(text, best.start, best.end)
        stated = not asked(text) and not negated(clause)
        return not (stated and best.score >= self.weights.talk_keep)

    def _add_meaning(
        self,
        text: str,
        words: list[Word],
        candidates: dict[int, Candidate],
        index: ConceptIndex,
        labels: LabelVectors,
        *,
        read_chat_lines: bool = False,
    ) -> Said | None:
        """Fuse sentence-embedding similarity of the text and its clauses into ``candidates``;
        what the encoder read (:class:`Said`), or ``None`` when it was skipped.

        The encoder reads the text with typos corrected and abbreviations written out. It is the
        costly part of a query (~1-3 ms), so it is skipped when label matches already account
        for the whole text (:meth:`_lexically_sure`), no negation turns it round ("I don't
        drive") and it does not ask ("how long does the programme take?" is no statement of
        *computer programming*), and when every content word is a chat word
        ("see you next week": nothing there can name a skill) unless ``read_chat_lines`` and the text is
        long enough for meaning to count (``meaning_min_words``): then the talk detector tells
        "I always get my work done on time" (*meet deadlines*) from chat.
        """
        if self.semantic is None:
            return None
        long_enough = read_chat_lines and len(words) >= self.weights.meaning_min_words
        if all(w.generic for w in words) and not long_enough:
            return None
        if self._lexically_sure(words, candidates) and not (negated(text) or asked(text)):
            return None
        ranges = clauses(text)
        vectors = self.semantic.embed(spelled_out(text, words))
        if len(vectors) != len(ranges) + 1:  # a rewrite changed the clauses: read it as typed
            vectors = self.semantic.embed(text)
        nearest = labels.nearest(vectors, candidates, self.weights.semantic_shortlist)
        for concept in misread_acronyms(index, words):  # meaning read the text's word, not the acronym
            at = int(np.searchsorted(nearest.concepts, concept))
            if at < len(nearest.concepts) and nearest.concepts[at] == concept:
                nearest.best[at] = 0.0
        # the content-word vector (the last row) stands for the whole text
        fuse(candidates, nearest, [*ranges, ranges[0]], self.weights, labels.proposable)
        return Said(vectors[:-1], ranges)  # the content words' row is no wording of the text

    def _lexically_sure(self, words: list[Word], candidates: dict[int, Candidate]) -> bool:
        """True when sure, unambiguous label matches cover every specific word of the text.

        Why: for "SQL and Java" the labels already say all there is. A word left uncovered
        ("I fix the robots *on the line when they break down*") may carry a paraphrase, and two
        near-equal labels on one span ("repair bicycles": *tune bicycles* or *perform repairs on
        bicycles*) need meaning to be ordered, so in both cases the encoder reads the text. So
        do several mentions ("bricklaying on building sites"): only meaning says which one the
        person is talking about.
        """
        threshold, margin = self.weights.encoder_skip_score, self.weights.encoder_skip_margin
        sure = [c for c in candidates.values() if c.from_label and c.score >= threshold]
        if not sure or _mentions(sure) > self.weights.encoder_skip_max_mentions:
            return False
        for cand in sure:
            rivals = (o for o in candidates.values() if o is not cand and overlaps(o, cand))
            if any(o.score > cand.score - margin for o in rivals):
                return False
        return all(w.generic or any(c.start <= w.start and w.end <= c.end for c in sure) for w in words)

    def _boost_by_occupation(self, words: list[Word], text: str, candidates: dict[int, Candidate]) -> None:
        """Raise skills ESCO relates to an occupation the same text names ("as a welder ...")."""
        floor = self.weights.occupation_context_min
        jobs = match_concepts(self.occupation_index, words, text, self.weights, descriptions=False, floor=floor)
        sure = [c for c, cand in jobs.items() if cand.score >= floor]
        for job in sure:
            essential, optional = self.occupation_skills.get(job, (frozenset(), frozenset()))
            for concept, cand in candidates.items():
                if concept in essential:
                    cand.score += self.weights.occupation_essential_boost
                elif concept in optional:
                    cand.score += self.weights.occupation_optional_boost

    @staticmethod
    def _to_matches(index: ConceptIndex, ranked: list[Candidate], text: str) -> list[Match]:
        return [
            Match(
                uri=index.uris[c.concept],
                label=index.names[c.concept],
                score=round(min(1.0, max(0.0, c.score)), 4),
                span=text[c.start : c.end],
                start=c.start,
                end=c.end,
            )
            for c in ranked
        ]


class Said(NamedTuple):
    """What the encoder read of a text: a vector per clause of :func:`clauses` (the first
    the whole text), and those clauses' character ranges."""

    vectors: np.ndarray
    ranges: list[tuple[int, int]]


@dataclass(frozen=True)
class Talk:
    """The talk detector's highest probability of work talk over the clauses of a text that
    state something (and the whole text, when it does not end in a question), and over those
    that ask; 0 where there are none."""

    stated: float
    asked: float


def _within(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """True when the characters ``start:end`` lie inside one of ``ranges``."""
    return any(a <= start and end <= b for a, b in ranges)


def _outside(
    candidates: dict[int, Candidate], ranges: list[tuple[int, int]], words: list[Word]
) -> dict[int, Candidate]:
    """The candidates not read from inside one of ``ranges``; for one found by meaning or in
    a description (its span is the clause or the text it was read from), not read mostly from
    ``words`` inside them: in "watched a documentary about deep sea welders last night, mad
    job" *weld underwater* came from the whole line's vector."""
    if not ranges:
        return candidates
    return {
        concept: c
        for concept, c in candidates.items()
        if not _within(c.start, c.end, ranges) and (c.from_label or not _mostly_within(c, ranges, words))
    }


def _mostly_within(cand: Candidate, ranges: list[tuple[int, int]], words: list[Word]) -> bool:
    """True when at least half the ``words`` in ``cand``'s span lie inside ``ranges``."""
    spanned = [w for w in words if cand.start <= w.start and w.end <= cand.end]
    inside = sum(_within(w.start, w.end, ranges) for w in spanned)
    return bool(spanned) and 2 * inside >= len(spanned)


def _other_readings(
    named: list[Candidate], candidates: dict[int, Candidate], top: int, floor: float
) -> list[Candidate]:
    """``named``, then the other ``candidates`` read from the same words (overlapping one of
    them) that score at least ``floor``, best first, up to ``top`` in all.

    Why: the talk licence names only what meaning supports, but a candidate it holds back (a
    label match, mostly) can still be the right reading of those words ("I'm good with figures" names *interpret
    mathematical information* and lists *apply numeracy skills* after it). A match elsewhere
    in the line stays out: callers take a match on other words for another skill the person has.
    """
    listed = {c.concept for c in named}
    others = sorted(
        (
            c
            for c in candidates.values()
            if c.concept not in listed
            and c.score >= floor
            and any(overlaps(c, n) for n in named)
        ),
        key=lambda c: (-c.score, c.concept),
    )
    return (named + others)[:top]


def _meaning_last(ranked: list[Candidate], candidates: dict[int, Candidate], top: int, floor: float) -> list[Candidate]:
    """``ranked`` with its last place given to the candidate meaning supports most that it leaves
    out, when that one's strength reaches ``floor`` and beats every listed candidate's but the
    first's, and the place is free or held by another reading of a listed mention.

    Why: the places after the mentions are filled by score, mostly label matches of single
    words of the line; for a paraphrase the right concept is often the one meaning ranks first
    and the scores rank behind them ("I sort the paperwork so the containers get through the
    border": *arrange customs documents* after *types of containers*). One place keeps the
    cost low: a mention of its own is never pushed out, and the first answer never changes.
    """
    if not ranked:
        return ranked
    listed = {c.concept for c in ranked}
    best = max((c for c in candidates.values() if c.concept not in listed), key=lambda c: c.meaning, default=None)
    if best is None or best.meaning < floor or any(c.meaning >= best.meaning for c in ranked[1:]):
        return ranked
    if len(ranked) < top:
        return [*ranked, best]
    if any(overlaps(ranked[-1], c) for c in ranked[:-1]):
        return [*ranked[:-1], best]
    return ranked


def _mentions(candidates: list[Candidate]) -> int:
    """Number of separate places in the text the candidates were found (overlapping spans are one)."""
    count, end = 0, -1
    for cand in sorted(candidates, key=lambda c: c.start):
        if cand.start >= end:
            count += 1
        end = max(end, cand.end)
    return count


# ---------------------------------------------------------------- building and caching

_Parts = tuple[ConceptIndex, ConceptIndex, Counter[str], frozenset[str], dict[int, tuple[frozenset[int], frozenset[int]]]]
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+")


def _build_parts(taxonomy: Taxonomy, lexicon: list[LexiconEntry]) -> _Parts:
    """Build both concept indexes, the speller's vocabularies (all label words, and the words
    labels capitalise) and the occupation->skills map."""
    skills = [(s.uri, s.label, s.alt_labels, s.description) for s in taxonomy.skills.values()]
    occupations = [(o.uri, o.label, o.alt_labels, o.description) for o in taxonomy.occupations.values()]
    common = common_stems(text for _uri, label, alts, _d in skills + occupations for text in (label, *alts))
    skill_index = build_concept_index(skills, lexicon, _skill_prior(taxonomy), common, GENERIC_LABEL_OWNERS)
    occupation_index = build_concept_index(occupations, lexicon, {}, common, GENERIC_LABEL_OWNERS)
    words: Counter[str] = Counter()
    inner: set[str] = set()  # capitalised inside a label: a name ("interact verbally in Spanish")
    first: set[str] = set()  # capitalised as a label's first word: a name only if never written lower-case
    lower: set[str] = set()
    for _uri, label, alts, _description in skills + occupations:
        for text in (label, *alts):
            words.update(tokens(text))
            for match in _CAPITALISED.finditer(text):
                if not match.group().isupper():
                    (first if match.start() == 0 else inner).add(fold(match.group()))
            lower.update(re.findall(r"\b[a-z]+", text))
    proper = inner | (first - lower)  # "Spanish", "Photoshop"; not "Air" of "Air conditioning"
    words.update(tokens(" ".join(e.phrase for e in lexicon)))
    words.update([*ABBREVIATIONS, *SPELLINGS])
    row = {uri: i for i, uri in enumerate(skill_index.uris)}
    occupation_skills = {
        i: (
            frozenset(row[u] for u in taxonomy.occupations[uri].essential_skills if u in row),
            frozenset(row[u] for u in taxonomy.occupations[uri].optional_skills if u in row),
        )
        for i, uri in enumerate(occupation_index.uris)
    }
    return skill_index, occupation_index, words, frozenset(proper), occupation_skills


def _semantic(encoder: Encoder, skills: ConceptIndex, occupations: ConceptIndex, cache_dir: Path | None) -> Semantic:
    """Label vectors of both kinds; lexicon phrases join as extra phrasings of their concept."""
    lexicon = load_lexicon()
    extras = []
    for index in (skills, occupations):
        row = {uri: i for i, uri in enumerate(index.uris)}
        extras.append([(row[e.uri], e.phrase) for e in lexicon if e.uri in row])
    phrases = sorted({entry.phrase for entry in lexicon})
    return Semantic.build(encoder, (skills.names, extras[0]), (occupations.names, extras[1]), phrases, cache_dir)


def _skill_prior(taxonomy: Taxonomy) -> dict[str, float]:
    """0..1 per skill: log-scaled count of occupations needing it (optional counts half)."""
    counts: dict[str, float] = {}
    for occupation in taxonomy.occupations.values():
        for uri in occupation.essential_skills:
            counts[uri] = counts.get(uri, 0.0) + 1.0
        for uri in occupation.optional_skills:
            counts[uri] = counts.get(uri, 0.0) + 0.5
    top = max(counts.values(), default=1.0)
    return {uri: float(np.log1p(n) / np.log1p(top)) for uri, n in counts.items()}


def _fingerprint(taxonomy: Taxonomy) -> str:
    """Key of the cached index: the taxonomy's content, the lexicon and the code version."""
    digest = hashlib.sha1(f"{INDEX_VERSION}|{lexicon_digest()}".encode())
    for concepts in (taxonomy.skills, taxonomy.occupations):
        for uri, concept in concepts.items():
            alts = "|".join(concept.alt_labels)
            digest.update(f"{uri}|{concept.label}|{alts}|{len(concept.description)};".encode())
    return digest.hexdigest()[:16]


def _read(path: Path) -> _Parts | None:
    try:
        with path.open("rb") as handle:
            parts = pickle.load(handle)
        mark_used(path)
        return parts
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign cache must never stop a start
        logger.warning("ignoring unreadable recognizer cache %s", path)
        return None


def _write(path: Path, parts: _Parts) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        with temp.open("wb") as handle:
            pickle.dump(parts, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError as exc:
        logger.warning("cannot write recognizer cache %s: %s", path, exc)
