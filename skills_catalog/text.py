"""Text normalisation shared by the taxonomy index and skill recognition.

Labels in ESCO and words typed in a chat must meet in one form: lower case, no accents, no
punctuation, and a light stem so that "welding", "welded" and "welds" all become "weld". The
stemmer is deliberately light (suffix stripping with a few guards, not full Porter): a
recogniser needs "programming" and "program" to meet, but it must not merge "organ" and
"organisation". Everything here is pure and deterministic, so an index built with it can be
cached and reused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:[+#]+|\.net\b)?|[+#]{1,2}(?=\s|$)")
_VOWELS = "aeiouy"

_STOPWORDS = """
    a an the and or but nor of to in on at by for with from into onto about as per via
    i me my mine we us our you your he him his she her it its they them their this that these
    those there here what which who whom whose when where why how
    am is are was were be been being do does did done doing have has had having
    can could would should shall will may might must also just very really quite bit lot lots
    some any all each every other such much many more most few little than then so too
    not no yes yeah yep ok okay please thanks thank hi hello hey
    etc e g eg ie i e like kind sort stuff thing things
"""
#: Words that carry no meaning for matching: articles, pronouns, auxiliaries, chat filler.
STOPWORDS = frozenset(_STOPWORDS.split())

_IRREGULAR = {
    "built": "build", "building": "build", "drove": "drive", "driven": "drive",
    "driving": "drive", "ran": "run", "running": "run", "made": "make", "making": "make",
    "took": "take", "taken": "take", "taking": "take", "gave": "give", "given": "give",
    "wrote": "write", "written": "write", "writing": "write", "used": "use", "using": "use",
    "uses": "use", "sold": "sell", "selling": "sell", "bought": "buy", "taught": "teach",
    "teaching": "teach", "thought": "think", "led": "lead", "kept": "keep", "fed": "feed",
    "feeding": "feed", "met": "meet", "sent": "send", "spent": "spend", "held": "hold",
    "told": "tell", "grew": "grow", "grown": "grow", "fought": "fight", "cutting": "cut",
    "children": "child", "men": "man", "women": "woman", "people": "person", "feet": "foot",
    "teeth": "tooth", "analyses": "analysis", "diagnoses": "diagnosis", "caring": "care",
    "cared": "care", "cares": "care", "news": "news", "bus": "bus", "buses": "bus",
    "gas": "gas", "gases": "gas", "lens": "lens", "lenses": "lens", "series": "series",
    "species": "species", "nurses": "nurse", "nursing": "nurse", "nursed": "nurse",
}

_SUFFIXES = (  # (suffix, replacement, minimum stem length); the first that fits wins
    ("isations", "is", 3), ("isation", "is", 3), ("ations", "", 3), ("ation", "", 3),
    ("ical", "ic", 4), ("ments", "", 5), ("ment", "", 5),
    ("ies", "y", 2), ("ied", "y", 2), ("ying", "y", 2), ("eed", "eed", 1), ("ings", "", 3),
    ("ing", "", 3), ("ed", "", 3), ("sses", "ss", 1), ("xes", "x", 2), ("ches", "ch", 2),
    ("shes", "sh", 2), ("ss", "ss", 1), ("us", "us", 1), ("is", "is", 1), ("s", "", 2),
)
_AMERICAN = (
    ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises"),
    ("yzing", "ysing"), ("yzed", "ysed"), ("yzes", "yses"), ("yze", "yse"), ("ize", "ise"),
)


def fold(text: str) -> str:
    """Lower-case and strip accents ("Café" -> "cafe") so input and labels compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Reduce an English word to a light stem shared by its inflections and close derivations.

    Why light: recognition must join "installing", "installation" and "installs" yet keep
    unrelated short words apart, so only common suffixes are stripped, a minimum stem length
    guards short words, and a final silent "e" is dropped only from longer stems (so
    "operate"/"operation"/"operating" meet as "operat" while "care" never becomes "car").
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    base = _IRREGULAR.get(word) or _strip_suffix(_british(word))
    if len(base) >= 5 and base.endswith("e"):
        base = base[:-1]
    return base


def _british(word: str) -> str:
    """Spell "-ize" forms as "-ise" so American and British labels meet."""
    for american, british in _AMERICAN:
        if word.endswith(american):
            return word[: -len(american)] + british
    return word


def _strip_suffix(word: str) -> str:
    """Strip the first fitting suffix of ``_SUFFIXES`` and repair the stem it leaves."""
    for suffix, replacement, min_stem in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < min_stem:
            continue
        base = word[: len(word) - len(suffix)]
        if suffix in ("ation", "ations") and not _two_consonants(base):
            return base + "at"
        if suffix in ("ing", "ings", "ed"):
            return _repair(base) if any(c in _VOWELS for c in base) else word
        return base + replacement
    return word


def _two_consonants(base: str) -> bool:
    """True when ``base`` ends in two consonants ("install", "inform"): a complete verb."""
    return len(base) >= 2 and base[-1] not in _VOWELS and base[-2] not in _VOWELS


def _repair(base: str) -> str:
    """Undo spelling changes made when "-ing"/"-ed" was added.

    "planned" -> "plan" (doubled consonant), "coding" -> "code" (a dropped silent "e" after a
    short consonant-vowel-consonant stem).
    """
    if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz" + _VOWELS:
        return base[:-1]
    if len(base) == 3 and base[0] not in _VOWELS and base[1] in _VOWELS and base[2] not in _VOWELS + "wxy":
        return base + "e"
    return base


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text`` (keeps "c++", "c#", ".net"-style tech names whole)."""
    return _TOKEN.findall(fold(text))


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(token, start, end)`` with offsets into the original ``text``.

    Folding can change string length for a few characters (ligatures), so offsets come from
    matching on a same-length folded copy where possible.
    """
    folded = fold(text)
    if len(folded) != len(text):
        folded = "".join(fold(c)[:1] or " " for c in text)
    for match in _TOKEN.finditer(folded):
        yield match.group(), match.start(), match.end()


def normalise(text: str) -> str:
    """Folded, tokenised form of a label: "Use Microsoft Office" -> "use microsoft office"."""
    return " ".join(tokens(text))


def stems(text: str, keep_stopwords: bool = False) -> tuple[str, ...]:
    """Stemmed content words of ``text``, in order (stopwords dropped unless asked)."""
    return tuple(stem(t) for t in tokens(text) if keep_stopwords or t not in STOPWORDS)


def label_key(text: str) -> str:
    """Order-insensitive key of a label: sorted stems of its content words.

    Two phrasings that differ only in inflection, word order or filler words share a key:
    "welding TIG" and "TIG weld" both give "tig weld".
    """
    return " ".join(sorted(set(stems(text))))
