"""Fields of work named in a worker's own words ("something with computers", "a job outdoors"),
and the jobs the catalogue's courses in them prepare for.

Why: a vague goal named no job and no skill the catalogue could search for: on full ESCO "something
in healthcare" became *healthcare inspector* and "something in IT" *ICT information and
knowledge manager*. A careers adviser answers such a wish with the jobs of that field their
partners train for, to pick from. The words are the broad ones a person uses for a field; a
trade ("plumbing", "elderly care") is a goal of its own, read as a job or a skill.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .models import Catalog, Occupation, Taxonomy

_MAKING = (
    "aerospace_defence",
    "electronics",
    "energy_intensive",
    "mobility_transport_automotive",
    "textiles",
)
#: a word for a field of work -> the ecosystems whose courses train for it
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("IT", "ICT", "computer", "computing", "tech", "technology", "digital", "software"), ("digital",)
    ),
    **dict.fromkeys(
        ("health", "healthcare", "care", "caring", "medical", "medicine", "hospital"), ("health",)
    ),
    **dict.fromkeys(("construction", "building"), ("construction",)),
    **dict.fromkeys(
        ("car", "vehicle", "automotive", "transport", "logistics"), ("mobility_transport_automotive",)
    ),
    **dict.fromkeys(("energy", "renewable", "green"), ("renewable_energy",)),
    **dict.fromkeys(("manufacturing", "factory", "production", "industrial"), _MAKING),
    **dict.fromkeys(("agriculture", "farming", "food"), ("agri_food",)),
    **dict.fromkeys(("tourism", "hospitality", "hotel", "restaurant", "catering"), ("tourism",)),
    **dict.fromkeys(("retail", "shop", "sales"), ("retail",)),
    **dict.fromkeys(("electronics",), ("electronics",)),
    **dict.fromkeys(
        ("outdoors", "outdoor", "outside", "nature"), ("construction", "agri_food", "renewable_energy")
    ),
    "people": ("health", "tourism", "retail"),
    "hands": ("construction", "energy_intensive", "mobility_transport_automotive"),
}
#: words around a field that name none: "something in", "a job with", "the IT sector", "maybe"
_AROUND_WORDS = """something anything a an the some job jobs work working career field sector industry area kind sort type
    of with in into around involving related to maybe perhaps probably i i'd id want would like do doing get go
    move be for or and more stuff thing things my me also please"""
_AROUND = frozenset(_AROUND_WORDS.split())
_CAPITALS = frozenset({"IT", "ICT"})  # "it" is no field


def _field_key(word: str) -> str | None:
    """The key of :data:`FIELD_WORDS` a written word is (plurals too), or None."""
    if word.upper() in _CAPITALS:
        return word if word in _CAPITALS else None
    lowered = word.lower()
    for key in (lowered, lowered[:-1] if lowered.endswith("s") else lowered):
        if key in FIELD_WORDS and key not in _CAPITALS:
            return key
    return None


def fields_named(text: str) -> tuple[str, ...]:
    """The ecosystems a wish names as a field of work, in the order named; () when it names
    anything more than fields and the words around them ("something with computers" names
    *digital*; "something with solar panels" none: "solar panels" is a goal of its own)."""
    keys: list[str] = []
    for word in re.findall(r"[\w']+", text):
        key = _field_key(word)
        if key is not None:
            keys.append(key)
        elif word.lower() not in _AROUND:
            return ()
    return tuple(dict.fromkeys(ecosystem for key in keys for ecosystem in FIELD_WORDS[key]))


def jobs_in_fields(
    catalog: Catalog, taxonomy: Taxonomy, ecosystems: Iterable[str], n: int = 5, besides: str | None = None
) -> list[Occupation]:
    """The jobs the catalogue's courses in ``ecosystems`` prepare for, those most courses name
    first, at most ``n``, but ``besides`` (the person's own job)."""
    wanted = set(ecosystems)
    named = Counter(
        uri
        for offer in catalog.offers.values()
        if offer.ecosystem in wanted
        for uri in offer.occupations
        if uri in taxonomy.occupations and uri != besides
    )
    ranked = sorted(named, key=lambda uri: (-named[uri], taxonomy.occupations[uri].label.casefold()))
    return [taxonomy.occupations[uri] for uri in ranked[:n]]
