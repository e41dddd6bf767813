"""The bridge's sync token on disk, so a restarted bridge goes on where it stopped (stdlib only).

Why: the bridge had kept its place in the room's timeline only in memory, so whatever staff
wrote while it (or the machine) restarted was never answered. The token is saved after each
sync whose events were all handled, with the homeserver and the bot's user id: a token of
another account or server is not used. The file lives in the stack's log folder (one running
assistant per folder), ``MATRIX_BRIDGE_STATE`` names another place.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("matrix_bridge")

FILE_NAME = "matrix-bridge-sync.json"
DEFAULT_LOG_DIR = Path(__file__).resolve().parents[1] / "var" / "logs"


def token_path(environ: Mapping[str, str]) -> Path:
    """``MATRIX_BRIDGE_STATE``, else the file in ``LOG_DIR`` (default ``var/logs``)."""
    if environ.get("MATRIX_BRIDGE_STATE"):
        return Path(environ["MATRIX_BRIDGE_STATE"])
    return Path(environ.get("LOG_DIR") or DEFAULT_LOG_DIR) / FILE_NAME


@dataclass(frozen=True)
class SyncTokenFile:
    """One JSON file: ``{"homeserver", "user_id", "next_batch"}``."""

    path: Path

    def load(self, homeserver: str, user_id: str) -> str | None:
        """The saved token of this account on this homeserver, or None (none yet, unreadable, another's)."""
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            logger.warning("sync token in %s unreadable (%s): starting afresh", self.path, exc)
            return None
        if not isinstance(saved, dict) or (saved.get("homeserver"), saved.get("user_id")) != (
            homeserver,
            user_id,
        ):
            logger.info("sync token in %s is another account's: starting afresh", self.path)
            return None
        token = saved.get("next_batch")
        return token if isinstance(token, str) and token else None

    def save(self, homeserver: str, user_id: str, token: str) -> None:
        """Writes the token whole or not at all (a new file renamed over the old one); a failure
        is logged, not raised: the bridge goes on, it only cannot resume from here."""
        fresh = self.path.with_name(self.path.name + ".new")
        saved = {"homeserver": homeserver, "user_id": user_id, "next_batch": token}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fresh.write_text(json.dumps(saved), encoding="utf-8")
            os.replace(fresh, self.path)
        except OSError as exc:
            logger.warning("sync token not saved in %s: %s", self.path, exc)
