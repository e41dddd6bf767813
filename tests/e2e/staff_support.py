"""A stack with the Slack staff channel, and helpers to talk to it as staff (tests/e2e).

Slack is Rasa's real Slack channel (connectors/slack.py) fed signed Events API requests; its
Web API is a local double (tests/slack_double.py) that records every call. ``slack_env`` is
what the launcher reads to enable the channel, as ``make run`` would; ``running_stack`` starts
a private stack with it. A test module that only needs Slack uses the ``slack_stack`` fixture
(``pytest_plugins = ["tests.e2e.staff_support"]``); one that adds Matrix builds its own
environment from ``slack_env`` (tests/e2e/test_firm_to_staff.py).

PYTEST_DONT_REWRITE: test modules import this one before pytest may load it as a plugin.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from launcher.stack import Stack
from tests.e2e.conftest import stack_settings
from tests.slack_double import SECRET, TOKEN, SlackDouble, message_event, signed

STAFF_SLACK, GUEST_SLACK = "USTAFF1", "UGUEST9"
ALERT_CHANNEL, STAFF_DM = "C0ALERTS", "D0STAFF"


def slack_env(slack: SlackDouble) -> dict[str, str]:
    """The environment that enables the Slack channel against ``slack``, one staff member."""
    return {
        "STAFF_SLACK_USERS": STAFF_SLACK, "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_BASE_URL": slack.base_url, "SLACK_ALERT_CHANNEL": ALERT_CHANNEL,
        "GUARD_RATE": "1000/10",  # a script answers faster than a person: no flood limit here
    }  # fmt: skip


@contextmanager
def running_stack(trained_model: Path, tmp: Path, env: dict[str, str]) -> Iterator[Stack]:
    """A private stack (databases in ``tmp``) started with ``env``; stopped afterwards."""
    stack = Stack(stack_settings(tmp), trained_model, log_dir=tmp / "logs", extra_env=env)
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()


@dataclass
class SlackStack:
    stack: Stack
    slack: SlackDouble


@pytest.fixture(scope="module")
def slack_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SlackStack]:
    """A stack of its own with the Slack channel enabled against a local Web API double."""
    slack = SlackDouble()
    try:
        with running_stack(trained_model, tmp_path_factory.mktemp("slack-stack"), slack_env(slack)) as stack:
            yield SlackStack(stack, slack)
    finally:
        slack.close()


def slack_says(stack: Stack, text: str, user: str = STAFF_SLACK) -> int:
    """Posts a signed direct message event from ``user`` to the stack's Slack webhook."""
    body = message_event(text, user=user, channel=STAFF_DM)
    url = f"{stack.rasa_url}/webhooks/slack/webhook"
    return requests.post(url, data=body, headers=signed(body), timeout=30).status_code


def posted_to(channel: str, contains: str) -> Callable[[dict[str, Any]], bool]:
    """A ``SlackDouble.wait_for_sync`` filter: a message to ``channel`` whose text has ``contains``."""
    return lambda call: (
        call["params"].get("channel") == channel and contains in str(call["params"].get("text"))
    )
