"""Catalogue loading: valid CSV and Excel catalogues, and one table test per kind of bad cell."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from skills_catalog.catalog import check_catalog, load_catalog
from skills_catalog.errors import CatalogError, CatalogProblem
from skills_catalog.models import GeoPoint, Occupation, Place, Skill, Taxonomy
from skills_catalog.places import Gazetteer

DATA = Path(__file__).resolve().parent.parent / "data"
SMALL = DATA / "catalog_small"
BAD = DATA / "catalog_bad"
E = "http://data.europa.eu/esco"


def tiny_taxonomy() -> Taxonomy:
    """Three skills and one occupation, enough for URI, label and fuzzy-label mapping."""
    skills = [
        Skill(f"{E}/skill/t-weld", "weld metal parts", ("welding",)),
        Skill(f"{E}/skill/t-plc", "program PLC", ("PLC programming",)),
        Skill(f"{E}/skill/t-cnc", "operate CNC machine"),
    ]
    welder = Occupation(
        f"{E}/occupation/t-welder", "welder", ("metal welder",), essential_skills=(f"{E}/skill/t-weld",)
    )
    return Taxonomy({s.uri: s for s in skills}, {welder.uri: welder}, source="test", version="test subset")


def tiny_gazetteer() -> Gazetteer:
    """Graz, Leoben and Bilbao only (no geonames index, so tests stay fast)."""
    gazetteer = Gazetteer()
    graz = Place("Graz", "AT", GeoPoint(47.0707, 15.4395), 280_000)
    for place in (
        graz,
        Place("Leoben", "AT", GeoPoint(47.3765, 15.091), 25_000),
        Place("Bilbao", "ES", GeoPoint(43.263, -2.935), 345_000),
    ):
        gazetteer.add(place)
    gazetteer.add(graz, postcode="8010")
    return gazetteer


@pytest.fixture
def taxo() -> Taxonomy:
    return tiny_taxonomy()


@pytest.fixture
def places() -> Gazetteer:
    return tiny_gazetteer()


def _errors(problems: tuple[CatalogProblem, ...]) -> list[CatalogProblem]:
    return [p for p in problems if p.severity == "error"]


# ---------------------------------------------------------------- valid catalogues


def test_small_csv_catalogue_loads(taxo: Taxonomy, places: Gazetteer) -> None:
    catalog = load_catalog(SMALL, taxo, places)
    assert sorted(catalog.partners) == ["P1", "P2", "P3"] and sorted(catalog.offers) == ["O1", "O2", "O3"]
    p1, o1 = catalog.partners["P1"], catalog.offers["O1"]
    assert p1.point == GeoPoint(47.0707, 15.4395) and p1.pact_for_skills_member and p1.postcode == "8010"
    assert catalog.partners["P2"].point == GeoPoint(47.38, 15.09)
    assert o1.skills == (f"{E}/skill/t-weld", f"{E}/skill/t-plc")
    assert o1.occupations == (f"{E}/occupation/t-welder",)
    assert o1.transitions == ("green", "digital") and o1.languages == ("de", "en")
    assert (o1.start_date, o1.end_date) == (date(2027, 2, 1), date(2027, 3, 1))
    assert (o1.cost_eur, o1.duration_hours, o1.eqf_level, o1.seats) == (0, 40, 3, 12)
    assert (o1.city, o1.country, o1.point) == ("Graz", "AT", p1.point)


def test_labels_map_exactly_fuzzily_or_stay_unmapped(taxo: Taxonomy, places: Gazetteer) -> None:
    catalog = load_catalog(SMALL, taxo, places)
    assert catalog.offers["O2"].skills == (f"{E}/skill/t-plc",)  # "PLC programing": a typo
    o3 = catalog.offers["O3"]
    assert o3.skills == (f"{E}/skill/t-cnc",) and o3.unmapped_skills == ("photovoltaic roof mounting",)


def test_offer_takes_place_at_its_own_town(taxo: Taxonomy, places: Gazetteer) -> None:
    o3 = load_catalog(SMALL, taxo, places).offers["O3"]
    assert (o3.city, o3.country, o3.point) == ("Leoben", "AT", GeoPoint(47.3765, 15.091))


def test_warnings_do_not_refuse(taxo: Taxonomy, places: Gazetteer) -> None:
    catalog, problems = check_catalog(SMALL, taxo, places, today=date(2026, 1, 1))
    assert catalog is not None
    found = {(p.file, p.row, p.column, p.severity) for p in problems}
    assert found == {
        ("offers.csv", 1, "notes", "warning"),  # the header is row 1
        ("offers.csv", 3, "skills", "warning"),  # "PLC programing", a close label: said what it was read as
        ("offers.csv", 4, "skills", "warning"),
    }


def test_accepted_catalogue_registers_partner_postcodes(taxo: Taxonomy, places: Gazetteer) -> None:
    load_catalog(SMALL, taxo, places)
    assert places.lookup("8700").name == "Leoben"
    assert places.lookup("48001", "ES").name == "Bilbao"


def _write_xlsx(path: Path, source: Path, sheet_names: tuple[str, ...] = ("partners", "offers")) -> Path:
    """Copy a CSV catalogue into a workbook, with typed cells as Excel users produce them."""
    import csv

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name in sheet_names:
        sheet = workbook.create_sheet(name.capitalize())
        with (source / f"{name}.csv").open(encoding="utf-8") as handle:
            for number, record in enumerate(csv.reader(handle)):
                sheet.append([_typed(cell) if number else cell for cell in record])
    workbook.save(path)
    return path


def _typed(cell: str) -> object:
    """A cell as Excel would store it: numbers, dates and empties rather than text."""
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        pass
    try:
        return float(cell)
    except ValueError:
        return cell


def test_xlsx_catalogue_loads_like_csv(taxo: Taxonomy, places: Gazetteer, tmp_path: Path) -> None:
    from_csv = load_catalog(SMALL, taxo, tiny_gazetteer())
    from_xlsx = load_catalog(_write_xlsx(tmp_path / "catalog.xlsx", SMALL), taxo, places)
    assert from_xlsx.offers == from_csv.offers and from_xlsx.partners == from_csv.partners


def test_xlsx_missing_sheet_is_reported(taxo: Taxonomy, places: Gazetteer, tmp_path: Path) -> None:
    workbook = _write_xlsx(tmp_path / "catalog.xlsx", SMALL, sheet_names=("partners",))
    catalog, problems = check_catalog(workbook, taxo, places)
    assert catalog is None
    assert [(p.file, p.row) for p in _errors(problems)] == [("catalog.xlsx[offers]", 0)]
    assert "no sheet named 'offers'" in problems[0].message


def test_xlsx_bad_cell_has_sheet_row_and_column(taxo: Taxonomy, places: Gazetteer, tmp_path: Path) -> None:
    workbook = _write_xlsx(tmp_path / "catalog.xlsx", SMALL)
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["Offers"]["N3"] = 9  # eqf_level of O2
    book.save(workbook)
    _, problems = check_catalog(workbook, taxo, places)
    assert [(p.file, p.row, p.column) for p in _errors(problems)] == [
        ("catalog.xlsx[offers]", 3, "eqf_level")
    ]


# ---------------------------------------------------------------- bad rows


BAD_CELLS = [
    ("partners.csv", 3, "partner_id", "duplicate partner_id 'P1' (first in row 2)"),
    ("partners.csv", 4, "name", "a value is required"),
    ("partners.csv", 5, "kind", "'school' is not allowed"),
    ("partners.csv", 6, "country", "did you mean AT?"),
    ("partners.csv", 7, "city", "cannot place 'Atlantisville' in AT"),
    ("partners.csv", 8, "latitude", "is not a latitude"),
    ("partners.csv", 9, "longitude", "must be given together"),
    ("partners.csv", 10, "pact_for_skills_member", "is not a boolean"),
    ("partners.csv", 11, "latitude", "use '.' as the decimal separator"),
    ("offers.csv", 3, "offer_id", "duplicate offer_id 'O1' (first in row 2)"),
    ("offers.csv", 4, "partner_id", "unknown partner_id 'P99'"),
    ("offers.csv", 5, "title", "a value is required"),
    ("offers.csv", 6, "skills", "a value is required"),
    ("offers.csv", 7, "skills", "is not a skill of the taxonomy in use"),
    ("offers.csv", 8, "ecosystem", "'automotive' is not allowed"),
    ("offers.csv", 9, "mode", "did you mean 'in_person'?"),
    ("offers.csv", 10, "language", "'german' not ISO 639-1"),
    ("offers.csv", 11, "eqf_level", "is not an EQF level"),
    ("offers.csv", 12, "duration_hours", "must be greater than 0"),
    ("offers.csv", 13, "start_date", "is not a date"),
    ("offers.csv", 14, "end_date", "end_date 2027-02-01 is before start_date 2027-03-01"),
    ("offers.csv", 15, "cost_eur", "must be 0 or more"),
    ("offers.csv", 16, "seats", "is not a whole number"),
    ("offers.csv", 17, "transition", "'blue' is not allowed"),
    ("offers.csv", 18, "occupations", "is not an occupation of the taxonomy in use"),
    ("offers.csv", 19, "skills", "is an ESCO occupation; list it under occupations"),
    ("offers.csv", 20, "language", "a value is required"),
    ("offers.csv", 21, "city", "cannot place 'Atlantisville' in AT"),
    ("offers.csv", 22, "country", "'XX' is not an ISO 3166-1 alpha-2 country code"),
    ("offers.csv", 23, "duration_hours", "'forty' is not a number"),
]


@pytest.fixture(scope="module")
def bad_problems() -> tuple[CatalogProblem, ...]:
    catalog, problems = check_catalog(BAD, tiny_taxonomy(), tiny_gazetteer())
    assert catalog is None
    return problems


@pytest.mark.parametrize(
    ("file", "row", "column", "fragment"),
    BAD_CELLS,
    ids=[f"{f.split('.')[0]}-{c}-row{r}" for f, r, c, _ in BAD_CELLS],
)
def test_bad_cell_is_reported(
    bad_problems: tuple[CatalogProblem, ...], file: str, row: int, column: str, fragment: str
) -> None:
    matching = [p for p in bad_problems if (p.file, p.row, p.column) == (file, row, column)]
    assert matching, f"no problem at {file}:{row} [{column}]"
    assert any(fragment in p.message and p.severity == "error" for p in matching), matching


def test_every_error_of_the_bad_catalogue_is_expected(bad_problems: tuple[CatalogProblem, ...]) -> None:
    expected = {(f, r, c) for f, r, c, _ in BAD_CELLS}
    assert {(p.file, p.row, p.column) for p in _errors(bad_problems)} == expected


def test_load_catalog_raises_with_all_problems(taxo: Taxonomy, places: Gazetteer) -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog(BAD, taxo, places)
    assert len(_errors(caught.value.problems)) == len(BAD_CELLS)


def test_refused_catalogue_registers_no_places(taxo: Taxonomy, places: Gazetteer, tmp_path: Path) -> None:
    shutil.copytree(SMALL, tmp_path / "c")
    with (tmp_path / "c" / "offers.csv").open("a", encoding="utf-8") as handle:
        handle.write("O9,P1,Broken,welding,,nowhere,,online,en" + "," * 15 + "\n")
    assert check_catalog(tmp_path / "c", taxo, places)[0] is None
    assert places.find("8700") is None


# ---------------------------------------------------------------- malformed files


def _catalog_dir(tmp_path: Path, partners: bytes | None, offers: bytes | None = None) -> Path:
    """A copy of the small catalogue with one or both files replaced (None: file removed)."""
    folder = tmp_path / "c"
    shutil.copytree(SMALL, folder)
    for name, content in (("partners.csv", partners), ("offers.csv", offers)):
        if content is None:
            (folder / name).unlink()
        elif content != b"keep":
            (folder / name).write_bytes(content)
    return folder


MALFORMED = [
    (b"partner_id,name\nP1,Caf\xe9 Graz\n", "partners.csv", 0, "", "not UTF-8"),
    (b"", "partners.csv", 0, "", "the table is empty"),
    (None, "partners.csv", 0, "", "file partners.csv is missing"),
    (
        b"partner_id,name,kind,city,country\nP1,A,vet_school,Graz,AT,extra,cells\n",
        "partners.csv",
        2,
        "",
        "has 7 cells",
    ),
    (
        b"partner_id,name,kind,city\nP1,A,vet_school,Graz\n",
        "partners.csv",
        1,
        "country",
        "required column is missing",
    ),
    (
        b"partner_id,name,kind,city,country,name\nP1,A,vet_school,Graz,AT,B\n",
        "partners.csv",
        1,
        "name",
        "appears twice",
    ),
]


@pytest.mark.parametrize(
    ("content", "file", "row", "column", "fragment"),
    MALFORMED,
    ids=["latin1", "empty", "missing-file", "ragged-row", "missing-column", "repeated-column"],
)
def test_malformed_file_is_a_problem_not_a_traceback(
    taxo: Taxonomy,
    places: Gazetteer,
    tmp_path: Path,
    content: bytes | None,
    file: str,
    row: int,
    column: str,
    fragment: str,
) -> None:
    catalog, problems = check_catalog(_catalog_dir(tmp_path, content, b"keep"), taxo, places)
    assert catalog is None
    assert any(
        (p.file, p.row, p.column) == (file, row, column) and fragment in p.message for p in problems
    ), problems


def test_missing_source_is_a_problem(taxo: Taxonomy, places: Gazetteer, tmp_path: Path) -> None:
    catalog, problems = check_catalog(tmp_path / "nowhere", taxo, places)
    assert catalog is None and "does not exist" in problems[0].message


def test_header_case_and_bom_are_accepted(taxo: Taxonomy, places: Gazetteer, tmp_path: Path) -> None:
    partners = "\ufeffPARTNER_ID,Name,Kind,City,Country\nP1,A,vet_school,Graz,at\nP2,B,ngo,Bilbao,ES\nP3,C,ngo,Leoben,AT\n"
    catalog, problems = check_catalog(_catalog_dir(tmp_path, partners.encode(), b"keep"), taxo, places)
    assert catalog is not None, problems
    assert catalog.partners["P1"].country == "AT"
