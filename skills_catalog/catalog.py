"""Load and check a catalogue of training partners and offers.

Implements ../shared/spec/catalogue-format.md. Checking never stops at the first problem:
every cell is looked at and every error and warning is returned with file, spreadsheet row,
column and message, because the person fixing the spreadsheet wants the whole list in one go.
A catalogue with any error is refused whole (``None`` / :class:`CatalogError`).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import catalog_fields as fields
from . import demo_dates
from .catalog_io import Sheet, read_tables
from .catalog_offers import build_offer
from .catalog_rows import PlaceFinder, Row, locate, rows
from .catalog_skills import ConceptMapper, LabelReader
from .errors import CatalogError, CatalogProblem
from .models import PARTNER_KINDS, Catalog, Offer, Partner, Place, Taxonomy
from .places import Gazetteer

logger = logging.getLogger(__name__)

# column -> required?
PARTNER_COLUMNS = {
    "partner_id": True,
    "name": True,
    "kind": True,
    "city": True,
    "country": True,
    "postcode": False,
    "address": False,
    "latitude": False,
    "longitude": False,
    "website": False,
    "email": False,
    "phone": False,
    "pact_for_skills_member": False,
}
OFFER_COLUMNS = {
    "offer_id": True,
    "partner_id": True,
    "title": True,
    "description": False,
    "skills": True,
    "occupations": False,
    "ecosystem": True,
    "transition": False,
    "pact_partnership": False,
    "eqf_level": False,
    "mode": True,
    "language": True,
    "duration_hours": False,
    "start_date": False,
    "end_date": False,
    "cost_eur": False,
    "funding": False,
    "city": False,
    "country": False,
    "latitude": False,
    "longitude": False,
    "url": False,
    "seats": False,
}


#: Column names people use for ours: "did you mean" beyond spelling.
COLUMN_ALIASES = {
    "languages": "language",
    "places": "seats",
    "lat": "latitude",
    "lon": "longitude",
    "lng": "longitude",
    "zip": "postcode",
    "town": "city",
    "cost": "cost_eur",
    "price": "cost_eur",
    "skill": "skills",
    "occupation": "occupations",
    "start": "start_date",
    "end": "end_date",
    "link": "url",
}


def load_catalog(
    source: Path,
    taxonomy: Taxonomy,
    gazetteer: Gazetteer,
    reader: LabelReader | None = None,
    today: date | None = None,
) -> Catalog:
    """Load a valid catalogue (warnings are logged); ``reader`` reads skill labels that are no
    ESCO label as a person's words are (see :class:`~catalog_skills.ConceptMapper`).

    Raises:
        CatalogError: the catalogue has at least one error; ``problems`` lists all findings.
    """
    catalog, problems = check_catalog(source, taxonomy, gazetteer, reader, today)
    if catalog is None:
        raise CatalogError(problems)
    warnings = sum(1 for p in problems if p.severity == "warning")
    logger.info(
        "catalogue %s loaded: %d partners, %d offers, %d warnings",
        source.name,
        len(catalog.partners),
        len(catalog.offers),
        warnings,
    )
    if isinstance(catalog, demo_dates.DemoCatalog):
        logger.info("%s", catalog.dates.describe())
    return catalog


def check_catalog(
    source: Path,
    taxonomy: Taxonomy,
    gazetteer: Gazetteer,
    reader: LabelReader | None = None,
    today: date | None = None,
) -> tuple[Catalog | None, tuple[CatalogProblem, ...]]:
    """Check a catalogue folder or workbook; the catalogue is None when any problem is an error.

    Places of accepted partners (postcode and, when the gazetteer lacked it, the town) are
    registered in ``gazetteer`` so people can later search by them; a refused catalogue
    registers nothing. A table whose first row names none of its columns (a title row above
    the header) is reported once and not read, so its rows raise no cascade of errors. The
    shipped demo's past dated offers are moved forward before they are checked, and the result
    is then a :class:`~demo_dates.DemoCatalog` (see :mod:`demo_dates`).
    """
    today = today or date.today()
    sheets, problems = read_tables(Path(source))
    demo = demo_dates.move_if_demo(Path(source), sheets, today, problems)
    for table, columns in (("partners", PARTNER_COLUMNS), ("offers", OFFER_COLUMNS)):
        if table in sheets:
            sheet = sheets[table]
            header_problems = _check_header(sheet, columns, f"{table[:-1]}_id")
            if not _names_a_column(sheet, columns):
                del sheets[table]  # not read: its rows' findings (ragged rows) would only mislead
                problems[:] = [p for p in problems if p.file != sheet.file]
            problems.extend(header_problems)
    places = PlaceFinder(gazetteer)
    partners, partner_ids = _partners(sheets.get("partners"), places, problems)
    mapper = ConceptMapper.for_taxonomy(taxonomy, reader)
    offers = _offers(sheets.get("offers"), partners, partner_ids, mapper, places, problems, today)
    if any(p.severity == "error" for p in problems):
        return None, tuple(problems)
    _register(partners.values(), gazetteer)
    if demo is None:
        return Catalog(partners, offers, str(source)), tuple(problems)
    return demo_dates.DemoCatalog(partners, offers, str(source), dates=demo), tuple(problems)


def _check_header(sheet: Sheet, columns: dict[str, bool], id_column: str) -> list[CatalogProblem]:
    """Missing required columns are errors; unknown or repeated ones are reported too, with the
    column they may stand for. A header naming no column at all is one error (first)."""
    if not _names_a_column(sheet, columns):
        found = ", ".join(repr(name) for name in sheet.header if name)[:80]
        message = f"row 1 must be the header row with the column names; found {found}"
        return [CatalogProblem(sheet.file, 1, "", message)]
    problems = []
    seen: set[str] = set()
    for name in sheet.header:
        if name in seen and name:
            problems.append(
                CatalogProblem(sheet.file, 1, name, "the column appears twice; only the first is read")
            )
        elif name not in columns:
            label = name or "(no name)"
            message = f"unknown column, ignored{_meant(name, columns, id_column)}"
            problems.append(CatalogProblem(sheet.file, 1, label, message, "warning"))
        seen.add(name)
    for name, required in columns.items():
        if required and name not in seen:
            problems.append(CatalogProblem(sheet.file, 1, name, "required column is missing"))
    if not sheet.rows:
        problems.append(CatalogProblem(sheet.file, 1, "", "the table has a header but no rows", "warning"))
    return problems


def _names_a_column(sheet: Sheet, columns: dict[str, bool]) -> bool:
    """Whether the first row is a header: it names at least one column of the table."""
    return any(name in columns for name in sheet.header)


def _meant(name: str, columns: dict[str, bool], id_column: str) -> str:
    """ "; did you mean X?" for an unknown column name that likely stands for column X."""
    guess = {"id": id_column}.get(name) or COLUMN_ALIASES.get(name)
    if guess is None:
        close = difflib.get_close_matches(name.replace(" ", "_"), list(columns), n=1, cutoff=0.8)
        guess = close[0] if close else None
    return f"; did you mean {guess!r}?" if guess in columns else ""


def _partners(
    sheet: Sheet | None, places: PlaceFinder, problems: list[CatalogProblem]
) -> tuple[dict[str, Partner], set[str] | None]:
    """Valid partners by id, and every partner id in the file (None: no partners table)."""
    partners: dict[str, Partner] = {}
    first_row: dict[str, int] = {}
    for row in rows(sheet, problems):
        partner_id = _row_id(row, "partner_id", first_row)
        partner = _partner(row, places, partner_id)
        if partner is not None and not row.failed:
            partners[partner_id] = partner
    return partners, (set(first_row) if sheet is not None else None)


def _row_id(row: Row, column: str, first_row: dict[str, int]) -> str:
    """The row's id in ``column``; an error when an earlier row has it (``first_row`` remembers)."""
    value = row.text(column, required=True)
    if value in first_row:
        row.error(column, f"duplicate {column} {value!r} (first in row {first_row[value]})")
    elif value:
        first_row[value] = row.number
    return value


def _partner(row: Row, places: PlaceFinder, partner_id: str) -> Partner | None:
    """Build one partner from its row, recording every problem of the row."""
    name = row.text("name", required=True)
    kind = row.parse("kind", lambda text: fields.one_of(text, PARTNER_KINDS), required=True)
    city = row.text("city", required=True)
    country = row.parse("country", places.country, required=True)
    member = row.parse("pact_for_skills_member", fields.parse_bool)
    postcode = row.text("postcode")
    point = locate(row, places, city, country, postcode)
    if row.failed or point is None or kind is None or country is None:
        return None
    return Partner(
        partner_id=partner_id,
        name=name,
        kind=kind,
        city=city,
        country=country,
        point=point,
        postcode=postcode,
        address=row.text("address"),
        website=row.text("website"),
        email=row.text("email"),
        phone=row.text("phone"),
        pact_for_skills_member=bool(member),
    )


def _register(partners: Iterable[Partner], gazetteer: Gazetteer) -> None:
    """Teach the gazetteer the postcodes and unknown towns of the accepted partners, and that
    names several towns bear mean the one near them."""
    partners = list(partners)
    for partner in partners:
        place = Place(partner.city, partner.country, partner.point)
        if partner.postcode:
            gazetteer.add(place, postcode=partner.postcode)
        if gazetteer.find(partner.city, partner.country) is None:
            gazetteer.add(place)
    gazetteer.prefer_near(partner.point for partner in partners)


def _offers(
    sheet: Sheet | None,
    partners: dict[str, Partner],
    partner_ids: set[str] | None,
    mapper: ConceptMapper,
    places: PlaceFinder,
    problems: list[CatalogProblem],
    today: date,
) -> dict[str, Offer]:
    """Valid offers by id; rows of partners that exist but failed are checked, not kept."""
    offers: dict[str, Offer] = {}
    first_row: dict[str, int] = {}
    for row in rows(sheet, problems):
        offer_id = _row_id(row, "offer_id", first_row)
        partner_id = row.text("partner_id", required=True)
        if partner_id and partner_ids is not None and partner_id not in partner_ids:
            row.error("partner_id", f"unknown partner_id {partner_id!r}: not in the partners table")
        offer = build_offer(row, offer_id, partners.get(partner_id), mapper, places, today)
        if offer is not None and not row.failed:
            offers[offer_id] = offer
    return offers
