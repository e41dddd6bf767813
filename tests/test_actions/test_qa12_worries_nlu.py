"""Worries, late consents and short follow-ups are understood as what they are (QA12), with
messages not in the training data; the trained model with its NLU guard reads them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def agent():  # noqa: ANN201
    from rasa.core.agent import Agent

    from launcher.training import ensure_model

    return Agent.load(str(ensure_model()))


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a worry is a question answered where it is asked, not a skill, a town or off topic
        ("I'm 58, can I still do a course?", "faq"),
        ("will there be a written test? I have dyslexia", "faq"),
        ("is my electrician diploma from Iraq valid here?", "faq"),
        ("can I use a wheelchair there?", "faq"),
        # no time of day in the catalogue: a question, not "closer" (it searched within 20 km)
        ("anything at the weekend?", "faq"),
        ("are there courses on saturdays?", "faq"),
        # a short follow-up to a comparison (it got "What would you like to do next?")
        ("and the cheapest one?", "compare_results"),
        ("and the nearest?", "compare_results"),
        # a late yes to passing an interest on
        ("you can pass my interest on now", "give_consent"),
    ],
    ids=str,
)
async def test_read_as(agent, text: str, intent: str) -> None:  # noqa: ANN001
    assert (await agent.parse_message(text))["intent"]["name"] == intent
