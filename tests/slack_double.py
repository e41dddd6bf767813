"""A local double of Slack's Web API and signed Events API requests, for channel and e2e tests.

``SlackDouble`` answers in Slack's wire format (``chat.postMessage``, the three-step file
upload) on a free localhost port and records every call with its answer; point a channel's ``api_base_url``
(or ``SLACK_API_BASE_URL``) at ``double.base_url``. ``signed`` and ``message_event`` build
what Slack sends to ``/webhooks/slack/webhook``.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
import uuid
from typing import Any
from urllib.parse import parse_qsl, urlparse

from tests.http_double import HttpDouble, QuietHandler

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test-token"
STAFF, GUEST = "USTAFF1", "UGUEST9"
TIMEOUT = 10.0


class _SlackHandler(QuietHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        url = urlparse(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        params: dict[str, Any] = dict(parse_qsl(url.query))
        if self.headers.get("Content-Type", "").startswith("application/json"):
            params.update(json.loads(raw))
        elif self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            params.update(parse_qsl(raw.decode()))
        method = url.path.removeprefix("/api/")
        call = {"method": method, "params": params, "raw": raw, "auth": self.headers.get("Authorization")}
        if url.path.startswith("/upload/"):
            self.double.record(call)
            self.reply(f"OK - {len(raw)}".encode(), "text/plain")
        else:
            answer = self.double.answer(method, params)
            self.double.record({**call, "answer": answer})
            self.reply(json.dumps(answer).encode())


class SlackDouble(HttpDouble):
    """A local Web API: records each call (with its answer) and answers as Slack does.

    Each upload gets the next file id (F0001, F0002, …); with ``refuse_uploads`` set, Slack
    refuses them (``{"ok": false, "error": "not_allowed_token_type"}``).
    """

    handler = _SlackHandler

    def __init__(self) -> None:
        super().__init__()
        self.base_url = f"{self.url}/api/"
        self.refuse_uploads = False
        self._file_ids = itertools.count(1)

    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "chat.postMessage":
            return {"ok": True, "channel": params.get("channel"), "ts": f"{time.time():.6f}"}
        if method == "files.getUploadURLExternal":
            if self.refuse_uploads:
                return {"ok": False, "error": "not_allowed_token_type"}
            file_id = f"F{next(self._file_ids):04d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            return {
                "ok": True,
                "files": [{"id": f["id"], "title": f["title"]} for f in json.loads(params["files"])],
            }
        return {"ok": False, "error": "unknown_method"}

    def methods(self) -> list[str]:
        with self.lock:
            return [call["method"] for call in self.calls]

    async def wait_for(self, method: str) -> dict[str, Any]:
        """The first call of ``method``, waiting for the channel's background task to make it."""
        return await asyncio.to_thread(self.wait_for_sync, method, timeout=TIMEOUT)

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

    def wait_for_file(self, filename: str, timeout: float = 60) -> tuple[dict[str, Any], bytes]:
        """The upload of ``filename``: its files.completeUploadExternal call and the bytes uploaded."""
        url_call = self.wait_for_sync(
            "files.getUploadURLExternal",
            lambda c: c["params"].get("filename") == filename and c["answer"].get("ok"),
            timeout,
        )
        file_id = url_call["answer"]["file_id"]
        complete = self.wait_for_sync(
            "files.completeUploadExternal",
            lambda c: file_id in [f["id"] for f in json.loads(c["params"]["files"])],
            timeout,
        )
        return complete, self.wait_for_sync(f"/upload/{file_id}", timeout=timeout)["raw"]


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
