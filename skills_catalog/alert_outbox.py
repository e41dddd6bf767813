"""Alerts waiting for a chat service: a durable outbox beside the needs, on SQLite or PostgreSQL.

Why: with the homeserver down, the alert of a new need was logged as "not delivered" and lost,
while the firm read "The cluster team has been told" (QA Matrix, M6). Every alert is now
written here first, one row per sink, and deleted once that sink took it; a row a sink refused
stays, and it and the rows behind it are tried again, in order (``skills_catalog/alerts.py``
says when).

A row is claimed for a while (a lease) before it is sent, so two threads or two action-server
processes never send it both, and a process that died while sending gives it up when the lease
ends. The table ``alert_outbox`` is created when missing. :class:`MemoryAlertOutbox` is the same
in a list, for tests and the ``memory://`` profile.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from skills_catalog.errors import StoreError
from skills_catalog.needs_sql import UTCDateTime, make_engine

PG_CREATE_LOCK = 0x616C65727473  # "alerts": one process creates the table, the others wait


@dataclass(frozen=True)
class PendingAlert:
    """One alert waiting for one sink.

    Attributes:
        id: its place in the outbox; alerts go out in this order.
        key: unique and the same on every try, so a sink can make a repeated post idempotent.
        attempts: how many tries failed so far.
    """

    id: int
    sink: str
    key: str
    text: str
    created_at: datetime
    attempts: int


class AlertOutbox(Protocol):
    """Where alerts wait until their sink took them."""

    def add(self, sinks: Sequence[str], text: str, now: datetime) -> list[int]:
        """Queue ``text`` once for each sink; the new rows' ids, in the order of ``sinks``."""

    def claim(self, sink: str, now: datetime, lease: timedelta, due_only: bool) -> PendingAlert | None:
        """The oldest alert waiting for ``sink``, now claimed until ``now + lease``; None when
        nothing waits, when another holder's lease runs, or (``due_only``) when its retry is
        not due. Only the oldest is ever given out: that keeps the order."""

    def delivered(self, alert_id: int) -> None:
        """The sink took it: it leaves the outbox."""

    def failed(self, alert_id: int, retry_at: datetime, reason: str) -> None:
        """The sink refused it: count the try, free the claim, try again from ``retry_at``."""


class MemoryAlertOutbox:
    """The outbox in a list (tests, ``memory://``): lost with the process, as everything there."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self._next_id = 1

    def add(self, sinks: Sequence[str], text: str, now: datetime) -> list[int]:
        with self.lock:
            rows = [_new_row(self._next_id + offset, sink, text, now) for offset, sink in enumerate(sinks)]
            self._next_id += len(rows)
            self.rows += rows
            return [row["id"] for row in rows]

    def claim(self, sink: str, now: datetime, lease: timedelta, due_only: bool) -> PendingAlert | None:
        with self.lock:
            row = next((row for row in self.rows if row["sink"] == sink), None)
            if row is None or not _claimable(row, now, due_only):
                return None
            row["claimed_until"] = now + lease
            return _pending(row)

    def delivered(self, alert_id: int) -> None:
        with self.lock:
            self.rows = [row for row in self.rows if row["id"] != alert_id]

    def failed(self, alert_id: int, retry_at: datetime, reason: str) -> None:
        with self.lock:
            for row in self.rows:
                if row["id"] == alert_id:
                    row.update(_failure(row["attempts"] + 1, retry_at, reason))


OUTBOX = Table(
    "alert_outbox", MetaData(),
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sink", String(300), nullable=False),
    Column("key", String(32), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_try_at", UTCDateTime, nullable=False),
    Column("claimed_until", UTCDateTime),
    Column("last_error", String(300), nullable=False),
    Index("ix_alert_outbox_sink_id", "sink", "id"),
    sqlite_autoincrement=True,  # ids never reused: the logs name one alert each
)  # fmt: skip


class SqlAlertOutbox:
    """The outbox in the needs database (``NEEDS_DB_URL``); the table is made on first use.

    Raises (every method):
        StoreError: the database cannot be reached or refused the change.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._created = False
        self._lock = threading.Lock()

    def add(self, sinks: Sequence[str], text: str, now: datetime) -> list[int]:
        with self._transaction("queue an alert") as conn:
            return [
                int(
                    conn.execute(insert(OUTBOX).values(_new_row(None, sink, text, now))).inserted_primary_key[
                        0
                    ]
                )
                for sink in sinks
            ]

    def claim(self, sink: str, now: datetime, lease: timedelta, due_only: bool) -> PendingAlert | None:
        oldest = select(OUTBOX).where(OUTBOX.c.sink == sink).order_by(OUTBOX.c.id).limit(1)
        with self._transaction("claim an alert") as conn:
            row = conn.execute(oldest).mappings().first()
            if row is None or not _claimable(row, now, due_only):
                return None
            free = or_(OUTBOX.c.claimed_until.is_(None), OUTBOX.c.claimed_until <= now)
            # the condition again in the UPDATE: another process may have claimed it meanwhile
            taken = conn.execute(
                update(OUTBOX).where(OUTBOX.c.id == row["id"], free).values(claimed_until=now + lease)
            )
            return _pending(row) if taken.rowcount == 1 else None

    def delivered(self, alert_id: int) -> None:
        with self._transaction("drop a delivered alert") as conn:
            conn.execute(delete(OUTBOX).where(OUTBOX.c.id == alert_id))

    def failed(self, alert_id: int, retry_at: datetime, reason: str) -> None:
        with self._transaction("note a failed alert") as conn:
            conn.execute(
                update(OUTBOX)
                .where(OUTBOX.c.id == alert_id)
                .values(_failure(OUTBOX.c.attempts + 1, retry_at, reason))
            )

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _transaction(self, what: str) -> Iterator[Connection]:
        try:
            self._create_once()
            with self._engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"the alert outbox could not {what} ({type(exc).__name__})") from exc

    def _create_once(self) -> None:
        with self._lock:
            if self._created:
                return
            with self._engine.begin() as conn:
                if conn.dialect.name == "postgresql":  # two processes starting together
                    conn.execute(select(func.pg_advisory_xact_lock(PG_CREATE_LOCK)))
                OUTBOX.create(conn, checkfirst=True)
            self._created = True


def open_alert_outbox(url: str) -> AlertOutbox:
    """The outbox on the needs database a settings URL names (``memory://``: in a list).

    Raises:
        StoreError: the URL cannot be used (nothing connects yet).
    """
    if not url or url.startswith("memory"):
        return MemoryAlertOutbox()
    return SqlAlertOutbox(make_engine(url))


def _new_row(row_id: int | None, sink: str, text: str, now: datetime) -> dict[str, Any]:
    row = {"sink": sink, "key": uuid.uuid4().hex, "text": text, "created_at": now, "attempts": 0,
           "next_try_at": now, "claimed_until": None, "last_error": ""}  # fmt: skip
    return row if row_id is None else {"id": row_id, **row}


def _claimable(row: Any, now: datetime, due_only: bool) -> bool:
    claimed = row["claimed_until"] is not None and row["claimed_until"] > now
    return not claimed and not (due_only and row["next_try_at"] > now)


def _failure(attempts: Any, retry_at: datetime, reason: str) -> dict[str, Any]:
    """The change a failed try makes (``attempts``: the new count, or its SQL expression)."""
    return {"attempts": attempts, "next_try_at": retry_at, "claimed_until": None, "last_error": reason[:300]}


def _pending(row: Any) -> PendingAlert:
    return PendingAlert(row["id"], row["sink"], row["key"], row["text"], row["created_at"], row["attempts"])
