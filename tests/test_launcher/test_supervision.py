"""A part of the assistant that stops is named and started again; one that keeps stopping ends it all.

QA Matrix H3: a SIGTERM to the bridge or the action server took the whole assistant down with
"A server stopped unexpectedly", naming nothing and restarting nothing.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from launcher.production import ProductionStack
from launcher.stack import Stack, free_port, stop_group
from launcher.supervision import GaveUp, RestartPolicy, Supervisor, exit_words
from skills_catalog.settings import Settings


@dataclass
class FakeStack:
    """Parts that stop when a test says so; restarts are recorded, and fail while ``broken``."""

    ended: dict[str, int | None] = field(default_factory=dict)
    restarted: list[str] = field(default_factory=list)
    broken: bool = False

    def stopped(self) -> dict[str, int | None]:
        return dict(self.ended)

    def restart(self, name: str) -> None:
        self.restarted.append(name)
        if self.broken:
            raise RuntimeError(f"http://127.0.0.1:1/health exited with 1:\nTraceback\n{name} is broken")
        self.ended.pop(name, None)

    def stop_process(self, name: str, timeout: float = 15) -> None:
        self.ended.pop(name, None)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def supervisor(stack: FakeStack, clock: Clock, said: list[str]) -> Supervisor:
    return Supervisor(stack, clock=clock, say=said.append)


def test_a_stopped_part_is_named_with_its_exit_and_started_again_after_a_second(clock: Clock) -> None:
    stack, said = FakeStack(ended={"bridge": -signal.SIGTERM}), []
    watch = supervisor(stack, clock, said)
    watch.check()
    assert said == ["the Matrix bridge (bridge) stopped (signal SIGTERM); starting it again in 1 s"]
    assert stack.restarted == []
    clock.now += 1
    watch.check()
    assert stack.restarted == ["bridge"]
    assert said[-1] == "the Matrix bridge (bridge) is running again"


def test_the_wait_doubles_while_a_part_keeps_stopping_up_to_30_s() -> None:
    policy = RestartPolicy()
    stops: list[float] = []
    waits = []
    for minute in range(8):  # one stop a minute: never 5 within 2 minutes
        stops.append(60.0 * minute)
        waits.append(policy.delay(stops, 60.0 * minute))
    assert waits == [1, 2, 4, 8, 16, 30, 30, 30]
    assert policy.delay([0.0, 700.0], 700.0) == 1, "stops older than its memory do not count"


def test_a_part_that_cannot_start_again_stops_everything_at_the_fifth_stop(clock: Clock) -> None:
    stack, said = FakeStack(ended={"actions": 3}, broken=True), []
    watch = supervisor(stack, clock, said)
    with pytest.raises(GaveUp, match=r"^the action server \(actions\) did not start again \(http://127.0.0.1:1/health exited with 1: … actions is broken\); it stopped 5 times within 120 s"):  # fmt: skip
        for _ in range(20):
            watch.check()
            clock.now += 16
    assert said[0] == "the action server (actions) stopped (exit code 3); starting it again in 1 s"
    assert [line.rsplit(" in ", 1)[1] for line in said[1:]] == ["2 s", "4 s", "8 s"]
    assert stack.restarted == ["actions"] * 4


def test_each_part_has_its_own_count(clock: Clock) -> None:
    stack, said = FakeStack(ended={"actions": 1, "rasa": 1}), []
    watch = supervisor(stack, clock, said)
    watch.check()
    assert [line.split(";")[1] for line in said] == [" starting it again in 1 s"] * 2


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (0, "exit code 0"),
        (2, "exit code 2"),
        (-9, "signal SIGKILL"),
        (-200, "signal 200"),
        (None, "its thread ended"),
    ],
    ids=["clean", "error", "killed", "unknown-signal", "thread"],
)
def test_exit_words(code: int | None, words: str) -> None:
    assert exit_words(code) == words


# ---------------------------------------------------------------- the real Stack's parts

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


class SleeperStack(Stack):
    """A stack whose action server is a sleeping Python: the restart plumbing without Rasa."""

    def starters(self) -> dict[str, Callable[[], None]]:
        return {**super().starters(), "actions": self.start_sleeper}

    def start_sleeper(self) -> None:
        self.spawn("actions", SLEEPER)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[SleeperStack]:
    settings = Settings(cache_dir=tmp_path, web_port=free_port(), rasa_port=free_port())
    running = SleeperStack(settings, tmp_path / "model.tar.gz", log_dir=tmp_path)
    yield running
    running.stop()


def test_a_process_killed_from_outside_is_reported_and_restarted(stack: SleeperStack) -> None:
    first = stack.spawn("actions", SLEEPER)
    assert stack.stopped() == {}
    first.send_signal(signal.SIGTERM)
    first.wait(10)
    assert stack.stopped() == {"actions": -signal.SIGTERM}
    stack.restart("actions")
    assert stack.stopped() == {}
    assert stack.processes["actions"].pid != first.pid


def test_the_widget_page_server_is_restarted_when_its_thread_ends(stack: SleeperStack) -> None:
    stack.start_web()
    assert stack.web is not None
    stack.web.server.shutdown()  # serve_forever returns: the thread ends, the socket stays bound
    assert stack.stopped() == {"web": None}
    stack.restart("web")
    assert stack.stopped() == {}
    assert requests.get(stack.web_url + "config.js", timeout=5).status_code == 200


def test_what_a_stopped_process_left_in_its_group_is_killed(tmp_path: Path) -> None:
    # a leader that ended may leave a child holding the port its restart needs
    leftover = tmp_path / "leftover.pid"
    leader = subprocess.Popen(
        ["sh", "-c", f"sleep 60 & echo $! > {leftover}; exit 3"], start_new_session=True
    )
    assert leader.wait(10) == 3
    child = int(leftover.read_text())
    stop_group(leader)
    deadline = time.monotonic() + 5
    while _state(child) not in ("gone", "Z") and time.monotonic() < deadline:  # Z: killed, not reaped yet
        time.sleep(0.05)
    assert _state(child) in ("gone", "Z")


def _state(pid: int) -> str:
    """The process's state letter from /proc, "gone" when there is no such process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def test_nothing_is_spawned_once_the_stack_is_stopping(stack: SleeperStack) -> None:
    # Ctrl-C or SIGTERM while the servers started: a server spawned after stop() outlived the launcher
    stack.stop()
    with pytest.raises(RuntimeError, match="actions not started: the assistant is stopping"):
        stack.spawn("actions", SLEEPER)
    assert stack.processes == {}


def test_the_production_stack_restarts_one_rasa_process_on_its_own_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[dict[str, object]] = []
    monkeypatch.setattr(Stack, "start_rasa", lambda self, **where: started.append(where))
    production = ProductionStack(
        Settings(cache_dir=tmp_path), tmp_path / "m", log_dir=tmp_path, backend_ports=[7001, 7002]
    )
    starters = production.starters()
    assert {"actions", "rasa-1", "rasa-2", "nginx"} <= set(starters)
    starters["rasa-2"]()
    assert started == [{"port": 7002, "name": "rasa-2"}]
