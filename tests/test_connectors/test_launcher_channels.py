"""The launcher opens Slack / Matrix only when configured, and never writes a secret to disk."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from launcher.channels import (
    BASE_CREDENTIALS,
    MATRIX_CHANNEL,
    SLACK_CHANNEL,
    bridge_command,
    credentials_file,
)

SLACK_ENV = {"SLACK_SIGNING_SECRET": "s3cret-signing", "SLACK_BOT_TOKEN": "xoxb-s3cret"}
MATRIX_ENV = {"MATRIX_HOMESERVER": "https://m.example", "MATRIX_ACCESS_TOKEN": "syt_s3cret",
              "MATRIX_BRIDGE_SECRET": "bridge-s3cret", "MATRIX_STAFF_ROOM": "!room:m.example"}  # fmt: skip


def test_without_staff_variables_the_committed_file_is_used(tmp_path: Path) -> None:
    assert credentials_file({}, out_dir=tmp_path) == BASE_CREDENTIALS
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("env", "channels"),
    [(SLACK_ENV, {SLACK_CHANNEL}), (MATRIX_ENV, {MATRIX_CHANNEL}), ({**SLACK_ENV, **MATRIX_ENV}, {SLACK_CHANNEL, MATRIX_CHANNEL})],
    ids=["slack", "matrix", "both"],
)  # fmt: skip
def test_configured_channels_are_added_without_secrets(tmp_path: Path, env: dict, channels: set) -> None:
    path = credentials_file(env, out_dir=tmp_path)
    written = yaml.safe_load(path.read_text())
    base = yaml.safe_load(BASE_CREDENTIALS.read_text())
    assert set(written) == set(base) | channels
    assert not any(secret in path.read_text() for secret in {**SLACK_ENV, **MATRIX_ENV}.values())


def test_half_configured_slack_is_not_opened(tmp_path: Path) -> None:
    assert credentials_file({"SLACK_BOT_TOKEN": "xoxb-x"}, out_dir=tmp_path) == BASE_CREDENTIALS


def test_bridge_starts_only_with_matrix(tmp_path: Path) -> None:
    python = tmp_path / "python"
    assert bridge_command(SLACK_ENV, python) is None
    with pytest.raises(FileNotFoundError, match="setup-matrix-env.sh"):
        bridge_command(MATRIX_ENV, python)
    python.touch()
    assert bridge_command(MATRIX_ENV, python)[-1].endswith("matrix_bridge/bridge.py")
