"""Times said in words or digits ("in three weeks", "from März 2027", "after the summer",
"01.03.2027") read into the first and the last day they name.

Why a module of its own: a start date and a firm's deadline are read alike, and a date's numbers
must be told apart from a price's or a distance's ("from March 2027" is no €2027), so the
readers, and the patterns marking where a time is said, live together apart from other answers.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from actions.numbers import NUMBER_WORDS

Span = tuple[date, date]  # the first and the last day of a time said

#: months by their English and German names ("März", the Austrian "Jänner"), then short forms
_MONTH_NAMES = (("january", "januar", "jänner", "janner"), ("february", "februar", "feber"),
                ("march", "märz", "marz", "maerz"), ("april",), ("may", "mai"), ("june", "juni"), ("july", "juli"),
                ("august",), ("september",), ("october", "oktober"), ("november",), ("december", "dezember"))  # fmt: skip
MONTHS = {name: number for number, names_ in enumerate(_MONTH_NAMES, start=1) for name in names_} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
#: "may" is a month only after a word of time, before a number, or alone: "I may" is none
_MAY = re.compile(r"\b(?:in|from|by|after|until|till|since|before|mid|of|early|late)\s+may\b|\bmay\s+\d|^\W*may\W*$")
_NO_UNIT = r"(?!\s*(?:k\b|km|kilomet|miles?\b|€|eur))"  # not "in 2000 euros", "from March 40 km"
_YEAR = rf"(?:19|20)\d\d\b{_NO_UNIT}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_BEFORE_YEAR = r"(?:in|from|by|until|till|after|since|before|during|early|mid|late|starting)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
#: a date in digits: the year first ("2027-03-01", "2027/03/01") or last ("01.03.2027", "15/03/27")
_NUMERIC_DATE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b|\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b")
_TIMES = NUMBER_WORDS | {"a": 1, "an": 1}
#: "in 3 weeks", "within two months", "in a year"
_IN_TIME = re.compile(r"\b(?:in|within)\s+(\d+|" + "|".join(_TIMES) + r")\s+(day|week|month|year)s?\b")
#: the parts of a text that are a date or a time span, whose numbers are no price or distance
DATE_PARTS = re.compile(
    "|".join(
        [
            _NUMERIC_DATE.pattern,  # 2027-03-01, 1.3.2027
            r"\b\d+\s*(?:days?|weeks?|months?|years?|hours?|hrs?|h|minutes?|mins?)\b",  # in 3 weeks, 1 hour by car
            rf"\b{_DAY}\.?\s+(?:of\s+)?{_MONTH}(?:,?\s*{_YEAR})?",  # 1st of March 2027, 1. März 2027
            rf"\b{_MONTH}\s*{_DAY}\b(?:,?\s*{_YEAR}|{_NO_UNIT})",  # March 1st, 2027
            rf"\b(?:{_MONTH}|{_BEFORE_YEAR}|{_SEASON}|q[1-4]|end of)\W{{0,2}}\s*{_YEAR}",  # March 2027, Q3 2027
        ]
    )
)
_FULL_MONTH = "|".join(name for names_ in _MONTH_NAMES for name in names_ if name != "may")
#: a time said past doubt, whatever was asked: a month by its full name ("may" as :data:`_MAY`
#: says), a date in digits, a season after a word of time ("in spring", not "a summer job")
WHEN_STATED = re.compile(
    rf"\b(?:{_FULL_MONTH})\b|{_MAY.pattern}|{_NUMERIC_DATE.pattern}|\bq[1-4]\s*{_YEAR}|\b{_SEASON}\s+{_YEAR}"
    rf"|\b(?:in|from|by|after|until|till|this|next|early|late|mid)\s+(?:the\s+)?{_SEASON}\b"
    r"|\bafter (?:christmas|xmas)\b|\bnext (?:week|month|year)\b"
    r"|\b(?:in|within) (?:\d+|" + "|".join(_TIMES) + r") (?:week|month)s?\b"
)
_END_OF = re.compile(r"\bend\s+of\b|\byear[-\s]?end\b")


def time_said(lowered: str, today: date) -> Span | None:
    """The first and the last day of the time ``lowered`` names, read the most precise first, or
    ``None`` when it names none; the "end" of a time is its last day ("end of the year" → 31
    December), since one is free from then, not from that time's first day.

    Raises:
        ValueError: for a day that does not exist ("31 February 2027"): any other day would be
            a silent error, so the caller asks again.
    """
    span = next((found for read in _READERS if (found := read(lowered, today))), None)
    if span is not None and _END_OF.search(lowered):
        return span[1], span[1]
    return span


def _numeric_date(lowered: str, today: date) -> Span | None:
    """ "2027-03-01", "2027/03/01", "01.03.2027", "1.3.27": the day first, as in Europe, unless
    only the month can come first ("03/15/2027")."""
    found = _NUMERIC_DATE.search(lowered)
    if found is None:
        return None
    if found.group(1):
        year, month, day = map(int, found.group(1, 2, 3))
    else:
        day, month, year = map(int, found.group(4, 5, 6))
        year += 2000 if year < 100 else 0
        day, month = (month, day) if month > 12 >= day else (day, month)
    return _day(date(year, month, day))


_DAY_AND_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?({_MONTH})(?:,?\s*({_YEAR}))?"
    rf"|\b({_MONTH})\s*(\d{{1,2}})(?:st|nd|rd|th)?\b{_NO_UNIT}(?:,?\s*({_YEAR}))?"
)


def _day_and_month(lowered: str, today: date) -> Span | None:
    """ "1st of March 2027", "March 1st", "1. März": that day, the next to come without a year."""
    found = _DAY_AND_MONTH.search(lowered)
    if found is None:
        return None
    day, month, year = found.group(1, 2, 3) if found.group(1) else found.group(5, 4, 6)
    number = MONTHS[month.rstrip(".")]
    return _next(lambda start: _day(date(start, number, int(day))), year, today)


#: days from today to a time said by its name
_DAYS_AHEAD = {"tomorrow": 1, "yesterday": -1, "next week": 7}


def _relative(lowered: str, today: date) -> Span | None:
    """ "tomorrow", "yesterday", "next week", "next month", "next year" (from 1 January)."""
    days = next((days for said, days in _DAYS_AHEAD.items() if said in lowered), None)
    if days is not None:
        return _day(today + timedelta(days=days))
    if "next month" in lowered:
        return _months(today.year, today.month + 1)
    return _months(today.year + 1, 1, 12) if "next year" in lowered else None


def _in_time(lowered: str, today: date) -> Span | None:
    """ "in 10 days", "in 2 weeks": that day; "within 3 months", "in a year": that month."""
    found = _IN_TIME.search(lowered)
    if found is None:
        return None
    count, unit = _TIMES.get(found.group(1)) or int(found.group(1)), found.group(2)
    if unit in ("day", "week"):
        return _day(today + timedelta(days=count * (7 if unit == "week" else 1)))
    return _months(today.year, today.month + count * (12 if unit == "year" else 1))


#: recurring times by name, as each begins in a year: a season from its first month (winter to
#: February), a quarter, Christmas (24–26 December) and the days after it, to Epiphany
_PERIODS: dict[str, Callable[[int], Span]] = {
    "spring": lambda year: _months(year, 3, 3),
    "summer": lambda year: _months(year, 6, 3),
    "autumn": lambda year: _months(year, 9, 3),
    "winter": lambda year: _months(year, 12, 3),
    "q1": lambda year: _months(year, 1, 3),
    "q2": lambda year: _months(year, 4, 3),
    "q3": lambda year: _months(year, 7, 3),
    "q4": lambda year: _months(year, 10, 3),
    "christmas": lambda year: (date(year, 12, 24), date(year, 12, 26)),
    "after christmas": lambda year: (date(year, 12, 27), date(year + 1, 1, 6)),
}
_AFTER = {"spring": "summer", "summer": "autumn", "autumn": "winter", "winter": "spring", "christmas": "after christmas"}
_PERIOD_SAID = re.compile(
    rf"\b(after\s+(?:the\s+)?)?(spring|summer|autumn|fall|winter|q[1-4]|christmas|xmas)\b(?:\s*(?:of\s+)?({_YEAR}))?"
)


def _named_period(lowered: str, today: date) -> Span | None:
    """ "spring", "in the summer of 2027", "after the summer" (autumn), "Q3 2027", "after Christmas".
    A season's year is the one it begins in: "winter 2027" begins in December 2027."""
    found = _PERIOD_SAID.search(lowered)
    if found is None:
        return None
    name = {"fall": "autumn", "xmas": "christmas"}.get(found.group(2), found.group(2))
    if found.group(1):
        name = _AFTER.get(name, name)
    return _next(_PERIODS[name], found.group(3), today)


_MONTH_SAID = re.compile(rf"\b({_MONTH})(?:\s*,?\s*(?:of\s+)?({_YEAR}))?")


def _month(lowered: str, today: date) -> Span | None:
    """ "in September", "from March 2027", "Mai": that month, the next to come without a year."""
    said = (m for m in _MONTH_SAID.finditer(lowered) if m.group(1) != "may" or _MAY.search(lowered))
    found = next(said, None)
    if found is None:
        return None
    number = MONTHS[found.group(1).rstrip(".")]
    return _next(lambda year: _months(year, number), found.group(2), today)


_YEAR_SAID = re.compile(rf"\b(?:{_BEFORE_YEAR}|of)\s+({_YEAR})|\b(?:the|this|of)\s+year\b|\byear[-\s]?end\b")


def _year(lowered: str, today: date) -> Span | None:
    """ "in 2027" (from 1 January), "this year", "the end of the year": the whole year."""
    found = _YEAR_SAID.search(lowered)
    return None if found is None else _months(int(found.group(1) or today.year), 1, 12)


_READERS = (_numeric_date, _day_and_month, _relative, _in_time, _named_period, _month, _year)


def _next(period: Callable[[int], Span], year: str | None, today: date) -> Span:
    """The time ``period`` gives for the year said; without one the next that is not over (one
    under way counts: "in November" said in November)."""
    if year is not None:
        return period(int(year))
    spans = (period(start) for start in range(today.year - 1, today.year + 2))
    return next(span for span in spans if span[1] >= today)


def _months(year: int, month: int, count: int = 1) -> Span:
    """From the first day of ``month`` (past 12 into the next years) to the last of the ``count``-th."""
    first_year, first_month = divmod(year * 12 + month - 1, 12)
    last_year, last_month = divmod(year * 12 + month + count - 2, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return date(first_year, first_month + 1, 1), date(last_year, last_month + 1, last_day)


def _day(day: date) -> Span:
    return day, day
