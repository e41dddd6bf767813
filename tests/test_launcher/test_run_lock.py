"""One running assistant per log folder: a second start stops with the way out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from launcher.run_lock import AlreadyRunning, run_lock
from skills_catalog.settings import PROJECT_ROOT


def test_a_second_lock_on_the_same_folder_is_refused_until_the_first_ends(tmp_path: Path) -> None:
    with run_lock(tmp_path):
        assert (tmp_path / "launcher.pid").read_text() == str(os.getpid())
        with pytest.raises(AlreadyRunning, match=f"pid {os.getpid()}.*LOG_DIR"), run_lock(tmp_path):
            pass
        with run_lock(tmp_path / "other"):  # another LOG_DIR runs beside it
            pass
    with run_lock(tmp_path):
        pass


def test_make_run_beside_a_running_assistant_stops_with_one_line(tmp_path: Path) -> None:
    # two stacks started at once from one checkout shared Rasa's endpoints file, and one stored
    # its conversations in the other's database
    env = {**os.environ, "LOG_DIR": str(tmp_path)}
    with run_lock(tmp_path):
        done = subprocess.run(
            [sys.executable, "-m", "launcher", "run"], cwd=PROJECT_ROOT, env=env,
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("error: another assistant (pid ")
