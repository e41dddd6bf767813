"""Scoring of label matches in a text, and ranking of the concepts found.

Kept apart from :mod:`recognition` so the arithmetic (what makes a match good) can be read,
tuned and tested on its own. All tunables live in :class:`RecognitionWeights`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from .recognition_index import LEXICON, PREFERRED, ConceptIndex, NameForm
from .recognition_text import Word
from .text import fold


@dataclass(frozen=True)
class RecognitionWeights:
    """Thresholds and weights of recognition; defaults were set on job-ad benchmarks (TECH,
    HOUSE) and made-up chat lines, never on the product's held-out evaluation set.

    Attributes:
        min_score: a text names something only if its best match reaches this (1.0 = exact label).
        lexical_min_score: the same when the sentence encoder is not installed (lexical scores
            alone are less sure, so the bar is higher).
        alternative_min: other candidates are listed (up to ``top``) only from this score.
        min_coverage: share of a label's weight that must occur in the text to consider it.
        shortlist: labels scored precisely per sentence, chosen by an upper bound.
        missing_word_exponent: a label missing words loses (found/total words) ** this, so a
            label is not matched by its rare word alone ("program" for "program management").
        specificity_weight: bonus for longer, more specific labels (reached at a label weight of
            ``specificity_mass``), so "TIG welding" beats "welding" for the text "TIG welding".
        specificity_mass: see ``specificity_weight``.
        typo_factor: weight of a word that was spelling-corrected (less sure than typed).
        synonym_factor: weight of a label word reached through the thesaurus ("fix" ->
            repair): a synonym match scores at most this share of the literal match.
        generic_factor: weight of chat words such as "work", "line", "help".
        comma_penalty: factor when a label's words are spread over a comma.
        sentence_penalty: factor when they are spread over two sentences.
        alternative_factor: alternative labels rank just below an equal preferred label.
        lexicon_factor: colloquial lexicon phrases (hand-checked) rank as preferred labels.
        prior_weight: bonus for skills essential in many occupations (ESCO centrality).
        description_weight: BM25 description matches score at most this much.
        description_min: share of the query's weight a description must match.
        occupation_context_min: an occupation this sure in the same text boosts its skills...
        occupation_essential_boost: ... by this for its essential skills,
        occupation_optional_boost: ... and by this for its optional ones.
        semantic_weight: share of sentence-embedding similarity in the score of a concept the
            lexical matcher found (the rest is its lexical score).
        semantic_only_weight: a concept found by meaning alone scores this times its strength.
        semantic_floor: cosine at and below which meaning gives no credit ...
        semantic_ceiling: ... and from which it gives full credit (MiniLM: unrelated texts
            ~0.1-0.3, paraphrases ~0.55-0.8).
        semantic_shortlist: nearest concepts by meaning considered per text.
        encoder_skip_score: the sentence encoder is not run when label matches scoring at least
            this (lexically) cover every non-chat word of the text: a near-exact label match
            needs no confirmation by meaning, and skipping saves ~90 % of a query's time.
            Above 1.1 the encoder always runs.
        encoder_skip_margin: ... and when no other candidate on the same words scores within
            this of such a match (near ties are ordered by meaning) ...
        encoder_skip_max_mentions: ... and when those matches sit in at most this many separate
            places of the text (which of several mentions comes first is a question of meaning).
        modifier_weight: occupations only: how much the unmatched words just before a matched
            title count against it ("wind turbine technician" is not any *technician*).
        wider_margin: a label match whose span holds the best match of a mention and scores
            at most this less names that mention instead ("maintenence of air conditioning":
            *maintain air conditioning systems* before *install air conditioning device*, whose
            alternative label "air conditioning" matches exactly). Below 0 never.
        mention_order_margin: mentions whose best matches score within this of each other are
            listed in the order they are written (0: by score alone).
        meaning_min_words: a concept found by meaning alone makes a text name something only
            when the text has at least this many content words: the sentence encoder puts a
            short line near any label on its one topic ("I'm pregnant" -> *pregnancy*, "I'm
            from Bosnia" -> *Bosnian*), while a paraphrase takes words to describe a task.
        talk_veto: a line the talk detector (:mod:`recognition_talk`) gives less than this
            probability of describing work, over the whole line and each clause, names nothing
            ("I broke my arm skiing", "is the warehouse job still available?", "I don't drive")
            unless ``talk_keep`` spares it. 0 never.
        title_exact_kept: a job title a label matches this well (whole and exactly) keeps its
            score when meaning would lower it. Why: alternative labels are not embedded, so meaning
            knows *cargo vehicle driver* only by its preferred label and phrasings, and "lorry
            driver, long distance" (an exact alternative label) went below *refuse vehicle driver*,
            whose phrasing "bin lorry driver" is embedded. Above ~1.1: never.
        talk_clause_min_words: a clause of a longer line counts on its own for the detector only
            with this many words that are no stopwords: a bare noun reads as work talk (the detector learnt
            lists such as "forklift, reach truck"), so "and a dog" gave "I've got two kids and a
            dog" 0.82 (the line 0.09) and named *evaluate dogs*.
        talk_veto_question: the same for the clauses of a line that ask without a question's
            words ("maybe welding?" 0.74, "something with computers?" 0.77: unsure answers). A
            line names nothing unless a clause that states reaches ``talk_veto`` or one of these
            reaches this. A question asked in words or a wish (:func:`recognition_cues.unclaimed`:
            "who pays for the HACCP certificate?" 0.98, "I'm thinking about learning accounting"
            0.78) counts for neither when the text claims skills: the detector reads a line's
            topic, and these are on the topic of work without telling any.
        talk_keep: a match scoring this much after meaning is fused in (an exact or nearly
            exact label that meaning confirms strongly) stands whatever the detector says, in a
            statement whose clause holds no negation: "did welding for two years" (a short line
            of the kind the detector misjudges: 0.06). Not in a question or a negated clause,
            which tell nothing the writer can do. Until the second night the veto was 0.2 and
            this 0.9 in any line; with the detector retrained that night, that rule kept 5 of the
            15 lines of a fresh probe's 125 skill-free ones that still named a skill.
        talk_licence: a line the detector gives at least this probability of describing work,
            and that names nothing at ``min_score``, names what reaches ``licensed_min_score``
            with meaning's support instead: a paraphrase meaning alone finds with a cosine of
            ~0.52-0.63 ("I pick up the phone when customers ring the office" -> *answer incoming
            calls*). Above 1: never.
        licensed_min_score: see ``talk_licence``. A match counts there only when meaning gives
            it the strength a match by meaning alone needs to reach this score
            (``licensed_min_score / semantic_only_weight``), so a label match the meaning
            contradicts is never licensed.
        meaning_slot_min: the concept meaning supports most that the list leaves out takes the
            last place, when its strength (:func:`recognition_fuse.semantic_strength`) is at
            least this and above that of every listed concept but the first, and the place
            held only another reading of a listed mention (never a mention of its own). Above 1:
            never. It changes neither the first answer nor whether a text names anything.
    """

    min_score: float = 0.56
    lexical_min_score: float = 0.62
    alternative_min: float = 0.35
    min_coverage: float = 0.34
    shortlist: int = 60
    missing_word_exponent: float = 0.3
    specificity_weight: float = 0.08
    specificity_mass: float = 20.0
    typo_factor: float = 0.9
    synonym_factor: float = 0.7
    generic_factor: float = 0.5
    comma_penalty: float = 0.85
    sentence_penalty: float = 0.5
    alternative_factor: float = 0.98
    lexicon_factor: float = 1.0
    prior_weight: float = 0.03
    description_weight: float = 0.55
    description_min: float = 0.4
    occupation_context_min: float = 0.8
    occupation_essential_boost: float = 0.05
    occupation_optional_boost: float = 0.03
    semantic_weight: float = 0.45
    semantic_only_weight: float = 0.7
    semantic_floor: float = 0.35
    semantic_ceiling: float = 0.7
    semantic_shortlist: int = 30
    modifier_weight: float = 1.0
    encoder_skip_score: float = 0.9
    encoder_skip_margin: float = 0.15
    encoder_skip_max_mentions: int = 1
    wider_margin: float = 0.05
    mention_order_margin: float = 0.05
    meaning_min_words: int = 4
    talk_veto: float = 0.1
    title_exact_kept: float = 1.0
    talk_clause_min_words: int = 2
    talk_veto_question: float = 0.5
    talk_keep: float = 1.0
    talk_licence: float = 0.7
    licensed_min_score: float = 0.35
    meaning_slot_min: float = 0.6


@dataclass
class Candidate:
    """The best evidence found so far for one concept."""

    concept: int
    score: float
    start: int
    end: int
    from_label: bool = True
    #: what meaning gave it (:func:`recognition_fuse.semantic_strength`); 0 until fused
    meaning: float = 0.0


def match_concepts(
    index: ConceptIndex,
    words: list[Word],
    text: str,
    weights: RecognitionWeights,
    descriptions: bool = True,
    modifiers: bool = False,
    floor: float = 0.0,
) -> dict[int, Candidate]:
    """Concept row -> best candidate, from label matches and (optionally) descriptions.

    ``modifiers`` counts unmatched words just before a match against it (for job titles).
    ``floor``: only candidates that may score this much are wanted, so labels that cannot
    are not matched at all (the occupation boost needs only sure jobs: ~0.2-1 ms a query less).
    """
    ids = [tuple(index.vocab[s] for s in w.stems if s in index.vocab) for w in words]
    factors = [_word_factor(w, weights) for w in words]
    # (word position, stem id, factor, reached through the thesaurus), in text order
    occurrences = [
        (i, index.vocab[s], factor * (weights.synonym_factor if synonym else 1.0), synonym)
        for i, (word, factor) in enumerate(zip(words, factors, strict=True))
        for stems, synonym in ((word.stems, False), (word.shared, False), (word.related, True))
        for s in stems if s in index.vocab
    ]  # fmt: skip
    lent = [{index.vocab[s] for s in w.shared if s in index.vocab} for w in words]
    shared = frozenset(k for k, (i, s, _f, synonym) in enumerate(occurrences) if not synonym and s in lent[i])
    query: dict[int, float] = {}
    for _i, s, factor, _synonym in occurrences:
        query[s] = max(query.get(s, 0.0), factor)
    if not query:
        return {}
    found: dict[int, Candidate] = {}
    modifier_weight = weights.modifier_weight if modifiers else 0.0
    matches = _label_matches(index, words, ids, occurrences, shared, factors, query, weights, modifier_weight, floor)
    for row, score, start, end in matches:
        _keep(found, Candidate(int(index.label_concept[row]), score, start, end))
    if descriptions:
        for cand in _description_matches(index, words, query, weights):
            if cand.concept not in found:
                found[cand.concept] = cand
    for cand in found.values():
        cand.score += weights.prior_weight * float(index.prior[cand.concept])
    return found


def _word_factor(word: Word, weights: RecognitionWeights) -> float:
    factor = weights.typo_factor if word.corrected else 1.0
    return factor * (weights.generic_factor if word.generic else 1.0)


def _keep(found: dict[int, Candidate], cand: Candidate) -> None:
    best = found.get(cand.concept)
    if best is None or cand.score > best.score:
        found[cand.concept] = cand


def _label_matches(
    index: ConceptIndex,
    words: list[Word],
    ids: list[tuple[int, ...]],
    occurrences: list[_Occurrence],
    shared: frozenset[int],
    factors: list[float],
    query: dict[int, float],
    weights: RecognitionWeights,
    modifier_weight: float = 0.0,
    floor: float = 0.0,
) -> Iterator[tuple[int, float, int, int]]:
    """Yield ``(label row, score, start, end)`` for labels whose stems occur in the text and
    that may score ``floor`` (with the prior added).

    A label's Dice coefficient is at most ``2 got / (mass + got)`` (its window weighs at least
    what it matched), and its score at most that times its kind's factor plus the specificity
    bonus, then the prior's weight: a label whose bound cannot reach ``floor`` is dropped before
    the shortlist (it would be dropped after it too, so the shortlist keeps the same labels).

    Why the bookkeeping: this loop runs for up to ``shortlist`` labels per kind of concept and
    query, so per-query facts (each stem's IDF, where each stem occurs, each word's weight) are
    looked up once, and labels with the same stems (one phrase shared by several concepts)
    share their window.
    """
    rows, got = index.labels.totals(query)
    mass = index.label_mass[rows]
    keep = got >= weights.min_coverage * mass
    rows, mass, got = rows[keep], mass[keep], got[keep]
    bound = 2 * got / (mass + got)
    if floor > 0:
        factor = max(1.0, weights.lexicon_factor, weights.alternative_factor) + weights.specificity_weight
        reachable = bound * factor + weights.prior_weight >= floor
        rows, mass, bound = rows[reachable], mass[reachable], bound[reachable]
    order = np.argsort(-bound, kind="stable")[: weights.shortlist]
    rows, mass = rows[order], mass[order]
    idf = {s: float(index.idf[s]) for s in query}
    text = _Text(words, occurrences, factors, idf, weights, shared)
    weight_at = [(sum(idf[s] for s in stem_ids) or 2.0) * f for stem_ids, f in zip(ids, factors, strict=True)]
    windows: dict[tuple[int, ...], tuple[float, int, int, float] | None] = {}
    for row, kind, mass_row in zip(
        rows.tolist(), index.label_kind[rows].tolist(), mass.tolist(), strict=True
    ):
        label = index.label_stems[row]
        if label in windows:
            hit = windows[label]
        else:
            hit = windows[label] = _window(label, index.light, text, weight_at)
        if hit is None:
            continue
        score, first, last, synonym_mass = hit
        names = index.name_forms.get(row)
        if names is not None and not all(_written_as(w, name) for name in names for w in words[first : last + 1]):
            continue
        factor = (
            1.0
            if kind == PREFERRED
            else weights.lexicon_factor
            if kind == LEXICON
            else weights.alternative_factor
        )
        window = sum(weight_at[first : last + 1]) + synonym_mass
        if modifier_weight:
            window += modifier_weight * _modifier_mass(first, set(label), ids, words, weight_at)
        dice = score * 2 / (mass_row + window)
        specific = weights.specificity_weight * min(1.0, mass_row / weights.specificity_mass)
        yield row, factor * dice + specific * dice, words[first].start, words[last].end


def _written_as(word: Word, name: NameForm) -> bool:
    """True when ``word`` may stand for the label word ``name``: it does not stem like it, or
    it is that very word ("polishing" is no *Polish*, "VAT" no *VATS*), with a capital when
    ``name.cased`` ("I was a chef" names no *Chef* tool; see
    :func:`recognition_index._name_labels`)."""
    if name.stem not in word.stems and name.stem not in word.related:
        return True
    form = word.correction or word.form
    folded = fold(form)
    very = folded == name.word or (name.acronym and folded == name.word + "s")
    return very and (not name.cased or form[:1].isupper())


def misread_acronyms(index: ConceptIndex, words: list[Word]) -> set[int]:
    """Concepts whose labels write an acronym that the text has only as another word stemming
    like it ("VAT" for *perform VATS*, a surgery): meaning must not name them either, because
    the encoder reads the text's word much as it reads the acronym."""
    misread: set[int] = set()
    written: set[int] = set()
    for word in words:
        for s in word.stems:
            for concept, name in index.acronyms.get(s, ()):
                (written if _written_as(word, name) else misread).add(concept)
    return misread - written


#: One stem in the text: (word position, stem id, factor, reached through the thesaurus).
_Occurrence = tuple[int, int, float, bool]


@dataclass(frozen=True)
class _Text:
    """What :func:`_window` needs to know of one query, computed once per query."""

    words: list[Word]
    occurrences: list[_Occurrence]  # in text order
    factors: list[float]
    idf: dict[int, float]  # of the query's stems
    weights: RecognitionWeights
    #: indexes in ``occurrences`` of the stems a word shares with a coordinated one (:attr:`Word.shared`)
    shared: frozenset[int] = frozenset()
    penalties: dict[tuple[int, int], float] = field(default_factory=dict)
    #: stem id -> the indexes in ``occurrences`` where it occurs, so that a label's window
    #: looks only at its own stems' occurrences, not at every word of the text
    at: dict[int, list[int]] = field(init=False, default_factory=dict)
    #: :func:`_run` of each set of occurrences a label has reached
    runs: dict[tuple[int, ...], tuple[float, float, int, int, float, set[int]] | None] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for k, (_i, s, _f, _synonym) in enumerate(self.occurrences):
            self.at.setdefault(s, []).append(k)

    def penalty(self, first: int, last: int) -> float:
        """:func:`_spread_penalty` of the words ``first..last``, once per run of words."""
        found = self.penalties.get((first, last))
        if found is None:
            found = self.penalties[first, last] = _spread_penalty(self.words[first : last + 1], self.weights)
        return found


def _window(
    label: tuple[int, ...], light: frozenset[int], text: _Text, weight_at: list[float]
) -> tuple[float, int, int, float] | None:
    """Smallest run of words holding the label's stems that occur in the text.

    Returns ``(matched weight * penalties, first word, last word, synonym mass)`` or None when
    the label's only evidence is generic chat words. The synonym mass corrects the window's
    weight for words that stand for label words through the thesaurus: such a word weighs what
    it stands for in this label ("till" -> "cash register": two label words), or what it weighs
    as typed when that is more, so a synonym match scores ``synonym_factor`` of a literal one.

    Why in two parts: all of it but the share of the label's words found depends only on
    which occurrences of the text the label reaches, and the ~50 windows a chat line needs
    (its skills, and the jobs behind the occupation boost) reach ~8 distinct sets of them
    (labels sharing a word), so that part is computed once per set.
    """
    wanted = set(label)
    reached = tuple(sorted(k for s in wanted for k in text.at.get(s, ())))
    if text.shared:  # a shared modifier counts only beside its word's own stem ("quality", not "safe")
        own = {text.occurrences[k][0] for k in reached if k not in text.shared}
        reached = tuple(k for k in reached if k not in text.shared or text.occurrences[k][0] in own)
    if reached in text.runs:
        run = text.runs[reached]
    else:
        run = text.runs[reached] = _run(reached, text, weight_at)
    if run is None:
        return None
    got, penalty, first, last, synonym_mass, present = run
    heavy = [s for s in wanted if s not in light] or list(wanted)
    completeness = (sum(1 for s in heavy if s in present) / len(heavy)) ** text.weights.missing_word_exponent
    return got * completeness * penalty, first, last, synonym_mass


def _run(
    reached: tuple[int, ...], text: _Text, weight_at: list[float]
) -> tuple[float, float, int, int, float, set[int]] | None:
    """For :func:`_window`, of the occurrences ``reached`` (indexes in text order): their matched
    weight, the run's penalty, its first and last word, its synonym mass and the stems
    present; ``None`` when they are all generic chat words."""
    words = text.words
    where = [text.occurrences[k] for k in reached]
    present = {s for _, s, _, _ in where}
    if not any(not words[i].generic for i, *_ in where):
        return None
    run = _smallest_run(where, len(present), weight_at)
    if run is None:
        return None
    first, last = run
    factor: dict[int, float] = {}  # per stem, its best occurrence's factor
    stands_for: dict[int, float] = {}  # per word of the window, the weight of the label words it stands for
    literal: set[int] = set()  # words of the window matching the label as typed
    for i, s, f, synonym in where:
        factor[s] = max(factor.get(s, f), f)
        if first <= i <= last:
            stands_for[i] = stands_for.get(i, 0.0) + text.idf[s] * text.factors[i]
            if not synonym:
                literal.add(i)
    got = sum(text.idf[s] * factor[s] for s in present)
    synonym_mass = sum(
        (max(mass, weight_at[i]) if i in literal else mass) - weight_at[i] for i, mass in stands_for.items()
    )
    return got, text.penalty(first, last), first, last, synonym_mass, present


def _smallest_run(where: list[_Occurrence], stems: int, weight_at: list[float]) -> tuple[int, int] | None:
    """First and last word of the lightest run of ``where`` (occurrences in text order) holding
    all its ``stems`` distinct stems; the earliest among equals. ``None`` when ``where`` is empty."""
    if not where:
        return None
    if len(where) == stems:  # each stem once (most labels): the run holds them all
        return where[0][0], where[-1][0]
    best: tuple[float, int, int] | None = None
    for a in range(len(where)):
        seen: set[int] = set()
        for b in range(a, len(where)):
            seen.add(where[b][1])
            if len(seen) == stems:
                first, last = where[a][0], where[b][0]
                span = sum(weight_at[first : last + 1])
                if best is None or span < best[0]:
                    best = (span, first, last)
                break
    return None if best is None else (best[1], best[2])


def _modifier_mass(
    first: int, label: set[int], ids: list[tuple[int, ...]], words: list[Word], weight_at: list[float]
) -> float:
    """Weight of the unmatched words right before a match, in the same clause and noun phrase.

    Why: in a job title the head word comes last and the words before it say which job it is;
    "wind turbine technician" must not count as a full match of *ICT technician*'s alt label
    "technician". An article or possessive starts the phrase: in "I'd like to become a nurse"
    no word before "a" says which nurse.
    """
    mass = 0.0
    i = first - 1
    while (
        i >= 0
        and not words[i + 1].comma_before
        and not words[i + 1].after_determiner
        and words[i].sentence == words[first].sentence
    ):
        if words[i].generic or label.intersection(ids[i]):
            break
        mass += weight_at[i]
        i -= 1
    return mass


def _spread_penalty(run: list[Word], weights: RecognitionWeights) -> float:
    penalty = 1.0
    if len({w.sentence for w in run}) > 1:
        penalty *= weights.sentence_penalty
    if any(w.comma_before for w in run[1:]):
        penalty *= weights.comma_penalty
    return penalty


def _description_matches(
    index: ConceptIndex, words: list[Word], query: dict[int, float], weights: RecognitionWeights
) -> list[Candidate]:
    """Concepts whose description (BM25) covers enough of the text's specific words."""
    specific = {s: f for s, f in query.items() if f >= 1.0}
    if len(specific) < 2:
        return []
    # only the concepts the stems reach (a few hundred of 13.9k): a dense score per concept and
    # a sort of all of them cost ~0.15-0.5 ms a query
    reached, sums = index.descriptions.totals(specific)
    ceiling = float(sum(index.idf[s] for s in specific)) * 2.2
    enough = np.flatnonzero(sums / ceiling >= weights.description_min)
    best = enough[np.argsort(-sums[enough], kind="stable")[:10]]
    start, end = words[0].start, words[-1].end
    return [
        Candidate(concept, weights.description_weight * min(1.0, total / ceiling), start, end, False)
        for concept, total in zip(reached[best].tolist(), sums[best].tolist(), strict=True)
    ]


def rank(
    found: dict[int, Candidate],
    top: int,
    weights: RecognitionWeights,
    min_score: float | None = None,
    content_words: int | None = None,
) -> list[Candidate]:
    """Best of each distinct mention first, then alternatives; [] when nothing is sure enough.

    A text of fewer than ``meaning_min_words`` ``content_words`` names something only through
    a label match reaching ``min_score`` (``None``: any candidate may).

    Why interleave: "TIG welding and PLC programming" must show both skills before a third
    variant of welding.
    """
    min_score = weights.min_score if min_score is None else min_score
    ordered = sorted(found.values(), key=lambda c: (-c.score, c.concept))
    by_meaning = content_words is None or content_words >= weights.meaning_min_words
    if not any(c.score >= min_score and (by_meaning or c.from_label) for c in ordered):
        return []
    heads: list[Candidate] = []
    rest: list[Candidate] = []
    for cand in ordered:
        if not any(overlaps(cand, h) for h in heads) and cand.score >= min_score:
            heads.append(cand)
        elif cand.score >= weights.alternative_min:
            rest.append(cand)
    _widen_heads(heads, rest, weights.wider_margin)
    return (_in_text_order(heads, weights.mention_order_margin) + rest)[:top]


def _widen_heads(heads: list[Candidate], rest: list[Candidate], margin: float) -> None:
    """Let a label match whose span holds a head's, and scores at most ``margin`` less, head
    that mention instead (the head becomes its first alternative); in place.

    Why: a short label matching part of a mention exactly ("air conditioning", an alternative
    label of *install air conditioning device*) outscores the label naming the whole mention
    ("maintenence of air conditioning" -> *maintain air conditioning systems*) by little or
    nothing. Other heads it touches must lie inside it and pass the same test ("maintenence"
    -> *maintenance operations*, absorbed); it never cuts into another mention.
    """
    k = 0
    while k < len(heads):
        head, others = heads[k], heads[:k] + heads[k + 1 :]
        wide = next(
            (
                c
                for c in rest
                if _widens(c, head, margin) and all(_widens(c, o, margin) for o in others if overlaps(c, o))
            ),
            None,
        )
        if wide is not None:
            absorbed = [o for o in others if overlaps(wide, o)]
            heads[k] = wide
            heads[:] = [h for h in heads if h not in absorbed]
            rest.remove(wide)
            rest[:0] = [head, *absorbed]
            k = heads.index(wide)
        k += 1


def _widens(wide: Candidate, head: Candidate, margin: float) -> bool:
    """Both label matches, ``head``'s span inside ``wide``'s longer one, ``wide`` at most ``margin`` lower."""
    return (
        wide.from_label
        and head.from_label
        and head.score - wide.score <= margin
        and wide.start <= head.start
        and head.end <= wide.end
        and wide.end - wide.start > head.end - head.start
    )


def overlaps(a: Candidate, b: Candidate) -> bool:
    """True when the two candidates were read from some of the same characters."""
    return a.start < b.end and b.start < a.end


def _in_text_order(heads: list[Candidate], margin: float) -> list[Candidate]:
    """Mentions scoring within ``margin`` of the best remaining one, in the order they are written.

    Why: a message tends to name its main point first ("customer service in a call centre");
    a second mention that ties with it is context.
    """
    out: list[Candidate] = []
    left = list(heads)
    while left:
        best = max(c.score for c in left)
        pick = min((c for c in left if best - c.score <= margin), key=lambda c: c.start)
        out.append(pick)
        left.remove(pick)
    return out
