"""Databases for the tracker-store tests: a SQLite file, and a PostgreSQL database created and
dropped per test module (skipped when PostgreSQL is down, unless CI=true); and the Slack channel
served with a local double of Slack's Web API, for the Slack tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from sanic import Sanic

from connectors.slack import SlackInput
from tests.slack_double import SECRET, STAFF, TOKEN, SlackDouble
from tests.test_connectors.channel_support import EchoBot, served

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"


@pytest.fixture(scope="module")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database name, dropped afterwards."""
    admin = sqlalchemy.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT", future=True)
    name = f"tracker_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sqlalchemy.exc.OperationalError:
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but PostgreSQL is unreachable")
        pytest.skip(f"PostgreSQL unreachable at {PG_SERVER}")
    yield name
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker_db(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    """The SQL tracker store's keys for one database; every store made with them shares it."""
    if request.param == "sqlite":
        return {"dialect": "sqlite", "db": str(tmp_path / "t.db")}
    db = request.getfixturevalue("pg_database")
    return {"dialect": "postgresql", "host": "127.0.0.1", "port": 5432, "db": db, "username": "postgres"}


# The Slack channel served as Rasa serves it, with a local double of Slack's Web API (the Slack
# tests' fixtures; a module defining its own ``bot`` or ``webhook`` overrides them).
@pytest.fixture
def double() -> Iterator[SlackDouble]:
    web_api = SlackDouble()
    yield web_api
    web_api.close()


@pytest.fixture
def bot() -> EchoBot:
    return EchoBot()


@pytest.fixture
async def webhook(double: SlackDouble, bot: EchoBot, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    """The channel served by Sanic as Rasa serves it: /webhooks/slack/webhook."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setenv("STAFF_SLACK_USERS", f"{STAFF}, UOTHER2")
    channel = SlackInput.from_credentials(
        {"slack_token": TOKEN, "slack_signing_secret": SECRET, "api_base_url": double.base_url}
    )
    async with served(channel, bot) as url:
        yield url
