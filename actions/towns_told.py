"""The town a sentence names, also typed in lower case ("hey im a cook in bilbao").

Apart from the profile form because the first message, the town question and later answers
all look for a town inside a sentence, and must not echo the sentence as an unknown town.
"""

from __future__ import annotations

import re

from actions import services
from actions.firm_parsing import town_named
from actions.form_answers import place_named
from skills_catalog.models import Place
from skills_catalog.text import fold

#: a town typed in lower case at a clause's end of a first message ("hey im a cook in bilbao")
_AFTER_TOWN = r"(?:and|but|for|since|now|looking|who|with|to|at|where)\b"
_TOWN_LOWER = re.compile(
    rf"\b(?:in|near|from|around)\s+([a-zäöüß][\w'-]{{2,}}(?:\s+(?!{_AFTER_TOWN})[a-zäöüß][\w'-]{{2,}})?)"
    rf"(?=\s*(?:[,.!?;]|$)|\s+{_AFTER_TOWN})"
)
#: a town answer that gives none: "no town", "anywhere", "any" (someone learning online)
_NO_TOWN = re.compile(
    r"^\W*(?:no\s+(?:town|city|place)|none|nowhere|any(?:where|\s+town|\s+place)?|(?:it\s+)?doesn'?t\s+matter)\W*$",
    re.I,
)
#: a town answer longer than this is a sentence: its town is looked for, the whole never looked up
TOWN_WORDS = 3
#: ... taken only as a town this near a partner, whose name it is: "in sales" is no Sâles (CH),
#: "from reading" no Reading
_LOWER_TOWN_KM = 50.0


def town_in_lower_case(text: str) -> Place | None:
    """A town a first message names in lower case, when it can only be that town ("hi im a
    welder in graz and i want to learn cnc", "worked in retail in eibar for 5 years")."""
    for told in _TOWN_LOWER.finditer(text):
        place = place_named(told.group(1))
        if place is not None and _near_partner(place) and named_as(place, told.group(1)):
            return place
    return None


#: the town one lives in, said so: "now I live in Stuttgart", "living near Graz", "live bergamo"
_HOME = re.compile(
    r"\b(?:live|lives|living|based|moved|settled|staying)\s+(?:now\s+)?(?:(?:in|near|to|at|around)\s+)?"
    r"(?P<town>[^\W\d_][\w'-]+(?:\s+[^\W\d_][\w'-]+){0,2})",
    re.I,
)


def home_town(text: str) -> Place | None:
    """The town ``text`` says the person lives in, spelt as its name (its first words or all of
    them: "live in Bruck an der Mur now"); ``None`` when it says none. Why first: "I worked as
    a waiter in Milan, now I live in Stuttgart" was taken as Milan, and the town not asked (QA13)."""
    for told in _HOME.finditer(text):
        words = told.group("town").split()
        for n in range(len(words), 0, -1):
            typed = " ".join(words[:n])
            place = town_alone(typed)
            if place is not None and (not typed.islower() or _near_partner(place)):  # "in sales": no Sâles
                return place
    return None


def _near_partner(place: Place) -> bool:
    """True for a place near a partner: one named in lower case is taken only then."""
    km = services.engine().partner_km(place)
    return km is not None and km <= _LOWER_TOWN_KM


def town_told(text: str) -> Place | None:
    """The town a sentence names: the one the person lives in, else the first capitalised name
    that is one ("I came from Syria … I live in Pforzheim": Pforzheim), else one in lower case
    near a partner."""
    home = home_town(text)
    if home is not None:
        return home
    rest = text
    while (name := town_named(rest)) is not None:
        place = place_named(name)
        if place is not None:
            return place
        rest = rest[rest.index(name) + len(name) :]
    alone = place_named(text.strip(" .!")) if text.strip(" .!").istitle() and len(text.split()) <= 3 else None
    if alone is not None and fold(alone.name).startswith(fold(text.strip(" .!"))):  # "Graz", not "Grazz"
        return alone
    return town_in_lower_case(text)


#: a town said with a preposition, capitalised: "small clothes shop in Stuttgart", "from Ulm"
_TOWN_AFTER = re.compile(r"\b(?:in|from|near|around)\s+([A-ZÄÖÜ][\w'-]+(?:\s+[A-ZÄÖÜ][\w'-]+){0,2})")


def town_aside(text: str) -> Place | None:
    """A town said beside another answer to a question that asks no town ("shop manager, small
    clothes shop in Stuttgart"). Why: it was dropped, and asked for later (QA12). Only a town said
    with its "in" or "from", never a capitalised word that merely is one somewhere; the one the
    person lives in first ("cook … live bergamo": QA13, lost)."""
    home = home_town(text)
    if home is not None:
        return home
    for told in _TOWN_AFTER.finditer(text):
        place = place_named(told.group(1))
        if named_as(place, told.group(1)):
            return place
    return town_in_lower_case(text)


def town_alone(text: str) -> Place | None:
    """The town a whole answer names ("Karlsruhe", "ulm"), spelt as its name; ``None`` otherwise.
    For an answer that names nothing else: "Karlsruhe" at the goal question got "couldn't match
    that to a job" (QA12)."""
    typed = text.strip(" .!")
    if not typed or len(typed.split()) > TOWN_WORDS or not re.fullmatch(r"[^\W\d_][\w' -]*", typed):
        return None
    place = place_named(typed)
    return place if named_as(place, typed) else None


def named_as(place: Place | None, typed: str) -> bool:
    """True when ``typed`` is one of the place's names or their first words ("bruck": Bruck an
    der Mur). Why each of them: "tour guide in San Sebastian" was no town beside the job, the
    place being *Donostia / San Sebastián* (QA13)."""
    names_of = [fold(part) for part in place.name.split(" / ")] if place else []
    return any(n == fold(typed) or n.startswith(fold(typed) + " ") for n in names_of)


def no_town(text: str) -> bool:
    """True when a town answer gives none ("no town", "anywhere"). Why: "no town, online" was
    looked up, and taken as *Ho (GH)*; "any" got "I couldn't find 'any'"."""
    return bool(_NO_TOWN.match(text))
