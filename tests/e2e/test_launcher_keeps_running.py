"""`make run` for real: a server that stops is named and started again; SIGTERM stops them all.

QA Matrix H3: a SIGTERM to the action server (or the bridge) took the whole assistant down with
"A server stopped unexpectedly; see the logs above.", naming nothing, restarting nothing.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from connectors import guard
from launcher.stack import free_port
from skills_catalog.settings import PROJECT_ROOT


class Launcher:
    """``python -m launcher run`` on free ports, its output in a file."""

    def __init__(self, tmp: Path) -> None:
        self.ports = {name: free_port() for name in ("RASA_PORT", "ACTIONS_PORT", "WEB_PORT")}
        env = {
            **os.environ, **{name: str(port) for name, port in self.ports.items()},
            "LOG_DIR": str(tmp / "logs"), "TRACKER_DB_URL": f"sqlite:///{tmp / 't.db'}",
            "NEEDS_DB_URL": f"sqlite:///{tmp / 'n.db'}",
        }  # fmt: skip
        self.output = tmp / "run.log"
        with self.output.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "launcher", "run"], cwd=PROJECT_ROOT, env=env,
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip

    def wait_for(self, pattern: str, timeout: float) -> str:
        """The first output line matching ``pattern``; fails with the output when none comes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.output.read_text(errors="replace").splitlines():
                if re.search(pattern, line):
                    return line
            assert self.process.poll() is None, f"the launcher ended:\n{self.output.read_text()}"
            time.sleep(0.2)
        raise AssertionError(f"no {pattern!r} after {timeout:.0f} s:\n{self.output.read_text()}")

    def servers(self, *names: str) -> list[int]:
        """The pids of the servers started on this launcher's ports (``names``: these ports only)."""
        ports = [self.ports[name] for name in names or ("RASA_PORT", "ACTIONS_PORT")]
        return [pid for pid, line in _command_lines() if any(f" --port {port} " in line for port in ports)]

    def stop(self, timeout: float) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)


def _command_lines() -> Iterator[tuple[int, str]]:
    """Every process's pid and command line, its arguments separated (and ended) by a space."""
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                yield (
                    int(proc.name),
                    (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"),
                )
            except OSError:  # ended meanwhile
                continue


@pytest.fixture
def launcher(trained_model: Path, tmp_path: Path) -> Iterator[Launcher]:
    running = Launcher(tmp_path)
    yield running
    if running.process.poll() is None:
        running.stop(60)
    for pid in running.servers():  # never leave a server behind, whatever the test found
        os.kill(pid, signal.SIGKILL)


def test_a_stopped_action_server_is_named_and_started_again(launcher: Launcher) -> None:
    launcher.wait_for("Press Ctrl-C to stop", 600)
    (actions,) = launcher.servers("ACTIONS_PORT")
    os.kill(actions, signal.SIGTERM)
    launcher.wait_for(r"the action server \(actions\) stopped \((exit code|signal)", 60)
    launcher.wait_for(r"the action server \(actions\) is running again", 300)
    rest = f"http://127.0.0.1:{launcher.ports['RASA_PORT']}/webhooks/rest/webhook"
    replies = requests.post(rest, json={"sender": "restart-1", "message": "hello"}, timeout=60).json()
    assert replies and guard.TECHNICAL_PROBLEM not in [reply.get("text") for reply in replies]
    assert requests.get(f"http://127.0.0.1:{launcher.ports['WEB_PORT']}/", timeout=5).status_code == 200
    started = time.monotonic()
    assert launcher.stop(60) == 0
    assert time.monotonic() - started < 30
    assert launcher.servers() == []


def test_sigterm_while_the_servers_start_leaves_none_behind(launcher: Launcher) -> None:
    # before, SIGTERM during the start killed the launcher alone: its servers ran on
    launcher.wait_for("Starting the servers", 300)
    deadline = time.monotonic() + 60
    while len(launcher.servers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert launcher.stop(60) == 0
    assert launcher.servers() == []
    assert "Stopping" in launcher.output.read_text()
