"""Words that name people in a firm's need: "12 data *analysts*", "2 *nannies*", "one *welder*".

Why one module: the count of a need (``firm_counts``) and a job title kept as typed
(``firm_role_typed``) read the same words, and their two lists drifted apart: "analysts" was
people to neither, so "we need 12 data analysts in Munich" lost its 12 (the form asked "How many
people?") and "our company needs 12 data analysts" was no firm's need at all.
"""

from __future__ import annotations

import re

#: endings of words for people who do a job: baker, tutor, florist, analyst, technician,
#: assistant, agent, salesman, chairwoman, salesperson, chambermaid
ENDING = r"(?:er|or|ist|yst|ian|ant|ent|man|woman|person|maid)"
#: job titles without such an ending
TITLES = frozenset({
    "chef", "cook", "nurse", "mechanic", "barista", "nanny", "carer", "caregiver", "midwife", "maid",
    "housekeeper", "porter", "cleaner", "guard", "mason", "aide", "pilot", "surgeon", "medic", "paramedic",
    "tiler", "joiner", "welder", "butcher", "machinist", "roofer", "plumber", "glazier", "dentist", "vet",
    "tailor", "analyst", "architect", "clerk", "coach", "secretary", "actuary", "waitress", "hostess",
    "stewardess", "tech", "dev", "rep", "admin", "executive", "representative", "graduate", "physio",
    "deputy", "concierge", "chauffeur", "valet", "sre",
})  # fmt: skip
#: people counted who name no job: "3 people", "2 new hires" (the need's question asks for the role)
PEOPLE = frozenset({
    "person", "worker", "employee", "colleague", "hand", "trainee", "apprentice", "intern", "student", "hire",
})  # fmt: skip
_UNCOUNTABLE = "people|staff|personnel"
#: words for anyone at all, never counted and no role: "we need someone", "more manpower"
ANYONE = frozenset({"someone", "somebody", "anyone", "anybody", "help", "team", "manpower", "talent"})
#: words with a person's ending that name something else ("a new *computer*", "our 4 *restaurants*",
#: "one *after* the other") or people a firm does not need ("we serve 300 *customers*")
NOT_PEOPLE = frozenset({
    "offer", "order", "number", "computer", "printer", "paper", "water", "power", "answer", "letter",
    "container", "trailer", "meter", "center", "centre", "quarter", "headquarter", "folder", "other",
    "another", "server", "router", "scanner", "heater", "boiler", "register", "cluster", "filter", "sensor",
    "motor", "monitor", "tractor", "generator", "reactor", "factor", "sector", "elevator", "calculator",
    "error", "floor", "door", "colour", "color", "interior", "event", "percent", "moment", "payment",
    "environment", "plant", "restaurant", "department", "component", "document", "shipment", "equipment",
    "investment", "content", "agreement", "after", "under", "over", "either", "neither", "together",
    "later", "never", "ever", "rather", "whether", "better", "major", "minor", "prior", "poor", "want",
    "current", "recent", "urgent", "different", "important", "permanent", "relevant", "excellent",
    "customer", "client", "supplier", "partner", "tenant", "patient", "resident", "visitor", "user",
    "competitor", "investor",
})  # fmt: skip


def plural(word: str) -> str:
    """A job title's plural as people write it: bakers, nannies, midwives, salesmen, coaches."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith("fe"):
        return word[:-2] + "ves"
    if word.endswith("man"):
        return word[:-3] + "men"
    hissing = word.endswith(("s", "sh", "x")) or (word.endswith("ch") and not word.endswith("tech"))
    return word + ("es" if hissing else "s")


def _either(words: frozenset[str]) -> str:
    """An alternation of ``words``, the longest first."""
    return "|".join(sorted(words, key=len, reverse=True))


_NOT_COUNTED = NOT_PEOPLE | ANYONE
#: people in the plural, after a count ("12 data analysts", "3 salesmen", "200 staff"): a title,
#: a word for people, or a word with a person's ending that names no thing
PEOPLE_PLURAL = (
    rf"(?!(?:{_either(frozenset(map(plural, _NOT_COUNTED)))})\b)"
    rf"(?:{_UNCOUNTABLE}|{_either(frozenset(map(plural, TITLES | PEOPLE)))}"
    r"|[a-z]+(?:er|or|ist|yst|ian|ant|ent|maid|person)s|[a-z]*men)\b"
)
#: one person, after "one" or "1" ("one welder", "1 data analyst"): as in the plural, a word with
#: a person's ending having four letters at least ("one *for* the night shift" names none)
PERSON_SINGULAR = (
    rf"(?!(?:{_either(_NOT_COUNTED)})\b)"
    rf"(?:{_either(TITLES | PEOPLE)}|[a-z]{{2,}}{ENDING})\b"
)


def names_a_person(word: str) -> bool:
    """True when a singular word, lower case, names a person who does a job ("baker", "analyst",
    "salesman"), not anyone at all ("people", "staff") nor a thing ("computer", "restaurant")."""
    if word in _NOT_COUNTED or word in PEOPLE or re.fullmatch(_UNCOUNTABLE, word):
        return False
    return word in TITLES or (len(word) >= 4 and re.search(ENDING + "$", word) is not None)
