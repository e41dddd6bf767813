"""How the bridge hands one event to Rasa: a signed POST, retried with backoff (aiohttp only).

Why the long backoff: a restarting Rasa server loads its model for tens of seconds, and the
four retries within 15 s the bridge had made lost every message sent meanwhile. Why one try
while Rasa is known to be down: each message would otherwise wait the whole backoff before the
room hears it was not passed on, and the messages behind it even longer.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import aiohttp

try:
    from matrix_bridge.signing import signed_headers
except ImportError:  # run as a script: python matrix_bridge/bridge.py
    from signing import signed_headers  # type: ignore[no-redef]

logger = logging.getLogger("matrix_bridge")

RETRY_DELAYS_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 30.0, 30.0)  # two minutes in all
FORWARD_TIMEOUT = aiohttp.ClientTimeout(total=120)  # Rasa answers after the whole turn


class Forwarder:
    """Signed POSTs of room events to the Rasa Matrix channel's webhook."""

    def __init__(
        self,
        webhook: str,
        secret: str,
        http: aiohttp.ClientSession,
        delays: Sequence[float] = RETRY_DELAYS_S,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.webhook = webhook
        self.secret = secret
        self.http = http
        self.delays = tuple(delays)
        self.sleep = sleep
        self.rasa_down = False  # the last event was given up: try the next one once only

    async def forward(self, room_id: str, event: dict[str, Any]) -> bool:
        """POSTs one signed event; retries on connection errors and 5xx; False when given up."""
        body = json.dumps({"room_id": room_id, "event": event}).encode("utf-8")
        event_id = event.get("event_id")
        delays = () if self.rasa_down else self.delays
        for attempt, delay in enumerate((*delays, None), start=1):
            status = await self._post(body)
            if status is not None and status < 500:
                self.rasa_down = False
                if status >= 400:
                    logger.error("Rasa refused %s: HTTP %s (check MATRIX_BRIDGE_SECRET)", event_id, status)
                    return False
                logger.info("forwarded %s", event_id)
                return True
            if delay is None:
                break
            logger.warning(
                "Rasa unreachable (attempt %d, HTTP %s): retrying in %.0f s", attempt, status, delay
            )
            await self.sleep(delay)
        self.rasa_down = True
        logger.error("gave up forwarding %s", event_id)
        return False

    async def _post(self, body: bytes) -> int | None:
        """HTTP status of one attempt, None when Rasa could not be reached."""
        try:
            async with self.http.post(
                self.webhook, data=body, headers=signed_headers(self.secret, body)
            ) as reply:
                return reply.status
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            logger.debug("post failed: %r", exc)
            return None
