"""A need's reference and secret as firms type or paste them, and a secret said lost.

Apart from the firm's other answers (``firm_parsing``) because the NLU guard, the manage form and
the staff's words all read them, and pasting brings its own troubles: en dashes from mail
programs, a trailing period, a secret without its dashes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from actions.staff_parsing import parse_reference
from skills_catalog.embedding import model_dir
from skills_catalog.needs import ALPHABET, REFERENCE_LENGTH, normalise_reference
from skills_catalog.text import stem
from skills_catalog.wordpiece import WordPiece

#: a reference typed alone, its dash left out: "nhdkak" (the staff's parser wants a digit then),
#: unless an English word ("nearby", see :func:`_an_english_word`)
_REFERENCE_ALONE = re.compile(rf"\s*n[\s_-]*[{ALPHABET}]{{{REFERENCE_LENGTH}}}\s*", re.IGNORECASE)

#: dashes that word processors and mail programs put where a hyphen was typed (en, em, minus …)
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


@lru_cache(maxsize=1)
def _english_stems() -> frozenset[str] | None:
    """Stems of the encoder's whole English words (as the speller's), ``None`` without the model."""
    folder = model_dir()
    if folder is None:
        return None
    return frozenset(stem(word) for word in WordPiece.from_file(folder / "vocab.txt").whole_words())


def _an_english_word(typed: str) -> bool:
    """True when ``typed`` is a word that is, or is inflected from, an English word ("nearby",
    "nested"), or may be one: without the model's word list any word may be."""
    english = _english_stems()
    return typed.isalpha() and (english is None or stem(typed.lower()) in english)


def reference_in(text: str) -> str | None:
    """The need's reference an answer holds, normalised: "N-7K3QX", "my reference is n-xs87d",
    "nhdkak", "N–ZSSPG" (an en dash, as pasted from a mail); ``None`` when it holds none
    ("twenty", "what reference?", "nearby": QA13, a worker's "nearby" asked for a firm's secret)."""
    text = text.translate(_DASHES)
    alone = text.rstrip(" .")
    if _REFERENCE_ALONE.fullmatch(alone) and not _an_english_word(alone.strip()):
        return normalise_reference(alone)
    return parse_reference(text)


_SECRET = re.compile(rf"\b([{ALPHABET}]{{4}})[\s-]([{ALPHABET}]{{4}})[\s-]([{ALPHABET}]{{4}})\b", re.IGNORECASE)
#: a secret typed without its dashes: with a digit in it, or after the word "secret" (a word of
#: twelve letters of the alphabet, "strengthened", is no secret)
_SECRET_RUN = re.compile(
    rf"\b(?:(?=[{ALPHABET}]*\d)|(?<=secret\W)|(?<=secret\W\W)|(?<=secret is\W))([{ALPHABET}]{{12}})\b", re.IGNORECASE
)


def secret_in(text: str) -> str | None:
    """A need's secret written in a longer answer ("N-7K3QX, secret ABCD-EFGH-JKMN"), as the store
    reads it, also pasted with en dashes or typed without dashes ("4J933QVSQ84X"); ``None`` without
    one. Why: typed beside the reference it was dropped, and asked for."""
    text = text.translate(_DASHES)
    found = _SECRET.search(text)
    if found:
        return "-".join(found.groups()).upper()
    run = _SECRET_RUN.search(text)
    return "-".join(run.group(1)[i : i + 4] for i in (0, 4, 8)).upper() if run else None


#: a firm that has lost its secret: "I lost the secret", "I don't have it"
_LOST = re.compile(
    r"\b(?:lost|forgot(?:ten)?|don'?t have|do not have|can'?t find|cannot find|misplaced|no longer have"
    r"|never (?:got|received))\b",
    re.IGNORECASE,
)


def lost_secret(text: str) -> bool:
    """True when a message says the secret is lost ("I lost the secret for our need N-ZSSPG",
    "I don't have it" when it is asked for) and gives none."""
    return _LOST.search(text) is not None and secret_in(text) is None


#: a reference typed with a character too few or too many, or one not in the alphabet: "N-3WF2",
#: or with its dash left out too, then with a digit in it ("N8T96"; "nothing" is no reference)
_REFERENCE_TYPO = re.compile(r"\bn(?:\s*[-–_]\s*|(?=[a-z]*\d))[a-z0-9]{3,7}\b", re.IGNORECASE)


def reference_mistyped(text: str) -> bool:
    """True when an answer holds what looks like a need's reference but is none ("N-3WF2"), to be
    asked again. Why: a typo ended the form as if no reference had been given."""
    return reference_in(text) is None and _REFERENCE_TYPO.search(text.translate(_DASHES)) is not None
