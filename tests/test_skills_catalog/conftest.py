"""Shared in-memory fixtures: a tiny taxonomy, a tiny catalogue, and offline stand-ins.

Everything is built from ``skills_catalog.models`` dataclasses, so domain tests need no file,
no cache and no other module. ``FakeRecognizer`` and ``FakeGazetteer`` follow the contracts of
``recognition.Recognizer`` and ``places.Gazetteer`` (see docs/architecture.md) closely enough
for profile, engine and CLI tests. Import the builders from here in other test modules::

    from tests.test_skills_catalog.conftest import make_taxonomy, make_catalog, TODAY
"""

from __future__ import annotations

from datetime import date

import pytest

from skills_catalog.errors import UnknownPlaceError
from skills_catalog.models import Catalog, GeoPoint, Match, Occupation, Offer, Partner, Place, Skill, Taxonomy
from skills_catalog.recognition_cues import unclaimed

TODAY = date(2026, 11, 22)
ESCO = "http://data.europa.eu/esco"


def s(key: str) -> str:
    """URI of a fixture skill."""
    return f"{ESCO}/skill/test-{key}"


def o(key: str) -> str:
    """URI of a fixture occupation."""
    return f"{ESCO}/occupation/test-{key}"


SKILLS = {
    "weld": ("weld metal parts", ("welding",)),
    "plc": ("program PLC", ("PLC programming",)),
    "blueprint": ("read blueprints", ("blueprint reading",)),
    "cnc": ("operate CNC machine", ("CNC machining",)),
    "safety": ("apply health and safety standards", ("workplace safety",)),
    "solar": ("install solar panels", ("solar installation",)),
    "python": ("Python (computer programming)", ("python",)),
    "data": ("analyse data", ("data analysis",)),
}
OCCUPATIONS = {
    "welder": ("welder", ("weld", "blueprint", "safety"), ("cnc",)),
    "mechatronics": ("mechatronics technician", ("plc", "weld", "blueprint", "cnc"), ("python",)),
    "solar": ("solar panel installer", ("solar", "safety", "blueprint"), ()),
    "analyst": ("data analyst", ("python", "data"), ()),
}
PLACES = {
    "graz": Place("Graz", "AT", GeoPoint(47.0707, 15.4395), 280_000),
    "linz": Place("Linz", "AT", GeoPoint(48.3069, 14.2858), 200_000),
    "vienna": Place("Vienna", "AT", GeoPoint(48.2082, 16.3738), 1_900_000),
    "leoben": Place("Leoben", "AT", GeoPoint(47.3765, 15.0910), 25_000),
    "maribor": Place("Maribor", "SI", GeoPoint(46.5547, 15.6459), 95_000),
}


def make_taxonomy() -> Taxonomy:
    """Eight skills and four occupations with ESCO-shaped URIs."""
    skills = {s(k): Skill(s(k), label, alt) for k, (label, alt) in SKILLS.items()}
    occupations = {
        o(k): Occupation(o(k), label, (), "", "", tuple(s(x) for x in ess), tuple(s(x) for x in opt))
        for k, (label, ess, opt) in OCCUPATIONS.items()
    }
    return Taxonomy(skills, occupations, source="test", version="test subset")


def _partner(pid: str, name: str, kind: str, town: str, member: bool = False) -> Partner:
    place = PLACES[town]
    return Partner(
        pid,
        name,
        kind,
        place.name,
        place.country,
        place.point,
        website=f"https://{pid.lower()}.example",
        pact_for_skills_member=member,
    )


def make_partners() -> dict[str, Partner]:
    """Four partners in real towns of Austria."""
    partners = [
        _partner("P1", "Mur Valley Technical Academy", "vet_school", "graz", member=True),
        _partner("P2", "Linz Skills Centre", "private_provider", "linz"),
        _partner("P3", "Danube Online Campus", "private_provider", "vienna"),
        _partner("P4", "Leoben University of Mining", "university", "leoben"),
    ]
    return {p.partner_id: p for p in partners}


def _offer(
    oid: str, pid: str, title: str, skills: tuple[str, ...], mode: str, langs: tuple[str, ...], **kw
) -> Offer:
    partner = make_partners()[pid]
    return Offer(
        oid,
        pid,
        title,
        tuple(s(k) for k in skills),
        kw.pop("ecosystem", "mobility_transport_automotive"),
        mode,
        langs,
        kw.pop("point", partner.point),
        city=partner.city,
        country=partner.country,
        **kw,
    )


def make_offers() -> dict[str, Offer]:
    """Nine offers covering every hard limit: modes, languages, costs, dates, an ended one."""
    offers = [
        _offer(
            "O1",
            "P1",
            "Welding of steel structures",
            ("weld", "blueprint"),
            "in_person",
            ("de",),
            start_date=date(2027, 2, 1),
            cost_eur=0,
            eqf_level=3,
            seats=12,
            pact_partnership="Automotive Skills Alliance",
            occupations=(o("welder"),),
        ),
        _offer(
            "O2",
            "P2",
            "PLC programming basics",
            ("plc",),
            "blended",
            ("de", "en"),
            start_date=date(2027, 3, 1),
            cost_eur=450,
            funding="ESF+ voucher covers 80%",
        ),
        _offer("O3", "P3", "Online CNC and PLC", ("plc", "cnc"), "online", ("en",), cost_eur=200),
        _offer("O4", "P1", "Workplace safety", ("safety",), "in_person", ("de",), cost_eur=0),
        _offer(
            "O5",
            "P4",
            "Solar installation",
            ("solar", "safety"),
            "in_person",
            ("de",),
            start_date=date(2027, 1, 15),
            cost_eur=900,
            transitions=("green",),
            unmapped_skills=("photovoltaic roof mounting",),
            ecosystem="renewable_energy",
        ),
        _offer(
            "O6",
            "P3",
            "Python for data",
            ("python", "data"),
            "online",
            ("en",),
            cost_eur=0,
            transitions=("digital",),
            ecosystem="digital",
        ),
        _offer(
            "O7",
            "P2",
            "Old welding course",
            ("weld",),
            "in_person",
            ("de",),
            start_date=date(2026, 1, 1),
            end_date=date(2026, 1, 31),
            cost_eur=0,
        ),
        _offer(
            "O8",
            "P4",
            "Mechatronics advanced",
            ("plc", "weld", "cnc", "blueprint"),
            "in_person",
            ("de",),
            start_date=date(2027, 4, 1),
            cost_eur=1500,
            eqf_level=5,
            seats=4,
            occupations=(o("mechatronics"),),
        ),
        _offer(
            "O9",
            "P2",
            "Technical drawing",
            ("blueprint",),
            "online",
            ("de",),
            unmapped_skills=("technical drawing",),
        ),
    ]
    return {x.offer_id: x for x in offers}


def make_catalog() -> Catalog:
    """The fixture catalogue (partners + offers)."""
    return Catalog(make_partners(), make_offers(), source="test")


class FakeRecognizer:
    """Recognises fixture labels and alt labels contained in a text (longest first)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def _find(self, text: str, concepts, top: int) -> list[Match]:  # noqa: ANN001
        found: dict[str, Match] = {}
        lowered = text.lower()
        for concept in concepts:
            for label in sorted((concept.label, *concept.alt_labels), key=len, reverse=True):
                at = lowered.find(label.lower())
                if at >= 0 and concept.uri not in found:
                    score = round(len(label) / max(len(text), 1), 3)
                    found[concept.uri] = Match(
                        concept.uri, concept.label, score, text[at : at + len(label)], at, at + len(label)
                    )
        return sorted(found.values(), key=lambda m: -m.score)[:top]

    def skills(self, text: str, top: int = 5, *, claimed: bool = True) -> list[Match]:
        return self._find(text, self.taxonomy.skills.values(), top)

    def occupations(self, text: str, top: int = 5, *, claimed: bool = False) -> list[Match]:
        """As the recogniser, a job answer's needs, wishes and questions name no job."""
        aside = unclaimed(text) if claimed else []
        found = self._find(text, self.taxonomy.occupations.values(), top)
        return [m for m in found if not any(start <= m.start and m.end <= end for start, end in aside)]


class FakeGazetteer:
    """Knows the five fixture towns; raises UnknownPlaceError with suggestions otherwise."""

    def lookup(self, query: str, country: str | None = None) -> Place:
        place = PLACES.get(query.strip().lower())
        if place is None or (country and place.country != country.upper()):
            raise UnknownPlaceError(
                query, [p.name for k, p in PLACES.items() if k[:2] == query.strip().lower()[:2]]
            )
        return place


@pytest.fixture
def taxonomy() -> Taxonomy:
    return make_taxonomy()


@pytest.fixture
def catalog() -> Catalog:
    return make_catalog()


@pytest.fixture
def index(catalog, taxonomy):  # noqa: ANN001, ANN201
    from skills_catalog.matching import OfferIndex

    return OfferIndex(catalog, taxonomy, today=lambda: TODAY)


@pytest.fixture
def recognizer(taxonomy) -> FakeRecognizer:  # noqa: ANN001
    return FakeRecognizer(taxonomy)


@pytest.fixture
def gazetteer() -> FakeGazetteer:
    return FakeGazetteer()
