"""The Matrix channel's test bench: a local double of the homeserver, events as the bridge sends
them, and the channel served by Sanic (``webhook``) with a bot that stands in for Rasa.

Requests are signed with the bridge's own ``matrix_bridge/signing.py``, so the two sides are
tested against each other. Test modules take the fixtures into their globals, where pytest finds
them: ``homeserver, bot, webhook = matrix_bench.homeserver, matrix_bench.bot, matrix_bench.webhook``.
"""

from __future__ import annotations

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
from sanic import Sanic

from connectors.matrix import MatrixInput
from tests.http_double import HttpDouble, QuietHandler
from tests.test_connectors.channel_support import EchoBot, served

ROOT = Path(__file__).resolve().parents[2]
SECRET = "bridge-secret-for-tests"
TOKEN = "syt_bot_token"
ROOM = "!staffroom:localhost"
STAFF, BO, STRANGER, BOT = "@ana:localhost", "@bo:localhost", "@eve:localhost", "@bot:localhost"


def load_signing() -> ModuleType:
    """The bridge's signing module; the bridge lives in its own venv, so it is loaded by path."""
    spec = importlib.util.spec_from_file_location("bridge_signing", ROOT / "matrix_bridge" / "signing.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


signing = load_signing()


class _HomeserverHandler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        """whoami, a room's members, an alias's room id: what the channel looks up."""
        path = unquote(urlparse(self.path).path)
        room = path.removeprefix("/_matrix/client/v3/rooms/").removesuffix("/members")
        alias = path.removeprefix("/_matrix/client/v3/directory/room/")
        if self.double.lookups_fail:
            self._record("GET", {"errcode": "M_UNKNOWN", "error": "Internal server error"}, status=500)
        elif path == "/_matrix/client/v3/account/whoami":
            self._record("GET", {"user_id": BOT})
        elif path.endswith("/members") and room in self.double.members:
            chunk = [{"type": "m.room.member", "state_key": user, "content": {"membership": membership}}
                     for user, membership in self.double.members[room]]  # fmt: skip
            self._record("GET", {"chunk": chunk})
        elif alias in self.double.aliases:
            self._record("GET", {"room_id": self.double.aliases[alias], "servers": ["localhost"]})
        else:
            self._record("GET", {"errcode": "M_NOT_FOUND", "error": "Not found"}, status=404)

    def do_PUT(self) -> None:  # noqa: N802
        self._record("PUT", {"event_id": f"${uuid.uuid4().hex}"})

    def do_POST(self) -> None:  # noqa: N802
        if self.double.refuse_uploads:
            self._record("POST", {"errcode": "M_TOO_LARGE", "error": "Upload too large"}, status=413)
        else:
            self._record("POST", {"content_uri": "mxc://localhost/chart0001"})

    def _record(self, verb: str, answer: dict[str, Any], status: int = 200) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.double.record({"verb": verb, "path": self.path, "body": body, "auth": self.headers.get("Authorization"),
                            "type": self.headers.get("Content-Type")})  # fmt: skip
        if status == 200:
            self.reply(json.dumps(answer).encode())
        else:
            self.send_error(status, answer["error"])


class HomeserverDouble(HttpDouble):
    """The client-server endpoints the channel calls: room send (PUT), media upload (POST), and
    the look-ups (GET) of its own id, a room's members and an alias."""

    handler = _HomeserverHandler
    refuse_uploads = False  # media uploads answer 413 when set
    lookups_fail = False  # every GET answers 500 when set

    def __init__(self) -> None:
        super().__init__()
        self.members: dict[str, list[tuple[str, str]]] = {
            ROOM: [(BOT, "join"), (STAFF, "join"), (BO, "join")]
        }
        self.aliases: dict[str, str] = {}

    def sent(self) -> list[dict[str, Any]]:
        """Contents of the room messages sent so far, without the reply relation."""
        return [without_relation(call) for call in self.calls if call["verb"] == "PUT"]

    def sent_as_is(self) -> list[dict[str, Any]]:
        return [json.loads(call["body"]) for call in self.calls if call["verb"] == "PUT"]

    def writes(self) -> list[dict[str, Any]]:
        """The calls that post something (PUT, POST), without the look-ups."""
        return [call for call in self.calls if call["verb"] != "GET"]

    def looked_up(self, ending: str) -> int:
        """How many GETs went to a path ending so."""
        return sum(1 for c in self.calls if c["verb"] == "GET" and unquote(c["path"]).endswith(ending))


def without_relation(call: dict[str, Any]) -> dict[str, Any]:
    """A recorded message's content without ``m.relates_to`` (tested on its own)."""
    return {key: value for key, value in json.loads(call["body"]).items() if key != "m.relates_to"}


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
def staff_room() -> str:
    """The channel's ``room_id`` setting (a test may override it, e.g. with an alias)."""
    return ROOM


@pytest.fixture
async def webhook(
    homeserver: HomeserverDouble, bot: EchoBot, staff_room: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[str]:
    """The channel served by Sanic as Rasa serves it: /webhooks/matrix/webhook."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setenv("STAFF_MATRIX_USERS", f"{STAFF},{BO}")
    channel = MatrixInput.from_credentials(
        {"homeserver": homeserver.url, "access_token": TOKEN, "room_id": staff_room, "shared_secret": SECRET}
    )
    async with served(channel, bot) as url:  # type: ignore[arg-type]  # any async handler will do
        yield url


async def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    """POSTs as the bridge does: signed with the shared secret unless headers are given."""
    headers = signing.signed_headers(SECRET, body) if headers is None else headers
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as reply:
        return reply.status, await reply.json(content_type=None)
