"""Who the cluster contacts about a need: a person's name and e-mail as firms type them.

Why a module: the contact question gets anything but a name ("yes", "new hires", the firm's own
town, "cloud engineers", "welding"), and addresses come wrapped in words and markup.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import names, services
from actions.firm_parsing import NAME_PARTICLES, company_in, no_name, person_named
from actions.firm_role_typed import roles_typed
from actions.form_answers import Slots
from actions.nlu_guard import name_with_command
from skills_catalog.needs import EMAIL, EMAIL_ADDRESS

#: markup in a name or an address ("<script>…", "<b>john</b>@acme.com"): refused, as a name has none
MARKUP = re.compile(r"[<>]")
#: an e-mail address inside a longer answer
EMAIL_IN = re.compile(EMAIL_ADDRESS)


def email_in(text: str) -> str | None:
    """The one e-mail address an answer gives, as typed around it: "it's eva@x.at", "Eva Hofer
    <eva@x.at>", "eva@x.at." (they were refused); None for none, two, or markup ("<b>john</b>@acme.com")."""
    text = text.strip().rstrip(".")
    if EMAIL.match(text):
        return text
    found = EMAIL_IN.findall(text)
    rest = EMAIL_IN.sub(" ", text).replace("< >", " ")
    return found[0].rstrip(".") if len(found) == 1 and not MARKUP.search(rest) else None


_ROLE_SURE = 0.8  # a plural read as a job title this surely is no person's name ("cloud engineers")


def no_contact(name: str, tracker: Tracker) -> bool:
    """True when an answer to the contact question is no person: a yes, a question, the firm's
    words for its people, its own company or town, or job titles ("yes", "new hires", "Graz",
    "cloud engineers" were stored as the contact person). A name with a command word in it is a
    name ("Help Martinez" had been refused for its "help")."""
    if (no_name(name) and not name_with_command(name)) or name.lower() in {
        str(tracker.get_slot(s) or "").lower() for s in (names.COMPANY, names.FIRM_TOWN)
    }:
        return True
    roles = services.engine().recognise_occupations(name, top=1) if name.endswith("s") else []
    if roles and roles[0].score >= _ROLE_SURE:
        return True
    if name.islower() and name.endswith("s") and roles_typed(name):
        return True  # "bakers": a job title the taxonomy lacks
    # a skill typed in lower case, no name: "welding" was stored as the contact person (QA9)
    skills = services.engine().recognise_skills(name, top=1) if name.islower() else []
    return bool(skills) and skills[0].score >= _ROLE_SURE


#: the contact person named within an answer: "about 40 people, *contact Anna Huber*, anna@…"
_CONTACT_SAID = re.compile(
    r"\b(?:contact(?:\s+person)?|ask\s+for|speak\s+to)(?:\s+is|\s*:)?\s+(?P<name>[^\W\d_][^,;:<>()@\d]*)",
    re.IGNORECASE,
)


def contact_ahead(text: str, tracker: Tracker) -> Slots:
    """The contact person's e-mail, or first and last name, typed before their questions, where not
    given yet; {} for neither. Why: "Giulia Rossi" or "giulia@rossi.it" at the ecosystem's question
    were refused, and asked for later (QA13b). A single word is no name here ("Bergamo", "Other"),
    nor anything but surely a person's (:func:`surely_person`); a name said after "contact" is read
    from a longer answer ("about 40 people, contact Anna Huber, anna@…" kept neither, QA13c)."""
    told: Slots = {}
    email = email_in(text)
    said = _CONTACT_SAID.search(text)
    rest = said.group("name") if said else EMAIL_IN.sub(" ", text) if email else text
    name = " ".join(rest.strip(" ,;:-–<>().").split())
    if not tracker.get_slot(names.CONTACT_NAME) and len(name.split()) >= 2 and surely_person(name, tracker):
        told[names.CONTACT_NAME] = name
    if email and not tracker.get_slot(names.CONTACT_EMAIL):
        told[names.CONTACT_EMAIL] = email.lower()
    return told


def surely_person(name: str, tracker: Tracker) -> bool:
    """True when words typed where no name was asked are surely a person's name: written as a name
    (every word capitalised), with no legal form and no command word. Why: "Stahlbau Huber GmbH" and
    "more results" at the ecosystem's question were kept as the contact person, and the contact's
    question then skipped (QA13c)."""
    capitalised = all(word[:1].isupper() or word.lower() in NAME_PARTICLES for word in name.split())
    return (
        capitalised
        and person_named(name)
        and company_in(name) is None
        and not name_with_command(name)
        and not no_contact(name, tracker)
    )
