"""Keeps ``cache_dir`` from growing without bound: our cache files unused for a month go.

Why: every change of code, lexicon or taxonomy writes its cache files under new keys (the
encoder graph alone is ~90 MB), and nothing ever read the old ones again: one day of
development left 574 MB. Each reader marks the file it used by setting its modification time
(:func:`mark_used`), and a recogniser build removes the files of our own kinds that no process
has used for :data:`STALE_AFTER_S` (:func:`prune`). A month, so a test run or a deployment that
switches between the demo taxonomy and full ESCO keeps both; files of other kinds are never
touched, so a ``cache_dir`` shared with other tools is safe.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path

logger = logging.getLogger(__name__)

STALE_AFTER_S = 30 * 24 * 3600.0
#: Name prefixes of the files this library writes under ``cache_dir``, each ``<kind><key>.<ext>``
#: (``label-product-`` is no longer written; it is listed so its old files go too).
KINDS = ("taxonomy-", "recognizer-", "label-vectors-", "label-product-", "encoder-", "places-geonames-")


def mark_used(*paths: Path) -> None:
    """Record that ``paths`` were read now, so :func:`prune` keeps them."""
    for path in paths:
        with contextlib.suppress(OSError):  # read-only cache, or removed meanwhile: nothing to keep
            os.utime(path)


def prune(cache_dir: Path, stale_after_s: float = STALE_AFTER_S, now: float | None = None) -> list[Path]:
    """Remove our cache files in ``cache_dir`` unused for ``stale_after_s``; the ones removed."""
    cutoff = (time.time() if now is None else now) - stale_after_s
    removed = []
    try:
        entries = list(Path(cache_dir).iterdir())
    except OSError:
        return []
    for path in entries:
        if not path.name.startswith(KINDS) or not path.is_file():
            continue
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError as exc:  # another process removed it first, or no permission
            logger.debug("cache file %s not removed: %s", path, exc)
    if removed:
        logger.info(
            "removed %d cache file(s) unused for %.0f days from %s",
            len(removed),
            stale_after_s / 86400,
            cache_dir,
        )
    return removed
