"""The production profile for real: two Rasa processes behind nginx on PostgreSQL and Redis.

Turns of one conversation go alternately to both processes; the tracker kept in PostgreSQL
must hold every turn once, in order, and the HTTP API must refuse callers without the token.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
import requests
import sqlalchemy

from launcher.production import ProductionStack
from tests.e2e.conftest import require_or_skip, stack_settings

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
TOKEN = "test-" + uuid.uuid4().hex
TURNS = ["hello", "/give_consent", "I worked as a welder", "MIG welding", "yes", "not sure", "what can you do?"]


def reachable(url: str) -> bool:
    try:
        sqlalchemy.create_engine(url, future=True).connect().close()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """A fresh PostgreSQL database for this module, dropped afterwards."""
    require_or_skip(reachable(f"{PG_SERVER}/postgres"), f"PostgreSQL at {PG_SERVER}")
    name = f"csa_test_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    yield f"{PG_SERVER}/{name}"
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def production(trained_model: Path, database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProductionStack]:
    require_or_skip(shutil.which("nginx") is not None or Path("/usr/sbin/nginx").exists(), "nginx")
    tmp = tmp_path_factory.mktemp("production")
    settings = replace(
        stack_settings(tmp),
        tracker_db_url=database,
        needs_db_url=database,
        lock_store_url="redis://127.0.0.1:6379/0",
        api_token=TOKEN,
    )
    with ProductionStack(settings, trained_model, log_dir=tmp / "logs", workers=2) as stack:
        yield stack


def say(port: int, sender: str, text: str) -> list[dict]:
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    response = requests.post(url, json={"sender": sender, "message": text}, timeout=60)
    response.raise_for_status()
    return response.json()


def user_texts(stack: ProductionStack, sender: str) -> list[str]:
    url = f"{stack.rasa_url}/conversations/{sender}/tracker?token={TOKEN}"
    events = requests.get(url, timeout=30).json()["events"]
    return [e["text"] for e in events if e["event"] == "user"]


def test_turns_alternating_between_workers_are_kept_in_order(production: ProductionStack) -> None:
    sender = f"prod-{uuid.uuid4().hex[:8]}"
    ports = production.backend_ports
    for number, turn in enumerate(TURNS):
        assert say(ports[number % 2], sender, turn), f"no answer to {turn!r}"
    assert user_texts(production, sender) == TURNS


def test_simultaneous_turns_of_one_conversation_are_serialised(production: ProductionStack) -> None:
    sender = f"prod-{uuid.uuid4().hex[:8]}"
    say(production.backend_ports[0], sender, "hello")
    texts = ["what can you do?", "who are you?"]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda pair: say(*pair), [(p, sender, t) for p, t in zip(production.backend_ports, texts, strict=True)]))
    assert all(answers)
    assert sorted(user_texts(production, sender)[1:]) == sorted(texts)


def test_nginx_front_serves_rest_and_api_needs_the_token(production: ProductionStack) -> None:
    sender = f"prod-{uuid.uuid4().hex[:8]}"
    assert say(production.settings.rasa_port, sender, "hello")
    assert requests.get(f"{production.rasa_url}/conversations/{sender}/tracker", timeout=10).status_code == 401
    assert requests.get(f"{production.rasa_url}/status?token=wrong", timeout=10).status_code == 401
