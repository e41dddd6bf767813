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
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone

from actions import dates, names, services, texts
from actions.parsing import KM_PER_MILE
from skills_catalog.errors import UnknownPlaceError
from skills_catalog.models import Place
from skills_catalog.needs import ALPHABET, REFERENCE_LENGTH, normalise_reference
from skills_catalog.places_index import load_countries, place_key

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


def parse_period(
    text: str, today: date, default_days: int | None = DEFAULT_NEW_DAYS, deadlines: bool = False
) -> Period:
    """The dates asked for: "since monday", "since 1 July", "in 2025", "in Q3", "between
    October and November", "last 30 days", "last month", "yesterday", "until March", "all";
    else the last ``default_days`` (None: no start), ``unread`` when a time was named but not read.

    A needed-by date ("with deadline before April", :func:`parse_deadline`) is no posting date:
    it is left out, and makes the period ``unread`` unless the caller filters by it
    (``deadlines``), so that the answer says what it covers (QA13).
    """
    deadline = _DEADLINE.search(text)
    lowered = " ".join(_DEADLINE.sub(" ", text).lower().split())
    if deadline and not deadlines:
        period = parse_period(lowered, today, default_days)
        return replace(period, unread=True)
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


def confirmation_said(text: str) -> str:
    """What a staff member said of closing a need (withdrawn or filled): "ask" ("withdraw N-…",
    "close N-…"), "confirm" ("yes, withdraw N-…", the button's words) or "keep" ("no, keep N-…",
    "don't withdraw N-…")."""
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
    r"over|and|with|grouped|broken|page|as|or|but|to|on|about|where|which|that|who|because|last|past|this|next|"
    r"deadline|due|needed)\b|[?!,;:]|\.\s|\.$|$)",
    re.I,
)
#: a name said without "in": one to three capitalised words ("demand report Graz last 7 days")
_CAPITALISED = re.compile(r"\b[A-ZÀ-Þ][\w'-]+(?:\s+[A-ZÀ-Þ][\w'-]+){0,2}")
#: a message longer than this is talk that may name a command; only a known place is read in it
#: (QA13: "board meeting: we discussed the welding shortage at …" was narrowed to a place)
SHORT_COMMAND_WORDS = 12
MAX_PLACE_WORDS = 4


def known_place(name: str, bare: bool = False) -> bool:
    """True when ``name`` is a country, or a town of the gazetteer in use; ``bare`` (said without
    "in" or "near"): a country's name, or a town of that very name near the catalogue's partners
    (not one found under another name: "Tom" is Thomm, DE, "Mur" Muhr, AT)."""
    code = load_countries().code(name)
    if code:
        return not bare or len(name) > 3
    engine = services.engine()
    find = getattr(engine.gazetteer, "find", None)
    try:
        place = find(name) if find is not None else engine.place(name)
    except UnknownPlaceError:
        place = None
    return place is not None and not (bare and (engine.is_far(place) or place_key(place.name) != place_key(name)))


def _runs(text: str) -> list[str]:
    """The words after each "in", "for", "near"…, up to the next keyword or stop, at most
    :data:`MAX_PLACE_WORDS` of them, without "the …" or "… area"; times and words like "all"
    left out."""
    runs = []
    for found in _PLACE.finditer(text):
        words = re.sub(r"^(?:the)\s+|\s+(?:area|region)$", "", found.group(1).strip(" .?!"), flags=re.I)
        words = " ".join(words.split()[:MAX_PLACE_WORDS])
        if words and words.lower() not in _NO_PLACE and not _TIME_WORDS.search(words):
            runs.append(words)
    return runs


def parse_place(text: str, known: Callable[[str, bool], bool] = known_place) -> str | None:
    """The place a command names: "demand in Austria", "report for Bilbao", "needs in Styria",
    "unmet needs in Kapfenberg", "demand report Graz last 7 days"; None when it names none
    (times are no place: "in 2025").

    A known place (``known``: a country or a town) first: the longest run of words after "in"
    ("export needs in Spain as csv" is Spain, QA13), then a capitalised name said alone, a
    country or a town near the partners ("demand report Graz …" had covered Bilbao too); else,
    in a short command only, the words after "in" as typed, so that the answer can say it does
    not know them ("needs in Styria").
    """
    text = " ".join(_DEADLINE.sub(" ", text).split())
    runs = _runs(text)
    for run in runs:
        words = run.split()
        for count in range(len(words), 0, -1):
            if known(" ".join(words[:count]), False):
                return " ".join(words[:count])
    for found in _CAPITALISED.finditer(text):
        name = found.group()
        # a whole capitalised run ("Mur Valley" is no Valley, DE), its first word left out at the
        # start of the message ("Show Graz needs")
        names = [name, name.partition(" ")[2]] if not text[: found.start()].strip(" *_>") else [name]
        for name in filter(None, names):
            if not _TIME_WORDS.search(name) and name.lower() not in _NO_PLACE and known(name, True):
                return name
    if runs and len(text.split()) <= SHORT_COMMAND_WORDS:
        return next((run for run in runs if len(run.split()) <= 3), None)
    return None


#: a misspelt place read as the one close town (QA13: "forklift courses in Kapfenbrg" had found nothing)
PLACE_TAKEN = 'I read "{typed}" as {place} ({country}).'
#: a misspelt place with several close towns
PLACE_CHOICE = 'I couldn\'t find "{typed}". Did you mean {options}?'
#: how far a name may be from a town of the catalogue to be read as it: one slip in a short
#: name ("grz", whose one slip in three letters the gazetteer takes for too far to suggest)
_SLIPS_PER_LETTER = 0.25


@dataclass(frozen=True)
class PlaceGuess:
    """The town a name means (None: none), and what to say first: the town taken for a
    misspelt name, the towns it may be (``options``), or that it is unknown ("" when it was
    found as said)."""

    place: Place | None
    note: str = ""
    options: tuple[str, ...] = ()  # the close towns, when there are several


def _catalogue_towns_like(name: str) -> list[str]:
    """The catalogue's towns one slip (or one in four letters) from ``name``. Why: the staff's
    towns are the cluster's, and "unmet neds in grz" had covered every firm."""
    from rapidfuzz.distance import OSA

    catalog = services.engine().catalog
    towns = {town for town in (*(p.city for p in catalog.partners.values()), *(o.city for o in catalog.offers.values()))
             if town}  # fmt: skip
    typed = name.strip().lower()
    slips = max(1, int(len(typed) * _SLIPS_PER_LETTER))
    return sorted(town for town in towns if len(typed) >= 3 and OSA.distance(typed, town.lower()) <= slips)


def guessed_place(name: str) -> PlaceGuess:
    """The town ``name`` names, else the one close town said back, else the close towns to
    choose from, or that it is unknown: the gazetteer's suggestions, as the worker's and firm's
    forms offer them, else the catalogue's towns a slip away."""
    engine = services.engine()
    try:
        place = engine.place(name)
    except UnknownPlaceError as error:
        options = list(error.suggestions) or _catalogue_towns_like(name)
    else:  # said back when found under another name ("Bilbo") or far away ("Springfield"), as the forms do
        taken = not place_key(name).endswith(place_key(place.name)) or engine.is_far(place)
        return PlaceGuess(place, PLACE_TAKEN.format(typed=name[:60], place=place.name, country=place.country)
                          if taken else "")  # fmt: skip
    if len(options) == 1:
        try:
            place = engine.place(options[0])
        except UnknownPlaceError:
            return PlaceGuess(None, texts.PLACE_UNKNOWN.format(query=name[:80]))
        return PlaceGuess(place, PLACE_TAKEN.format(typed=name[:60], place=place.name, country=place.country))
    if options:
        shown = tuple(options[:3])
        return PlaceGuess(None, PLACE_CHOICE.format(typed=name[:60], options=" or ".join(shown)), shown)
    return PlaceGuess(None, texts.PLACE_UNKNOWN.format(query=name[:80]))


# ---------------------------------------------------------------- deadlines and start dates (QA13)


@dataclass(frozen=True)
class DateFilter:
    """The days a need's needed-by date or an offer's start must fall on: ``[first, last]`` (None:
    open); ``words`` as said; ``read`` False when they named no time that can be read ("starting
    soon"): then nothing is narrowed, and the answer must say so."""

    first: date | None
    last: date | None
    words: str
    read: bool = True

    def keeps(self, day: date | None) -> bool:
        """True for a day in the filter's span (any day, None too, when it was not read)."""
        if not self.read:
            return True
        return (
            day is not None
            and (self.first is None or day >= self.first)
            and (self.last is None or day <= self.last)
        )


_UNTIL = r"[^,;?!]+?(?=\s+(?:in|near|around|for|from|within|per|and|with|page|by)\b|[?!,;]|\.\s|\.$|$)"
#: a needed-by date: "with deadline before April", "due by 1 March", "needed by May"
_DEADLINE = re.compile(
    r"\b(?:with\s+)?(?:an?\s+|the\s+)?(?:(?:deadlines?|due\s+dates?)\s+(?:is\s+)?(?P<how>before|by|until|till|in|after|on)?"
    rf"|(?:needed|wanted|due)\s+(?P<how2>before|by|until|till|after))\s*(?P<when>{_UNTIL})",
    re.I,
)
#: an offer's start: "starting in March", "that start after 1 May", "beginning in spring"
_STARTING = re.compile(
    r"\b(?:that\s+|which\s+)?(?:start(?:s|ing)?|begin(?:s|ning)?)\s+(?P<how>before|by|until|till|in|after|on|from)?"
    rf"\s*(?P<when>{_UNTIL})",
    re.I,
)


def _date_filter(how: str, when: str, today: date) -> DateFilter:
    """The days ``how`` ("before", "by", "after", "in"…) ``when`` covers, read as the next such
    time from ``today`` ("April" in December is next April): a deadline or a course's start is
    ahead, where a needs list's period lies behind."""
    words = f"{how} {when}".strip()
    try:
        span = dates.time_said(when.lower(), today)
    except ValueError:
        span = None
    if span is None:
        return DateFilter(None, None, words, read=False)
    how = how.lower()
    if how == "before":
        return DateFilter(None, span[0] - timedelta(days=1), words)
    if how in ("by", "until", "till"):
        return DateFilter(None, span[1], words)
    if how in ("after", "from"):
        return DateFilter(span[1] + timedelta(days=1) if how == "after" else span[0], None, words)
    return DateFilter(span[0], span[1], words)


def parse_deadline(text: str, today: date) -> DateFilter | None:
    """The needed-by dates a command asks for ("open needs in Graz with deadline before April");
    None when it names none. Why: the deadline had been read as the posting date, a year back,
    and "No new needs … before 2026-04-01" answered a question nobody asked (QA13)."""
    found = _DEADLINE.search(text)
    if found is None:
        return None
    return _date_filter(found.group("how") or found.group("how2") or "", found.group("when"), today)


@dataclass(frozen=True)
class Search:
    """A catalogue search: ``kind`` "skill" (``query`` what to learn), "list" (offers by
    ``place`` / ``modes`` / ``free`` alone) or "partner" (``query`` a name); ``page`` from 1;
    ``within`` the distance from the place said ("within 60 km"), None for the default;
    ``starts`` the days a course must start on ("starting in March"), ``cheapest`` to order by
    price ("cheapest welding course")."""

    kind: str
    query: str = ""
    modes: frozenset[str] = frozenset()
    free: bool = False
    place: str = ""
    page: int = 1
    within: Distance | None = None
    starts: DateFilter | None = None
    cheapest: bool = False


_MODES = {r"in[- ]person|on[- ]site|face[- ]to[- ]face|classroom": "in_person", r"online|remote|e-?learning": "online",
          r"blended|hybrid": "blended"}  # fmt: skip
_FREE = re.compile(r"\b(?:free(?: of charge)?|no[- ]cost|costless)\b", re.I)
#: asked to order by price: "cheapest welding course" had searched for "cheapest welding" (QA13)
_CHEAPEST = re.compile(
    r"\b(?:cheapest|cheaper|cheap|least\s+expensive|lowest[- ]price[ds]?|lowest[- ]cost|(?:sorted\s+|ordered\s+)?by\s+"
    r"(?:price|cost))\b",
    re.I,
)
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
#: where the words of a search name a place or, after "in", maybe a subject ("courses in welding")
_SEARCH_PLACE = re.compile(r"\b(in|near|around|close\s+to)\s+", re.I)
_WITHIN = re.compile(rf"\b(?:within|up\s+to|less\s+than|under)?\s*{_DISTANCE.pattern}", re.I)
_MONTH_OR_SEASON = re.compile(r"^(?:" + "|".join(calendar.month_name[1:]) + r"|spring|summer|autumn|fall|winter)\b",
                              re.I)  # fmt: skip


def _never_subject(words: str) -> bool:
    return False


def _placed(rest: str, is_subject: Callable[[str], bool]) -> tuple[str, str, str]:
    """(the words to search for, the place, a month said after "in") of a search's words.

    Why not every "in X" is a place: "online courses in data analysis" had looked for a town
    "data analysis" (QA13). After "in", words ``is_subject`` takes (a skill, a course's words,
    and no known place) are searched for, a month is when the course starts; after "near",
    "around" or "close to", and any other words after "in", are a place ("Sankt Johann in
    Tirol" one place).
    """
    parts = _SEARCH_PLACE.split(rest)
    query, place, month = [parts[0]], "", ""
    for locative, words in zip(parts[1::2], parts[2::2], strict=True):
        words = words.strip(" ?.,")
        if locative.lower() == "in" and not place and _MONTH_OR_SEASON.match(words):
            month = words
        elif locative.lower() == "in" and not place and is_subject(words):
            query.append(words)
        elif place:
            place = f"{place} {locative} {words}"
        else:
            place = words
    return " ".join(query), place, month


def parse_search(
    text: str, is_subject: Callable[[str], bool] = _never_subject, today: date | None = None
) -> Search | None:
    """ "search catalogue welding", "welding online", "free welding courses near Bilbao",
    "welding in Graz within 60 km", "blended courses", "offers in Graz page 2", "partner Mur
    Valley", "courses in welding" (``is_subject``: words after "in" that are no place),
    "cheapest welding course near Kapfenberg", "courses starting in March" (the next March from
    ``today``); None if unclear."""
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
    free, cheapest = bool(_FREE.search(rest)), bool(_CHEAPEST.search(rest))
    rest = _CHEAPEST.sub(" ", _FREE.sub(" ", rest))
    starting = _STARTING.search(rest)
    rest = _STARTING.sub(" ", rest)
    words, place, month = _placed(" ".join(rest.split()), is_subject)
    when = today or date.today()
    starts = _date_filter(starting.group("how") or "", starting.group("when"), when) if starting else None
    if month and starts is None:
        starts = _date_filter("in", month, when)
    query = " ".join(_COMMAND.sub(" ", words).split()).strip(" ?.,")
    found = Search("list", "", modes, free, place, page, distance, starts, cheapest)
    if query:
        return replace(found, kind="skill", query=query)
    return found if place or modes or free or starts or cheapest else None
