"""Matrix → Rasa bridge: syncs the bot's rooms and forwards each text message, signed, to Rasa.

Run with the bridge's own environment (scripts/setup-matrix-env.sh makes it)::

    var/matrix-venv/bin/python matrix_bridge/bridge.py

It only carries messages *in*: the Rasa channel (connectors/matrix.py) posts replies itself
with the same access token, so this program holds no conversation state. What it does:

- logs in with an access token (``whoami`` tells it its user id), joins the staff room (or
  accepts an invitation to it) and accepts direct-message invitations from staff; other
  invitations are logged (``policy.py``). The channel decides which rooms it answers in;
- skips its own messages and history; keeps its sync token on disk (``sync_token.py``), so after
  a restart it answers what was sent while it was down, up to 15 minutes old, and tells the room
  how many older messages it missed (``policy.py``);
- forwards ``m.text`` events as ``{"room_id", "event"}``, signed with HMAC-SHA256
  (``signing.py``), retrying for two minutes while Rasa is unreachable or answers 5xx
  (``forwarding.py``); when it gives up it says so in the room.

End-to-end encryption is not supported: it runs without libolm, so encrypted rooms are
unreadable. Keep the staff room unencrypted.

Environment: ``MATRIX_HOMESERVER``, ``MATRIX_ACCESS_TOKEN``, ``MATRIX_STAFF_ROOM`` (room id
or alias), ``MATRIX_BRIDGE_SECRET``, ``RASA_MATRIX_WEBHOOK`` (default
``http://127.0.0.1:5005/webhooks/matrix/webhook``), ``STAFF_MATRIX_USERS`` (whose direct-message
invitations are accepted), ``LOG_DIR`` or ``MATRIX_BRIDGE_STATE`` (where the sync token is kept).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    JoinError,
    MatrixRoom,
    RoomMessageText,
    RoomResolveAliasError,
    RoomSendError,
    SyncError,
    SyncResponse,
    WhoamiError,
)

try:
    from matrix_bridge.forwarding import FORWARD_TIMEOUT, Forwarder
    from matrix_bridge.policy import (
        FORWARD,
        MAX_CATCH_UP_S,
        MISSED,
        accepts_invitation,
        event_verdict,
        staff_ids,
    )
    from matrix_bridge.sync_token import SyncTokenFile, token_path
except ImportError:  # run as a script: python matrix_bridge/bridge.py
    from forwarding import FORWARD_TIMEOUT, Forwarder  # type: ignore[no-redef]
    from policy import (  # type: ignore[no-redef]
        FORWARD,
        MAX_CATCH_UP_S,
        MISSED,
        accepts_invitation,
        event_verdict,
        staff_ids,
    )
    from sync_token import SyncTokenFile, token_path  # type: ignore[no-redef]

logger = logging.getLogger("matrix_bridge")

DEFAULT_WEBHOOK = "http://127.0.0.1:5005/webhooks/matrix/webhook"
SYNC_TIMEOUT_MS = 30_000
SYNC_ERROR_PAUSE_S = 5.0
CATCH_UP_FILTER = {"room": {"timeline": {"limit": 100}}}  # the default 10 would skip some
NOT_PASSED_ON = "I couldn't pass your message on; please try again in a moment."
MISSED_NOTE = (
    "I was offline and didn't answer {count} message(s) sent here more than {minutes} minutes ago. "
    "Please send again what you still need."
)


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
    staff: frozenset[str] = frozenset()
    state_file: Path = field(default_factory=lambda: token_path({}))

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
            staff=staff_ids(env),
            state_file=token_path(env),
        )


def now_ms() -> int:
    return int(time.time() * 1000)


class Bridge:
    """One nio client, the bot's rooms, one webhook."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.client = AsyncClient(config.homeserver, config=AsyncClientConfig(encryption_enabled=False))
        self.client.access_token = config.access_token
        self.room_id = config.room
        self.started_ms = now_ms()
        self.catching_up = False  # during the first sync from a saved token
        self.missed: Counter[str] = Counter()  # per room, messages too old to answer after a restart
        self.tokens = SyncTokenFile(config.state_file)
        # built in main(), inside the loop
        self.forwarder = Forwarder(
            config.webhook, config.secret, aiohttp.ClientSession(timeout=FORWARD_TIMEOUT)
        )
        self._warned_encrypted: set[str] = set()

    async def start(self) -> None:
        """Who am I, which room, join it, catch up or skip the history: then messages can flow."""
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
        self.client.add_event_callback(self.on_message, RoomMessageText)
        self.client.add_event_callback(self.on_invite, InviteMemberEvent)
        await self.first_sync()
        logger.info("bridge ready: %s in %s -> %s", self.client.user_id, self.room_id, self.config.webhook)

    async def first_sync(self) -> None:
        """From the saved token (what was sent while down is answered), else from now (history
        is read, never answered); a token the homeserver refuses counts as none."""
        token = self.tokens.load(self.config.homeserver, self.client.user_id)
        if token:
            self.catching_up = True
            try:
                response = await self.client.sync(timeout=0, since=token, sync_filter=CATCH_UP_FILTER)
            finally:
                self.catching_up = False
            if isinstance(response, SyncResponse):
                logger.info("resumed from the saved sync token")
                self.save_token(response)
                await self.tell_missed()
                return
            logger.warning("saved sync token refused (%s): starting afresh", response)
        self.save_token(await self.client.sync(timeout=0, full_state=True))

    async def run(self) -> None:
        """Syncs until cancelled; a failed sync is logged and tried again."""
        try:
            await self.start()
            while True:
                response = await self.client.sync(timeout=SYNC_TIMEOUT_MS)
                if isinstance(response, SyncError):
                    logger.warning("sync failed (%s): again in %.0f s", response, SYNC_ERROR_PAUSE_S)
                    await asyncio.sleep(SYNC_ERROR_PAUSE_S)
                self.save_token(response)
        finally:
            await self.forwarder.http.close()
            await self.client.close()

    def save_token(self, response: SyncResponse | SyncError) -> None:
        """Keeps the place reached: every event of ``response`` has been handled by now."""
        if isinstance(response, SyncResponse):
            self.tokens.save(self.config.homeserver, self.client.user_id, response.next_batch)

    async def on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        """Accepts an invitation to the staff room or to a direct message from staff; logs others."""
        if event.state_key != self.client.user_id or event.membership != "invite":
            return
        direct = bool(event.content.get("is_direct"))
        if not accepts_invitation(room.room_id, event.sender, direct, self.room_id, self.config.staff):
            logger.warning(
                "invitation to %s from %s (direct: %s) not accepted: only the staff room and "
                "direct messages from STAFF_MATRIX_USERS",
                room.room_id, event.sender, direct,
            )  # fmt: skip
            return
        joined = await self.client.join(room.room_id)
        logger.info(
            "invited to %s by %s: %s",
            room.room_id,
            event.sender,
            "joined" if not isinstance(joined, JoinError) else joined.message,
        )

    async def on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        """Forwards a person's text message sent while the bridge ran (or caught up on)."""
        if event.sender == self.client.user_id:
            return
        verdict = event_verdict(event.server_timestamp, now_ms(), self.started_ms, self.catching_up)
        if verdict == MISSED:
            self.missed[room.room_id] += 1
        if verdict != FORWARD:
            return
        if room.encrypted and room.room_id not in self._warned_encrypted:
            self._warned_encrypted.add(room.room_id)
            logger.warning("%s is encrypted: not supported, messages there are not forwarded", room.room_id)
        if not await self.forwarder.forward(room.room_id, event.source):
            await self.say(room.room_id, NOT_PASSED_ON, reply_to=event.event_id)

    async def tell_missed(self) -> None:
        """Tells each room how many of its messages came too late to be answered."""
        for room_id, count in self.missed.items():
            logger.warning(
                "%d message(s) in %s older than %d min not answered", count, room_id, MAX_CATCH_UP_S // 60
            )
            await self.say(room_id, MISSED_NOTE.format(count=count, minutes=MAX_CATCH_UP_S // 60))
        self.missed.clear()

    async def say(self, room_id: str, text: str, reply_to: str | None = None) -> None:
        """Posts a notice (bots' messages that other bots leave alone) from the bridge itself."""
        content: dict = {"msgtype": "m.notice", "body": text}
        if reply_to:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
        sent = await self.client.room_send(room_id, "m.room.message", content)
        if isinstance(sent, RoomSendError):
            logger.error("could not tell %s: %s", room_id, sent.message)


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
