"""The Matrix channel, driven as the bridge drives it: signed room events in, client-server API out.

A real Sanic app serves ``connectors.matrix.MatrixInput``; requests are signed with the
bridge's own ``matrix_bridge/signing.py``, so the two sides are tested against each other.
Replies go through the channel's aiohttp calls to a local double of a homeserver's
client-server API (tests/test_connectors/matrix_bench.py). tests/e2e/test_matrix_synapse.py
does the same against a real Synapse.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from rasa.shared.exceptions import InvalidConfigException

from connectors.matrix import MatrixInput, png_size
from skills_catalog.staff_access import parse_csv_message
from tests.http_double import tiny_png
from tests.test_connectors import matrix_bench
from tests.test_connectors.channel_support import CSV_TEXT, EchoBot
from tests.test_connectors.matrix_bench import (
    BO,
    ROOM,
    SECRET,
    STAFF,
    STRANGER,
    TOKEN,
    HomeserverDouble,
    bridge_body,
    post,
    signing,
    text_event,
    without_relation,
)

# The fixtures live in matrix_bench.py; a module's globals are where pytest finds them.
homeserver, bot, staff_room, webhook = (
    matrix_bench.homeserver,
    matrix_bench.bot,
    matrix_bench.staff_room,
    matrix_bench.webhook,
)


def test_missing_credentials_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MATRIX_HOMESERVER", "MATRIX_ACCESS_TOKEN", "MATRIX_BRIDGE_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(InvalidConfigException, match="access_token, shared_secret"):
        MatrixInput.from_credentials({"homeserver": "http://hs"})


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATRIX_HOMESERVER", "https://matrix.cluster.eu")
    monkeypatch.setenv("MATRIX_ACCESS_TOKEN", TOKEN)
    monkeypatch.setenv("MATRIX_BRIDGE_SECRET", SECRET)
    monkeypatch.setenv("MATRIX_STAFF_ROOM", ROOM)
    channel = MatrixInput.from_credentials(None)
    assert (channel.name(), channel.homeserver, channel.room_id) == (
        "matrix",
        "https://matrix.cluster.eu",
        ROOM,
    )


def test_png_size_reads_the_header() -> None:
    assert png_size(tiny_png(3, 2)) == (3, 2)
    assert png_size(b"GIF89a") is None


async def test_message_reaches_the_bot_and_reply_is_sent_to_the_room(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble
) -> None:
    status, answer = await post(webhook, bridge_body(text_event("hello")))
    assert (status, answer) == (200, {"status": "ok"})
    message = bot.messages[0]
    assert (message.text, message.sender_id, message.input_channel) == ("hello", STAFF, "matrix")
    assert message.metadata["room_id"] == ROOM
    call = homeserver.writes()[0]
    assert unquote(call["path"]).startswith(f"/_matrix/client/v3/rooms/{ROOM}/send/m.room.message/")
    assert call["auth"] == f"Bearer {TOKEN}"
    assert homeserver.sent() == [{"msgtype": "m.text", "body": "echo: hello"}]


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "application/json"},
        signing.signed_headers("another-secret", bridge_body(text_event("hello"))),
        signing.signed_headers(SECRET, bridge_body(text_event("hello")), now=time.time() - 600),
        signing.signed_headers(SECRET, b'{"room_id": "!other:localhost"}'),
    ],
    ids=["unsigned", "wrong-secret", "ten-minutes-old", "signature-of-other-body"],
)
async def test_unauthentic_requests_get_401(webhook: str, bot: EchoBot, headers: dict[str, str]) -> None:
    status, _ = await post(webhook, bridge_body(text_event("hello")), headers)
    assert status == 401 and bot.messages == []


@pytest.mark.parametrize(
    ("event", "room"),
    [
        (text_event("hi", sender=STRANGER), ROOM),
        (text_event("hi"), "!elsewhere:localhost"),
        (text_event("the bot's own notice", msgtype="m.notice"), ROOM),
        (text_event("* hi", **{"m.relates_to": {"rel_type": "m.replace", "event_id": "$x"}}), ROOM),
        ({"type": "m.room.member", "sender": STAFF, "content": {"membership": "join"}}, ROOM),
    ],
    ids=["not-staff", "other-room", "notice", "edit", "state-event"],
)
async def test_events_not_for_the_bot_are_ignored(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble, event: dict[str, Any], room: str
) -> None:
    status, answer = await post(webhook, bridge_body(event, room))
    assert (status, answer) == (200, {"status": "ignored"})
    assert bot.messages == [] and homeserver.writes() == []


async def test_body_that_is_not_json_gets_400(webhook: str) -> None:
    assert (await post(webhook, b"not json"))[0] == 400


async def test_a_retried_event_is_answered_once(webhook: str, bot: EchoBot) -> None:
    body = bridge_body(text_event("hello"))
    await post(webhook, body)
    assert (await post(webhook, body))[1] == {"status": "ignored"}
    assert len(bot.messages) == 1


async def test_buttons_are_a_numbered_list_and_a_number_picks_one(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble
) -> None:
    await post(webhook, bridge_body(text_event("/buttons")))
    assert homeserver.sent()[0]["body"] == "Which report?\n1. Skills\n2. Firms"
    await post(webhook, bridge_body(text_event("2")))
    assert bot.messages[1].text == "/report_firms"
    await post(webhook, bridge_body(text_event("2")))  # buttons are gone once the bot moved on
    assert bot.messages[2].text == "2"


async def test_numbers_do_not_pick_another_persons_buttons(webhook: str, bot: EchoBot) -> None:
    await post(webhook, bridge_body(text_event("/buttons")))
    await post(webhook, bridge_body(text_event("1", sender=BO)))
    assert bot.messages[1].text == "1"


async def test_chart_is_uploaded_then_sent_as_an_image(webhook: str, homeserver: HomeserverDouble) -> None:
    await post(webhook, bridge_body(text_event("/chart")))
    upload, send = homeserver.writes()
    assert upload["verb"] == "POST" and urlparse(upload["path"]).path == "/_matrix/media/v3/upload"
    assert (upload["body"], upload["type"], upload["auth"]) == (tiny_png(), "image/png", f"Bearer {TOKEN}")
    image = without_relation(send)
    assert image == {"msgtype": "m.image", "body": "Demand by skill", "filename": "chart.png",
                     "url": "mxc://localhost/chart0001",
                     "info": {"mimetype": "image/png", "size": len(tiny_png()), "w": 3, "h": 2}}  # fmt: skip


async def test_csv_export_is_uploaded_then_sent_as_a_file(webhook: str, homeserver: HomeserverDouble) -> None:
    await post(webhook, bridge_body(text_event("/csv")))
    upload, title, send = homeserver.writes()
    assert (
        urlparse(upload["path"]).path == "/_matrix/media/v3/upload" and "filename=needs.csv" in upload["path"]
    )
    assert (upload["body"], upload["type"]) == (CSV_TEXT.encode(), "text/csv")
    assert without_relation(title) == {"msgtype": "m.text", "body": "Needs export"}
    assert without_relation(send) == {"msgtype": "m.file", "body": "needs.csv", "filename": "needs.csv",
                                        "url": "mxc://localhost/chart0001",
                                        "info": {"mimetype": "text/csv", "size": len(CSV_TEXT.encode())}}  # fmt: skip


async def test_csv_export_falls_back_to_text_when_the_upload_fails(
    webhook: str, homeserver: HomeserverDouble
) -> None:
    homeserver.refuse_uploads = True
    await post(webhook, bridge_body(text_event("/csv")))
    [sent] = homeserver.sent()
    assert sent["msgtype"] == "m.text" and parse_csv_message(sent["body"]) == CSV_TEXT


async def test_unprompted_messages_go_to_the_staff_room(homeserver: HomeserverDouble) -> None:
    channel = MatrixInput(homeserver.url, TOKEN, SECRET, room_id=ROOM)
    out = channel.get_output_channel()
    assert out is not None
    await out.send_text_message("", "New firm need: 4 welders in Linz")
    await asyncio.sleep(0)
    assert homeserver.sent_as_is() == [{"msgtype": "m.text", "body": "New firm need: 4 welders in Linz"}]
