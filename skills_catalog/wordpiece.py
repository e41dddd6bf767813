"""A small pure-Python BERT (uncased) WordPiece tokenizer.

Why our own: the sentence encoder (:mod:`embedding`) needs exactly the token ids the model was
trained with, and the usual tokenizer packages pull in Rust wheels or torch. BERT's uncased
scheme is short to write down: lower-case, strip accents, split on whitespace, punctuation and
CJK characters, then cut each word greedily into the longest vocabulary pieces ("##" marks a
piece that continues a word). It reproduces ``BertTokenizer(do_lower_case=True)`` on the
English text we see.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

MAX_WORD_CHARS = 100  # BERT maps longer "words" to [UNK]


def _is_punctuation(char: str) -> bool:
    """BERT counts every non-alphanumeric ASCII symbol as punctuation, plus Unicode P* classes."""
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _char_rule(char: str) -> str | None:
    """What BERT's basic step makes of one (already lower-cased, NFD) character: dropped
    (``None``), a space, a separate token (punctuation, CJK), or itself."""
    code = ord(char)
    if code == 0 or code == 0xFFFD or unicodedata.category(char) == "Mn":
        return None
    if char.isspace() or unicodedata.category(char) == "Zs":
        return " "
    if unicodedata.category(char) in ("Cc", "Cf"):
        return None
    if _is_punctuation(char) or _is_cjk(code):
        return f" {char} "
    return char


class _CharRules(dict):  # type: ignore[type-arg]
    """Code point -> :func:`_char_rule`, worked out the first time a character is seen.

    Why: :func:`basic_split` runs on every chat line; deciding each character's fate with
    ``unicodedata`` calls in a Python loop cost ~25 us a line, ``str.translate`` over this
    table ~2 us. Bounded by the characters that occur in text (a few hundred in practice).
    """

    def __missing__(self, code: int) -> str | None:
        rule = self[code] = _char_rule(chr(code))
        return rule


_RULES = _CharRules()


def basic_split(text: str) -> list[str]:
    """Lower-cased, accent-free words with punctuation as separate tokens (BERT's basic step)."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFD", text)
    return text.translate(_RULES).split()


class WordPiece:
    """Maps text to BERT token ids with a vocabulary file (one piece per line, id = line number)."""

    def __init__(self, vocab: Iterable[str]) -> None:
        self.vocab = {piece: i for i, piece in enumerate(vocab)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]
        self.pad = self.vocab.get("[PAD]", 0)
        self.word_ids = lru_cache(maxsize=50_000)(self._word_ids)

    @classmethod
    def from_file(cls, path: Path) -> WordPiece:
        """Read ``vocab.txt``."""
        return cls(path.read_text(encoding="utf-8").splitlines())

    def whole_words(self) -> frozenset[str]:
        """Alphabetic vocabulary entries that are whole words ("later", "career").

        Why: BERT's vocabulary is a list of the ~20k most frequent English words; the speller
        uses it to leave real words alone.
        """
        return frozenset(p for p in self.vocab if p.isalpha() and p.islower() and len(p) > 1)

    def encode(self, text: str, max_tokens: int = 128) -> list[int]:
        """Token ids of ``text`` with ``[CLS]`` and ``[SEP]``, truncated to ``max_tokens``."""
        ids = [self.cls]
        for word in basic_split(text):
            ids.extend(self.word_ids(word))
        return ids[: max_tokens - 1] + [self.sep]

    def encode_words(self, words: Iterable[str]) -> tuple[list[int], list[int]]:
        """Token ids of pre-split words, and for each token the index of its word (-1 for specials).

        Why: recognition pools the encoder's token vectors over a span of words, so it must know
        which tokens each word became.
        """
        ids, owner = [self.cls], [-1]
        for n, word in enumerate(words):
            for piece_id in (i for part in basic_split(word) for i in self.word_ids(part)):
                ids.append(piece_id)
                owner.append(n)
        return ids + [self.sep], owner + [-1]

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match-first pieces of one basic word; ``[UNK]`` if it cannot be cut."""
        if len(word) > MAX_WORD_CHARS:
            return (self.unk,)
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk,)
            pieces.append(found)
            start = end
        return tuple(pieces)
