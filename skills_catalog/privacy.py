"""Personal data: consent records, "what do you store about me", "forget me" and retention.

Why one module: the GDPR questions cut across the stores (leads, needs, consents, Rasa's
conversation history), and answering them from one place keeps the answer and the deletion
in step — whatever :func:`stored_about` lists, :func:`erase` deletes. That includes the other
conversations a sender's needs came from (:meth:`NeedStore.conversations_of`): a firm posts a
need in one conversation and comes back with its secret in another.

Consent records (table ``consents`` beside the needs and leads tables, on
``settings.needs_db_url``) hold ids only: the chat's sender id, the purpose's text id, the
channel, when consent was given and, once withdrawn, when. A refusal with nothing to withdraw
stores nothing.

Retention (:func:`apply_retention`, ``skills-catalog retention --days N``) also reaches Rasa's
tracker store with plain SQL, because this package never imports Rasa. It relies on the layout
of Rasa 3.6's ``SQLTrackerStore``: one table ``events`` with ``sender_id``, ``type_name`` and
``timestamp`` (float, Unix seconds); a Rasa upgrade must re-check it (the tests build the
table as Rasa does); :mod:`skills_catalog.conversations` says more.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Protocol

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    MetaData,
    String,
    Table,
    bindparam,
    delete,
    inspect,
    select,
    text,
    update,
)  # fmt: skip
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.elements import BindParameter

from skills_catalog.conversations import ConversationStore, tracker_engine
from skills_catalog.errors import StoreError
from skills_catalog.leads import Lead, LeadStore
from skills_catalog.needs import NeedStore
from skills_catalog.needs_sql import UTCDateTime, make_engine

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: how long each kind of record is kept unless deleted earlier (days); said to people and used
#: as the default of the retention command
RETENTION_DAYS = 365


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- consent records


@dataclass(frozen=True)
class ConsentRecord:
    """One consent: who (sender id), for what (purpose text id), where, when, withdrawn when."""

    record_id: str
    sender_id: str
    purpose: str
    channel: str
    given_at: datetime
    withdrawn_at: datetime | None = None


class ConsentStore(Protocol):
    """Where consent records are kept."""

    def record_given(self, sender_id: str, purpose: str, channel: str) -> ConsentRecord:
        """Record consent given now."""

    def withdraw(self, sender_id: str) -> int:
        """Mark every active consent of the sender withdrawn now; returns how many."""

    def for_sender(self, sender_id: str) -> list[ConsentRecord]:
        """Every consent record of one sender, oldest first."""

    def delete_sender(self, sender_id: str) -> int:
        """Delete every record of one sender ("forget me"); returns how many."""


def _new_record(sender_id: str, purpose: str, channel: str, now: datetime) -> ConsentRecord:
    if not (sender_id and purpose):
        raise StoreError("a consent record needs a sender id and a purpose")
    return ConsentRecord(uuid.uuid4().hex, sender_id, purpose, channel or "unknown", now)


class MemoryConsentStore:
    """Consent records in a list: tests and the offline profile."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._records: list[ConsentRecord] = []
        self._clock = clock
        self._lock = threading.Lock()

    def record_given(self, sender_id: str, purpose: str, channel: str) -> ConsentRecord:
        record = _new_record(sender_id, purpose, channel, self._clock())
        with self._lock:
            self._records.append(record)
        return record

    def withdraw(self, sender_id: str) -> int:
        now, count = self._clock(), 0
        with self._lock:
            for i, record in enumerate(self._records):
                if record.sender_id == sender_id and record.withdrawn_at is None:
                    self._records[i], count = replace(record, withdrawn_at=now), count + 1
        return count

    def for_sender(self, sender_id: str) -> list[ConsentRecord]:
        return [record for record in self._records if record.sender_id == sender_id]

    def delete_sender(self, sender_id: str) -> int:
        with self._lock:
            before = len(self._records)
            self._records = [r for r in self._records if r.sender_id != sender_id]
            return before - len(self._records)


METADATA = MetaData()
CONSENTS = Table(
    "consents",
    METADATA,
    Column("record_id", String(32), primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("purpose", String(200), nullable=False),
    Column("channel", String(100), nullable=False),
    Column("given_at", UTCDateTime, nullable=False, index=True),
    Column("withdrawn_at", UTCDateTime),
)


class SqlConsentStore:
    """Consent records in SQLite or PostgreSQL; the table is created on first use."""

    def __init__(self, url: str, clock: Clock = utc_now) -> None:
        self.url = url
        self._clock = clock
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    def _db(self) -> Engine:
        with self._lock:
            if self._engine is None:
                engine = make_engine(self.url)
                try:
                    METADATA.create_all(engine)
                except SQLAlchemyError as error:
                    raise StoreError(f"consent store unavailable: {type(error).__name__}") from error
                self._engine = engine
            return self._engine

    def _run(self, what: str, statement: object) -> int:
        try:
            with self._db().begin() as conn:
                return int(conn.execute(statement).rowcount or 0)  # type: ignore[call-overload]
        except SQLAlchemyError as error:
            raise StoreError(f"consent records not {what}: {type(error).__name__}") from error

    def record_given(self, sender_id: str, purpose: str, channel: str) -> ConsentRecord:
        record = _new_record(sender_id, purpose, channel, self._clock())
        self._run("saved", CONSENTS.insert().values(**record.__dict__))
        logger.info("consent %s recorded for purpose %s", record.record_id, purpose)
        return record

    def withdraw(self, sender_id: str) -> int:
        active = (CONSENTS.c.sender_id == sender_id) & CONSENTS.c.withdrawn_at.is_(None)
        return self._run("withdrawn", update(CONSENTS).where(active).values(withdrawn_at=self._clock()))

    def for_sender(self, sender_id: str) -> list[ConsentRecord]:
        query = select(CONSENTS).where(CONSENTS.c.sender_id == sender_id).order_by(CONSENTS.c.given_at)
        try:
            with self._db().connect() as conn:
                return [ConsentRecord(**row) for row in conn.execute(query).mappings()]
        except SQLAlchemyError as error:
            raise StoreError(f"consent records not read: {type(error).__name__}") from error

    def delete_sender(self, sender_id: str) -> int:
        return self._run("deleted", delete(CONSENTS).where(CONSENTS.c.sender_id == sender_id))


def open_consent_store(url: str | None) -> ConsentStore:
    """The store a URL names; ``None``, ``""``, ``memory`` or ``memory://`` give an in-memory one."""
    if not url or url.startswith("memory"):
        return MemoryConsentStore()
    return SqlConsentStore(url)


# ---------------------------------------------------------------- what is stored, forget me


@dataclass(frozen=True)
class NeedRef:
    """A firm need as shown to its sender: reference and status only, never the secret."""

    reference: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class StoredRecords:
    """Everything the stores outside the conversation hold about one sender."""

    leads: tuple[Lead, ...]
    needs: tuple[NeedRef, ...]
    consents: tuple[ConsentRecord, ...]
    #: sender ids of the other conversations its needs were posted or unlocked in
    conversations: tuple[str, ...]


def stored_about(sender_id: str, leads: LeadStore, needs: NeedStore, consents: ConsentStore) -> StoredRecords:
    """What the lead, needs and consent stores hold about one sender: its needs are those posted
    from the conversation and those unlocked in it with their secret, and the other
    conversations are those the needs came from, as :func:`erase` deletes.

    Raises:
        StoreError: a store cannot be read.
    """
    mine = needs.for_sender(sender_id)  # posted here, or unlocked here with the secret
    return StoredRecords(
        leads=tuple(leads.for_sender(sender_id)),
        needs=tuple(NeedRef(n.reference, n.status, n.created_at) for n in mine),
        consents=tuple(consents.for_sender(sender_id)),
        conversations=tuple(sorted(needs.conversations_of(sender_id) - {sender_id})),
    )


@dataclass(frozen=True)
class Erasure:
    """How many records "forget me" deleted in each store, and how many other conversations."""

    leads: int
    needs: int
    consents: int
    conversations: int

    @property
    def total(self) -> int:
        """The records (leads, needs, consents), not the conversations."""
        return self.leads + self.needs + self.consents


def erase(
    sender_id: str,
    leads: LeadStore,
    needs: NeedStore,
    consents: ConsentStore,
    conversations: ConversationStore,
) -> Erasure:
    """Delete every lead, need and consent record of one sender, and the other conversations its
    needs came from. The needs are those posted from the conversation and those its owner
    unlocked in it with the secret (``NeedStore.get_for_owner``): a firm back in a new
    conversation was told its needs were deleted, and none was. The conversations they were
    posted or unlocked in go with them — in ``conversations`` (Rasa's tracker store) every event,
    with the company, contact name, e-mail and phone typed there, and their leads and consent
    records — but not other needs posted there, which the sender has not proved to own (each
    keeps its own consent time and purpose, and its secret erases it). This sender's own
    conversation is erased by the tracker store (``connectors/tracker_store.py``).

    Raises:
        StoreError: a store cannot be written; what was deleted before stays deleted, and
            asking again finishes the job (the other conversations go first: the needs deleted
            after them are what links them to this one).
    """
    others = sorted(needs.conversations_of(sender_id) - {sender_id})
    chats = conversations.erase(others) if others else 0
    senders = [*others, sender_id]
    erasure = Erasure(
        leads=sum(leads.delete_sender(sender) for sender in senders),
        consents=sum(consents.delete_sender(sender) for sender in senders),
        needs=needs.delete_for_sender(sender_id),
        conversations=chats,
    )
    logger.info(
        "erasure of sender %s: %d record(s) and %d other conversation(s) deleted",
        sender_id, erasure.total, erasure.conversations,
    )  # fmt: skip
    return erasure


# ---------------------------------------------------------------- retention


@dataclass(frozen=True)
class RetentionReport:
    """Rows deleted (or, in a dry run, that would be) per table."""

    cutoff: datetime
    counts: dict[str, int]
    dry_run: bool


#: needs_db tables: (table, time column, extra condition); closed needs only — an open need is
#: the firm's live request, withdrawn by the firm or by "forget me"
_NEEDS_DB_RULES = (
    ("leads", "created_at", ""),
    ("consents", "given_at", ""),
    ("needs", "updated_at", " AND status <> 'open'"),
    ("need_unlocks", "unlocked_at", ""),
)
#: Rasa's events table: whole conversations idle since the cutoff, and old sessions of the
#: others (earlier than their latest session_started, so the live session stays intact)
_EVENTS_WHERE = (
    "timestamp < :ts AND ("
    " sender_id NOT IN (SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) >= :ts)"
    " OR timestamp < (SELECT MAX(s.timestamp) FROM events s"
    "  WHERE s.sender_id = events.sender_id AND s.type_name = 'session_started'))"
)


def apply_retention(
    days: int,
    tracker_db_url: str | None,
    needs_db_url: str | None,
    dry_run: bool = False,
    now: datetime | None = None,
) -> RetentionReport:
    """Delete conversations, leads, consent records and closed needs older than ``days``.

    Raises:
        StoreError: a database cannot be reached or a statement fails (nothing of that
            database is deleted: each runs in one transaction).
    """
    if days < 1:
        raise StoreError("retention needs at least 1 day")
    cutoff = (now or utc_now()) - timedelta(days=days)
    counts: dict[str, int] = {}
    if needs_db_url and not needs_db_url.startswith("memory"):
        for table, column, extra in _NEEDS_DB_RULES:
            where = f"{column} < :cutoff{extra}"
            cut = bindparam("cutoff", cutoff.replace(tzinfo=None), type_=DateTime)
            counts.update(_apply(make_engine(needs_db_url), table, where, cut, dry_run))
    if tracker_db_url:
        cut = bindparam("ts", cutoff.timestamp(), type_=Float)
        counts.update(_apply(tracker_engine(tracker_db_url), "events", _EVENTS_WHERE, cut, dry_run))
    logger.info("retention %d days%s: %s", days, " (dry run)" if dry_run else "", counts)
    return RetentionReport(cutoff, counts, dry_run)


def _apply(
    engine: Engine, table: str, where: str, cut: BindParameter[object], dry_run: bool
) -> dict[str, int]:
    """Count or delete the rows of one table matching ``where`` (0 when the table is absent)."""
    try:
        with engine.begin() as conn:
            if not _has_table(conn, table):
                return {table: 0}
            sql = (
                f"SELECT COUNT(*) FROM {table} WHERE {where}"
                if dry_run
                else f"DELETE FROM {table} WHERE {where}"
            )
            result = conn.execute(text(sql).bindparams(cut))
            return {table: int(result.scalar_one() if dry_run else result.rowcount or 0)}
    except SQLAlchemyError as error:
        raise StoreError(f"retention on {table} failed: {type(error).__name__}") from error
    finally:
        engine.dispose()


def _has_table(conn: Connection, table: str) -> bool:
    return inspect(conn).has_table(table)
