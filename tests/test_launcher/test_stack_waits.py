"""The launcher's waits: "up" means ready for the first person, also after a restart."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from launcher.stack import wait_for_log


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen]:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    yield process
    process.kill()
    process.wait()


def test_a_line_an_earlier_process_wrote_does_not_count(tmp_path: Path, sleeper: subprocess.Popen) -> None:
    """A restarted action server appends to the same log, which already says "engine warmed up"."""
    log = tmp_path / "actions.log"
    log.write_text("INFO engine warmed up\n")
    written = log.stat().st_size
    with pytest.raises(TimeoutError, match="no 'engine warm'"):
        wait_for_log(log, "engine warm", sleeper, timeout=0.5, after=written)
    with log.open("a") as handle:
        handle.write("INFO engine warmed up\n")
    wait_for_log(log, "engine warm", sleeper, timeout=2, after=written)


def test_a_process_that_died_is_reported_with_its_log(tmp_path: Path) -> None:
    log = tmp_path / "actions.log"
    log.write_text("Traceback: the catalogue is broken\n")
    done = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    done.wait()
    with pytest.raises(RuntimeError, match="exited with 3(.|\n)*the catalogue is broken"):
        wait_for_log(log, "engine warm", done, timeout=5)


def test_a_failure_line_stops_the_wait_with_the_log(tmp_path: Path, sleeper: subprocess.Popen) -> None:
    # QA8: a catalogue refused at start wrote "engine warm-up failed", which the wait for "engine
    # warm" took for ready: the stack was called up and every answer failed
    log = tmp_path / "actions.log"
    log.write_text("ERROR engine warm-up failed\nCatalogError: offers.csv row 4, column cost_eur: not a number\n")
    with pytest.raises(RuntimeError, match="^engine warm-up failed\nCatalogError: offers.csv row 4, column cost_eur"):
        wait_for_log(log, "engine warmed up", sleeper, timeout=5, failed="engine warm-up failed")
