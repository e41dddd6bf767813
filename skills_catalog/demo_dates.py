"""Keep the shipped demo catalogue current: its past dated offers move forward by whole years.

Why: only offers yet to start are recommended, so the demo (dated offers from 2027-01 to
2027-12 when it was written) would lose a month of courses each month, and a cluster trying
the assistant a year later would see rolling offers only. Loading moves each dated demo offer
whose start is past forward by the fewest whole years that make it start on or after today,
its end by as many, so the demo keeps its calendar (courses in every season) and never ages.

Only the demo is moved. It is known by its marker file, ``demo.json``, which holds a
fingerprint of the demo's tables: a cluster that starts from a copy of the demo folder and
edits it has its own catalogue, read with the dates as written (past starts stay a warning),
and is told the marker no longer fits. Nothing else (a path, a partner name) marks the demo.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .catalog_fields import FieldError, parse_date
from .catalog_io import TABLES, Sheet
from .errors import CatalogProblem
from .models import Catalog

#: The file that marks a catalogue folder as the shipped demo.
MARKER = "demo.json"

_ABOUT = (
    "The shipped demo catalogue of the Cluster Skills Assistant: fictional partners and offers. "
    "While partners.csv and offers.csv are as shipped, loading moves every dated offer whose start "
    "is past forward by whole years (start and end together), so the demo never ages. Edited, "
    "the folder is read as your own catalogue, dates as written: then delete this file."
)


@dataclass(frozen=True)
class DemoDates:
    """What loading did to the demo's dates: on which day, how many dated offers it moved."""

    today: date
    dated: int
    moved: int

    def describe(self) -> str:
        """One line for the log, ``validate`` and ``stats``."""
        if not self.moved:
            return f"demo catalogue: dates as shipped (none of its {self.dated} dated offers starts before {self.today})"
        return (
            f"demo catalogue: {self.moved} of its {self.dated} dated offers moved forward by whole "
            f"years (start and end together) to start on or after {self.today}; "
            "a catalogue of your own is never moved"
        )


@dataclass(frozen=True, kw_only=True)
class DemoCatalog(Catalog):
    """The shipped demo catalogue, loaded: its offers carry the moved dates."""

    dates: DemoDates


def fingerprint(sheets: Mapping[str, Sheet]) -> str:
    """SHA-256 of the tables as read: headers and cells, not bytes, so line ends, a BOM, blank
    rows or a re-save with ';' change nothing, while any changed cell does."""
    tables = {table: [sheet.header, *(cells for _, cells in sheet.rows)] for table, sheet in sheets.items()}
    ordered = [tables.get(table) for table in TABLES]
    return hashlib.sha256(json.dumps(ordered, ensure_ascii=False).encode()).hexdigest()


def marker_text(sheets: Mapping[str, Sheet]) -> str:
    """The marker file for these tables (written by ``scripts/make_demo_data.py``)."""
    return json.dumps({"about": _ABOUT, "tables_sha256": fingerprint(sheets)}, indent=2) + "\n"


def move_if_demo(
    source: Path, sheets: Mapping[str, Sheet], today: date, problems: list[CatalogProblem]
) -> DemoDates | None:
    """When ``source`` is the shipped demo, move its past dated offers in the ``offers`` sheet
    (cells rewritten in place, before any row is checked) and say what moved; else None.

    A marker that does not fit the tables is reported as a warning: the folder is a copy of
    the demo that was edited, and its dates are read as written.
    """
    marker = source / MARKER
    if not marker.is_file():
        return None
    if _marked_fingerprint(marker) != fingerprint(sheets):
        message = (
            "the folder carries the demo catalogue's marker but its tables are no longer the demo's: "
            f"it is read as your own catalogue, dates as written; delete {MARKER}"
        )
        problems.append(CatalogProblem(MARKER, 0, "", message, "warning"))
        return None
    offers = sheets.get("offers")
    return move_forward(offers, today) if offers is not None else DemoDates(today, 0, 0)


def _marked_fingerprint(marker: Path) -> str | None:
    """The fingerprint a marker file names; None when it cannot be read as one."""
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("tables_sha256") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def move_forward(sheet: Sheet, today: date) -> DemoDates:
    """Move each offer whose start is before ``today`` forward by :func:`years_ahead`, its end
    by as many years; cells that hold no date are left for the row checks to report."""
    columns = sheet.columns()
    start_at, end_at = columns.get("start_date"), columns.get("end_date")
    dated = moved = 0
    if start_at is None:
        return DemoDates(today, dated, moved)
    for _, cells in sheet.rows:
        start = _date(cells[start_at])
        if start is None:
            continue
        dated += 1
        years = years_ahead(start, today)
        if not years:
            continue
        moved += 1
        cells[start_at] = plus_years(start, years).isoformat()
        if end_at is not None and (end := _date(cells[end_at])) is not None:
            cells[end_at] = plus_years(end, years).isoformat()
    return DemoDates(today, dated, moved)


def years_ahead(start: date, today: date) -> int:
    """The fewest whole years that put ``start`` on or after ``today`` (0 when it is not past)."""
    years = max(0, today.year - start.year)
    return years if plus_years(start, years) >= today else years + 1


def plus_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _date(text: str) -> date | None:
    try:
        return parse_date(text) if text else None
    except FieldError:
        return None
