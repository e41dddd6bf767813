"""The indefinite article a job takes (QA13: "teaches skills a automotive electrician needs")."""

from __future__ import annotations

import pytest

from skills_catalog.explain import with_article


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("automotive electrician", "an automotive electrician"),
        ("welder", "a welder"),
        ("electrician", "an electrician"),
        ("university lecturer", "a university lecturer"),
        ("European affairs officer", "a European affairs officer"),
        ("hotel manager", "a hotel manager"),
        ("honorary consul", "an honorary consul"),
        ("HGV driver", "an HGV driver"),
        ("ICT network technician", "an ICT network technician"),
        ("CNC operator", "a CNC operator"),
    ],
)
def test_a_phrase_takes_the_article_it_is_said_with(phrase: str, said: str) -> None:
    assert with_article(phrase) == said
