"""One running assistant per log folder.

Why: the launcher writes Rasa's endpoints file (action server URL, tracker database) into the
log folder. Two assistants started from one checkout at the same moment overwrote each other's
file, and one Rasa server then stored its conversations in the other's database and called the
other's action server, silently. The second start now stops with the way out (``LOG_DIR``).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class AlreadyRunning(RuntimeError):
    """Another launcher holds the log folder."""


@contextmanager
def run_lock(log_dir: Path) -> Iterator[None]:
    """Hold ``log_dir/launcher.pid`` locked while the block runs; :class:`AlreadyRunning` when
    another process holds it. The lock goes with the process, so a crash leaves none behind."""
    log_dir.mkdir(parents=True, exist_ok=True)
    with open(log_dir / "launcher.pid", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise AlreadyRunning(
                f"another assistant (pid {holder}) is running with its logs in {log_dir}; "
                "stop it, or give this one its own LOG_DIR (and ports and databases)"
            ) from None
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
