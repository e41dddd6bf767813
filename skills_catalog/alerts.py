"""Alerts to cluster staff (e.g. "a firm registered a new need") posted to Slack and/or Matrix.

Every destination is an :class:`AlertSink`; :func:`alert_sinks_from_env` builds the ones the
environment configures, and falls back to :class:`LogAlertSink` so the assistant runs and is
tested with no chat service at all (the "local mode" of every integration).

:class:`AlertSender` posts through the durable outbox (``skills_catalog/alert_outbox.py``): an
alert a sink refused (homeserver or Slack down) waits there and is tried again, in order, with
a growing pause, on the next alert and by :func:`retry_in_background`; a late one says so.
:meth:`AlertSender.send` tells whether every sink took the alert now, so the person who caused
it is told the truth. Posting is plain ``requests`` (no Rasa, no asyncio): from an async action
call it in a thread, ``await asyncio.to_thread(sender.send, text)``.

Environment:

- Slack: ``SLACK_BOT_TOKEN``, ``SLACK_ALERT_CHANNEL`` (channel id), ``SLACK_API_BASE_URL``
  (default ``https://slack.com/api/``; GovSlack and some Enterprise Grid set-ups differ).
- Matrix: ``MATRIX_HOMESERVER``, ``MATRIX_ACCESS_TOKEN``, ``MATRIX_ALERT_ROOM`` (room id, or an
  alias such as ``#staff:example.org``, resolved once).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol
from urllib.parse import quote

import requests

from skills_catalog.alert_outbox import AlertOutbox, PendingAlert
from skills_catalog.errors import SkillsCatalogError, StoreError
from skills_catalog.staff_access import SLACK, staff_ids

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

    @property
    def key(self) -> str:
        """Which destination this is ("matrix:!room:host"): the outbox keeps alerts per key."""

    def post(self, text: str, alert_id: str = "") -> None:
        """Posts one alert; raises :class:`AlertDeliveryError` when it was not delivered.

        ``alert_id`` is the same on every try of one alert: a sink that can, posts it once only.
        """


def slack_escape(text: str) -> str:
    """Text as Slack's mrkdwn must receive it: ``&``, ``<`` and ``>`` as entities (Slack's
    documented escaping), but a mention of a staff member (``<@U…>``, an id of
    ``STAFF_SLACK_USERS``) stays a mention. Why: "Contact: Bob Stone <bob@acme.at>" was read as a
    link, and a company typed as "Acme &lt;script&gt; GmbH" showed as markup; "withdrawn by
    <@U0STAFF1>" showed as text (QA13)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    staff = staff_ids(SLACK)
    return _ESCAPED_MENTION.sub(lambda m: f"<@{m[1]}>" if m[1] in staff else m[0], escaped)


#: a Slack member mention, as :func:`slack_escape` escaped it
_ESCAPED_MENTION = re.compile(r"&lt;@([UW][A-Z0-9]+)&gt;")


@dataclass(frozen=True)
class SlackAlertSink:
    """Posts to a Slack channel with ``chat.postMessage`` and a bot token (``xoxb-``)."""

    token: str
    channel: str
    api_base_url: str = DEFAULT_SLACK_API
    timeout: float = TIMEOUT_S
    session: requests.Session = field(default_factory=requests.Session, compare=False, repr=False)

    @property
    def key(self) -> str:
        return f"slack:{self.channel}"

    def post(self, text: str, alert_id: str = "") -> None:
        url = self.api_base_url.rstrip("/") + "/chat.postMessage"
        headers = {"Authorization": f"Bearer {self.token}"}
        body = _call("slack", lambda: self.session.post(
            url, json={"channel": self.channel, "text": slack_escape(text)}, headers=headers, timeout=self.timeout
        ))  # fmt: skip
        if not body.get("ok"):
            raise AlertDeliveryError("slack", str(body.get("error", "ok is not true")))


@dataclass(frozen=True)
class MatrixAlertSink:
    """Posts ``m.text`` to a Matrix room through the client-server API with an access token.

    ``room_id`` may be an alias ("#staff:example.org"): it is resolved on the first post and the
    room id kept (an alias sent as a room id got 403 "not in room", QA Matrix M1).
    """

    homeserver: str
    access_token: str
    room_id: str
    timeout: float = TIMEOUT_S
    session: requests.Session = field(default_factory=requests.Session, compare=False, repr=False)
    resolved: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # alias -> room id

    @property
    def key(self) -> str:
        return f"matrix:{self.room_id}"

    def post(self, text: str, alert_id: str = "") -> None:
        # The transaction id makes a retried PUT idempotent on the homeserver.
        room, txn = quote(self._room(), safe=""), alert_id or uuid.uuid4().hex
        url = f"{self._api()}/rooms/{room}/send/m.room.message/{txn}"
        _call("matrix", lambda: self.session.put(
            url, json={"msgtype": "m.text", "body": text}, headers=self._headers(), timeout=self.timeout
        ))  # fmt: skip

    def _room(self) -> str:
        """The room id: ``room_id`` itself, or the room its alias names (asked once)."""
        if not self.room_id.startswith("#") or self.room_id in self.resolved:
            return self.resolved.get(self.room_id, self.room_id)
        url = f"{self._api()}/directory/room/{quote(self.room_id, safe='')}"
        body = _call("matrix", lambda: self.session.get(url, headers=self._headers(), timeout=self.timeout))
        room = body.get("room_id")
        if not isinstance(room, str) or not room.startswith("!"):
            raise AlertDeliveryError("matrix", f"alias {self.room_id} names no room")
        self.resolved[self.room_id] = room
        return room

    def _api(self) -> str:
        return f"{self.homeserver.rstrip('/')}/_matrix/client/v3"

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


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

    @property
    def key(self) -> str:
        return "log"

    def post(self, text: str, alert_id: str = "") -> None:
        logger.log(self.level, "alert (no Slack or Matrix configured): %s", text)


@dataclass
class InMemoryAlertSink:
    """Keeps alerts in a list, for tests; refuses them while ``down`` (a chat service that is)."""

    posted: list[str] = field(default_factory=list)
    down: bool = False
    name: str = "memory"

    @property
    def key(self) -> str:
        return self.name

    def post(self, text: str, alert_id: str = "") -> None:
        if self.down:
            raise AlertDeliveryError(self.name, "ConnectionError")
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


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class RetryPolicy:
    """When an alert a sink refused is tried again.

    Attributes:
        first_delay_s: the pause after the first failed try; each further one doubles it.
        max_delay_s: the longest pause (the next alert tries at once anyway).
        lease_s: how long a try may hold an alert (longer than two requests' timeouts).
        batch: at most this many alerts go to one sink per pass.
    """

    first_delay_s: float = 15.0
    max_delay_s: float = 600.0
    lease_s: float = 120.0
    batch: int = 100

    def retry_at(self, failures: int, now: datetime) -> datetime:
        """When to try again after the ``failures``-th failed try."""
        return now + timedelta(seconds=min(self.first_delay_s * 2 ** (failures - 1), self.max_delay_s))


@dataclass(frozen=True)
class AlertResult:
    """What became of one alert, counted in sinks: taken now, waiting in the outbox, or lost
    (refused while the outbox itself was down)."""

    delivered: int
    waiting: int
    lost: int = 0

    @property
    def delivered_now(self) -> bool:
        """Every sink took it: "the cluster team has been told" is true."""
        return self.waiting == 0 and self.lost == 0


@dataclass(frozen=True)
class AlertSender:
    """Posts alerts through the outbox: queued first, then delivered in order, per sink.

    Why queued first: an alert behind others that wait for the same sink must not overtake them,
    and one that cannot go now must survive a restart of the action server.
    """

    sinks: Sequence[AlertSink]
    outbox: AlertOutbox
    policy: RetryPolicy = RetryPolicy()
    clock: Callable[[], datetime] = utc_now

    def send(self, text: str) -> AlertResult:
        """Queue ``text`` for every sink and deliver what waits for them, oldest first."""
        try:
            ids = self.outbox.add([sink.key for sink in self.sinks], text, self.clock())
        except StoreError as exc:  # better posted without a second chance than not at all
            logger.error("%s: alert posted without the outbox", exc)
            delivered = post_to_all(self.sinks, text)
            return AlertResult(delivered, 0, len(self.sinks) - delivered)
        fresh = frozenset(ids)
        sent = set().union(*(self._deliver(sink, due_only=False, fresh=fresh) for sink in self.sinks))
        delivered = sum(alert_id in sent for alert_id in ids)
        return AlertResult(delivered, len(ids) - delivered)

    def retry(self) -> int:
        """Deliver what waits and is due (the timer's call); how many alerts went out."""
        return sum(len(self._deliver(sink, due_only=True)) for sink in self.sinks)

    def _deliver(self, sink: AlertSink, due_only: bool, fresh: frozenset[int] = frozenset()) -> set[int]:
        """Post the alerts waiting for ``sink`` in order, until one fails; the ids delivered.
        All but the ``fresh`` ones (written by this very call) say that they are late."""
        delivered: set[int] = set()
        lease = timedelta(seconds=self.policy.lease_s)
        try:
            for _ in range(self.policy.batch):
                alert = self.outbox.claim(sink.key, self.clock(), lease, due_only)
                if alert is None or not self._post(sink, alert, late=alert.id not in fresh):
                    break
                delivered.add(alert.id)
        except StoreError as exc:  # what was claimed is tried again when its lease ends
            logger.error("%s", exc)
        return delivered

    def _post(self, sink: AlertSink, alert: PendingAlert, late: bool) -> bool:
        """Post one claimed alert and note the outcome in the outbox; whether the sink took it.
        A late one says when it was written."""
        now = self.clock()
        note = f"\n(delayed: written {alert.created_at:%Y-%m-%d %H:%M} UTC; delivery was retried)"
        try:
            sink.post(alert.text + note if late else alert.text, alert_id=alert.key)
        except AlertDeliveryError as exc:
            logger.error("%s (alert %d, try %d); it waits in the outbox", exc, alert.id, alert.attempts + 1)
            self.outbox.failed(alert.id, self.policy.retry_at(alert.attempts + 1, now), exc.reason)
            return False
        self.outbox.delivered(alert.id)
        if late:
            logger.info(
                "alert %d delivered to %s, %s after it was written",
                alert.id,
                sink.key,
                now - alert.created_at,
            )
        return True


def retry_in_background(
    sender: AlertSender, every_s: float = 15.0, stop: threading.Event | None = None
) -> threading.Thread:
    """Call ``sender.retry()`` every ``every_s`` seconds in a daemon thread, until ``stop`` is set.

    Why: alerts that wait (and those left by an action server that stopped) must go out when the
    chat service is back, not only when the next alert happens to come.
    """
    stop = stop or threading.Event()

    def loop() -> None:
        while not stop.wait(every_s):
            try:
                sender.retry()
            except Exception:  # noqa: BLE001 - the timer must outlive any one failure
                logger.exception("alert retry failed")

    thread = threading.Thread(target=loop, name="alert-retry", daemon=True)
    thread.start()
    return thread
