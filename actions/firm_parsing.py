"""Typed answers of the firm journey → slot values (pure functions, no engine, no I/O).

Buttons send canonical values (``choice``), which every parser accepts as they are.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from actions import languages_said, names, parsing, texts
from actions.dates import MONTHS
from actions.firm_counts import people_changed_by, people_now, people_said_last, without_replaced
from skills_catalog.ecosystems import ecosystems_named

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
#: "train 4 *of our mechanics* in welding" the skill *mechanics*, "3 *vacancies* for welders"
#: *job market offers*
_FIRM_WORDS = re.compile(
    r"\b(?:our|my|the|their)\s+(?:own\s+|current\s+|existing\s+)?(?:staff|team|employees|workers|people|workforce|colleagues|crew)\b"
    r"|\bof\s+(?:our|my|their)\s+(?:own\s+|current\s+|existing\s+)?[\w-]+"
    r"|\bnew\s+(?:hires?|staff|employees|recruits)\b|\b(?:up|re)skill\w*|\bretrain\w*|\btrain(?:ing|ed|s)?\b"
    r"|\b(?:open\s+)?(?:positions|vacancies|openings)\b"
    r"|\b(?:staff|employees|personnel)\b",
    re.IGNORECASE,
)


#: what a firm can pay, which names no skill: "Budget max 3000 per head" put *manage budgets* into the
#: need (QA12); "budget is around 2000 euro per person", "we can pay up to €500 each"
_PER = r"(?:\s*(?:per|a|each|/)\s*(?:head|person|participant|employee|trainee|worker|people|seat)\b|\s*each\b)?"
_MONEY = re.compile(
    r"\b(?:(?:our|the|a|with\s+a|and\s+a)\s+)?(?:budgets?|prices?|costs?|fees?|pay|spend|afford)\b[^.;!?\n\d]{0,30}"
    rf"\d[\d.,]*\s*(?:k\b|€|eur(?:os?)?\b)?{_PER}"
    rf"|(?:€\s*\d[\d.,]*|\d[\d.,]*\s*(?:€|eur(?:os?)?\b)){_PER}",
    re.IGNORECASE,
)


def without_money(text: str) -> str:
    """``text`` with what the firm says it can pay blanked, its length kept: a budget, price or cost
    is no skill of the need."""
    return _MONEY.sub(lambda found: " " * len(found.group()), text)


def without_firm_words(text: str) -> str:
    """``text`` with the firm's words for its people and for training them blanked, its length kept."""
    return _FIRM_WORDS.sub(lambda found: " " * len(found.group()), text)


def without_deadline(text: str) -> str:
    """``text`` with the deadline it says blanked, its length kept ("5 electricians in Graz        ").
    Why: "… by March" read as talk of plans to the recogniser, and the need named nothing."""
    return _DEADLINE_SAID.sub(lambda found: " " * len(found.group()), text)


def _plain(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: as people type the same words."""
    return " ".join(text.lower().replace("\u2019", "'").split())


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
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "zu", "bin", "al", "el"}
)
#: words of a sentence, never of a name: the off-topic lines the classifier is right about
_SENTENCE_WORDS = frozenset({
    "i", "i'm", "im", "me", "my", "you", "your", "we", "our", "us", "it", "it's", "its", "is", "are", "am", "was",
    "the", "a", "this", "that", "what", "what's", "whats", "who", "how", "why", "where", "which", "there",
    "here", "and", "or", "but", "not", "no", "yes", "ok", "okay", "please", "thanks", "thank", "hi", "hello",
    "hey", "bye", "to", "of", "for", "on", "with", "about", "tell", "joke", "weather", "today", "tomorrow",
    "like", "want", "need", "help", "nothing", "nobody", "anyone", "someone", "lol", "haha",
})  # fmt: skip


#: an answer that says the firm does not know it ("dunno", "not sure yet", "no idea"): at the town's
#: question "dunno" was read as the town Duno (QA13b)
_UNSURE = re.compile(
    r"^\W*(?:(?:i|we)\s+)?(?:dunno|don'?t know|do not know|not sure|unsure|no idea|idk|no clue|can'?t say)"
    r"(?:\s+(?:yet|really|sorry|tbh))*\W*$",
    re.IGNORECASE,
)


def unsure(text: str) -> bool:
    """True when an answer says only that the firm does not know it."""
    return _UNSURE.match(text) is not None


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
    capitalised = all(
        word[0].isupper() or low in NAME_PARTICLES for word, low in zip(words, bare, strict=True)
    )
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
        if name.split()[0].lower() not in MONTHS and name.lower() not in languages_said.LANGUAGES:
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
        return _unnamed_change(lowered)
    action = _MANAGED[field]
    return action, _new_value(action, lowered)


def parse_manage_changes(text: str) -> tuple[list[tuple[str, object | None]], bool]:
    """Every change of a saved need a message asks for, one per field, the later value of a field
    winning ("we need them by february now, and 3 people instead of 2": both), and whether it asks
    for more than this form changes ("… and also a cnc programmer"). Why: one change was read
    from the whole message, and the rest lost."""
    changes: dict[str, object | None] = {}
    other = False
    for clause in filter(str.strip, _CHANGES_APART.split(text)):
        change = parse_manage_change(clause)
        if change is not None and (change[1] is not None or change[0] not in changes):
            changes[change[0]] = change[1]
        elif change is None and parse_manage_action(clause) is None:
            other = other or _FILLER.sub(" ", without_replaced(clause)).strip() != ""  # "instead of 2": none
    return list(changes.items()), other


#: words beside a change that ask for nothing more: "ok", "please", "actually … now, thanks"
_FILLER = re.compile(
    r"\b(?:ok(?:ay)?|please|pls|thanks?|thank you|yes|yeah|hi|hello|so|well|then|actually|now|too|as well"
    r"|that'?s (?:all|it)|and|also|but|just|only)\b|[^\w\s]",
    re.I,
)


def _unnamed_change(lowered: str) -> tuple[str, object | None] | None:
    """A change of a saved need said without naming its field: a deadline ("we now need them by
    February"), a number of people ("we need three now") or a change of it ("add one more person",
    whose new number the need's own gives); None for none."""
    said = deadline_words(lowered)
    if said is not None:
        return names.MANAGE_BY_WHEN, parse_by_when(said)
    if people_changed_by(lowered) is not None:
        return names.MANAGE_PEOPLE, None
    people = people_now(lowered)
    return None if people is None else (names.MANAGE_PEOPLE, people)


def _new_value(action: str, lowered: str) -> object | None:
    """The new value of a saved need's field said in a change request, or None (a change of the
    number of people by some, "add 2 more people", is counted from the need's own)."""
    if action == names.MANAGE_PEOPLE:
        if people_changed_by(lowered) is not None:
            return None
        return people_said_last(_FOUND.sub(" ", lowered))  # "6 people, only 3": 3
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
    if _HIRING.search(lowered) or re.fullmatch(r"\W*(?:new|new ones|hiring new)\W*", lowered):  # "new" (QA12)
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
_TOWN_SAID = re.compile(
    rf"(?i:\b(?:(?:is|are|'re|based|located|situated)\s+(?:(?:actually|now|really|still|also)\s+)*(?:in|near)"
    rf"|moved\s+to)\s+){_NAME_WORD}"
)


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


def parse_need_mode(text: str) -> str | None:
    """in_person / online / blended, or ``any``; a mode said no to is the other ("no online
    please", "online is not possible for them", "in-person, not online" are in person). In person
    or blended is in person, which takes blended courses too (``models.modes_suiting``): stored as
    blended, it took online courses as well (QA13b)."""
    lowered = text.strip().lower()
    lowered, no_online = _said_no_to(lowered, _ONLINE)
    lowered, no_in_person = _said_no_to(lowered, _IN_PERSON)
    if re.search(r"\b(blended|hybrid|mixed|both)\b", _said_no_to(lowered, _BLENDED)[0]):
        in_person_too = re.search(rf"\b(?:{_IN_PERSON})\b", lowered) and not re.search(rf"\b(?:{_ONLINE})\b", lowered)
        return names.MODE_IN_PERSON if in_person_too else names.MODE_BLENDED
    mode = parsing.parse_mode(lowered)
    other = _other_than((no_online, no_in_person), (names.MODE_ONLINE, names.MODE_IN_PERSON))
    return other if other and mode in (None, names.ANY) else mode
