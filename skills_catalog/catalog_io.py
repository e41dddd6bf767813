"""Read the two tables of a catalogue from a CSV folder or an Excel workbook.

Whatever the source, a table becomes a :class:`Sheet`: lower-cased header names and rows of
stripped strings, each row with the number a spreadsheet shows for it (header = row 1). Files
that cannot be read at all (not UTF-8, empty, missing sheet, not a workbook) become
:class:`CatalogProblem` errors instead of tracebacks, so ``validate`` can list them with the rest.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .errors import CatalogProblem

TABLES = ("partners", "offers")


@dataclass
class Sheet:
    """One table: where it came from, its columns by position, its non-blank rows."""

    file: str
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    def columns(self) -> dict[str, int]:
        """Column name -> position (the first one when a name repeats)."""
        positions: dict[str, int] = {}
        for position, name in enumerate(self.header):
            positions.setdefault(name, position)
        return positions


def read_tables(source: Path) -> tuple[dict[str, Sheet], list[CatalogProblem]]:
    """Read ``partners`` and ``offers`` from a folder of CSVs or one ``.xlsx`` workbook."""
    if source.is_dir():
        return _read_folder(source)
    if source.suffix.lower() in (".xlsx", ".xlsm") and source.is_file():
        return _read_workbook(source)
    what = (
        "does not exist" if not source.exists() else "is neither a folder of CSV files nor an .xlsx workbook"
    )
    return {}, [CatalogProblem(source.name or str(source), 0, "", f"catalogue {source} {what}")]


# ---------------------------------------------------------------- CSV


def _read_folder(folder: Path) -> tuple[dict[str, Sheet], list[CatalogProblem]]:
    """Read ``partners.csv`` and ``offers.csv`` (file names in any case)."""
    by_name = {path.name.lower(): path for path in folder.iterdir() if path.is_file()}
    sheets: dict[str, Sheet] = {}
    problems: list[CatalogProblem] = []
    for table in TABLES:
        name = f"{table}.csv"
        path = by_name.get(name)
        if path is None:
            problems.append(CatalogProblem(name, 0, "", f"file {name} is missing in {folder}"))
            continue
        sheet = _read_csv(path, problems)
        if sheet is not None:
            sheets[table] = sheet
    return sheets, problems


def _read_csv(path: Path, problems: list[CatalogProblem]) -> Sheet | None:
    """Parse one UTF-8 CSV (a BOM is fine); ragged rows are reported, blank rows skipped."""
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = (
            f"the file is not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
            "save it as 'CSV UTF-8'"
        )
        problems.append(CatalogProblem(name, 0, "", message))
        return None
    except OSError as exc:
        problems.append(CatalogProblem(name, 0, "", f"cannot read the file: {exc.strerror}"))
        return None
    return sheet_from_csv(name, text, problems)


def sheet_from_csv(name: str, text: str, problems: list[CatalogProblem]) -> Sheet | None:
    """Parse the decoded text of one CSV file named ``name`` into a Sheet.

    Public so the demo generator reads the tables it writes exactly as the loader will
    (:func:`demo_dates.fingerprint` is taken of what was read, not of the bytes)."""
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as exc:
        problems.append(CatalogProblem(name, 0, "", f"the file is not valid CSV: {exc}"))
        return None
    return _sheet(name, records, problems)


def _delimiter(text: str) -> str:
    """``;`` when the header row has more of them than commas, else ``,``.

    Why: Excel's "CSV" in German, Austrian, Spanish and Italian locales separates columns with
    ';' (the comma is their decimal sign); read with ',' such a file was one unknown column and
    a dozen "required column is missing" errors (QA8). Header cells hold no ';' or ',', so the
    header row tells the two apart.
    """
    header = text.lstrip("\r\n").partition("\n")[0]
    return ";" if header.count(";") > header.count(",") else ","


def _sheet(name: str, records: list[list[str]], problems: list[CatalogProblem]) -> Sheet | None:
    """Turn raw records (header first) into a Sheet, reporting an empty table or ragged rows."""
    if not records or not any(cell.strip() for cell in records[0]):
        problems.append(CatalogProblem(name, 0, "", "the table is empty: it needs a header row"))
        return None
    header = [cell.strip().lower() for cell in records[0]]
    sheet = Sheet(name, header)
    width = len(header)
    for number, record in enumerate(records[1:], start=2):
        cells = [cell.strip() for cell in record]
        if not any(cells):
            continue
        if len(cells) > width and any(cells[width:]):
            message = (
                f"the row has {len(cells)} cells but the header has {width}; check for a stray ',' or quote"
            )
            problems.append(CatalogProblem(name, number, "", message))
        elif len(cells) < width:
            cells += [""] * (width - len(cells))
        sheet.rows.append((number, cells[:width]))
    return sheet


# ---------------------------------------------------------------- Excel


def _read_workbook(path: Path) -> tuple[dict[str, Sheet], list[CatalogProblem]]:
    """Read sheets ``partners`` and ``offers`` (names in any case) of a workbook."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, XML errors... for broken files
        return {}, [CatalogProblem(path.name, 0, "", f"cannot open the workbook: {exc}")]
    try:
        by_name = {title.strip().lower(): title for title in workbook.sheetnames}
        sheets: dict[str, Sheet] = {}
        problems: list[CatalogProblem] = []
        for table in TABLES:
            file = f"{path.name}[{table}]"
            if table not in by_name:
                problems.append(CatalogProblem(file, 0, "", f"the workbook has no sheet named {table!r}"))
                continue
            records = [
                [_cell_text(v) for v in row] for row in workbook[by_name[table]].iter_rows(values_only=True)
            ]
            sheet = _sheet(file, records, problems)
            if sheet is not None:
                sheets[table] = sheet
        return sheets, problems
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    """Write a typed Excel value as the text the CSV format expects."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
