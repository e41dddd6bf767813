"""Matrix → Rasa bridge: syncs the staff room and forwards each text message, signed, to Rasa.

Run with the bridge's own environment (scripts/setup-matrix-env.sh makes it)::

    var/matrix-venv/bin/python matrix_bridge/bridge.py

It only carries messages *in*: the Rasa channel (connectors/matrix.py) posts replies itself
with the same access token, so this program holds no conversation state and may be
restarted at any time. What it does:

- logs in with an access token (``whoami`` tells it its user id), joins the staff room
  (or accepts an invitation to it), and ignores every other room;
- skips its own messages and everything sent before it started (the first sync is
  discarded, and older events that arrive on a late join are dropped by timestamp);
- forwards ``m.text`` events as ``{"room_id", "event"}``, signed with HMAC-SHA256
  (``signing.py``); it retries a few times while Rasa is unreachable or answers 5xx.

End-to-end encryption is not supported: it runs without libolm, so encrypted rooms are
unreadable. Keep the staff room unencrypted.

Environment: ``MATRIX_HOMESERVER``, ``MATRIX_ACCESS_TOKEN``, ``MATRIX_STAFF_ROOM`` (room id
or alias), ``MATRIX_BRIDGE_SECRET``, ``RASA_MATRIX_WEBHOOK`` (default
``http://127.0.0.1:5005/webhooks/matrix/webhook``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    JoinError,
    MatrixRoom,
    RoomMessageText,
    RoomResolveAliasError,
    WhoamiError,
)

try:
    from matrix_bridge.signing import signed_headers
except ImportError:  # run as a script: python matrix_bridge/bridge.py
    from signing import signed_headers  # type: ignore[no-redef]

logger = logging.getLogger("matrix_bridge")

DEFAULT_WEBHOOK = "http://127.0.0.1:5005/webhooks/matrix/webhook"
RETRY_DELAYS_S = (1.0, 2.0, 4.0, 8.0)
FORWARD_TIMEOUT = aiohttp.ClientTimeout(total=120)  # Rasa answers after the whole turn


class ConfigError(Exception):
    """A required environment variable is missing or the homeserver refused a start-up step."""


@dataclass(frozen=True)
class Config:
    """What the bridge needs, all from the environment."""

    homeserver: str
    access_token: str
    room: str
    secret: str
    webhook: str = DEFAULT_WEBHOOK

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Config:
        names = ("MATRIX_HOMESERVER", "MATRIX_ACCESS_TOKEN", "MATRIX_STAFF_ROOM", "MATRIX_BRIDGE_SECRET")
        missing = [name for name in names if not env.get(name)]
        if missing:
            raise ConfigError(f"set {', '.join(missing)}")
        return cls(
            homeserver=env["MATRIX_HOMESERVER"],
            access_token=env["MATRIX_ACCESS_TOKEN"],
            room=env["MATRIX_STAFF_ROOM"],
            secret=env["MATRIX_BRIDGE_SECRET"],
            webhook=env.get("RASA_MATRIX_WEBHOOK") or DEFAULT_WEBHOOK,
        )


class Bridge:
    """One nio client, one staff room, one webhook."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.client = AsyncClient(config.homeserver, config=AsyncClientConfig(encryption_enabled=False))
        self.client.access_token = config.access_token
        self.room_id = config.room
        self.started_ms = int(time.time() * 1000)
        self.http = aiohttp.ClientSession(timeout=FORWARD_TIMEOUT)  # built in main(), inside the loop
        self._warned_encrypted = False

    async def start(self) -> None:
        """Who am I, which room, join it, and skip the history: then messages can flow."""
        whoami = await self.client.whoami()
        if isinstance(whoami, WhoamiError):
            raise ConfigError(f"access token refused: {whoami.message}")
        self.client.user_id = whoami.user_id
        if self.config.room.startswith("#"):
            resolved = await self.client.room_resolve_alias(self.config.room)
            if isinstance(resolved, RoomResolveAliasError):
                raise ConfigError(f"room alias {self.config.room}: {resolved.message}")
            self.room_id = resolved.room_id
        joined = await self.client.join(self.room_id)
        if isinstance(joined, JoinError):
            logger.warning("not in %s yet (%s): waiting for an invitation", self.room_id, joined.message)
        await self.client.sync(timeout=0, full_state=True)  # history: read, never forwarded
        self.client.add_event_callback(self.on_message, RoomMessageText)
        self.client.add_event_callback(self.on_invite, InviteMemberEvent)
        logger.info("bridge ready: %s in %s -> %s", self.client.user_id, self.room_id, self.config.webhook)

    async def run(self) -> None:
        """Syncs until cancelled."""
        try:
            await self.start()
            await self.client.sync_forever(timeout=30_000)
        finally:
            await self.http.close()
            await self.client.close()

    async def on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        """Accepts an invitation to the staff room only."""
        if (
            room.room_id == self.room_id
            and event.state_key == self.client.user_id
            and event.membership == "invite"
        ):
            joined = await self.client.join(room.room_id)
            logger.info(
                "invited to %s: %s",
                room.room_id,
                "joined" if not isinstance(joined, JoinError) else joined.message,
            )

    async def on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        """Forwards a staff-room text message that a person sent after the bridge started."""
        if room.room_id != self.room_id or event.sender == self.client.user_id:
            return
        if event.server_timestamp < self.started_ms:
            return
        if room.encrypted and not self._warned_encrypted:
            self._warned_encrypted = True
            logger.warning("%s is encrypted: not supported, messages there are not forwarded", room.room_id)
        await self.forward(room.room_id, event.source)

    async def forward(self, room_id: str, event: dict) -> bool:
        """POSTs one signed event; retries on connection errors and 5xx, gives up on 4xx."""
        body = json.dumps({"room_id": room_id, "event": event}).encode("utf-8")
        for attempt, delay in enumerate((*RETRY_DELAYS_S, None), start=1):
            status = await self._post(body)
            if status is not None and status < 500:
                if status < 400:
                    logger.info("forwarded %s", event.get("event_id"))
                else:
                    logger.error(
                        "Rasa refused %s: HTTP %s (check MATRIX_BRIDGE_SECRET)", event.get("event_id"), status
                    )
                return status < 400
            if delay is None:
                break
            logger.warning(
                "Rasa unreachable (attempt %d, HTTP %s): retrying in %.0f s", attempt, status, delay
            )
            await asyncio.sleep(delay)
        logger.error("gave up forwarding %s", event.get("event_id"))
        return False

    async def _post(self, body: bytes) -> int | None:
        """HTTP status of one attempt, None when Rasa could not be reached."""
        try:
            async with self.http.post(
                self.config.webhook, data=body, headers=signed_headers(self.config.secret, body)
            ) as reply:
                return reply.status
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            logger.debug("post failed: %r", exc)
            return None


async def main() -> int:
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"), format="%(asctime)s %(name)s %(levelname)s %(message)s"
    )
    logging.getLogger("nio").setLevel(logging.WARNING)  # nio logs every event it handles at INFO
    try:
        bridge = Bridge(Config.from_env(os.environ))
    except ConfigError as exc:
        logger.error("cannot start: %s", exc)
        return 2
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, task.cancel)  # type: ignore[union-attr]
    try:
        await bridge.run()
    except ConfigError as exc:
        logger.error("cannot start: %s", exc)
        return 2
    except asyncio.CancelledError:
        logger.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
