"""Alerts to cluster staff from any action: a new need, a person asking for a human.

The sinks come from :func:`actions.services.alert_sinks` (Slack and/or Matrix from the
environment, else the log), through the outbox (:func:`actions.services.alert_sender`): an alert
a sink refused waits and goes out later. Posting is blocking ``requests``, so it runs in a
thread; a failure never fails the conversation.
"""

from __future__ import annotations

import asyncio
import logging

from actions import services

logger = logging.getLogger(__name__)


async def alert_staff(text: str, what: str) -> bool:
    """Post ``text`` to every sink; ``what`` (ids only) is logged. Returns whether every sink
    took it now (False: it waits in the outbox, or was lost), so the person is told the truth."""
    try:
        result = await asyncio.to_thread(services.alert_sender().send, text)
    except Exception:
        logger.exception("staff alert %s not posted", what)
        return False
    logger.info(
        "staff alert %s: posted to %d sink(s), waiting for %d, lost for %d",
        what, result.delivered, result.waiting, result.lost,
    )  # fmt: skip
    return result.delivered_now
