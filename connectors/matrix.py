"""Matrix input channel for cluster staff: signed events in from the bridge, replies out direct.

Rasa 3.6 has no Matrix channel. The design (docs/staff-channels.md) splits the two directions:

- **In**: ``matrix_bridge/bridge.py`` (its own venv, matrix-nio) syncs the bot's rooms and POSTs
  each text message to ``/webhooks/matrix/webhook``, signed with HMAC-SHA256 over
  ``v1:{timestamp}:{body}`` (``matrix_bridge/signing.py``). Unsigned, wrongly signed or
  stale (> ``max_age_seconds``) requests get 401.
- **Out**: :class:`MatrixOutput` posts replies itself through the homeserver's client-server
  API with the bot's access token (``connectors/matrix_api.py``), so replies, charts and
  unprompted messages need no second path through the bridge, and the bridge holds no
  conversation state.

The channel serves the staff room and any room that only staff and the bot read (a direct
message), and tells the actions which of them only staff read: metadata ``private_to_staff``
(``connectors/matrix_rooms.py``). Only what a person typed is read, never the quote of a reply
(``connectors/matrix_text.py``). Answers are replies to the message they answer; long texts are
cut into parts that fit an event, code blocks sent as HTML too. Messages pass the channel guard
(``connectors/guard.py``), so staff hear "technical problem" when the action server is down.

Charts and CSV exports (``skills_catalog.staff_access``) are uploaded to the homeserver's media
repository and posted as ``m.image`` / ``m.file``. Buttons become a numbered list; a reply that
is just one of those numbers is turned back into the button's payload, so staff can answer
``2`` as they would click. End-to-end-encrypted rooms are not supported: the bridge cannot
read them and replies are sent unencrypted.

Credentials (each falls back to an environment variable)::

    connectors.matrix.MatrixInput:
      homeserver: "https://matrix.cluster.eu"   # MATRIX_HOMESERVER
      access_token: "syt_..."                   # MATRIX_ACCESS_TOKEN
      room_id: "!staff:cluster.eu"              # MATRIX_STAFF_ROOM (optional; id or #alias)
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
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.guard import ChannelGuard
from connectors.matrix_api import MatrixApi
from connectors.matrix_rooms import RoomPrivacy
from connectors.matrix_text import text_contents, typed_text
from connectors.staff import MATRIX, admits, is_staff, setting, warn_if_nobody
from skills_catalog.staff_access import (
    PRIVATE_TO_STAFF_KEY,
    STAFF_METADATA_KEY,
    ChartImage,
    CsvFile,
    parse_chart_message,
    parse_csv_file,
)

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Bridge-Signature"
TIMESTAMP_HEADER = "X-Bridge-Timestamp"


def is_authentic(secret: str, timestamp: str, signature: str, body: bytes, max_age: float) -> bool:
    """Checks a bridge signature (see matrix_bridge/signing.py) and that it is recent."""
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > max_age:
        return False
    message = b"v1:" + timestamp.encode("ascii") + b":" + body
    expected = "v1=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def text_of(event: dict[str, Any]) -> str | None:
    """The text a person typed, or None for anything else (notices, images, edits, state).

    A reply's quote of the message it answers is left out: it is not what was typed.
    """
    content = event.get("content") or {}
    if event.get("type") != "m.room.message" or content.get("msgtype") != "m.text":
        return None
    if (content.get("m.relates_to") or {}).get("rel_type") == "m.replace":
        return None  # an edit: the original was already answered
    return typed_text(content).strip() or None


def answer_relation(event: dict[str, Any]) -> dict[str, Any]:
    """``m.relates_to`` of the bot's answers to ``event``: a reply to it, in its thread if it is
    in one. Why: in a busy room it had not been clear whom the bot answered."""
    event_id = event.get("event_id")
    if not isinstance(event_id, str) or not event_id:
        return {}
    reply = {"m.in_reply_to": {"event_id": event_id}}
    thread = (event.get("content") or {}).get("m.relates_to") or {}
    if thread.get("rel_type") == "m.thread" and isinstance(thread.get("event_id"), str):
        return {"rel_type": "m.thread", "event_id": thread["event_id"], "is_falling_back": False, **reply}
    return reply


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
    """Sends the bot's messages to one room through the client-server API.

    ``relation`` (see :func:`answer_relation`) makes each message a reply to the one answered.
    """

    @classmethod
    def name(cls) -> str:
        return MATRIX

    def __init__(
        self, api: MatrixApi, room_id: str, buttons: ButtonMemory, relation: dict[str, Any] | None = None
    ) -> None:
        self.api = api
        self.room_id = room_id
        self.buttons = buttons
        self.relation = relation or {}

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.buttons.forget(self.room_id, recipient_id)
        await self._send_text(text)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """Shows buttons as ``1. title`` lines and remembers their payloads for a numeric reply."""
        lines = [text, *(f"{i}. {button['title']}" for i, button in enumerate(buttons, start=1))]
        self.buttons.remember(
            self.room_id, recipient_id, [str(b.get("payload", b["title"])) for b in buttons]
        )
        await self._send_text("\n".join(lines))

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
        uri = await self.api.upload(chart.png, chart.filename, "image/png")
        if uri is None:
            await self._send_text(f"{chart.title} (the chart could not be uploaded)")
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
        uri = await self.api.upload(data, csv_file.filename, "text/csv")
        if uri is None:
            await self._send_text(fallback)
            return
        await self._send_text(csv_file.title)
        await self._send(
            {"msgtype": "m.file", "body": csv_file.filename, "filename": csv_file.filename, "url": uri,
             "info": {"mimetype": "text/csv", "size": len(data)}}
        )  # fmt: skip

    async def _send_text(self, text: str) -> None:
        """Posts ``text`` in as many messages as it needs (``connectors/matrix_text.py``)."""
        for content in text_contents(text):
            await self._send(content)

    async def _send(self, content: dict[str, Any]) -> None:
        await self.api.send(
            self.room_id, {**content, "m.relates_to": self.relation} if self.relation else content
        )


@dataclass(frozen=True)
class RoomText:
    """A text a person typed in a room, as the bridge forwarded it."""

    room_id: str
    sender: str
    text: str
    event_id: str
    relation: dict[str, Any] = field(default_factory=dict)  # of the answers: see answer_relation


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
        self.api = MatrixApi(homeserver, access_token)
        self.rooms = RoomPrivacy(self.api)
        self.buttons = ButtonMemory()
        self._seen: OrderedDict[str, None] = OrderedDict()
        warn_if_nobody(MATRIX, staff_only)

    def get_output_channel(self) -> OutputChannel | None:
        """Output to the staff room, for messages the bot sends unprompted."""
        return MatrixOutput(self.api, self.room_id, self.buttons) if self.room_id else None

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

    @staticmethod
    def _room_text(payload: Any) -> RoomText | None:
        """The text event a person sent, or None for anything else."""
        if not isinstance(payload, dict) or not isinstance(payload.get("event"), dict):
            return None
        event, room_id = payload["event"], str(payload.get("room_id", ""))
        text, sender = text_of(event), str(event.get("sender", ""))
        if text is None or not room_id or not sender:
            return None
        return RoomText(room_id, sender, text, str(event.get("event_id", "")), answer_relation(event))

    async def _serves(self, room_id: str, private: bool) -> bool:
        """The staff room (every room when none is set), and any room only staff read (a DM).

        Why log: a staff room set as an alias (``#staff:hs``) had been compared unresolved, and
        every message was dropped with no word in any log.
        """
        if private or not self.room_id or await self.api.room_id(self.room_id) == room_id:
            return True
        logger.warning(
            "matrix: message in %s ignored: not the staff room %s, and not read by staff only",
            room_id,
            self.room_id,
        )
        return False

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        matrix_webhook = Blueprint("matrix_webhook", __name__)
        guarded = ChannelGuard().wrap(on_new_message)  # "technical problem" rather than silence: guard.py

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
            found = self._room_text(payload)
            if (
                found is None
                or not self._first_time(found.event_id)
                or not admits(MATRIX, found.sender, self.staff_only)
            ):
                return response.json({"status": "ignored"})
            private = await self.rooms.private_to_staff(found.room_id)
            if not await self._serves(found.room_id, private):
                return response.json({"status": "ignored"})
            metadata = {"room_id": found.room_id, "event_id": found.event_id,
                        STAFF_METADATA_KEY: is_staff(MATRIX, found.sender), PRIVATE_TO_STAFF_KEY: private}  # fmt: skip
            output = MatrixOutput(self.api, found.room_id, self.buttons, found.relation)
            text = self.buttons.resolve(found.room_id, found.sender, found.text)
            await guarded(UserMessage(text, output, found.sender, input_channel=MATRIX, metadata=metadata))
            return response.json({"status": "ok"})

        return matrix_webhook
