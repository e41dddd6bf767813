"""Demand reports, the unmet-needs report and the CSV export of needs."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from skills_catalog.models import (
    GeoPoint,
    Occupation,
    Offer,
    Partner,
    Recommendation,
    Recommendations,
    Skill,
    SkillRef,
    Taxonomy,
)
from skills_catalog.needs import FirmNeed, NeedDraft, new_need, validate_draft
from skills_catalog.reports import (
    EXPORT_COLUMNS,
    DemandRow,
    DemandTotals,
    UnmetNeed,
    Where,
    demand_report,
    needs_in,
    needs_to_csv,
    offer_coverage,
    render_report,
    unmet_needs,
)

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
WELD = SkillRef("http://data.europa.eu/esco/skill/weld", "weld metal")
PLC = SkillRef("http://data.europa.eu/esco/skill/plc", "programmable logic controllers")
EXCEL = SkillRef("http://data.europa.eu/esco/skill/excel", "use spreadsheets software")
WELDER = SkillRef("http://data.europa.eu/esco/occupation/welder", "welder")


def need(ref: str, *skills: SkillRef, days: int = 0, **changes: object) -> FirmNeed:
    """A stored-looking need created ``days`` after T0."""
    status = changes.pop("status", "open")
    draft = NeedDraft(
        company="Acme", town="Linz", country="AT", ecosystem="mobility_transport_automotive", size="small",
        contact_name="Anna Berger", contact_email="anna@acme.example", consent_at=T0,
        consent_purpose="contact about this need", sender_id="conv", skills=skills or (WELD,), people=1,
    )
    created = T0 + timedelta(days=days)
    return replace(new_need(validate_draft(replace(draft, **changes)), ref, created), status=status)


NEEDS = [
    need("N-AAAAA", WELD, PLC, people=5, company="Acme"),
    need("N-BBBBB", WELD, people=2, company="Bolt", ecosystem="energy_intensive", region="AT31", days=3),
    need("N-CCCCC", EXCEL, people=1, company="Cara", ecosystem="digital", days=40, occupation=WELDER),
    need("N-DDDDD", EXCEL, people=50, company="Gone", status="withdrawn"),
]


# ---------------------------------------------------------------- demand


def test_report_ranks_by_people_and_ignores_withdrawn() -> None:
    report = demand_report(NEEDS)
    assert [(r.kind, r.label, r.needs, r.people, r.firms) for r in report.rows] == [
        ("skill", "weld metal", 2, 7, 2),
        ("skill", "programmable logic controllers", 1, 5, 1),
        ("skill", "use spreadsheets software", 1, 1, 1),
        ("occupation", "welder", 1, 1, 1),
    ]
    assert report.totals == DemandTotals(needs=3, people=8, firms=3)


def test_row_lists_ecosystems_and_regions_it_spans() -> None:
    weld = demand_report(NEEDS).rows[0]
    assert weld.ecosystems == ("energy_intensive", "mobility_transport_automotive")
    assert weld.regions == ("AT", "AT31")


def test_since_and_until_bound_the_creation_time() -> None:
    report = demand_report(NEEDS, since=T0 + timedelta(days=1), until=T0 + timedelta(days=30))
    assert [r.label for r in report.rows] == ["weld metal"]
    assert report.totals.needs == 1


@pytest.mark.parametrize(
    ("group_by", "period", "groups"),
    [
        ("ecosystem", "month", ["digital", "energy_intensive", "mobility_transport_automotive"]),
        ("region", "month", ["AT", "AT31"]),
        ("period", "month", ["2024-05", "2024-06"]),
        ("period", "quarter", ["2024-Q2"]),
        ("period", "week", ["2024-W19", "2024-W24"]),
    ],
    ids=["ecosystem", "region", "month", "quarter", "week"],
)
def test_grouping(group_by: str, period: str, groups: list[str]) -> None:
    report = demand_report(NEEDS, group_by=group_by, period=period)
    assert sorted({r.group for r in report.rows}) == groups
    assert report.group_by == group_by


def test_grouped_rows_count_within_their_group() -> None:
    rows = demand_report(NEEDS, group_by="ecosystem").rows
    assert DemandRow("energy_intensive", "skill", WELD.uri, "weld metal", 1, 2, 1,
                     ("energy_intensive",), ("AT31",)) in rows


def test_top_keeps_that_many_skills_and_occupations_per_group() -> None:
    rows = demand_report(NEEDS, top=1).rows
    assert [(r.kind, r.label) for r in rows] == [("skill", "weld metal"), ("occupation", "welder")]


@pytest.mark.parametrize(
    "labels",
    [
        {WELD.uri: "welding"},
        Taxonomy(skills={WELD.uri: Skill(WELD.uri, "welding")}, occupations={WELDER.uri: Occupation(WELDER.uri, "welder")}),
    ],
    ids=["mapping", "taxonomy"],
)
def test_labels_come_from_the_taxonomy_when_given(labels: object) -> None:
    assert demand_report(NEEDS, labels).rows[0].label == "welding"


def test_unmapped_skills_count_together_by_label() -> None:
    typed = [need("N-EEEEE", SkillRef("", "Forklift driving")), need("N-FFFFF", SkillRef("", "forklift  driving"))]
    assert [(r.uri, r.needs) for r in demand_report(typed).rows] == [("", 2)]


@pytest.mark.parametrize(
    ("group_by", "groups"),
    [("country", ["AT", "ES"]), ("town", ["Bilbao", "Linz"]), ("size", ["large", "small"]), ("kind", ["new_hires", "upskilling"])],
    ids=["country", "town", "size", "kind"],
)  # fmt: skip
def test_groupings_by_what_the_store_keeps(group_by: str, groups: list[str]) -> None:
    # QA8 M1: "by company size", "by kind" had given one group, "all"
    mixed = [need("N-NNNNN"), need("N-PPPPP", town="Bilbao", country="ES", size="large", kind="new_hires")]
    report = demand_report(mixed, group_by=group_by)
    assert [group for group, _ in report.groups] == groups and report.groups[0][1].needs == 1


@pytest.mark.parametrize(
    ("where", "kept"),
    [(Where("Austria", country="AT"), ["N-QQQQQ"]), (Where("Bilbao", near=GeoPoint(43.26, -2.93)), ["N-RRRRR"]),
     (Where("Linz", near=GeoPoint(10.0, 10.0)), ["N-QQQQQ"])],
    ids=["country", "near-a-town", "same-town-without-coordinates"],
)  # fmt: skip
def test_where_narrows_to_a_country_or_a_town(where: Where, kept: list[str]) -> None:
    # QA8 M1: "demand in Austria", "report for Bilbao" covered every firm
    mixed = [need("N-QQQQQ"), need("N-RRRRR", town="Bilbao", country="ES", point=GeoPoint(43.3, -2.9))]
    assert [n.reference for n in needs_in(mixed, where)] == kept
    assert demand_report(mixed, where=where).totals.needs == 1


def test_title_says_where_and_the_last_day() -> None:
    report = demand_report(NEEDS, where=Where("Austria", country="AT"), since=T0, until=datetime(2024, 6, 1, tzinfo=timezone.utc))
    assert render_report(report).startswith("Demand in Austria, 2024-05-06 – 2024-05-31:")


def test_unknown_grouping_is_refused() -> None:
    with pytest.raises(ValueError, match="group_by"):
        demand_report(NEEDS, group_by="firm")


# ---------------------------------------------------------------- text table


def test_table_aligns_columns_for_monospace() -> None:
    text = render_report(demand_report(NEEDS, group_by="ecosystem"))
    lines = text.splitlines()
    assert lines[0] == "Demand by ecosystem: 3 needs, 8 people, 3 firms"
    subtotals, rows = text.split("\n\n")[1:3]
    assert subtotals.splitlines()[0].split() == ["ecosystem", "needs", "people", "firms"]
    assert rows.splitlines()[0].split() == ["ecosystem", "kind", "skill", "/", "role", "needs", "people", "firms"]
    for block in (subtotals, rows):
        assert len({len(line) for line in block.splitlines()}) == 1  # right-aligned numbers end in one column


def test_grouped_table_names_groups_and_gives_their_totals() -> None:
    # QA8 L1/L10: raw ecosystem ids, and no subtotal per group
    text = render_report(demand_report(NEEDS, group_by="ecosystem"), group_labels={"digital": "Digital"})
    lines = [line.split() for line in text.splitlines()]
    assert ["Digital", "1", "1", "1"] in lines and not any(line[:1] == ["digital"] for line in lines)


def test_report_without_grouping_has_no_group_column() -> None:
    text = render_report(demand_report(NEEDS))
    assert text.startswith("Demand: 3 needs") and "\nkind   skill / role" in text and " all " not in text


def test_table_fence_and_period_in_title() -> None:
    report = demand_report(NEEDS, since=T0, until=T0 + timedelta(days=7))
    text = render_report(report, fence=True)
    assert text.startswith("```\nDemand, 2024-05-06 – 2024-05-13: 2 needs") and text.endswith("\n```")


def test_empty_report_says_so() -> None:
    assert render_report(demand_report([])).endswith("No needs in this period.")


def test_long_labels_are_cut() -> None:
    long = need("N-GGGGG", SkillRef("u:long", "x" * 80))
    assert "x" * 59 + "…" in render_report(demand_report([long]))


# ---------------------------------------------------------------- unmet needs


def test_unmet_needs_lists_uncovered_skills_of_open_needs() -> None:
    covered = {WELD.uri}
    unmet = unmet_needs(NEEDS, lambda n, wanted: [s for s in wanted if s.uri in covered])
    assert [(u.need.reference, u.uncovered) for u in unmet] == [("N-AAAAA", (PLC,)), ("N-CCCCC", (EXCEL,))]


def test_fully_covered_needs_are_not_unmet() -> None:
    assert unmet_needs(NEEDS, lambda n, wanted: wanted) == []


def test_unmapped_skill_is_matched_by_label() -> None:
    typed = need("N-HHHHH", SkillRef("", "Forklift driving"))
    assert unmet_needs([typed], lambda n, wanted: [SkillRef("", "forklift driving")]) == []


class FakeIndex:
    """Answers ``for_need`` like matching.OfferIndex: one offer teaching ``teaches``."""

    def __init__(self, teaches: tuple[SkillRef, ...]) -> None:
        self.teaches = teaches
        self.calls: list[tuple] = []

    def for_need(self, skill_uris, people, location, max_distance_km=None, modes=(), top=5) -> Recommendations:
        self.calls.append((tuple(skill_uris), people, location, max_distance_km, frozenset(modes)))
        point = GeoPoint(48.3, 14.3)
        partner = Partner("p1", "VET Linz", "vet_school", "Linz", "AT", point)
        offer = Offer("o1", "p1", "Welding", tuple(s.uri for s in self.teaches), "digital", "in_person", ("de",), point)
        covers = tuple(s for s in self.teaches if s.uri in skill_uris)
        rec = Recommendation(offer, partner, 1.0, 3.0, covers, ())
        return Recommendations(gap=(), recommendations=(rec,) if self.teaches else ())


def test_offer_coverage_asks_the_index_within_the_distance() -> None:
    index = FakeIndex((WELD,))
    located = need("N-IIIII", WELD, PLC, people=4, point=GeoPoint(48.0, 14.0))
    unmet = unmet_needs([located], offer_coverage(index, max_distance_km=50))
    assert unmet[0].uncovered == (PLC,)
    near = GeoPoint(48.0, 14.0)
    assert index.calls == [((WELD.uri,), 4, near, 50, frozenset()), ((PLC.uri,), 4, near, 50, frozenset())]


def test_offer_coverage_asks_for_the_way_of_learning_the_need_takes() -> None:
    # QA8 M3: an online course counted as covering a need that asked for training in person
    index = FakeIndex((WELD,))
    unmet_needs([need("N-KKKKK", WELD, mode="in_person")], offer_coverage(index))
    assert index.calls[0][4] == frozenset({"in_person", "blended"})


def essentials(uri: str) -> tuple[SkillRef, ...]:
    return (WELD, PLC, EXCEL, SkillRef("http://data.europa.eu/esco/skill/cut", "cut metal")) if uri == WELDER.uri else ()


@pytest.mark.parametrize(
    ("taught", "unmet"), [((WELD, PLC), False), ((WELD,), True), ((), True)], ids=["half", "a-quarter", "none"]
)
def test_a_role_only_need_counts_by_its_essential_skills(taught: tuple[SkillRef, ...], unmet: bool) -> None:
    # QA8 M3: a need naming only a role was skipped, so it could never be unmet
    role_only = need("N-LLLLL", occupation=WELDER, skills=())
    found = unmet_needs([role_only], lambda n, wanted: [r for r in wanted if r in taught], essentials=essentials)
    assert found == ([UnmetNeed(role_only, (WELDER,), (len(taught), 4))] if unmet else [])


def test_a_role_with_no_known_skills_is_unmet() -> None:
    role_only = need("N-MMMMM", occupation=SkillRef("", "glassblower"), skills=())
    assert unmet_needs([role_only], lambda n, wanted: wanted)[0].role_taught == (0, 0)


def test_an_offer_that_only_scores_is_not_coverage() -> None:
    index = FakeIndex((EXCEL,))  # answers, but covers none of the asked skills
    assert unmet_needs([NEEDS[0]], offer_coverage(index))[0].uncovered == (WELD, PLC)


def test_nothing_in_reach_leaves_every_skill_unmet() -> None:
    assert unmet_needs([NEEDS[0]], offer_coverage(FakeIndex(())))[0].uncovered == (WELD, PLC)


# ---------------------------------------------------------------- CSV


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_need_with_joined_skills() -> None:
    rows = parse(needs_to_csv(NEEDS[:2]))
    assert [r["reference"] for r in rows] == ["N-AAAAA", "N-BBBBB"]
    assert rows[0]["skills"] == "weld metal; programmable logic controllers"
    assert rows[0]["skill_uris"] == f"{WELD.uri}; {PLC.uri}"
    assert rows[0]["people"] == "5" and rows[0]["created_at"] == "2024-05-06T09:00:00+00:00"


def test_csv_header_and_no_secrets() -> None:
    text = needs_to_csv(NEEDS)
    assert text.splitlines()[0].split(",") == list(EXPORT_COLUMNS)
    assert "secret" not in text.lower() and "scrypt" not in text


def test_csv_defuses_formulas_but_keeps_negative_numbers() -> None:
    risky = need("N-JJJJJ", company="=HYPERLINK(\"http://x\")", point=GeoPoint(40.4, -3.7))
    row = parse(needs_to_csv([risky]))[0]
    assert row["company"].startswith("'=") and row["lon"] == "-3.70000"


def test_csv_of_no_needs_is_just_the_header() -> None:
    assert needs_to_csv([]).strip() == ",".join(EXPORT_COLUMNS)
