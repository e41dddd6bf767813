"""Counts of people as firms type them: the people a need names, and the staff a firm has.

Pure functions, apart from the firm's other answers (``firm_parsing``) because the need's
statement (``firm_need_said``), the summary's corrections and the manage form all read counts:
"3 welders", "a couple of electricians", "1 or 2 carpenters", "about 300 employees".
"""

from __future__ import annotations

import re

from actions.firm_people_words import PEOPLE_PLURAL, PERSON_SINGULAR, names_a_person, plural
from actions.numbers import DIGITS, NUMBER_WORDS, SCALES, number_value, words_value
from skills_catalog.needs import LIMITS

_SIZE_WORDS = {
    "micro": r"\bmicro\b|\btiny\b",
    "small": r"\bsmall\b",
    "medium": r"\bmedium\b|\bmid[- ]?sized?\b|\bsme\b",
    "large": r"\blarge\b|\bbig\b|\bcorporat",
}
_SIZE_BOUNDS = ((10, "micro"), (50, "small"), (250, "medium"))
#: counts said as a phrase; other words are read by :func:`numbers.words_value`
_COUNT_PHRASES = {"a couple of": 2, "a couple": 2, "a pair of": 2, "half a dozen": 6}
_NUMBER_WORD = "|".join(sorted([*NUMBER_WORDS, *SCALES], key=len, reverse=True))
#: a number in words: "two", "twenty-five", "a dozen", "three hundred", "one hundred and fifty"
_IN_WORDS = rf"(?:an?\s+)?(?:{_NUMBER_WORD})(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD}))*"
ONE_COUNT = "|".join([DIGITS, *(phrase.replace(" ", r"\s+") for phrase in _COUNT_PHRASES), _IN_WORDS])
#: a count, or two as a range or a choice ("10-15", "5 or 6", "between 10 and 15"); a minus sign
#: before it is kept to refuse it
_COUNT = re.compile(
    rf"(?<![\w.,-])(?P<minus>-\s*)?(?P<said>(?P<count>{ONE_COUNT})\b"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?P<upper>{ONE_COUNT})\b)?)",
    re.IGNORECASE,
)
#: words between a count and its people, none a link to other words: "12 senior data analysts",
#: "2 of our engineers", not "3 plants and 200 workers" (3 is no count of workers)
_BETWEEN = r"(?:(?!(?:and|or|plus|for|in|at|by|from|with|to|than|per)\b)[^\W\d_][\w-]*\s+){0,3}?"
#: posts that count the people to fill them: "12 data analyst positions", "3 open vacancies"
_POSTS = r"(?:positions|vacancies|openings|roles)\b"
_COUNTED_PEOPLE = re.compile(
    _COUNT.pattern + r"\s+" + _BETWEEN + rf"(?:{PEOPLE_PLURAL}|{_POSTS})", re.IGNORECASE
)
#: a count said right after the people: "we need data analysts, 12 of them" (not "welding, and two
#: of them should know TIG" at the skills question: no count of the need)
_OF_THEM = re.compile(
    rf"\b{PEOPLE_PLURAL}\W+(?:(?:ideally|about|around|maybe|roughly|some)\s+)?"
    + _COUNT.pattern
    + r"\s+of\s+them\b",
    re.IGNORECASE,
)
#: one person counted: "one welder", "1 data analyst" (a plural is wanted after other counts)
_ONE_PERSON = re.compile(r"(?<![\w.,-])(?P<said>one|1)\s+" + _BETWEEN + PERSON_SINGULAR, re.IGNORECASE)
#: one person needed, with "a", right after the need: "we need a data analyst", "hiring an
#: electrician"; not "a welder with TIG" typed when the skills are changed, nor "we're a manufacturer"
_A_PERSON_NEEDED = re.compile(
    r"\b(?:need(?:s|ed)?|requires?|hiring|recruiting|looking\s+for|searching\s+for|seeking|hire|recruit"
    r"|employ|take\s+on)\s+(?:(?:urgently|also|still)\s+)?(?P<said>an?)\s+" + _BETWEEN + PERSON_SINGULAR,
    re.IGNORECASE,
)
#: people needed without a count, right after the need: "we need nurses", "we need night-shift welders"
_PEOPLE_NEEDED = re.compile(r"^\s+(?:[\w-]+\s+){0,1}?" + PEOPLE_PLURAL, re.IGNORECASE)
#: a firm's head count said with its word: "2 plants and about 300 *employees*" is 300, not 2
_STAFF_COUNT = re.compile(
    _COUNT.pattern + r"\s+(?:[\w-]+\s+)?(?:people|persons|staff|workers|employees|colleagues)\b",
    re.IGNORECASE,
)


def headcount(people: int) -> str:
    """A number of people in words: "1 person", "3 people" (a need read "1 people")."""
    return "1 person" if people == 1 else f"{people} people"


def parse_size(text: str) -> str | None:
    """micro / small / medium / large from a word or a head count ("about 40 people"); the count
    said of staff wins over other numbers ("2 plants and about 300 employees" was micro)."""
    lowered = text.strip().lower()
    for size, pattern in _SIZE_WORDS.items():
        if re.search(pattern, lowered):
            return size
    return staff_size(lowered) or _size_of(parse_people(lowered))


def staff_size(text: str) -> str | None:
    """The size of a firm a sentence about it states by counting its staff ("with 250 employees");
    None otherwise. Why: other numbers are no size ("we run 3 hotels" is no micro firm), nor is
    "small" said in passing ("a small hair salon" need not have 10 to 49 staff)."""
    staff = _STAFF_COUNT.search(text)
    return _size_of(max(_count(said) for said in staff.group("count", "upper") if said)) if staff else None


def _size_of(count: int | None) -> str | None:
    return None if count is None else next((size for bound, size in _SIZE_BOUNDS if count < bound), "large")


def parse_people(text: str) -> int | None:
    """A whole number of people between 1 and the store's cap: "12", "two", "a dozen", "1,000",
    "1.000", "three hundred"; ``None`` for "0", "-3" or "2.5", so the question is asked again.

    A range or a choice ("10-15", "5 or 6") gives its upper bound: the firm has answered, the
    training places and candidates are then planned for all it may need, and the summary shows
    the number before anything is saved, where it can be changed.
    """
    found = _COUNT.search(text)
    return _people(found) if found else None


def people_named(text: str) -> int | None:
    """How many people a need names ("two people who can weld", "3 CNC operators", "a couple of
    electricians", "one welder"), so the form need not ask; ``None`` when no count is followed by
    people. Why so strict: "someone with 10 years of experience" or "one of our lines" name no count."""
    found = _counted(text)
    if found is None:
        return None
    return 1 if found.re is _ONE_PERSON else _people(found)


def people_needed(text: str) -> int | None:
    """The people a firm's need counts, as :func:`people_named` reads them, or one for a person
    needed with "a" ("we need a data analyst", "hiring an electrician"), whichever is said first.
    Why apart: "we need a data analyst" was asked "How many people?" (QA12), but "we need a
    plumber" is no firm's need past doubt (a household's, maybe), so ``people_named`` stays strict."""
    needed, counted = _A_PERSON_NEEDED.search(text), _counted(text)
    if needed and (counted is None or needed.start("said") < counted.start()):
        return 1
    return people_named(text)


def range_said(text: str, counted: bool = True) -> str | None:
    """The words of a range or a choice the count of people says ("1 or 2", "10-15"), whose upper
    bound is taken; None for one number. ``counted``: the count of a need ("1 or 2 carpenters"),
    else any count (the answer to "how many?")."""
    found = _counted(text) if counted else _COUNT.search(text)
    return found.group("said") if found and found.re is not _ONE_PERSON and found.group("upper") else None


def _counted(text: str) -> re.Match[str] | None:
    """The first count of people in ``text``: a count of people in the plural or of posts, one
    person, or a count of them said after the people."""
    found = [m for m in (_COUNTED_PEOPLE.search(text), _ONE_PERSON.search(text), _OF_THEM.search(text)) if m]
    return min(found, key=lambda m: m.start(), default=None)


def counted_title(text: str) -> str | None:
    """The job title (singular, lower case) whose people ``text`` counts ("need 2 bakers" → baker);
    None when it counts none, or people who name no job ("3 people", "2 new hires"). Why: "we're
    in Kapfenberg now and need 2 bakers" made a data analyst need 2 people (QA12)."""
    found = _counted(without_replaced(text))
    if found is None:
        return None
    words = re.findall(r"[a-z]+", found.group().lower())
    word = words[0] if found.re is _OF_THEM else words[-1]
    return next((one for one in (*_singulars(word), word) if plural(one) == word and names_a_person(one)), None) or (
        word if names_a_person(word) else None
    )


def _singulars(word: str) -> list[str]:
    """The words ``word`` may be the plural of: bakers, nannies, coaches, salesmen."""
    return [word[:-1], word[:-2], word[:-3] + "y", word[:-3] + "fe", word[:-3] + "man"]


def same_title(title: str, role: str) -> bool:
    """True when a job ``title`` (singular) is a word of the ``role``: "analyst" of "data analyst"."""
    return title in role.lower().split()


def people_follow(text: str) -> bool:
    """True when ``text`` (the words after "we need") opens with people, uncounted: "nurses",
    "night-shift welders"."""
    return _PEOPLE_NEEDED.match(text) is not None


#: a count a change replaces, which is no new number: "5 people *instead of 2*", "3 *rather than 4*",
#: "*not 2* but 3", "we *no longer need 6* people, only 3", "*from 6* to 3"
_REPLACED_COUNT = re.compile(
    rf"\b(?:instead\s+of|rather\s+than|not|from|(?:no\s+longer|don'?t|do\s+not|not)\s+need)\s+(?:the\s+)?(?:{ONE_COUNT})\b",
    re.IGNORECASE,
)


def people_said_last(text: str) -> int | None:
    """The new count a change says, the last one left once the counts it replaces are dropped ("5
    people instead of 2" → 5, "we no longer need 6 people, only 3" → 3), as :func:`parse_people`
    reads it; None for none. Why: "5 people instead of 2" made a saved need 2 people."""
    counts = list(_COUNT.finditer(without_replaced(text)))
    return _people(counts[-1]) if counts else None


#: a new count said without its people, after the need or a word that sets it: "we need three now",
#: "make it 4", "only 3", "now 5" (not "we posted it 2 weeks ago")
_COUNT_SET = re.compile(
    r"\b(?:need|needs|make\s+it|only|just|now|it'?s)\s+(?:(?:actually|only|just|now)\s+)?"
    + _COUNT.pattern
    + r"(?!\s*(?:weeks?|days?|months?|years?|hours?|km|%|€|eur)\b)",
    re.IGNORECASE,
)


def people_now(text: str) -> int | None:
    """The number of people a change of a saved need says without naming the field ("we need three
    now", "5 people instead of 2", "make it 4"); None when it says none. Why: "we need three now"
    got "Here I can change the number of people, …"."""
    text = without_replaced(text)
    named = people_named(text)
    if named is not None:
        return named
    found = _COUNT_SET.search(text)
    return _people(found) if found else None


def without_replaced(text: str) -> str:
    """``text`` with the counts it says are replaced blanked, its length kept ("3     instead of 5"
    reads 3 alone): for each reading of a change of the number of people, at the summary as in a
    saved need."""
    return _REPLACED_COUNT.sub(lambda found: " " * len(found.group()), text)


def without_count(text: str) -> str:
    """``text`` with the count of people it names blanked, its length kept ("we need   welders").

    Why: the recogniser reads a word after a number as a quantity ("5 minutes" are no skill), so
    "3 welders" named neither the role nor its skills; the positions it gives stay those of ``text``.
    """
    found = _counted(text)
    if found is None:
        return text
    start, end = found.span("said")
    return text[:start] + " " * (end - start) + text[end:]


def _people(found: re.Match[str]) -> int | None:
    """The count ``found`` (the upper one of a range), if whole, positive and within the cap."""
    counts = [_count(said) for said in found.group("count", "upper") if said]
    if found.group("minus") or min(counts) < 1 or max(counts) > LIMITS.people:
        return None
    return max(counts)


def _count(said: str) -> int:
    """A count in digits ("1.000" is a thousand) or words; 0, refused, when it is no whole number."""
    said = " ".join(said.lower().split())
    if said[0].isdigit():
        value = number_value(said)
        return int(value) if value.is_integer() else 0
    return _COUNT_PHRASES.get(said) or words_value(said)


_MORE = re.compile(r"\b(?:add|more(?!\s+than)|another|extra|additional|plus)\b", re.IGNORECASE)
_FEWER = re.compile(r"\b(?:fewer(?!\s+than)|less(?!\s+than)|minus|subtract|take\s+away)\b", re.IGNORECASE)


def people_changed_by(text: str) -> int | None:
    """By how many people a change says the need grows or shrinks ("add 2 more people" → 2, "2
    fewer" → -2); None when it says a number, not a change of it ("actually 10 people"). Why: "add 2
    more people" to 3 made the need 2 people."""
    found = _COUNT.search(text)
    by = _people(found) if found else None
    if by is None:
        return None
    return -by if _FEWER.search(text) else by if _MORE.search(text) else None
