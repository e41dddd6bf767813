"""Which channels the Rasa server opens: the committed ones, plus Slack / Matrix when configured.

``bot/credentials.yml`` holds only what needs no secret (REST, the widget's socket.io), so the
embedded profile runs as is. When the environment configures a staff channel, the launcher
writes ``credentials.yml`` in the log folder (``LOG_DIR``, default ``var/logs``): the committed
file plus that channel's section. The section carries no secret: the channels read tokens and signing secrets from the environment
(``connectors/staff.py``), so nothing secret is ever written to disk.

- Slack: ``SLACK_SIGNING_SECRET`` and ``SLACK_BOT_TOKEN``;
- Matrix: ``MATRIX_HOMESERVER``, ``MATRIX_ACCESS_TOKEN``, ``MATRIX_BRIDGE_SECRET`` (and
  ``MATRIX_STAFF_ROOM``, which the bridge needs); the launcher then also starts the bridge.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from skills_catalog.settings import PROJECT_ROOT, VAR_DIR

logger = logging.getLogger(__name__)

BASE_CREDENTIALS = PROJECT_ROOT / "bot" / "credentials.yml"
SLACK_CHANNEL = "connectors.slack.SlackInput"
MATRIX_CHANNEL = "connectors.matrix.MatrixInput"
SLACK_VARIABLES = ("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
MATRIX_VARIABLES = ("MATRIX_HOMESERVER", "MATRIX_ACCESS_TOKEN", "MATRIX_BRIDGE_SECRET", "MATRIX_STAFF_ROOM")
MATRIX_PYTHON = VAR_DIR / "matrix-venv" / "bin" / "python"
BRIDGE_SCRIPT = PROJECT_ROOT / "matrix_bridge" / "bridge.py"


def _configured(environ: Mapping[str, str], variables: tuple[str, ...]) -> bool:
    return all(environ.get(name) for name in variables)


def slack_configured(environ: Mapping[str, str]) -> bool:
    """Whether the environment holds the Slack channel's secrets."""
    return _configured(environ, SLACK_VARIABLES)


def matrix_configured(environ: Mapping[str, str]) -> bool:
    """Whether the environment holds what the Matrix channel and bridge need."""
    return _configured(environ, MATRIX_VARIABLES)


def staff_channels(environ: Mapping[str, str]) -> dict[str, Any]:
    """The credentials sections of the configured staff channels (secrets left to the env)."""
    sections: dict[str, Any] = {}
    if slack_configured(environ):
        sections[SLACK_CHANNEL] = {"staff_only": True}
    if matrix_configured(environ):
        sections[MATRIX_CHANNEL] = {"staff_only": True}
    return sections


def credentials_file(
    environ: Mapping[str, str], out_dir: Path = VAR_DIR, base: Path = BASE_CREDENTIALS
) -> Path:
    """The credentials file to start Rasa with: ``base``, or ``out_dir/credentials.yml`` = base +
    the configured staff channels (rewritten on every start, so it follows the environment)."""
    sections = staff_channels(environ)
    if not sections:
        return base
    merged = {**(yaml.safe_load(base.read_text()) or {}), **sections}
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "credentials.yml"
    header = f"# Written by launcher/channels.py from {base.name} + {', '.join(sections)}; do not edit.\n"
    path.write_text(header + yaml.safe_dump(merged, sort_keys=False))
    logger.info("channels: %s", ", ".join(["rest", "socketio", *sections]))
    return path


def bridge_command(environ: Mapping[str, str], python: Path = MATRIX_PYTHON) -> list[str] | None:
    """How to start the Matrix bridge, or None when Matrix is not configured.

    Raises:
        FileNotFoundError: Matrix is configured but ``var/matrix-venv`` was never made.
    """
    if not matrix_configured(environ):
        return None
    if not python.exists():
        raise FileNotFoundError(
            f"{python} is missing: run `bash scripts/setup-matrix-env.sh` for the Matrix bridge"
        )
    return [str(python), str(BRIDGE_SCRIPT)]
