"""Pure parsing of what people type or tap into slot values: no Rasa, no engine, no I/O.

Buttons send canonical values ("online", "25", "any", "en"); people type "within 30 km",
"German please", "up to 300 euros", "in September". Each parser returns the canonical value
or ``None`` when the text says nothing it understands, so the validator can ask again.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from actions import names
from actions.dates import DATE_PARTS, WHEN_STATED, time_said
from actions.languages_said import LANGUAGES, NO_COURSE_LANGUAGE, SPEAKS, languages_named
from actions.numbers import DIGITS, in_digits, number_value

MAX_MESSAGE_CHARS = 2000

KM_PER_MILE = 1.609344
_ANY = re.compile(
    r"\b(any|either|both|whatever|don'?t mind|doesn'?t matter|no (preference|limit|matter)|"
    r"not important|all the same|anything|anywhere|no problem|(don'?t|do not) care)\b"
)
#: besides what was set, not instead of it: "online would be ok too" (not "too busy to travel")
_BESIDES = re.compile(r"\b(too|as well)\b(?!\s+[a-z])|\balso (ok|okay|fine|good|possible)\b")
_NUMBER = re.compile(rf"({DIGITS})\s*(k\b)?")  # "1.5k" too
_KM, _EUR = "km", "eur"
_DISTANCE_UNIT = re.compile(r"\s*(?:km|kms|kilomet(?:er|re)s?|(miles?))\b")
_WHERE_AFTER = re.compile(r"\s+(?:from|away|outside|out of|north|south|east|west|of)\b")
_MONEY_AFTER = re.compile(r"\s*(?:€|eur\b|euros?\b)")
#: money before a number, no other number between: "€300", "EUR 300", "pay up to 300", "budget is 300"
_MONEY_BEFORE = re.compile(r"(?:€|\beur\b|\b(?:pay|spend|budget|cost|price|afford)\w*)[^\d,;!?]{0,20}$")
# not "n-cdnj5": a need's reference typed at a yes/no question is no answer
# "ja", "oui", "sí" too: a yes is understood in the cluster's languages (QA12: "ja" lost the town suggested)
_YES = re.compile(
    r"^(y|ya|yah|yea|yup|yes|yeah|yep|yess+|sure|ok|okay|fine|i agree|agreed|of course|correct|right|exactly|indeed"
    r"|absolutely|that'?s (?:it|the one|right|correct)|ja|jawohl|genau|oui|s[ií]|certo)\b(?!-\w)"
)
_NO = re.compile(r"^(n|no|nope|nah|not really|don'?t|i don'?t)\b(?!-\w)")
_POLITE = re.compile(r"\b(please|thanks?|thank you|sure|fine)\b")
#: "any time" said of when to start, never of a price or a place ("anytime" at the price question)
_ANY_TIME = re.compile(r"\b(?:any ?time|whenever)\b")
_FREE_STATED = re.compile(
    r"\bfree (ones?|only|courses?|of charge|stuff|offers?|training)\b|\b(only|just) (the )?free\b"
    r"|^\W*free( please)?\W*$|\b(?:no money|(?:don'?t|do not) have (?:any )?money)\b|\b(can'?t|cannot) (afford|pay)\b"
    r"|\b(?:don'?t|do not|won'?t|will not)\s+(?:want\s+to\s+)?(?:pay|spend)\b"
)
# not "start" alone: "I can start in March" answers "when could you start?"
_START_OVER = re.compile(
    r"\b(over|again|restart\w*|reset\w*|scratch(?!\s+(?:in|as|at|with|into|on|learning)\b)|afresh|anew|redo\w*|"
    r"beginning|new search|start (a )?new|"
    r"start fresh|change (all|every)\w*)\b"
)

#: a limit said without its number ("not too far", "anything cheap"): no limit lifted, asked again
_VAGUE = {
    _KM: re.compile(
        r"\b(?:not|nothing|isn'?t)\s+(?:too\s+|very\s+|so\s+)?far\b|\btoo\s+far\b|\bnearby\b|\bclose\s+(?:by|as\s+possible)\b"
        r"|\b(?:near|close\s+to)\s+(?:home|here|me)\b|\b(?:anywhere|somewhere|something)\s+(?:near|close)\b|\blocal(?:ly)?\b"
    ),
    _EUR: re.compile(
        r"\b(?:cheap|inexpensive|affordable|low[-\s]?(?:cost|price))|\b(?:not|nothing)\s+(?:too\s+|very\s+|so\s+)?expensive"
    ),
}
#: words that lift a limit besides "any" and "doesn't matter"
_NO_LIMIT = {_KM: re.compile(r"\b(?:far|no limit|unlimited)\b"), _EUR: re.compile(r"\bprice doesn")}
#: paying refused: "i don't want to pay anything" (read as "any price", QA9), "won't spend a cent"
_NO_PAYING = r"(?:don'?t|do not|won'?t|will not|not)\s+(?:want\s+to\s+|be\s+able\s+to\s+|going\s+to\s+)?(?:pay|spend)"
#: no money to pay with: "i dont have money, maybe AMS pays?" (QA12: asked again)
_NO_MONEY = r"no money|(?:don'?t|do not) have (?:any )?money|(?:have|got) no money"
_FREE = re.compile(rf"\b(free|nothing|{_NO_MONEY}|can'?t pay|zero|{_NO_PAYING})\b")
#: paying refused only in part: "I don't want to pay much", "I can't pay a lot": with a most said, that price
_PAY_LITTLE = re.compile(
    rf"\b(?:{_NO_PAYING}|(?:can'?t|cannot)\s+(?:afford|pay|spend))"
    r"\s+(?:that\s+|too\s+|very\s+|so\s+)?(?:much|a lot|lots)\b"
)
#: a bare number said as the most: "max 200", "200 max", "up to 200"
_CAPPED = re.compile(
    rf"\b(?:max(?:imum)?|at most|up to|no more than)\s*({DIGITS})"
    rf"|({DIGITS})\s*(?:max(?:imum)?|tops|at most)\b"
)


def message_problem(text: str | None) -> str | None:
    """``"empty"`` or ``"too_long"`` when a message cannot be processed, else ``None``."""
    if text is None or not text.strip():
        return "empty"
    if len(text) > MAX_MESSAGE_CHARS:
        return "too_long"
    return None


def says_start_over(text: str) -> bool:
    """True when the text says to start again ("start over", "from the beginning", "new search").

    Why: starting over drops every answer at once, so the intent classifier's guess is not enough
    on its own: "from March" (when could you start?) once went there by "from the beginning".
    """
    lowered = text.lower()
    if not _START_OVER.search(lowered):
        return False
    # "actually I moved to Leoben, can you search again?": a new town, the rest kept (QA12: every
    # answer was dropped); only words that start afresh start over then
    return not moved_to(lowered) or bool(_AFRESH.search(lowered))


#: a town told anew: "sorry, I live in Heilbronn now, not Stuttgart", "actually I moved to Leoben"
_MOVED = re.compile(
    r"\b(?:i live in|i'?m (?:now )?(?:living in|in|based in)|i (?:have )?moved to|i'?ve moved to|we moved to)\s+", re.I
)
#: what ends the town told: "Leoben, can you search again?", "Heilbronn now, not Stuttgart"
_AFTER_MOVE = re.compile(r"[,.;!?]|\s(?:-|–)\s|\b(?:not|instead|now|these days|and|but|so|can|could|please)\b", re.I)
#: words that start afresh, beside a move as well: "I moved to Linz, let's start over"
_AFRESH = re.compile(r"\b(?:start (?:all )?over|from (?:the )?(?:beginning|scratch)|restart\w*|reset\w*|afresh|new search|start (?:a )?new|start fresh)\b")


def moved_to(text: str) -> str | None:
    """The town a message says the person lives in now ("I moved to Leoben, can you search
    again?" → "Leoben"); ``None`` when it tells no move."""
    told = _MOVED.search(text)
    if told is None:
        return None
    return _AFTER_MOVE.split(text[told.end() :], maxsplit=1)[0].strip(" .!,") or None


def is_any(text: str) -> bool:
    """True when the text says "no limit" ("any", "either", "doesn't matter")."""
    return bool(_ANY.search(text.lower()))


def yes_or_no(text: str) -> bool | None:
    """A typed yes (True) or no (False); ``None`` when it is neither."""
    lowered = text.strip().lower()
    if _NO.match(lowered):
        return False
    if _YES.match(lowered):
        return True
    return None


def only_yes_or_no(text: str) -> bool:
    """True when the message is a yes or a no and nothing else ("yes", "no thanks", "ok!")."""
    lowered = text.strip().lower()
    found = _NO.match(lowered) or _YES.match(lowered)
    return found is not None and not re.search(r"[^\W\d]", _POLITE.sub("", lowered[found.end() :]))


_NO_JOB = re.compile(
    r"\b(unemployed|jobless|out of work|between jobs|no job|not working|without (a )?job|"
    r"don'?t (have|got) a job|lost my job|looking for (a )?(job|work))\b"
)


def says_no_job(text: str) -> bool:
    """True when the person says they have no job now ("I'm unemployed at the moment")."""
    return bool(_NO_JOB.search(text.lower().replace("\u2019", "'")))


_ONLINE = re.compile(r"\b(?:online|on-line|remote\w*|from home|at home|e-?learning|distance|virtual\w*|internet)\b", re.I)


_NOT_MIND = re.compile(r"\b(?:not|n't|never)\s+mind\b", re.I)
#: online refused: "i don't want online courses", "no online please", "not online"
_NOT_ONLINE = re.compile(
    r"\b(?:no|not|don'?t|do\s+not|never|without|hate|rather\s+not|can'?t|cannot)\s+"
    r"(?:(?:want|like|need|any|more|to|do|learn|study|be|it|the|an?|with)\s+){0,3}"
    r"(?:online|on-line|remote\w*|e-?learning|virtual\w*)\b",
    re.I,
)


def says_online(text: str) -> bool:
    """True when the text asks for learning online ("only online", "from home"). Why: "evenings
    only" was read as "only online" and dropped every course held in person; "i don't want online
    courses" set online only (QA9)."""
    return bool(_ONLINE.search(text)) and not refuses_online(text)


def refuses_online(text: str) -> bool:
    """True when the text refuses learning online ("i don't want online courses"; "I wouldn't
    mind online" accepts it)."""
    return _NOT_ONLINE.search(text) is not None and _NOT_MIND.search(text) is None


#: a travel limit said in time, not distance: "an hour by car", "30 minutes by bus"
_TRAVEL_TIME = re.compile(
    r"\b(?:an?|one|two|three|half an?|\d+(?:[.,]\d+)?)\s*(?:hours?|hrs?|h|minutes?|mins?)\b"
    r"(?=.*\b(?:by|car|drive|driving|bus|train|travel\w*|away|commute)\b)",
    re.I,
)
#: limits the catalogue records nothing about: times of day, part-time, travelling without a car
_WITHOUT_CAR = re.compile(
    r"\b(?:no car|without (?:a )?car|(?:don'?t|do not|can'?t|cannot) (?:have|own|drive) a car|bus only|only by (?:bus|train))\b",
    re.I,
)
_UNRECORDED = re.compile(
    r"\b(?<!good )(?:evenings?|mornings?|afternoons?|weekends?|nights?|after work|part[-\s]?time|public transport)\b",
    re.I,
)
#: ... said as a limit, not of one's work ("now cleaning part time" is a job, no limit)
_LIMITING = re.compile(r"\b(?:only|just|need|must|prefer\w*|because|can'?t|cannot|have to)\b", re.I)


def travel_time(text: str) -> bool:
    """True when a travel limit is said in time ("an hour by car"): no km to search by."""
    return bool(_TRAVEL_TIME.search(text))


def unrecorded_limit(text: str) -> bool:
    """True when the text states a limit the catalogue cannot search by ("evenings only",
    "part-time because of my kids", "no car, bus only"). Why: they were dropped without a word."""
    return bool(_WITHOUT_CAR.search(text) or (_UNRECORDED.search(text) and _LIMITING.search(text)))


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: a phone number: international ("+34 612 345 678", "0043 …") or national ("0664 1234567"), not a date
_PHONE = re.compile(r"(?:\+|\b00)\d{1,3}(?:[\s/.-]?\d){6,}\b|\b0\d{2,4}[\s/-]?\d{3,}(?:[\s-]?\d{2,})?\b")


def contact_details(text: str) -> bool:
    """True when the text holds an e-mail address or a phone number. Why: a worker who typed
    them got no word that they are neither needed nor passed on."""
    return bool(_EMAIL.search(text) or _PHONE.search(text))


def limit_said(text: str) -> bool:
    """True for a limit said in a way no preference reads: a travel time or an unrecorded limit."""
    return travel_time(text) or unrecorded_limit(text)


#: ways of learning named, not words of a skill: "classroom management" is no "in person", "remote
#: sensing" or "virtual reality" no "online" (QA12: a teacher's skills had set courses in person)
_MODE_ONLINE = re.compile(
    r"\b(?:online|remote(?!\s+(?:control\w*|sensing|monitoring|pilot\w*|operat\w*))|from home|e ?learning"
    r"|distance learning|virtual(?!\s+(?:reality|machines?|server\w*))|virtually)\b"
)
_MODE_IN_PERSON = re.compile(
    r"\b(?:in person|classroom(?!\s+(?:management|manag\w+|teach\w*|assist\w*|instruct\w*|behaviou?r\w*"
    r"|disciplin\w*|support|skills?|experience|control|organi[sz]\w*|practice))|on ?site|face to face|presence|in class)\b"
)


def parse_mode(text: str) -> str | None:
    """``in_person``, ``online`` or ``any``."""
    lowered = text.lower().replace("-", " ").replace("_", " ")
    online = bool(_MODE_ONLINE.search(lowered))
    in_person = bool(_MODE_IN_PERSON.search(lowered))
    if online and refuses_online(lowered):  # "not online, in a classroom please"
        return names.MODE_IN_PERSON
    if is_any(lowered) or (online and in_person) or ((online or in_person) and accepts_too(lowered)):
        return names.ANY
    if online:
        return names.MODE_ONLINE
    if in_person:
        return names.MODE_IN_PERSON
    return None


def accepts_too(text: str) -> bool:
    """True when the text accepts something besides what was set, not instead of it ("online
    would be ok too"). Why: that widens a search; it narrowed it to online only."""
    return bool(_BESIDES.search(text.lower()))


def _amounts(text: str) -> list[tuple[float, str]]:
    """The numbers of ``text`` with their unit: ``"km"`` (miles converted), ``"eur"`` (a money
    unit or word: "€", "euros", "pay 300", "budget 300") or ``""`` (a bare number, "1.5k" → 1500).

    Why: a date's numbers are left out, since "from March 2027" is no price of €2027 nor a limit
    of 2027 km; and each number keeps its unit, since "40 km and max 800 euros" holds two limits.
    Numbers in words count as well ("about fifty km", "two hundred euros max").
    """
    lowered = DATE_PARTS.sub(" ", in_digits(text.lower()))
    amounts = []
    for found in _NUMBER.finditer(lowered):
        value = number_value(found.group(1)) * (1000 if found.group(2) else 1)
        distance = _DISTANCE_UNIT.match(lowered, found.end())
        if distance and _WHERE_AFTER.match(lowered, distance.end()):
            continue  # "about 20 km from Bruck" says where one lives, no limit
        if distance:
            amounts.append((value * KM_PER_MILE if distance.group(1) else value, _KM))
        elif _MONEY_AFTER.match(lowered, found.end()) or _MONEY_BEFORE.search(lowered[: found.start()]):
            amounts.append((value, _EUR))
        else:
            amounts.append((value, ""))
    return amounts


def _number(text: str, unit: str) -> float | None:
    """The first number said in ``unit``, else the first bare one: a bare number answers only the
    question asked."""
    amounts = _amounts(text)
    said = next((value for value, its in amounts if its == unit), None)
    return said if said is not None else next((value for value, its in amounts if not its), None)


def _lifts_limit(lowered: str, unit: str) -> bool:
    """True when a text without a number lifts the limit of ``unit`` ("any", "doesn't matter").

    Why not a question ("how far is too far?") nor a limit without its number ("not too far",
    "anything cheap"): they were read as "no limit", the opposite of what they say.
    """
    if lowered.rstrip().endswith("?") or _VAGUE[unit].search(lowered):
        return False
    return bool((is_any(lowered) and not _ANY_TIME.search(lowered)) or _NO_LIMIT[unit].search(lowered))


def parse_distance(text: str) -> float | str | None:
    """A travel limit in km (``25.0``) or ``any``: the number said in km or miles, else a bare
    one; never a price ("pay 300"), a date ("from March 2027") nor a time ("1 hour by car").

    "not too far", "nearby" and questions give ``None``, so the question is asked again: they
    say there is a limit but not which, and a guessed 25 km could hide the course 30 km away
    that one would take; the buttons give the number in one tap.
    """
    lowered = text.lower()
    value = _number(lowered, _KM)
    if value is None:
        return names.ANY if _lifts_limit(lowered, _KM) else None
    return None if value <= 0 else round(value, 1)


def parse_language(text: str) -> str | None:
    """The ISO 639-1 codes of the languages named, comma-joined in the order said ("English or
    German" → ``"en,de"``), or ``any``: a course in any of them will do."""
    lowered = text.lower().strip()
    if is_any(lowered):
        return names.ANY
    if lowered in LANGUAGES.values():
        return lowered
    return languages_named(text, asked=True)


def parse_budget(text: str) -> float | str | None:
    """The most a person can pay in EUR (``0.0`` = free only) or ``any``: the number said in euros
    or after "pay", "budget" ..., else a bare one; never a distance nor a date.

    "cheap", "as cheap as possible", "low cost" give ``None``, asked again: no number follows from
    them, and "free only" would hide the cheap courses they ask for.
    """
    lowered = text.lower()
    value = _number(lowered, _EUR)
    if value is not None:
        return value
    if _FREE.search(lowered) and not _VAGUE[_EUR].search(lowered):
        return 0.0
    return names.ANY if _lifts_limit(lowered, _EUR) else None


def parse_start(text: str, today: date) -> str | None:
    """The earliest start as an ISO date, or ``any``: the first day of the time said, or today
    when it is under way ("in November" said in November).

    "now"/"right away" → today; "tomorrow"; "next week" → in 7 days; "in 2 weeks"/"within 3
    months" → today plus that (months to that month's first day); "in September"/"from März
    2027"/"next month" → the first day of that month, the next to come; "spring"/"summer"/
    "autumn"/"winter" → 1 March/June/September/December; "after the summer" → 1 September;
    "Q3 2027" → 1 July 2027; "next year" → 1 January; "after Christmas" → 27 December;
    "2027-03-01", "01.03.2027", "15/03/2027" as given, the day first as in Europe unless only
    the month can come first ("03/15/2027"). The end of a time is its last day: "end of the
    year" → 31 December, since one is free from then, not from December's first courses.

    Why ``None`` for a time over ("2020-01-01", "yesterday") or a day that does not exist ("31
    February"): a start in the past makes no sense, and any other day would be a silent error.
    """
    lowered = text.lower()
    try:
        span = time_said(lowered, today)
    except ValueError:  # "31 February 2027", "2027-13-01"
        return None
    if span is not None:
        return None if span[1] < today else max(span[0], today).isoformat()
    if _ANY_TIME.search(lowered) or re.search(r"\bflexible\b", lowered) or is_any(lowered):
        return names.ANY
    if re.search(r"\b(now|right away|immediately|asap|as soon as possible|today|straight away)\b", lowered):
        return today.isoformat()
    return None


def stated_preferences(text: str, today: date) -> dict[str, Any]:
    """The preferences a message states unmistakably, by slot: a distance in km or miles, a
    price in euros, a language by name, a start month or date, one way of learning.

    Why: people answer ahead or two at once ("in person, max 30 km", "German" when asked how
    far); the form takes such answers instead of asking for them again. A bare number, "any"
    or "now" states nothing unless it answers the question asked, so they are left out; "any
    time" and "whenever" say when, whatever was asked.
    """
    lowered = text.lower().replace("\u2019", "'")
    stated: dict[str, Any] = {}
    units = {unit for _, unit in _amounts(lowered)}
    if _KM in units:
        stated[names.MAX_DISTANCE] = parse_distance(lowered)
    if _EUR in units:
        stated[names.BUDGET] = parse_budget(lowered)
    elif _FREE_STATED.search(lowered):  # "I'm 45 and have no money" is no limit of €45
        capped = _capped_bare_number(lowered) if _PAY_LITTLE.search(lowered) else None
        stated[names.BUDGET] = 0.0 if capped is None else capped  # "can't pay a lot, max 200": €200
    language = languages_named(NO_COURSE_LANGUAGE.sub(" ", SPEAKS.sub(" ", text)), asked=False)
    if language:
        stated[names.LANGUAGE] = language
    if WHEN_STATED.search(lowered):
        stated[names.START] = parse_start(lowered, today)
    mode = parse_mode(lowered)
    if mode in (names.MODE_ONLINE, names.MODE_IN_PERSON):
        stated[names.MODE] = mode
    stated = {slot: value for slot, value in stated.items() if value not in (None, names.ANY)}
    if names.START not in stated and _ANY_TIME.search(lowered):
        stated[names.START] = names.ANY
    return stated


_BARE_CAP = re.compile(rf"^\W*(?:max(?:imum)?|at most|up to|no more than|under|below|less than)\s*(?:{DIGITS})\W*$", re.I)


def bare_cap(text: str) -> bool:
    """True for a most said without its unit ("up to 1000"): a limit, no town nor postcode."""
    return _BARE_CAP.match(text) is not None


def _capped_bare_number(lowered: str) -> float | None:
    """The number said bare as the most ("max 200", "200 max"), else ``None``: not "45" of
    "I'm 45" nor the "40" of "max 40 km"."""
    bare = [value for value, unit in _amounts(lowered) if not unit]
    capped = (number_value(found.group(1) or found.group(2)) for found in _CAPPED.finditer(in_digits(lowered)))
    return next((value for value in capped if value in bare), None)


def without_preferences(text: str) -> str:
    """What is left of an answer once the parts stating a preference are taken out
    ("Graz, in person, max 30 km" → "Graz"; "in person, max 40 km" → "").

    Why: a town typed with preferences beside it must be looked up without them.
    """
    parts = re.split(r"[,;]|\b(?:and|but|or)\b", text)
    kept = [part.strip() for part in parts if part.strip() and not stated_preferences(part, date.today())]
    return ", ".join(kept)


def relax_limit(hint: str) -> str | None:
    """Which slot a relax hint of the engine is about (its wording names the limit)."""
    lowered = hint.lower()
    if " km" in lowered:
        return names.MAX_DISTANCE
    if "cost" in lowered or "free offers" in lowered or "€" in lowered:
        return names.BUDGET
    if "starts" in lowered:
        return names.START
    if re.search(r"no offer (in person|online|blended)", lowered):
        return names.MODE
    if lowered.startswith("no offer in "):
        return names.LANGUAGE
    return None


#: the words naming each limit, as people ask to relax it: "any distance", "ignore the price" ...
_LIMIT_WORDS = (
    (re.compile(r"distance|km|far|travel"), names.MAX_DISTANCE),
    (re.compile(r"price|cost|budget|pay|money"), names.BUDGET),
    (re.compile(r"languages?"), names.LANGUAGE),
    (re.compile(r"start|date|when"), names.START),
    (re.compile(r"mode|online|in person"), names.MODE),
)
#: where one limit said ends and the next begins: "any distance and any price", "either, max 40 km"
_CLAUSE_END = re.compile(r"[,;.!?]|\b(?:and|but|or|plus)\b")


def relax_slots_from_text(text: str) -> list[str]:
    """Every limit a person asks to relax, in the order of the limits: "any distance and any
    price" → distance and price. Why every one: "any distance and any price" dropped only the
    distance, and the search stayed free-only."""
    lowered = text.lower()
    return [slot for pattern, slot in _LIMIT_WORDS if pattern.search(lowered)]


#: pay earned, not paid: "idk anything that pays better" at the goal question had been noted as
#: any price (QA13)
_WAGE = re.compile(r"\bpays?\s+(?:better|more|well)\b|\b(?:better|well|best)[- ]paid\b")


def limits_lifted(text: str) -> list[str]:
    """The limits a text lifts by name, clause by clause ("any language is fine" → language;
    "either, max 40 km" → none: the "either" names no limit, and the 40 km is one).

    Why: "either, max 40 km" at the mode question set *any distance*; a limit a clause states
    ("I can't pay anything" is free only) is never lifted by it either, nor is the price by a
    wish for better pay ("anything that pays better")."""
    lifted = (
        slot
        for clause in _CLAUSE_END.split(text.lower())
        if is_any(clause)
        for slot in relax_slots_from_text(_WAGE.sub(" ", clause))
        if slot not in stated_preferences(clause, date.today())
    )
    return list(dict.fromkeys(lifted))


def without_limits_lifted(text: str) -> str:
    """``text`` without its clauses that lift a limit by name (:func:`limits_lifted`): what is
    left may still answer the question asked ("either" of "either, any language")."""
    return ", ".join(clause for clause in _CLAUSE_END.split(text) if not limits_lifted(clause))


#: a clause that says only when to start: "from now", "asap", "starting right away"
_START_ALONE = re.compile(
    r"^\W*(?:(?:i\s+)?(?:can|could)\s+)?(?:start(?:ing)?\s+)?(?:from\s+)?"
    r"(?:now|right away|immediately|asap|as soon as possible|today|straight away)\W*$"
)
_CLAUSES = re.compile(rf"({_CLAUSE_END.pattern})")


def start_alone(text: str, today: date) -> str | None:
    """The start a clause says alone ("asap", "right away"), else ``None``: at another question
    it answers when to start (QA12: "asap" at the price question got "I need a rough amount")."""
    return next(
        (parse_start(clause, today) for clause in _CLAUSE_END.split(text.lower()) if _START_ALONE.match(clause)),
        None,
    )


def clause_limits(text: str, today: date) -> dict[str, Any]:
    """The limits the clauses of ``text`` state or lift by name: "max 50km, any price, from
    now" → 50 km, any price, from today. Why: :func:`stated_preferences` leaves out "any price"
    and "now" (they answer only the question asked), and a first message had lost them (QA12)."""
    limits: dict[str, Any] = {}
    for clause in _CLAUSE_END.split(text.lower()):
        limits.update({slot: names.ANY for slot in limits_lifted(clause)})
        if _START_ALONE.match(clause):
            limits[names.START] = parse_start(clause, today)
    return {**limits, **stated_preferences(text, today)}


def without_limits(text: str) -> str:
    """``text`` without its clauses that state or lift a limit ("learn about electric cars, max
    50km, any price" → "learn about electric cars"), the other clauses as they were joined. Why:
    "any price" was read into the goal (*price product*, QA12)."""
    parts = _CLAUSES.split(text)
    kept: list[str] = []
    for at in range(0, len(parts), 2):
        if clause_limits(parts[at], date.today()):
            continue
        kept += [parts[at - 1]] if at and kept else []
        kept.append(parts[at])
    return "".join(kept).strip(" ,;")
