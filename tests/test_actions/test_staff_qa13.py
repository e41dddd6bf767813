"""QA13 on Slack: the export keeps contacts to private rooms, a need can be marked filled or
matched to offers, a "yes" in a direct message answers the bot's question, several needs are
each asked about, demand for a skill or role, unmet needs near a town, mentions, tables."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions import names, staff_common, staff_texts
from actions.firm_submit import draft_from_slots
from actions.staff_commands import command_named, demand_asked, need_asked
from actions.staff_needs import (
    ActionStaffChatter,
    ActionStaffExport,
    ActionStaffNewNeeds,
    ActionStaffShowNeed,
    ActionStaffWithdrawNeed,
    references_in,
    staff_mention,
)
from actions.staff_reports import ActionStaffReport, ActionStaffUnmet
from skills_catalog.alerts import InMemoryAlertSink
from skills_catalog.needs import FirmNeed, NeedClosedError
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.reports import CONTACT_COLUMNS, demand_report, render_report
from skills_catalog.staff_access import PRIVATE_TO_STAFF_KEY, parse_csv_file, parse_csv_message
from tests.test_actions.conftest import slots_of, texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED
from tests.test_skills_catalog.conftest import s

STAFF_SLACK, STAFF_MATRIX = "USTAFF1", "@ana:cluster.eu"
DM, ROOM = "D0STAFF1", "C0STAFFROOM"
PLC = {**FILLED, names.COMPANY: "Mur Elektro", names.CONTACT_EMAIL: "bo@mur.eu", names.NEED_PEOPLE: 2,
       names.NEED_SKILLS: [s("plc")], names.NEED_SKILL_LABELS: {s("plc"): "program PLC"}}  # fmt: skip


@pytest.fixture(autouse=True)
def staff_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFF_SLACK_USERS", STAFF_SLACK)
    monkeypatch.setenv("STAFF_MATRIX_USERS", STAFF_MATRIX)
    monkeypatch.setattr(staff_common, "today", lambda: date.today())


@pytest.fixture
def need(needs: MemoryNeedStore) -> FirmNeed:
    return needs.add(draft_from_slots(tracker(FILLED)))[0]


@pytest.fixture
def plc_need(needs: MemoryNeedStore) -> FirmNeed:
    return needs.add(draft_from_slots(tracker(PLC)))[0]


async def run(
    action: type[Action], text: str, out_channel: str = DM, slots: dict[str, Any] | None = None,
    channel: str = "slack", metadata: dict[str, Any] | None = None,
) -> tuple[CollectingDispatcher, dict[str, Any]]:
    """What ``action`` says to ``text`` and the slots it sets."""
    sender = STAFF_MATRIX if channel == "matrix" else STAFF_SLACK
    asked = tracker(slots, text=text, channel=channel, sender=sender)
    asked.latest_message["metadata"] = {"out_channel": out_channel} if metadata is None else metadata
    dispatcher = CollectingDispatcher()
    return dispatcher, slots_of(await action().run(dispatcher, asked, {}))


async def ask(action: type[Action], text: str, out_channel: str = DM, **kwargs: Any) -> CollectingDispatcher:
    return (await run(action, text, out_channel, **kwargs))[0]


# ---------------------------------------------------------------- 1: the export's contacts


def exported(dispatcher: CollectingDispatcher) -> tuple[str, list[dict[str, str]]]:
    """The export's title and rows (the file's, and its text fallback holds the same)."""
    payload = dispatcher.messages[-1]["custom"]
    found = parse_csv_file(payload)
    assert found is not None and parse_csv_message(payload["text"]) == found.text
    return found.title, list(csv.DictReader(io.StringIO(found.text)))


@pytest.mark.parametrize(
    ("channel", "metadata"),
    [("slack", {"out_channel": ROOM}), ("matrix", {PRIVATE_TO_STAFF_KEY: False}), ("matrix", {})],
    ids=["slack-channel", "matrix-shared", "matrix-unknown"],
)
async def test_an_export_in_a_shared_room_leaves_out_the_contacts(
    need: FirmNeed, channel: str, metadata: dict[str, Any]
) -> None:
    dispatcher = await ask(ActionStaffExport, "export needs", channel=channel, metadata=metadata)
    title, [row] = exported(dispatcher)
    assert CONTACT_COLUMNS.isdisjoint(row) and row["reference"] == need.reference
    assert staff_texts.STAFF_EXPORT_SHARED in title
    assert "ana@steel.eu" not in str(dispatcher.messages) and "Ana Berg" not in str(dispatcher.messages)


async def test_an_export_in_a_direct_message_has_the_contacts(need: FirmNeed) -> None:
    title, rows = exported(await ask(ActionStaffExport, "export needs"))
    assert rows[0]["contact_email"] == "ana@steel.eu" and staff_texts.STAFF_EXPORT_SHARED not in title


# ---------------------------------------------------------------- 2: filled, matched, what cannot be done


@pytest.mark.parametrize(
    ("text", "asked"),
    [("close N-4246N", "fulfil"), ("mark N-RVAZX as filled", "fulfil"), ("assign N-CKG2C to U0STAFF2", "assign"),
     ("change N-RVAZX to 4 people", "edit"), ("which courses match N-RVAZX?", "match"), ("need N-RVAZX", "show")],
)  # fmt: skip
def test_what_a_message_asks_of_a_need(text: str, asked: str) -> None:
    assert need_asked(text) == asked


async def test_a_need_is_marked_filled_after_asking(
    need: FirmNeed, needs: MemoryNeedStore, alerts: InMemoryAlertSink
) -> None:
    asked = (await ask(ActionStaffShowNeed, f"mark {need.reference} as filled", ROOM)).messages
    assert asked[0]["text"].startswith("Mark this need filled?") and needs.get(need.reference).status == "open"
    assert [b["payload"] for b in asked[0]["buttons"]] == [f"Yes, mark {need.reference} filled",
                                                           f"No, keep {need.reference} open"]  # fmt: skip
    said = texts_of(await ask(ActionStaffShowNeed, asked[0]["buttons"][0]["payload"], ROOM))
    stored = needs.get(need.reference)
    assert said == [staff_texts.FULFILLED.format(reference=need.reference)]
    assert (stored.status, stored.withdrawn_by) == ("fulfilled", STAFF_SLACK)
    assert alerts.posted == [f"Need {need.reference} was marked filled by <@{STAFF_SLACK}> (4 × weld metal parts, Graz)."]
    again = texts_of(await ask(ActionStaffShowNeed, f"close {need.reference}"))[0]
    assert again.startswith(f"{need.reference} was marked filled already") and again.endswith(f"by <@{STAFF_SLACK}>.")


async def test_a_withdrawn_need_is_not_marked_filled(need: FirmNeed, needs: MemoryNeedStore) -> None:
    needs.withdraw_for_staff(need.reference, STAFF_MATRIX)
    said = texts_of(await ask(ActionStaffShowNeed, f"yes, mark {need.reference} filled"))[0]
    assert said.startswith(f"{need.reference} was withdrawn on ") and needs.get(need.reference).status == "withdrawn"
    with pytest.raises(NeedClosedError):
        needs.fulfil_for_staff(need.reference, STAFF_SLACK)


def test_the_database_store_marks_a_need_filled_and_keeps_it(tmp_path: Any) -> None:
    store = needs_store_from_url(f"sqlite:///{tmp_path / 'n.db'}")
    need = store.add(draft_from_slots(tracker(FILLED)))[0]
    filled = store.fulfil_for_staff(need.reference, STAFF_SLACK)
    assert store.get(need.reference) == filled and (filled.status, filled.withdrawn_by) == ("fulfilled", STAFF_SLACK)
    assert store.fulfil_for_staff(need.reference, "U0OTHER") == filled  # once only


async def test_which_courses_match_a_need_lists_offers_and_partners(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffShowNeed, f"which courses match {need.reference}?", ROOM))
    assert len(said) == 1 and said[0].startswith(f"Offers for {need.reference} (")
    assert "• O" in said[0] and staff_texts.MATCH_PARTNERS in said[0]
    assert "ana@steel.eu" not in said[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("assign {ref} to U0STAFF2", staff_texts.CANNOT_ASSIGN), ("change {ref} to 4 people", staff_texts.CANNOT_EDIT)],
)
async def test_what_cannot_be_done_is_said(need: FirmNeed, needs: MemoryNeedStore, text: str, expected: str) -> None:
    said = texts_of(await ask(ActionStaffShowNeed, text.format(ref=need.reference)))
    assert said == [expected.format(reference=need.reference)] and needs.get(need.reference) == need


# ---------------------------------------------------------------- 3: "yes" in a direct message


@pytest.mark.parametrize(("answer", "status"), [("yes", "withdrawn"), ("Yes please", "withdrawn"), ("no", "open")])
async def test_yes_or_no_in_a_direct_message_answers_the_withdrawal(
    need: FirmNeed, needs: MemoryNeedStore, answer: str, status: str
) -> None:
    _, asked = await run(ActionStaffWithdrawNeed, f"withdraw {need.reference}")
    dispatcher, after = await run(ActionStaffChatter, answer, slots=asked)
    said = texts_of(dispatcher)
    assert needs.get(need.reference).status == status and after == {names.STAFF_ASKED: None}
    done = staff_texts.WITHDRAWN if status == "withdrawn" else staff_texts.WITHDRAW_KEPT
    assert said == [done.format(reference=need.reference, status="open")]


async def test_yes_in_a_direct_message_answers_every_need_asked_about(
    need: FirmNeed, plc_need: FirmNeed, needs: MemoryNeedStore
) -> None:
    _, asked = await run(ActionStaffShowNeed, f"mark {need.reference} and {plc_need.reference} as filled")
    await ask(ActionStaffChatter, "yes", slots=asked)
    assert {needs.get(n.reference).status for n in (need, plc_need)} == {"fulfilled"}


async def test_other_talk_in_a_direct_message_gets_an_answer_and_none_in_a_room(need: FirmNeed) -> None:
    assert texts_of(await ask(ActionStaffChatter, "thanks")) == [staff_texts.STAFF_CHATTER_DM]
    assert texts_of(await ask(ActionStaffChatter, "yes")) == [staff_texts.STAFF_CHATTER_DM]  # nothing was asked
    _, asked = await run(ActionStaffWithdrawNeed, f"withdraw {need.reference}", ROOM)
    assert (await ask(ActionStaffChatter, "yes", ROOM, slots=asked)).messages == []


async def test_yes_answers_only_the_question_just_asked(need: FirmNeed, needs: MemoryNeedStore) -> None:
    _, asked = await run(ActionStaffWithdrawNeed, f"withdraw {need.reference}")
    _, after = await run(ActionStaffNewNeeds, "new needs", slots=asked)
    assert after == {names.STAFF_ASKED: None}  # another command came between: "yes" answers nothing
    assert texts_of(await ask(ActionStaffChatter, "yes", slots={**asked, **after})) == [staff_texts.STAFF_CHATTER_DM]
    assert needs.get(need.reference).status == "open"


# ---------------------------------------------------------------- 4: several needs at once


def test_every_reference_is_read() -> None:
    assert references_in("withdraw N-CKG2C and N-RVAZX, n-ckg2c") == ["N-CKG2C", "N-RVAZX"]
    assert references_in("need fk6et") == ["N-FK6ET"]


async def test_a_withdrawal_of_two_needs_asks_about_both(need: FirmNeed, plc_need: FirmNeed) -> None:
    said = (await ask(ActionStaffWithdrawNeed, f"withdraw {need.reference} and {plc_need.reference}")).messages
    asked = [m for m in said if m.get("buttons")]
    assert [m["buttons"][0]["payload"] for m in asked] == [f"Yes, withdraw {need.reference}",
                                                           f"Yes, withdraw {plc_need.reference}"]  # fmt: skip
    assert said[-1]["text"] == staff_texts.WITHDRAW_EACH


# ---------------------------------------------------------------- 5, 6: demand for a skill, unmet near a town


@pytest.mark.parametrize(
    ("text", "what", "intent"),
    [("how many welders do firms need in Styria?", "welders", names.INTENT_STAFF_REPORT),
     ("which firms need PLC programmers?", "PLC programmers", names.INTENT_STAFF_REPORT),
     ("how many people do firms need for welding?", "welding", names.INTENT_STAFF_REPORT),
     ("demand for welders", "welders", names.INTENT_STAFF_REPORT),
     ("demand report by ecosystem", "", names.INTENT_STAFF_REPORT),
     ("which needs have no local offer in Graz within 20 km?", "", names.INTENT_STAFF_UNMET)],
)  # fmt: skip
def test_demand_questions_name_the_report_and_their_skill(text: str, what: str, intent: str) -> None:
    assert demand_asked(text)[0] == what and command_named(text) == intent


@pytest.mark.parametrize(
    ("text", "first", "skill"),
    [("how many welders do firms need in Graz?", 'Demand for "welders" within 25 km of Graz', "weld metal parts"),
     ("which firms need PLC programmers?", 'Demand for "PLC programmers" since', "program PLC"),
     ("demand for welders", 'Demand for "welders" since', "weld metal parts")],
)  # fmt: skip
async def test_demand_for_a_skill_counts_the_needs_wanting_it(
    need: FirmNeed, plc_need: FirmNeed, text: str, first: str, skill: str
) -> None:
    said = texts_of(await ask(ActionStaffReport, text))
    wanted = need if skill == "weld metal parts" else plc_need
    assert said[0].startswith(first) and said[0].endswith(f": 1 need, {wanted.people} people, 1 firm.")
    other = plc_need if wanted is need else need
    assert skill in said[1] and other.skills[0].label not in said[1]  # the table holds only the needs wanting it


async def test_demand_for_a_town_is_still_a_place(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffReport, "demand for Graz"))
    assert said[0].startswith("```\nDemand within 25 km of Graz")


async def test_unmet_needs_in_a_town_within_a_distance_keep_to_it(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffUnmet, "which needs have no local offer in Graz within 20 km?"))
    assert "within 20 km of Graz" in said[0] and "25 km" not in said[0]


# ---------------------------------------------------------------- 7: mentions, tables, empty periods


def test_staff_are_named_as_their_chat_shows_them() -> None:
    assert (staff_mention("U0STAFF1"), staff_mention(STAFF_MATRIX)) == ("<@U0STAFF1>", STAFF_MATRIX)


def test_a_report_by_kind_heads_each_column_once(need: FirmNeed) -> None:
    table = render_report(demand_report([need], group_by="kind"))
    header = next(line for line in table.splitlines() if "skill / role" in line).split()
    assert len(header) == len(set(header))


def test_a_report_by_week_shows_empty_weeks(need: FirmNeed) -> None:
    monday = datetime(2026, 11, 2, 9, tzinfo=timezone.utc)  # ISO week 45
    first, later = (replace(need, reference=ref, created_at=day)
                    for ref, day in (("N-22XYZ", monday), ("N-33XYZ", monday + timedelta(days=21))))  # fmt: skip
    report = demand_report([first, later], group_by="period", period="week", since=monday - timedelta(days=1),
                           now=monday + timedelta(days=28))  # fmt: skip
    assert [(group, totals.needs) for group, totals in report.groups] == [
        ("2026-W44", 0), ("2026-W45", 1), ("2026-W46", 0), ("2026-W47", 0), ("2026-W48", 1), ("2026-W49", 0)]  # fmt: skip
