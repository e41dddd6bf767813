"""What a firm tells before it is asked: its town, sector and size in a first message or after its
name, and the people, kind and deadline of a need stated ahead of their questions.

Why: "we run a hotel in Bilbao and are looking for 3 cooks" or "Stahlwerk Nord GmbH in Kapfenberg,
metalworking, about 40 staff" answer several questions at once; they were lost, asked again, or
read as something else (the 40 staff as 40 people needed, the town as the company's name).
"""

from __future__ import annotations

from collections.abc import Callable

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, services, texts
from actions.firm_contact import contact_ahead
from actions.firm_corrections import by_when_words
from actions.firm_counts import parse_size, people_needed, range_said, staff_size
from actions.firm_parsing import deadline_stated, kind_stated, parse_ecosystem, town_named
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


def answered_ahead(text: str, tracker: Tracker, dispatcher: CollectingDispatcher, names_too: bool = True) -> Slots:
    """Answers to the firm's later questions typed at the town's, the ecosystem's or the size's: its
    size told by its staff ("about 120 employees"), the contact person's e-mail and (``names_too``)
    name, where not given yet; said back ("Noted for later: medium, Giulia Rossi."), the question
    then asked again. Why: they were refused ("Please pick one of the 14 ecosystems"), or read as a
    town (QA13b)."""
    size = None if tracker.get_slot(names.COMPANY_SIZE) else staff_size(text)
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
