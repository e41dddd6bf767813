"""Typed answers of the firm journey → slot values (pure functions, no engine, no I/O).

Buttons send canonical values (``choice``), which every parser accepts as they are.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from actions import names, parsing, texts
from skills_catalog.needs import LIMITS

_SIZE_WORDS = {
    "micro": r"\bmicro\b|\btiny\b",
    "small": r"\bsmall\b",
    "medium": r"\bmedium\b|\bmid[- ]?sized?\b|\bsme\b",
    "large": r"\blarge\b|\bbig\b|\bcorporat",
}
_SIZE_BOUNDS = ((10, "micro"), (50, "small"), (250, "medium"))


def now_iso() -> str:
    """The current UTC time, ISO formatted (when consent was given)."""
    return datetime.now(timezone.utc).isoformat()


def parse_ecosystem(text: str) -> str | None:
    """An ecosystem key from a button or from words naming exactly one ecosystem."""
    lowered = text.strip().lower()
    if lowered in texts.ECOSYSTEM_TITLES:
        return lowered
    words = set(re.findall(r"[a-z]+", lowered)) - {"and", "industry", "industries", "the"}
    hits = [
        key
        for key, title in texts.ECOSYSTEM_TITLES.items()
        if words & set(re.findall(r"[a-z]+", title.lower())) - {"and", "industries"}
    ]
    return hits[0] if len(hits) == 1 else None


def parse_size(text: str) -> str | None:
    """micro / small / medium / large from a word or a head count ("about 40 people")."""
    lowered = text.strip().lower()
    for size, pattern in _SIZE_WORDS.items():
        if re.search(pattern, lowered):
            return size
    count = parse_people(lowered)
    if count is None:
        return None
    return next((size for bound, size in _SIZE_BOUNDS if count < bound), "large")


def parse_people(text: str) -> int | None:
    """A whole number of people between 1 and the store's cap."""
    found = re.search(r"\b(\d{1,6})\b", text)
    if not found:
        return None
    count = int(found.group(1))
    return count if 1 <= count <= LIMITS.people else None


def parse_kind(text: str) -> str | None:
    """new_hires or upskilling."""
    lowered = text.strip().lower()
    if lowered in (names.KIND_NEW_HIRES, names.KIND_UPSKILLING):
        return lowered
    if re.search(r"\b(hire|hires|hiring|recruit\w*|new (people|staff|workers|employees))\b", lowered):
        return names.KIND_NEW_HIRES
    if re.search(r"\b(upskill\w*|current|existing|our (own )?(staff|team|people|workers)|train)", lowered):
        return names.KIND_UPSKILLING
    return None


def parse_by_when(text: str) -> str | None:
    """An ISO date, or ``any`` for no deadline ("now" is today)."""
    if re.search(r"\b(no deadline|no rush|open)\b", text.lower()):
        return names.ANY
    return parsing.parse_start(text, date.today())


def parse_need_mode(text: str) -> str | None:
    """in_person / online / blended, or ``any``."""
    lowered = text.strip().lower()
    if re.search(r"\b(blended|hybrid|mixed|both)\b", lowered):
        return names.MODE_BLENDED
    return parsing.parse_mode(lowered)
