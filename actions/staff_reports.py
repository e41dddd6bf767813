"""Staff: the demand report (table + bar chart) and the needs no offer in reach covers."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, services, staff_common, staff_texts, texts
from actions.cards import MODE_WORDS
from actions.staff_commands import demand_asked
from actions.staff_common import (
    DEFAULT_NEAR_KM,
    command_text,
    needs_word,
    page_of,
    paged_answer,
    staff_only,
    where_named,
)
from actions.staff_needs import when_words
from actions.staff_parsing import (
    DEFAULT_REPORT_DAYS,
    parse_distance,
    parse_group,
    parse_km,
    parse_period,
    parse_place,
)
from skills_catalog.charts import demand_chart_png
from skills_catalog.models import SkillRef
from skills_catalog.reports import (
    EVERYWHERE,
    DemandReport,
    UnmetNeed,
    Wanted,
    demand_report,
    number_of,
    offer_coverage,
    render_report,
    report_title,
    unmet_needs,
)
from skills_catalog.staff_access import chart_message

logger = logging.getLogger(__name__)
#: how groups are named in tables and charts (the store keeps keys)
GROUP_LABELS = {
    **texts.ECOSYSTEM_TITLES, names.KIND_NEW_HIRES: "new hires", names.KIND_UPSKILLING: "upskilling",
}  # fmt: skip
UNMET_COMMAND = "unmet needs"  # what to say for the next page after a bare /staff_unmet_needs


class ActionStaffReport(Action):
    """ "demand report by ecosystem in Austria since 1 July": a text table, then a bar chart PNG.

    Why the notes first: a period, place or grouping that was not understood had been left out
    in silence, and the numbers read as the answer to the question asked (QA8 M1).
    """

    def name(self) -> str:
        return names.ACTION_STAFF_REPORT

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = command_text(tracker)
        about, rest = _demand_about(text)
        period = parse_period(rest, staff_common.today(), DEFAULT_REPORT_DAYS)
        grouping = parse_group(text)
        where, place_note = where_named(parse_place(rest))
        notes = [place_note] if place_note else []
        if period.unread:
            notes.append(staff_texts.STAFF_TIME_UNREAD.format(when=when_words(period)))
        if grouping.asked:
            notes.append(staff_texts.STAFF_GROUP_UNKNOWN.format(asked=grouping.asked[:40]))
        if grouping.said == "region":
            notes.append(staff_texts.STAFF_GROUP_REGION)
        needs = services.needs().list(period.since, until=period.until)
        report = demand_report(needs, group_by=grouping.group_by, period=grouping.period, since=period.since,
                               until=period.until, where=where, about=about, now=datetime.now(timezone.utc))  # fmt: skip
        logger.info(
            "staff %s: demand report by %s, %d needs", tracker.sender_id, grouping.group_by, report.totals.needs
        )
        for note in notes:
            dispatcher.utter_message(text=note)
        if about is not None:
            dispatcher.utter_message(text=_demand_for(about, report, when_words(period)))
        dispatcher.utter_message(text=render_report(report, fence=True, group_labels=GROUP_LABELS))
        if report.totals.needs:
            png = demand_chart_png(report, group_labels=GROUP_LABELS)
            dispatcher.utter_message(json_message=chart_message(png, report_title(report), "demand.png"))
        return []


def _demand_about(text: str) -> tuple[Wanted | None, str]:
    """The skill or role a demand question is about ("how many welders do firms need?"), and
    the rest of it, to read its place and dates from; a place it names is no skill ("demand
    for Bilbao")."""
    what, rest = demand_asked(text)
    if not what or where_named(what)[0] != EVERYWHERE:  # a town misspelt is a place too ("demand for Bilbo")
        return None, text
    return Wanted(what), rest


def _demand_for(about: Wanted, report: DemandReport, when: str) -> str:
    """The answer to a demand question first, in one line: how many needs, people and firms."""
    where = report.where.words()
    totals = report.totals
    if not totals.needs:
        return staff_texts.STAFF_DEMAND_FOR_NONE.format(what=about.words, where=where, when=when)
    return staff_texts.STAFF_DEMAND_FOR.format(
        what=about.words, where=where, when=when, needs=number_of(totals.needs, "need"),
        people=number_of(totals.people, "person", "people"), firms=number_of(totals.firms, "firm"),
    )  # fmt: skip


def _missing(unmet: UnmetNeed) -> str:
    if unmet.role_taught is None:
        return ", ".join(ref.label for ref in unmet.uncovered)
    role = unmet.uncovered[0]
    if not role.uri:  # kept as the firm typed it: not in the taxonomy
        return firm_texts.STAFF_ROLE_TYPED.format(role=role.label)
    taught, of = unmet.role_taught
    return staff_texts.STAFF_UNMET_ROLE.format(role=unmet.uncovered[0].label, taught=taught, of=of)


def _essentials(uri: str) -> tuple[SkillRef, ...]:
    engine = services.engine()
    return engine.skill_refs(engine.essential_skills(uri))


class ActionStaffUnmet(Action):
    """ "unmet needs within 30 km in Kapfenberg": open needs with skills (or a role) no offer
    within reach teaches, in a way of learning the need accepts; newest first, a page at a time."""

    def name(self) -> str:
        return names.ACTION_STAFF_UNMET

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = command_text(tracker)
        reach = parse_distance(text)
        # "in Graz within 20 km": the firms within that distance too (it had said 25 km)
        where, note = where_named(parse_place(text), parse_km(text, 0.0) or DEFAULT_NEAR_KM)
        if note:
            dispatcher.utter_message(text=note)
        coverage = offer_coverage(services.engine().index, reach.km)
        unmet = unmet_needs(services.needs().list(status="open"), coverage, essentials=_essentials, where=where)
        logger.info("staff %s: %d unmet needs within %g km", tracker.sender_id, len(unmet), reach.km)
        if not unmet:
            dispatcher.utter_message(text=staff_texts.UNMET_NONE.format(within=reach.words, where=where.words()))
            return []
        lines = [
            staff_texts.STAFF_UNMET_LINE.format(reference=u.need.reference, town=u.need.town, people=u.need.people,
                                          mode=f", {MODE_WORDS[u.need.mode]}" if u.need.mode else "",
                                          missing=_missing(u))
            for u in reversed(unmet)
        ]  # fmt: skip
        page = page_of(lines, text or UNMET_COMMAND)
        answer = paged_answer(page, staff_texts.UNMET, count=len(unmet), needs=needs_word(len(unmet)),
                              within=reach.words, where=where.words())  # fmt: skip
        dispatcher.utter_message(text=answer + "\n" + staff_texts.STAFF_UNMET_NOTE)
        return []
