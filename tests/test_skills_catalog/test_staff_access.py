"""Who is staff: the allow-list check the actions and the staff channels share; chart and CSV payloads."""

from __future__ import annotations

import pytest

from skills_catalog.staff_access import (
    MAX_CSV_CHARS,
    ChartImage,
    CsvFile,
    chart_message,
    csv_message,
    is_staff,
    parse_chart_message,
    parse_csv_file,
    parse_csv_message,
    staff_ids,
)

ENV = {"STAFF_SLACK_USERS": " U0ANA1, U0BO22 ,", "STAFF_MATRIX_USERS": "@ana:cluster.eu,@bo:cluster.eu"}


@pytest.mark.parametrize(
    ("channel", "sender", "expected"),
    [
        ("slack", "U0ANA1", True),
        ("slack", "U0BO22", True),
        ("slack", "U0ANA1_C0STAFF", True),
        ("slack", "U0ANA1_C0STAFF_1712.0001", True),
        ("slack", "U0EVE9", False),
        ("matrix", "@ana:cluster.eu", True),
        ("matrix", "@ana:evil.example", False),
        ("matrix", "U0ANA1", False),
        ("slack", "@ana:cluster.eu", False),
        ("socketio", "U0ANA1", False),
        ("rest", "@ana:cluster.eu", False),
        (None, "U0ANA1", False),
        ("slack", None, False),
        ("slack", "", False),
    ],
    ids=[
        "slack-member", "second-member", "channel-granularity", "thread-granularity", "slack-stranger",
        "matrix-member", "same-name-other-server", "slack-id-on-matrix", "matrix-id-on-slack",
        "widget", "rest", "no-channel", "no-sender", "empty-sender",
    ],
)  # fmt: skip
def test_is_staff(channel: str | None, sender: str | None, expected: bool) -> None:
    assert is_staff(channel, sender, ENV) is expected


def test_unset_lists_mean_nobody() -> None:
    assert staff_ids("slack", {}) == frozenset()
    assert not is_staff("matrix", "@ana:cluster.eu", {})


def test_staff_ids_are_trimmed() -> None:
    assert staff_ids("slack", ENV) == {"U0ANA1", "U0BO22"}


def test_environment_is_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFF_MATRIX_USERS", "@new:cluster.eu")
    assert is_staff("matrix", "@new:cluster.eu")


def test_chart_message_round_trips() -> None:
    png = b"\x89PNG\r\n\x1a\nrest"
    assert parse_chart_message(chart_message(png, "Demand", "demand.png")) == ChartImage(
        png, "Demand", "demand.png"
    )


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"chart": "x"},
        {"chart": {"title": "no data"}},
        {"chart": {"png_base64": "not base64!"}},
        {"text": "hi"},
    ],
    ids=["empty", "not-a-dict", "no-png", "bad-base64", "other-payload"],
)
def test_other_payloads_are_not_charts(payload: dict) -> None:
    assert parse_chart_message(payload) is None


def test_csv_message_carries_the_file_and_a_text_fallback() -> None:
    csv_text = "reference,people\r\nN-AAAAA,4\r\n"
    payload = csv_message(csv_text, "Needs export")
    assert parse_csv_file(payload) == CsvFile(csv_text, "Needs export", "needs.csv")
    assert parse_csv_message(str(payload["text"])) == csv_text
    assert parse_chart_message(payload) is None


def test_a_long_export_is_whole_in_the_file_and_cut_in_the_text() -> None:
    csv_text = "reference\r\n" + "".join(f"N-{i:05d}\r\n" for i in range(MAX_CSV_CHARS // 8))
    payload = csv_message(csv_text, "Needs export")
    assert parse_csv_file(payload).text == csv_text  # type: ignore[union-attr]
    assert len(str(payload["text"])) < MAX_CSV_CHARS + 200 and "(cut:" in str(payload["text"])


@pytest.mark.parametrize(
    "payload",
    [{}, {"csv_file": "x"}, {"csv_file": {"title": "no data"}}, {"text": "hi"}],
    ids=["empty", "not-a-dict", "no-csv", "other-payload"],
)
def test_other_payloads_are_not_csv_files(payload: dict) -> None:
    assert parse_csv_file(payload) is None
