"""Off-topic messages do not set anything in motion.

tests/data/off_topic.yml holds 30 messages about nothing the assistant does, none of them in the
training data. An intent classifier that is sure of itself on words it never saw would send them
to intents that act: on 2026-12-05 the LinearIntentClassifier, before out_of_scope had varied
examples, sent 12 of them to one ("my grandmother makes great soup" → forget_me); the DIET model
it replaced sent 3. The budget keeps us at least as good as DIET.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
OFF_TOPIC = ROOT / "tests" / "data" / "off_topic.yml"
# Intents whose rules only talk (answer, clarify, ask what next), wherever they come.
HARMLESS = {
    "nlu_fallback", "out_of_scope", "chitchat", "bot_challenge", "greet", "goodbye", "thank", "affirm",
    "deny", "inform", "add_skill", "remove_skill", "help", "not_sure", "skip", "continue",
}  # fmt: skip
BUDGET = 3  # of 30
pytestmark = pytest.mark.slow


async def test_off_topic_messages_reach_no_acting_intent(agent) -> None:  # noqa: ANN001
    acting = []
    for text in yaml.safe_load(OFF_TOPIC.read_text()):
        intent = (await agent.parse_message(str(text)))["intent"]["name"]
        if intent not in HARMLESS:
            acting.append((text, intent))
    assert len(acting) <= BUDGET, acting
