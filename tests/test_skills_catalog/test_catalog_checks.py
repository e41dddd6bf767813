"""Catalogue checks added after QA8: labels read as a person's words, ';'-separated files,
header mistakes, past and implausible values, coordinates and ambiguous towns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from skills_catalog.catalog import check_catalog
from skills_catalog.errors import CatalogProblem
from skills_catalog.models import Catalog, GeoPoint, Place, Taxonomy
from skills_catalog.places import Gazetteer
from tests.test_skills_catalog.test_catalog import SMALL, tiny_gazetteer, tiny_taxonomy

E = "http://data.europa.eu/esco"
PLC = f"{E}/skill/t-plc"
TODAY = date(2026, 1, 1)
PARTNERS = "partner_id,name,kind,city,country\nP1,A,vet_school,Graz,AT\n"
OFFER_HEADER = "offer_id,partner_id,title,skills,ecosystem,mode,language"


@pytest.fixture
def taxo() -> Taxonomy:
    return tiny_taxonomy()


@pytest.fixture
def places() -> Gazetteer:
    return tiny_gazetteer()


def _check(
    tmp_path: Path,
    taxo: Taxonomy,
    places: Gazetteer,
    partners: str = PARTNERS,
    offers: str = f"{OFFER_HEADER}\nO1,P1,T,welding,digital,online,de\n",
    reader=None,  # noqa: ANN001
) -> tuple[Catalog | None, tuple[CatalogProblem, ...]]:
    folder = tmp_path / "c"
    folder.mkdir(exist_ok=True)
    (folder / "partners.csv").write_text(partners, encoding="utf-8")
    (folder / "offers.csv").write_text(offers, encoding="utf-8")
    return check_catalog(folder, taxo, places, reader, today=TODAY)


def _messages(problems: Sequence[CatalogProblem], column: str | None = None) -> list[str]:
    return [p.message for p in problems if column is None or p.column == column]


# ------------------------------------------------------------ skill labels


def test_label_read_as_a_person_is_posted_there_and_kept_as_text(taxo, places, tmp_path):  # noqa: ANN001
    """QA8: "PLC programming" offers were invisible to a worker whose words named the ESCO skill."""
    reads: list[str] = []

    def reader(text: str) -> list[str]:
        reads.append(text)
        return [PLC] if "SPS" in text else []

    offers = f"{OFFER_HEADER}\nO1,P1,T,SPS Programmierung,digital,online,de\nO2,P1,T,SPS Programmierung,digital,online,de\n"
    catalog, problems = _check(tmp_path, taxo, places, offers=offers, reader=reader)
    assert catalog is not None
    o1 = catalog.offers["O1"]
    assert o1.skills == (PLC,) and o1.unmapped_skills == ("SPS Programmierung",)
    assert reads == ["SPS Programmierung"]  # once per distinct label, however many offers
    assert "read as 'program PLC', as a person's words are" in _messages(problems, "skills")[0]


def test_label_nothing_reads_says_how_it_is_found(taxo, places, tmp_path):  # noqa: ANN001
    offers = f'{OFFER_HEADER}\nO1,P1,T,"SAP basics, Excel",digital,online,de\n'
    catalog, problems = _check(tmp_path, taxo, places, offers=offers, reader=lambda text: [])
    assert catalog is not None and catalog.offers["O1"].skills == ()
    (message,) = _messages(problems, "skills")
    assert "found only by words that name no ESCO skill" in message and "separated by ';'" in message


def test_close_label_says_what_it_was_read_as(taxo, places, tmp_path):  # noqa: ANN001
    offers = f"{OFFER_HEADER}\nO1,P1,T,PLC programing,digital,online,de\n"
    _, problems = _check(tmp_path, taxo, places, offers=offers)
    assert _messages(problems, "skills") == [
        "'PLC programing' is no ESCO label; read as the close label 'program PLC'"
    ]


def test_exact_labels_and_uris_raise_nothing(taxo, places, tmp_path):  # noqa: ANN001
    offers = f"{OFFER_HEADER}\nO1,P1,T,welding;{PLC},digital,online,de\n"
    catalog, problems = _check(tmp_path, taxo, places, offers=offers, reader=lambda text: pytest.fail(text))
    assert catalog is not None and problems == ()


# ------------------------------------------------------------ files and headers


def test_semicolon_separated_csv_is_read(taxo, places, tmp_path):  # noqa: ANN001
    """QA8: German Excel's "CSV" gave one unknown column and 12 missing-column errors."""
    partners = "partner_id;name;kind;city;country\nP1;A;vet_school;Graz;AT\n"
    offers = 'offer_id;partner_id;title;skills;ecosystem;mode;language\nO1;P1;T;"welding;PLC programming";digital;online;de\n'
    catalog, problems = _check(tmp_path, taxo, places, partners, offers)
    assert catalog is not None, problems
    assert catalog.offers["O1"].skills == (f"{E}/skill/t-weld", PLC)


def test_title_row_above_the_header_is_one_error(taxo, places, tmp_path):  # noqa: ANN001
    catalog, problems = _check(tmp_path, taxo, places, partners="Partner list 2027,,\n" + PARTNERS)
    assert catalog is None
    assert [(p.file, p.row) for p in problems if p.severity == "error"] == [("partners.csv", 1)]
    assert (
        "row 1 must be the header row" in problems[0].message and "'partner list 2027'" in problems[0].message
    )


@pytest.mark.parametrize(
    ("name", "meant"),
    [("id", "offer_id"), ("languages", "language"), ("places", "seats"), ("titel", "title")],
    ids=str,
)
def test_renamed_column_gets_a_did_you_mean(taxo, places, tmp_path, name, meant):  # noqa: ANN001
    offers = f"{OFFER_HEADER},{name}\nO1,P1,T,welding,digital,online,de,x\n"
    _, problems = _check(tmp_path, taxo, places, offers=offers)
    assert f"did you mean {meant!r}?" in _messages(problems, name)[0]


def test_header_without_rows_is_a_warning(taxo, places, tmp_path):  # noqa: ANN001
    catalog, problems = _check(tmp_path, taxo, places, offers=OFFER_HEADER + "\n")
    assert catalog is not None
    assert [(p.file, p.severity, p.message) for p in problems] == [
        ("offers.csv", "warning", "the table has a header but no rows")
    ]


# ------------------------------------------------------------ cells


@pytest.mark.parametrize(
    ("extra", "cell", "column", "fragment"),
    [
        ("start_date", "2019-01-01", "start_date", "is past: the offer is not recommended"),
        ("cost_eur", "1000000000", "cost_eur", "is very high"),
    ],
    ids=["past-start", "huge-cost"],
)
def test_implausible_values_are_warnings(taxo, places, tmp_path, extra, cell, column, fragment):  # noqa: ANN001
    offers = f"{OFFER_HEADER},{extra}\nO1,P1,T,welding,digital,online,de,{cell}\n"
    catalog, problems = _check(tmp_path, taxo, places, offers=offers)
    assert catalog is not None and fragment in _messages(problems, column)[0]


@pytest.mark.parametrize(
    ("extra", "cell", "fragment"),
    [("start_date", "46447", "an Excel date number"), ("language", '"de, en"', "separate them with ';'")],
    ids=["excel-date", "comma-list"],
)
def test_cell_errors_hint_at_the_likely_slip(taxo, places, tmp_path, extra, cell, fragment):  # noqa: ANN001
    header = (
        OFFER_HEADER.replace(",language", "") + f",{extra}" + (",language" if extra != "language" else "")
    )
    row = "O1,P1,T,welding,digital,online" + (f",{cell},de" if extra != "language" else f",{cell}")
    _, problems = _check(tmp_path, taxo, places, offers=f"{header}\n{row}\n")
    assert fragment in _messages(problems, extra)[0]


# ------------------------------------------------------------ places


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("Graz,AT,15.4395,47.0707", "latitude and longitude swapped?"),
        ("Graz,AT,48.2,16.37", "km from Graz, AT; check them"),
        ("Graz,DE,47.0707,15.4395", "the coordinates are in Graz, AT, not in DE"),
    ],
    ids=["swapped", "far", "wrong-country"],
)
def test_coordinates_far_from_the_named_town_are_reported(taxo, places, tmp_path, row, fragment):  # noqa: ANN001
    """QA8: a Graz partner at swapped coordinates was told 4,566 km from Graz, in silence."""
    places.add(Place("Berlin", "DE", GeoPoint(52.52, 13.405)))  # DE must be known for the country cell
    partners = f"partner_id,name,kind,city,country,latitude,longitude\nP1,A,vet_school,{row}\n"
    catalog, problems = _check(tmp_path, taxo, places, partners=partners)
    assert catalog is not None and any(fragment in m for m in _messages(problems)), problems


def test_coordinates_of_the_town_raise_nothing(taxo, places, tmp_path):  # noqa: ANN001
    partners = "partner_id,name,kind,city,country,latitude,longitude\nP1,A,vet_school,Graz,AT,47.06,15.45\n"
    assert _check(tmp_path, taxo, places, partners=partners)[1] == ()


@pytest.fixture
def neustadts(places: Gazetteer) -> Gazetteer:
    places.add(Place("Neustadt", "DE", GeoPoint(49.35, 8.14), 53_000))  # an der Weinstraße
    places.add(Place("Neustadt", "DE", GeoPoint(51.02, 14.22), 12_000))  # in Sachsen
    places.add(Place("Neustadt", "DE", GeoPoint(51.02, 14.22), 12_000), postcode="01844")
    return places


def test_town_several_towns_bear_is_a_warning(taxo, neustadts, tmp_path):  # noqa: ANN001
    partners = "partner_id,name,kind,city,country\nP1,A,vet_school,Neustadt,DE\n"
    catalog, problems = _check(tmp_path, taxo, neustadts, partners=partners)
    assert catalog is not None
    assert "2 towns in DE are named 'Neustadt'" in _messages(problems, "city")[0]


def test_known_postcode_places_a_town_several_towns_bear(taxo, neustadts, tmp_path):  # noqa: ANN001
    """QA8: "Neustadt, DE, 01844" was put at the larger Neustadt, 470 km away."""
    partners = "partner_id,name,kind,city,country,postcode\nP1,A,vet_school,Neustadt,DE,01844\n"
    catalog, problems = _check(tmp_path, taxo, neustadts, partners=partners)
    assert catalog is not None and problems == ()
    assert catalog.partners["P1"].point == GeoPoint(51.02, 14.22)


def test_small_catalogue_still_has_only_its_known_warnings(taxo, places):  # noqa: ANN001
    _, problems = check_catalog(SMALL, taxo, places, today=TODAY)
    assert len(problems) == 3
