"""Map the skill and occupation cells of a catalogue to ESCO URIs.

A cell item is either an ESCO URI (it must exist in the taxonomy in use) or a label. Labels go
through the taxonomy's normalised label index first (exact preferred/alternative label), then a
conservative fuzzy match (rapidfuzz ratio ≥ 92: typos and spelling variants, never a different
concept). Results are cached per distinct text, so a 100,000-offer catalogue repeating the same
few hundred labels pays for each label once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Taxonomy
from .taxonomy import label_lookup
from .text import normalise

FUZZY_CUTOFF = 92.0
ESCO_PREFIX = "http"


@dataclass
class LabelIndex:
    """Normalised label -> URI for one kind of concept, with a per-text cache."""

    labels: dict[str, str]
    _choices: list[str] | None = None
    _cache: dict[str, str | None] = field(default_factory=dict)

    def find(self, text: str) -> str | None:
        """URI of the concept a label names, or None when no label is close enough."""
        if text in self._cache:
            return self._cache[text]
        key = normalise(text)
        uri = self.labels.get(key) if key else None
        if uri is None and key:
            uri = self._fuzzy(key)
        self._cache[text] = uri
        return uri

    def _fuzzy(self, key: str) -> str | None:
        """Closest label by rapidfuzz ratio, only when it is very close."""
        from rapidfuzz import fuzz, process

        if self._choices is None:
            self._choices = list(self.labels)
        hit = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self.labels[hit[0]] if hit else None


@dataclass
class ConceptMapper:
    """Resolves the skill and occupation items of offer cells against one taxonomy."""

    taxonomy: Taxonomy
    skills: LabelIndex
    occupations: LabelIndex

    @classmethod
    def for_taxonomy(cls, taxonomy: Taxonomy) -> ConceptMapper:
        """Build the label indexes once per catalogue load."""
        occupation_labels: dict[str, str] = {}
        for occupation in taxonomy.occupations.values():
            for alt in occupation.alt_labels:
                occupation_labels.setdefault(normalise(alt), occupation.uri)
        for occupation in taxonomy.occupations.values():
            occupation_labels[normalise(occupation.label)] = occupation.uri
        occupation_labels.pop("", None)
        return cls(taxonomy, LabelIndex(label_lookup(taxonomy)), LabelIndex(occupation_labels))

    def skill(self, item: str) -> tuple[str | None, str | None]:
        """``(uri, None)`` for a known skill, ``(None, error)`` for a bad URI, ``(None, None)`` unmapped label."""
        if item.startswith(ESCO_PREFIX):
            if item in self.taxonomy.skills:
                return item, None
            if item in self.taxonomy.occupations:
                return None, f"{item} is an ESCO occupation; list it under occupations"
            return None, f"{item} is not a skill of the taxonomy in use ({self.taxonomy.version or 'ESCO'})"
        return self.skills.find(item), None

    def occupation(self, item: str) -> tuple[str | None, str | None]:
        """Like :meth:`skill` for the occupations column."""
        if item.startswith(ESCO_PREFIX):
            if item in self.taxonomy.occupations:
                return item, None
            if item in self.taxonomy.skills:
                return None, f"{item} is an ESCO skill; list it under skills"
            return (
                None,
                f"{item} is not an occupation of the taxonomy in use ({self.taxonomy.version or 'ESCO'})",
            )
        return self.occupations.find(item), None
