"""What a staff member's words ask for: since when, which need, how far, grouped how, search what.

Pure functions of the message text (entity recognition is off, and short commands such as
``/staff_report`` carry no text at all: every parser has a default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from actions import names
from skills_catalog.needs import normalise_reference

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_NEW_DAYS = 7
DEFAULT_REPORT_DAYS = 90
DEFAULT_UNMET_KM = 50.0
GROUP_ALL = "all"
GROUP_WORDS = {names.ECOSYSTEM: names.ECOSYSTEM, "sector": names.ECOSYSTEM, "region": "region",
               "country": "region", "month": "period", "quarter": "period", "week": "period",
               "period": "period"}  # fmt: skip
# "N-7K3QX", or "n7k3qx" with a digit in it (so that words like "nation" are not references)
_REFERENCE = re.compile(r"\bn(?:-([2-9a-z]{5})|\s?((?=[a-z]*\d)[2-9a-z]{5}))\b", re.I)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def parse_since(text: str, today: date, default_days: int | None = DEFAULT_NEW_DAYS) -> datetime | None:
    """The start of the period asked for: "since monday", "since 2026-11-01", "last 30 days",
    "this month", "today", "yesterday", "all"; else ``default_days`` ago (None: no start)."""
    lowered = text.lower()
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", lowered)
    if iso:
        try:
            return _midnight(date(*map(int, iso.groups())))
        except ValueError:
            pass
    days = re.search(r"\b(?:last|past)\s+(\d{1,4})\s+days?\b", lowered)
    if days:
        return _midnight(today - timedelta(days=int(days.group(1))))
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered):
            return _midnight(today - timedelta(days=(today.weekday() - number) % 7))
    named = {"today": today, "yesterday": today - timedelta(days=1),
             "this week": today - timedelta(days=today.weekday()), "this month": today.replace(day=1),
             "last week": today - timedelta(days=7), "last month": today - timedelta(days=30)}  # fmt: skip
    for words, day in named.items():
        if words in lowered:
            return _midnight(day)
    if re.search(r"\b(all|ever|everything|all time)\b", lowered):
        return None
    return None if default_days is None else _midnight(today - timedelta(days=default_days))


def parse_reference(text: str) -> str | None:
    """The need reference in "need N-7K3QX" (any case, dash optional), normalised."""
    found = _REFERENCE.search(text)
    return normalise_reference(found.group(1) or found.group(2)) if found else None


def parse_km(text: str, default: float = DEFAULT_UNMET_KM) -> float:
    """The distance in "within 30 km"; ``default`` when none is given."""
    found = re.search(r"\b(\d{1,4})\s*(?:km|kilomet\w*)\b", text.lower())
    return float(found.group(1)) if found else default


def parse_group(text: str) -> tuple[str, str]:
    """(group_by, period) for a demand report: "by ecosystem", "by region", "per quarter"..."""
    lowered = text.lower()
    for word, group in GROUP_WORDS.items():
        if re.search(rf"\b(by|per)\s+{word}s?\b", lowered):
            return group, word if group == "period" and word != "period" else "month"
    return GROUP_ALL, "month"


@dataclass(frozen=True)
class Search:
    """A catalogue search: ``kind`` is "skill", "town" or "partner"; ``query`` what to look for."""

    kind: str
    query: str


def parse_search(text: str) -> Search | None:
    """ "search catalogue welding" / "offers in Graz" / "partner Mur Valley"; None if unclear."""
    cleaned = " ".join(text.strip().split())
    partner = re.search(r"\b(?:partner|provider)s?\s+(?:named\s+|called\s+)?(.+)$", cleaned, re.I)
    if partner:
        return Search("partner", partner.group(1).strip(" ?."))
    town = re.search(r"\b(?:offers?|courses?|trainings?)\s+(?:in|near|around)\s+(.+)$", cleaned, re.I)
    if town:
        return Search("town", town.group(1).strip(" ?."))
    skill = re.search(
        r"\b(?:search|find|look\s+up)(?:\s+(?:the|in\s+the))?(?:\s+catalog(?:ue)?)?(?:\s+for)?\s+(.+)$",
        cleaned,
        re.I,
    )
    if skill and skill.group(1).lower() not in ("catalog", "catalogue"):
        return Search("skill", skill.group(1).strip(" ?."))
    return None
