"""What the two staff channels (Slack, Matrix) share: names, the allow-list gate, settings.

The allow-list itself lives in :mod:`skills_catalog.staff_access` (pure, no Rasa import) so
the actions check it with the same code. The channels apply it once more, before a message
reaches Rasa: with ``staff_only`` (the default) a message from anyone else is dropped and
logged, so a guest in the Slack workspace or a stranger in the Matrix room never starts a
conversation at all.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from skills_catalog.staff_access import (
    MATRIX,
    SLACK,
    STAFF_CHANNELS,
    STAFF_USER_VARIABLES,
    is_staff,
    staff_ids,
)

__all__ = [
    "MATRIX",
    "SLACK",
    "STAFF_CHANNELS",
    "admits",
    "is_staff",
    "setting",
    "staff_ids",
    "warn_if_nobody",
]

logger = logging.getLogger(__name__)


def setting(credentials: Mapping[str, Any] | None, key: str, variable: str, default: Any = None) -> Any:
    """A credentials value, else the environment variable, else the default.

    Lets ``bot/credentials.yml`` name a channel without secrets in it: Rasa's own ``${VAR}``
    substitution fails the whole server when a variable is unset, this does not.
    """
    value = (credentials or {}).get(key)
    if value is None or value == "":
        value = os.environ.get(variable) or default
    return value


def admits(channel: str, sender_id: str | None, staff_only: bool) -> bool:
    """Whether a message from ``sender_id`` may go on to Rasa; logs a refusal by id only."""
    if not staff_only or is_staff(channel, sender_id):
        return True
    logger.info("%s: message from %s dropped: not in %s", channel, sender_id, STAFF_USER_VARIABLES[channel])
    return False


def warn_if_nobody(channel: str, staff_only: bool) -> None:
    """Warns at start-up when the channel would drop every message."""
    if staff_only and not staff_ids(channel):
        logger.warning(
            "%s channel: %s is empty, so every message will be dropped",
            channel,
            STAFF_USER_VARIABLES[channel],
        )
