"""Matrix input channel for cluster staff: signed events in from the bridge, replies out direct.

Rasa 3.6 has no Matrix channel. The design (docs/staff-channels.md) splits the two directions:

- **In**: ``matrix_bridge/bridge.py`` (its own venv, matrix-nio) syncs the staff room and POSTs
  each text message to ``/webhooks/matrix/webhook``, signed with HMAC-SHA256 over
  ``v1:{timestamp}:{body}`` (``matrix_bridge/signing.py``). Unsigned, wrongly signed or
  stale (> ``max_age_seconds``) requests get 401.
- **Out**: :class:`MatrixOutput` posts replies itself through the homeserver's client-server
  API with the bot's access token, so replies, charts and unprompted messages need no
  second path through the bridge, and the bridge stays stateless.

Charts and CSV exports (``skills_catalog.staff_access``) are uploaded to the homeserver's media
repository and posted as ``m.image`` / ``m.file``. Buttons become a numbered list; a reply that is just one of those numbers is turned back into
the button's payload, so staff can answer ``2`` as they would click. End-to-end-encrypted
rooms are not supported: the bridge cannot read them and replies are sent unencrypted.

Credentials (each falls back to an environment variable)::

    connectors.matrix.MatrixInput:
      homeserver: "https://matrix.cluster.eu"   # MATRIX_HOMESERVER
      access_token: "syt_..."                   # MATRIX_ACCESS_TOKEN
      room_id: "!staff:cluster.eu"              # MATRIX_STAFF_ROOM (optional)
      shared_secret: "..."                      # MATRIX_BRIDGE_SECRET
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import struct
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.staff import MATRIX, admits, is_staff, setting, warn_if_nobody
from skills_catalog.staff_access import (
    STAFF_METADATA_KEY,
    ChartImage,
    CsvFile,
    parse_chart_message,
    parse_csv_file,
)

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Bridge-Signature"
TIMESTAMP_HEADER = "X-Bridge-Timestamp"
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=30)


def is_authentic(secret: str, timestamp: str, signature: str, body: bytes, max_age: float) -> bool:
    """Checks a bridge signature (see matrix_bridge/signing.py) and that it is recent."""
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > max_age:
        return False
    message = b"v1:" + timestamp.encode("ascii") + b":" + body
    expected = "v1=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def text_of(event: dict[str, Any]) -> str | None:
    """The text a person typed, or None for anything else (notices, images, edits, state)."""
    content = event.get("content") or {}
    if event.get("type") != "m.room.message" or content.get("msgtype") != "m.text":
        return None
    if (content.get("m.relates_to") or {}).get("rel_type") == "m.replace":
        return None  # an edit: the original was already answered
    body = content.get("body")
    return body.strip() if isinstance(body, str) and body.strip() else None


def png_size(png: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG header, so clients can lay the image out before loading."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return None
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


class ButtonMemory:
    """The payloads of the last buttons shown to each person in each room (bounded)."""

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self._shown: OrderedDict[tuple[str, str], list[str]] = OrderedDict()

    def remember(self, room_id: str, user_id: str, payloads: list[str]) -> None:
        self._shown[(room_id, user_id)] = payloads
        self._shown.move_to_end((room_id, user_id))
        while len(self._shown) > self.limit:
            self._shown.popitem(last=False)

    def forget(self, room_id: str, user_id: str) -> None:
        self._shown.pop((room_id, user_id), None)

    def resolve(self, room_id: str, user_id: str, text: str) -> str:
        """The payload of button ``text`` (``"2"``, ``"2."``) if one was shown, else the text."""
        payloads = self._shown.get((room_id, user_id))
        match = re.fullmatch(r"\s*(\d{1,2})\.?\s*", text)
        if not payloads or not match or not 1 <= int(match.group(1)) <= len(payloads):
            return text
        return payloads[int(match.group(1)) - 1]


class MatrixOutput(OutputChannel):
    """Sends the bot's messages to one room through the client-server API."""

    @classmethod
    def name(cls) -> str:
        return MATRIX

    def __init__(self, homeserver: str, access_token: str, room_id: str, buttons: ButtonMemory) -> None:
        self.homeserver = homeserver.rstrip("/")
        self.room_id = room_id
        self.buttons = buttons
        self._auth = {"Authorization": f"Bearer {access_token}"}

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.buttons.forget(self.room_id, recipient_id)
        await self._send({"msgtype": "m.text", "body": text})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """Shows buttons as ``1. title`` lines and remembers their payloads for a numeric reply."""
        lines = [text, *(f"{i}. {button['title']}" for i, button in enumerate(buttons, start=1))]
        self.buttons.remember(
            self.room_id, recipient_id, [str(b.get("payload", b["title"])) for b in buttons]
        )
        await self._send({"msgtype": "m.text", "body": "\n".join(lines)})

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Sends the link: m.image needs media on the homeserver, and fetching URLs is not our job."""
        await self.send_text_message(recipient_id, image)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Posts a chart payload as an image, a CSV payload as a file; others show their ``text``, if any."""
        chart, csv_file = parse_chart_message(json_message), parse_csv_file(json_message)
        if chart is not None:
            self.buttons.forget(self.room_id, recipient_id)
            await self.send_chart(chart)
        elif csv_file is not None:
            self.buttons.forget(self.room_id, recipient_id)
            await self.send_csv(csv_file, str(json_message.get("text") or csv_file.title))
        elif isinstance(json_message.get("text"), str):
            await self.send_text_message(recipient_id, json_message["text"])
        else:
            logger.warning("matrix: custom payload with keys %s not shown", sorted(json_message))

    async def send_chart(self, chart: ChartImage) -> None:
        """Uploads the PNG to the media repository, then posts it as ``m.image``."""
        uri = await self._upload(chart.png, chart.filename, "image/png")
        if uri is None:
            await self._send(
                {"msgtype": "m.text", "body": f"{chart.title} (the chart could not be uploaded)"}
            )
            return
        info: dict[str, Any] = {"mimetype": "image/png", "size": len(chart.png)}
        size = png_size(chart.png)
        if size:
            info["w"], info["h"] = size
        await self._send(
            {"msgtype": "m.image", "body": chart.title, "filename": chart.filename, "url": uri, "info": info}
        )

    async def send_csv(self, csv_file: CsvFile, fallback: str) -> None:
        """Posts the title, then the CSV uploaded as an ``m.file``; ``fallback`` if the upload fails."""
        data = csv_file.text.encode("utf-8")
        uri = await self._upload(data, csv_file.filename, "text/csv")
        if uri is None:
            await self._send({"msgtype": "m.text", "body": fallback})
            return
        await self._send({"msgtype": "m.text", "body": csv_file.title})
        await self._send(
            {"msgtype": "m.file", "body": csv_file.filename, "filename": csv_file.filename, "url": uri,
             "info": {"mimetype": "text/csv", "size": len(data)}}
        )  # fmt: skip

    async def _send(self, content: dict[str, Any]) -> None:
        room, txn = quote(self.room_id, safe=""), uuid.uuid4().hex
        url = f"{self.homeserver}/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}"
        async with (
            aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session,
            session.put(url, json=content, headers=self._auth) as reply,
        ):
            if reply.status != HTTPStatus.OK:
                logger.error(
                    "matrix: send to %s failed: %s %s", self.room_id, reply.status, await reply.text()
                )

    async def _upload(self, data: bytes, filename: str, content_type: str) -> str | None:
        url = f"{self.homeserver}/_matrix/media/v3/upload?filename={quote(filename)}"
        headers = {**self._auth, "Content-Type": content_type}
        async with (
            aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session,
            session.post(url, data=data, headers=headers) as reply,
        ):
            if reply.status != HTTPStatus.OK:
                logger.error("matrix: upload failed: %s %s", reply.status, await reply.text())
                return None
            return str((await reply.json())["content_uri"])


class MatrixInput(InputChannel):
    """Receives the bridge's signed room events at ``/webhooks/matrix/webhook``."""

    @classmethod
    def name(cls) -> str:
        return MATRIX

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        values = {
            "homeserver": setting(credentials, "homeserver", "MATRIX_HOMESERVER"),
            "access_token": setting(credentials, "access_token", "MATRIX_ACCESS_TOKEN"),
            "shared_secret": setting(credentials, "shared_secret", "MATRIX_BRIDGE_SECRET"),
        }
        missing = [key for key, value in values.items() if not value]
        if missing:
            raise InvalidConfigException(
                f"Matrix channel: missing {', '.join(missing)} (see docs/staff-channels.md)"
            )
        credentials = credentials or {}
        return cls(
            **values,
            room_id=setting(credentials, "room_id", "MATRIX_STAFF_ROOM"),
            staff_only=bool(credentials.get("staff_only", True)),
            max_age_seconds=float(credentials.get("max_age_seconds", 300)),
        )

    def __init__(
        self,
        homeserver: str,
        access_token: str,
        shared_secret: str,
        room_id: str | None = None,
        staff_only: bool = True,
        max_age_seconds: float = 300,
    ) -> None:
        self.homeserver = homeserver
        self.access_token = access_token
        self.shared_secret = shared_secret
        self.room_id = room_id
        self.staff_only = staff_only
        self.max_age_seconds = max_age_seconds
        self.buttons = ButtonMemory()
        self._seen: OrderedDict[str, None] = OrderedDict()
        warn_if_nobody(MATRIX, staff_only)

    def get_output_channel(self) -> OutputChannel | None:
        """Output to the staff room, for messages the bot sends unprompted."""
        return self._output(self.room_id) if self.room_id else None

    def _output(self, room_id: str) -> MatrixOutput:
        return MatrixOutput(self.homeserver, self.access_token, room_id, self.buttons)

    def _authentic(self, request: Request) -> bool:
        return is_authentic(
            self.shared_secret,
            request.headers.get(TIMESTAMP_HEADER, ""),
            request.headers.get(SIGNATURE_HEADER, ""),
            request.body or b"",
            self.max_age_seconds,
        )

    def _first_time(self, event_id: str) -> bool:
        """False for an event already handled (the bridge retries when Rasa is slow to answer)."""
        if not event_id:
            return True
        if event_id in self._seen:
            return False
        self._seen[event_id] = None
        if len(self._seen) > 1000:
            self._seen.popitem(last=False)
        return True

    def _user_message(self, payload: Any) -> tuple[str, str, str, str] | None:
        """(room, sender, text, event id) of a staff-room text event worth answering, or None."""
        if not isinstance(payload, dict) or not isinstance(payload.get("event"), dict):
            return None
        event, room_id = payload["event"], str(payload.get("room_id", ""))
        text, sender = text_of(event), str(event.get("sender", ""))
        if text is None or not room_id or not sender or (self.room_id and room_id != self.room_id):
            return None
        return room_id, sender, text, str(event.get("event_id", ""))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        matrix_webhook = Blueprint("matrix_webhook", __name__)

        @matrix_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @matrix_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self._authentic(request):
                return response.json(
                    {"error": "missing, wrong or stale signature"}, status=HTTPStatus.UNAUTHORIZED
                )
            try:
                payload = json.loads(request.body)
            except ValueError:
                return response.json({"error": "body is not JSON"}, status=HTTPStatus.BAD_REQUEST)
            found = self._user_message(payload)
            if (
                found is None
                or not self._first_time(found[3])
                or not admits(MATRIX, found[1], self.staff_only)
            ):
                return response.json({"status": "ignored"})
            room_id, sender, text, event_id = found
            text = self.buttons.resolve(room_id, sender, text)
            await on_new_message(
                UserMessage(
                    text, self._output(room_id), sender, input_channel=MATRIX,
                    metadata={"room_id": room_id, "event_id": event_id, STAFF_METADATA_KEY: is_staff(MATRIX, sender)},
                )
            )  # fmt: skip
            return response.json({"status": "ok"})

        return matrix_webhook
