"""A firm's need, from the REST channel to staff on Slack and Matrix, through the real servers.

One stack (action server, Rasa server with the real model, widget page, Matrix bridge) runs with
Slack and Matrix configured from the environment, as ``make run`` would: the launcher writes
the credentials and starts the bridge. Slack is Rasa's real Slack channel fed signed Events API
requests, its Web API a local double (tests/slack_double.py); Matrix is a real Synapse
(tests/e2e/matrix_support.py). Needs var/matrix-venv: skipped with the reason when it cannot be
made, except on CI.
"""

from __future__ import annotations

import csv
import io
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from launcher.stack import Stack
from skills_catalog.needs_sql import needs_store_from_url
from tests.slack_double import SlackDouble

from . import matrix_support, staff_support
from .conftest import RestUser
from .matrix_support import BRIDGE_SECRET, Homeserver, MatrixUser
from .staff_support import (
    ALERT_CHANNEL,
    GUEST_SLACK,
    STAFF_DM,
    STAFF_SLACK,
    posted_to,
    running_stack,
    slack_env,
)

# The fixtures live in matrix_support.py; a module's globals are where pytest finds them.
matrix_venv, homeserver = matrix_support.matrix_venv, matrix_support.homeserver

STAFF_ONLY = "Sorry, that's only for cluster staff"
FIRM_ANSWERS = [  # what a firm taps or types, in order (buttons send their payloads)
    "/firm_start", "/affirm", "Steel Works", "Graz", '/inform{"choice":"construction"}',
    '/inform{"choice":"medium"}', "Ana Berg", "ana@steel.eu", "welding", "/affirm", "4",
    '/inform{"choice":"new_hires"}', "2099-03-01", '/inform{"choice":"any"}', "/firm_save",
]  # fmt: skip


@dataclass
class World:
    stack: Stack
    slack: SlackDouble
    bot: MatrixUser
    staff: MatrixUser
    room_id: str


@pytest.fixture(scope="module")
def world(
    trained_model: Path, homeserver: Homeserver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    suffix = uuid.uuid4().hex[:6]
    bot, staff = homeserver.register(f"needsbot{suffix}"), homeserver.register(f"needstaff{suffix}")
    room = staff.call(
        "POST", "/_matrix/client/v3/createRoom", json={"preset": "private_chat", "name": "Staff"}
    )
    room_id = str(room["room_id"])
    staff.call("POST", f"/_matrix/client/v3/rooms/{quote(room_id)}/invite", json={"user_id": bot.user_id})
    slack = SlackDouble()
    env = {
        **slack_env(slack), "STAFF_MATRIX_USERS": staff.user_id,
        "MATRIX_HOMESERVER": homeserver.url, "MATRIX_ACCESS_TOKEN": bot.token, "MATRIX_STAFF_ROOM": room_id,
        "MATRIX_ALERT_ROOM": room_id, "MATRIX_BRIDGE_SECRET": BRIDGE_SECRET,
    }  # fmt: skip
    try:
        with running_stack(trained_model, tmp_path_factory.mktemp("firm-staff"), env) as stack:
            staff.sync(room_id)  # from here on, syncs show only new events
            yield World(stack, slack, bot, staff, room_id)
    finally:
        slack.close()


@dataclass(frozen=True)
class Posted:
    reference: str
    secret: str
    replies: list[dict[str, Any]]
    again: list[dict[str, Any]]


@pytest.fixture(scope="module")
def posted(world: World) -> Posted:
    """A firm posts a need over REST, then taps Save a second time."""
    firm = RestUser(world.stack)
    replies: list[dict[str, Any]] = []
    for answer in FIRM_ANSWERS:
        replies = firm.say(answer)
    saved = next((r["text"] for r in replies if "Your reference is" in r.get("text", "")), None)
    assert saved, f"no confirmation; last replies: {replies}"
    found = re.search(r"reference is (N-\w{5}) and your secret is ([\w-]{14})", saved)
    assert found and "keep this secret" in saved
    return Posted(found.group(1), found.group(2), replies, firm.say("/firm_save"))


def slack_says(world: World, text: str, user: str = STAFF_SLACK) -> int:
    return staff_support.slack_says(world.stack, text, user)


def from_bot(world: World, contains: str) -> Callable[[dict[str, Any]], bool]:
    def found(event: dict[str, Any]) -> bool:
        return event.get("sender") == world.bot.user_id and contains in str(
            event.get("content", {}).get("body")
        )

    return found


def test_firm_gets_offers_and_a_double_tap_stores_once(world: World, posted: Posted) -> None:
    assert any((r.get("custom") or {}).get("type") == "offer_card" for r in posted.replies)
    assert any(f"already saved under reference {posted.reference}" in r.get("text", "") for r in posted.again)
    store = needs_store_from_url(world.stack.settings.needs_db_url)
    try:
        assert [n.reference for n in store.list()] == [posted.reference]
    finally:
        store.close()


def test_alert_reaches_slack_and_matrix_without_contact(world: World, posted: Posted) -> None:
    call = world.slack.wait_for_sync("chat.postMessage", posted_to(ALERT_CHANNEL, posted.reference))
    event = world.staff.wait_for(world.room_id, from_bot(world, f"New firm need {posted.reference}"))
    for alert in (call["params"]["text"], event["content"]["body"]):
        assert "Graz" in alert and "4 ×" in alert and "ana@steel.eu" not in alert


def test_staff_sees_the_need_on_slack(world: World, posted: Posted) -> None:
    assert slack_says(world, "new needs") == 200
    call = world.slack.wait_for_sync("chat.postMessage", posted_to(STAFF_DM, "new need since"))
    assert posted.reference in call["params"]["text"]


def test_staff_sees_the_need_on_matrix(world: World, posted: Posted) -> None:
    world.staff.say(world.room_id, "new needs")
    reply = world.staff.wait_for(world.room_id, from_bot(world, "new need since"))
    assert posted.reference in reply["content"]["body"]


def test_staff_talk_stays_with_staff_commands(world: World, posted: Posted) -> None:
    # QA8: "hi" opened the worker's consent question, which then held every staff command; a
    # need asked for in other words opened the firm's manage form, and so did "new secret for …"
    assert slack_says(world, "hi") == 200
    world.slack.wait_for_sync("chat.postMessage", posted_to(STAFF_DM, "For cluster staff I can"))
    assert slack_says(world, f"details for {posted.reference.lower()} please") == 200
    call = world.slack.wait_for_sync("chat.postMessage", posted_to(STAFF_DM, f"Need {posted.reference} (open)"))
    assert "ana@steel.eu" in call["params"]["text"]
    assert slack_says(world, f"new secret for {posted.reference}") == 200
    world.slack.wait_for_sync("chat.postMessage", posted_to(STAFF_DM, f"New secret for {posted.reference}: "))


def test_non_staff_get_nothing(world: World, posted: Posted) -> None:
    rest = RestUser(world.stack)
    for forged in ("/staff_new_needs", f'/staff_show_need{{"choice":"{posted.reference}"}}', "/staff_export",
                   "/staff_report", "new needs", f"need {posted.reference}"):  # fmt: skip
        replies = rest.say(forged)
        if forged.startswith("/"):  # a command or forged payload: the action itself refuses
            assert any(STAFF_ONLY in r.get("text", "") for r in replies), (forged, replies)
        assert posted.reference not in str(replies) and "ana@steel.eu" not in str(replies), forged
    calls_before = len(world.slack.calls)
    assert slack_says(world, f"need {posted.reference}", user=GUEST_SLACK) == 200  # dropped by the channel
    time.sleep(2)
    assert len(world.slack.calls) == calls_before


def test_demand_chart_is_a_png(world: World, posted: Posted) -> None:
    slack_says(world, "demand report")
    table = world.slack.wait_for_sync("chat.postMessage", posted_to(STAFF_DM, "Demand"))
    assert "weld" in table["params"]["text"].lower()
    upload = world.slack.wait_for_sync("/upload/F0001")
    png = upload["raw"]
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR" and png.endswith(b"IEND\xaeB`\x82")


def assert_export_matches_the_store(world: World, posted: Posted, csv_text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    store = needs_store_from_url(world.stack.settings.needs_db_url)
    try:
        assert rows == store.export_rows()
    finally:
        store.close()
    assert rows[0]["reference"] == posted.reference and rows[0]["contact_email"] == "ana@steel.eu"


def test_csv_export_is_a_file_on_slack_that_matches_the_store(world: World, posted: Posted) -> None:
    slack_says(world, "export needs")
    complete, raw = world.slack.wait_for_file("needs.csv")
    assert complete["params"]["channel_id"] == STAFF_DM
    assert complete["params"]["initial_comment"].startswith("Needs export")
    assert_export_matches_the_store(world, posted, raw.decode("utf-8"))


def test_csv_export_is_a_file_on_matrix_that_matches_the_store(world: World, posted: Posted) -> None:
    world.staff.say(world.room_id, "export needs")
    event = world.staff.wait_for(
        world.room_id,
        lambda e: e.get("sender") == world.bot.user_id and e.get("content", {}).get("msgtype") == "m.file",
    )
    content = event["content"]
    assert (content["body"], content["info"]["mimetype"]) == ("needs.csv", "text/csv")
    assert_export_matches_the_store(world, posted, world.staff.download(content["url"]).decode("utf-8"))


def test_need_survives_a_restart_of_every_process(world: World, posted: Posted) -> None:
    world.stack.stop()
    world.stack.start()
    world.staff.sync(world.room_id)
    assert slack_says(world, f"need {posted.reference}") == 200
    call = world.slack.wait_for_sync(
        "chat.postMessage", posted_to(STAFF_DM, f"Need {posted.reference} (open)")
    )
    assert "Steel Works" in call["params"]["text"]
    world.staff.say(world.room_id, f"need {posted.reference}")
    world.staff.wait_for(world.room_id, from_bot(world, f"Need {posted.reference} (open)"))
