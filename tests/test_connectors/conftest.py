"""Databases for the tracker-store tests: a SQLite file, and a PostgreSQL database created and
dropped per test module (skipped when PostgreSQL is down, unless CI=true)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy

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
