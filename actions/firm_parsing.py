"""Typed answers of the firm journey → slot values (pure functions, no engine, no I/O).

Buttons send canonical values (``choice``), which every parser accepts as they are.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from actions import names, parsing, texts
from actions.dates import MONTHS
from actions.firm_codes import reference_in
from actions.numbers import DIGITS, NUMBER_WORDS, number_value
from skills_catalog.ecosystems import ecosystems_named
from skills_catalog.needs import LIMITS

_SIZE_WORDS = {
    "micro": r"\bmicro\b|\btiny\b",
    "small": r"\bsmall\b",
    "medium": r"\bmedium\b|\bmid[- ]?sized?\b|\bsme\b",
    "large": r"\blarge\b|\bbig\b|\bcorporat",
}
_SIZE_BOUNDS = ((10, "micro"), (50, "small"), (250, "medium"))
#: counts said as a phrase; other words are read by :func:`_in_words`
_COUNT_PHRASES = {"a couple of": 2, "a couple": 2, "a pair of": 2, "half a dozen": 6}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}
_NUMBER_WORD = "|".join(sorted([*NUMBER_WORDS, *_SCALES], key=len, reverse=True))
#: a number in words: "two", "twenty-five", "a dozen", "three hundred", "one hundred and fifty"
_IN_WORDS = (
    rf"(?:an?\s+)?(?:{_NUMBER_WORD})(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD}))*"
)
_ONE_COUNT = "|".join([DIGITS, *(phrase.replace(" ", r"\s+") for phrase in _COUNT_PHRASES), _IN_WORDS])
#: a count, or two as a range or a choice ("10-15", "5 or 6", "between 10 and 15"); a minus sign
#: before it is kept to refuse it
_COUNT = re.compile(
    rf"(?<![\w.,-])(?P<minus>-\s*)?(?P<said>(?P<count>{_ONE_COUNT})\b"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?P<upper>{_ONE_COUNT})\b)?)",
    re.IGNORECASE,
)
#: plurals with a job title's ending that are no people: "cooks for our 4 *restaurants*" is no 4 people
_NO_PEOPLE = (
    r"(?!(?:restaurants|plants|departments|components|documents|shipments|containers|computers|printers"
    r"|trailers|orders|meters|hours|years|customers|markets|quarters|headquarters|centers|centres|offices"
    r"|suppliers|contracts|projects)\b)"
)
#: people, or a job title's plural ending
_PEOPLE = (
    r"(?:people|persons|staff|workers|employees|hands|nurses|chefs|cooks|mechanics|apprentices|trainees|"
    + r"masons|aides|guards|techs|midwives|" + _NO_PEOPLE + r"[a-z]+(?:er|or|ist|ian|ant|ent)s)\b"
)
# a count, up to two words (new, CNC, qualified …), then people
_COUNTED_PEOPLE = re.compile(_COUNT.pattern + r"\s+(?:[\w-]+\s+){0,2}?" + _PEOPLE, re.IGNORECASE)
#: people needed without a count, right after the need: "we need nurses", "we need night-shift welders"
_PEOPLE_NEEDED = re.compile(r"^\s+(?:[\w-]+\s+){0,1}?" + _PEOPLE, re.IGNORECASE)
#: a firm's head count said with its word: "2 plants and about 300 *employees*" is 300, not 2
_STAFF_COUNT = re.compile(
    _COUNT.pattern + r"\s+(?:[\w-]+\s+)?(?:people|persons|staff|workers|employees|colleagues)\b", re.IGNORECASE
)
_OURS = (
    r"(?:company|firm|factory|team|staff|workers|shop|plant|business|clinic|hospital|care\s+home|"
    r"nursing\s+home|hotel|restaurant|bakery|workshop|site|office|mill|farm|lab|laboratory|warehouse|"
    r"store|salon|garage|kitchen|practice|agency|department|organi[sz]ation|cooperative|coop)"
)
# "my company" is also how a worker names an employer: it never states a need past doubt. Up to
# three words before the noun and a place after it: "our food production staff need", "our care
# home in Bruck an der Mur needs" (they had been read as staff commands, the need lost)
_FIRM = (
    rf"(?:we|we['\u2019]re|we\s+are|(?:our|(?P<mine>my))\s+(?:[\w-]+\s+){{0,3}}?{_OURS}"
    r"(?:\s+(?:in|at|near)\s+[^,.;!?]{1,40}?)?(?:\s+is|\s+are)?)"
)
#: where a firm states its need: "we need …", "we're hiring …", "our company is looking for …",
#: "we want to train our staff …", at the start or after a clause ("we're a machining shop in
#: Bilbao with 250 employees and we need …")
_NEED_STATED = re.compile(
    r"(?:^|[,.;:!?]|\b(?:and|so|but)\b)\W*(?:(?:hi|hello|hey|so|well|actually|ok|okay)\b\W*)?"
    rf"(?P<firm>{_FIRM})\s+(?:(?P<hiring>hiring|recruiting)"
    r"|(?P<upskilling>(?:want|need|would\s+like|'d\s+like)\s+to\s+(?:train|upskill|reskill|retrain)"
    r"\s+(?:[\w-]+\s+){0,3}?our)"
    r"|needs?|requires?|looking\s+for|searching\s+for|seeking|want\s+to\s+hire)\b",
    re.IGNORECASE,
)
#: a worker who looks for work, or asks who hires: "I'm looking for a job", "so they take me",
#: "I want to work for a company that is hiring …", "are any firms hiring CNC operators?"
_SEEKS_WORK = re.compile(
    r"\b(?:looking\s+for|seeking|searching\s+for|find|get|land)\s+(?:an?\s+|some\s+)?(?:new\s+|better\s+)?"
    r"(?:jobs?|work(?!\s+done)|employment|positions?|apprenticeships?)\b"
    r"|\b(?:take|hire|employ|accept)s?\s+me\b|\bget\s+(?:hired|employed|taken\s+on)\b"
    r"|\bwork(?:ing)?\s+(?:for|at|in)\s+(?:an?|any|some|one)\s+(?:[\w-]+\s+)?"
    r"(?:firms?|compan(?:y|ies)|employers?|business(?:es)?|factor(?:y|ies)|plants?|shops?)\b"
    r"|\b(?:any|which|what|many|some|other|lots\s+of|a\s+lot\s+of|plenty\s+of)\s+(?:[\w-]+\s+)?"
    r"(?:firms?|compan(?:y|ies)|employers?|business(?:es)?)\s+"
    r"(?:are\s+|is\s+)?(?:hiring|recruiting|looking\s+for)\b"
    r"|\bwho(?:'s|\s+is|\s+are)\s+hiring\b"
    r"|\bfor\s+(?:myself|ourselves)\b|\b(?:i'?m|i\s+am|we'?re|we\s+are|are)\s+(?:both\s+)?unemployed\b"
    r"|\b(?:needs?|wants?|asked|told)\s+me\s+to\b"
    r"|\bi\s+(?:want|would\s+like|'d\s+like|need|have)\s+to\s+(?:retrain|learn|study|become|get\s+trained)\b",
    re.IGNORECASE,
)
#: a firm that says what it is, then that it hires: "we're a bakery in Bilbao hiring 2 bakers"
_FIRM_THAT_HIRES = re.compile(
    r"^\W*(?:(?:hi|hello|hey)\b\W*)?(?:we['\u2019]re|we\s+are)\s+an?\s+[^,.;!?]{1,60}?\b(?:hiring|recruiting)\b",
    re.IGNORECASE,
)
#: what a firm says of the need it posted: "my need", "the need we posted", "our job ad", a reference,
#: "we found people, withdraw it"
_POSTED_NEED = re.compile(
    r"\b(?:the|my|our|this|that|a|your|skills?|posted|saved)\s+needs?\b|\bposted\b|\breference\b|\bsecret\b"
    r"|\bwithdraw\w*|\bfound\s+(?:people|someone|staff|them)\b"
    r"|\b(?:vacanc(?:y|ies)|job\s+(?:ads?|adverts?|postings?|offers?)|adverts?|listings?)\b",
    re.IGNORECASE,
)
COMPANY_WORDS = 8  # "Steirische Maschinenbau und Anlagentechnik GmbH & Co KG" is seven
#: a company's legal form, dotted ("S.L.", "S.p.A.", "sp. z o.o.") or as written ("GmbH")
_LEGAL = (
    r"(?:\b(?i:s\.\s?(?:l|a|coop|p\.\s?a|r\.\s?l|a\.\s?s)|[bn]\.\s?v|e\.\s?u|sp\.\s?z\s?o\.\s?o)\.?"
    r"|\b(?:GmbH|AG|KG|OG|SE|Ltd\.?|LLC|Inc\.?|SL|SLU|SA|SAU|SAS|SRL|Srl|BV|NV|AB|Oy|ApS))"
)
_LEGAL_FORM = re.compile(_LEGAL + r"\W*$")  # ending a name
#: a legal form inside an answer, with a second joined to it ("GmbH & Co. KG")
_LEGAL_FORM_IN = re.compile(_LEGAL + r"(?:\s*&\s*Co\.?\s*" + _LEGAL + r")?(?=\W|$)")
#: words before a name that are no part of it: "sorry, I mean …", "it's …", "our company is called …"
_NAME_LEAD = re.compile(
    r"^\W*(?:(?:sorry|oops|oh|no)\b\W*)?(?:i\s+meant?\s+|it'?s\s+|it\s+is\s+|the\s+(?:company\s+)?name\s+is\s+"
    r"|the\s+company\s+is\s+|(?:our|my)\s+(?:company|firm)\s+is\s+(?:called\s+)?|we'?re\s+called\s+|called\s+)",
    re.IGNORECASE,
)
#: a town a message names, capitalised, after "in", "near", "at" or "from" ("in Kapfenberg", "from Graz", "in 8600 Bruck")
_NAME_WORD = r"[A-ZÄÖÜ][a-zäöüß][\w'-]*"  # "Kapfenberg", not "TIG" nor "PLC"
_TOWN_NAMED = re.compile(
    rf"\b(?:in|near|at|around|from)\s+((?:\d{{4,5}}\s+)?{_NAME_WORD}(?:\s+(?:(?:an der|am|an|bei|im|ob)\s+)?{_NAME_WORD})*)"
)
#: words that name an answer of the summary, the more specific first ("company size", "contact e-mail")
_FIELD_WORDS = (
    (names.CONTACT_EMAIL, r"e-?mail"),
    (names.COMPANY_SIZE, r"size|how (?:big|large)"),
    (names.NEED_PEOPLE, r"people|number|how many|head ?count"),
    (names.NEED_BY_WHEN, r"when|date|deadline"),
    (names.NEED_MODE, r"mode|online|in[- ]person|blended|hybrid|format"),
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
#: a firm's reason to withdraw that names people but no change of their number ("we found 3 people")
_FOUND = re.compile(r"\bfound\s+(?:[\w-]+\s+){0,2}?(?:people|persons|someone|somebody|staff|them|workers)\b")
#: a deadline dropped: "remove the deadline", "delete the date", "there is no deadline anymore"
_NO_LONGER_DUE = re.compile(r"\b(?:remove|delete|drop|clear|cancel|without|no|any)\b")
#: a count the firm no longer needs, which is no new number: "we no longer need *6* people, only 3"
_NOT_NEEDED_COUNT = re.compile(
    rf"\b(?:no\s+longer|don'?t|do\s+not|not)\s+need\s+(?:the\s+)?(?:{_ONE_COUNT})\b", re.IGNORECASE
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
    """micro / small / medium / large from a word or a head count ("about 40 people"); the count
    said of staff wins over other numbers ("2 plants and about 300 employees" was micro)."""
    lowered = text.strip().lower()
    for size, pattern in _SIZE_WORDS.items():
        if re.search(pattern, lowered):
            return size
    staff = _STAFF_COUNT.search(lowered)
    count = max(_count(said) for said in staff.group("count", "upper") if said) if staff else parse_people(lowered)
    if count is None:
        return None
    return next((size for bound, size in _SIZE_BOUNDS if count < bound), "large")


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
    electricians"), so the form need not ask; ``None`` when no count is followed by people.
    Why so strict: "someone with 10 years of experience" or "one of our lines" name no count."""
    found = _COUNTED_PEOPLE.search(text)
    return _people(found) if found else None


#: how a deadline is said in a need: "by …", "before …", or none at all ("asap", "no rush")
_BY = r"\b(?:by|before|until|till|no later than)\s+"
_NO_DATE = r"\bno (?:deadline|rush)\b|\bas soon as possible\b|\basap\b"
#: a deadline said in a need, to its end: "by March", "before the end of June", "by 1 March 2027", "asap"
_DEADLINE_SAID = re.compile(
    rf"{_BY}(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:next\s+|this\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?)?"
    rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))}|\w+day|week|month|year|spring|summer|autumn|fall|winter"
    rf"|q[1-4]|christmas|[\d./-]+)\b(?:\s+\d{{4}}\b)?|{_NO_DATE}",
    re.IGNORECASE,
)


#: a firm's words for its own people and for training them, which name no skill of the need:
#: "upskill our staff in PLC programming" added *manage staff*, "new hires" *train employees*,
#: "train 4 *of our mechanics* in welding" the skill *mechanics*
_FIRM_WORDS = re.compile(
    r"\b(?:our|my|the|their)\s+(?:own\s+|current\s+|existing\s+)?(?:staff|team|employees|workers|people|workforce|colleagues|crew)\b"
    r"|\bof\s+(?:our|my|their)\s+(?:own\s+|current\s+|existing\s+)?[\w-]+"
    r"|\bnew\s+(?:hires?|staff|employees|recruits)\b|\b(?:up|re)skill\w*|\bretrain\w*|\btrain(?:ing|ed|s)?\b"
    r"|\b(?:staff|employees|personnel)\b",
    re.IGNORECASE,
)


def without_firm_words(text: str) -> str:
    """``text`` with the firm's words for its people and for training them blanked, its length kept."""
    return _FIRM_WORDS.sub(lambda found: " " * len(found.group()), text)


def without_deadline(text: str) -> str:
    """``text`` with the deadline it says blanked, its length kept ("5 electricians in Graz        ").
    Why: "… by March" read as talk of plans to the recogniser, and the need named nothing."""
    return _DEADLINE_SAID.sub(lambda found: " " * len(found.group()), text)


def without_count(text: str) -> str:
    """``text`` with the count of people it names blanked, its length kept ("we need   welders").

    Why: the recogniser reads a word after a number as a quantity ("5 minutes" are no skill), so
    "3 welders" named neither the role nor its skills; the positions it gives stay those of ``text``.
    """
    found = _COUNTED_PEOPLE.search(text)
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
    return _COUNT_PHRASES.get(said) or _in_words(said)


def _in_words(said: str) -> int:
    """ "three hundred" → 300, "two thousand and fifty" → 2050, "twenty-five" → 25, "a dozen" → 12:
    a scale multiplies the count before it (one when none is said), and a thousand closes a part."""
    total = part = 0
    for word in re.findall(r"[a-z]+", said):
        if word in _SCALES:
            part = (part or 1) * _SCALES[word]
            if word == "thousand":
                total, part = total + part, 0
        else:
            part += NUMBER_WORDS.get(word, 0)  # "a", "an", "and" add nothing
    return total + part


def _plain(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: as people type the same words."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def need_clause(text: str) -> str | None:
    """The words in which a firm states its need, to the end of the message ("we need 3 welders in
    Kapfenberg"; in "we're a machining shop with 250 employees and we need 6 welders" only what
    follows the "and", so the employees are not the people needed); ``None`` when it states none."""
    found = _NEED_STATED.search(text)
    return text[found.start("firm") :] if found else None


def states_need_surely(text: str) -> bool:
    """True when a message states a firm's need past doubt, in the firm's voice ("we", "our
    company"): hiring, training its staff, or a count of people ("we need 3 welders"). Not "we are
    looking for a welding course" (a worker's, maybe), not "my company is hiring welders" (a
    worker's employer), and never from a worker who looks for work (:func:`seeks_work`)."""
    if seeks_work(text):
        return False
    if _FIRM_THAT_HIRES.search(text):
        return True
    found = _NEED_STATED.search(text)
    if found is None or found.group("mine"):
        return False
    stated = found.group("hiring") or found.group("upskilling")
    # "we need nurses" (no count) had opened the worker's journey (QA9)
    return bool(stated) or people_named(text[found.start("firm") :]) is not None or bool(
        _PEOPLE_NEEDED.match(text[found.end() :])
    )


def seeks_work(text: str) -> bool:
    """True when a worker speaks of finding work or asks which firms hire ("I'm looking for a job,
    are any firms hiring CNC operators?"). Why: hiring named by a worker read as a firm's need, and
    the worker got the firm's welcome."""
    return _SEEKS_WORK.search(text) is not None


def names_posted_need(text: str) -> bool:
    """True when a message is about a need a firm posted: it names the need ("my need", "the need
    we posted"), a job ad, a reference or the secret, withdraws ("we found people, withdraw it"),
    or it is a button's payload ("/firm_manage").
    Why: "wait, I need to change my skills" read as viewing a need and asked a worker for its reference."""
    return text.startswith("/") or _POSTED_NEED.search(text) is not None or reference_in(text) is not None


def company_named(text: str) -> bool:
    """True when a short message ends in a company's legal form ("Mecanizados Ibaizabal S.L.").
    Why: the dots read as small talk or out of scope to the classifier, and the name was refused."""
    return len(text.split()) <= COMPANY_WORDS and _LEGAL_FORM.search(text.strip()) is not None


def company_in(text: str) -> tuple[str, str] | None:
    """The company's name an answer gives with its legal form, and what it says after it
    ("Stahlwerk Nord GmbH in Kapfenberg, metalworking" → "Stahlwerk Nord GmbH", "in Kapfenberg,
    metalworking"), without words before it ("sorry, I mean Müller & Söhne KG"); None without a
    legal form. Why: the rest was read as a need, and the town as the company's name."""
    found = _LEGAL_FORM_IN.search(text)
    if found is None:
        return None
    name = _NAME_LEAD.sub("", text[: found.end()]).strip(" ,;:-")
    return (name, text[found.end() :].strip(" ,;:-")) if name and len(name.split()) <= COMPANY_WORDS else None


NAME_WORDS = 5  # "Dr. Maria Theresia von Huber" is five
#: a word of a person's name: "Lisa", "Huber-Schmid", "O'Brien", "J.", "Dr."
_PERSON_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\.?,?")
#: words of a name that are written in lower case: "von Huber", "van der Berg", "da Silva"
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "zu", "bin", "al", "el"})
#: words of a sentence, never of a name: the off-topic lines the classifier is right about
_SENTENCE_WORDS = frozenset({
    "i", "i'm", "im", "me", "my", "you", "your", "we", "our", "us", "it", "it's", "its", "is", "are", "am", "was",
    "the", "a", "this", "that", "what", "what's", "whats", "who", "how", "why", "where", "which", "there",
    "here", "and", "or", "but", "not", "no", "yes", "ok", "okay", "please", "thanks", "thank", "hi", "hello",
    "hey", "bye", "to", "of", "for", "on", "with", "about", "tell", "joke", "weather", "today", "tomorrow",
    "like", "want", "need", "help", "nothing", "nobody", "anyone", "someone", "lol", "haha",
})  # fmt: skip


def person_named(text: str) -> bool:
    """True when an answer is a person's name past doubt: a few words of letters, none a word
    of a sentence, capitalised ("Lisa Hofer", "Sunday Adeyemi", "Dr. Eva Huber-Schmid") or a
    first and last name typed in lower case ("lisa hofer"). Why: the classifier takes such names
    for small talk or out of scope, and the contact person's name was refused as off-topic."""
    words = text.split()
    if not 1 <= len(words) <= NAME_WORDS or not all(_PERSON_WORD.fullmatch(word) for word in words):
        return False
    bare = [word.lower().rstrip(".,") for word in words]
    if _SENTENCE_WORDS.intersection(bare):
        return False
    capitalised = all(word[0].isupper() or low in _NAME_PARTICLES for word, low in zip(words, bare, strict=True))
    return capitalised or len(words) >= 2


def no_name(text: str) -> bool:
    """True when an answer to "who should we contact?" is surely no person's name: a question, a
    word of a sentence ("yes"), or the firm's words for its people ("new hires"). Why: they were
    stored as the contact person."""
    words = {word.lower().strip(".,;:!") for word in text.split()}
    return "?" in text or bool(_SENTENCE_WORDS & words) or _FIRM_WORDS.search(text) is not None


def without_name_lead(text: str) -> str:
    """A name without the words before it ("it's Acme" → "Acme")."""
    return _NAME_LEAD.sub("", text).strip()


def town_named(text: str) -> str | None:
    """The town a need names ("3 welders in Kapfenberg"), unless the words name a month or a
    language ("in March", "in German"); to be looked up, it may name none."""
    for found in _TOWN_NAMED.finditer(text):
        name = found.group(1)
        if name.split()[0].lower() not in MONTHS and name.lower() not in parsing.LANGUAGES:
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
    people", "Nothing, thanks"), or other words ("we found people, withdraw it", "change the date").
    A field named is a change of it, though said with "no longer need", "remove" or "delete"
    ("we no longer need 6 people, only 3", "remove the deadline"): they had asked to withdraw."""
    lowered = _plain(text)
    if lowered in names.MANAGE_ACTIONS:
        return lowered
    change = parse_manage_change(lowered)
    if re.search(r"\bwithdraw\w*", lowered) or (change is None and _WITHDRAW.search(lowered)):
        return names.MANAGE_WITHDRAW
    if change is not None:
        return change[0]
    return names.MANAGE_DONE if _DONE.search(lowered) else None


def parse_manage_change(text: str) -> tuple[str, object | None] | None:
    """The change of a saved need a message asks for: the manage action of the field it names and
    the new value it says, None when it says none ("change the number of people to 12" → people,
    12; "remove the deadline" → by_when, any; "change the date" → by_when, None); None when it
    names no field ("we found someone" names no number of people)."""
    lowered = _plain(text)
    field = field_named(_FOUND.sub(" ", lowered), tuple(_MANAGED))
    if field is None:
        return None
    action = _MANAGED[field]
    return action, _new_value(action, lowered)


def _new_value(action: str, lowered: str) -> object | None:
    """The new value of a saved need's field said in a change request, or None."""
    if action == names.MANAGE_PEOPLE:
        counts = list(_COUNT.finditer(_NOT_NEEDED_COUNT.sub(" ", _FOUND.sub(" ", lowered))))
        return _people(counts[-1]) if counts else None  # "6 people, only 3": the last one said
    if action == names.MANAGE_MODE:
        return parse_need_mode(lowered)
    said = re.search(r"\b(?:to|should be|is now|becomes|by)\s+(\S.*)$", lowered)
    dated = parse_by_when(said.group(1)) if said else None
    return dated or (names.ANY if _NO_LONGER_DUE.search(lowered) else parse_by_when(lowered))


_UPSKILLING = re.compile(
    r"\b(?:upskill\w*|reskill\w*|(?:train|training for|retrain)\s+(?:our|my)\s+(?:own\s+)?"
    r"(?:staff|team|people|workers|employees))\b",
    re.I,
)


#: how a firm says no to what follows: "not online", "no new hires", "we don't want to hire", "we're not hiring"
_NO_BEFORE = (
    r"\b(?:not|no|never|without|don'?t|do\s+not|doesn'?t|does\s+not|won'?t|will\s+not)\s+"
    r"(?:(?:want|need|plan|intend|going|looking)(?:\s+to)?\s+)?(?:any\s+|an?\s+)?"
)
#: ... or to what it follows: "online is not possible for them", "online won't work"
_NO_AFTER = (
    r"\s+(?:(?:is|are|would\s+be|will\s+be)\s+(?:not|impossible|out\s+of\s+the\s+question)"
    r"|isn'?t|aren'?t|won'?t|wouldn'?t|doesn'?t|does\s+not|can'?t|cannot)\b"
)
_ONLINE = r"online|remote(?:ly)?|e-?learning|virtual(?:ly)?|distance\s+learning|from\s+home"
_IN_PERSON = r"in[-\s]person|classroom|on[-\s]?site|face[-\s]to[-\s]face|in\s+class"
_BLENDED = r"blended|hybrid|mixed"
_HIRE = r"hir(?:e|es|ing)|recruit\w*|new\s+(?:hires|people|staff|workers|employees)"
_HIRING = re.compile(rf"\b(?:{_HIRE})\b", re.I)
_UPSKILL = (
    r"upskill\w*|reskill\w*|(?:re)?train(?:ing)?(?:\s+(?:our|my)\s+(?:own\s+|current\s+|existing\s+)?"
    r"(?:staff|team|people|workers|employees))?"
)


def _said_no_to(text: str, term: str) -> tuple[str, bool]:
    """``text`` with what it says no to of ``term`` blanked, and whether it says no to it.
    Why: "not online, in person please" was read as either mode, "we're not hiring" as new hires."""
    said = re.compile(rf"{_NO_BEFORE}(?:{term})\b|\b(?:{term}){_NO_AFTER}", re.IGNORECASE)
    blanked = said.sub(lambda found: " " * len(found.group()), text)
    return blanked, blanked != text


def _other_than(refused: tuple[bool, bool], options: tuple[str, str]) -> str | None:
    """Of two options, the one not refused when just one of them is ("no online" is in person)."""
    return options[refused[0]] if refused[0] != refused[1] else None


def parse_kind(text: str) -> str | None:
    """new_hires or upskilling; a kind said no to is the other ("we're not hiring", "not new
    hires, our own people" are upskilling)."""
    lowered = text.strip().lower()
    if lowered in (names.KIND_NEW_HIRES, names.KIND_UPSKILLING):
        return lowered
    lowered, no_hiring = _said_no_to(lowered, _HIRE)
    lowered, no_upskilling = _said_no_to(lowered, _UPSKILL)
    if _HIRING.search(lowered):
        return names.KIND_NEW_HIRES
    if re.search(r"\b(upskill\w*|current|existing|our (own )?(staff|team|people|workers)|train)", lowered):
        return names.KIND_UPSKILLING
    return _other_than((no_hiring, no_upskilling), (names.KIND_NEW_HIRES, names.KIND_UPSKILLING))


def parse_by_when(text: str, today: date | None = None) -> str | None:
    """An ISO date, or ``any`` for no deadline, read as :func:`parsing.parse_start` reads a start:
    "now" is today; "by June", "by Q3", "by spring" the first day of that time (people trained by
    then are ready when it begins; today when it is under way), "by the end of June", "by the end
    of the year" its last day; a day past ("2020-01-01", "yesterday") or impossible is ``None``,
    asked again: a deadline in the past makes no sense."""
    if re.search(r"\b(no deadline|no rush|open)\b", text.lower()):
        return names.ANY
    return parsing.parse_start(text, today or date.today())


def kind_stated(text: str) -> str | None:
    """The kind of need a sentence about it states past doubt; None otherwise. Why: the kind
    question's own words ("current", "train") name no kind in a whole sentence ("3 welders for
    our current project")."""
    text = _said_no_to(_said_no_to(text, _HIRE)[0], _UPSKILL)[0]  # "we're not hiring, we want to upskill …"
    hiring, upskilling = bool(_HIRING.search(text)), bool(_UPSKILLING.search(text))
    if hiring == upskilling:
        return None
    return names.KIND_NEW_HIRES if hiring else names.KIND_UPSKILLING


#: where a sentence states a need's deadline: "we're hiring 5 electricians *by March*"
_DEADLINE = re.compile(rf"{_BY}\S|{_NO_DATE}", re.I)


def deadline_stated(text: str, today: date | None = None) -> str | None:
    """The deadline a sentence about a need states, as :func:`parse_by_when` reads it; None when
    it states none. Why: the whole sentence is no answer to "by when?" ("open positions" is no
    "open" deadline, and "we need welders now" no deadline of today)."""
    said = deadline_words(text)
    return parse_by_when(said, today) if said else None


def deadline_words(text: str) -> str | None:
    """The words from which a sentence states a deadline ("actually we need them by May" → "by
    May"); None when it states none."""
    said = _DEADLINE.search(text)
    return text[said.start() :] if said else None


#: what parts a message that changes several fields at the summary: "change the date to
#: 2027-05-01 and the people to 8"
_CHANGES_APART = re.compile(r"\s*(?:[,;]|\band\b|\balso\b)\s*", re.IGNORECASE)
#: the firm's town said in a change: "no, the firm is in Leoben", "we're based in Graz"
_TOWN_SAID = re.compile(rf"(?i:\b(?:is|are|'re|based|located|situated)\s+(?:in|near)\s+){_NAME_WORD}")


def fields_changed(text: str) -> list[tuple[str, str]]:
    """The summary's fields a message changes, each with the words that change it: ("no, the firm
    is in Leoben" → town; "change the date to 2027-05-01 and the people to 8" → the date, "change
    the date to 2027-05-01", and the people, "the people to 8"); words that name no field go with
    the field before them ("the skills to welding and cutting"). Why: one field was read from the
    whole message ("in Leoben" became the company's name, 2027 the number of people)."""
    clauses, at = [], 0
    for apart in _CHANGES_APART.finditer(text):
        clauses.append((at, apart.start()))
        at = apart.end()
    clauses.append((at, len(text)))
    changes: list[tuple[str, int, int]] = []
    for start, end in clauses:
        field = _field_changed(text[start:end])
        if field is not None and field not in {changed[0] for changed in changes}:
            changes.append((field, start if changes else 0, end))
        elif changes:
            changes[-1] = (changes[-1][0], changes[-1][1], end)
    return [(field, text[start:end].strip()) for field, start, end in changes]


def _field_changed(clause: str) -> str | None:
    """The field one part of a change names: a town said of the firm is its town (the "firm" made
    it the company), a deadline said of the need its date ("we need them by May" changed the skills)."""
    if _TOWN_SAID.search(clause):
        return names.FIRM_TOWN
    field = field_named(clause)
    return names.NEED_BY_WHEN if field in (None, names.NEED_SKILLS) and _DEADLINE.search(clause) else field


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


def parse_need_mode(text: str) -> str | None:
    """in_person / online / blended, or ``any``; a mode said no to is the other ("no online
    please", "online is not possible for them", "in-person, not online" are in person)."""
    lowered = text.strip().lower()
    lowered, no_online = _said_no_to(lowered, _ONLINE)
    lowered, no_in_person = _said_no_to(lowered, _IN_PERSON)
    if re.search(r"\b(blended|hybrid|mixed|both)\b", _said_no_to(lowered, _BLENDED)[0]):
        return names.MODE_BLENDED
    mode = parsing.parse_mode(lowered)
    other = _other_than((no_online, no_in_person), (names.MODE_ONLINE, names.MODE_IN_PERSON))
    return other if other and mode in (None, names.ANY) else mode
