"""What a demand report and its chart say they show: the period by name, the place, counts in
the singular, periods in time order (QA Matrix lows)."""

from __future__ import annotations

import pytest

from skills_catalog.charts import chart_title, group_values
from skills_catalog.models import GeoPoint
from skills_catalog.reports import Where, demand_report, render_report, report_title
from tests.test_skills_catalog.test_reports import NEEDS, T0, need


@pytest.mark.parametrize("period", ["month", "quarter", "week"])
def test_a_report_by_period_is_named_by_its_period(period: str) -> None:
    # every one had said "Demand by period"
    report = demand_report(NEEDS, group_by="period", period=period)
    assert render_report(report).startswith(f"Demand by {period}: 3 needs")
    assert chart_title(report).startswith(f"Demand by {period} (people)")
    assert render_report(report).split("\n\n")[1].split()[0] == period


def test_one_need_is_said_in_the_singular() -> None:
    # "1 needs, 3 people, 1 firms"
    report = demand_report([need("N-AAAAA", people=1)])
    assert render_report(report).startswith("Demand: 1 need, 1 person, 1 firm")


def test_title_says_the_place_and_the_dates() -> None:
    graz = Where("Graz", near=GeoPoint(47.07, 15.44))
    report = demand_report(NEEDS, group_by="period", since=T0, where=graz)
    # the chart's caption is this title: it had said "Demand by period", without the place
    assert report_title(report) == "Demand by month within 25 km of Graz, 2024-05-06 – now"


def test_periods_are_charted_in_time_order() -> None:
    # months had been sorted by how many people, so the chart read as no time line
    many_later = need("N-EEEEE", people=40, company="Late", days=60)
    report = demand_report([*NEEDS, many_later], group_by="period")
    assert [label for label, _ in group_values(report)] == ["2024-05", "2024-06", "2024-07"]


def test_other_groups_stay_largest_first() -> None:
    report = demand_report(NEEDS, group_by="ecosystem")
    values = [value for _, value in group_values(report)]
    assert values == sorted(values, reverse=True)
