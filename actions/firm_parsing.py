"""Typed answers of the firm journey → slot values (pure functions, no engine, no I/O).

Buttons send canonical values (``choice``), which every parser accepts as they are.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timezone

from actions import names, parsing, texts
from skills_catalog.ecosystems import ecosystems_named
from skills_catalog.needs import LIMITS

_SIZE_WORDS = {
    "micro": r"\bmicro\b|\btiny\b",
    "small": r"\bsmall\b",
    "medium": r"\bmedium\b|\bmid[- ]?sized?\b|\bsme\b",
    "large": r"\blarge\b|\bbig\b|\bcorporat",
}
_SIZE_BOUNDS = ((10, "micro"), (50, "small"), (250, "medium"))
_COUNT_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
        start=1,
    )
} | {"a couple of": 2, "a couple": 2, "a pair of": 2, "a dozen": 12}
_COUNT = re.compile(
    r"\b(\d{1,6}|" + "|".join(sorted((w.replace(" ", r"\s+") for w in _COUNT_WORDS), key=len, reverse=True)) + r")\b"
)
# a count, up to two words (new, CNC, qualified …), then people or a job title's plural ending
_COUNTED_PEOPLE = re.compile(
    _COUNT.pattern
    + r"\s+(?:[\w-]+\s+){0,2}?(?:people|persons|staff|workers|employees|hands|[a-z]+(?:er|or|ist|ian|ant|ent)s)\b"
)


def now_iso() -> str:
    """The current UTC time, ISO formatted (when consent was given)."""
    return datetime.now(timezone.utc).isoformat()


def parse_ecosystem(text: str) -> tuple[str, ...]:
    """The ecosystem keys an answer names: a button's key, or the firm's own words for its
    sector ("we do metalworking, mostly for the car industry" names two); () for none."""
    lowered = text.strip().lower()
    if lowered in texts.ECOSYSTEM_TITLES:
        return (lowered,)
    return ecosystems_named(text)


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
    """A whole number of people between 1 and the store's cap: "12", "two", "a dozen"."""
    found = _COUNT.search(text.lower())
    return _people(found.group(1)) if found else None


def people_named(text: str) -> int | None:
    """How many people a need names ("two people who can weld", "3 CNC operators", "a couple of
    electricians"), so the form need not ask; ``None`` when no count is followed by people.
    Why so strict: "someone with 10 years of experience" or "one of our lines" name no count."""
    found = _COUNTED_PEOPLE.search(text.lower())
    return _people(found.group(1)) if found else None


def _people(count: str) -> int | None:
    value = int(count) if count.isdigit() else _COUNT_WORDS[" ".join(count.split())]
    return value if 1 <= value <= LIMITS.people else None


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


def parse_by_when(text: str, today: date | None = None) -> str | None:
    """An ISO date, or ``any`` for no deadline ("now" is today; "by June" its first day, "by the
    end of June" its last)."""
    lowered = text.lower()
    if re.search(r"\b(no deadline|no rush|open)\b", lowered):
        return names.ANY
    start = parsing.parse_start(text, today or date.today())
    if start and start != names.ANY and re.search(r"\bend of\b", lowered):
        first = date.fromisoformat(start)
        return first.replace(day=calendar.monthrange(first.year, first.month)[1]).isoformat()
    return start


def parse_need_mode(text: str) -> str | None:
    """in_person / online / blended, or ``any``."""
    lowered = text.strip().lower()
    if re.search(r"\b(blended|hybrid|mixed|both)\b", lowered):
        return names.MODE_BLENDED
    return parsing.parse_mode(lowered)
