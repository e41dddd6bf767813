"""Fixtures for action tests: a small engine from the domain fixtures, a lead store, trackers.

The engine is the real ``Engine`` over the in-memory taxonomy and catalogue of
``tests/test_skills_catalog/conftest.py`` (fake recogniser and gazetteer included), installed
into ``actions.services`` for each test. Trackers are built by hand with :func:`tracker`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from actions import names, services  # noqa: E402
from actions.profile_form import ValidateProfileForm  # noqa: E402
from skills_catalog.alerts import InMemoryAlertSink  # noqa: E402
from skills_catalog.engine import Engine  # noqa: E402
from skills_catalog.leads import MemoryLeadStore  # noqa: E402
from skills_catalog.needs import SecretHasher  # noqa: E402
from skills_catalog.needs_memory import MemoryNeedStore  # noqa: E402
from tests.test_skills_catalog.conftest import (  # noqa: E402
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    make_taxonomy,
    o,
    s,
)

DOMAIN_DIR = ROOT / "bot" / "domain"
SENDER = "test-sender"
__all__ = ["o", "s", "SENDER", "tracker", "load_domain"]


def load_domain() -> dict[str, Any]:
    """The merged domain of bot/domain/*.yml as plain data (lists joined, mappings merged)."""
    merged: dict[str, Any] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        for key, value in (yaml.safe_load(path.read_text()) or {}).items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            else:
                merged[key] = value
    return merged


DOMAIN = load_domain()


def tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = names.INTENT_INFORM,
    entities: dict[str, str] | None = None,
    ranking: list[tuple[str, float]] | None = None,
    active_loop: str | None = None,
    channel: str | None = None,
    sender: str = SENDER,
) -> Tracker:
    """A tracker whose latest message is ``text`` with ``intent`` and ``entities``, received on
    ``channel`` (no user event at all when None) from ``sender``."""
    values = {name: None for name in DOMAIN["slots"]}
    values[names.REQUESTED_SLOT] = None
    values.update(slots or {})
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": k, "value": v} for k, v in (entities or {}).items()],
        "intent_ranking": [{"name": n, "confidence": c} for n, c in (ranking or [])],
    }
    events = [{"event": "user", "text": text, "input_channel": channel}] if channel else []
    return Tracker(
        sender,
        values,
        message,
        events,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        "action_listen",
    )


def greeted(track: Tracker) -> Tracker:
    """``track`` in a conversation the greeting has opened (a first message gets the greeting)."""
    track.slots[names.GREETED] = True
    return track


@pytest.fixture
def engine() -> Engine:
    taxonomy = make_taxonomy()
    return Engine(taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), make_catalog(), today=lambda: TODAY)


@pytest.fixture
def leads() -> MemoryLeadStore:
    return MemoryLeadStore()


@pytest.fixture
def needs() -> MemoryNeedStore:
    """An in-memory needs store with a cheap hasher (the real one costs ~50 ms per secret)."""
    return MemoryNeedStore(hasher=SecretHasher(n=2**4, r=1))


@pytest.fixture
def alerts() -> InMemoryAlertSink:
    return InMemoryAlertSink()


@pytest.fixture(autouse=True)
def services_in_memory(  # noqa: ANN201
    engine: Engine, leads: MemoryLeadStore, needs: MemoryNeedStore, alerts: InMemoryAlertSink
):
    services.use(engine, leads, needs, [alerts])
    yield
    services.use()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def texts_of(dispatcher: CollectingDispatcher) -> list[str]:
    """Every text the dispatcher sent, in order."""
    return [m.get("text") or "" for m in dispatcher.messages]


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    """SlotSet events as {slot: value} (the last one wins)."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def answered_in_form(text: str, asked: str, slots: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    """The slots the profile form sets and what it says when ``text`` answers the question ``asked``
    (``slots``: those set before), run as Rasa runs the form's validation."""
    d = CollectingDispatcher()
    t = tracker({names.REQUESTED_SLOT: asked, asked: text, **(slots or {})}, text=text, active_loop=names.PROFILE_FORM)
    t.events.append({"event": "slot", "name": asked, "value": text})  # the answer, as the form extracts it
    return slots_of(await ValidateProfileForm().run(d, t, DOMAIN)), texts_of(d)
