"""A local double of Slack's Web API and signed Events API requests, for channel and e2e tests.

``SlackDouble`` answers in Slack's wire format (``chat.postMessage``, the three-step file
upload) on a free localhost port and records every call; point a channel's ``api_base_url``
(or ``SLACK_API_BASE_URL``) at ``double.base_url``. ``signed`` and ``message_event`` build
what Slack sends to ``/webhooks/slack/webhook``.
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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

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

    def wait_for_sync(self, method: str, found: Any = None, timeout: float = 60) -> dict[str, Any]:
        """The first call of ``method`` (for which ``found(call)`` is true), from blocking code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                calls = [c for c in self.calls if c["method"] == method and (found is None or found(c))]
            if calls:
                return calls[0]
            time.sleep(0.1)
        raise AssertionError(f"no matching {method} call after {timeout:.0f} s; calls: {self.methods()}")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


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
