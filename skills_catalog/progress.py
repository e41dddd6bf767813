"""A progress indicator on stderr for loads that take seconds (full ESCO, big catalogues).

On a terminal a spinner line is rewritten in place with the current step and the time spent,
so a person sees the command is alive; anywhere else (CI logs, pipes) each step is one plain
line, because carriage returns make logs unreadable. stdout is never touched: it may carry
``--json`` output.
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TextIO

_FRAMES = "|/-\\"


class Progress:
    """Callable with a step message; use as a context manager so the spinner line is cleared."""

    def __init__(self, stream: TextIO | None = None, interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self._message = ""
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, message: str) -> None:
        """Show ``message`` as the current step."""
        self._message = message
        if not self.tty:
            self.stream.write(f"{message}…\n")
            self.stream.flush()
        elif self._thread is None:
            self._thread = threading.Thread(target=self._spin, name="progress", daemon=True)
            self._thread.start()

    def _spin(self) -> None:
        frame = 0
        while not self._stop.wait(self.interval):
            elapsed = time.monotonic() - self._started
            self.stream.write(f"\r\033[K{_FRAMES[frame % len(_FRAMES)]} {self._message}… {elapsed:.1f}s")
            self.stream.flush()
            frame += 1

    def close(self) -> None:
        """Stop the spinner and clear its line (no-op when nothing was shown)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._thread = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
