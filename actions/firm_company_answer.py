"""A sector or a skill typed where the company's name was asked for: not taken as the name.

Why: "renewable energy", "logistics" or "health care" at the company question were stored as the
company's name (and the sector asked for later). A name that holds such words ("Mur Valley
Logistics", "Green Energy Solutions") is a name; so is any answer the firm says is one ("the name
is Logistics", "we're called “Solar”").
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, services, texts
from actions.common import latest_text
from actions.firm_parsing import unsure
from actions.form_answers import Slots
from skills_catalog.ecosystems import ecosystems_named

#: words around a sector that name none and no company either: "the health care sector"
_FILLER = frozenset({
    "the", "a", "an", "we", "we're", "are", "do", "in", "our", "sector", "industry", "industries", "field",
    "area", "care", "services", "work", "trade", "and", "mostly", "mainly", "it's", "is", "it", "of",
})  # fmt: skip
#: the words for a firm itself, fillers too: "a renewable energy company"
_FIRM_ITSELF = re.compile(r"\b(?:compan(?:y|ies)|firms?|business(?:es)?)\b", re.IGNORECASE)
#: how a firm says that what it typed is its name: "the name is …", "we're called …", quotes
_SAID_AS_NAME = re.compile(r"\b(?:name|named|called)\b|[\"“„'‘«][^\"“”'‘’»]+[\"”'’»]", re.IGNORECASE)
_SURE = 0.8  # a skill or job read in all of an answer this surely is no company's name ("welding")
#: the words of a reply that is no name at all: "ok" was stored as the company's name (QA13b)
_REPLY_WORDS = frozenset({
    "ok", "okay", "k", "sure", "yes", "yeah", "yep", "yup", "no", "nope", "nah", "fine", "alright", "right",
    "thanks", "thank", "you", "cool", "great", "good", "hmm", "hm", "um", "uh", "so", "well",
})  # fmt: skip


def not_a_name(name: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots | None:
    """The slots for an answer to the company's question that is a reply ("ok"), a sector ("renewable
    energy": its sector is noted when it names one only) or a skill or job ("welding") rather than a
    name, after saying so (and how to give it as the name all the same); None for a name."""
    if _SAID_AS_NAME.search(latest_text(tracker)):
        return None
    # also none: "?!"; nor "dunno", which was stored as the company's name (QA13c)
    if {word.lower() for word in re.findall(r"[\w']+", name)} <= _REPLY_WORDS or unsure(name):
        dispatcher.utter_message(text=texts.COMPANY_UNCLEAR)
        return {names.COMPANY: None}
    insist = firm_texts.COMPANY_INSIST.format(typed=name)
    sectors = sector_named(name)
    if sectors:
        one = len(sectors) == 1 and not tracker.get_slot(names.ECOSYSTEM)
        sector = texts.ECOSYSTEM_TITLES.get(sectors[0], sectors[0]) if one else ""
        noted = firm_texts.COMPANY_SECTOR_NOTED.format(sector=sector) if one else ""
        dispatcher.utter_message(text=firm_texts.COMPANY_IS_SECTOR.format(noted=noted, insist=insist))
        return {names.COMPANY: None, **({names.ECOSYSTEM: sectors[0]} if one else {})}
    if _skill_or_job(name):
        dispatcher.utter_message(text=firm_texts.COMPANY_IS_SKILL.format(insist=insist))
        return {names.COMPANY: None}
    return None


def sector_named(text: str) -> tuple[str, ...]:
    """The ecosystems an answer names when it is only a sector's words ("renewable energy", "health
    care", "civil engineering"); () when a word of it is neither a sector's nor a filler: a name's
    own ("Mur Valley Logistics", "Green Energy Solutions")."""
    named = ecosystems_named(text)
    words = re.findall(r"[\w'&-]+", _FIRM_ITSELF.sub(" ", text))
    for at, word in enumerate(words):
        if word.lower() in _FILLER or ecosystems_named(word):
            continue
        if ecosystems_named(" ".join(words[:at] + words[at + 1 :])) == named:
            return ()  # the word names nothing of it: "Mur", "Solutions"
    return named


def _skill_or_job(text: str) -> bool:
    """True when all of ``text`` surely names a skill or a job ("welding", "PLC programming",
    "electricians"); "Welding Solutions" or "Solar Tech" hold one but say more."""
    engine, typed = services.engine(), text.strip()
    found = [
        *engine.recognise_skills(typed, top=1, claimed=False),
        *engine.recognise_occupations(typed, top=1),
    ]
    return any(m.score >= _SURE and m.start <= 0 and m.end >= len(typed) for m in found)
