"""The Matrix channel, driven as the bridge drives it: signed room events in, client-server API out.

A real Sanic app serves ``connectors.matrix.MatrixInput``; requests are signed with the
bridge's own ``matrix_bridge/signing.py``, so the two sides are tested against each other.
Replies go through the channel's aiohttp calls to a local double of a homeserver's
client-server API. tests/e2e/test_matrix_synapse.py does the same against a real Synapse.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlparse

import aiohttp
import pytest
from rasa.shared.exceptions import InvalidConfigException
from sanic import Sanic

from connectors.matrix import MatrixInput, png_size
from skills_catalog.staff_access import parse_csv_message
from tests.http_double import HttpDouble, QuietHandler, tiny_png
from tests.test_connectors.channel_support import CSV_TEXT, EchoBot, served

ROOT = Path(__file__).resolve().parents[2]
SECRET = "bridge-secret-for-tests"
TOKEN = "syt_bot_token"
ROOM = "!staffroom:localhost"
STAFF, STRANGER = "@ana:localhost", "@eve:localhost"


def load_signing() -> ModuleType:
    """The bridge's signing module; the bridge lives in its own venv, so it is loaded by path."""
    spec = importlib.util.spec_from_file_location("bridge_signing", ROOT / "matrix_bridge" / "signing.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


signing = load_signing()


class _HomeserverHandler(QuietHandler):
    def do_PUT(self) -> None:  # noqa: N802 - http.server's name
        self._record("PUT", {"event_id": f"${uuid.uuid4().hex}"})

    def do_POST(self) -> None:  # noqa: N802
        if self.double.refuse_uploads:
            self._record("POST", {"errcode": "M_TOO_LARGE", "error": "Upload too large"}, status=413)
        else:
            self._record("POST", {"content_uri": "mxc://localhost/chart0001"})

    def _record(self, verb: str, answer: dict[str, Any], status: int = 200) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.double.record({"verb": verb, "path": self.path, "body": body, "auth": self.headers["Authorization"],
                            "type": self.headers.get("Content-Type")})  # fmt: skip
        if status == 200:
            self.reply(json.dumps(answer).encode())
        else:
            self.send_error(status, answer["error"])


class HomeserverDouble(HttpDouble):
    """The two client-server endpoints the channel calls: room send (PUT) and media upload (POST)."""

    handler = _HomeserverHandler
    refuse_uploads = False  # media uploads answer 413 when set

    def sent(self) -> list[dict[str, Any]]:
        """Contents of the room messages sent so far."""
        return [json.loads(call["body"]) for call in self.calls if call["verb"] == "PUT"]


def text_event(body: str, sender: str = STAFF, msgtype: str = "m.text", **content: Any) -> dict[str, Any]:
    return {"type": "m.room.message", "sender": sender, "event_id": f"${uuid.uuid4().hex}",
            "origin_server_ts": int(time.time() * 1000), "content": {"msgtype": msgtype, "body": body, **content}}  # fmt: skip


def bridge_body(event: dict[str, Any], room: str = ROOM) -> bytes:
    return json.dumps({"room_id": room, "event": event}).encode()


@pytest.fixture
def homeserver() -> Iterator[HomeserverDouble]:
    double = HomeserverDouble()
    yield double
    double.close()


@pytest.fixture
def bot() -> EchoBot:
    return EchoBot()


@pytest.fixture
async def webhook(
    homeserver: HomeserverDouble, bot: EchoBot, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[str]:
    """The channel served by Sanic as Rasa serves it: /webhooks/matrix/webhook."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setenv("STAFF_MATRIX_USERS", f"{STAFF},@bo:localhost")
    channel = MatrixInput.from_credentials(
        {"homeserver": homeserver.url, "access_token": TOKEN, "room_id": ROOM, "shared_secret": SECRET}
    )
    async with served(channel, bot) as url:
        yield url


async def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    """POSTs as the bridge does: signed with the shared secret unless headers are given."""
    headers = signing.signed_headers(SECRET, body) if headers is None else headers
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as reply:
        return reply.status, await reply.json(content_type=None)


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
    call = homeserver.calls[0]
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
    assert bot.messages == [] and homeserver.calls == []


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
    await post(webhook, bridge_body(text_event("1", sender="@bo:localhost")))
    assert bot.messages[1].text == "1"


async def test_chart_is_uploaded_then_sent_as_an_image(webhook: str, homeserver: HomeserverDouble) -> None:
    await post(webhook, bridge_body(text_event("/chart")))
    upload, send = homeserver.calls
    assert upload["verb"] == "POST" and urlparse(upload["path"]).path == "/_matrix/media/v3/upload"
    assert (upload["body"], upload["type"], upload["auth"]) == (tiny_png(), "image/png", f"Bearer {TOKEN}")
    image = json.loads(send["body"])
    assert image == {"msgtype": "m.image", "body": "Demand by skill", "filename": "chart.png",
                     "url": "mxc://localhost/chart0001",
                     "info": {"mimetype": "image/png", "size": len(tiny_png()), "w": 3, "h": 2}}  # fmt: skip


async def test_csv_export_is_uploaded_then_sent_as_a_file(webhook: str, homeserver: HomeserverDouble) -> None:
    await post(webhook, bridge_body(text_event("/csv")))
    upload, title, send = homeserver.calls
    assert (
        urlparse(upload["path"]).path == "/_matrix/media/v3/upload" and "filename=needs.csv" in upload["path"]
    )
    assert (upload["body"], upload["type"]) == (CSV_TEXT.encode(), "text/csv")
    assert json.loads(title["body"]) == {"msgtype": "m.text", "body": "Needs export"}
    assert json.loads(send["body"]) == {"msgtype": "m.file", "body": "needs.csv", "filename": "needs.csv",
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
    assert homeserver.sent() == [{"msgtype": "m.text", "body": "New firm need: 4 welders in Linz"}]
