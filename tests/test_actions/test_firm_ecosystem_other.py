"""QA13c: a firm not sure of its ecosystem has a way out: "Not sure / other" saves the need with
none ("" in the store), shown "not said" in its summary, staff's reports and the CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.firm_need_text import need_alert, need_line
from actions.firm_questions import AskEcosystem, summary
from actions.firm_submit import draft_from_slots
from skills_catalog.needs import NOT_SAID
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.reports import demand_report, needs_to_csv, render_report
from tests.test_actions.conftest import texts_of, tracker
from tests.test_actions.test_firm_form import validate
from tests.test_actions.test_firm_submit import FILLED

NOT_SURE = {**FILLED, names.ECOSYSTEM: ""}


async def test_the_whole_list_ends_with_a_way_out() -> None:
    dispatcher = CollectingDispatcher()
    await AskEcosystem().run(dispatcher, tracker({}), {})
    buttons = dispatcher.messages[-1]["buttons"]
    assert len(buttons) == len(texts.ECOSYSTEM_TITLES) + 1
    assert buttons[-1]["title"] == firm_texts.ECOSYSTEM_SKIP and f'"{names.ANY}"' in buttons[-1]["payload"]


async def test_the_way_out_saves_no_ecosystem() -> None:
    dispatcher = CollectingDispatcher()
    slots = await validate(
        names.ECOSYSTEM, firm_texts.ECOSYSTEM_SKIP, dispatcher, entities={names.CHOICE: names.ANY}
    )
    assert slots == {names.ECOSYSTEM: "", names.ECOSYSTEM_CHOICES: None} and texts_of(dispatcher) == []


async def test_its_words_typed_save_no_ecosystem() -> None:
    for typed in ("not sure / other", "none of these", "skip"):
        assert (await validate(names.ECOSYSTEM, typed, CollectingDispatcher()))[names.ECOSYSTEM] == ""


async def test_not_sure_asks_in_the_firms_words_and_offers_the_way_out() -> None:
    dispatcher = CollectingDispatcher()
    slots = await validate(names.ECOSYSTEM, "not sure", dispatcher)
    assert slots[names.ECOSYSTEM] is None and firm_texts.ECOSYSTEM_SKIP in texts_of(dispatcher)[0]


async def test_other_at_the_short_list_still_shows_the_whole_list() -> None:
    slots = {names.ECOSYSTEM_CHOICES: ["tourism", "retail"]}
    assert (await validate(names.ECOSYSTEM, "other", CollectingDispatcher(), slots=slots))[
        names.ECOSYSTEM
    ] is None


def test_the_summary_says_not_said() -> None:
    assert f"({FILLED[names.COMPANY_SIZE]}, {firm_texts.ECOSYSTEM_NOT_SAID})" in summary(tracker(NOT_SURE))


def test_both_stores_keep_a_need_without_ecosystem(tmp_path: Path, needs: MemoryNeedStore) -> None:
    for store in (needs, needs_store_from_url(f"sqlite:///{tmp_path / 'n.db'}")):
        need = store.add(draft_from_slots(tracker(NOT_SURE)))[0]
        assert store.get(need.reference) is not None and need.ecosystem == ""


def test_reports_and_the_export_count_it_under_not_said(needs: MemoryNeedStore) -> None:
    unsure = needs.add(draft_from_slots(tracker(NOT_SURE)))[0]
    known = needs.add(draft_from_slots(tracker(FILLED)))[0]
    report = demand_report([unsure, known], group_by="ecosystem")
    assert sorted((group, totals.needs) for group, totals in report.groups) == [
        ("construction", 1),
        (NOT_SAID, 1),
    ]
    assert NOT_SAID in render_report(report) and all(row.ecosystems for row in report.rows)
    rows = list(csv.DictReader(io.StringIO(needs_to_csv([unsure, known]))))
    assert [row["ecosystem"] for row in rows] == [NOT_SAID, "construction"]


def test_staff_lines_and_alerts_say_the_sector_was_not_said(needs: MemoryNeedStore) -> None:
    # a need saved with "Not sure / other" read "· medium  firm, Graz" in staff lists and alerts
    need = needs.add(draft_from_slots(tracker(NOT_SURE)))[0]
    size = FILLED[names.COMPANY_SIZE]
    assert f"· {size} firm (sector {NOT_SAID}), " in need_line(need)
    assert f"· {size} firm (sector {NOT_SAID}) in " in need_alert(need)
