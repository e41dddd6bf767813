"""Job titles as people type them: which titles a text writes out, and how broad a typed title is.

Why: on full ESCO a common title ("production worker", "driver") is an alternative label of
one specific occupation (*metal products assembler*, *hearse driver*) while dozens of others
hold it in their own titles; the recogniser rightly finds the one label, and taking it picked a
rare job for a common answer. And a goal named by what is done ("TIG welding") was read as a
job (*welder*) from its words, though no title was typed. Words are compared whole, plurals
aside: "nursing" writes no *nurse*, "operators" writes *operator*. The jobs a broad title is
offered for are its commonest first (:meth:`TitleIndex.commonest`), not the one read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .models import Match, Taxonomy
from .text import fold


@dataclass(frozen=True)
class TitleTuning:
    """When a typed title is too broad to take the one occupation that has it as a label, and
    how the jobs it may be are offered.

    Attributes:
        claimants: other occupations whose titles hold the typed one ("machine operator" is
            held by 200 on full ESCO, "forklift driver" by none) for it to be broad.
        common_word: preferred labels a word must be in to be a common one ("worker",
            "office", "production"); a title of only common words is broad even where it is
            one occupation's own label ("office worker" of *secretary*), unlike "joiner" of
            *carpenter* or "CNC operator".
        diversity: how much a job's likeness to those already offered counts against it when
            offering the jobs of a broad title: bus, tram and trolley bus driver alike are one.
        other_names: alternative labels a broad title must head for an occupation whose
            preferred label does not hold it to count among its jobs, when no other word heads
            more of them: *vehicle technician* is "car mechanic", "auto mechanic", "motor
            vehicle mechanic" and nine more mechanics.
    """

    claimants: int = 6
    common_word: int = 5
    diversity: float = 0.3
    other_names: int = 5


TITLE_TUNING = TitleTuning()

Words = tuple[str, ...]
#: words no title is told by; only these, as "mine" is a word of titles ("mine machine operator")
_FILLER = frozenset({"a", "an", "the", "of", "for", "and", "or", "in", "on", "at", "to", "with", "my", "s"})


def title_words(text: str) -> Words:
    """The words of ``text`` but fillers, lower case, plurals as singulars ("machine operators")."""
    found = (w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in _FILLER)
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in found)


def _holds(label: Words, title: Words) -> bool:
    return bool(title) and set(title) <= set(label)


class TitleIndex:
    """The words of every occupation's titles (preferred label first), to look titles up by word."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._titles: dict[str, tuple[Words, ...]] = {
            uri: tuple(title_words(label) for label in (occ.label, *occ.alt_labels))
            for uri, occ in taxonomy.occupations.items()
        }
        self._by_word: dict[str, set[str]] = {}
        for uri, titles in self._titles.items():
            for word in {w for title in titles for w in title}:
                self._by_word.setdefault(word, set()).add(uri)
        self._preferred = Counter(w for titles in self._titles.values() for w in set(titles[0]))
        self._skills = {uri: frozenset(occ.essential_skills) for uri, occ in taxonomy.occupations.items()}
        self._commonest: dict[tuple[str, int, TitleTuning], list[str]] = {}  # a broad title's jobs, worked out once

    def written(self, uri: str, text: str) -> bool:
        """True when ``text`` writes one of the occupation's titles, every word of it."""
        said = set(title_words(text))
        return any(title and set(title) <= said for title in self._titles.get(uri, ()))

    def is_title(self, text: str) -> bool:
        """True when ``text`` is a job title or the head of one: some occupation's preferred
        label holds its words and ends with its last word ("nurse", "machine operator"; not
        "welding", which *welding engineer* holds but does not end with, nor "maintenance",
        which only alternative labels end with: "head of maintenance")."""
        said = title_words(text)
        return any(
            _holds(self._titles[uri][0], said) and self._titles[uri][0][-1] == said[-1]
            for uri in self._candidates(said)
        )

    def claimants(self, text: str, besides: str = "", *, preferred: bool = False) -> list[str]:
        """The occupations but ``besides`` one of whose titles (with ``preferred``, whose
        preferred label) holds every word of ``text``."""
        said = title_words(text)
        return [
            uri
            for uri in sorted(self._candidates(said))
            if uri != besides
            and any(_holds(title, said) for title in self._titles[uri][: 1 if preferred else None])
        ]

    def broad(self, match: Match, text: str, tuning: TitleTuning = TITLE_TUNING) -> bool:
        """True when ``match`` was read from a title typed in ``text`` that is the head of one
        of its occupation's titles but not its preferred one, and that title is broad: many other
        occupations hold it in their titles, and it is no other name of this one (an alternative
        label written whole that is no part of the preferred one and shares a word with it, or
        has a rare word: "CNC operator", "joiner"), or names more than it ("driver" of *hearse
        driver*, "operator" of *blender operator*)."""
        titles = self._titles.get(match.uri, ())
        said = title_words(match.span)
        if not titles or not said or _holds(title_words(text), titles[0]):
            return False
        if not any(_holds(title, said) and title[-1] == said[-1] for title in titles):
            return False  # read from other words, or a title's modifier ("CNC"): no title typed
        if len(self.claimants(match.span, match.uri)) < tuning.claimants:
            return False
        whole = any(set(title) == set(said) for title in titles[1:])
        common = all(self._preferred[w] >= tuning.common_word for w in said)
        other_name = (
            whole and not _holds(titles[0], said) and (bool(set(said) & set(titles[0])) or not common)
        )
        return not other_name

    def commonest(self, title: str, n: int, tuning: TitleTuning = TITLE_TUNING) -> list[str]:
        """At most ``n`` occupations a broad ``title`` names (by preferred label, else by any
        title), the commonest kind first: the most typical, whose essential skills the others
        share most, then each the most typical of those least like the ones before it.

        Why: "driver" offered *hearse driver*, the one whose alternative label it is, first, and
        *bus driver* after; the typical driver drives a bus, a lorry or a van, and three kinds
        of bus driver are one choice (QA12). Kept per title: the pairwise likeness of a title's
        jobs costs up to 200 ms ("manager": 600 jobs), and the form asks for it on every answer
        that types the title.
        """
        key = (title, n, tuning)
        if key not in self._commonest:
            self._commonest[key] = self._commonest_kinds(title, n, tuning)
        return list(self._commonest[key])

    def _commonest_kinds(self, title: str, n: int, tuning: TitleTuning) -> list[str]:
        """:meth:`commonest`, worked out. How typical a job is, is measured against the jobs
        the title's preferred labels name, not those known by it in other names: those are
        offered too, but the typical driver stays the one the drivers' own titles are like."""
        kinds = self.claimants(title, preferred=True)
        if len(kinds) > 1:
            named = [*kinds, *self._named_otherwise(title, kinds, tuning)]
        else:
            kinds = named = self.claimants(title)
        alike = {uri: {other: self._alike(uri, other) for other in named} for uri in named}
        typical = {
            uri: (sum(alike[uri][kind] for kind in kinds) - (uri in kinds)) / max(1, len(kinds) - (uri in kinds))
            for uri in named
        }
        like_chosen = dict.fromkeys(named, 0.0)  # the most each is like one chosen already
        chosen: list[str] = []
        left = sorted(named, key=lambda uri: (-typical[uri], self._titles[uri][0]))
        while left and len(chosen) < n:
            best = max(left, key=lambda uri: typical[uri] - tuning.diversity * like_chosen[uri])
            chosen.append(best)
            left.remove(best)
            like_chosen = {uri: max(like, alike[uri][best]) for uri, like in like_chosen.items()}
        return chosen

    def _named_otherwise(self, title: str, kinds: list[str], tuning: TitleTuning) -> list[str]:
        """The occupations but ``kinds`` that many alternative labels name as kinds of ``title``
        (``TitleTuning.other_names``), no other word heading more of them. Why: "mechanic" left out
        *vehicle technician*, whose other names are "car mechanic", "auto mechanic", … (QA13)."""
        said = title_words(title)
        found = []
        for uri in sorted(self._candidates(said) - set(kinds)):
            others = [words for words in self._titles[uri][1:] if words]
            heading = sum(1 for words in others if _holds(words, said) and words[-1] == said[-1])
            if heading >= max(tuning.other_names, *Counter(words[-1] for words in others).values()):
                found.append(uri)
        return found

    def _alike(self, uri: str, other: str) -> float:
        """How alike two occupations are: the share of their essential skills they have in common."""
        if uri == other:
            return 1.0
        both = self._skills[uri] | self._skills[other]
        return len(self._skills[uri] & self._skills[other]) / len(both) if both else 0.0

    def _candidates(self, said: Words) -> set[str]:
        if not said:
            return set()
        return set.intersection(*(self._by_word.get(w, set()) for w in said))


_built: list[tuple[Taxonomy, TitleIndex]] = []


def title_index(taxonomy: Taxonomy) -> TitleIndex:
    """The index of ``taxonomy``'s titles, built on first use and kept for that taxonomy."""
    if not _built or _built[0][0] is not taxonomy:
        _built[:] = [(taxonomy, TitleIndex(taxonomy))]
    return _built[0][1]
