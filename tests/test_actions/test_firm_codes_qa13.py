"""QA13: "nearby", typed at the worker's in person / online question, was read as the need's
reference N-EARBY and the worker asked for a firm's secret. A reference typed without its dash
must be unmistakable: it holds a digit, or it is no English word."""

from __future__ import annotations

import pytest

from actions.firm_codes import reference_in
from actions.names import INTENT_FIRM_MANAGE, INTENT_INFORM
from actions.nlu_guard import guarded_ranking


@pytest.mark.parametrize(
    "text", ["nearby", "Nearby", "NEARBY", "nearby.", "nearly", "nebula", "nested", "needed"]
)
def test_an_english_word_is_no_reference(text: str) -> None:
    assert reference_in(text) is None


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("N-7K3QX", "N-7K3QX"),
        ("n-7k3qx", "N-7K3QX"),
        ("N7K3QX", "N-7K3QX"),
        ("ref N7K3QX", "N-7K3QX"),
        ("nhdkak", "N-HDKAK"),
        ("N-EARBY", "N-EARBY"),  # with its dash a reference is a reference
    ],
    ids=str,
)
def test_a_reference_is_read(text: str, reference: str) -> None:
    assert reference_in(text) == reference


def test_nearby_stays_the_workers_answer() -> None:
    ranking = [{"name": INTENT_INFORM, "confidence": 0.9}, {"name": INTENT_FIRM_MANAGE, "confidence": 0.05}]
    guarded = guarded_ranking("nearby", INTENT_INFORM, ranking) or ranking
    assert guarded[0]["name"] != INTENT_FIRM_MANAGE
