"""Plain data shared by every part of the library: taxonomy, catalogue, profiles and results.

All classes are frozen dataclasses so they can be cached, hashed and passed between threads
without copies. Identifiers are ESCO URIs for skills and occupations and the catalogue's own
ids for partners and offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# ---------------------------------------------------------------- taxonomy


@dataclass(frozen=True)
class Skill:
    """An ESCO skill or knowledge concept."""

    uri: str
    label: str
    alt_labels: tuple[str, ...] = ()
    description: str = ""
    skill_type: str = ""  # "skill/competence" or "knowledge" (ESCO skillType, shortened)
    reuse_level: str = ""  # "transversal", "cross-sector", "sector-specific", "occupation-specific"
    collections: frozenset[str] = frozenset()  # subset of {"green", "digital", "transversal", "language"}
    broader: tuple[str, ...] = ()  # URIs of broader skills or skill groups


@dataclass(frozen=True)
class Occupation:
    """An ESCO occupation with the skills ESCO relates to it."""

    uri: str
    label: str
    alt_labels: tuple[str, ...] = ()
    description: str = ""
    isco_group: str = ""  # ISCO-08 code, e.g. "7212"
    essential_skills: tuple[str, ...] = ()  # skill URIs
    optional_skills: tuple[str, ...] = ()  # skill URIs


@dataclass(frozen=True)
class Taxonomy:
    """Skills and occupations by URI, plus where they came from (for attribution and caching)."""

    skills: dict[str, Skill]
    occupations: dict[str, Occupation]
    source: str = ""  # folder or "demo"
    version: str = ""  # e.g. "ESCO v1.1.1" or "demo subset of ESCO v1.1.1"

    ATTRIBUTION = "ESCO classification, © European Union"


# ---------------------------------------------------------------- places


@dataclass(frozen=True)
class GeoPoint:
    """WGS84 coordinates in decimal degrees."""

    lat: float
    lon: float


@dataclass(frozen=True)
class Place:
    """A resolved town or postcode."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    point: GeoPoint
    population: int = 0


# ---------------------------------------------------------------- catalogue

PARTNER_KINDS = frozenset(
    {
        "vet_school",
        "university",
        "cluster_academy",
        "private_provider",
        "public_employment_service",
        "chamber",
        "company_academy",
        "ngo",
    }
)
ECOSYSTEMS = frozenset(
    {
        "aerospace_defence",
        "agri_food",
        "construction",
        "cultural_creative",
        "digital",
        "electronics",
        "energy_intensive",
        "renewable_energy",
        "health",
        "mobility_transport_automotive",
        "proximity_social_economy",
        "retail",
        "textiles",
        "tourism",
    }
)
TRANSITIONS = frozenset({"green", "digital", "resilience"})
MODES = frozenset({"in_person", "online", "blended"})


def modes_suiting(wanted: str) -> frozenset[str]:
    """The offer modes that suit a way of learning asked for: "in_person" takes blended courses
    too (they are held in person in part), "blended" every mode (a firm mixes an online course
    with one in person: its "blended" had hidden the free online course 4 km away, QA9), "online"
    only itself. Why one place: a firm's "in person" had left out the blended course a worker's
    "in person" finds."""
    if wanted == "blended":
        return MODES
    return frozenset({"in_person", "blended"}) if wanted == "in_person" else frozenset({wanted}) & MODES


@dataclass(frozen=True)
class Partner:
    """A training partner: who teaches, and how to reach them."""

    partner_id: str
    name: str
    kind: str
    city: str
    country: str
    point: GeoPoint
    postcode: str = ""
    address: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    pact_for_skills_member: bool = False


@dataclass(frozen=True)
class Offer:
    """A reskilling or upskilling offer of one partner.

    ``skills`` holds ESCO URIs for the labels that were mapped and ``unmapped_skills`` the
    labels that were not (still matched as text).
    """

    offer_id: str
    partner_id: str
    title: str
    skills: tuple[str, ...]
    ecosystem: str
    mode: str
    languages: tuple[str, ...]
    point: GeoPoint  # where it takes place (own place, else the partner's)
    city: str = ""
    country: str = ""
    description: str = ""
    unmapped_skills: tuple[str, ...] = ()
    occupations: tuple[str, ...] = ()
    transitions: tuple[str, ...] = ()
    pact_partnership: str = ""
    eqf_level: int | None = None
    duration_hours: float | None = None
    start_date: date | None = None
    end_date: date | None = None
    cost_eur: float | None = None
    funding: str = ""
    url: str = ""
    seats: int | None = None


@dataclass(frozen=True)
class Catalog:
    """A loaded, valid catalogue."""

    partners: dict[str, Partner]
    offers: dict[str, Offer]
    source: str = ""


# ---------------------------------------------------------------- recognition


@dataclass(frozen=True)
class Match:
    """A taxonomy concept recognised in a text, with the part of the text that named it."""

    uri: str
    label: str
    score: float  # 0..1, higher is surer
    span: str  # the substring of the input text that was matched
    start: int = -1  # character offsets of span in the input, -1 when not a contiguous span
    end: int = -1


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class Profile:
    """What a worker told us, already resolved to taxonomy URIs and a place.

    ``skills`` are what they have, ``wanted_skills`` what they want to learn, ``target`` the
    occupation aimed for. Hard limits: ``max_distance_km`` (applies to in-person and blended
    offers only), ``modes``, ``languages``, ``max_cost_eur``, ``available_from`` (offers that
    start before it are excluded; rolling offers always fit).
    """

    skills: frozenset[str] = frozenset()
    occupation: str | None = None
    target: str | None = None
    wanted_skills: tuple[str, ...] = ()
    location: GeoPoint | None = None
    location_name: str = ""
    max_distance_km: float | None = None
    modes: frozenset[str] = frozenset()  # empty = any
    languages: frozenset[str] = frozenset()  # empty = any
    max_cost_eur: float | None = None
    available_from: date | None = None


@dataclass(frozen=True)
class SkillRef:
    """A skill named in a result: URI and label (label alone when it was never mapped)."""

    uri: str
    label: str


@dataclass(frozen=True)
class Recommendation:
    """One offer picked for a profile or need, with everything needed to explain it."""

    offer: Offer
    partner: Partner
    score: float
    distance_km: float | None
    covers: tuple[SkillRef, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Recommendations:
    """The answer to one recommend call."""

    gap: tuple[SkillRef, ...]
    recommendations: tuple[Recommendation, ...]
    unrecognised: tuple[str, ...] = ()
    relax: tuple[str, ...] = field(default=())  # when empty: which hard limit to relax, in words
    #: on a first page: which limit keeps out offers that teach far more of the request
    beyond: tuple[str, ...] = field(default=())
