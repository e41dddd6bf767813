"""Row access and place rules shared by the partner and offer checks of the catalogue loader.

A :class:`Row` hands out parsed cells and records every problem into the shared list, so the
builders read like a list of column rules and never stop at the first bad cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from . import catalog_fields as fields
from .catalog_io import Sheet
from .errors import CatalogProblem, UnknownPlaceError
from .models import GeoPoint, Place
from .places import Gazetteer

T = TypeVar("T")


class Row:
    """The cells of one spreadsheet row and the problem list its checks report into."""

    __slots__ = ("file", "number", "cells", "columns", "problems", "failed")

    def __init__(
        self,
        sheet: Sheet,
        columns: dict[str, int],
        number: int,
        cells: list[str],
        problems: list[CatalogProblem],
    ) -> None:
        self.file, self.number, self.cells, self.columns = sheet.file, number, cells, columns
        self.problems = problems
        self.failed = False

    def text(self, column: str, required: bool = False) -> str:
        """Stripped cell text; "" for an absent column (already reported once, if required)."""
        position = self.columns.get(column)
        if position is None:
            return ""
        value = self.cells[position]
        if required and not value:
            self.error(column, "a value is required")
        return value

    def parse(self, column: str, parser: Callable[[str], T], required: bool = False) -> T | None:
        """Parsed cell value, None when empty or invalid (the problem is recorded)."""
        value = self.text(column, required)
        if not value:
            return None
        try:
            return parser(value)
        except fields.FieldError as exc:
            self.error(column, str(exc))
            return None

    def error(self, column: str, message: str) -> None:
        """Record an error; the row will not become a partner or offer."""
        self.failed = True
        self.problems.append(CatalogProblem(self.file, self.number, column, message))

    def warn(self, column: str, message: str) -> None:
        """Record a warning; the row is still loaded."""
        self.problems.append(CatalogProblem(self.file, self.number, column, message, "warning"))


def rows(sheet: Sheet | None, problems: list[CatalogProblem]) -> Iterator[Row]:
    """Yield a :class:`Row` per non-blank row of a sheet (nothing when the sheet is missing)."""
    if sheet is None:
        return
    columns = sheet.columns()
    for number, cells in sheet.rows:
        yield Row(sheet, columns, number, cells, problems)


class PlaceFinder:
    """Gazetteer look-ups cached per (town, country): offers repeat a few towns many times."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._cache: dict[tuple[str, str], Place | UnknownPlaceError] = {}

    def country(self, text: str) -> str:
        """An ISO 3166-1 alpha-2 code, any case; the error suggests the code of a country name."""
        code = text.upper()
        if len(code) == 2 and self.gazetteer.is_country(code):
            return code
        guess = self.gazetteer.country_code(text)
        hint = f" (did you mean {guess}?)" if guess else ""
        raise fields.FieldError(f"{text!r} is not an ISO 3166-1 alpha-2 country code{hint}")

    def place(self, town: str, country: str, postcode: str = "") -> Place | UnknownPlaceError:
        """The town in that country (else its postcode), or the error with suggestions."""
        key = (town.lower(), country)
        if key not in self._cache:
            found = self.gazetteer.find(town, country) or (
                postcode and self.gazetteer.find(postcode, country)
            )
            try:
                self._cache[key] = found or self.gazetteer.lookup(town, country)
            except UnknownPlaceError as exc:
                self._cache[key] = exc
        return self._cache[key]


def locate(
    row: Row, places: PlaceFinder, town: str, country: str | None, postcode: str = ""
) -> GeoPoint | None:
    """Coordinates from latitude/longitude, else from town + country via the gazetteer."""
    lat_text, lon_text = row.text("latitude"), row.text("longitude")
    if lat_text or lon_text:
        lat, lon = row.parse("latitude", fields.latitude), row.parse("longitude", fields.longitude)
        if not (lat_text and lon_text):
            row.error(
                "longitude" if lat_text else "latitude", "latitude and longitude must be given together"
            )
        return GeoPoint(lat, lon) if lat is not None and lon is not None else None
    if not town or not country:
        return None
    found = places.place(town, country, postcode)
    if isinstance(found, UnknownPlaceError):
        hint = f" (did you mean {', '.join(found.suggestions)}?)" if found.suggestions else ""
        row.error(
            "city",
            f"cannot place {town!r} in {country}{hint}; check the spelling or give latitude and longitude",
        )
        return None
    return found.point
