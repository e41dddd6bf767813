"""The Rasa training data validates cleanly and the conversation tests pass on the cached model.

`rasa test core` checks the predicted actions of each story but takes the intents as given, so a
third test parses every `user` text of the stories with the model's NLU and checks its intent.

Slow: `rasa` starts in a few seconds each, and the model is trained first when its inputs
changed (``python -m launcher train`` caches it by input hash in bot/models/).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from skills_catalog.staff_access import STAFF_METADATA_KEY

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
STORIES = Path(__file__).resolve().parent
pytestmark = pytest.mark.slow


def rasa(*args: str, cwd: Path = BOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    return subprocess.run(
        [sys.executable, "-m", "rasa", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


def test_training_data_validates_without_warnings() -> None:
    result = rasa(
        "data",
        "validate",
        "--domain",
        "domain",
        "--data",
        "data",
        "--config",
        "config.yml",
        "--fail-on-warnings",
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "UserWarning" not in result.stderr


def test_conversation_stories_pass(tmp_path: Path) -> None:
    from launcher.training import ensure_model

    model = ensure_model()
    result = rasa(
        "test",
        "core",
        "--model",
        str(model),
        "--stories",
        str(STORIES),
        "--out",
        str(tmp_path),
        "--fail-on-prediction-errors",
        "--no-plot",
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details[-4000:] + result.stdout[-2000:] + result.stderr[-2000:]
    assert "# predicted:" not in details


def story_utterances() -> list[tuple[str, str]]:
    """(text, intent) of every user step with a text in the conversation tests."""
    pairs = []
    for path in sorted(STORIES.glob("*.yml")):
        for story in yaml.safe_load(path.read_text())["stories"]:
            pairs += [(step["user"].strip(), step["intent"]) for step in story["steps"] if "user" in step]
    return pairs


@pytest.fixture(scope="module")
def agent():  # noqa: ANN201
    from rasa.core.agent import Agent

    from launcher.training import ensure_model

    return Agent.load(str(ensure_model()))


async def test_story_texts_are_understood(agent) -> None:  # noqa: ANN001
    from rasa.core.channels.channel import UserMessage

    wrong = []
    for text, intent in story_utterances():
        # staff stories are told on a staff channel, which marks its messages as staff's
        metadata = {STAFF_METADATA_KEY: True} if intent.startswith("staff_") else None
        parsed = await agent.processor.parse_message(UserMessage(text, metadata=metadata))
        predicted = parsed["intent"]["name"]
        if predicted != intent:
            wrong.append((text, intent, predicted))
    assert wrong == []


@pytest.mark.parametrize("text", ["", "   ", "I can weld. " * 200], ids=["empty", "blank", "huge"])
async def test_empty_and_huge_messages_go_to_the_fallback(agent, text: str) -> None:  # noqa: ANN001
    parsed = await agent.parse_message(text)
    assert (parsed["intent"]["name"], parsed["intent"]["confidence"]) == ("nlu_fallback", 1.0)
