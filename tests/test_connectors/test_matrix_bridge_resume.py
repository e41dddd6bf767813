"""The bridge after a restart (matrix_bridge/policy.py, sync_token.py): which events it answers,
which invitations it accepts, and the sync token it resumes from. Stdlib only: no matrix-nio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matrix_bridge.policy import FORWARD, HISTORY, MISSED, accepts_invitation, event_verdict, staff_ids
from matrix_bridge.sync_token import FILE_NAME, SyncTokenFile, token_path

STARTED = 1_000_000_000
MINUTE = 60_000
HS, BOT = "http://127.0.0.1:5744", "@bot:localhost"


@pytest.mark.parametrize(
    ("sent", "catching_up", "verdict"),
    [
        (STARTED + 5, False, FORWARD),
        (STARTED + 5, True, FORWARD),
        (STARTED - 3 * MINUTE, True, FORWARD),
        (STARTED - 20 * MINUTE, True, MISSED),
        (STARTED - 3 * MINUTE, False, HISTORY),
    ],
    ids=["sent-while-running", "sent-during-catch-up", "sent-while-down", "too-old-to-answer", "history"],
)
def test_event_verdict(sent: int, catching_up: bool, verdict: str) -> None:
    assert event_verdict(sent, STARTED + MINUTE, STARTED, catching_up) == verdict


@pytest.mark.parametrize(
    ("room", "inviter", "direct", "accepted"),
    [
        ("!staff:localhost", "@eve:localhost", False, True),
        ("!dm:localhost", "@bo:localhost", True, True),
        ("!dm:localhost", "@eve:localhost", True, False),
        ("!group:localhost", "@bo:localhost", False, False),
    ],
    ids=["staff-room", "dm-from-staff", "dm-from-stranger", "group-from-staff"],
)
def test_invitations_accepted(room: str, inviter: str, direct: bool, accepted: bool) -> None:
    staff = staff_ids({"STAFF_MATRIX_USERS": " @ana:localhost, @bo:localhost ,"})
    assert accepts_invitation(room, inviter, direct, "!staff:localhost", staff) is accepted


def test_the_token_is_kept_per_homeserver_and_account(tmp_path: Path) -> None:
    tokens = SyncTokenFile(tmp_path / "logs" / FILE_NAME)
    assert tokens.load(HS, BOT) is None
    tokens.save(HS, BOT, "s42_1")
    assert SyncTokenFile(tokens.path).load(HS, BOT) == "s42_1"  # a new bridge process reads it
    assert tokens.load(HS, "@otherbot:localhost") is None and tokens.load("https://other.hs", BOT) is None
    assert json.loads(tokens.path.read_text()) == {"homeserver": HS, "user_id": BOT, "next_batch": "s42_1"}


def test_an_unreadable_token_file_means_starting_afresh(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json")
    assert SyncTokenFile(tmp_path / FILE_NAME).load(HS, BOT) is None


def test_a_token_that_cannot_be_written_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "file").write_text("")
    SyncTokenFile(tmp_path / "file" / FILE_NAME).save(HS, BOT, "s1")
    assert "sync token not saved" in caplog.text


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"MATRIX_BRIDGE_STATE": "/srv/bridge.json", "LOG_DIR": "/tmp/logs"}, Path("/srv/bridge.json")),
        ({"LOG_DIR": "/tmp/logs"}, Path("/tmp/logs") / FILE_NAME),
    ],
    ids=["named", "in-the-log-folder"],
)
def test_where_the_token_is_kept(environ: dict[str, str], expected: Path) -> None:
    assert token_path(environ) == expected


def test_by_default_the_token_is_kept_in_var_logs() -> None:
    assert token_path({}).parts[-3:] == ("var", "logs", FILE_NAME)
