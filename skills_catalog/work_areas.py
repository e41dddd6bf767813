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
from dataclasses import dataclass

from .models import Catalog, Occupation, Taxonomy


@dataclass(frozen=True)
class Field:
    """A field of work: the ecosystems whose courses train for it and, where an ecosystem holds
    more than this field, the ISCO-08 groups (code prefixes) of its jobs; () for all of them.

    Why the groups: "cars" and "logistics" are one ecosystem's (mobility, transport and
    automotive), and "cars" had offered *supply chain manager* and *forklift operator* (QA12).
    """

    ecosystems: tuple[str, ...]
    isco: tuple[str, ...] = ()

    def holds(self, ecosystem: str, occupation: Occupation) -> bool:
        """True when a job that a course of ``ecosystem`` prepares for is one of this field (a
        job of no known group is one of every field of its ecosystem)."""
        groups = not self.isco or not occupation.isco_group or occupation.isco_group.startswith(self.isco)
        return ecosystem in self.ecosystems and groups


_MOBILITY = "mobility_transport_automotive"
_MAKING = ("aerospace_defence", "electronics", "energy_intensive", _MOBILITY, "textiles")
_WHOLE = (
    "health",
    "construction",
    "renewable_energy",
    "agri_food",
    "tourism",
    "retail",
    "electronics",
)
#: field key -> the field: ecosystems named as a whole, manufacturing, and the fields within mobility
FIELDS: dict[str, Field] = {
    **{key: Field((key,)) for key in _WHOLE},
    "manufacturing": Field(_MAKING),
    # working with computers: ICT professionals and technicians, statisticians and data analysts,
    # multimedia designers, data entry clerks; not the automotive engineers some digital courses
    # also train ("something with computers" offered them, QA12)
    "digital": Field(("digital",), isco=("25", "35", "212", "2166", "4132")),
    # making and repairing vehicles: engineers and technicians, mechanics, electricians, assemblers
    "motor_vehicles": Field((_MOBILITY,), isco=("214", "311", "72", "74", "82")),
    # moving and storing goods and people: supply managers, forwarders, stock and transport clerks,
    # drivers and mobile plant operators, transport and storage labourers
    "transport_logistics": Field((_MOBILITY,), isco=("1324", "3331", "432", "83", "933")),
}
#: a word for a field of work -> the fields (keys of :data:`FIELDS`) it names
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("IT", "ICT", "computer", "computing", "tech", "technology", "digital", "software"), ("digital",)
    ),
    **dict.fromkeys(
        ("health", "healthcare", "care", "caring", "medical", "medicine", "hospital"), ("health",)
    ),
    **dict.fromkeys(("construction", "building"), ("construction",)),
    **dict.fromkeys(("car", "vehicle", "automotive", "motor"), ("motor_vehicles",)),
    **dict.fromkeys(
        ("transport", "logistics", "warehouse", "warehousing", "delivery", "haulage", "freight"),
        ("transport_logistics",),
    ),
    **dict.fromkeys(("energy", "renewable", "green"), ("renewable_energy",)),
    **dict.fromkeys(("manufacturing", "factory", "production", "industrial"), ("manufacturing",)),
    **dict.fromkeys(("agriculture", "farming", "food"), ("agri_food",)),
    **dict.fromkeys(("tourism", "hospitality", "hotel", "restaurant", "catering"), ("tourism",)),
    **dict.fromkeys(("retail", "shop", "sales"), ("retail",)),
    **dict.fromkeys(("electronics",), ("electronics",)),
    **dict.fromkeys(
        ("outdoors", "outdoor", "outside", "nature"), ("construction", "agri_food", "renewable_energy")
    ),
    "people": ("health", "tourism", "retail"),
    "hands": ("construction", "manufacturing"),
}
#: words around a field that name none: "something in", "a job with", "the IT sector", "maybe",
#: the fillers of someone unsure ("idk, something with computers", "cars i guess": QA12), and what
#: the work should be like ("something in healthcare with better hours" had offered healthcare
#: inspectors and consultants, titles read from "healthcare", QA12)
_AROUND_WORDS = """something anything a an the some job jobs work working career field sector industry area kind sort type
    of with in into around involving related to maybe perhaps probably possibly i i'd id want would like do doing get go
    move be for or and more stuff thing things my me also please idk dunno guess suppose reckon think um hmm erm
    honestly tbh kinda just really
    better good nice new different other hours pay paid conditions regular normal fixed daytime day less stress
    physical lighter easier interesting stable steady secure safe need looking"""
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
    """The fields (keys of :data:`FIELDS`) a wish names as fields of work, in the order named;
    () when it names anything more than fields and the words around them ("something with
    computers" names *digital*; "something with solar panels" none: "solar panels" is a goal
    of its own)."""
    keys: list[str] = []
    for word in re.findall(r"[\w']+", text):
        key = _field_key(word)
        if key is not None:
            keys.append(key)
        elif word.lower() not in _AROUND:
            return ()
    return tuple(dict.fromkeys(field for key in keys for field in FIELD_WORDS[key]))


def jobs_in_fields(
    catalog: Catalog, taxonomy: Taxonomy, fields: Iterable[str], n: int = 5, besides: str | None = None
) -> list[Occupation]:
    """The jobs of ``fields`` (keys of :data:`FIELDS`) that the catalogue's courses prepare for,
    those most courses name first, at most ``n``, but ``besides`` (the person's own job)."""
    wanted = [FIELDS[key] for key in fields]
    named = Counter(
        uri
        for offer in catalog.offers.values()
        for uri in offer.occupations
        if uri in taxonomy.occupations
        and uri != besides
        and any(field.holds(offer.ecosystem, taxonomy.occupations[uri]) for field in wanted)
    )
    ranked = sorted(named, key=lambda uri: (-named[uri], taxonomy.occupations[uri].label.casefold()))
    return [taxonomy.occupations[uri] for uri in ranked[:n]]
