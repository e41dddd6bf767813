"""Answers typed inside the forms are understood as answers: not the fallback, not an interruption.

tests/data/in_form_answers.yml holds 117 answers that are not in the training data. On it the
DIETClassifier we replaced sent 14 to the fallback and 2 to an interrupting intent (16 in all);
the LinearIntentClassifier 2 and 3 (docs/performance.md, "Conversation load"). The budget
below keeps it at least as good as DIET with room for one or two changes in training data.
Since 2026-12-06 it holds 127 (firms' sectors, months after "from"): 2 missed, with the NLU guard.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "tests" / "data" / "in_form_answers.yml"
BUDGET = 8  # answers, of 127, that may go to the fallback or to an interrupting intent
pytestmark = pytest.mark.slow


def interrupting_intents() -> dict[str, set[str]]:
    """Per slot, the intents that interrupt the form (the `not_intent` of its from_text mapping)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        for slot, spec in (yaml.safe_load(path.read_text()).get("slots") or {}).items():
            for mapping in spec.get("mappings", []):
                found.setdefault(slot, set()).update(mapping.get("not_intent", []))
    return found


def in_form_answers() -> list[tuple[str, str]]:
    """(slot, answer) for every answer in the file."""
    forms = yaml.safe_load(ANSWERS.read_text())
    return [(slot, str(text)) for slots in forms.values() for slot, texts in slots.items() for text in texts]


async def test_in_form_answers_are_taken_as_answers(agent) -> None:  # noqa: ANN001
    interrupts, missed = interrupting_intents(), []
    for slot, text in in_form_answers():
        intent = (await agent.parse_message(text))["intent"]["name"]
        if intent == "nlu_fallback" or intent in interrupts[slot]:
            missed.append((slot, text, intent))
    assert len(missed) <= BUDGET, missed


@pytest.mark.parametrize(
    ("text", "starts_over"),
    [("from March", False), ("from January", False), ("start over", True), ("can we start again from scratch", True)],
    ids=["a-date", "a-date-once-out-of-scope", "said", "said-otherwise"],
)
async def test_start_over_only_when_said(agent, text: str, starts_over: bool) -> None:  # noqa: ANN001
    # it drops every answer at once: "from March" once went there by "from the beginning"
    assert ((await agent.parse_message(text))["intent"]["name"] == "start_over") is starts_over


@pytest.mark.parametrize("text", ["from January", "from May", "max 30 km", "by the end of June"])
async def test_a_stated_preference_is_an_answer(agent, text: str) -> None:  # noqa: ANN001
    # "from January" lost start_over to the guard and fell to out_of_scope: "Sorry, I can't help"
    assert (await agent.parse_message(text))["intent"]["name"] == "inform"


@pytest.mark.parametrize("text", ["data analyst", "data scientist", "I'd like to become a data scientist", "data engineer"])
async def test_jobs_in_data_are_answers(agent, text: str) -> None:  # noqa: ANN001
    # "data analyst", a job of the bot's own "jobs in demand" buttons, got the privacy notice
    assert (await agent.parse_message(text))["intent"]["name"] == "inform"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("I'm interested in number 7", "express_interest"), ("details of number 9", "offer_details")],
)
async def test_an_offer_named_by_its_number(agent, text: str, intent: str) -> None:  # noqa: ANN001
    # both got "What would you like to do next?"
    assert (await agent.parse_message(text))["intent"]["name"] == intent


@pytest.mark.parametrize(
    "text", ["I'm looking for an online welding course in September", "is there a free CNC course near Graz?"]
)
async def test_a_course_asked_for_with_its_limits_starts_a_search(agent, text: str) -> None:  # noqa: ANN001
    # "I'm looking for an online welding course in September" got "What would you like to do next?"
    assert (await agent.parse_message(text))["intent"]["name"] == "start_search"


@pytest.mark.parametrize("text", ["New hires", "new hires please"])
async def test_new_hires_is_an_answer(agent, text: str) -> None:  # noqa: ANN001
    # at "new hires, or upskilling of your current staff?" it went to out_of_scope and the firm was stuck
    assert (await agent.parse_message(text))["intent"]["name"] not in ("out_of_scope", "nlu_fallback")
