"""Notice that the catalogue files changed, so a running assistant can load the new ones.

Why: a changed catalogue reached a running assistant only by a restart, and a restart with a
broken file left no catalogue at all; ``Engine.reload_catalog`` existed but nothing called it
(QA8). The watch is asked on use, compares the files' modification times and sizes at most
every ``every_s`` seconds (a ``stat`` of two files), and says "changed" once per change, so a
refused catalogue is not loaded again and again until it is edited once more.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

#: How often, at most, the catalogue files are looked at (seconds).
CHECK_EVERY_S = 30.0

Stamp = tuple[tuple[str, int, int], ...]


def catalog_stamp(source: Path) -> Stamp:
    """Name, modification time (ns) and size of the CSV files of a catalogue folder, or of the
    workbook (an editor's lock or backup files beside them change nothing)."""
    if source.is_dir():
        paths = sorted(p for p in source.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    else:
        paths = [source]
    stamp = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((path.name, info.st_mtime_ns, info.st_size))
    return tuple(stamp)


class CatalogWatch:
    """Tells, at most every ``every_s`` seconds, whether the catalogue at ``source`` changed.

    Build it *before* loading the catalogue, so a change made during the load is seen later.
    """

    def __init__(
        self, source: Path, every_s: float = CHECK_EVERY_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.source = Path(source)
        self.every_s = every_s
        self._clock = clock
        self._stamp = catalog_stamp(self.source)
        self._checked = clock()
        self._lock = threading.Lock()

    def changed(self) -> bool:
        """True once for each change of the files; False between checks and while unchanged."""
        now = self._clock()
        with self._lock:
            if now - self._checked < self.every_s:
                return False
            self._checked = now
            stamp = catalog_stamp(self.source) if self.source.exists() else ()
            if stamp == self._stamp or not stamp:
                return False
            self._stamp = stamp
            return True
