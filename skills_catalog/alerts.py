"""Alerts to cluster staff (e.g. "a firm registered a new need") posted to Slack and/or Matrix.

Every destination is an :class:`AlertSink`; :func:`alert_sinks_from_env` builds the ones the
environment configures, and falls back to :class:`LogAlertSink` so the assistant runs and is
tested with no chat service at all (the "local mode" of every integration). Posting is plain
``requests`` (no Rasa, no asyncio): from an async action call it in a thread,
``await asyncio.to_thread(post_to_all, sinks, text)``.

Environment:

- Slack: ``SLACK_BOT_TOKEN``, ``SLACK_ALERT_CHANNEL`` (channel id), ``SLACK_API_BASE_URL``
  (default ``https://slack.com/api/``; GovSlack and some Enterprise Grid set-ups differ).
- Matrix: ``MATRIX_HOMESERVER``, ``MATRIX_ACCESS_TOKEN``, ``MATRIX_ALERT_ROOM`` (room id).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote

import requests

from skills_catalog.errors import SkillsCatalogError

logger = logging.getLogger(__name__)

DEFAULT_SLACK_API = "https://slack.com/api/"
TIMEOUT_S = 10.0


class AlertDeliveryError(SkillsCatalogError):
    """A chat service refused or could not be reached; carries the sink and the reason."""

    def __init__(self, sink: str, reason: str) -> None:
        self.sink = sink
        self.reason = reason
        super().__init__(f"{sink}: alert not delivered: {reason}")


class AlertSink(Protocol):
    """Somewhere staff read alerts."""

    def post(self, text: str) -> None:
        """Posts one alert; raises :class:`AlertDeliveryError` when it was not delivered."""


def slack_escape(text: str) -> str:
    """Text as Slack's mrkdwn must receive it: ``&``, ``<`` and ``>`` as entities (Slack's
    documented escaping). Why: "Contact: Bob Stone <bob@acme.at>" was read as a link, and a
    company typed as "Acme &lt;script&gt; GmbH" showed as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class SlackAlertSink:
    """Posts to a Slack channel with ``chat.postMessage`` and a bot token (``xoxb-``)."""

    token: str
    channel: str
    api_base_url: str = DEFAULT_SLACK_API
    timeout: float = TIMEOUT_S
    session: requests.Session = field(default_factory=requests.Session, compare=False, repr=False)

    def post(self, text: str) -> None:
        url = self.api_base_url.rstrip("/") + "/chat.postMessage"
        headers = {"Authorization": f"Bearer {self.token}"}
        body = _call("slack", lambda: self.session.post(
            url, json={"channel": self.channel, "text": slack_escape(text)}, headers=headers, timeout=self.timeout
        ))  # fmt: skip
        if not body.get("ok"):
            raise AlertDeliveryError("slack", str(body.get("error", "ok is not true")))


@dataclass(frozen=True)
class MatrixAlertSink:
    """Posts ``m.text`` to a Matrix room through the client-server API with an access token."""

    homeserver: str
    access_token: str
    room_id: str
    timeout: float = TIMEOUT_S
    session: requests.Session = field(default_factory=requests.Session, compare=False, repr=False)

    def post(self, text: str) -> None:
        # The transaction id makes a retried PUT idempotent on the homeserver.
        room, txn = quote(self.room_id, safe=""), uuid.uuid4().hex
        url = f"{self.homeserver.rstrip('/')}/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}"
        headers = {"Authorization": f"Bearer {self.access_token}"}
        _call("matrix", lambda: self.session.put(
            url, json={"msgtype": "m.text", "body": text}, headers=headers, timeout=self.timeout
        ))  # fmt: skip


def _call(sink: str, send: Callable[[], requests.Response]) -> dict[str, Any]:
    """Runs one request; turns transport errors and non-2xx answers into AlertDeliveryError."""
    try:
        reply = send()
    except requests.RequestException as exc:
        raise AlertDeliveryError(sink, type(exc).__name__) from exc
    if not reply.ok:
        raise AlertDeliveryError(sink, f"HTTP {reply.status_code} {reply.text[:200]}")
    try:
        body = reply.json()
    except ValueError as exc:
        raise AlertDeliveryError(sink, "answer is not JSON") from exc
    return body if isinstance(body, dict) else {}


@dataclass(frozen=True)
class LogAlertSink:
    """The offline default: writes the alert to the log, for development without chat services."""

    level: int = logging.INFO

    def post(self, text: str) -> None:
        logger.log(self.level, "alert (no Slack or Matrix configured): %s", text)


@dataclass
class InMemoryAlertSink:
    """Keeps alerts in a list, for tests."""

    posted: list[str] = field(default_factory=list)

    def post(self, text: str) -> None:
        self.posted.append(text)


def alert_sinks_from_env(environ: Mapping[str, str] | None = None) -> list[AlertSink]:
    """The sinks the environment configures (Slack, Matrix, both), else ``[LogAlertSink()]``."""
    env = os.environ if environ is None else environ
    sinks: list[AlertSink] = []
    if env.get("SLACK_BOT_TOKEN") and env.get("SLACK_ALERT_CHANNEL"):
        base = env.get("SLACK_API_BASE_URL") or DEFAULT_SLACK_API
        sinks.append(SlackAlertSink(env["SLACK_BOT_TOKEN"], env["SLACK_ALERT_CHANNEL"], base))
    if env.get("MATRIX_HOMESERVER") and env.get("MATRIX_ACCESS_TOKEN") and env.get("MATRIX_ALERT_ROOM"):
        sinks.append(
            MatrixAlertSink(env["MATRIX_HOMESERVER"], env["MATRIX_ACCESS_TOKEN"], env["MATRIX_ALERT_ROOM"])
        )
    return sinks or [LogAlertSink()]


def post_to_all(sinks: Iterable[AlertSink], text: str) -> int:
    """Posts to every sink and returns how many took it; one failing sink does not stop the rest."""
    delivered = 0
    for sink in sinks:
        try:
            sink.post(text)
        except AlertDeliveryError as exc:
            logger.error("%s", exc)
        else:
            delivered += 1
    return delivered
