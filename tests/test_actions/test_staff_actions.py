"""Staff actions: answer staff on Slack / Matrix, refuse everyone and everywhere else."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, staff_common, staff_texts, texts
from actions.firm_submit import draft_from_slots
from actions.staff_needs import (
    ActionStaffExport,
    ActionStaffNewNeeds,
    ActionStaffNewSecret,
    ActionStaffShowNeed,
)
from actions.staff_parsing import (
    Grouping,
    Search,
    parse_group,
    parse_km,
    parse_period,
    parse_place,
    parse_reference,
    parse_search,
    parse_since,
)
from actions.staff_reports import ActionStaffReport, ActionStaffUnmet
from actions.staff_search import ActionStaffSearch
from skills_catalog.needs import FirmNeed, WrongSecretError
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.staff_access import (
    PRIVATE_TO_STAFF_KEY,
    parse_chart_message,
    parse_csv_file,
    parse_csv_message,
)
from tests.test_actions.conftest import o, texts_of, tracker
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


DM = "D0STAFF1"  # a Slack direct message's channel id


async def ask(
    action: type[Action], text: str, channel: str = "slack", sender: str = STAFF_SLACK, out_channel: str = DM
) -> CollectingDispatcher:
    dispatcher = CollectingDispatcher()
    asked = tracker(text=text, channel=channel, sender=sender)
    asked.latest_message["metadata"] = {"out_channel": out_channel}
    await action().run(dispatcher, asked, {})
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
    assert said[0].startswith("1 new need since") and need.reference in said[0]
    assert "ana@steel.eu" not in said[0]


async def test_no_new_needs(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffNewNeeds, "new needs since 2999-01-01"))
    assert said == ["No new needs since 2999-01-01."]


async def test_one_need_in_full_has_the_contact(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffShowNeed, f"need {need.reference.lower()}"))
    assert said[0].startswith(f"Need {need.reference} (open)") and "Ana Berg <ana@steel.eu>" in said[0]


async def test_unknown_need() -> None:
    assert texts_of(await ask(ActionStaffShowNeed, "need N-ZZ2ZZ")) == [
        staff_texts.STAFF_NEED_UNKNOWN.format(reference="N-ZZ2ZZ")
    ]


async def test_a_new_secret_for_a_need_replaces_the_lost_one(need: FirmNeed, needs: MemoryNeedStore) -> None:
    # a firm that lost its secret had no way back to its need
    said = texts_of(await ask(ActionStaffNewSecret, f"new secret for {need.reference}"))
    secret = said[0].split(": ", 1)[1].split("\n")[0]
    assert said == [staff_texts.STAFF_NEW_SECRET.format(reference=need.reference, secret=secret, contact="Ana Berg <ana@steel.eu>")]
    assert needs.get_for_owner(need.reference, secret) == need
    with pytest.raises(WrongSecretError):
        needs.get_for_owner(need.reference, "ABCD-EFGH-JKMN")


@pytest.mark.parametrize(("text", "expected"), [("new secret for N-ZZ2ZZ", staff_texts.STAFF_NEED_UNKNOWN.format(reference="N-ZZ2ZZ")),
                                                ("new secret please", staff_texts.STAFF_WHICH_SECRET)], ids=["unknown", "none"])  # fmt: skip
async def test_a_new_secret_needs_a_known_reference(text: str, expected: str) -> None:
    assert texts_of(await ask(ActionStaffNewSecret, text)) == [expected]


async def test_demand_report_is_a_table_and_a_png(need: FirmNeed) -> None:
    dispatcher = await ask(ActionStaffReport, "demand report by ecosystem")
    table, chart = dispatcher.messages
    assert table["text"].startswith("```\nDemand by ecosystem") and "weld metal parts" in table["text"]
    assert "Construction" in table["text"] and " construction " not in table["text"]  # labels, not raw ids
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
    assert said[0].startswith("1 open need with skills no offer within 1 km") and unmet.reference in said[0]
    assert "basketry" in said[0] and "weld" not in said[0]


@pytest.mark.parametrize(
    ("text", "shown"),
    [("search catalogue welding", "weld"), ("offers in Graz", "Graz"), ("partner academy", "•")],
    ids=["skill", "town", "partner"],
)
async def test_search(text: str, shown: str) -> None:
    said = texts_of(await ask(ActionStaffSearch, text))
    assert not said[0].startswith("Nothing") and said[0] != staff_texts.STAFF_SEARCH_HOW and shown.lower() in said[0].lower()


async def test_search_unknown_town() -> None:
    assert texts_of(await ask(ActionStaffSearch, "offers in Atlantis")) == [
        texts.PLACE_UNKNOWN.format(query="Atlantis")
    ]


async def test_export_parses_and_matches_the_store(need: FirmNeed, needs: MemoryNeedStore) -> None:
    dispatcher = await ask(ActionStaffExport, "export needs")
    payload = dispatcher.messages[0]["custom"]
    exported = parse_csv_file(payload)
    assert exported is not None and exported.filename == "needs.csv"
    assert exported.title.startswith("Needs export: 1 need since the start")
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
        (lambda t: (parse_group(t).group_by, parse_group(t).period), "demand report per quarter", ("period", "quarter")),
        (lambda t: parse_search(t).kind, "partner Mur Valley", "partner"),
        (parse_search, "/staff_search", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_staff_parsing(parse, text: str, expected) -> None:  # noqa: ANN001
    assert parse(text) == expected


# ---------------------------------------------------------------- QA8: filters, roles, privacy

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("demand in 2025", "2025-01-01", "2026-01-01"),
        ("demand report since 1 July", "2026-07-01", None),  # the July that has begun, not 2027's
        ("skills demand in Q3", "2026-07-01", "2026-10-01"),
        ("demand between October and November", "2026-10-01", "2026-12-01"),  # had read 1 Oct 2027
        ("export needs since last month", "2026-11-01", None),  # the month, not 30 days back
        ("what needs came in yesterday", "2026-12-06", "2026-12-07"),  # today's are not yesterday's
        ("new needs", "2026-11-30", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_periods_are_read_for_the_past(text: str, since: str, until: str | None) -> None:
    period = parse_period(text, TODAY)
    assert period.since is not None and period.since.date().isoformat() == since
    assert (period.until.date().isoformat() if period.until else None) == until and not period.unread


def test_a_time_not_read_is_said_to_be_not_read() -> None:
    assert parse_period("demand since the big merger", TODAY, 90).unread


@pytest.mark.parametrize(
    ("text", "place"),
    [("demand in Austria", "Austria"), ("demand report for Bilbao since monday", "Bilbao"),
     ("needs in Styria", "Styria"), ("unmet needs in Kapfenberg within 30 km", "Kapfenberg"),
     ("demand in 2025", None), ("skills demand in Q3", None), ("demand report by ecosystem", None)],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_place_named_in_a_command(text: str, place: str | None) -> None:
    assert parse_place(text) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [("demand by company size", Grouping("size")), ("demand by kind", Grouping("kind")),
     ("demand by region", Grouping("country", said="region")), ("demand by town", Grouping("town")),
     ("demand by colour", Grouping(asked="colour"))],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_groupings(text: str, expected: Grouping) -> None:
    assert parse_group(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("search catalogue welding online", Search("skill", "welding", frozenset({"online"}))),
     ("search catalogue free welding", Search("skill", "welding", free=True)),
     ("search catalogue welding in Graz", Search("skill", "welding", place="Graz")),
     ("search catalogue blended courses", Search("list", modes=frozenset({"blended"}))),
     ("offers in Graz page 2", Search("list", place="Graz", page=2)),
     ("what courses does Hochsteiermark Steel Academy run?", Search("partner", "Hochsteiermark Steel Academy"))],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_search_filters_are_parsed(text: str, expected: Search) -> None:
    assert parse_search(text) == expected


def test_miles_are_converted() -> None:
    assert parse_km("unmet needs within 20 miles") == pytest.approx(32.2)


async def test_report_for_a_year_with_no_needs_has_no_chart(need: FirmNeed) -> None:
    dispatcher = await ask(ActionStaffReport, "demand in 2025")
    assert [m["text"] for m in dispatcher.messages] == [
        "```\nDemand, 2025-01-01 – 2025-12-31: 0 needs, 0 people, 0 firms\nNo needs in this period.\n```"
    ]


@pytest.mark.parametrize(("text", "count"), [("demand in Austria", 1), ("demand in Spain", 0),
                                             ("demand report for Graz", 1), ("demand report for Linz", 0)],
                         ids=["country", "other-country", "town", "other-town"])  # fmt: skip
async def test_report_narrowed_to_a_place(need: FirmNeed, text: str, count: int) -> None:
    table = texts_of(await ask(ActionStaffReport, text))[0]
    assert f": {count} need" in table.splitlines()[1]


async def test_a_region_the_store_does_not_keep_is_said_so(need: FirmNeed) -> None:
    said = texts_of(await ask(ActionStaffReport, "needs in Styria"))
    assert said[0] == staff_texts.STAFF_PLACE_UNKNOWN.format(place="Styria") and ": 1 need" in said[1]


async def test_report_by_company_size_groups_by_size(need: FirmNeed) -> None:
    table = texts_of(await ask(ActionStaffReport, "demand by company size"))[0]
    assert table.startswith("```\nDemand by size") and "medium" in table


async def test_new_needs_in_a_country(need: FirmNeed) -> None:
    assert texts_of(await ask(ActionStaffNewNeeds, "new needs in Spain")) == ["No new needs in Spain since " +
                                                                              (date.today() - timedelta(days=7)).isoformat() + "."]  # fmt: skip


def role_need(needs: MemoryNeedStore, role: str, mode: str) -> FirmNeed:
    slots = {**FILLED, names.NEED_SKILLS: [], names.NEED_SKILL_LABELS: {},
             names.NEED_OCCUPATION: {"uri": o(role), "label": role}, names.NEED_MODE: mode}  # fmt: skip
    return needs.add(draft_from_slots(tracker(slots)))[0]


async def test_a_role_only_need_can_be_unmet(needs: MemoryNeedStore) -> None:
    # QA8 M3: a need naming only a role was skipped, so it was never unmet
    analyst = role_need(needs, "analyst", "in_person")  # python and data: taught online only
    welder = role_need(needs, "welder", "in_person")  # taught in Graz
    said = texts_of(await ask(ActionStaffUnmet, "unmet needs within 30 km"))[0]
    assert analyst.reference in said and "analyst (role: 0 of its 2 essential skills" in said
    assert welder.reference not in said and "in person" in said


async def test_a_role_outside_the_taxonomy_is_unmet_as_the_firm_typed_it(needs: MemoryNeedStore) -> None:
    # "bakers" kept as typed (no URI) showed as "baker (role: 0 of its 0 essential skills taught in reach)"
    slots = {**FILLED, names.NEED_SKILLS: [], names.NEED_SKILL_LABELS: {},
             names.NEED_OCCUPATION: {"uri": "", "label": "baker"}, names.NEED_MODE: "in_person"}  # fmt: skip
    baker = needs.add(draft_from_slots(tracker(slots)))[0]
    said = texts_of(await ask(ActionStaffUnmet, "unmet needs within 30 km"))[0]
    assert baker.reference in said and firm_texts.STAFF_ROLE_TYPED.format(role="baker") in said
    assert "0 of its 0" not in said


async def test_online_courses_cover_a_need_that_takes_any_way_of_learning(needs: MemoryNeedStore) -> None:
    role_need(needs, "analyst", names.ANY)
    assert texts_of(await ask(ActionStaffUnmet, "unmet needs within 30 km"))[0].startswith("Every open need")


async def test_unmet_needs_near_a_town(needs: MemoryNeedStore) -> None:
    analyst = role_need(needs, "analyst", "in_person")  # in Graz
    assert analyst.reference not in texts_of(await ask(ActionStaffUnmet, "unmet needs in Linz within 30 km"))[0]


async def test_contact_details_only_in_a_direct_message(need: FirmNeed) -> None:
    # QA8 L6: "need N-…" in a shared channel posted the contact to everyone there
    said = texts_of(await ask(ActionStaffShowNeed, f"need {need.reference}", out_channel="C0STAFFROOM"))
    assert "ana@steel.eu" not in str(said) and said[1] == staff_texts.STAFF_CONTACT_IN_DM.format(reference=need.reference)
    said = texts_of(await ask(ActionStaffNewSecret, f"new secret for {need.reference}", out_channel="C0STAFFROOM"))
    assert said == [staff_texts.STAFF_SECRET_IN_DM.format(reference=need.reference)]


@pytest.mark.parametrize(("private", "shown"), [(True, True), (False, False), (None, False)],
                         ids=["only-staff-in-room", "stranger-in-room", "not-said"])  # fmt: skip
async def test_matrix_shows_contact_details_only_where_the_channel_says_only_staff_read(
    need: FirmNeed, private: bool | None, shown: bool
) -> None:
    # QA10 H2: every Matrix room counted as private; a stranger in the staff room read the contact
    dispatcher = CollectingDispatcher()
    asked = tracker(text=f"need {need.reference}", channel="matrix", sender=STAFF_MATRIX)
    asked.latest_message["metadata"] = {} if private is None else {PRIVATE_TO_STAFF_KEY: private}
    await ActionStaffShowNeed().run(dispatcher, asked, {})
    assert ("ana@steel.eu" in str(texts_of(dispatcher))) is shown


@pytest.mark.parametrize(
    ("text", "kept"),
    [("search catalogue welding online", lambda line: "online" in line),
     ("search catalogue free plc", lambda line: "free" in line),
     ("search catalogue blended courses", lambda line: "blended" in line)],
    ids=["online", "free", "blended"],
)  # fmt: skip
async def test_search_filters_are_applied(text: str, kept) -> None:  # noqa: ANN001
    said = texts_of(await ask(ActionStaffSearch, text))[0]
    lines = [line for line in said.splitlines() if line.startswith("•")]
    assert said.startswith("Courses") or said.startswith("Nothing")
    assert all(kept(line) for line in lines)


async def test_search_lines_carry_mode_cost_dates_seats_and_a_count() -> None:
    said = texts_of(await ask(ActionStaffSearch, "offers in Graz"))[0]
    assert said.startswith("Courses, within 25 km of Graz: 1–2 of 2, nearest first.")
    assert "in person · free · starts 1 Feb 2027 · 12 seats" in said


async def test_search_in_a_town_is_nearest_first_with_distances() -> None:
    said = texts_of(await ask(ActionStaffSearch, "search catalogue welding in Leoben"))[0]
    assert "nearest first" in said.splitlines()[0] and " km)" in said


async def test_search_pages() -> None:
    first = texts_of(await ask(ActionStaffSearch, "search catalogue blended courses"))[0]
    assert "of 1" in first.splitlines()[0]
    assert texts_of(await ask(ActionStaffSearch, "search catalogue blended courses page 2"))[0].startswith("Nothing")
