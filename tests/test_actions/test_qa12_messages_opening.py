"""QA12: a worker's first message read as a worker's, not as a firm's need nor a results command."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.nlu_guard import guarded_ranking
from actions.profile_form import ValidateProfileForm
from tests.test_actions.conftest import tracker
from tests.test_skills_catalog.conftest import o


def ranked(*names: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 / (i + 1)} for i, name in enumerate(names)]


def top(text: str, ranking: list[dict[str, object]]) -> str:
    guarded = guarded_ranking(text, str(ranking[0]["name"]), ranking)
    return str((guarded or ranking)[0]["name"])


@pytest.mark.parametrize(
    "text",
    [
        "hi, I'm a roofer, need something lighter",
        "roofer from Kapfenberg, my knees are done, need something lighter",
    ],
)
def test_a_worker_who_needs_something_else_is_no_firm(text: str) -> None:
    # QA12: both began a firm's need ("Welcome! I'll take your firm's skills need…") for 12 turns
    assert top(text, ranked("firm_start", "start_search", "greet")) == "start_search"


@pytest.mark.parametrize(
    "text",
    [
        "we need 3 welders",
        "I'm an employer",
        "I run a joinery and need CNC training",
        "register a skills need",
    ],
)
def test_a_firm_still_starts_its_need(text: str) -> None:
    assert top(text, ranked("firm_start", "start_search")) == "firm_start"


def test_closer_needs_words_of_distance() -> None:
    # QA12: "need something less physical" as a first message got "To look closer I need your town"
    assert (
        top("need something less physical", ranked("closer", "firm_start", "start_search")) == "start_search"
    )
    assert top("anything nearer?", ranked("closer", "start_search")) == "closer"
    assert top("that's too far", ranked("closer", "start_search")) == "closer"


@pytest.mark.parametrize(
    "text", ["i dont know what i can do", "no idea what to do", "I don't know what I should become"]
)
def test_not_knowing_what_to_do_is_not_sure_not_help(text: str) -> None:
    # QA12: "i dont know what i can do" at the goal question got the help text, not the jobs in demand
    assert top(text, ranked("help", "not_sure")) == "not_sure"


def test_asking_for_help_stays_help() -> None:
    assert top("what can you do?", ranked("help", "not_sure")) == "help"


@pytest.mark.parametrize("text", ["hi, I'm a welder, need something lighter", "welder from Graz, need something less physical"])
def test_needing_something_lighter_is_an_open_goal_not_a_skill(text: str) -> None:
    # QA12: "roofer …, need something lighter" had the skill *manage the lightering operation*
    kept = ValidateProfileForm().opening(text, CollectingDispatcher(), tracker(text=text))
    assert kept[names.OCCUPATION] == o("welder")
    assert names.SKILLS not in kept and kept.get(names.GOAL) is None


def test_a_worker_read_as_a_firm_is_no_off_topic_message() -> None:
    # QA12: "roofer from Kapfenberg, my knees are done, need something lighter" (firm_start 0.5) got
    # "Sorry, I can't help with that" once firm_start was dropped
    text = "roofer from Kapfenberg, my knees are done, need something lighter"
    assert top(text, ranked("firm_start", "firm_manage", "out_of_scope", "inform")) == "inform"
