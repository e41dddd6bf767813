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
    + r"\s+(?:[\w-]+\s+){0,2}?"
    + r"(?:people|persons|staff|workers|employees|hands|[a-z]+(?:er|or|ist|ian|ant|ent)s)\b",
    re.IGNORECASE,
)
_OURS = r"(?:company|firm|factory|team|staff|workers|shop|plant|business)"
_FIRM = rf"(?:we|we're|we are|(?:our|my) {_OURS}(?: is| are)?)"
#: how a firm opens a message about its need: "we need …", "we're hiring …", "our company is looking for …"
_OPENS_NEED = re.compile(
    rf"^\W*(?:(?:hi|hello|hey|so|well|actually|ok|okay)\b\W*)?{_FIRM}\s+"
    r"(?:(?P<hiring>hiring|recruiting)|needs?|requires?|looking for|searching for|seeking|want to hire)\b"
)
#: a town a need names, capitalised, after "in", "near" or "at" ("in Kapfenberg", "in Bruck an der Mur")
_NAME_WORD = r"[A-ZÄÖÜ][a-zäöüß][\w'-]*"  # "Kapfenberg", not "TIG" nor "PLC"
_TOWN_NAMED = re.compile(
    rf"\b(?:in|near|at|around)\s+({_NAME_WORD}(?:\s+(?:(?:an der|am|an|bei|im|ob)\s+)?{_NAME_WORD})*)"
)
#: words that name an answer of the summary, the more specific first ("company size", "contact e-mail")
_FIELD_WORDS = (
    (names.CONTACT_EMAIL, r"e-?mail"),
    (names.COMPANY_SIZE, r"size|how (?:big|large)"),
    (names.NEED_PEOPLE, r"people|number|how many|head ?count"),
    (names.NEED_BY_WHEN, r"when|date|deadline"),
    (names.NEED_MODE, r"mode|online|in[- ]person|blended|format"),
    (names.NEED_KIND, r"hires?|hiring|upskill\w*|kind"),
    (names.ECOSYSTEM, r"ecosystem|sector|industry"),
    (names.FIRM_TOWN, r"town|city|place|site|location|postcode|where"),
    (names.CONTACT_NAME, r"contact|person"),
    (names.NEED_SKILLS, r"skills?|role|job|need"),
    (names.COMPANY, r"company|firm|business"),
)
#: the fields a firm may change in a saved need, as the manage form's actions
_MANAGED = {names.NEED_PEOPLE: names.MANAGE_PEOPLE, names.NEED_BY_WHEN: names.MANAGE_BY_WHEN,
            names.NEED_MODE: names.MANAGE_MODE}  # fmt: skip
_WITHDRAW = re.compile(
    r"\b(?:withdraw\w*|delete|remove|close|take (?:it )?down|no longer need|found (?:people|someone))\b"
)
_DONE = re.compile(r"\b(?:nothing|done|that'?s all|no thanks?|thanks?|thank you|never ?mind|all good)\b")


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
    found = _COUNTED_PEOPLE.search(text)
    return _people(found.group(1)) if found else None


def without_count(text: str) -> str:
    """``text`` with the count of people it names blanked, its length kept ("we need   welders").

    Why: the recogniser reads a word after a number as a quantity ("5 minutes" are no skill), so
    "3 welders" named neither the role nor its skills; the positions it gives stay those of ``text``.
    """
    found = _COUNTED_PEOPLE.search(text)
    if found is None:
        return text
    start, end = found.span(1)
    return text[:start] + " " * (end - start) + text[end:]


def _people(count: str) -> int | None:
    count = " ".join(count.lower().split())
    value = int(count) if count.isdigit() else _COUNT_WORDS[count]
    return value if 1 <= value <= LIMITS.people else None


def _plain(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: as people type the same words."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def opens_need(text: str) -> bool:
    """True when a message opens with a firm's need: "we need …", "we're hiring …", "our company
    is looking for …" (so the form keeps the need of the message that started it)."""
    return _OPENS_NEED.match(_plain(text)) is not None


def opens_need_surely(text: str) -> bool:
    """True when a message opens with a firm's need past doubt: hiring, or a count of people ("we
    need 3 welders"); "we are looking for a welding course" may well be a worker's."""
    found = _OPENS_NEED.match(_plain(text))
    return found is not None and (found.group("hiring") is not None or people_named(text) is not None)


def town_named(text: str) -> str | None:
    """The town a need names ("3 welders in Kapfenberg"), unless the words name a month or a
    language ("in March", "in German"); to be looked up, it may name none."""
    for found in _TOWN_NAMED.finditer(text):
        name = found.group(1)
        if name.split()[0].lower() not in parsing.MONTHS and name.lower() not in parsing.LANGUAGES:
            return name
    return None


def field_named(text: str, fields: tuple[str, ...] = names.FIRM_CHANGEABLE) -> str | None:
    """Which of ``fields`` (slots of the summary) a typed answer names: a button's title ("Number
    of people") or other words ("the skills", "change the date"); ``None`` for none."""
    lowered = _plain(text)
    named = (field for field, words in _FIELD_WORDS if re.search(rf"\b(?:{words})\b", lowered))
    return next((field for field in named if field in fields), None)


def parse_manage_action(text: str) -> str | None:
    """What a firm wants to do with its saved need: a button's value or title ("Change number of
    people", "Nothing, thanks"), or other words ("we found people, withdraw it", "change the date")."""
    lowered = _plain(text)
    if lowered in names.MANAGE_ACTIONS:
        return lowered
    if _WITHDRAW.search(lowered):
        return names.MANAGE_WITHDRAW
    field = field_named(lowered, tuple(_MANAGED))
    if field is not None:
        return _MANAGED[field]
    return names.MANAGE_DONE if _DONE.search(lowered) else None


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
