"""The widget across a real outage: the Rasa server stops, a message is typed, Rasa comes back.

The module has a stack of its own (stopping Rasa must not disturb the other tests) with Rasa's
HTTP API on behind a token, so that the test can read the conversation's tracker: the message
typed during the outage must be there exactly once, and the bot must have answered it once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from launcher.stack import Stack
from tests.e2e.conftest import stack_settings
from tests.e2e.widget_support import Visit

pytest_plugins = ["tests.e2e.widget_support"]

API_TOKEN = "widget-reconnect-test"
TYPED_OFFLINE = "show me the privacy notice"
ANSWER = "Privacy notice, in short"


@pytest.fixture(scope="module")
def own_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("reconnect-stack")
    settings = dataclasses.replace(stack_settings(tmp), api_token=API_TOKEN)
    with Stack(settings, trained_model, log_dir=tmp / "logs") as running:
        yield running


def user_texts(stack: Stack, sender_id: str) -> list[str]:
    """What the person said in the conversation, as Rasa's tracker (all sessions) has it."""
    response = requests.get(
        f"{stack.rasa_url}/conversations/{sender_id}/tracker",
        params={"token": API_TOKEN, "include_events": "ALL"},
        timeout=30,
    )
    response.raise_for_status()
    return [e.get("text") for e in response.json()["events"] if e["event"] == "user"]


def test_message_typed_while_rasa_is_down_arrives_once_after_restart(
    new_visit: Callable[..., Visit], own_stack: Stack
) -> None:
    visit = new_visit(own_stack)
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")

    own_stack.stop_process("rasa")
    expect(page.get_by_role("status")).to_have_text("Connection lost — reconnecting…", timeout=30_000)
    visit.type(TYPED_OFFLINE)
    expect(page.locator(".cc-pending")).to_have_count(1)

    own_stack.start_rasa()  # returns when Rasa answers HTTP; the widget finds it by itself
    expect(page.locator(".cc-pending")).to_have_count(0, timeout=60_000)
    expect(page.get_by_role("status")).to_be_hidden()
    visit.bot_says(ANSWER)
    visit.wait_for_replies(more_than=0, quiet_ms=3000)  # a second delivery would be answered by now

    expect(page.locator(".cc-user").filter(has_text=TYPED_OFFLINE)).to_have_count(1)
    expect(page.locator(".cc-bot").filter(has_text=ANSWER)).to_have_count(1)
    sender_id = page.evaluate("JSON.parse(localStorage.getItem('cluster-chat')).sessionId")
    assert user_texts(own_stack, sender_id).count(TYPED_OFFLINE) == 1
