"""The NLU guard's corrections of the intent classifier, without Rasa."""

from __future__ import annotations

import pytest

from actions.nlu_guard import FALLBACK, guarded_ranking


def ranked(*names: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 / (i + 1)} for i, name in enumerate(names)]


def test_blank_and_huge_messages_go_to_the_fallback() -> None:
    assert guarded_ranking("  ", "greet", ranked("greet")) == [FALLBACK]
    assert guarded_ranking("x" * 5000, "inform", ranked("inform")) == [FALLBACK]


def test_start_over_stands_only_when_said() -> None:
    assert guarded_ranking("start over please", "start_over", ranked("start_over", "inform")) is None
    assert guarded_ranking("I can begin at once", "start_over", ranked("start_over", "inform"))[0]["name"] == "inform"


def test_a_stated_preference_is_an_answer_not_off_topic() -> None:
    # "from January" once lost start_over and fell to out_of_scope: "Sorry, I can't help with that"
    guarded = guarded_ranking("from January", "start_over", ranked("start_over", "out_of_scope", "inform"))
    assert [r["name"] for r in guarded] == ["inform", "out_of_scope"]
    assert guarded_ranking("max 30 km", "nlu_fallback", ranked("nlu_fallback", "inform"))[0]["name"] == "inform"


def test_off_topic_without_a_preference_stays() -> None:
    assert guarded_ranking("what's the weather like?", "out_of_scope", ranked("out_of_scope", "inform")) is None
    assert guarded_ranking("German", "inform", ranked("inform", "out_of_scope")) is None


def test_another_language_called_off_topic_goes_to_the_fallback() -> None:
    # "ja" got "Sorry, I can't help with that"; the fallback's clarification says English only
    assert guarded_ranking("ja", "out_of_scope", ranked("out_of_scope", "affirm")) == [FALLBACK]
    assert guarded_ranking("Bauer und Partner KG", "inform", ranked("inform")) is None


@pytest.mark.parametrize(
    ("text", "top"),
    [
        ("we're hiring 5 electricians by March", "nlu_fallback"),
        ("we're hiring 5 electricians by March", "inform"),
        ("We are hiring welders", "out_of_scope"),
        ("we need 3 welders in Kapfenberg", "inform"),
        ("we are looking for 2 CNC operators", "start_search"),
        ("our company needs two welders", "inform"),
    ],
    ids=str,
)
def test_a_firm_opening_its_need_starts_the_firm_journey(text: str, top: str) -> None:
    # f04/f05: "we're hiring 5 electricians by March" went to the worker ("by March" made it inform)
    guarded = guarded_ranking(text, top, ranked(top, "firm_start"))
    assert [r["name"] for r in guarded] == ["firm_start", top]


@pytest.mark.parametrize(
    "text", ["we are looking for a welding course", "we need to change our posted need", "I need 3 courses"]
)
def test_a_need_of_no_firm_stands(text: str) -> None:
    assert guarded_ranking(text, "inform", ranked("inform", "firm_start")) is None
