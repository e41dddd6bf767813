"""What a firm tells before it is asked: its town, sector and size in a first message or after its
name, and the people, kind and deadline of a need stated ahead of their questions.

Why: "we run a hotel in Bilbao and are looking for 3 cooks" or "Stahlwerk Nord GmbH in Kapfenberg,
metalworking, about 40 staff" answer several questions at once; they were lost, asked again, or
read as something else (the 40 staff as 40 people needed, the town as the company's name).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import firm_texts, names, services, texts
from actions.firm_contact import EMAIL_IN, contact_ahead
from actions.firm_corrections import by_when_words
from actions.firm_counts import headcount, parse_size, people_needed, range_said, staff_size, without_replaced
from actions.firm_need_edits import added_to, need_parts
from actions.firm_need_reading import need_read
from actions.firm_need_said import need_clause
from actions.firm_parsing import company_in, deadline_stated, kind_stated, parse_ecosystem, town_named
from actions.form_answers import Slots, place_named
from skills_catalog.models import Place


def place_slots(place: Place) -> Slots:
    """The slots of the firm's town."""
    return {
        names.FIRM_TOWN: place.name,
        names.FIRM_COUNTRY: place.country,
        names.FIRM_LATITUDE: place.point.lat,
        names.FIRM_LONGITUDE: place.point.lon,
    }


def town_slots(name: str | None) -> Slots | None:
    """The town slots for a town named in passing ("3 welders in Kapfenberg"); None when it names
    none we know: the question asks for it later, with suggestions."""
    place = place_named(name)
    return None if place is None else place_slots(place)


def firm_told(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    town_in: str,
    firm_in: str,
    size_of: Callable[[str], str | None] = parse_size,
    name: str = "",
) -> Slots:
    """The town ``town_in`` names, and the sector and size ``firm_in`` says (read by ``size_of``),
    where not answered yet, with the company's ``name`` when one was read, said back ("Noted:
    Kapfenberg, Energy-intensive industries, small.")."""
    told: Slots = {names.COMPANY: name} if name else {}
    said: list[str] = [name] if name else []
    town = None if tracker.get_slot(names.FIRM_TOWN) or not town_in else town_slots(town_named(town_in))
    if town:
        told.update(town)
        said.append(town[names.FIRM_TOWN])
    sectors = () if tracker.get_slot(names.ECOSYSTEM) or not firm_in else parse_ecosystem(firm_in)
    if len(sectors) == 1:
        told[names.ECOSYSTEM] = sectors[0]
        said.append(texts.ECOSYSTEM_TITLES.get(sectors[0], sectors[0]))
    size = None if tracker.get_slot(names.COMPANY_SIZE) or not firm_in else size_of(firm_in)
    if size:
        told[names.COMPANY_SIZE] = size
        said.append(size)
    if said:
        dispatcher.utter_message(text=texts.ALSO_NOTED.format(noted=", ".join(said)))
    return told


def answered_ahead(
    text: str, tracker: Tracker, dispatcher: CollectingDispatcher, names_too: bool = True, size_too: bool = True
) -> Slots:
    """Answers to the firm's later questions typed at the town's, the ecosystem's or the size's: its
    size told by its staff ("about 120 employees"), the contact person's e-mail and (``names_too``)
    name, where not given yet; said back ("Noted for later: medium, Giulia Rossi."), the question
    then asked again. Why: they were refused ("Please pick one of the 14 ecosystems"), or read as a
    town (QA13b). Without ``size_too`` (the size was the answer) only the contact is read: "about 40
    people, contact Anna Huber, anna@huber.example.at" at the size's question kept neither (QA13c)."""
    size = None if tracker.get_slot(names.COMPANY_SIZE) or not size_too else staff_size(text)
    told: Slots = {names.COMPANY_SIZE: size} if size else {}
    contact = contact_ahead(text, tracker)
    told.update(contact if names_too else {k: v for k, v in contact.items() if k == names.CONTACT_EMAIL})
    if told:
        dispatcher.utter_message(text=firm_texts.NOTED_FOR_LATER.format(noted=", ".join(told.values())))
    return told


def need_told(
    text: str,
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    need: str | None = None,
    recount: bool = False,
) -> Slots:
    """The people, the kind and the deadline a need states ahead of their questions (``need``:
    the words that state the need, where its people are counted), those not answered yet, or
    with ``recount`` the people even so ("5 CNC operators" said when the skills are changed).
    People said as a range ("1 or 2 carpenters") are its upper bound, said back."""
    stated = {
        names.NEED_PEOPLE: people_needed(need or text),
        names.NEED_KIND: kind_stated(text),  # "we're hiring …", "… to upskill our staff"
        names.NEED_BY_WHEN: deadline_stated(text),  # "… by March", "… before summer"
    }
    told = {
        slot: value
        for slot, value in stated.items()
        if value and (tracker.get_slot(slot) is None or (recount and slot == names.NEED_PEOPLE))
    }
    if names.NEED_PEOPLE in told:
        people = told[names.NEED_PEOPLE]
        upper_said(range_said(need or text), people if isinstance(people, int) else None, dispatcher)
    return told


def upper_said(said: str | None, people: int | None, dispatcher: CollectingDispatcher) -> None:
    """Say which number of people a range or a choice ("1 or 2") was taken as: its upper bound.
    Why: "1 or 2 carpenters" became 2 people unsaid, and the firm saw it only in the summary."""
    if said and people:
        dispatcher.utter_message(
            text=firm_texts.PEOPLE_UPPER.format(people=people, said=" ".join(said.split()))
        )


def _town_alone(text: str) -> str | None:
    """A town typed alone: one to three capitalised words ("Kapfenberg", "Bruck An Der Mur" not)."""
    words = text.strip().rstrip(".!").split()
    return " ".join(words) if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) else None


def place_or_date_told(text: str, dispatcher: CollectingDispatcher) -> Slots:
    """The firm's town or the need's deadline an answer gives where a yes or a no was asked for
    ("Kapfenberg", "we're in Leoben", "by june"), taken (a town said anew corrects the one kept)
    and said back; {} when it gives neither. Why: both got "I need a yes or a no here" and were
    lost (QA13). A town typed alone is taken only capitalised and near the cluster's partners,
    as a lower-case word at the town's question is ("save" is Savé, Benin)."""
    told: Slots = {}
    said: list[str] = []
    place = place_named(town_named(text) or _town_alone(text))
    if place is not None and not services.engine().is_far(place):
        told.update(place_slots(place))
        said.append(firm_texts.TOWN_NOTED.format(town=place.name))
    by_when = deadline_stated(text)
    if by_when:
        told[names.NEED_BY_WHEN] = by_when
        said.append(by_when_words(by_when))
    if said:
        dispatcher.utter_message(text=firm_texts.NOTED_AT_CONSENT.format(noted=", ".join(said)))
    return told


#: words before a need said anew that only say it is a correction: "actually", "sorry,", "no wait"
_CORRECTION_LEAD = re.compile(
    r"^\W*(?:(?:actually|oh|ah|no|nope|sorry|wait|hmm+|correction|update|and|but|ok(?:ay)?|i\s+mean|i\s+meant)\W+)*$",
    re.IGNORECASE,
)
#: a need added to beside another question: "and we'd *also* like them to *learn* robot welding"
#: (not "we also do welding", of the firm)
_ADDED = re.compile(r"\b(?:also|as well|too|additionally|in addition|on top)\b", re.IGNORECASE)
_OF_THE_NEED = re.compile(r"\b(?:learn\w*|train\w*|know|need\w*|skills?|able to|add)\b", re.IGNORECASE)


def same_need(found: Slots, tracker: Tracker) -> bool:
    """True when a need read anew names nothing the need kept lacks: its role (or none) and some of
    its skills ("we need 4 welders" of a need for 2 welders)."""
    held, role = need_parts(tracker), found[names.NEED_OCCUPATION]
    held_role = held[names.NEED_OCCUPATION] or {}
    same_role = role is None or (role["uri"] or role["label"]) == (held_role.get("uri") or held_role.get("label"))
    return same_role and set(found[names.NEED_SKILLS]) <= set(held[names.NEED_SKILLS] or [])


def need_changed(text: str, tracker: Tracker, dispatcher: CollectingDispatcher) -> Slots:
    """A change of the need kept, said at another of the firm's questions: its number of people
    ("actually we need 4 welders, not 2") or skills added ("and we'd also like them to learn robot
    welding"), said back; {} for none, or when the answer says more than the change ("Huber GmbH,
    we need 4 welders" names the company too). Why: the change was stored as the company's name, or
    got "Sorry, I didn't understand that answer" (QA13c)."""
    if not (tracker.get_slot(names.NEED_SKILLS) or tracker.get_slot(names.NEED_OCCUPATION)):
        return {}
    if EMAIL_IN.search(text) or company_in(text):
        return {}
    clause = need_clause(text)
    if clause and _CORRECTION_LEAD.match(text[: len(text) - len(clause)]):
        found = need_read(clause, CollectingDispatcher())
        people = people_needed(without_replaced(clause))
        if found is not None and same_need(found, tracker) and people and people != tracker.get_slot(names.NEED_PEOPLE):
            dispatcher.utter_message(text=texts.ALSO_NOTED.format(noted=headcount(people)))
            return {names.NEED_PEOPLE: people}
        return {}
    added = _ADDED.search(text) and _OF_THE_NEED.search(text)
    return _skills_added(text, tracker, dispatcher) if added else {}


def _skills_added(text: str, tracker: Tracker, dispatcher: CollectingDispatcher) -> Slots:
    """The skills an addition names that the need lacks, added and said back; its role stays (a
    skill added names no new job: "robot welding" read *welding engineer*); skills it has already
    are said to be; {} when it names none."""
    found = need_read(text, CollectingDispatcher(), as_typed=False)
    if not found or not found[names.NEED_SKILLS]:
        return {}
    before, labels = need_parts(tracker), found[names.NEED_SKILL_LABELS]
    new = [uri for uri in found[names.NEED_SKILLS] if uri not in (before[names.NEED_SKILLS] or [])]
    if not new:  # "robot welding" is *operate welding equipment*, which a need for welders has
        held = ", ".join(labels.values())
        dispatcher.utter_message(text=firm_texts.NEED_SKILLS_HELD.format(labels=held))
        return {names.NEED_SKILLS: before[names.NEED_SKILLS]}
    dispatcher.utter_message(text=firm_texts.NEED_SKILLS_ADDED.format(labels=", ".join(labels[uri] for uri in new)))
    return added_to(before, {**found, names.NEED_OCCUPATION: None})


def need_kept_said(dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType], domain: DomainDict) -> None:
    """Say that a need is kept without "First:" when the need's own check comes next, nothing asked
    before it. Why: "about 40 people, we also need 2 receptionists" at the size's question, the contact
    given before, got "… in a moment. First:" and then the need check (QA13c)."""
    said = [message for message in dispatcher.messages if message.get("text") == texts.FIRM_NEED_KEPT]
    if not said:
        return
    set_now = {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
    required = domain.get("forms", {}).get(names.FIRM_NEED_FORM, {}).get("required_slots", [])
    left = [slot for slot in required if set_now.get(slot, tracker.get_slot(slot)) is None]
    if left[:1] == [names.NEED_SKILLS_CONFIRMED]:
        for message in said:
            message["text"] = firm_texts.NEED_KEPT_CHECK
