"""Where a message states a firm's need, and whether it surely is a firm's: the NLU guard's
reading of a first message, and the form's reading of the need in it.

Pure functions of the text. Apart from ``firm_parsing`` because a firm's opener comes in many
shapes ("we need 3 welders", "we're a carpentry shop in Weiz and need 1 or 2 carpenters",
"Hi, we run a hotel in Bilbao and are looking for 3 cooks") and a worker's words must not pass
for one ("I'm looking for a job, are any firms hiring CNC operators?").
"""

from __future__ import annotations

import re

from actions.firm_codes import reference_in
from actions.firm_counts import people_follow, people_named
from actions.firm_role_typed import HIRE_VERB, roles_typed

_OURS = (
    r"(?:company|firm|factory|team|staff|workers|shop|plant|business|clinic|hospital|care\s+home|"
    r"nursing\s+home|hotel|restaurant|bakery|workshop|site|office|mill|farm|lab|laboratory|warehouse|"
    r"store|salon|garage|kitchen|practice|agency|department|organi[sz]ation|cooperative|coop|start-?up|"
    r"bank|school|college|university|institute|kindergarten|nursery|pharmacy|studio|cafe|caf\u00e9|bar|pub|"
    r"brewery|winery|dairy|dealership|group|corporation|enterprise|cent(?:er|re)|foundation|association|"
    r"consultancy|shipyard|yard|division|branch|subsidiary|unit)"
)
# "my company" is also how a worker names an employer: it never states a need past doubt. Up to
# three words before the noun and a place after it: "our food production staff need", "our care
# home in Bruck an der Mur needs" (they had been read as staff commands, the need lost)
_FIRM = (
    rf"(?:we|we['\u2019]re|we\s+are|(?:our|(?P<mine>my))\s+(?:[\w-]+\s+){{0,3}}?{_OURS}"
    r"(?:\s+(?:in|at|near)\s+[^,.;!?]{1,40}?)?(?:\s+is|\s+are)?)"
)
#: where a firm states its need: "we need …", "we're hiring …", "our company is looking for …",
#: "we want to train our staff …", "we also need …" (it stated no need, QA13b), at the start or
#: after a clause ("we're a machining shop in Bilbao with 250 employees and we need …")
_NEED_STATED = re.compile(
    r"(?:^|[,.;:!?]|\b(?:and|so|but)\b)\W*(?:(?:hi|hello|hey|so|well|actually|ok|okay)\b\W*)?"
    rf"(?P<firm>{_FIRM})\s+(?:(?:also|still|now|really|urgently|additionally)\s+)?(?:(?P<hiring>hiring|recruiting)"
    r"|(?P<upskilling>(?:wants?|needs?|would\s+like|'d\s+like)\s+to\s+(?:train|upskill|reskill|retrain)"
    r"\s+(?:[\w-]+\s+){0,3}?our)"
    r"|(?P<posts>ha(?:ve|s)(?=\s+(?:[\w-]+\s+){0,4}?(?:positions|vacancies|openings)\b))"
    rf"|needs?|requires?|looking\s+for|searching\s+for|seeking|{HIRE_VERB})\b",
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
#: how a firm says what it is before its need: "we're a bakery", "we run a hotel", "I own a salon"
_INTRO = (
    r"(?:we['\u2019]?re|we\s+are|we\s+r|(?:we|i)\s+(?:run|own|have|operate|manage)"
    r"|i['\u2019]?m\s+the\s+owner\s+of|i\s+am\s+the\s+owner\s+of)\b"
)
_GREETING = r"(?:(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))\b\W*)?"
#: a first message's opening up to what the firm is: "Hi, we're ", "I run "
_INTRO_LEAD = re.compile(rf"\W*{_GREETING}{_INTRO}\s*", re.IGNORECASE)
#: how a need is said without its "we": "need", "are looking for", "hiring"
_NEED_VERB = (
    r"(?P<need>(?P<hiring>hiring|recruiting)|needs?|requires?|looking\s+for|searching\s+for|seeking"
    rf"|{HIRE_VERB})\b"
)
#: a firm that says what it is, then its need without a second "we": "we're a carpentry shop in
#: Weiz and need 1 or 2 carpenters", "we run a hotel in Bilbao and are looking for 3 cooks", "we're
#: a bakery in Bilbao hiring 2 bakers" (the need was lost: no "we" stated it)
_NEED_AFTER_INTRO = re.compile(
    rf"(?:^|[.;:!?\n])\W*{_GREETING}{_INTRO}[^.;!?\n]{{1,80}}?"
    r"(?:,\s*|\s+)(?:and\s+|so\s+)?(?:we\s+)?(?:are\s+|'re\s+|also\s+)?" + _NEED_VERB,
    re.IGNORECASE,
)
#: a need said without a "we" at a sentence's start: "Small metalworking firm in Kapfenberg here.
#: Need 2 welders by June"
_NEED_BARE = re.compile(rf"(?:^|[.;:!?\n])\W*{_GREETING}(?:urgently\s+)?" + _NEED_VERB, re.IGNORECASE)
#: what a firm says of the need it posted: "my need", "the need we posted", "our job ad", a reference,
#: "we found people, withdraw it". "Posted", "reference" and "secret" only as said of a need: the
#: company "Posted Elsewhere", the contact "Lisa Reference" had asked for a need's reference
_POSTED_NEED = re.compile(
    r"\b(?:the|my|our|this|that|a|your|skills?|posted|saved)\s+needs?\b"
    r"|\b(?:we|i|you|we'?ve|i'?ve|already|just|have|has|had|was|were|been)\s+posted\b"
    r"|\bposted\s+(?:an?|the|our|my|it|this|that|last|yesterday|earlier|before|on|in)\b"
    r"|\b(?:the|my|our|its|this|that|your|an?|need'?s)\s+(?:reference|secret)\b"
    r"|\b(?:reference|secret)\s+(?:number|code|is|was|of|for|and)\b|^\W*(?:reference|secret)\W*$"
    r"|\bwithdraw\w*|\bfound\s+(?:people|someone|staff|them)\b"
    r"|\b(?:vacanc(?:y|ies)|job\s+(?:ads?|adverts?|postings?|offers?)|adverts?|listings?)\b",
    re.IGNORECASE,
)


def need_clause(text: str) -> str | None:
    """The words in which a firm states its need, to the end of the message ("we need 3 welders in
    Kapfenberg"; in "we're a machining shop with 250 employees and we need 6 welders" only what
    follows the "and", so the employees are not the people needed; "need 1 or 2 carpenters" of
    "we're a carpentry shop in Weiz and need 1 or 2 carpenters"); ``None`` when it states none."""
    found = _need_found(text)
    return text[found[1] :] if found else None


def without_need_lead(text: str) -> str:
    """``text`` with the words that state its need blanked, its length kept: "our company needs"
    of "our company needs 12 data analysts", "we need" of "TIG welding, we need them by May".
    Why: they read as skills of the need: *evaluate company needs*, *recruit employees* ("our
    firm is hiring …")."""
    found = _need_found(text)
    if found is None:
        return text
    start, end = found[1], found[0].end()
    return text[:start] + " " * (end - start) + text[end:]


def firm_intro(text: str) -> str | None:
    """What a firm says it is before stating its need, without its "we're" ("a small bakery, " of
    "Hi, we're a small bakery, we need a baker"; "Huber GmbH from Graz and " of "we are Huber GmbH
    from Graz and need 2 welders"; "a joinery in Weiz. " of "we are a joinery in Weiz. Looking for
    2 carpenters"); None when a message opens otherwise."""
    found = _need_found(text)
    intro = text[: found[1]] if found else ""
    lead = _INTRO_LEAD.match(intro)
    return intro[lead.end() :] if lead else None


def _need_found(text: str) -> tuple[re.Match[str], int] | None:
    """The first statement of a need in ``text`` and where its words start ("we need …", "need …")."""
    found = [(m, m.start("firm")) for m in [_NEED_STATED.search(text)] if m]
    found += [(m, m.start("need")) for m in (_NEED_AFTER_INTRO.search(text), _NEED_BARE.search(text)) if m]
    return min(found, key=lambda pair: pair[1], default=None)


def states_need_surely(text: str) -> bool:
    """True when a message states a firm's need past doubt, in the firm's voice ("we", "our
    company", or what the firm is: "we run a hotel and need …"): hiring, training its staff, or
    people ("we need 3 welders", "we need nurses"). Not "we are looking for a welding course" (a
    worker's, maybe), not "my company is hiring welders" (a worker's employer), and never from a
    worker who looks for work (:func:`seeks_work`). Without a "we" ("need 2 welders by June") only
    a count of people is sure: "looking for electrician courses" may be a worker's."""
    found = None if seeks_work(text) else _need_found(text)
    if found is None or found[0].groupdict().get("mine"):
        return False
    match, start = found
    if people_named(text[start:]) is not None:
        return True
    if match.re is _NEED_BARE:
        return False
    # "we need nurses" (no count) had opened the worker's journey (QA9); after what the firm is, one
    # person does too: "I run a small hair salon in Leoben and need a hairdresser" had not
    person = firm_intro(text) is not None and bool(roles_typed(text[start:]))
    return (
        bool(match.group("hiring") or match.groupdict().get("upskilling") or match.groupdict().get("posts"))
        or people_follow(text[match.end() :])
        or person
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
