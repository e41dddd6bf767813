"""Whether only staff read a Matrix room: every joined or invited member is the bot or staff.

Why the channel asks the homeserver: contact details and new secrets are shown only where no one
else reads them (``private_to_staff`` in the message metadata), and the QA found them posted in
the staff room with a stranger in it, because every Matrix room had counted as private. Invited
members count as readers: they read everything once they join. The answer is kept for
``ttl_seconds`` per room (staff send several commands in a row); a failure to learn the
members answers False, so a doubt never shows a contact.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from connectors.matrix_api import MatrixApi
from skills_catalog.staff_access import MATRIX, is_staff

logger = logging.getLogger(__name__)



class RoomPrivacy:
    """``private_to_staff(room_id)``, with each room's answer kept for ``ttl_seconds``."""

    def __init__(
        self, api: MatrixApi, ttl_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.api = api
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._known: dict[str, tuple[bool, float]] = {}

    async def private_to_staff(self, room_id: str) -> bool:
        """True when every member who reads the room is the bot or on STAFF_MATRIX_USERS."""
        kept = self._known.get(room_id)
        if kept is not None and self.clock() - kept[1] < self.ttl_seconds:
            return kept[0]
        bot, readers = await self.api.user_id(), await self.api.readers(room_id)
        if bot is None or readers is None:
            logger.warning("matrix: members of %s unknown: treated as not private", room_id)
            return False  # not kept: the next message asks again
        others = sum(1 for user in readers if user != bot and not is_staff(MATRIX, user))
        if others:
            logger.info("matrix: %s is read by %d member(s) not on the staff list", room_id, others)
        self._known[room_id] = (not others, self.clock())
        return not others
