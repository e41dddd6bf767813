"""The few client-server API calls the Matrix channel makes, with the bot's access token (aiohttp).

One thin wrapper for the outside service, so the channel reads without HTTP and its tests point
it at a local double. Every call logs what went wrong and answers ``None``/``False`` rather than
raise: a reply that cannot be posted must not fail the turn, and a look-up that fails makes the
callers fail closed.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import aiohttp

logger = logging.getLogger(__name__)

HTTP_TIMEOUT = aiohttp.ClientTimeout(total=30)
READING = frozenset({"join", "invite"})  # an invited member reads the room as soon as they join


class MatrixApi:
    """Room messages, media uploads, alias and member look-ups for one bot account."""

    def __init__(self, homeserver: str, access_token: str) -> None:
        self.homeserver = homeserver.rstrip("/")
        self._auth = {"Authorization": f"Bearer {access_token}"}
        self._room_ids: dict[str, str] = {}
        self._user_id: str | None = None

    async def room_id(self, room: str) -> str | None:
        """The id of ``room``: itself, or the id a ``#alias:server`` stands for (asked once, kept).

        None when the alias cannot be resolved; the next call asks again.
        """
        if not room.startswith("#"):
            return room
        if room not in self._room_ids:
            found = await self._call("GET", f"/_matrix/client/v3/directory/room/{quote(room, safe='')}")
            if not found or not isinstance(found.get("room_id"), str):
                logger.error("matrix: room alias %s could not be resolved", room)
                return None
            self._room_ids[room] = found["room_id"]
            logger.info("matrix: room alias %s is %s", room, found["room_id"])
        return self._room_ids[room]

    async def user_id(self) -> str | None:
        """The bot's own user id (``whoami``, asked once)."""
        if self._user_id is None:
            found = await self._call("GET", "/_matrix/client/v3/account/whoami")
            if found and isinstance(found.get("user_id"), str):
                self._user_id = found["user_id"]
        return self._user_id

    async def readers(self, room_id: str) -> frozenset[str] | None:
        """The user ids of the room's joined and invited members, or None when not known."""
        found = await self._call("GET", f"/_matrix/client/v3/rooms/{quote(room_id, safe='')}/members")
        if not found or not isinstance(found.get("chunk"), list):
            return None
        return frozenset(
            str(event.get("state_key"))
            for event in found["chunk"]
            if isinstance(event, dict) and (event.get("content") or {}).get("membership") in READING
        )

    async def send(self, room: str, content: dict[str, Any]) -> bool:
        """Posts one ``m.room.message`` to ``room`` (id or alias); False when it was refused."""
        room_id = await self.room_id(room)
        if room_id is None:
            return False
        path = f"/_matrix/client/v3/rooms/{quote(room_id, safe='')}/send/m.room.message/{uuid.uuid4().hex}"
        return await self._call("PUT", path, json=content) is not None

    async def upload(self, data: bytes, filename: str, content_type: str) -> str | None:
        """The ``mxc://`` URI of ``data`` stored in the media repository, or None."""
        path = f"/_matrix/media/v3/upload?filename={quote(filename)}"
        found = await self._call("POST", path, data=data, headers={"Content-Type": content_type})
        uri = (found or {}).get("content_uri")
        return uri if isinstance(uri, str) else None

    async def _call(
        self, verb: str, path: str, headers: dict[str, str] | None = None, **body: Any
    ) -> dict[str, Any] | None:
        """The JSON object the homeserver answers, or None (logged) for an error or no answer."""
        try:
            async with (
                aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session,
                session.request(
                    verb, self.homeserver + path, headers={**self._auth, **(headers or {})}, **body
                ) as reply,
            ):
                if reply.status != HTTPStatus.OK:
                    logger.error(
                        "matrix: %s %s: %s %s",
                        verb,
                        path.split("?")[0],
                        reply.status,
                        (await reply.text())[:300],
                    )
                    return None
                found = await reply.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
            logger.error("matrix: %s %s failed: %r", verb, path.split("?")[0], exc)
            return None
        return found if isinstance(found, dict) else None
