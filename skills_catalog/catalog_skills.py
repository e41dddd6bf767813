"""Map the skill and occupation cells of a catalogue to ESCO URIs.

A cell item is either an ESCO URI (it must exist in the taxonomy in use) or a label. Labels go
through the taxonomy's normalised label index first (exact preferred/alternative label), then a
conservative fuzzy match (rapidfuzz ratio ≥ 92: typos and spelling variants), then, for skills,
the recogniser that reads a person's words (``reader``): "PLC programming" is no ESCO label, but
a worker who types it is read as *programmable logic controller*, so the offer is posted there
too. Results are cached per distinct text, so a 100,000-offer catalogue repeating the same few
hundred labels pays for each label once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    _cache: dict[str, tuple[str | None, bool]] = field(default_factory=dict)

    def find(self, text: str) -> str | None:
        """URI of the concept a label names, or None when no label is close enough."""
        return self.lookup(text)[0]

    def lookup(self, text: str) -> tuple[str | None, bool]:
        """(URI or None, whether the label was only close, not exact)."""
        if text not in self._cache:
            key = normalise(text)
            uri = self.labels.get(key) if key else None
            self._cache[text] = (uri, False) if uri or not key else (self._fuzzy(key), True)
        return self._cache[text]

    def _fuzzy(self, key: str) -> str | None:
        """Closest label by rapidfuzz ratio, only when it is very close."""
        from rapidfuzz import fuzz, process

        if self._choices is None:
            self._choices = list(self.labels)
        hit = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self.labels[hit[0]] if hit else None


#: Reads a label as a person's words: the ESCO skill URIs it names (none: it names none).
LabelReader = Callable[[str], Sequence[str]]


@dataclass(frozen=True)
class SkillMapping:
    """How one skill item of a cell was mapped. ``how``: "uri" or "label" (exact), "fuzzy"
    (a close label), "read" (the recogniser read it as ``uris``), "" (unmapped), "error"."""

    uris: tuple[str, ...] = ()
    how: str = ""
    error: str = ""


@dataclass
class ConceptMapper:
    """Resolves the skill and occupation items of offer cells against one taxonomy."""

    taxonomy: Taxonomy
    skills: LabelIndex
    occupations: LabelIndex
    reader: LabelReader | None = None
    _read: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def for_taxonomy(cls, taxonomy: Taxonomy, reader: LabelReader | None = None) -> ConceptMapper:
        """Build the label indexes once per catalogue load; ``reader`` reads the labels no
        index knows (None: such labels stay unmapped)."""
        occupation_labels: dict[str, str] = {}
        for occupation in taxonomy.occupations.values():
            for alt in occupation.alt_labels:
                occupation_labels.setdefault(normalise(alt), occupation.uri)
        for occupation in taxonomy.occupations.values():
            occupation_labels[normalise(occupation.label)] = occupation.uri
        occupation_labels.pop("", None)
        return cls(taxonomy, LabelIndex(label_lookup(taxonomy)), LabelIndex(occupation_labels), reader)

    def skill(self, item: str) -> SkillMapping:
        """How a skill item maps: a URI of the taxonomy, an exact or close label, or a reading.

        Why the reading: labels that were no ESCO label were kept as text only, and text is
        matched only against words that name no ESCO skill, so a worker typing "PLC
        programming" (read as *programmable logic controller*) never reached the offer (QA8).
        """
        if item.startswith(ESCO_PREFIX):
            if item in self.taxonomy.skills:
                return SkillMapping((item,), "uri")
            if item in self.taxonomy.occupations:
                return SkillMapping(error=f"{item} is an ESCO occupation; list it under occupations")
            return SkillMapping(
                error=f"{item} is not a skill of the taxonomy in use ({self.taxonomy.version or 'ESCO'})"
            )
        uri, close = self.skills.lookup(item)
        if uri:
            return SkillMapping((uri,), "fuzzy" if close else "label")
        read = self.read(item)
        return SkillMapping(read, "read") if read else SkillMapping()

    def read(self, label: str) -> tuple[str, ...]:
        """The skills the reader finds in a label, once per distinct label."""
        if self.reader is None:
            return ()
        if label not in self._read:
            self._read[label] = tuple(u for u in self.reader(label) if u in self.taxonomy.skills)
        return self._read[label]

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
