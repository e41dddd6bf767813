"""The demand bar chart: right numbers, a valid PNG whose bars measure as the data says, same bytes."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime, timezone

import numpy as np
import pytest
from matplotlib import image as mpimg

from skills_catalog.charts import (
    ChartStyle,
    chart_title,
    chart_values,
    demand_chart_png,
    demand_figure,
    figure_png,
    group_values,
)
from skills_catalog.reports import DemandReport, DemandRow, DemandTotals, Where

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
STYLE = ChartStyle()


def row(group: str, label: str, people: int, needs: int = 1, kind: str = "skill") -> DemandRow:
    return DemandRow(group, kind, f"u:{label}", label, needs, people, needs, (group,), ("AT",))


REPORT = DemandReport(
    rows=(
        row("digital", "use spreadsheets software", 4, needs=2),
        row("digital", "weld metal", 3),
        row("energy_intensive", "weld metal", 9, needs=3),
        row("energy_intensive", "programmable logic controllers", 2),
        row("energy_intensive", "welder", 6, kind="occupation"),
    ),
    totals=DemandTotals(needs=7, people=24, firms=5),
    group_by="ecosystem",
    groups=(("digital", DemandTotals(3, 7, 2)), ("energy_intensive", DemandTotals(4, 17, 3))),
)
UNGROUPED = DemandReport(rows=tuple(replace(r, group="all") for r in REPORT.rows), totals=REPORT.totals)


def rgb(png: bytes) -> np.ndarray:
    """The decoded image as 0..255 RGB."""
    pixels = mpimg.imread(io.BytesIO(png), format="png")
    return np.rint(pixels[:, :, :3] * 255).astype(int)


def bar_lengths(png: bytes, color: str = STYLE.bar_color) -> list[int]:
    """Bars from top to bottom, each measured in pixels of exactly the bar colour along its middle row."""
    wanted = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])
    mask = np.all(rgb(png) == wanted, axis=2)
    rows = np.flatnonzero(mask.any(axis=1))
    if not len(rows):
        return []
    bands = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1)
    return [int(mask[band[len(band) // 2]].sum()) for band in bands]


# ---------------------------------------------------------------- values


def test_values_sum_groups_and_rank_largest_first() -> None:
    assert chart_values(REPORT, kind="skill") == (("weld metal", 12), ("use spreadsheets software", 4),
                                                  ("programmable logic controllers", 2))


def test_values_take_roles_too() -> None:
    # QA8 M2: a need naming only a role never showed on the chart
    assert chart_values(REPORT)[:2] == (("weld metal", 12), ("welder (role)", 6))


def test_group_values_count_each_need_once_per_group() -> None:
    assert group_values(REPORT, labels={"digital": "Digital"}) == (("energy_intensive", 17), ("Digital", 7))


def test_grouped_and_ungrouped_charts_differ() -> None:
    # QA8 M2: every grouping uploaded the same skills chart
    assert demand_chart_png(REPORT) != demand_chart_png(UNGROUPED)
    assert bar_lengths(demand_chart_png(REPORT))[0] > bar_lengths(demand_chart_png(REPORT))[1]  # 17 over 7


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"metric": "needs", "kind": "skill"}, (("weld metal", 4), ("use spreadsheets software", 2), ("programmable logic controllers", 1))),
        ({"group": "digital"}, (("use spreadsheets software", 4), ("weld metal", 3))),
        ({"kind": "occupation"}, (("welder", 6),)),
        ({"top": 1}, (("weld metal", 12),)),
    ],
    ids=["by-needs", "one-group", "occupations", "top-1"],
)
def test_values_options(kwargs: dict, expected: tuple) -> None:
    assert chart_values(REPORT, **kwargs) == expected


def test_unknown_metric_is_refused() -> None:
    with pytest.raises(ValueError, match="metric"):
        chart_values(REPORT, metric="euros")


# ---------------------------------------------------------------- figure and PNG


def test_figure_bars_have_the_data_lengths_largest_on_top() -> None:
    values = chart_values(REPORT, kind="skill")
    axes = demand_figure(values, "t").axes[0]
    bars = sorted(axes.patches, key=lambda bar: bar.get_y())
    assert [bar.get_width() for bar in bars] == [12, 4, 2]
    assert axes.yaxis_inverted()
    assert [t.get_text() for t in axes.get_yticklabels()] == [label for label, _ in values]


def test_png_is_valid_and_sized_by_style() -> None:
    png = demand_chart_png(REPORT)
    assert png.startswith(PNG_SIGNATURE)
    height, width, _ = rgb(png).shape
    assert width == int(STYLE.width_in * STYLE.dpi)
    assert height == int((1.4 + 2 * STYLE.inches_per_bar) * STYLE.dpi)  # a bar per group


def test_png_bars_measure_in_proportion_to_the_data() -> None:
    values = (("a", 10), ("b", 5), ("c", 2))
    lengths = bar_lengths(figure_png(demand_figure(values, "t")))
    assert len(lengths) == 3
    for (_, value), length in zip(values, lengths, strict=True):
        assert length == pytest.approx(lengths[0] * value / 10, abs=2)


def test_same_report_gives_the_same_bytes() -> None:
    assert demand_chart_png(REPORT) == demand_chart_png(REPORT)


def test_png_carries_no_version_metadata() -> None:
    assert b"matplotlib" not in demand_chart_png(REPORT).lower()


def test_empty_report_still_draws_a_png() -> None:
    empty = DemandReport(rows=(), totals=DemandTotals(0, 0, 0))
    png = demand_chart_png(empty)
    assert png.startswith(PNG_SIGNATURE) and bar_lengths(png) == []


def test_long_labels_are_cut() -> None:
    long = DemandReport(rows=(row("all", "x" * 80, 3),), totals=DemandTotals(1, 3, 1))
    axes = demand_figure(chart_values(long), "t").axes[0]
    assert axes.get_yticklabels()[0].get_text() == "x" * 44 + "…"


def test_title_says_whose_needs_and_which_dates() -> None:
    # QA8 M2: a downloaded PNG did not say which period it showed
    since = datetime(2026, 9, 8, tzinfo=timezone.utc)
    report = replace(UNGROUPED, since=since, where=Where("Austria", country="AT"))
    assert chart_title(report) == "Skills and roles most in demand (people)\nin Austria, 2026-09-08 – now"
