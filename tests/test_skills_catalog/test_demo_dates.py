"""The shipped demo catalogue never ages: at load its past dated offers move forward by whole
years; a catalogue of the cluster's own keeps the dates it was given (demo_dates)."""

from __future__ import annotations

import csv
import json
import logging
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from skills_catalog import cli
from skills_catalog.catalog import check_catalog, load_catalog
from skills_catalog.catalog_io import Sheet
from skills_catalog.demo_dates import MARKER, DemoCatalog, DemoDates, move_forward, plus_years, years_ahead
from skills_catalog.engine import Engine
from skills_catalog.matching import OfferIndex
from skills_catalog.models import Catalog, Profile, Taxonomy
from skills_catalog.places import Gazetteer
from skills_catalog.settings import DEMO_CATALOG_DIR, DEMO_TAXONOMY_DIR, PROJECT_ROOT
from skills_catalog.taxonomy import load_taxonomy
from tests.test_skills_catalog.conftest import FakeGazetteer, FakeRecognizer, make_catalog, make_taxonomy

FAR = date(2029, 6, 1)  # years after the demo's dates as shipped
PAST = "is past: the offer is not recommended"


@pytest.fixture(scope="module")
def demo_taxonomy(tmp_path_factory: pytest.TempPathFactory) -> Taxonomy:
    return load_taxonomy(DEMO_TAXONOMY_DIR, tmp_path_factory.mktemp("taxonomy"))


def shipped_dates() -> dict[str, tuple[date, date]]:
    """Start and end of every dated offer as written in the shipped offers.csv."""
    with (DEMO_CATALOG_DIR / "offers.csv").open(encoding="utf-8", newline="") as file:
        return {
            row["offer_id"]: (date.fromisoformat(row["start_date"]), date.fromisoformat(row["end_date"]))
            for row in csv.DictReader(file)
            if row["start_date"]
        }


def copy_demo(tmp_path: Path, marker: bool = True) -> Path:
    folder = tmp_path / "catalog"
    folder.mkdir()
    for name in ("partners.csv", "offers.csv") + ((MARKER,) if marker else ()):
        shutil.copy(DEMO_CATALOG_DIR / name, folder / name)
    return folder


def load(source: Path, taxonomy: Taxonomy, today: date) -> tuple[Catalog, list[str]]:
    """The catalogue (the demo's partners carry coordinates: no gazetteer needed) and its
    warnings, as "file: message"."""
    catalog, problems = check_catalog(source, taxonomy, Gazetteer(), today=today)
    assert catalog is not None, [str(p) for p in problems if p.severity == "error"]
    return catalog, [f"{p.file}: {p.message}" for p in problems]


# ---------------------------------------------------------------- the shipped demo


def test_the_demo_years_later_has_every_dated_offer_within_the_year_ahead(demo_taxonomy: Taxonomy) -> None:
    catalog, warnings = load(DEMO_CATALOG_DIR, demo_taxonomy, FAR)
    shipped = shipped_dates()
    dated = {o.offer_id: o for o in catalog.offers.values() if o.start_date is not None}
    assert isinstance(catalog, DemoCatalog) and catalog.dates == DemoDates(FAR, len(shipped), len(shipped))
    assert set(dated) == set(shipped) and not [w for w in warnings if PAST in w]
    for offer_id, offer in dated.items():
        start, end = shipped[offer_id]
        assert FAR <= offer.start_date < plus_years(FAR, 1), offer_id
        assert (offer.start_date.month, offer.start_date.day) == (start.month, start.day), offer_id
        assert offer.end_date - offer.start_date == end - start, offer_id  # moved together
    assert len({o.start_date.month for o in dated.values()}) >= 10  # still a calendar, not one month


def test_the_demo_years_later_still_recommends_dated_offers(demo_taxonomy: Taxonomy) -> None:
    catalog, _ = load(DEMO_CATALOG_DIR, demo_taxonomy, FAR)
    welder = next(uri for uri, o in demo_taxonomy.occupations.items() if o.label == "welder")
    profile = Profile(target=welder, modes=frozenset({"in_person"}))
    found = OfferIndex(catalog, demo_taxonomy, today=lambda: FAR).recommend(profile, top=10)
    starts = [r.offer.start_date for r in found.recommendations if r.offer.start_date is not None]
    assert starts and all(start >= FAR for start in starts)


def test_the_demo_today_moves_only_offers_already_started(demo_taxonomy: Taxonomy) -> None:
    shipped = shipped_dates()
    today = sorted(start for start, _ in shipped.values())[len(shipped) // 2]
    catalog, _ = load(DEMO_CATALOG_DIR, demo_taxonomy, today)
    moved = {i for i, (start, _) in shipped.items() if catalog.offers[i].start_date != start}
    assert moved == {i for i, (start, _) in shipped.items() if start < today}
    assert isinstance(catalog, DemoCatalog) and catalog.dates.moved == len(moved) > 0


def test_the_demo_loaded_says_once_what_moved(
    demo_taxonomy: Taxonomy, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="skills_catalog.catalog"):
        load_catalog(DEMO_CATALOG_DIR, demo_taxonomy, Gazetteer(), today=FAR)
    said = [r.getMessage() for r in caplog.records if "demo catalogue" in r.getMessage()]
    assert len(said) == 1 and f"to start on or after {FAR}" in said[0], said


def test_a_resaved_copy_of_the_demo_is_still_the_demo(tmp_path: Path, demo_taxonomy: Taxonomy) -> None:
    folder = copy_demo(tmp_path)
    offers = folder / "offers.csv"
    offers.write_bytes(b"\xef\xbb\xbf" + offers.read_bytes().replace(b"\n", b"\r\n") + b"\r\n")  # BOM, CRLF
    catalog, warnings = load(folder, demo_taxonomy, FAR)
    assert isinstance(catalog, DemoCatalog) and not [w for w in warnings if PAST in w or MARKER in w]


# ---------------------------------------------------------------- a cluster's own catalogue


def test_a_catalogue_without_the_marker_keeps_its_dates(tmp_path: Path, demo_taxonomy: Taxonomy) -> None:
    catalog, warnings = load(copy_demo(tmp_path, marker=False), demo_taxonomy, FAR)
    shipped = shipped_dates()
    assert type(catalog) is Catalog
    assert {i: (catalog.offers[i].start_date, catalog.offers[i].end_date) for i in shipped} == shipped
    assert len([w for w in warnings if PAST in w]) == len(shipped)


def test_an_edited_copy_of_the_demo_keeps_its_dates_and_is_told(
    tmp_path: Path, demo_taxonomy: Taxonomy
) -> None:
    folder = copy_demo(tmp_path)
    offers = folder / "offers.csv"
    offers.write_text(offers.read_text(encoding="utf-8").replace("MAG and MIG", "MAG", 1), encoding="utf-8")
    catalog, warnings = load(folder, demo_taxonomy, FAR)
    assert type(catalog) is Catalog and len([w for w in warnings if PAST in w]) == len(shipped_dates())
    assert [w for w in warnings if w.startswith(MARKER)] == [
        f"{MARKER}: the folder carries the demo catalogue's marker but its tables are no longer the demo's: "
        f"it is read as your own catalogue, dates as written; delete {MARKER}"
    ]


@pytest.mark.parametrize("marker", ["not json", "{}", '{"tables_sha256": 1}', "[]"], ids=str)
def test_a_marker_that_names_no_fingerprint_moves_nothing(
    tmp_path: Path, demo_taxonomy: Taxonomy, marker: str
) -> None:
    folder = copy_demo(tmp_path)
    (folder / MARKER).write_text(marker, encoding="utf-8")
    catalog, warnings = load(folder, demo_taxonomy, FAR)
    assert type(catalog) is Catalog and any(w.startswith(MARKER) for w in warnings)


# ---------------------------------------------------------------- the rules


@pytest.mark.parametrize(
    ("start", "today", "years"),
    [
        (date(2027, 3, 1), date(2027, 2, 1), 0),
        (date(2027, 3, 1), date(2027, 3, 1), 0),
        (date(2027, 3, 1), date(2027, 3, 2), 1),
        (date(2027, 3, 1), date(2029, 6, 1), 3),
        (date(2027, 12, 1), date(2029, 6, 1), 2),
        (date(2028, 2, 29), date(2029, 2, 28), 1),
    ],
    ids=["ahead", "today", "a-day-past", "years-past", "later-in-the-year", "29-february"],
)
def test_years_ahead_is_the_fewest_whole_years(start: date, today: date, years: int) -> None:
    assert years_ahead(start, today) == years and plus_years(start, years) >= today


def test_29_february_moves_to_28_february_in_a_common_year() -> None:
    assert plus_years(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert plus_years(date(2028, 2, 29), 4) == date(2032, 2, 29)


def test_move_forward_moves_start_and_end_and_leaves_the_rest() -> None:
    sheet = Sheet("offers.csv", ["offer_id", "start_date", "end_date"])
    sheet.rows = [
        (2, ["past", "2027-03-01", "2027-04-15"]),
        (3, ["ahead", "2030-01-10", "2030-02-01"]),
        (4, ["rolling", "", ""]),
        (5, ["no-end", "2027-05-01", ""]),
        (6, ["bad-end", "2027-05-01", "15.06.2027"]),
        (7, ["bad-start", "1.3.2027", "2027-04-15"]),
    ]
    dates = move_forward(sheet, FAR)
    assert dates == DemoDates(FAR, 4, 3)
    assert [cells for _, cells in sheet.rows] == [
        ["past", "2030-03-01", "2030-04-15"],
        ["ahead", "2030-01-10", "2030-02-01"],
        ["rolling", "", ""],
        ["no-end", "2030-05-01", ""],
        ["bad-end", "2030-05-01", "15.06.2027"],  # left for the row checks to report
        ["bad-start", "1.3.2027", "2027-04-15"],
    ]


# ---------------------------------------------------------------- the generator and the command line


def test_the_shipped_demo_is_what_the_generator_writes() -> None:
    """Deterministic, and the marker fits the tables (a stale marker would stop the moving)."""
    done = subprocess.run(
        [sys.executable, "scripts/make_demo_data.py", "--check"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_generator_writes_no_start_before_its_first_day() -> None:
    assert min(start for start, _ in shipped_dates().values()) >= date(2027, 1, 5)


def _demo(catalog: Catalog, dates: DemoDates) -> DemoCatalog:
    return DemoCatalog(catalog.partners, catalog.offers, catalog.source, dates=dates)


@pytest.mark.parametrize("demo", [True, False], ids=["demo", "own-catalogue"])
def test_validate_says_what_moved(
    demo: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dates = DemoDates(FAR, 281, 120)
    catalog = _demo(make_catalog(), dates) if demo else make_catalog()
    monkeypatch.setattr(cli, "check", lambda settings, progress: (catalog, ()))
    assert cli.main(["validate", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)["demo_dates"]
    assert said == (
        {"today": "2029-06-01", "dated_offers": 281, "moved": 120, "note": dates.describe()} if demo else None
    )
    assert cli.main(["validate"]) == 0
    assert (dates.describe() in capsys.readouterr().out) is demo


def test_stats_says_what_moved(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    taxonomy, dates = make_taxonomy(), DemoDates(FAR, 281, 120)
    engine = Engine(taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), _demo(make_catalog(), dates))
    monkeypatch.setattr(cli, "load_engine", lambda settings, progress: engine)
    assert cli.main(["stats"]) == 0
    assert "120 of its 281 dated offers moved forward by whole years" in capsys.readouterr().out
    assert cli.main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["demo_dates"]["moved"] == 120
    assert dates.describe().endswith(f"to start on or after {FAR}; a catalogue of your own is never moved")


def test_a_server_left_running_reloads_the_demo_once_its_courses_start(
    tmp_path: Path, demo_taxonomy: Taxonomy
) -> None:
    # nothing changes on disk, yet the demo's courses start one by one: the engine reloads it
    # (moving their dates) on the first use of a day after one started, once that day
    from skills_catalog.catalog_watch import CatalogWatch
    from tests.test_skills_catalog.test_catalog_watch import _wait

    source = copy_demo(tmp_path)
    first = min(start for start, _ in shipped_dates().values())
    day = [first]
    loads: list[date] = []

    def loader(path: Path, taxonomy: Taxonomy, gazetteer: object) -> Catalog:
        loads.append(day[0])
        return load_catalog(path, taxonomy, Gazetteer(), today=day[0])

    catalog = loader(source, demo_taxonomy, None)
    engine = Engine(
        demo_taxonomy, FakeRecognizer(demo_taxonomy), FakeGazetteer(), catalog, today=lambda: day[0],
        catalog_loader=loader, watch=CatalogWatch(source, every_s=0),
    )  # fmt: skip
    engine.refresh_catalog()
    assert loads == [first]  # the same day: nothing started since the load
    day[0] = date.fromordinal(first.toordinal() + 1)
    engine.refresh_catalog()
    assert _wait(lambda: isinstance(engine.catalog, DemoCatalog) and engine.catalog.dates.today == day[0])
    assert all(o.start_date is None or o.start_date >= day[0] for o in engine.catalog.offers.values())
    engine.refresh_catalog()
    assert loads == [first, day[0]]  # once a day, not on every use
