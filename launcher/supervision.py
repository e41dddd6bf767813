"""Keeping the assistant up: a part that stops is named, restarted with backoff, given up on last.

Why: one SIGTERM to the Matrix bridge or to the action server took the whole assistant down,
widget included, with "A server stopped unexpectedly" and no name (QA Matrix, H3). Now the
launcher says which part stopped and how, waits 1 s, 2 s, 4 s … up to 30 s while the part keeps
stopping, and starts it again; only a part that stopped 5 times in 2 minutes (a broken
configuration, not a hiccup) stops everything, with a message that says so.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

logger = logging.getLogger(__name__)

LABELS = {
    "actions": "the action server",
    "rasa": "the Rasa server",
    "bridge": "the Matrix bridge",
    "nginx": "nginx",
    "web": "the widget page server",
}


class Supervised(Protocol):
    """What the supervisor needs of a stack (``launcher.stack.Stack`` is one)."""

    def stopped(self) -> dict[str, int | None]:
        """The parts that stopped, with their exit status (None: not a process)."""

    def restart(self, name: str) -> None:
        """Start part ``name`` again and wait until it answers; raises if it does not."""

    def stop_process(self, name: str, timeout: float = 15) -> None:
        """Stop what is left of part ``name``."""


class GaveUp(RuntimeError):
    """A part kept stopping: the assistant is stopped rather than restarted forever."""


def label(name: str) -> str:
    """How the launcher's output names a part: "the action server (actions)"."""
    if name.startswith("rasa-"):
        return f"Rasa server {name.removeprefix('rasa-')} ({name})"
    return f"{LABELS.get(name, name)} ({name})"


def exit_words(code: int | None) -> str:
    """How a part stopped: "exit code 3", "signal SIGTERM", or "its thread ended"."""
    if code is None:
        return "its thread ended"
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


@dataclass(frozen=True)
class RestartPolicy:
    """When to restart a part that stopped, and when to give up.

    Attributes:
        first_delay_s: the wait before the first restart.
        max_delay_s: the longest wait; each stop within ``memory_s`` doubles the one before.
        give_up_after: this many stops within ``window_s`` stop the whole assistant.
        window_s: see ``give_up_after``.
        memory_s: how long a stop makes the next wait longer.
    """

    first_delay_s: float = 1.0
    max_delay_s: float = 30.0
    give_up_after: int = 5
    window_s: float = 120.0
    memory_s: float = 600.0

    def delay(self, stops: list[float], now: float) -> float | None:
        """Seconds to wait before the next restart, given the times of the stops so far (the
        last one included); None when the part stopped too often to go on."""
        if sum(now - t <= self.window_s for t in stops) >= self.give_up_after:
            return None
        recent = sum(now - t <= self.memory_s for t in stops)
        return float(min(self.first_delay_s * 2 ** (recent - 1), self.max_delay_s))


def _gist(error: BaseException) -> str:
    """An error of a start in one line: its first line (what), and its last (the log's last
    line: why), the whole being in the part's log."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()] or [type(error).__name__]
    return lines[0] if len(lines) == 1 else f"{lines[0]} … {lines[-1]}"


def _say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", flush=True)


@dataclass
class Supervisor:
    """Watches a stack's parts and restarts those that stop (call :meth:`check` in a loop)."""

    stack: Supervised
    policy: RestartPolicy = RestartPolicy()
    clock: Callable[[], float] = time.monotonic
    say: Callable[[str], None] = _say
    stops: dict[str, list[float]] = field(default_factory=dict)
    due: dict[str, float] = field(default_factory=dict)  # part -> when to start it again

    def watch(self, every_s: float = 0.5) -> None:
        """Check forever; returns only by an exception (:class:`GaveUp`, KeyboardInterrupt)."""
        while True:
            self.check()
            time.sleep(every_s)

    def check(self) -> None:
        """Note the parts that stopped, and restart those whose wait is over.

        Raises:
            GaveUp: a part stopped ``policy.give_up_after`` times within ``policy.window_s``.
        """
        for name, code in self.stack.stopped().items():
            if name not in self.due:
                self._stopped(name, f"stopped ({exit_words(code)})")
        for name, when in list(self.due.items()):
            if when <= self.clock():
                del self.due[name]
                self._restart(name)

    def _stopped(self, name: str, how: str) -> None:
        now = self.clock()
        stops = self.stops.setdefault(name, [])
        stops.append(now)
        wait = self.policy.delay(stops, now)
        if wait is None:
            raise GaveUp(
                f"{label(name)} {how}; it stopped {len(stops)} times within {self.policy.window_s:.0f} s, "
                "so the assistant is stopped: see its log"
            )
        self.say(f"{label(name)} {how}; starting it again in {wait:g} s")
        self.due[name] = now + wait

    def _restart(self, name: str) -> None:
        try:
            self.stack.restart(name)
        except (RuntimeError, TimeoutError, OSError) as error:
            self.stack.stop_process(name)
            self._stopped(name, f"did not start again ({_gist(error)})")
        else:
            self.say(f"{label(name)} is running again")
