"""Numbers as people type them, in digits ("1.200", "2,5") or words ("twenty", "three").

Why a module of its own: prices, distances, times ("in three weeks") and head counts read numbers
alike, and ``dates`` needs them without importing ``parsing``, which reads dates through it.
"""

from __future__ import annotations

import re

#: a number as typed: groups of three digits after a point or comma are thousands ("1.200 €")
DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?"
#: numbers in words, up to ninety: "in three weeks", "twenty-five welders"
NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
        start=1,
    )
} | {word: 10 * tens for tens, word in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                                 "eighty", "ninety"), start=2)}  # fmt: skip


def number_value(number: str) -> float:
    """A number as typed: "1.200" and "1,500" (groups of three) are thousands, "2,5" a decimal."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", number):
        return float(re.sub(r"[.,]", "", number))
    return float(number.replace(",", "."))


#: words that multiply the count before them
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*NUMBER_WORDS, *SCALES], key=len, reverse=True))
#: a number in words: "fifty", "twenty-five", "two hundred and fifty", "a thousand"
_IN_WORDS = re.compile(
    rf"\b(?:an?\s+(?=dozen|hundred|thousand))?(?:{_WORD})(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_WORD}))*\b",
    re.I,
)


def words_value(said: str) -> int:
    """ "two hundred" → 200, "twenty-five" → 25, "a dozen" → 12: a scale multiplies the count
    before it (one when none is said), and a thousand closes a part."""
    total = part = 0
    for word in re.findall(r"[a-z]+", said.lower()):
        if word in SCALES:
            part = (part or 1) * SCALES[word]
            if word == "thousand":
                total, part = total + part, 0
        else:
            part += NUMBER_WORDS.get(word, 0)  # "a", "an", "and" add nothing
    return total + part


def in_digits(text: str) -> str:
    """``text`` with its numbers in words written in digits ("about fifty kilometers" → "about 50
    kilometers"), but a lone "one" ("the second one", "one of them"), which is rarely a number.
    Why: "fifty" at the distance question and "two hundred euros max" at the price question were
    asked again (QA12)."""
    return _IN_WORDS.sub(lambda found: found.group() if found.group().lower() == "one" else str(words_value(found.group())), text)
