"""Alerts to cluster staff from any action: a new need, a person asking for a human.

The sinks come from :func:`actions.services.alert_sinks` (Slack and/or Matrix from the
environment, else the log). Posting is blocking ``requests``, so it runs in a thread; a sink
that fails is logged by ``post_to_all`` and never fails the conversation.
"""

from __future__ import annotations

import asyncio
import logging

from actions import services
from skills_catalog.alerts import post_to_all

logger = logging.getLogger(__name__)


async def alert_staff(text: str, what: str) -> int:
    """Post ``text`` to every sink; ``what`` (ids only) is logged. Returns how many took it."""
    try:
        delivered = await asyncio.to_thread(post_to_all, services.alert_sinks(), text)
    except Exception:
        logger.exception("staff alert %s not posted", what)
        return 0
    logger.info("staff alert %s posted to %d sink(s)", what, delivered)
    return delivered
