"""Who the cluster contacts about a need: a person's name and e-mail as firms type them.

Why a module: the contact question gets anything but a name ("yes", "new hires", the firm's own
town, "cloud engineers", "welding"), and addresses come wrapped in words and markup.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import names, services
from actions.firm_parsing import no_name, person_named
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


def contact_ahead(text: str, tracker: Tracker) -> Slots:
    """The contact person's e-mail, or first and last name, typed before their questions, where not
    given yet; {} for neither. Why: "Giulia Rossi" or "giulia@rossi.it" at the ecosystem's question
    were refused, and asked for later (QA13b). A single word is no name here ("Bergamo", "Other")."""
    told: Slots = {}
    email = email_in(text)
    name = " ".join(EMAIL_IN.sub(" ", text).strip(" ,;:-–<>()").split()) if email else text.strip()
    if (
        not tracker.get_slot(names.CONTACT_NAME)
        and len(name.split()) >= 2
        and person_named(name)
        and not no_contact(name, tracker)
    ):
        told[names.CONTACT_NAME] = name
    if email and not tracker.get_slot(names.CONTACT_EMAIL):
        told[names.CONTACT_EMAIL] = email.lower()
    return told
