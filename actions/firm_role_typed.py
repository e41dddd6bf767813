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
from actions.firm_people_words import names_a_person

#: how a firm says it will hire: "want to hire", "our plant wants to hire", "we're planning to recruit"
HIRE_VERB = (
    r"(?:wants?|plans?|planning|intends?|looking|would\s+like|['\u2019]d\s+like)\s+to\s+"
    r"(?:hire|recruit|employ|take\s+on)"
)
#: how a need is said before its role: "we need", "we're hiring", "our bakery in Graz needs",
#: "looking for", "need urgently"
_LEAD = re.compile(
    r"^\W*(?:(?:we|i|(?:our|my)\s+[^.;!?\n]{1,60}?)(?:\s+(?:are|am|r|is)|['\u2019](?:re|m))?\s+)?"
    r"(?:(?:still|also|urgently|really)\s+)?"
    rf"(?:need(?:s|ed)?|hiring|recruiting|looking\s+for|searching\s+for|seeking|{HIRE_VERB}"
    r"|requires?)\b(?:\s+urgently)?",
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
#: words of a sentence, never of a title: "we want to upskill …" was the role *we want*
_PRONOUNS = frozenset({"i", "we", "you", "they", "it", "us", "our", "my", "your", "their"})
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
    fits = 1 <= len(title) <= _ROLE_WORDS and all(
        re.fullmatch(r"[^\W\d_][\w'-]*", w) and w.lower() not in _PRONOUNS for w in title
    )
    return title if fits else []


def _label(title: list[str]) -> str | None:
    """A title's label, singular and in lower case (acronyms kept), when it names a person."""
    title = [*title[:-1], _singular(title[-1])]
    head = title[-1].lower().rsplit("-", 1)[-1]  # "sous-chef"
    if not names_a_person(head):
        return None
    return " ".join(word if word.isupper() else word.lower() for word in title)


def _singular(word: str) -> str:
    """A plural as people write job titles: bakers, nannies, midwives, salesmen, waitresses."""
    lowered = word.lower()
    for plural, single in (("ies", "y"), ("wives", "wife"), ("men", "man"), ("sses", "ss"), ("ches", "ch")):
        if lowered.endswith(plural) and len(lowered) > len(plural) + 1:
            return word[: -len(plural)] + single
    return word[:-1] if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")) else word
