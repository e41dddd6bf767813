"""Staff actions: answer staff on Slack / Matrix, refuse everyone and everywhere else."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions import names, staff_common, texts
from actions.firm_submit import draft_from_slots
from actions.staff_needs import (
    ActionStaffExport,
    ActionStaffNewNeeds,
    ActionStaffNewSecret,
    ActionStaffShowNeed,
)
from actions.staff_parsing import parse_group, parse_km, parse_reference, parse_search, parse_since
from actions.staff_reports import ActionStaffReport, ActionStaffUnmet
from actions.staff_search import ActionStaffSearch
from skills_catalog.needs import FirmNeed, WrongSecretError
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.staff_access import parse_chart_message, parse_csv_file, parse_csv_message
from tests.test_actions.conftest import texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

STAFF_SLACK, STAFF_MATRIX = "USTAFF1", "@ana:cluster.eu"
ALL_ACTIONS = [ActionStaffNewNeeds, ActionStaffShowNeed, ActionStaffNewSecret, ActionStaffReport,
               ActionStaffUnmet, ActionStaffSearch, ActionStaffExport]  # fmt: skip


@pytest.fixture(autouse=True)
def staff_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFF_SLACK_USERS", STAFF_SLACK)
    monkeypatch.setenv("STAFF_MATRIX_USERS", STAFF_MATRIX)
    monkeypatch.setattr(staff_common, "today", lambda: date.today())


@pytest.fixture
def need(needs: MemoryNeedStore) -> FirmNeed:
    return needs.add(draft_from_slots(tracker(FILLED)))[0]


async def ask(
    action: type[Action], text: str, channel: str = "slack", sender: str = STAFF_SLACK
) -> CollectingDispatcher:
    dispatcher = CollectingDispatcher()
    await action().run(dispatcher, tracker(text=text, channel=channel, sender=sender), {})
    return dispatcher


@pytest.mark.parametrize("action", ALL_ACTIONS, ids=lambda a: a.__name__)
@pytest.mark.parametrize(
    ("channel", "sender"),
    [("rest", STAFF_SLACK), ("socketio", STAFF_MATRIX), ("slack", "UGUEST9"), ("matrix", "@eve:evil.org"),
     ("slack", STAFF_MATRIX), (None, STAFF_SLACK)],
    ids=["rest", "widget", "slack-guest", "matrix-stranger", "matrix-id-on-slack", "no-channel"],
)  # fmt: skip
async def test_refused_outside_staff_channels_or_to_others(
    action: type[Action], channel: str | None, sender: str, need: FirmNeed
) -> None:
    dispatcher = await ask(action, f"/staff_report need {need.reference}", channel, sender)
    assert texts_of(dispatcher) == [texts.STAFF_ONLY]
    assert need.reference not in str(dispatcher.messages)


@pytest.mark.parametrize(("channel", "sender"), [("slack", STAFF_SLACK), ("matrix", STAFF_MATRIX),
                                                 ("slack", f"{STAFF_SLACK}_C0STAFF")], ids=["slack", "matrix", "slack-channel"])  # fmt: skip
async def test_new_needs_for_staff(channel: str, sender: str, need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffNewNeeds, "new needs since monday", channel, sender))
    assert said[0].startswith("1 new need(s) since") and need.reference in said[0]
    assert "ana@steel.eu" not in said[0]


async def test_no_new_needs(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffNewNeeds, "new needs since 2999-01-01"))
    assert said == [texts.STAFF_NO_NEEDS.format(since="2999-01-01")]


async def test_one_need_in_full_has_the_contact(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffShowNeed, f"need {need.reference.lower()}"))
    assert said[0].startswith(f"Need {need.reference} (open)") and "Ana Berg <ana@steel.eu>" in said[0]


async def test_unknown_need() -> None:
    assert texts_of(await ask(ActionStaffShowNeed, "need N-ZZ2ZZ")) == [
        texts.STAFF_NEED_UNKNOWN.format(reference="N-ZZ2ZZ")
    ]


async def test_a_new_secret_for_a_need_replaces_the_lost_one(need: FirmNeed, needs: MemoryNeedStore) -> None:
    # a firm that lost its secret had no way back to its need
    said = texts_of(await ask(ActionStaffNewSecret, f"new secret for {need.reference}"))
    secret = said[0].split(": ", 1)[1].split("\n")[0]
    assert said == [texts.STAFF_NEW_SECRET.format(reference=need.reference, secret=secret, contact="Ana Berg <ana@steel.eu>")]
    assert needs.get_for_owner(need.reference, secret) == need
    with pytest.raises(WrongSecretError):
        needs.get_for_owner(need.reference, "ABCD-EFGH-JKMN")


@pytest.mark.parametrize(("text", "expected"), [("new secret for N-ZZ2ZZ", texts.STAFF_NEED_UNKNOWN.format(reference="N-ZZ2ZZ")),
                                                ("new secret please", texts.STAFF_WHICH_SECRET)], ids=["unknown", "none"])  # fmt: skip
async def test_a_new_secret_needs_a_known_reference(text: str, expected: str) -> None:
    assert texts_of(await ask(ActionStaffNewSecret, text)) == [expected]


async def test_demand_report_is_a_table_and_a_png(need: FirmNeed) -> None:
    dispatcher = await ask(ActionStaffReport, "demand report by ecosystem")
    table, chart = dispatcher.messages
    assert table["text"].startswith("```\nDemand by ecosystem") and "weld metal parts" in table["text"]
    image = parse_chart_message(chart["custom"])
    assert image is not None and image.png.startswith(b"\x89PNG\r\n\x1a\n")


async def test_unmet_needs_within_a_distance(needs: MemoryNeedStore) -> None:
    taught_nowhere = "http://data.europa.eu/esco/skill/test-basketry"
    slots = {
        **FILLED,
        names.NEED_SKILLS: [taught_nowhere],
        names.NEED_SKILL_LABELS: {taught_nowhere: "basketry"},
    }
    unmet = needs.add(draft_from_slots(tracker(slots)))[0]
    said = texts_of(await ask(ActionStaffUnmet, "unmet needs within 1 km"))
    assert (
        said[0].startswith("1 open need(s) with skills no offer within 1 km") and unmet.reference in said[0]
    )
    assert "basketry" in said[0] and "weld" not in said[0]


@pytest.mark.parametrize(
    ("text", "shown"),
    [("search catalogue welding", "weld"), ("offers in Graz", "Graz"), ("partner academy", "•")],
    ids=["skill", "town", "partner"],
)
async def test_search(text: str, shown: str) -> None:
    said = texts_of(await ask(ActionStaffSearch, text))
    assert (
        said[0] not in (texts.STAFF_SEARCH_NONE, texts.STAFF_SEARCH_HOW) and shown.lower() in said[0].lower()
    )


async def test_search_unknown_town() -> None:
    assert texts_of(await ask(ActionStaffSearch, "offers in Atlantis")) == [
        texts.PLACE_UNKNOWN.format(query="Atlantis")
    ]


async def test_export_parses_and_matches_the_store(need: FirmNeed, needs: MemoryNeedStore) -> None:
    dispatcher = await ask(ActionStaffExport, "export needs")
    payload = dispatcher.messages[0]["custom"]
    exported = parse_csv_file(payload)
    assert exported is not None and exported.filename == "needs.csv"
    assert exported.title.startswith("Needs export, 1 need(s)")
    assert list(csv.DictReader(io.StringIO(exported.text))) == needs.export_rows()
    assert parse_csv_message(payload["text"]) == exported.text  # the text fallback holds the same rows


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (lambda t: parse_since(t, date(2026, 11, 25)).date().isoformat(), "since monday", "2026-11-23"),
        (lambda t: parse_since(t, date(2026, 11, 25)).date().isoformat(), "new needs", "2026-11-18"),
        (lambda t: parse_since(t, date(2026, 11, 25), None), "export needs", None),
        (parse_reference, "need N-7K3QX", "N-7K3QX"),
        (parse_reference, "the nation", None),
        (parse_km, "unmet needs within 30 km", 30.0),
        (parse_km, "unmet needs", 50.0),
        (parse_group, "demand report per quarter", ("period", "quarter")),
        (lambda t: parse_search(t).kind, "partner Mur Valley", "partner"),
        (parse_search, "/staff_search", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_staff_parsing(parse, text: str, expected) -> None:  # noqa: ANN001
    assert parse(text) == expected
