"""Whose doing a line tells of: someone else's, a thing's, the media's, or the writer's own.

Why: a chat line full of work words may tell of a relative's job ("my husband is a plumber"),
of a service done for the writer ("the physio gave me stretches", "we had the roof fixed"), of a
thing ("the lift in our building has been broken"), or of what the writer saw on the news;
none of these names a skill of the writer's. Yet the writer's own work is often told through
others or things too ("the nurses rely on me", "the tills are my job"), so each cue looks for
the writer in the part of the line it reads. :mod:`recognition_cues` sets these parts aside
with the line's questions, wishes and denials.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache


def lead(words: str) -> str:
    """A pattern opening a clause: any of ``words`` (an alternation) before its subject, with the
    punctuation around them ("and also", "lol, my ..."); each cue lists the words it looks past."""
    return rf"^\W*(?:(?:{words})\W+)*"

#: Where a sentence ends: what runs on over the parts of a line stops there.
SENTENCE_END = re.compile(r"[.!?\n]")

#: People close to the writer, named by what they are to them (or "my boss", "our neighbour").
_PEOPLE = (
    r"(?:brother|sister|son|daughter|father|mother)s?-in-law|step(?:dad|mum|mom|father|mother)s?|husband|wife"
    r"|partner|boyfriend|girlfriend|fianc[eé]e?|ex|sons?|daughters?|kids?|child|children|mum|mom|mother|landlord|landlady"
    r"|eldest|oldest|youngest"
    r"|dad|father|parents?|brothers?|sisters?|cousins?|uncles?|aunts?|nephews?|nieces?|grandma|grandmother"
    r"|grandpa|grandfather|granddad|friends?|mates?|neighbou?rs?|flatmates?|roommates?|colleagues?"
    r"|co-?workers?|boss|manager"
)

#: What may follow "'s" when it stands for "is" or "has" ("my husband's a plumber", "my dad's
#: been a welder"), not for a possessive ("my uncle's farm", "my kids' school").
_VERB_AFTER_S = (
    r"(?:a|an|the|been|got|always|never|not|just|also|still|now|really|very|working|doing|done|in|at|on)\b"
)

#: A clause whose subject is someone close to the writer: "my sister works as a nurse", "also my
#: neighbour drives a truck", "our neighbour's son is a nurse". Not "our" people at work: "our
#: colleagues need forklift training" is a firm.
_SOMEONE_ELSE = re.compile(
    lead(r"and|but|so|well|also|oh|ok|okay|btw|actually|yes|yeah|no|lol|haha|ugh|omg") +
    rf"(?:(?:my|our(?!\s+(?:colleagues?|co-?workers?|boss|manager)\b))\s+(?:{_PEOPLE})(?![\w-])"
    rf"(?:['\u2019]s\s+{_VERB_AFTER_S}|(?!['\u2019]))|(?:{_PEOPLE})['\u2019]s\s+(?:a|an|been)\b)",
    re.IGNORECASE,
)

#: A stretch of text between punctuation: "and" does not end one ("my brother-in-law has a
#: painting and decorating business" is his all along; "my husband and I" is the writer too), nor
#: does the comma or point inside a number ("short of 40,000 nurses").
_PART = re.compile(r"[^.;!?,\s](?:(?:[^.;!?,\n]|(?<=\d)[.,](?=\d))*[^.;!?,\s])?")

#: The writer in the clause after all: "my dad taught me to weld", "my husband's firm, I do the books".
WRITER = re.compile(r"\b(?:i|im|ive|me|myself|we|us)\b", re.IGNORECASE)

#: The writer's own things: a part that names them tells of the writer ("welding is my trade").
_MINE = re.compile(r"\b(?:my|our|(?<!\bof\s)(?:mine|ours))\b", re.IGNORECASE)

#: The writer as an object or an owner ("rely on me", "the round is mine").
_ME = re.compile(r"\b(?:me|us|(?<!\bof\s)mine)\b", re.IGNORECASE)

#: The writer's work named as theirs: "the shop's tills are my job most days".
_MY_WORK = re.compile(
    r"\bmy\s+(?:job|work|role|shifts?|patch|rounds?|side|responsibility|department|section|station|speciality)\b",
    re.IGNORECASE,
)

#: Years spent at something: "from years of tiling floors", "for 6 years".
_HISTORY = re.compile(
    r"\b(?:years?|yrs|decades?)\s+(?:of|as|in|doing)\b|\bfor\s+(?:\d+|a\s+few|many|several|two|three|four|five|six"
    r"|seven|eight|nine|ten|twenty)\s+(?:years?|yrs)\b",
    re.IGNORECASE,
)

#: What others do for the writer as a customer or patient: "gave me", "helped me", "told me",
#: "trims the hedges for us".
_SERVICE_VERBS = frozenset({
    "gave", "give", "gives", "giving", "helped", "help", "helps", "explained", "explains", "told", "tells", "tell",
    "sold", "sells", "charged", "charges", "ripped", "sent", "sends", "fixed", "fixes", "cut", "cuts", "for", "to", "at",
})  # fmt: skip

#: The writer as a subject, or taught: "the patients I look after", "the lads showed me how to weld";
#: not only helped or served ("the pharmacist explained my tablets to me").
_WRITER_DOING = re.compile(
    r"\b(?:i|im|ive|myself|we)\b|\b(?:taught|teach(?:es)?|showed|shows?|trained|trains?|employ(?:s|ed)?|hired?|hires"
    r"|pa(?:y|ys|id)|took|takes?)\s+(?:me|us)\b",
    re.IGNORECASE
)

#: A clause whose subject is "they", "he" or "she": someone else's doing ("they've started building
#: flats next door"), unless the writer is in it ("they pay me to weld").
_THIRD_PERSON = re.compile(
    lead(r"and|but|so|also|then|well|oh|btw|lol|ugh") + r"(?:they|he|she)(?:['\u2019](?:ve|re|ll|d|s))?\b",
    re.IGNORECASE,
)

#: People at work the writer may tell of: "the cleaners at my old office never showed up".
_WORKERS = (
    r"guys?|lads?|staff|people|folks?|team|crew|workers?|employees?|boss(?:es)?|managers?|supervisors?"
    r"|foreman|customers?|clients?|cleaners?|drivers?|builders?|electricians?|plumbers?|mechanics?|nurses?"
    r"|doctors?|teachers?|chefs?|cooks?|waiters?|waitress(?:es)?|carers?|engineers?|technicians?|welders?"
    r"|painters?|decorators?|joiners?|carpenters?|gardeners?|farmers?|porters?|guards?|receptionists?"
    r"|cashiers?|apprentices?|trainees?|students?|man|men|woman|women|lady|ladies|girls?|boys?|patients?"
    r"|residents?|guests?|tenants?|landlords?|pharmacists?|physios?|physiotherapists?|therapists?|translators?"
    r"|interpreters?|dentists?|opticians?|vets?|hairdressers?|barbers?|postm[ae]n|couriers?|officers?|police"
    r"|paramedics?|midwi(?:fe|ves)|surgeons?|gps?|consultants?|inspectors?|surveyors?|agents?|solicitors?|lawyers?"
    r"|accountants?|advis[eo]rs?|coach(?:es)?|trainers?|instructors?|tutors?|lecturers?|caretakers?|bouncers?"
    r"|baristas?|bartenders?|butchers?|bakers?|assistants?|fitters?|installers?|roofers?|tradesm[ae]n"
    r"|colleagues?|co-?workers?|garage|bank|council|helpdesk|kids|children|cats?|dogs?"
)

#: What a course is called: "the forklift course was too expensive" tells of the course.
_COURSES = r"courses?|class(?:es)?|lessons?|exams?|apprenticeships?|training|inductions?|workshops?"

#: People the writer serves or works for or with: when they call on "me" or praise "my" work it
#: tells of the writer's work ("the patients call me when they need their meds", "my foreman reckons
#: my brickwork is the neatest"), as when a provider serves "me" it does not.
_SERVED = re.compile(
    r"^\W*(?:\w+\W+)*?(?:customers?|clients?|patients?|residents?|guests?|tenants?|students?|pupils?|kids|children"
    r"|passengers?|visitors?|diners?|boss(?:es)?|managers?|supervisors?|foreman|foremen|colleagues?|team|crew|lads"
    r"|staff)\b",
    re.IGNORECASE,
)

#: A clause whose subject is such people, named by what they are to the writer's place or
#: work rather than as the writer's relatives ("the electrician who came round was so rude"),
#: or a course ("that excel class was a waste of time").
_THEIRS = re.compile(
    lead(r"and|but|so|also|then|well|oh|btw|honestly|anyway|lol|haha|ugh|omg") + rf"(?:(?:the|those|these|that|this"
    rf"|all\s+the|a|an)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:(?:{_WORKERS})\b(?!['\u2019]s\b)|(?:{_COURSES})\b)|(?:someone|somebody)\b"
    rf"|(?:[\w-]+\s+){{0,2}}?(?:{_WORKERS})\s+(?:just\s+|always\s+|never\s+)?(?:\w+ed|gave|left|did|said|told|came|took"
    rf"|made|got|wants?|keeps?|kept|says|does|thinks?|reckons?|deserves?|knew|knows|tells?|built)\b)",
    re.IGNORECASE,
)

#: What the writer had someone else do: "we had the roof fixed", "I got my boiler serviced";
#: not "done" or "sorted": "I always get my work done on time" is the writer's.
_HAD_DONE = re.compile(
    r"\b(?:had|have|has|having|got|get|gets|getting)\s+(?:the|my|our|a|an|his|her|their|some|all\s+the)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:fixed|repaired|serviced|replaced|installed|redone|mended|painted|rewired|plastered"
    r"|tiled|decorated|fitted|towed|renovated|valeted|inspected|unblocked|looked\s+at)\b"
    r"|\b(?:had|having)\s+(?:the|my|our|a|an|his|her|their|some)\s+(?:[\w'-]+\s+){0,3}?(?:done|tested|checked|cut|seen\s+to"
    r"|examined|removed|taken\s+out)\b"
    rf"|\b(?:had|got|get|getting)\s+(?:(?:a|an|the|some|our|my)\s+)?(?:[\w-]+\s+)?(?:{_WORKERS}|someone|somebody)"
    r"\s+(?:(?:in|round|over|out)\s+)?(?:to\s+)?(?:come|put|fix|do|install|build|paint|check|look|sort|replace|repair|fit"
    r"|clean|service|rewire|plaster|tile|decorate|unblock)\b",
    re.IGNORECASE,
)

#: A topic met in the media: "I watched a documentary about wind turbines" names no skill.
_MEDIA = re.compile(
    r"\b(?:watch(?:ed|ing)?|saw|seen|read|heard|listen(?:ed|ing)?\s+to)\b[^.;!?,]*?\b(?:documentar(?:y|ies)|videos?"
    r"|programmes?|shows?|films?|movies?|articles?|podcasts?|stor(?:y|ies)|news|clips?|tv|telly|facebook|instagram"
    r"|tiktok|youtube|newspapers?|adverts?|ads?|listings?|vacanc(?:y|ies))\b|\b(?:on|in)\s+the\s+(?:news|papers?)\b"
    r"|\b(?:the\s+)?(?:news|papers?)\s+(?:said|says)\b"
    r"|\b(?:read|reading|finished|finishing)\s+(?:a|an|the|this)\s+book\s+(?:about|on)\b"
    r"|\bplaying\s+(?:a|an|the|this|some)?\s*(?:[\w-]+\s+)?(?:game|games|sim|simulator)\b"
    r"|\b(?:school\s+trip|trip|tour|visit|open\s+day)\s+(?:to|at|of|round|around)\b",
    re.IGNORECASE,
)

#: A complaint about a thing or a service, or an opinion: "the canteen food is terrible", "phone
#: lines drive me mad", "self checkouts are taking everyone's jobs imo".
_COMPLAINT = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:so|really|absolutely|just|always|still|totally)\s+)*"
    r"(?:terrible|awful|rubbish|disgusting|horrible|dreadful|a\s+joke|a\s+nightmare|shocking|the\s+worst)\b"
    r"|\b(?:drives?|driving)\s+(?:me|us)\s+(?:mad|crazy|nuts|insane|up\s+the\s+wall)\b|\bshould\s+be\s+banned\b"
    r"|\bimo\b|\bin\s+my\s+(?:honest\s+)?opinion\b",
    re.IGNORECASE,
)

#: What a subject may be when the clause still tells of the writer's work: "my job is welding",
#: "my background is in logistics", "the welding was mostly TIG" (an activity: a word in -ing).
_WORK_SUBJECT = re.compile(
    r"(?:jobs?|work|roles?|position|post|careers?|trades?|skills?|experience|background|special(?:i|t)y|specialism"
    r"|strengths?|expertise|duties|tasks|responsibilit(?:y|ies)|qualifications?|apprenticeship|degree|certificates?"
    r"|licen[cs]es?|cv|resume|profession|occupation|field|area|focus|shifts?|candidate|applicant"
    r"|(?!(?:building|ceiling|clothing|housing|evening|morning|wedding|parking|thing|something|nothing|king|ring"
    r"|spring|string|wing|plumbing|heating|wiring|lighting|flooring)$)[\w-]+ing)$",
    re.IGNORECASE,
)

#: A clause whose subject is a thing or a place, not the writer: "the lift in our building has been
#: broken for a week", "my feed is full of woodwork videos", "the plant is moving production". Not
#: "our": "our website has to work on phones" is a firm's need. The subject's words before any
#: preposition (group 1) are read by :func:`_thing_said_of`.
_THING = re.compile(
    lead(r"and|but|so|also|then|well|oh|btw|honestly|anyway|now|lol|haha|ugh|omg") +
    r"(?:the|my|his|her|their|this|that)\s+"
    r"((?:[\w'-]+\s+){0,4}?)(?:is|are|was|were|has|have|had|keeps?|kept|wants?|wanted|went|goes|broke|died|dies"
    r"|got|gets|said|says|looks?|seems?|needs?|needed|ate|came|comes|made|makes|blew|fell|ran|stopped|started|leaks?"
    r"|leaked|took|gave|did|does|grows?)\b|^\W*(?:the|my|his|her|their|this|that)\s+((?:[\w-]+\s+){0,3}?[\w-]+)['\u2019]s\s+"
    r"(?:at|in|on|been|so|really|full|broken|dead|fried|gone)\b",
    re.IGNORECASE,
)

#: A word naming people: a subject headed by one is no thing ("my students always said ..."); not
#: the places and firms among :data:`_WORKERS` ("the council's bin collection").
_PERSON = re.compile(rf"(?!(?:garage|bank|council|helpdesk)$)(?:{_PEOPLE}|{_WORKERS})$", re.IGNORECASE)

_ADVERB = re.compile(r"(?:always|just|never|really|also|still|all|finally|now|often|usually)$", re.IGNORECASE)

_PREPOSITION = re.compile(r"^(?:in|at|on|of|for|with|from|by|near|next|behind|round|around|outside)$", re.IGNORECASE)


def _thing_said_of(clause: str) -> bool:
    """True when ``clause`` opens with a subject that is neither the writer nor their work
    (:data:`_THING`, :data:`_WORK_SUBJECT`)."""
    found = _THING.match(clause)
    if found is None:
        return False
    head: list[str] = []
    for word in (found.group(1) if found.group(1) is not None else found.group(2)).split():
        if _PREPOSITION.match(word):
            break
        head.append(word.split("'")[0])
    nouns = [word for word in head if not _ADVERB.match(word)]
    return bool(nouns) and not _PERSON.match(nouns[-1]) and not any(_WORK_SUBJECT.match(word) for word in nouns)


def _told_of(
    text: str, subject: re.Pattern[str], writers: Callable[[str], object] = WRITER.search
) -> list[tuple[int, int]]:
    """Ranges of the parts of ``text`` between punctuation that open with ``subject`` and that
    ``writers`` does not find the writer's ("my dad taught me to weld", "the patients I look
    after" are the writer's)."""
    return [(a, b) for a, b in _parts(text) if subject.match(text[a:b]) and not writers(text[a:b])]


def _writers(part: str) -> bool:
    """True when ``part`` tells of the writer's own doing though its subject is someone or
    something else: the writer as a subject or taught (:data:`_WRITER_DOING`), as an object
    not just served ("the builder gets me in for his plastering", "the nurses rely on me"; not
    "the physio gave me stretches"), "mine", "my job" and the like ("the tills are my job"), or
    years of work ("my knees are wrecked from years of tiling floors")."""
    if _WRITER_DOING.search(part) or _MY_WORK.search(part) or _HISTORY.search(part):
        return True
    for found in _ME.finditer(part):
        before = part[: found.start()].split()
        if not before or before[-1].lower() not in _SERVICE_VERBS:
            return True
    return False


def _writers_or_served(part: str) -> bool:
    """:func:`_writers` or :func:`_served_by_writer`: whose subject is at work with the writer."""
    return _writers(part) or _served_by_writer(part)


def _served_by_writer(part: str) -> bool:
    """True when ``part`` tells of people the writer serves calling on them or loving their work
    (:data:`_SERVED`): "the patients call me", "the customers love my coffee"."""
    return _SERVED.match(part) is not None and (WRITER.search(part) or _MINE.search(part)) is not None


def _running_on(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of someone else's doing, each run on over the parts after it in its sentence that
    hold no word of the writer's: "my mates dad is a carpenter, makes gorgeous oak tables", "the
    nurse on my mum's ward was brilliant, so patient"; not "my husband is a plumber, welding is my
    trade"."""
    out = []
    for start, end in spans:
        for a, b in _parts(text):
            if a < end:
                continue
            if SENTENCE_END.search(text, end, a) or WRITER.search(text[a:b]) or _MINE.search(text[a:b]):
                break
            end = b
        out.append((start, end))
    return out


@lru_cache(maxsize=256)
def _parts(text: str) -> tuple[tuple[int, int], ...]:
    """The parts of ``text`` between punctuation (:data:`_PART`), found once for the several cues
    that read them."""
    return tuple((m.start(), m.end()) for m in _PART.finditer(text))


def _holding(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Ranges of the parts of ``text`` between punctuation in which ``pattern`` occurs."""
    return [(a, b) for a, b in _parts(text) if pattern.search(text[a:b])]


def someone_elses(text: str) -> list[tuple[int, int]]:
    """Character ranges of the parts of ``text`` between punctuation that tell of a relative's, friend's or
    colleague's work and not of the writer's, or of work the writer had done by others ("we had
    the roof fixed"): their skills are no skills of the person chatting ("my husband is a
    plumber, I do the books": only the first part)."""
    return _running_on(text, _told_of(text, _SOMEONE_ELSE)) + _holding(text, _HAD_DONE)


def others_doing(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that tell of other people at work, of people serving the
    writer or of a course (:data:`_THEIRS`: "the cleaners never showed up", "the forklift course
    was too expensive", "the pharmacist explained my tablets to me"), of what "they", "he" or
    "she" do, of things (:func:`_thing_said_of`: "the lift has been broken for a week"), of the
    media ("saw a documentary about wind turbines") and complaints about things ("the canteen
    food is terrible"); not where the writer is the doer after all (:func:`_writers`)."""
    spans = _running_on(text, _told_of(text, _THEIRS, _writers_or_served) + _told_of(text, _THIRD_PERSON, _writers))
    spans += _holding(text, _MEDIA) + _holding(text, _COMPLAINT)
    spans += [(a, b) for a, b in _told_of(text, _THING, _writers_or_served) if _thing_said_of(text[a:b])]
    return spans
