"""Which offers of a page are taught in a language or held in a mode ("which ones are in Basque?")."""

from __future__ import annotations

import pytest

from skills_catalog.comparing import Shown, having
from tests.test_skills_catalog.conftest import make_offers

OFFERS = make_offers()
PAGE = [Shown(i + 1, OFFERS[key]) for i, key in enumerate(("O2", "O1", "O3"))]  # de+en blended, de, en online


@pytest.mark.parametrize(
    ("languages", "mode", "numbers"),
    [
        (("en",), None, [1, 3]),
        (("eu",), None, []),
        (("eu", "de"), None, [1, 2]),  # "in Basque or German": either will do
        ((), "online", [3]),
        (("de",), "blended", [1]),
        ((), None, [1, 2, 3]),
    ],
    ids=["english", "basque-none", "either-language", "online", "german-and-blended", "nothing-asked"],
)
def test_the_cards_having_what_was_asked_in_card_order(
    languages: tuple[str, ...], mode: str | None, numbers: list[int]
) -> None:
    assert [s.number for s in having(PAGE, languages, mode)] == numbers
