"""Build one :class:`Offer` from a row of ``offers.csv``, checking every column rule.

Kept apart from the partner rules because an offer has twice the columns and the skill and
occupation mapping, which would otherwise push ``catalog.py`` past a readable size.
"""

from __future__ import annotations

from datetime import date

from . import catalog_fields as fields
from .catalog_rows import PlaceFinder, Row, locate
from .catalog_skills import ConceptMapper, SkillMapping
from .models import ECOSYSTEMS, MODES, TRANSITIONS, GeoPoint, Offer, Partner

#: A cost above this is reported: a price in cents or a typo, shown to workers as typed.
COST_WARNING_EUR = 50_000.0


def build_offer(
    row: Row, offer_id: str, partner: Partner | None, mapper: ConceptMapper, places: PlaceFinder, today: date
) -> Offer | None:
    """The offer of a row, or None when the row has an error or its partner is not valid."""
    title = row.text("title", required=True)
    skills, unmapped = _skills(row, mapper)
    occupations = _occupations(row, mapper)
    ecosystem = row.parse("ecosystem", lambda text: fields.one_of(text, ECOSYSTEMS), required=True)
    mode = row.parse("mode", lambda text: fields.one_of(text, MODES), required=True)
    languages = row.parse("language", fields.languages, required=True)
    transitions = row.parse("transition", lambda text: fields.list_of(text, TRANSITIONS)) or ()
    start, end = _dates(row, today)
    numbers = {
        "eqf_level": row.parse("eqf_level", fields.eqf_level),
        "duration_hours": row.parse("duration_hours", fields.positive_number),
        "cost_eur": row.parse("cost_eur", fields.non_negative_number),
        "seats": row.parse("seats", fields.positive_int),
    }
    cost = numbers["cost_eur"]
    if cost is not None and cost > COST_WARNING_EUR:
        row.warn("cost_eur", f"{cost:,.0f} € is very high; check the cell (a price in cents?)")
    city, country, point = _where(row, partner, places)
    if row.failed or partner is None or point is None or ecosystem is None or mode is None or not languages:
        return None
    return Offer(
        offer_id=offer_id,
        partner_id=partner.partner_id,
        title=title,
        skills=skills,
        ecosystem=ecosystem,
        mode=mode,
        languages=languages,
        point=point,
        city=city,
        country=country,
        description=row.text("description"),
        unmapped_skills=unmapped,
        occupations=occupations,
        transitions=transitions,
        pact_partnership=row.text("pact_partnership"),
        start_date=start,
        end_date=end,
        funding=row.text("funding"),
        url=row.text("url"),
        **numbers,  # type: ignore[arg-type]
    )


def _skills(row: Row, mapper: ConceptMapper) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """ESCO URIs of the skills cell, and the labels that are no ESCO label, kept as text.

    A label the recogniser read (:meth:`ConceptMapper.skill`) is posted under what it read and
    kept as text too; every mapping that is not exact is reported, so the operator sees what
    the assistant will take the label for (a close label may be a neighbouring concept:
    "maintain electrical equipment" / "maintain electronic equipment").
    """
    items = fields.parse_list(row.text("skills", required=True))
    if not items and "skills" in row.columns and row.cells[row.columns["skills"]]:
        row.error("skills", "no skill given; separate skills with ';'")
    uris: list[str] = []
    unmapped: list[str] = []
    for item in items:
        mapping = mapper.skill(item)
        if mapping.error:
            row.error("skills", mapping.error)
        uris.extend(mapping.uris)
        if mapping.how in ("", "read"):
            unmapped.append(item)
        message = _mapping_note(item, mapping, mapper)
        if message:
            row.warn("skills", message)
    return tuple(dict.fromkeys(uris)), tuple(unmapped)


def _mapping_note(item: str, mapping: SkillMapping, mapper: ConceptMapper) -> str:
    """What to tell the operator about a skill item that is no exact ESCO label or URI."""
    names = " + ".join(repr(mapper.taxonomy.skills[u].label) for u in mapping.uris)
    if mapping.how == "fuzzy":
        return f"{item!r} is no ESCO label; read as the close label {names}"
    if mapping.how == "read":
        return f"{item!r} is no ESCO label; read as {names}, as a person's words are (also matched as text)"
    if mapping.how:
        return ""
    hint = "; lists are separated by ';', not ','" if "," in item else ""
    return (
        f"{item!r} matches no ESCO skill; it is kept as text and found only by words "
        f"that name no ESCO skill{hint}"
    )


def _occupations(row: Row, mapper: ConceptMapper) -> tuple[str, ...]:
    """ESCO URIs of the occupations cell; labels that map to nothing are warned about and dropped."""
    uris: list[str] = []
    for item in fields.parse_list(row.text("occupations")):
        uri, error = mapper.occupation(item)
        if error:
            row.error("occupations", error)
        elif uri:
            uris.append(uri)
        else:
            row.warn("occupations", f"{item!r} matches no ESCO occupation; it is ignored")
    return tuple(dict.fromkeys(uris))


def _dates(row: Row, today: date) -> tuple[date | None, date | None]:
    """Start and end dates; an end before the start is an error on end_date, a start before
    ``today`` a warning: such an offer is never recommended (only offers yet to start are)."""
    start = row.parse("start_date", fields.parse_date)
    end = row.parse("end_date", fields.parse_date)
    if start and end and end < start:
        row.error("end_date", f"end_date {end.isoformat()} is before start_date {start.isoformat()}")
    elif start and start < today:
        past = f"{start.isoformat()} is past: the offer is not recommended until it gets a new date"
        row.warn("start_date", past)
    return start, end


def _where(row: Row, partner: Partner | None, places: PlaceFinder) -> tuple[str, str, GeoPoint | None]:
    """City, country and point of an offer: its own place when given, else its partner's."""
    city = row.text("city")
    country = row.parse("country", places.country)
    own_point = row.text("latitude") or row.text("longitude") or city
    if partner is None:
        if own_point and (country or not city):
            locate(row, places, city, country)  # still check the offer's own place
        return city, country or "", None
    country = country or partner.country
    if not own_point:
        return partner.city, partner.country, partner.point
    point = locate(row, places, city, country)
    return city or partner.city, country, point
