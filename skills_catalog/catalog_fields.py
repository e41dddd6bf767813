"""Cell parsers for the catalogue format (../shared/spec/catalogue-format.md).

Each parser takes the stripped text of one non-empty cell and returns a value or raises
:class:`FieldError` with a message written for the person who keeps the spreadsheet: it says
what was found and what is expected, so they can fix the cell without reading the spec.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from datetime import date

_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})

# ISO 639-1 two-letter language codes (184, with the withdrawn "bh").
LANGUAGE_CODES = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
    hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
    lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
    or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
    ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split()  # noqa: SIM905 (a block of codes reads better than a 184-item literal)
)


class FieldError(ValueError):
    """A cell value that does not fit its column; the message is shown to the user."""


def parse_list(text: str) -> tuple[str, ...]:
    """Split a ``;``-list, dropping blanks and repeats but keeping the order given."""
    return tuple(dict.fromkeys(item.strip() for item in text.split(";") if item.strip()))


def parse_bool(text: str) -> bool:
    """true/false, yes/no, 1/0 in any case."""
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise FieldError(f"{text!r} is not a boolean; use true/false, yes/no or 1/0")


def parse_date(text: str) -> date:
    """An ISO 8601 calendar date such as 2027-02-15."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        hint = " (an Excel date number: format the column as text or date)" if text.isdigit() else ""
        raise FieldError(f"{text!r} is not a date{hint}; use YYYY-MM-DD, e.g. 2027-02-15") from None


def parse_number(text: str) -> float:
    """A finite decimal number with '.' as the decimal separator."""
    try:
        value = float(text)
    except ValueError:
        hint = "; use '.' as the decimal separator" if "," in text else ""
        raise FieldError(f"{text!r} is not a number{hint}") from None
    if not math.isfinite(value):
        raise FieldError(f"{text!r} is not a finite number")
    return value


def parse_int(text: str) -> int:
    """A whole number ("12"; "12.0" too, as spreadsheets write whole numbers that way)."""
    value = parse_number(text)
    if not value.is_integer():
        raise FieldError(f"{text!r} is not a whole number")
    return int(value)


def positive_number(text: str) -> float:
    """A number greater than zero (durations)."""
    value = parse_number(text)
    if value <= 0:
        raise FieldError(f"{text!r} must be greater than 0")
    return value


def non_negative_number(text: str) -> float:
    """A number of at least zero (costs; 0 = free to the learner)."""
    value = parse_number(text)
    if value < 0:
        raise FieldError(f"{text!r} must be 0 or more")
    return value


def positive_int(text: str) -> int:
    """A whole number greater than zero (seats)."""
    value = parse_int(text)
    if value <= 0:
        raise FieldError(f"{text!r} must be a whole number greater than 0")
    return value


def eqf_level(text: str) -> int:
    """A European Qualifications Framework level, 1 to 8."""
    value = parse_int(text)
    if not 1 <= value <= 8:
        raise FieldError(f"{text!r} is not an EQF level; use 1 to 8")
    return value


def latitude(text: str) -> float:
    """Decimal degrees north, -90 to 90."""
    value = parse_number(text)
    if not -90 <= value <= 90:
        raise FieldError(f"{text!r} is not a latitude; use decimal degrees from -90 to 90")
    return value


def longitude(text: str) -> float:
    """Decimal degrees east, -180 to 180."""
    value = parse_number(text)
    if not -180 <= value <= 180:
        raise FieldError(f"{text!r} is not a longitude; use decimal degrees from -180 to 180")
    return value


def one_of(text: str, allowed: Iterable[str]) -> str:
    """One value of an enumeration, in any case; the error names the closest allowed value."""
    allowed = sorted(allowed)
    value = text.strip().lower()
    if value in allowed:
        return value
    close = difflib.get_close_matches(value.replace(" ", "_").replace("-", "_"), allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise FieldError(f"{text!r} is not allowed; {hint}use one of {', '.join(allowed)}")


def list_of(text: str, allowed: Iterable[str]) -> tuple[str, ...]:
    """A ``;``-list of enumeration values."""
    allowed = frozenset(allowed)
    return tuple(dict.fromkeys(one_of(item, allowed) for item in parse_list(text)))


def languages(text: str) -> tuple[str, ...]:
    """A ``;``-list of ISO 639-1 language codes ("de;en")."""
    codes = tuple(dict.fromkeys(item.lower() for item in parse_list(text)))
    bad = [code for code in codes if code not in LANGUAGE_CODES]
    if bad:
        hint = "; separate them with ';'" if any("," in code for code in bad) else ""
        raise FieldError(
            f"{', '.join(map(repr, bad))} not ISO 639-1 language code(s){hint}; use e.g. de;en;es;it"
        )
    if not codes:
        raise FieldError("no language given; use ISO 639-1 codes such as de;en")
    return codes
