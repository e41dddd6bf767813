"""Which item a person means among those offered, and what a removal takes out of a list.

People type instead of tapping buttons: "the second one", "number 8", "the building one",
"not Excel". These read such answers against the items offered; they know nothing of slots.
"""

from __future__ import annotations

import re

_SHORT_ANSWER = 4  # words
_FILLER = frozenset({"and", "or", "of", "the", "a", "an", "in", "for", "with", "to", "on"})
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
#: an ordinal word that names no item: "my last job", "at first", "last year", "first I was …"
_NOT_AN_ITEM = (
    r"\b(?:my|our|his|her|their|your|at)\s+{word}\b"
    r"|\b{word}\s+(?:of all|(?:job|year|years|week|month|time|night|day|summer|winter|i|we|thing)\b)"
)  # a template: str.format(word=...)
_BARE_NUMBER = re.compile(r"^\s*#?(\d{1,2})\s*[.!]?\s*$")  # "2" typed on the results: the card numbered 2
_ITEM_NUMBER = re.compile(r"(?:\bnumber|\bno\.?|#|\boption)\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\b")
#: a bare number after words asking for a card, ending the message: "details of 1", "more about 3",
#: "interested in 2 please" (QA13: "details of 1" asked which course was meant); not "about 20 km"
_CARD_NUMBER = re.compile(
    r"(?:\b(?:details?|info(?:rmation)?|tell\s+me|open|show(?:\s+me)?|see|interested\s+in|course|card|offer)"
    r"(?:\s+(?:of|on|for|about|to))?|\bmore\s+(?:of|on|for|about))"
    r"\s+(?:the\s+)?(\d{1,2})\s*(?:,?\s*please)?\W*$",
    re.I,
)


def picked(text: str, labels: list[str]) -> int | None:
    """Which of the offered ``labels`` a typed answer picks, by place ("the second one") or, in a
    short answer, by a word only that label has ("the building one" among building / industrial
    electrician); ``None`` when it picks none or several. Why: people type instead of tapping
    the buttons; a longer answer is a new one ("actually I'm an industrial mechanic")."""
    place = ordinal(text)
    if place is not None and labels:
        index = len(labels) - 1 if place == -1 else place - 1
        return index if 0 <= index < len(labels) else None
    words = [set(re.findall(r"[a-z]+", label.lower())) for label in labels]
    shared = set.intersection(*words) if words else set()
    said = set(re.findall(r"[a-z]+", text.lower()))
    if len(said) > _SHORT_ANSWER:
        return None
    hits = [i for i, own in enumerate(words) if (own - shared - _FILLER) & said]
    return hits[0] if len(hits) == 1 else None


#: a correction that takes something out of a list: "not welding", "no, remove the forklift"
_REMOVAL = re.compile(
    r"^\s*(no,?\s+)?(not|remove|delete|drop|take out|without|scratch|i don'?t|i can'?t|i never)\b", re.I
)


def is_removal(text: str) -> bool:
    """True when ``text`` takes something out of a list ("not welding", "remove Excel")."""
    return bool(_REMOVAL.match(text))


#: a correction that adds to a list: "also scaffolding", "add PLC programming", "welding too"
_ADDITION = re.compile(r"^\s*(?:and\s+)?(?:also|add|plus|as well as)\b|\b(?:as well|too)\W*$", re.I)


def is_addition(text: str) -> bool:
    """True when ``text`` adds to a list rather than replacing it ("also scaffolding")."""
    return bool(_ADDITION.search(text))


#: a word that opens one part of a correction: "not drill press, not abrasive blasting. also explosives"
_PART_WORD = re.compile(r"\b(?:not|remove|delete|drop|take out|also|add|plus)\b", re.I)
_PART_BEFORE = re.compile(r"(?:^|[.;,!?]|\b(?:and|but|no))\s*$", re.I)


def correction_parts(text: str) -> list[str]:
    """The parts of a correction of a list, each opened by its word after a stop, a comma, "and"
    or "but" ("not X. also Y" → ["not X.", "also Y"]); what comes before the first is a part too.
    Why: "not pick orders. also taking orders" was read as one removal of everything after "not"."""
    starts = [m.start() for m in _PART_WORD.finditer(text) if _PART_BEFORE.search(text[: m.start()])]
    bounds = [0, *(start for start in starts if start > 0), len(text)]
    parts = (_TRAILING.sub("", text[a:b]).strip(" ,;") for a, b in zip(bounds, bounds[1:], strict=False))
    return [part for part in parts if re.search(r"[^\W\d_]", part) and not _NO_ONLY.match(part)]


_NO_ONLY = re.compile(r"^\W*(?:no|yes|and|but)\W*$", re.I)  # "no, not Excel": the "no" is no part
_TRAILING = re.compile(r"[\s,;]+(?:and|but)\W*$", re.I)  # "not X and" of "not X and not Y"


def removed_words(text: str) -> str:
    """What a removal names: the words after its "not" ("no, not Excel" → "Excel"), or the text
    as it is. Why: recognition names nothing in a negated line, which is what a removal is."""
    return _REMOVAL.sub("", text, count=1).strip(" ,.;") or text


_CARD_WORDS = 8  # "could you show me the second one please" is seven


def ordinal(text: str) -> int | None:
    """Which item a person means: "the second one" → 2, "number 3" → 3, "the last" → -1."""
    lowered = text.lower()
    for word, number in _ORDINALS.items():
        if re.search(rf"\b{word}\b", lowered) and not re.search(_NOT_AN_ITEM.format(word=word), lowered):
            return number
    return item_number(lowered)


def item_number(text: str) -> int | None:
    """The number an item is named by ("number 8", "#8", "option 8", "the 8th", "details of 8"),
    not its place.

    Why apart from :func:`ordinal`: offer cards are numbered across pages (the second page
    shows 6-10), so "number 8" names a card where "the second one" names a place on the page.
    """
    found = _ITEM_NUMBER.search(text.lower()) or _BARE_NUMBER.match(text) or _CARD_NUMBER.search(text)
    return int(next(group for group in found.groups() if group)) if found else None


def names_a_card(text: str) -> bool:
    """True for a short message that names an item by its number or place ("number 8", "the
    second one, please", a bare "2"). Why short: in a long one "first" is rarely a card ("first I
    need to …")."""
    return len(text.split()) <= _CARD_WORDS and ordinal(text) is not None  # a bare number too: item_number


_LABEL_WORD = re.compile(r"[^\W\d_]{4,}")  # words that can tell one listed skill from another


def listed_by_words(said: str, labels: dict[str, str]) -> list[str]:
    """The listed skills (URI → label) whose labels share a word with what was ``said``, plurals
    aside ("not technical drawings" → *read engineering drawings*). Why: recognition reads the
    words as another concept than the one listed, and the removal was refused as "not in the list"."""
    words = {word.lower().rstrip("s") for word in _LABEL_WORD.findall(said)}
    return [uri for uri, label in labels.items() if words & {w.lower().rstrip("s") for w in _LABEL_WORD.findall(label)}]
