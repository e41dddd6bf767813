"""Fixtures that start the real assistant (action server, Rasa server, widget page) on free ports."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from launcher.stack import Stack, free_port
from launcher.training import ensure_model
from skills_catalog.settings import VAR_DIR, Settings


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/e2e starts servers: mark it so `make test-fast` can leave it out."""
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model for the current training data (trained once, then cached by input hash)."""
    return ensure_model()


# Scripts answer faster than people type: the channel guard's per-sender limit (10 per 10 s, see
# connectors/guard.py and its unit tests) would throttle a long scripted conversation.
SCRIPTED_RATE = "100/10"


MEMBER_SITE_PORT = free_port()  # a member firm's site that embeds the widget (CORS_ORIGINS lists it)


def stack_settings(tmp: Path) -> Settings:
    """Settings for a private stack: free ports, databases in tmp, the shared taxonomy cache."""
    web_port = free_port()
    return Settings(
        cache_dir=VAR_DIR / "cache",
        tracker_db_url=f"sqlite:///{tmp / 'tracker.db'}",
        needs_db_url=f"sqlite:///{tmp / 'needs.db'}",
        rasa_port=free_port(),
        actions_port=free_port(),
        web_port=web_port,
        cors_origins=(
            f"http://localhost:{web_port}",
            f"http://127.0.0.1:{web_port}",
            f"http://localhost:{MEMBER_SITE_PORT}",
        ),
    )


@pytest.fixture(scope="session")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One running assistant shared by the end-to-end tests of a session."""
    tmp = tmp_path_factory.mktemp("stack")
    env = {"GUARD_RATE": SCRIPTED_RATE}
    with Stack(stack_settings(tmp), trained_model, log_dir=tmp / "logs", extra_env=env) as running:
        yield running


class RestUser:
    """A person talking to the bot over Rasa's REST channel, as a script or test would."""

    def __init__(self, stack: Stack, sender: str | None = None) -> None:
        self.url = f"{stack.rasa_url}/webhooks/rest/webhook"
        self.sender = sender or f"e2e-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> list[dict]:
        """Send one message and return the bot's replies (text, buttons, custom payloads)."""
        response = requests.post(self.url, json={"sender": self.sender, "message": text}, timeout=60)
        response.raise_for_status()
        return response.json()


@pytest.fixture
def rest_user(stack: Stack) -> RestUser:
    return RestUser(stack)


def require_or_skip(condition: bool, what: str) -> None:
    """Skip when a prerequisite is missing, except on CI where everything must run."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing, and CI must run this test")
    pytest.skip(f"{what} is missing")
