"""BERT's basic split through a per-character table gives what the character-by-character rules give."""

from __future__ import annotations

import random
import unicodedata

import pytest

from skills_catalog import wordpiece
from skills_catalog.wordpiece import basic_split


def _reference(text: str) -> list[str]:
    """BERT's basic step written out one character at a time (what basic_split did before its table)."""
    chars: list[str] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        code = ord(char)
        if code == 0 or code == 0xFFFD or unicodedata.category(char) == "Mn":
            continue
        if char.isspace() or unicodedata.category(char) == "Zs":
            chars.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf"):
            continue
        elif wordpiece._is_punctuation(char) or wordpiece._is_cjk(code):
            chars.append(f" {char} ")
        else:
            chars.append(char)
    return "".join(chars).split()


@pytest.mark.parametrize(
    "text",
    [
        "I fix the robots on the line, when they break down!",
        "Café naïve résumé",
        "C++/C# & SQL (T-SQL)",
        "e\u0301te\u0301 \u00a0non-breaking\u2028line",
        "tab\tand\r\nnew\x0bline\x1cseparator\x85",
        "zero\u200bwidth\ufeffmark\x00nul\ufffd",
        "中文字符 and 日本語",
        "emoji \U0001f600 ok",
        "ǅungla Straße İstanbul",
        "",
    ],
    ids=[
        "ascii",
        "accents",
        "symbols",
        "combining-and-spaces",
        "control-spaces",
        "format-chars",
        "cjk",
        "emoji",
        "case-folding",
        "empty",
    ],
)
def test_table_split_equals_character_rules(text: str) -> None:
    assert basic_split(text) == _reference(text)


def test_random_unicode_equals_character_rules() -> None:
    rng = random.Random(0)
    alphabet = [chr(c) for c in range(0x3000)] + ["\u4e2d", "\ufffd", "\u200b", "\U0001f600", "\U00020000"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert basic_split(text) == _reference(text), repr(text)


def test_table_holds_only_characters_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordpiece, "_RULES", wordpiece._CharRules())
    assert basic_split("Abc, abc") == ["abc", ",", "abc"]
    assert sorted(wordpiece._RULES) == sorted(map(ord, "abc, "))  # lower-cased first: no "A"
