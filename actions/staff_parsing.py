"""What a staff member's words ask for: which dates, where, which need, how far, grouped how,
search what.

Pure functions of the message text (entity recognition is off, and short commands such as
``/staff_report`` carry no text at all: every parser has a default). Each parser also says what
it could not read, so the answer can say so instead of silently covering something else (QA8
M1: "demand in 2025", "in Q3", "by company size" had answered for the default).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone

from actions import dates, names
from actions.parsing import KM_PER_MILE
from skills_catalog.needs import ALPHABET, REFERENCE_LENGTH, normalise_reference

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_NEW_DAYS = 7
DEFAULT_REPORT_DAYS = 90
DEFAULT_UNMET_KM = 50.0
GROUP_ALL = "all"
#: the words of "by …" / "per …" → (grouping of skills_catalog.reports, period)
GROUP_WORDS = {
    names.ECOSYSTEM: ("ecosystem", ""), "sector": ("ecosystem", ""), "industry": ("ecosystem", ""),
    "country": ("country", ""), "region": ("country", ""), "town": ("town", ""), "city": ("town", ""),
    "company size": ("size", ""), "firm size": ("size", ""), "size": ("size", ""),
    "kind": ("kind", ""), "type": ("kind", ""), "hires or upskilling": ("kind", ""),
    "month": ("period", "month"), "quarter": ("period", "quarter"), "week": ("period", "week"),
    "period": ("period", "month"), "skill": ("all", ""), "role": ("all", ""), "job": ("all", ""),
}  # fmt: skip
# "N-7K3QX", or "n7k3qx" with a digit in it (so that words like "nation" are not references)
_REFERENCE = re.compile(r"\bn(?:-([2-9a-z]{5})|\s?((?=[a-z]*\d)[2-9a-z]{5}))\b", re.I)
#: words that say a time is meant, read or not ("since", "Q3", "2025", "last week")
_TIME_WORDS = re.compile(
    r"\b(?:since|between|until|till|before|after|during|from\s+\w+\s+to|q[1-4]|(?:19|20)\d\d|today|yesterday|"
    r"(?:last|past|this|next)\s+\w+|" + "|".join(WEEKDAYS) + r"|\d+\s*(?:days?|weeks?|months?|years?))\b"
    rf"|{dates.WHEN_STATED.pattern}",
    re.I,
)
_SPAN = re.compile(r"\b(?:between|from)\s+(.+?)\s+(?:and|to|until|till|-|–)\s+(.+)$", re.I)
_OPEN_START = re.compile(r"\b(?:since|from|after|starting)\s+", re.I)
_OPEN_END = re.compile(r"\b(?:until|till|before|up to)\s+", re.I)


@dataclass(frozen=True)
class Period:
    """The dates an answer covers: ``[since, until)`` (None: open); ``unread`` when the text named
    a time that could not be read, so the default was taken."""

    since: datetime | None
    until: datetime | None = None
    unread: bool = False


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def _year_back(day: date) -> date:
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


def _back(today: date, count: int, unit: str) -> date:
    """The day ``count`` days, weeks, or calendar months or years before ``today``: "last 12
    months" on 7 December starts on 7 December a year before (it had counted 360 days)."""
    if unit in ("day", "week"):
        return today - timedelta(days=count * (7 if unit == "week" else 1))
    months = today.year * 12 + today.month - 1 - count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def _past(span: dates.Span, today: date, text: str) -> dates.Span:
    """A time said without a year as the latest one that has begun: staff ask about the past
    ("since 1 July" in December is this July; dates.time_said reads the next to come)."""
    if span[0] > today and not re.search(r"\b\d{4}\b", text):
        return _year_back(span[0]), _year_back(span[1])
    return span


def _said(text: str, today: date) -> dates.Span | None:
    """The first and last day ``text`` names, read for the past."""
    lowered = text.lower()
    back = re.search(r"\b(?:last|past)\s+(\d{1,4})\s+(day|week|month|year)s?\b", lowered)
    if back:
        return _back(today, int(back.group(1)), back.group(2)), today
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered):
            return today - timedelta(days=(today.weekday() - number) % 7), today
    first_of_month = today.replace(day=1)
    named = {
        "this week": (today - timedelta(days=today.weekday()), today),
        "this month": (first_of_month, today),
        "this year": (today.replace(month=1, day=1), today),
        "last week": (today - timedelta(days=7), today),
        "last month": (_year_back(first_of_month) if first_of_month.month == 1 else first_of_month.replace(
            month=first_of_month.month - 1), first_of_month - timedelta(days=1)),
        "today": (today, today),
    }  # fmt: skip
    for words, span in named.items():
        if re.search(rf"\b{words}\b", lowered):
            return span
    found = dates.time_said(lowered, today)
    return _past(found, today, lowered) if found else None


def parse_period(text: str, today: date, default_days: int | None = DEFAULT_NEW_DAYS) -> Period:
    """The dates asked for: "since monday", "since 1 July", "in 2025", "in Q3", "between
    October and November", "last 30 days", "last month", "yesterday", "until March", "all";
    else the last ``default_days`` (None: no start), ``unread`` when a time was named but not read.
    """
    lowered = " ".join(text.lower().split())
    default = Period(None if default_days is None else _midnight(today - timedelta(days=default_days)))
    if re.search(r"\b(?:all time|ever|everything|all)\b", lowered) and not _TIME_WORDS.search(lowered):
        return Period(None)
    span = _SPAN.search(lowered)
    if span:
        first, last = _said(span.group(1), today), _said(span.group(2), today)
        if first and last:
            start = first[0] if first[0] <= last[1] else _year_back(first[0])
            return Period(_midnight(start), _midnight(last[1] + timedelta(days=1)))
    said = _said(lowered, today)
    if said is None:
        return replace(default, unread=bool(_TIME_WORDS.search(lowered)))
    start, end = _midnight(said[0]), _midnight(said[1] + timedelta(days=1))
    if _OPEN_START.search(lowered) or end > _midnight(today):
        return Period(start)
    if _OPEN_END.search(lowered):
        return Period(None, start)
    return Period(start, end)


def parse_since(text: str, today: date, default_days: int | None = DEFAULT_NEW_DAYS) -> datetime | None:
    """The start of the period asked for (see :func:`parse_period`)."""
    return parse_period(text, today, default_days).since


def parse_reference(text: str) -> str | None:
    """The need reference in "need N-7K3QX" (any case, dash optional), normalised."""
    found = _REFERENCE.search(text)
    return normalise_reference(found.group(1) or found.group(2)) if found else None


#: a reference after "need" without its "N-": "need fk6et", with a digit in it or alone after
#: "need" ("need ecdka"), so that "we need staff training" holds none
_NEED_CODE = re.compile(
    rf"\bneed\s+((?=[a-z]*\d)[{ALPHABET}]{{{REFERENCE_LENGTH}}})\b|^\W*need\s+([{ALPHABET}]{{{REFERENCE_LENGTH}}})\W*$",
    re.I,
)
#: what was meant as a reference and is none: "N-FK6E" (a letter short), "N-7K3QXX"
_LIKE_REFERENCE = re.compile(r"\bN\s?-\s?([0-9A-Z]{1,9})\b", re.I)


def staff_reference(text: str) -> str | None:
    """The need a staff command names: as :func:`parse_reference`, or after "need" without its
    "N-" ("need fk6et" had got the help)."""
    code = _NEED_CODE.search(text)
    return parse_reference(text) or (normalise_reference(code.group(1) or code.group(2)) if code else None)


#: a withdrawal asked for, confirmed or called off: "withdraw N-…", "yes, withdraw N-…", "keep N-…"
_WITHDRAWS = re.compile(r"\b(?:withdraw\w*|keep)\b", re.I)
_CONFIRMS = re.compile(r"^\W*(?:yes|yep|yeah|confirm(?:ed)?|sure|ok(?:ay)?|go\s+ahead|do\s+it)\b", re.I)
_CALLS_OFF = re.compile(r"\b(?:keep|no|not|don'?t|do\s+not|cancel)\b", re.I)


def says_withdraw(text: str) -> bool:
    """True for a message about withdrawing a need: asked, confirmed or called off."""
    return _WITHDRAWS.search(text) is not None


def withdrawal_said(text: str) -> str:
    """What a staff member said of a withdrawal: "ask" ("withdraw N-…"), "confirm" ("yes,
    withdraw N-…", the button's words) or "keep" ("no, keep N-…", "don't withdraw N-…")."""
    if _CALLS_OFF.search(text):
        return "keep"
    return "confirm" if _CONFIRMS.search(text) else "ask"


def bad_reference(text: str) -> str | None:
    """A reference typed wrong ("need N-FK6E"), as typed, to say it is none; None otherwise.
    Why: "need N-FK6E" was answered "Which need?", as if no reference had been given."""
    found = _LIKE_REFERENCE.search(text)
    return found.group().upper().replace(" ", "") if found and staff_reference(text) is None else None


_DISTANCE = re.compile(r"\b(\d{1,4}(?:\.\d+)?)\s*(km|kilomet\w*|mi\b|miles?)", re.I)


def parse_km(text: str, default: float = DEFAULT_UNMET_KM) -> float:
    """The distance in "within 30 km" or "within 20 miles" (in km); ``default`` when none is given."""
    found = _DISTANCE.search(text)
    if not found:
        return default
    km = float(found.group(1)) * (1.0 if found.group(2).lower().startswith("k") else KM_PER_MILE)
    return round(km, 1)


@dataclass(frozen=True)
class Distance:
    """A distance asked for: ``km`` to compute with, ``words`` to say back ("32 km (20 miles)")."""

    km: float
    words: str


def parse_distance(text: str, default: float = DEFAULT_UNMET_KM) -> Distance:
    """:func:`parse_km` with the words to say it back: miles as asked, beside whole kilometres
    ("within 20 miles" had been answered "within 32.2 km")."""
    km = parse_km(text, default)
    found = _DISTANCE.search(text)
    if found is None or found.group(2).lower().startswith("k"):
        return Distance(km, f"{km:g} km")
    miles = float(found.group(1))
    return Distance(km, f"{km:.0f} km ({miles:g} {'mile' if miles == 1 else 'miles'})")


_PAGE_NUMBER = re.compile(r"\bpage\s+(\d{1,3})\b", re.I)


def parse_page(text: str) -> int:
    """The page asked for: "new needs page 2" (1 when none is named). Why: "… page 2" had
    answered the first page again."""
    found = _PAGE_NUMBER.search(text)
    return max(int(found.group(1)), 1) if found else 1


def without_page(text: str) -> str:
    """The command without its page ("page 2", "more"), to say how to ask for the next one."""
    return " ".join(_PAGE.sub(" ", text).split())


@dataclass(frozen=True)
class Grouping:
    """How a demand report groups: ``group_by`` of skills_catalog.reports, ``period`` for
    "period"; ``asked`` the words of a "by …" that named no grouping, ``said`` what was asked
    when it differs from what is done ("region": the store keeps countries and towns)."""

    group_by: str = GROUP_ALL
    period: str = "month"
    asked: str = ""
    said: str = ""


def parse_group(text: str) -> Grouping:
    """ "by ecosystem", "by country", "by town", "by company size", "by kind", "per quarter"..."""
    lowered = " ".join(text.lower().split())
    for words, (group, period) in GROUP_WORDS.items():
        if re.search(rf"\b(?:by|per)\s+(?:the\s+)?{words}(?:e?s)?\b", lowered):
            said = words if words == "region" else ""
            return Grouping(group, period or "month", said=said)
    other = re.search(r"\b(?:grouped\s+by|broken\s+down\s+by|by|per)\s+([a-z][a-z ]{1,30}?)(?=\s+(?:since|from|in|for|between)\b|[?.!,]|$)", lowered)  # fmt: skip
    if other and not _TIME_WORDS.fullmatch(other.group(1)):
        return Grouping(asked=other.group(1))
    return Grouping()


#: words that are no place after "in" / "for": pronouns, the whole, and the catalogue
_NO_PLACE = frozenset({"me", "us", "you", "now", "all", "everything", "everyone", "total", "general", "the catalogue",
                       "the catalog", "catalogue", "catalog", "staff", "short", "detail", "full"})  # fmt: skip
_PLACE = re.compile(
    r"\b(?:in|for|from|near|around|at)\s+(.+?)(?=\s+(?:by|per|since|from|between|until|till|within|during|in|for|"
    r"over|and|with|grouped|broken|page)\b|[?!,;]|\.\s|\.$|$)",
    re.I,
)


def parse_place(text: str) -> str | None:
    """The place a command names: "demand in Austria", "report for Bilbao", "needs in Styria",
    "unmet needs in Kapfenberg"; None when it names none (times are no place: "in 2025")."""
    for found in _PLACE.finditer(text):
        words = re.sub(r"^(?:the)\s+|\s+(?:area|region)$", "", found.group(1).strip(" .?!"), flags=re.I)
        if words and words.lower() not in _NO_PLACE and not _TIME_WORDS.search(words):
            return words
    return None


@dataclass(frozen=True)
class Search:
    """A catalogue search: ``kind`` "skill" (``query`` what to learn), "list" (offers by
    ``place`` / ``modes`` / ``free`` alone) or "partner" (``query`` a name); ``page`` from 1;
    ``within`` the distance from the place said ("within 60 km"), None for the default."""

    kind: str
    query: str = ""
    modes: frozenset[str] = frozenset()
    free: bool = False
    place: str = ""
    page: int = 1
    within: Distance | None = None


_MODES = {r"in[- ]person|on[- ]site|face[- ]to[- ]face|classroom": "in_person", r"online|remote|e-?learning": "online",
          r"blended|hybrid": "blended"}  # fmt: skip
_FREE = re.compile(r"\b(?:free(?: of charge)?|no[- ]cost|costless)\b", re.I)
_PAGE = re.compile(r"\b(?:page\s+(\d{1,3})|more)\b", re.I)
_PARTNER = re.compile(
    r"\b(?:partner|provider)s?\s+(?:named\s+|called\s+)?(.+)$"
    r"|\b(?:courses?|offers?|trainings?)\s+(?:does|do|by)\s+(.+?)(?:\s+(?:run|offer|teach|have|give))?\s*[?.!]*$",
    re.I,
)
_COMMAND = re.compile(
    r"\b(?:search|find|look\s+up|show(?:\s+me)?|list|what|which|are\s+there|any|please|the|in\s+the|"
    r"catalog(?:ue)?|courses?|offers?|trainings?|for|about|on)\b",
    re.I,
)
_SEARCH_PLACE = re.compile(r"\b(?:in|near|around|close\s+to)\s+(.+)$", re.I)
_WITHIN = re.compile(rf"\b(?:within|up\s+to|less\s+than|under)?\s*{_DISTANCE.pattern}", re.I)


def parse_search(text: str) -> Search | None:
    """ "search catalogue welding", "welding online", "free welding courses near Bilbao",
    "welding in Graz within 60 km", "blended courses", "offers in Graz page 2", "partner Mur
    Valley"; None if unclear."""
    cleaned = re.sub(r"\bin\s+the\s+catalog(?:ue)?\b", " ", " ".join(text.strip().split()), flags=re.I)
    if cleaned.startswith("/"):
        return None  # a bare command: nothing to search for
    paged = _PAGE.search(cleaned)
    page = max(int(paged.group(1)) if paged and paged.group(1) else (2 if paged else 1), 1)
    within = _WITHIN.search(cleaned)
    distance = parse_distance(within.group()) if within else None
    rest = " ".join(_WITHIN.sub(" ", _PAGE.sub(" ", cleaned)).split())
    partner = _PARTNER.search(rest)
    if partner:
        return Search("partner", (partner.group(1) or partner.group(2)).strip(" ?."), page=page)
    modes = frozenset(mode for words, mode in _MODES.items() if re.search(rf"\b(?:{words})\b", rest, re.I))
    for words in _MODES:
        rest = re.sub(rf"\b(?:{words})\b", " ", rest, flags=re.I)
    free = bool(_FREE.search(rest))
    rest = _FREE.sub(" ", rest)
    placed = _SEARCH_PLACE.search(rest)
    place = placed.group(1).strip(" ?.,") if placed else ""
    rest = rest[: placed.start()] if placed else rest
    query = " ".join(_COMMAND.sub(" ", rest).split()).strip(" ?.,")
    if query:
        return Search("skill", query, modes, free, place, page, distance)
    if place or modes or free:
        return Search("list", "", modes, free, place, page, distance)
    return None
