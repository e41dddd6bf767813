"""Everyday words and the words ESCO labels use for the same thing ("fix" -> repair, maintain).

Why: people describe their work in everyday words ("I fix the wheels on lorries") that share
no word with the expert's label (*repair tyres*, *heavy goods vehicle*). The colloquial lexicon
maps whole phrases to one concept; this thesaurus works a level lower, word by word, so one
pair ("lorry" -> vehicle) helps every label that uses the word. Matching counts a word reached
this way below a word typed (``RecognitionWeights.synonym_factor``), so a literal match always
outranks a synonym match. ``data/lexicon/thesaurus.csv`` is general language knowledge written
by hand; see its header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import LexiconError
from .recognition_index import content_stems
from .recognition_lexicon import LEXICON_DIR, SPELLINGS, THESAURUS_NAME, data_rows
from .text import STOPWORDS, stem, tokens

THESAURUS_FILE = LEXICON_DIR / THESAURUS_NAME
COLUMNS = ["everyday", "esco"]


@dataclass(frozen=True)
class Thesaurus:
    """Stems of an everyday word or phrase -> stems of the words labels use instead.

    Keys are stems of every token, stopwords included, so a phrasal verb keeps its particle
    ("look after" is not "look").
    """

    related: dict[tuple[str, ...], frozenset[str]]
    words: frozenset[str]  # tokens of the everyday side: real words, never spelling-corrected

    @cached_property
    def longest(self) -> int:
        """Tokens in the longest everyday phrase (computed once: :meth:`find` runs per query)."""
        return max((len(k) for k in self.related), default=0)

    def find(self, stems: Sequence[str]) -> list[tuple[int, int, frozenset[str]]]:
        """``(first, last + 1, related stems)`` of every everyday word or phrase in ``stems``.

        Left to right, the longest phrase first, never overlapping: "set up" is not also "set".
        """
        found = []
        first = 0
        while first < len(stems):
            size = next((n for n in range(min(self.longest, len(stems) - first), 0, -1)
                         if tuple(stems[first : first + n]) in self.related), 0)  # fmt: skip
            if size:
                found.append((first, first + size, self.related[tuple(stems[first : first + size])]))
            first += max(size, 1)
        return found


def load_thesaurus(path: Path = THESAURUS_FILE) -> Thesaurus:
    """Read a thesaurus CSV (columns ``everyday,esco``; ``#`` lines are comments).

    Raises:
        LexiconError: a missing file, wrong header, or a row that cannot be used, with its line.
    """
    related: dict[tuple[str, ...], set[str]] = {}
    words: set[str] = set()
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for line, row in data_rows(path, COLUMNS):
        key, target = _pair(path.name, line, row)
        if (key, target) in seen:
            raise LexiconError(path.name, line, f"duplicate pair {row[0]!r} -> {row[1]!r}")
        seen.add((key, target))
        related.setdefault(key, set()).update(target)
        words.update(t for t in tokens(row[0]) if t not in STOPWORDS)
    return Thesaurus({k: frozenset(v - set(k)) for k, v in related.items()}, frozenset(words))


def _pair(file: str, line: int, row: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The key stems and target stems of one row, or a :class:`LexiconError` saying what is wrong."""
    if len(row) != len(COLUMNS):
        raise LexiconError(file, line, f"expected {len(COLUMNS)} columns ({','.join(COLUMNS)}), got {len(row)}")
    everyday, esco = (cell.strip() for cell in row)
    words = tokens(everyday)
    if all(t in STOPWORDS for t in words):
        raise LexiconError(file, line, f"everyday side {everyday!r} has no content word")
    key = tuple(stem(t) for t in words)
    target = content_stems(esco)
    if not target:
        raise LexiconError(file, line, f"esco side {esco!r} has no content word")
    if set(target) <= set(key):
        raise LexiconError(file, line, f"{everyday!r} -> {esco!r} maps a word to itself")
    if SPELLINGS.get(everyday.lower()) == esco.lower():
        # the thesaurus meets words by stem, so "tires" -> tyres would also give "tired" tyres;
        # SPELLINGS rewrites whole words
        raise LexiconError(file, line, f"{everyday!r} -> {esco!r} is a spelling: add it to SPELLINGS")
    return key, target


@lru_cache(maxsize=1)
def shipped_thesaurus() -> Thesaurus:
    """The thesaurus shipped in ``data/lexicon``, read on first use."""
    return load_thesaurus()
