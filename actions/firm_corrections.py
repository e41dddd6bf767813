"""Corrections a firm types in the need form: at the summary, or beside another question's answer.

Pure functions of the text and the slots (no engine, no store); the form validates each new
value as its own question's answer (``ValidateFirmNeedForm._changed_to``).
"""

from __future__ import annotations

import re
from datetime import date

from rasa_sdk import Tracker

from actions import firm_texts, names, texts
from actions.common import latest_choice
from actions.firm_counts import headcount, people_changed_by
from actions.firm_parsing import deadline_words, fields_changed, town_named
from skills_catalog.explain import day

#: a field's new value said with its name: "change the company name *to Hofer KG*", "the date
#: *should be April*", "no, the e-mail is wrong, *it's p.mayr@…*" ("the town is wrong" says none)
_NEW_VALUE = re.compile(
    r"\b(?:to|should be|is|are|becomes|it'?s|it\s+is)\s+(?!wrong\b|incorrect\b|not\b|bad\b)(\S.*)$", re.I
)
#: at the summary: words that drop the need (only these cancel it), that save it, that say it is wrong
CANCEL = re.compile(
    r"\b(?:cancel\w*|discard|scrap|abort|don'?t save|do not save|forget (?:it|this|the need))\b", re.I
)
#: a clear confirmation: a word that saves said as a request ("ok save it", "please send it", "yes,
#: submit"), or one of approval opening the answer ("perfect, thanks"); "save" said in a sentence is
#: none ("what happens after I save?" had saved the need)
SAVE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|yes|yep|sure|great|perfect|fine|good|then|so|please|pls|now|alright|right)\W+)*"
    r"(?:(?:go ahead and|you can|let'?s|please|(?:i|we)'?d like to|(?:i|we) want to)\s+)?(?:save|send|submit|post)\b"
    r"|^\W*(?:perfect|great|good|fine|correct|right|looks (?:good|fine|right)"
    r"|all (?:good|correct|right)|that'?s (?:right|correct|fine|it)|ok(?:ay)?|yes|yep|sure)\b(?!.*\b(?:but|except)\b)",
    re.I,
)
#: a question, which never saves: it is answered, and the summary shown again
QUESTION = re.compile(
    r"\?|^\W*(?:and\s+|so\s+|but\s+|ok(?:ay)?\W+)?(?:what|how|when|who|whom|whose|why|where|which"
    r"|(?:will|would|can|could|do|does|did|is|are|should|shall|may)\s+(?:i|we|you|it|they|this|that|there|my|our|the)\b)",
    re.I,
)
#: a question about what saving does: "what happens after I save?", "and then?", "what's next?"
AFTER_SAVE = re.compile(r"\b(?:happens?|next|then|after(?:wards)?|later|what now|follow)\b", re.I)
NOT_SAVE = re.compile(r"\b(?:don'?t|do not|not yet|never)\b", re.I)
WRONG = re.compile(r"\b(?:no|nope|not|wrong|incorrect|mistake|error)\b", re.I)
#: fields whose validators read a whole sentence ("we'd rather do it in person", "it's eva@x.at")
_READ_WHOLE = (names.NEED_PEOPLE, names.NEED_MODE, names.NEED_KIND, names.CONTACT_EMAIL)
#: the questions beside whose answer another of the need's short answers may be corrected or
#: given ahead ("the deadline end of april, and make it 14 people"); free-text questions (the
#: company, the contact) are left alone, where a name may hold a field's word
ASIDE_AT = (names.NEED_PEOPLE, names.NEED_KIND, names.NEED_BY_WHEN, names.NEED_MODE)
#: the questions at which a change of the need kept ("actually we need 4 welders, not 2") is taken as
#: one and the question asked again: every one but the need's own and the number of people's, which
#: such an answer answers
NEED_CHANGED_AT = (
    names.FIRM_CONSENT, names.COMPANY, names.FIRM_TOWN, names.ECOSYSTEM, names.COMPANY_SIZE,
    names.CONTACT_NAME, names.CONTACT_EMAIL, names.NEED_KIND, names.NEED_BY_WHEN, names.NEED_MODE,
)  # fmt: skip


def changes_at_summary(text: str, tracker: Tracker) -> list[tuple[str, str]]:
    """The answers the firm wants to change at the summary, each with the words that change it: a
    field's button (offered after Change), fields it names in words ("the skills", "Number of
    people"), or a change of the number of people alone ("make it 2 fewer", "two less": they got
    "Please tap Save, Change or Cancel")."""
    if latest_choice(tracker) is not None:
        return (
            [(text, text)] if tracker.get_slot(names.FIRM_CHANGING) and text in names.FIRM_CHANGEABLE else []
        )
    changes = fields_changed(text)
    if not changes and people_changed_by(text) is not None:
        return [(names.NEED_PEOPLE, text)]
    return changes


def asides(text: str, asked: str) -> list[tuple[str, str]]:
    """The need's short answers a message gives beside the one ``asked`` ("hmm, actually make it
    14 people and the deadline end of april" at the deadline question: the 14 had been dropped)."""
    return [(field, words) for field, words in fields_changed(text) if field in ASIDE_AT and field != asked]


def value_said(field: str, text: str, tracker: Tracker) -> str:
    """The new value of ``field`` a correction says, as its question's answer; "" for none. A town
    said of the firm ("the firm is in Leoben"), a deadline said of the need ("we need them by
    May") and a change of the number of people ("add 2 more people") count too."""
    typed = latest_choice(tracker) is None
    people = tracker.get_slot(names.NEED_PEOPLE)
    by = people_changed_by(text) if typed and field == names.NEED_PEOPLE else None
    if by and isinstance(people, int):
        return str(people + by)
    said = _NEW_VALUE.search(text)
    if field == names.FIRM_TOWN and typed:
        return town_named(text) or (said.group(1) if said else "")
    if field in _READ_WHOLE and typed:
        # the only address in it ("no, the email is wrong, it's p.mayr@…" asked for it); "blended
        # is best" is blended, not "best"
        return text
    if said:
        return said.group(1)
    if field == names.NEED_BY_WHEN and typed:
        return deadline_words(text) or ""
    return ""


def noted(field: str, value: object) -> str:
    """A value taken beside another answer, in words ("14 people"), to say it back."""
    if field == names.NEED_PEOPLE:
        return headcount(int(str(value)))
    if field == names.NEED_KIND:
        return "new hires" if value == names.KIND_NEW_HIRES else "upskilling"
    if field == names.NEED_MODE:
        return f"training {firm_texts.MODE_WORDS.get(str(value), texts.ANY_MODE)}"
    return by_when_words(str(value))


def by_when_words(by_when: str | None, today: date | None = None) -> str:
    """A deadline as the firm reads it: "by 30 Apr 2027" (as cards say dates: the summary had
    "by 2027-03-01"), "no deadline", or "as soon as possible" for today (what "asap" is stored as:
    it read "by 2026-12-07", the day it was said)."""
    if by_when in (None, names.ANY):
        return texts.NO_DEADLINE
    if str(by_when) <= (today or date.today()).isoformat():
        return texts.ASAP
    return texts.BY_DATE.format(date=day(date.fromisoformat(str(by_when))))
