"""Staff: the demand report (table + bar chart) and the needs no offer in reach covers."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, staff_common, texts
from actions.staff_common import command_text, listed, staff_only
from actions.staff_parsing import DEFAULT_REPORT_DAYS, parse_group, parse_km, parse_since
from skills_catalog.charts import demand_chart_png
from skills_catalog.reports import demand_report, offer_coverage, render_report, unmet_needs
from skills_catalog.staff_access import chart_message

logger = logging.getLogger(__name__)


class ActionStaffReport(Action):
    """ "demand report by ecosystem since 2026-09-01": a text table, then a bar chart PNG."""

    def name(self) -> str:
        return names.ACTION_STAFF_REPORT

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = command_text(tracker)
        since = parse_since(text, staff_common.today(), default_days=DEFAULT_REPORT_DAYS)
        group_by, period = parse_group(text)
        report = demand_report(services.needs().list(since), group_by=group_by, period=period, since=since)
        logger.info(
            "staff %s: demand report by %s, %d needs", tracker.sender_id, group_by, report.totals.needs
        )
        dispatcher.utter_message(text=render_report(report, fence=True))
        title = texts.STAFF_REPORT_TITLE.format(group=group_by)
        dispatcher.utter_message(json_message=chart_message(demand_chart_png(report), title, "demand.png"))
        return []


class ActionStaffUnmet(Action):
    """ "unmet needs within 30 km": open needs with skills no offer within reach teaches."""

    def name(self) -> str:
        return names.ACTION_STAFF_UNMET

    @staff_only
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        km = parse_km(command_text(tracker))
        coverage = offer_coverage(services.engine().index, km)
        unmet = unmet_needs(services.needs().list(status="open"), coverage)
        logger.info("staff %s: %d unmet needs within %g km", tracker.sender_id, len(unmet), km)
        if not unmet:
            dispatcher.utter_message(text=texts.STAFF_UNMET_NONE.format(km=km))
            return []
        lines = [
            texts.STAFF_UNMET_LINE.format(reference=u.need.reference, town=u.need.town, people=u.need.people,
                                          missing=", ".join(ref.label for ref in u.uncovered))
            for u in unmet
        ]  # fmt: skip
        dispatcher.utter_message(text=texts.STAFF_UNMET.format(count=len(unmet), km=km, lines=listed(lines)))
        return []
