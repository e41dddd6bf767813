"""The Slack channel, driven as Slack drives it: signed Events API requests in, Web API calls out.

A real Sanic app serves ``connectors.slack.SlackInput`` on a free localhost port; requests
carry real ``v0`` signatures. Replies go through the real slack_sdk client to a local double
of the Web API (``SlackDouble``) that answers in Slack's wire format, reached through the
channel's ``api_base_url``, so no call leaves the machine.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import struct
import threading
import time
import uuid
import zlib
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Sanic

from connectors.slack import DEFAULT_API_BASE_URL, SlackInput
from skills_catalog.staff_access import chart_message

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test-token"
STAFF, GUEST = "USTAFF1", "UGUEST9"
TIMEOUT = 10.0


def tiny_png(width: int = 2, height: int = 1) -> bytes:
    """A valid grey PNG, made here so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class SlackDouble:
    """A local Web API: records each call and answers ``{"ok": true, ...}`` as Slack does."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self.server.server_port}/api/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "chat.postMessage":
            return {"ok": True, "channel": params.get("channel"), "ts": f"{time.time():.6f}"}
        if method == "files.getUploadURLExternal":
            upload = f"http://127.0.0.1:{self.server.server_port}/upload/F0001"
            return {"ok": True, "upload_url": upload, "file_id": "F0001"}
        if method == "files.completeUploadExternal":
            return {
                "ok": True,
                "files": [{"id": f["id"], "title": f["title"]} for f in json.loads(params["files"])],
            }
        return {"ok": False, "error": "unknown_method"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        double = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                url = urlparse(self.path)
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                params: dict[str, Any] = dict(parse_qsl(url.query))
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    params.update(json.loads(raw))
                elif self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
                    params.update(parse_qsl(raw.decode()))
                method = url.path.removeprefix("/api/")
                with double.lock:
                    double.calls.append({"method": method, "params": params, "raw": raw,
                                         "auth": self.headers.get("Authorization")})  # fmt: skip
                if url.path.startswith("/upload/"):
                    self._reply(200, f"OK - {len(raw)}".encode(), "text/plain")
                else:
                    self._reply(200, json.dumps(double.answer(method, params)).encode(), "application/json")

            def _reply(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def methods(self) -> list[str]:
        with self.lock:
            return [call["method"] for call in self.calls]

    async def wait_for(self, method: str) -> dict[str, Any]:
        """The first call of ``method``, waiting for the channel's background task to make it."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            with self.lock:
                found = [call for call in self.calls if call["method"] == method]
            if found:
                return found[0]
            await asyncio.sleep(0.05)
        raise AssertionError(f"no {method} call; calls: {self.methods()}")


class EchoBot:
    """Stands in for Rasa's agent: records messages, answers text, buttons or a chart."""

    def __init__(self) -> None:
        self.messages: list[UserMessage] = []

    async def __call__(self, message: UserMessage) -> None:
        self.messages.append(message)
        out = message.output_channel
        if message.text == "/buttons":
            buttons = [
                {"title": "Skills", "payload": "/report_skills"},
                {"title": "Firms", "payload": "/report_firms"},
            ]
            await out.send_response(message.sender_id, {"text": "Which report?", "buttons": buttons})
        elif message.text == "/chart":
            await out.send_response(
                message.sender_id, {"custom": chart_message(tiny_png(), "Demand by skill")}
            )
        else:
            await out.send_response(message.sender_id, {"text": f"echo: {message.text}"})


def signed(body: bytes, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack sends: X-Slack-Signature = v0=HMAC-SHA256(secret, "v0:{ts}:{body}")."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
    }


def message_event(text: str, user: str = STAFF, channel: str = "D0STAFF", channel_type: str = "im") -> bytes:
    event = {"type": "message", "user": user, "text": text, "channel": channel, "channel_type": channel_type,
             "ts": f"{time.time():.6f}"}  # fmt: skip
    envelope = {"type": "event_callback", "team_id": "T0CLUSTER", "event": event, "event_id": f"Ev{uuid.uuid4().hex[:8]}",
                "authorizations": [{"user_id": "UBOT0001", "is_bot": True}]}  # fmt: skip
    return json.dumps(envelope).encode()


@pytest.fixture
def double() -> Iterator[SlackDouble]:
    web_api = SlackDouble()
    yield web_api
    web_api.server.shutdown()
    web_api.server.server_close()


@pytest.fixture
def bot() -> EchoBot:
    return EchoBot()


@pytest.fixture
async def webhook(double: SlackDouble, bot: EchoBot, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    """The channel served by Sanic as Rasa serves it: /webhooks/slack/webhook."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setenv("STAFF_SLACK_USERS", f"{STAFF}, UOTHER2")
    channel = SlackInput.from_credentials(
        {"slack_token": TOKEN, "slack_signing_secret": SECRET, "api_base_url": double.base_url}
    )
    app = Sanic(f"slack_test_{uuid.uuid4().hex}")
    app.blueprint(channel.blueprint(bot), url_prefix="/webhooks/slack")
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.start_serving()
    port = server.server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}/webhooks/slack/webhook"
    await server.close()


async def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str, dict[str, str]]:
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as reply:
        return reply.status, await reply.text(), dict(reply.headers)


def test_signing_secret_is_required() -> None:
    with pytest.raises(InvalidConfigException, match="signing secret"):
        SlackInput.from_credentials({"slack_token": TOKEN})


def test_secrets_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_API_BASE_URL", "https://slack-gov.com/api")
    channel = SlackInput.from_credentials(None)
    assert (channel.slack_token, channel.slack_signing_secret) == (TOKEN, SECRET)
    assert channel.get_output_channel("C1").client.base_url == "https://slack-gov.com/api/"


def test_default_base_url_is_slack_com() -> None:
    channel = SlackInput.from_credentials({"slack_token": TOKEN, "slack_signing_secret": SECRET})
    assert (
        channel.get_output_channel("C1").client.base_url == DEFAULT_API_BASE_URL == "https://slack.com/api/"
    )


async def test_url_verification_challenge_is_answered(webhook: str) -> None:
    body = json.dumps({"token": "x", "challenge": "3eZbrw1aBm2r", "type": "url_verification"}).encode()
    status, text, _ = await post(webhook, body, signed(body))
    assert (status, json.loads(text)) == (200, {"challenge": "3eZbrw1aBm2r"})


@pytest.mark.parametrize(
    "headers",
    [
        signed(b"something else"),
        signed(message_event("hello"), secret="not-the-secret"),
        signed(message_event("hello"), timestamp=int(time.time()) - 600),
        {"Content-Type": "application/json"},
    ],
    ids=["signature-of-other-body", "wrong-secret", "ten-minutes-old", "unsigned"],
)
async def test_unauthentic_requests_are_refused(
    webhook: str, bot: EchoBot, double: SlackDouble, headers: dict[str, str]
) -> None:
    status, _, _ = await post(webhook, message_event("hello"), headers)
    await asyncio.sleep(0.2)
    assert status == 400
    assert bot.messages == [] and double.calls == []


async def test_unsigned_challenge_is_refused(webhook: str) -> None:
    body = json.dumps({"challenge": "abc", "type": "url_verification"}).encode()
    status, text, _ = await post(webhook, body, {"Content-Type": "application/json"})
    assert status == 400 and "abc" not in text


async def test_message_reaches_the_bot_and_reply_is_posted(
    webhook: str, bot: EchoBot, double: SlackDouble
) -> None:
    body = message_event("hello <@UBOT0001>")
    status, _, _ = await post(webhook, body, signed(body))
    call = await double.wait_for("chat.postMessage")
    assert status == 200
    message = bot.messages[0]
    assert (message.text, message.sender_id, message.input_channel) == ("hello", STAFF, "slack")
    assert message.metadata["out_channel"] == "D0STAFF"
    assert call["auth"] == f"Bearer {TOKEN}"
    assert (call["params"]["channel"], call["params"]["text"]) == ("D0STAFF", "echo: hello")


async def test_buttons_are_posted_as_blocks(webhook: str, double: SlackDouble) -> None:
    body = message_event("/buttons")
    await post(webhook, body, signed(body))
    blocks = (await double.wait_for("chat.postMessage"))["params"]["blocks"]
    assert blocks[0]["text"]["text"] == "Which report?"
    assert [b["value"] for b in blocks[1]["elements"]] == ["/report_skills", "/report_firms"]


async def test_chart_is_uploaded_as_a_file(webhook: str, double: SlackDouble) -> None:
    body = message_event("/chart")
    await post(webhook, body, signed(body))
    complete = await double.wait_for("files.completeUploadExternal")
    assert double.methods() == ["files.getUploadURLExternal", "/upload/F0001", "files.completeUploadExternal"]
    url_call, upload = double.calls[0], double.calls[1]
    assert (url_call["params"]["filename"], int(url_call["params"]["length"])) == (
        "chart.png",
        len(tiny_png()),
    )
    assert upload["raw"] == tiny_png()
    assert complete["params"]["channel_id"] == "D0STAFF"
    assert json.loads(complete["params"]["files"])[0] == {"id": "F0001", "title": "Demand by skill"}


async def test_message_from_non_staff_is_dropped(webhook: str, bot: EchoBot, double: SlackDouble) -> None:
    body = message_event("show me the demand report", user=GUEST)
    status, _, _ = await post(webhook, body, signed(body))
    await asyncio.sleep(0.3)
    assert status == 200  # not an error: Slack must not retry
    assert bot.messages == [] and double.calls == []


async def test_retry_after_timeout_is_not_processed_twice(webhook: str, bot: EchoBot) -> None:
    body = message_event("hello")
    headers = {**signed(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    status, _, reply_headers = await post(webhook, body, headers)
    await asyncio.sleep(0.3)
    assert (status, reply_headers.get("X-Slack-No-Retry")) == (201, "1")
    assert bot.messages == []


async def test_retry_after_an_error_is_processed(webhook: str, bot: EchoBot, double: SlackDouble) -> None:
    body = message_event("hello again")
    headers = {**signed(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    status, _, _ = await post(webhook, body, headers)
    await double.wait_for("chat.postMessage")
    assert status == 200 and [m.text for m in bot.messages] == ["hello again"]


async def test_bot_messages_are_not_answered(webhook: str, bot: EchoBot) -> None:
    envelope = json.loads(message_event("echo: hello"))
    envelope["event"]["bot_id"] = "B0BOT"
    body = json.dumps(envelope).encode()
    status, _, _ = await post(webhook, body, signed(body))
    await asyncio.sleep(0.2)
    assert status == 200 and bot.messages == []
