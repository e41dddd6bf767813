"""What cluster staff read about firms' needs: demand tables, needs nobody can train for, CSV.

Reports are pure functions of a list of :class:`~skills_catalog.needs.FirmNeed` (from
``store.list(...)``), so the same code serves the chat command, the CLI and tests, and never
touches a database itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from skills_catalog.models import GeoPoint, Recommendations, SkillRef, Taxonomy, modes_suiting
from skills_catalog.needs import NOT_SAID, FirmNeed
from skills_catalog.places import distance_km
from skills_catalog.text import normalise, stems

#: "country", "town", "size" and "kind" are what the store keeps of every firm; "region" is the
#: store's ``region`` field, which the chat fills with the country (a firm's region is not asked).
GROUPINGS = frozenset({"all", "ecosystem", "country", "region", "town", "size", "kind", "period"})
PERIODS = frozenset({"month", "quarter", "week"})
# Withdrawn needs were never real demand; fulfilled ones were, in the period they were posted.
DEMAND_STATUSES = frozenset({"open", "fulfilled"})
Labels = Taxonomy | Mapping[str, str] | None


@dataclass(frozen=True)
class Where:
    """Whose needs an answer covers: every firm's, a country's, or those near a town.

    Why: "demand in Austria", "needs in Styria", "unmet needs in Kapfenberg" had answered for
    every firm in silence. A need without coordinates is near a town of the same name.
    """

    name: str = ""  # as said back: "Austria", "Bilbao"; empty: everywhere
    country: str = ""  # ISO 3166-1 alpha-2, for a country
    near: GeoPoint | None = None  # for a town
    km: float = 25.0

    def keeps(self, need: FirmNeed) -> bool:
        """True when ``need`` is one this answer covers."""
        if self.country:
            return need.country == self.country
        if self.near is None:
            return True
        if need.point is None:
            return normalise(need.town) == normalise(self.name)
        return distance_km(self.near, need.point) <= self.km

    def words(self) -> str:
        """" in Austria", " within 25 km of Bilbao", or "" for everywhere."""
        if self.near is not None:
            return f" within {self.km:g} km of {self.name}"
        return f" in {self.name}" if self.name else ""


EVERYWHERE = Where()


@dataclass(frozen=True)
class Wanted:
    """The skill or role a demand question is about: "welders", "PLC programmers", "welding".

    A need wants it when one of its skills or its role holds every word of it, in any
    inflection, a worker's name for the skill ("welders", "programmers") meeting the skill's
    ("welding", "PLC programming"). Why: "how many welders do firms need?" had been answered
    "Which need?", and "demand for welders" with every firm's demand (QA13).
    """

    words: str

    def keeps(self, need: FirmNeed) -> bool:
        """True when ``need`` names a skill or role holding every word of :attr:`words`."""
        wanted = [_doer_stems(word) for word in stems(self.words)]
        refs = [*need.skills, *([need.occupation] if need.occupation else [])]
        return bool(wanted) and any(
            all(forms & label for forms in wanted) for label in (_label_forms(ref.label) for ref in refs)
        )


def _doer_stems(word: str) -> frozenset[str]:
    """A stem and, for one who does it ("welder", "programmer"), the stem of what is done."""
    if len(word) > 5 and word.endswith("er"):
        base = word[:-2]
        return frozenset({word, base, base[:-1] if base[-1] == base[-2] else base})
    return frozenset({word})


def _label_forms(label: str) -> frozenset[str]:
    """Every form :func:`_doer_stems` gives the words of a skill's or role's label."""
    return frozenset().union(*(_doer_stems(word) for word in stems(label)))


def needs_in(needs: Iterable[FirmNeed], where: Where) -> list[FirmNeed]:
    """The needs ``where`` covers, in their order (the store's ``list`` takes the dates)."""
    return [need for need in needs if where.keeps(need)]


@dataclass(frozen=True)
class DemandRow:
    """One skill or occupation in one group: how many needs named it, for how many people."""

    group: str  # the ecosystem, country, town, size, kind or period ("2024-05", "2024-Q2", "2024-W19"); "all"
    kind: str  # "skill" or "occupation"
    uri: str  # ESCO URI; empty when the firm's words were never mapped
    label: str
    needs: int
    people: int
    firms: int  # distinct companies
    ecosystems: tuple[str, ...]
    regions: tuple[str, ...]


@dataclass(frozen=True)
class DemandTotals:
    """The needs counted in a report (after the date and status filters)."""

    needs: int
    people: int
    firms: int


@dataclass(frozen=True)
class DemandReport:
    """Rows ordered by group, skills before occupations, most people first; ``groups`` the
    totals of each group (a need counts once there, though once per skill and role in rows)."""

    rows: tuple[DemandRow, ...]
    totals: DemandTotals
    group_by: str = "all"
    since: datetime | None = None
    until: datetime | None = None
    groups: tuple[tuple[str, DemandTotals], ...] = ()
    where: Where = EVERYWHERE
    period: str = "month"  # what a "period" group is: a month, quarter or week

    def grouping(self) -> str:
        """What the report groups by, in words: "month" for months (not "period"), "country"."""
        return self.period if self.group_by == "period" else self.group_by


def demand_report(
    needs: Iterable[FirmNeed], labels: Labels = None, group_by: str = "all", *, period: str = "month",
    since: datetime | None = None, until: datetime | None = None, top: int | None = 10,
    statuses: frozenset[str] = DEMAND_STATUSES, where: Where = EVERYWHERE, about: Wanted | None = None,
    now: datetime | None = None,
) -> DemandReport:
    """Top skills and occupations per group among needs created in ``[since, until)``.

    Args:
        labels: a Taxonomy or URI -> label map, so rows show today's preferred labels; else
            the label stored with the first need naming it.
        group_by: one of :data:`GROUPINGS` ("period" by ``period`` = month, quarter, week).
        top: how many skills and how many occupations to keep per group (None: all).
        where: whose needs count (a country's, those near a town; every firm's by default).
        about: only the needs wanting this skill or role ("demand for welders"), when given.
        now: where a report by period without ``until`` ends; every period from the first to
            the last shows, a period without needs as 0 (QA13: empty weeks were left out).
    """
    if group_by not in GROUPINGS or period not in PERIODS:
        raise ValueError(f"group_by must be one of {sorted(GROUPINGS)}, period one of {sorted(PERIODS)}")
    counted = [
        need for need in needs
        if need.status in statuses and (since is None or need.created_at >= since)
        and (until is None or need.created_at < until) and where.keeps(need) and (about is None or about.keeps(need))
    ]
    tallies: dict[tuple[str, str, str], _Tally] = {}
    for need in counted:
        group = _group(need, group_by, period)
        refs = [("skill", ref) for ref in need.skills] + ([("occupation", need.occupation)] if need.occupation else [])
        for kind, ref in refs:
            key = (group, kind, ref.uri or "label:" + ref.label.lower())
            tallies.setdefault(key, _Tally(ref)).add(need)
    rows = _top_rows(tallies, labels, top)
    by_group: dict[str, list[FirmNeed]] = {}
    for need in counted:
        by_group.setdefault(_group(need, group_by, period), []).append(need)
    if group_by == "period" and counted:
        first = since or min(need.created_at for need in counted)
        last = (
            until - timedelta(microseconds=1)
            if until
            else max([now or first, *(n.created_at for n in counted)])
        )
        by_group = {key: by_group.get(key, []) for key in _periods(first, last, period)} | by_group
    groups = tuple((group, _totals(members)) for group, members in sorted(by_group.items()))
    return DemandReport(
        rows=rows, totals=_totals(counted), group_by=group_by, since=since, until=until, groups=groups, where=where,
        period=period,
    )  # fmt: skip


def _totals(needs: Sequence[FirmNeed]) -> DemandTotals:
    return DemandTotals(len(needs), sum(n.people for n in needs), len({n.company.lower() for n in needs}))


class _Tally:
    """Running counts for one (group, kind, concept)."""

    def __init__(self, ref: SkillRef) -> None:
        self.ref = ref
        self.needs = 0
        self.people = 0
        self.firms: set[str] = set()
        self.ecosystems: set[str] = set()
        self.regions: set[str] = set()

    def add(self, need: FirmNeed) -> None:
        self.needs += 1
        self.people += need.people
        self.firms.add(need.company.lower())
        self.ecosystems.add(need.ecosystem or NOT_SAID)
        self.regions.add(need.region)


def _group(need: FirmNeed, group_by: str, period: str) -> str:
    if group_by == "all":
        return "all"
    if group_by == "ecosystem":
        return need.ecosystem or NOT_SAID
    if group_by != "period":
        return str(getattr(need, group_by))
    return _period_key(need.created_at, period)


def _period_key(created: datetime, period: str) -> str:
    """ "2024-05", "2024-Q2" or "2024-W19": the month, quarter or ISO week of ``created``."""
    if period == "week":
        year, week, _ = created.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "quarter":
        return f"{created.year}-Q{(created.month - 1) // 3 + 1}"
    return f"{created.year}-{created.month:02d}"


def _periods(first: datetime, last: datetime, period: str) -> list[str]:
    """The keys of every month, quarter or week from ``first`` to ``last``, in order."""
    days = (first + timedelta(days=n) for n in range((last.date() - first.date()).days + 1))
    return list(dict.fromkeys(_period_key(day, period) for day in days))


def _label(labels: Labels, kind: str, ref: SkillRef) -> str:
    if isinstance(labels, Taxonomy):
        concept = (labels.skills if kind == "skill" else labels.occupations).get(ref.uri)
        return concept.label if concept else ref.label
    if labels is not None:
        return labels.get(ref.uri, ref.label)
    return ref.label


def _top_rows(tallies: Mapping[tuple[str, str, str], _Tally], labels: Labels, top: int | None) -> tuple[DemandRow, ...]:
    rows = [
        DemandRow(
            group=group, kind=kind, uri=tally.ref.uri, label=_label(labels, kind, tally.ref),
            needs=tally.needs, people=tally.people, firms=len(tally.firms),
            ecosystems=tuple(sorted(tally.ecosystems)), regions=tuple(sorted(tally.regions)),
        )
        for (group, kind, _), tally in tallies.items()
    ]
    rows.sort(key=lambda r: (r.group, r.kind != "skill", -r.people, -r.needs, r.label.lower()))
    kept: list[DemandRow] = []
    for row in rows:
        rank = sum(1 for k in kept if (k.group, k.kind) == (row.group, row.kind))
        if top is None or rank < top:
            kept.append(row)
    return tuple(kept)


def render_report(
    report: DemandReport, fence: bool = False, max_label: int = 60, group_labels: Mapping[str, str] | None = None
) -> str:
    """A plain monospace table for Slack or Matrix (``fence`` wraps it in a ``` code block).

    A grouped report opens with each group's totals; ``group_labels`` names the groups
    ("Mobility, transport & automotive" for ``mobility_transport_automotive``). Why: the table
    had a "group" column reading "all" on every row, raw ecosystem ids, cut role names, and no
    subtotal per group; by kind, the groups' column says which kind (new hires or upskilling),
    as the rows' "kind" (skill or role) had the same heading (QA13).
    """
    totals = report.totals
    counts = (number_of(totals.needs, "need"), number_of(totals.people, "person", "people"),
              number_of(totals.firms, "firm"))  # fmt: skip
    title = f"{report_title(report)}: {', '.join(counts)}"
    if not report.rows:
        text = f"{title}\nNo needs in this period."
    else:
        name = (group_labels or {}).get
        grouped = report.group_by != "all"
        blocks = [title]
        if grouped:
            column = _GROUP_HEADERS.get(report.grouping(), report.grouping())
            blocks.append(_table((column, "needs", "people", "firms"),
                                 [(name(g, g), str(t.needs), str(t.people), str(t.firms)) for g, t in report.groups]))  # fmt: skip
        header = ((column,) if grouped else ()) + ("kind", "skill / role", "needs", "people", "firms")
        blocks.append(_table(header, [
            ((name(r.group, r.group),) if grouped else ()) + (_KIND_WORDS[r.kind], _cut(r.label, max_label),
                                                              str(r.needs), str(r.people), str(r.firms))
            for r in report.rows
        ]))  # fmt: skip
        blocks.append("A need counts once in each row of a skill or role it names.")
        text = "\n\n".join(blocks)
    return f"```\n{text}\n```" if fence else text


_KIND_WORDS = {"skill": "skill", "occupation": "role"}
#: a grouping's column heading where its name is another column's: by "kind" of need
_GROUP_HEADERS = {"kind": "hires or upskilling"}


def _table(header: tuple[str, ...], body: Sequence[tuple[str, ...]]) -> str:
    """Columns padded for monospace; the last three (numbers) right-aligned."""
    cells = [header, *body]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numbers = len(header) - 3
    return "\n".join(
        "  ".join(c.rjust(w) if i >= numbers else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()
        for row in cells
    )


def number_of(count: int, one: str, many: str = "") -> str:
    """ "1 need", "3 needs", "1 person", "0 people" (the title had said "1 needs … 1 firms")."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def report_title(report: DemandReport) -> str:
    """What a report shows and of whom: "Demand by month within 25 km of Graz, 2026-09-08 – now".
    The table's first line and the chart's caption both say it (the caption had said "Demand by
    period", whatever the period, and nothing of the place)."""
    by = f" by {report.grouping()}" if report.group_by != "all" else ""
    return f"Demand{by}{report_scope(report)}"


def report_scope(report: DemandReport) -> str:
    """Whose needs and which dates a report covers: " in Austria, 2026-09-08 – now"."""
    return report.where.words() + _span(report.since, report.until)


def _span(since: datetime | None, until: datetime | None) -> str:
    if since is None and until is None:
        return ""
    start = since.date().isoformat() if since else "…"
    end = (until - timedelta(microseconds=1)).date().isoformat() if until else "now"  # until is exclusive
    return f", {start} – {end}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- unmet needs

#: (need, the skills it wants) -> those of them an offer in reach teaches
Coverage = Callable[[FirmNeed, Sequence[SkillRef]], Iterable[SkillRef]]
#: an occupation URI -> its essential skills (``Engine.essential_skills`` as SkillRefs)
Essentials = Callable[[str], Sequence[SkillRef]]


@dataclass(frozen=True)
class UnmetNeed:
    """An open need with the skills that no offer in reach teaches.

    For a need that names only a role, ``uncovered`` is the role and ``role_taught`` says how
    many of its essential skills offers in reach teach, of how many.
    """

    need: FirmNeed
    uncovered: tuple[SkillRef, ...]
    role_taught: tuple[int, int] | None = None


class NeedMatcher(Protocol):
    """The part of ``matching.OfferIndex`` that the unmet-needs report relies on."""

    def for_need(
        self, skill_uris: Sequence[str], people: int, location: GeoPoint | None,
        max_distance_km: float | None = None, modes: Iterable[str] = (), *, top: int = 5,
    ) -> Recommendations: ...


def offer_coverage(index: NeedMatcher, max_distance_km: float | None = None, per_skill: int = 3) -> Coverage:
    """A coverage function: the skills of a need that an offer within ``max_distance_km`` teaches
    in a way of learning that suits the need (an "in person" need is not covered online).

    Asks once per skill (the best ``per_skill`` offers), so a rare skill is not hidden behind
    offers that rank higher for the need's other skills. A skill counts as covered whatever the
    offer's seats: the report is about gaps in the catalogue, not about capacity; and by an
    offer teaching a kind of it (``wants.Kinds``), as the firm's own answer is: a need for
    welding with a TIG course in reach is met.
    """

    def covered(need: FirmNeed, wanted: Sequence[SkillRef]) -> tuple[SkillRef, ...]:
        modes = modes_suiting(need.mode) if need.mode else frozenset()
        found = []
        for ref in wanted:
            if not ref.uri:
                continue  # never mapped to ESCO: no offer can be matched to it
            answer = index.for_need(
                (ref.uri,), need.people, need.point, max_distance_km, modes, top=per_skill
            )
            if any(c.uri == ref.uri for rec in answer.recommendations for c in rec.covers):
                found.append(ref)
        return tuple(found)

    return covered


def unmet_needs(
    needs: Iterable[FirmNeed], coverage: Coverage, statuses: frozenset[str] = frozenset({"open"}),
    essentials: Essentials | None = None, role_share: float = 0.5, where: Where = EVERYWHERE,
) -> list[UnmetNeed]:
    """Needs (open ones, by default) with at least one skill ``coverage`` does not return.

    A need that names only a role counts by the role's ``essentials``: it is unmet when offers in
    reach teach less than ``role_share`` of them (0.5: half; any one course teaches a few of a
    role's skills), or the role has none known. Why: a role-only need ("5 building
    electricians") was skipped, so it could never be unmet. Skills are compared by URI, or by
    label when a skill was never mapped to ESCO.
    """
    unmet: list[UnmetNeed] = []
    for need in needs:
        if need.status not in statuses or not where.keeps(need):
            continue
        if need.skills:
            covered = {_key(ref) for ref in coverage(need, need.skills)}
            missing = tuple(ref for ref in need.skills if _key(ref) not in covered)
            if missing:
                unmet.append(UnmetNeed(need, missing))
        elif need.occupation is not None:
            role = tuple(essentials(need.occupation.uri)) if essentials and need.occupation.uri else ()
            taught = len({_key(ref) for ref in coverage(need, role)}) if role else 0
            if not role or taught < role_share * len(role):
                unmet.append(UnmetNeed(need, (need.occupation,), (taught, len(role))))
    return unmet


def _key(ref: SkillRef) -> str:
    return ref.uri or "label:" + ref.label.strip().lower()


# ---------------------------------------------------------------- CSV

EXPORT_COLUMNS = (
    "reference", "status", "created_at", "updated_at", "company", "size", "ecosystem", "town",
    "country", "region", "lat", "lon", "occupation_uri", "occupation_label", "skills", "skill_uris",
    "people", "kind", "by_when", "mode", "contact_name", "contact_email", "consent_at", "consent_purpose",
    "withdrawn_by",
)
#: the columns that name and reach a person: only where staff alone read the file (QA13: "export
#: needs" in a shared channel posted every firm's contact)
CONTACT_COLUMNS = frozenset({"contact_name", "contact_email"})
SHARED_EXPORT_COLUMNS = tuple(column for column in EXPORT_COLUMNS if column not in CONTACT_COLUMNS)


def need_row(need: FirmNeed) -> dict[str, str]:
    """One flat row per need for exports; skills are ``;``-joined. Never holds the secret hash."""
    occupation = need.occupation or SkillRef("", "")
    return {
        "reference": need.reference, "status": need.status,
        "created_at": need.created_at.isoformat(), "updated_at": need.updated_at.isoformat(),
        "company": need.company, "size": need.size, "ecosystem": need.ecosystem or NOT_SAID,
        "town": need.town, "country": need.country, "region": need.region,
        "lat": f"{need.point.lat:.5f}" if need.point else "", "lon": f"{need.point.lon:.5f}" if need.point else "",
        "occupation_uri": occupation.uri, "occupation_label": occupation.label,
        "skills": "; ".join(s.label for s in need.skills), "skill_uris": "; ".join(s.uri for s in need.skills),
        "people": str(need.people), "kind": need.kind,
        "by_when": need.by_when.isoformat() if need.by_when else "", "mode": need.mode,
        "contact_name": need.contact_name, "contact_email": need.contact_email,
        "consent_at": need.consent_at.isoformat(), "consent_purpose": need.consent_purpose,
        "withdrawn_by": need.withdrawn_by,
    }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def needs_to_csv(needs: Iterable[FirmNeed], columns: Sequence[str] = EXPORT_COLUMNS) -> str:
    """CSV with a header and ONE ROW PER NEED; its skills are ``"; "``-joined in ``skills`` and
    ``skill_uris`` (same order). Never contains secrets or their hashes.

    Text a firm typed that a spreadsheet would run as a formula (``=...``) gets a leading ``'``.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for need in needs:
        writer.writerow({name: _cell(value) for name, value in need_row(need).items()})
    return out.getvalue()


def _cell(value: str) -> str:
    if not value.startswith(FORMULA_STARTS):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value  # a negative number, e.g. a longitude west of Greenwich
