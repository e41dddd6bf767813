"""Rasa's conversation history (the tracker store's ``events`` table), reached with plain SQL.

Why here: "forget me" must erase the conversations a firm's need came from — the one it was
posted in, where the firm typed its company, contact name, e-mail and phone, and those it was
opened in with its secret — and a firm comes back in a new conversation, so these are other
conversations than the one asking. Plain SQL, because this package never imports Rasa. The
conversation asking is not erased here: Rasa saves its turn after the action ran and would
re-insert every event it found missing, so the tracker store erases that one itself
(``connectors/tracker_store.py``).

It relies on the layout of Rasa 3.6's ``SQLTrackerStore``: one table ``events`` with
``sender_id``, ``type_name`` and ``timestamp`` (float, Unix seconds), which the retention job
(:func:`skills_catalog.privacy.apply_retention`) reads too; ``tests/test_connectors/
test_tracker_forget.py`` fails when a Rasa upgrade changes it. A conversation erased while Rasa
holds it in its session cache is read again from the table on its next turn
(``connectors/session_cache.py``), and starts afresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection
from typing import Protocol

from sqlalchemy import column, create_engine, delete, inspect, select, table
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from skills_catalog.errors import StoreError

logger = logging.getLogger(__name__)

EVENTS = table("events", column("sender_id"))


class ConversationStore(Protocol):
    """Where the conversations are kept (Rasa's tracker store)."""

    def erase(self, sender_ids: Collection[str]) -> int:
        """Delete every event of these conversations, in every session; how many had any."""


def tracker_engine(url: str) -> Engine:
    """An engine on Rasa's tracker database, leaving Rasa's SQLite file as Rasa set it up (no
    pragma of the needs store's); PostgreSQL gets the needs store's timeout, so that a database
    that is down costs a chat turn seconds, not minutes, and a pool checked before each use."""
    try:
        parsed = make_url(url.replace("postgres://", "postgresql://", 1))
        if parsed.get_backend_name() == "postgresql":
            return create_engine(parsed, future=True, pool_pre_ping=True, connect_args={"connect_timeout": 5})
        return create_engine(parsed, future=True)
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"the tracker database URL cannot be used: {type(error).__name__}") from error


class MemoryConversationStore:
    """Conversations as sender id → events: tests, and running without a tracker database."""

    def __init__(self, events: dict[str, list[object]] | None = None) -> None:
        self.events = dict(events or {})
        self._lock = threading.Lock()

    def erase(self, sender_ids: Collection[str]) -> int:
        with self._lock:
            return sum(1 for sender in set(sender_ids) if self.events.pop(sender, None))


class SqlConversationStore:
    """Rasa's ``events`` table on SQLite or PostgreSQL; the engine is made on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    def _db(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = tracker_engine(self.url)
            return self._engine

    def erase(self, sender_ids: Collection[str]) -> int:
        """Raises StoreError when the database cannot be written (nothing was deleted then)."""
        wanted = sorted(set(sender_ids))
        if not wanted:
            return 0
        mine = EVENTS.c.sender_id.in_(wanted)
        try:
            with self._db().begin() as conn:
                if not inspect(conn).has_table("events"):
                    return 0
                found = conn.execute(select(EVENTS.c.sender_id).where(mine).distinct()).scalars().all()
                conn.execute(delete(EVENTS).where(mine))
        except SQLAlchemyError as error:
            raise StoreError(f"conversations not erased: {type(error).__name__}") from error
        logger.info("conversation(s) %s erased on request", ", ".join(found) or "none")
        return len(found)


def open_conversation_store(url: str | None) -> ConversationStore:
    """The store a tracker URL names; ``None``, ``""`` or ``memory…`` give an in-memory one."""
    if not url or url.startswith("memory"):
        return MemoryConversationStore()
    return SqlConversationStore(url)
