"""Inverted index of a catalogue: which offers teach a skill, name an occupation, or a label.

Each posting list is a sorted ``int32`` array of offer positions (positions in the id-sorted
offer tuple of ``OfferTable``), so a request can union them with numpy and test membership
with a binary search. Labels that the catalogue loader could not map to ESCO
(``Offer.unmapped_skills``) are matched as text: normalised equality, or one containing the
other as whole words ("plc programming" ⊂ "advanced plc programming").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .models import Offer, SkillRef
from .text import normalise

EMPTY = np.zeros(0, dtype=np.int32)
_MIN_CONTAINED = 4  # shorter normalised texts match by equality only ("it" ⊄ "it security")
_CACHE_LIMIT = 20_000


@dataclass(frozen=True)
class Item:
    """One thing a request wants covered: a skill (URI or text), or an occupation; ``share`` is
    what covering it counts for, less than 1 for one of a role's many skills."""

    ref: SkillRef
    occupation: bool = False
    share: float = 1.0


class Postings:
    """Posting lists of skills, occupations and unmapped labels; read-only once built."""

    def __init__(self, offers: Sequence[Offer]) -> None:
        skills: dict[str, list[int]] = {}
        occupations: dict[str, list[int]] = {}
        labels: dict[str, list[int]] = {}
        for pos, offer in enumerate(offers):
            for uri in dict.fromkeys(offer.skills):
                skills.setdefault(uri, []).append(pos)
            for uri in dict.fromkeys(offer.occupations):
                occupations.setdefault(uri, []).append(pos)
            for label in dict.fromkeys(normalise(t) for t in offer.unmapped_skills):
                if label:
                    labels.setdefault(label, []).append(pos)
        self._skills = {k: np.array(v, dtype=np.int32) for k, v in skills.items()}
        self._occupations = {k: np.array(v, dtype=np.int32) for k, v in occupations.items()}
        self._labels = [(f" {k} ", np.array(v, dtype=np.int32)) for k, v in labels.items()]
        self._text_cache: dict[str, np.ndarray] = {}

    def has_skill(self, uri: str) -> bool:
        """True when at least one offer teaches the ESCO skill ``uri``."""
        return uri in self._skills

    def of(self, item: Item) -> np.ndarray:
        """Sorted positions of the offers covering ``item`` (URI postings ∪ text matches)."""
        if item.occupation:
            return self._occupations.get(item.ref.uri, EMPTY)
        by_uri = self._skills.get(item.ref.uri, EMPTY) if item.ref.uri else EMPTY
        by_text = self.text_matches(item.ref.label) if self._labels and item.ref.label else EMPTY
        if not len(by_text):
            return by_uri
        return np.union1d(by_uri, by_text).astype(np.int32) if len(by_uri) else by_text

    def covers(self, item: Item, pos: int, offer: Offer) -> bool:
        """Whether the offer at ``pos`` covers ``item`` — without touching posting lists
        unless a text match is possible (the common URI case is a tuple look-up)."""
        if item.occupation:
            return item.ref.uri in offer.occupations
        if item.ref.uri and item.ref.uri in offer.skills:
            return True
        if not (self._labels and item.ref.label and offer.unmapped_skills):
            return False
        found = self.text_matches(item.ref.label)
        at = int(np.searchsorted(found, pos))
        return at < len(found) and int(found[at]) == pos

    def text_matches(self, text: str) -> np.ndarray:
        """Offers with an unmapped label equal to, containing or contained in ``text``.

        Cached per text: the scan is linear in the distinct unmapped labels, and the same few
        skill labels are asked for again and again in a conversation.
        """
        key = normalise(text)
        cached = self._text_cache.get(key)
        if cached is not None:
            return cached
        found = EMPTY
        if key:
            padded = f" {key} "
            hits = [post for label, post in self._labels if label == padded or _contains(label, padded)]
            found = np.unique(np.concatenate(hits)).astype(np.int32) if hits else EMPTY
        if len(self._text_cache) >= _CACHE_LIMIT:
            self._text_cache.clear()
        self._text_cache[key] = found
        return found


def _contains(label: str, text: str) -> bool:
    """Whole-word containment either way, for texts long enough to mean something."""
    if len(text) - 2 >= _MIN_CONTAINED and text in label:
        return True
    return len(label) - 2 >= _MIN_CONTAINED and label in text
