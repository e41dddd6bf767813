"""A bar chart of a demand report, as PNG bytes to post in Slack or Matrix.

Drawn with matplotlib's Agg canvas on a bare ``Figure`` (no pyplot, so no global state shared
between threads), with the DejaVu font matplotlib ships (nothing downloaded) and no timestamp
or version in the PNG metadata: the same report gives the same bytes, which keeps tests exact.
matplotlib is imported on first use, as it is slow to import and only staff reports need it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skills_catalog.reports import DemandReport, report_scope

if TYPE_CHECKING:
    from matplotlib.figure import Figure

METRICS = frozenset({"people", "needs", "firms"})
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
}


@dataclass(frozen=True)
class ChartStyle:
    """Looks that a cluster may want to change; the defaults suit a chat message."""

    bar_color: str = "#1f5fa8"
    width_in: float = 8.0
    inches_per_bar: float = 0.4
    dpi: int = 100
    max_label: int = 45


def chart_values(
    report: DemandReport, kind: str | None = None, metric: str = "people", group: str | None = None, top: int = 10
) -> tuple[tuple[str, int], ...]:
    """(label, value) pairs the chart draws, largest first: rows of ``kind`` summed over groups.

    ``kind`` None takes skills and roles together, a role's label marked "(role)": why, a need
    naming only a role ("building electrician", the most people) never showed on the chart.
    ``group`` keeps one group of a grouped report (e.g. one ecosystem) instead of summing.
    """
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {sorted(METRICS)}")
    totals: dict[tuple[str, str], tuple[str, int]] = {}
    for row in report.rows:
        if (kind is not None and row.kind != kind) or (group is not None and row.group != group):
            continue
        key = (row.kind, row.uri or row.label.lower())
        shown = f"{row.label} (role)" if kind is None and row.kind == "occupation" else row.label
        label, value = totals.get(key, (shown, 0))
        totals[key] = (label, value + int(getattr(row, metric)))
    ranked = sorted(totals.values(), key=lambda pair: (-pair[1], pair[0].lower()))
    return tuple(ranked[:top])


def group_values(
    report: DemandReport, metric: str = "people", labels: Mapping[str, str] | None = None
) -> tuple[tuple[str, int], ...]:
    """(group, value) per group of a grouped report, each need counted once: largest first, but
    months, quarters and weeks in their order in time (they had been sorted by size)."""
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {sorted(METRICS)}")
    pairs = [((labels or {}).get(group, group), int(getattr(totals, metric))) for group, totals in report.groups]
    if report.group_by == "period":
        return tuple(pairs)  # report.groups are sorted by key: "2026-05" < "2026-06"
    return tuple(sorted(pairs, key=lambda pair: (-pair[1], pair[0].lower())))


def demand_figure(
    values: Sequence[tuple[str, int]], title: str, style: ChartStyle = ChartStyle()
) -> Figure:
    """A horizontal bar per value, largest on top, its number written after the bar."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(_STYLE):
        height = 1.4 + style.inches_per_bar * max(len(values), 1)
        figure = Figure(figsize=(style.width_in, height), dpi=style.dpi)
        axes = figure.add_subplot()
        axes.set_title(title, loc="left")
        if not values:
            axes.text(0.5, 0.5, "No needs in this period", ha="center", va="center", transform=axes.transAxes)
            axes.set_axis_off()
            return figure
        labels = [_cut(label, style.max_label) for label, _ in values]
        numbers = [value for _, value in values]
        bars = axes.barh(range(len(values)), numbers, color=style.bar_color, height=0.6)
        axes.set_yticks(range(len(values)), labels)
        axes.invert_yaxis()
        axes.bar_label(bars, padding=3, color="black")
        axes.set_xlim(0, max(numbers) * 1.12)
        axes.xaxis.set_visible(False)
        figure.tight_layout()
    return figure


def figure_png(figure: Figure, dpi: int | None = None) -> bytes:
    """PNG bytes through the Agg canvas, without metadata that would change between runs."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    with rc_context(_STYLE):
        figure.savefig(buffer, format="png", dpi=dpi or figure.dpi, metadata={"Software": None})
    return buffer.getvalue()


def demand_chart_png(
    report: DemandReport, metric: str = "people", top: int = 10, style: ChartStyle = ChartStyle(),
    group_labels: Mapping[str, str] | None = None,
) -> bytes:
    """The chart staff see under a demand table, as PNG bytes: for a grouped report a bar per
    group, else the top skills and roles; the title says whose needs and which dates.

    Why: every chart was the same skills-only image whatever the grouping, and a downloaded
    PNG did not say which period it showed.
    """
    grouped = report.group_by != "all"
    values = group_values(report, metric, group_labels) if grouped else chart_values(report, metric=metric, top=top)
    return figure_png(demand_figure(values, chart_title(report, metric), style), dpi=style.dpi)


def chart_title(report: DemandReport, metric: str = "people") -> str:
    """What the chart shows, then whose needs and which dates on a second line."""
    if report.group_by != "all":
        title = f"Demand by {report.grouping()} ({metric})"
    else:
        title = f"Skills and roles most in demand ({metric})"
    scope = report_scope(report).lstrip(", ")
    return f"{title}\n{scope}" if scope else title


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
