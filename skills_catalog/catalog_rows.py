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
from .places import Gazetteer, distance_km

T = TypeVar("T")

#: Coordinates farther than this from every town of the row's name are reported.
COORDINATES_OFF_KM = 50.0


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
        self._cache: dict[tuple[str, str, str], Place | UnknownPlaceError] = {}
        self._namesakes: dict[tuple[str, str, str], list[Place]] = {}

    def country(self, text: str) -> str:
        """An ISO 3166-1 alpha-2 code, any case; the error suggests the code of a country name."""
        code = text.upper()
        if len(code) == 2 and self.gazetteer.is_country(code):
            return code
        guess = self.gazetteer.country_code(text)
        hint = f" (did you mean {guess}?)" if guess else ""
        raise fields.FieldError(f"{text!r} is not an ISO 3166-1 alpha-2 country code{hint}")

    def place(self, town: str, country: str, postcode: str = "") -> Place | UnknownPlaceError:
        """The place of a postcode known exactly, else the town in that country (else the
        postcode as the gazetteer reads it), else the error with suggestions.

        Why the postcode first: "Neustadt, DE, 01844" (Saxony) was placed at the larger
        Neustadt an der Weinstraße, 470 km away, its postcode unused (QA8).
        """
        key = (town.lower(), country, postcode)
        if key not in self._cache:
            found = (
                (postcode and self.gazetteer.postcode(postcode, country))
                or self.gazetteer.find(town, country)
                or (postcode and self.gazetteer.find(postcode, country))
            )
            try:
                self._cache[key] = found or self.gazetteer.lookup(town, country)
            except UnknownPlaceError as exc:
                self._cache[key] = exc
        return self._cache[key]

    def namesakes(self, town: str, country: str | None) -> list[Place]:
        """The towns bearing this name (in ``country``), cached like :meth:`place`."""
        key = (town.lower(), country or "", "*")
        if key not in self._namesakes:
            self._namesakes[key] = self.gazetteer.namesakes(town, country)
        return self._namesakes[key]


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
        if lat is None or lon is None:
            return None
        if town and country:
            _check_point(row, places, town, country, GeoPoint(lat, lon))
        return GeoPoint(lat, lon)
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
    if not (postcode and places.gazetteer.postcode(postcode, country)):
        _check_ambiguous(row, places, town, country, found)
    return found.point


def _check_point(row: Row, places: PlaceFinder, town: str, country: str, point: GeoPoint) -> None:
    """Warn when given coordinates lie far from every town of the row's name.

    Why: swapped latitude/longitude or a wrong country validated silently and a worker in Graz
    was told a Graz course was 4,566 km away (QA8). Towns the gazetteer does not know are not
    checked (small villages are why coordinates are given).
    """
    here = places.namesakes(town, country)
    if not here:
        elsewhere = [p for p in places.namesakes(town, None) if _km(p, point) <= COORDINATES_OFF_KM]
        if elsewhere:
            row.warn("country", f"the coordinates are in {town}, {elsewhere[0].country}, not in {country}")
        return
    km = min(_km(p, point) for p in here)
    if km <= COORDINATES_OFF_KM:
        return
    swapped = GeoPoint(point.lon, point.lat) if abs(point.lon) <= 90 else None
    if swapped is not None and min(_km(p, swapped) for p in here) <= COORDINATES_OFF_KM:
        row.warn(
            "latitude",
            f"the coordinates are {km:,.0f} km from {town}, {country}: latitude and longitude swapped?",
        )
    else:
        row.warn("latitude", f"the coordinates are {km:,.0f} km from {town}, {country}; check them")


def _check_ambiguous(row: Row, places: PlaceFinder, town: str, country: str, found: Place) -> None:
    """Warn when the town's name is borne by several towns of the country far apart."""
    others = [p for p in places.namesakes(town, country) if _km(p, found.point) > COORDINATES_OFF_KM]
    if others:
        row.warn(
            "city",
            f"{len(others) + 1} towns in {country} are named {town!r}; took the one at "
            f"{found.point.lat:.3f}, {found.point.lon:.3f}: give latitude and longitude (or a known postcode) "
            "to place it surely",
        )


def _km(place: Place, point: GeoPoint) -> float:
    return distance_km(place.point, point)
