"""Which item a typed answer picks among those offered, and what a removal names."""

from __future__ import annotations

import pytest

from actions import choices

ELECTRICIANS = ["building electrician", "industrial electrician", "automotive electrician"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the second one", 1), ("last", 2), ("the building one", 0), ("Industrial electrician", 1),
     ("number 7", None), ("electrician", None), ("yes", None), ("actually I am an industrial mechanic", None)],
)  # fmt: skip
def test_picked_among_offered_labels(text: str, expected: int | None) -> None:
    assert choices.picked(text, ELECTRICIANS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the second one", 2), ("number 3", 3), ("the last one", -1), ("that one", None)],
    ids=["word", "number", "last", "none"],
)
def test_ordinal(text: str, expected: int | None) -> None:
    assert choices.ordinal(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("number 8", 8), ("#12", 12), ("option 2", 2), ("the 9th one", 9), ("the second one", None)],
    ids=["number", "hash", "option", "digits-th", "a-place-is-no-number"],
)
def test_item_number(text: str, expected: int | None) -> None:
    assert choices.item_number(text) == expected


@pytest.mark.parametrize(
    ("text", "removal", "words"),
    [("no, not Excel", True, "Excel"), ("remove welding please", True, "welding please"), ("also welding", False, "also welding")],
)  # fmt: skip
def test_removal(text: str, removal: bool, words: str) -> None:
    assert (choices.is_removal(text), choices.removed_words(text)) == (removal, words)


@pytest.mark.parametrize(
    "text",
    ["my last job was building electrician", "in my last job I was a warehouse worker", "at first I was a welder",
     "last year I worked as an industrial electrician", "first of all, I'm an electrician"],
)  # fmt: skip
def test_an_ordinal_word_of_time_picks_nothing(text: str) -> None:
    # "my last job was building electrician" picked the last button, *energy engineer*
    assert choices.ordinal(text) is None
