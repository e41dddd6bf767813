"""A job title the taxonomy does not list, read as the firm typed it: "we need 2 bakers" → "baker".

Why: on a taxonomy without bakers, "we need bakers" was a dead end: the need was refused at its
question ("I couldn't match that …"), and lost from the message that opened the form. A role
typed so is kept with no URI (``skills_catalog.needs`` takes a label alone), saved as typed,
matched to no offer, and listed to staff among the unmet needs.

Pure functions of the text. Strict on purpose: only words that name a person ("bakers", "a
florist", "2 nannies") are a role; "good vibes" or "3 laptops" are none, and are asked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.firm_counts import ONE_COUNT

#: how a need is said before its role: "we need", "we're hiring", "our bakery in Graz needs",
#: "looking for", "need urgently"
_LEAD = re.compile(
    r"^\W*(?:(?:we|i|(?:our|my)\s+[^.;!?\n]{1,60}?)(?:\s+(?:are|am|r|is)|['\u2019](?:re|m))?\s+)?"
    r"(?:(?:still|also|urgently|really)\s+)?"
    r"(?:need(?:s|ed)?|hiring|recruiting|looking\s+for|searching\s+for|seeking|want\s+to\s+hire"
    r"|would\s+like\s+to\s+hire|requires?)\b(?:\s+urgently)?",
    re.IGNORECASE,
)
#: where the role's words end: a clause about them, the place, the deadline ("bakers *in Graz*")
_END = re.compile(
    r"[,;:.!?()\n]|\s(?:who|that|which|with|for|to|by|before|until|till|in|near|at|from|asap|as\s+soon"
    r"|starting|start|on|per|each|please|urgently|now|and|or|plus|&)\b",
    re.IGNORECASE,
)
#: how many, or an article: "2", "1 or 2", "a couple of", "some", "an"
_HOW_MANY = re.compile(
    rf"^(?:(?:{ONE_COUNT})(?:\s*(?:-|–|to|or)\s*(?:{ONE_COUNT}))?|an?|one|the|some|several|a\s+few|few|many)\s+",
    re.IGNORECASE,
)
#: words of quality before a role, no part of its title: "experienced bakers"
_QUALITY = re.compile(
    r"^(?:(?:experienced|qualified|skilled|good|trained|certified|reliable|motivated|young|new|more"
    r"|additional|extra|full[- ]time|part[- ]time)\s+)+",
    re.IGNORECASE,
)
#: endings of words for people who do a job: baker, florist, technician, assistant, agent
_PERSON_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|maid)$")
#: people named by a title without such an ending
_PERSONS = frozenset({
    "chef", "cook", "nurse", "mechanic", "barista", "nanny", "carer", "caregiver", "midwife", "maid",
    "housekeeper", "porter", "cleaner", "guard", "mason", "aide", "pilot", "surgeon", "medic", "tiler",
    "joiner", "welder", "butcher", "machinist", "roofer", "plumber", "glazier", "dentist", "vet", "tailor",
})  # fmt: skip
#: words with those endings that name no person ("we need a new *computer*"), or anyone at all
#: ("3 *people*", "staff"): the need's question asks for the role then
_NO_ROLE = frozenset({
    "offer", "order", "number", "computer", "printer", "paper", "water", "power", "answer", "letter",
    "container", "trailer", "meter", "center", "quarter", "folder", "other", "partner", "customer",
    "supplier", "server", "router", "scanner", "heater", "boiler", "register", "cluster", "filter",
    "sensor", "motor", "monitor", "tractor", "generator", "reactor", "factor", "sector", "elevator",
    "calculator", "error", "floor", "door", "colour", "color", "interior", "client", "event", "talent",
    "percent", "moment", "payment", "environment", "tenant", "plant", "restaurant", "department",
    "component", "document", "shipment", "equipment", "investment", "content", "agreement", "student",
    "people", "person", "persons", "staff", "worker", "employee", "colleague", "someone", "somebody",
    "anyone", "anybody", "hand", "help", "team", "manpower", "personnel", "trainee", "apprentice",
})  # fmt: skip
_ROLE_WORDS = 3  # "night shift baker", "pastry chef", "forklift driver"


@dataclass(frozen=True)
class RoleTyped:
    """A job title as typed: its label (singular, lower case) and where its words are in the text."""

    label: str
    start: int
    end: int


def roles_typed(text: str) -> list[RoleTyped]:
    """The job titles a need names in words, in order: "we need 2 bakers in Graz" → *baker*, "a
    pastry chef and two waiters" → *pastry chef*, *waiter*; [] when the words name no person
    ("good vibes", "3 people", "a new computer")."""
    at = len(text) - len(_LEAD.sub("", text, count=1))
    roles: list[RoleTyped] = []
    for part in re.split(
        r"\s*(?:,|;|\band\b|\bplus\b|&|\bas\s+well\s+as\b)\s*", text[at:], flags=re.IGNORECASE
    ):
        written = _title_of(part)
        found = re.search(r"\s+".join(map(re.escape, written)), text[at:]) if written else None
        label = _label(written) if found else None
        if found and label and label not in {role.label for role in roles}:
            roles.append(RoleTyped(label, at + found.start(), at + found.end()))
        at += found.end() if found else 0
    return roles


def _title_of(words: str) -> list[str]:
    """The words of the title one part of a need opens with ("2 experienced bakers in Graz" → bakers)."""
    words = _HOW_MANY.sub("", words.strip(), count=1)  # before the end: "1 *or* 2 carpenters"
    title = _QUALITY.sub("", _END.split(words + " ", maxsplit=1)[0].strip(), count=1).split()
    fits = 1 <= len(title) <= _ROLE_WORDS and all(re.fullmatch(r"[^\W\d_][\w'-]*", w) for w in title)
    return title if fits else []


def _label(title: list[str]) -> str | None:
    """A title's label, singular and in lower case (acronyms kept), when it names a person."""
    title = [*title[:-1], _singular(title[-1])]
    head = title[-1].lower().rsplit("-", 1)[-1]  # "sous-chef"
    if head in _NO_ROLE or len(head) < 4 or not (head in _PERSONS or _PERSON_ENDING.search(head)):
        return None
    return " ".join(word if word.isupper() else word.lower() for word in title)


def _singular(word: str) -> str:
    """A plural as people write job titles: bakers, nannies, midwives, salesmen, waitresses."""
    lowered = word.lower()
    for plural, single in (("ies", "y"), ("wives", "wife"), ("men", "man"), ("sses", "ss"), ("ches", "ch")):
        if lowered.endswith(plural) and len(lowered) > len(plural) + 1:
            return word[: -len(plural)] + single
    return word[:-1] if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")) else word
