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
