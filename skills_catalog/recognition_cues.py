"""What a line's function words say about whether it names a skill of the writer's.

Why: recognition works on content words, and the sentence vector is dominated by them, so
"I don't drive" and "my husband is a plumber" look like "I drive" and "I'm a plumber" to
both. The small words that turn them around are easy to see in the text itself.
"""

from __future__ import annotations

import re

#: A negation: "not", "never", "no", and the "-n't" forms, typed with or without the apostrophe.
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|cannot|dont|doesnt|didnt|cant|wont|isnt|arent|wasnt|werent|havent|hasnt|hadnt"
    r"|couldnt|wouldnt|shouldnt)\b|n['\u2019]t\b",
    re.IGNORECASE,
)

_PEOPLE = (
    r"husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|son|daughter|kids?|child|children|mum|mom|mother"
    r"|dad|father|parents?|brothers?|sisters?|(?:brother|sister|son|daughter|father|mother)-in-law|cousins?"
    r"|uncle|aunt|nephew|niece|grandma|grandmother|grandpa|grandfather|granddad|friends?|neighbou?rs?"
    r"|flatmate|roommate|colleagues?|boss"
)
#: A line that starts with someone close to the writer as its subject: "my sister works as a
#: nurse", "my neighbour drives a truck" (not "my uncle's farm": a possessive is no subject).
_SOMEONE_ELSE = re.compile(rf"^\W*(?:and |but |so |well )?(?:my|our) (?:{_PEOPLE})\b(?!['\u2019]s)", re.IGNORECASE)
#: The writer in the line after all: "my husband and I run a farm", "my dad taught me to weld".
_WRITER = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|myself|we|we're|we've|us)\b", re.IGNORECASE)


def negated(text: str) -> bool:
    """True when ``text`` holds a negation (which no label match accounts for)."""
    return _NEGATION.search(text) is not None


def about_someone_else(text: str) -> bool:
    """True when ``text`` tells of a relative's, friend's or colleague's work and not of the
    writer's: their skills are no skills of the person chatting."""
    return _SOMEONE_ELSE.search(text) is not None and _WRITER.search(text) is None
