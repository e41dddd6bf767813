"""Leads: a worker said "I'm interested" in an offer and agreed that the partner may know.

A lead holds only what the training partner and the cluster need to follow up and to prove
consent: ids (lead, offer, partner, the chat's sender id), when and for what the person
agreed, and when the lead was made. No name, e-mail, phone or free text — the partner answers
in the chat, and "forget me" deletes every lead of a sender.

``LeadStore`` is the contract; :class:`SqlLeadStore` keeps leads in SQLite or PostgreSQL
(SQLAlchemy 1.4 Core, the table ``leads`` beside the needs store's tables) and
:class:`MemoryLeadStore` in a list, for tests and the offline profile. Driver errors become
:class:`~skills_catalog.errors.StoreError`, so a caller never reports "saved" when nothing was.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from sqlalchemy import Column, DateTime, MetaData, String, Table, create_engine, delete, insert, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from skills_catalog.errors import StoreError

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Lead:
    """One expressed interest, with the consent that allows sharing it."""

    lead_id: str
    offer_id: str
    partner_id: str
    sender_id: str
    consent_time: datetime
    consent_purpose: str
    created_at: datetime


class LeadStore(Protocol):
    """Where leads are kept."""

    def add(
        self, offer_id: str, partner_id: str, sender_id: str, consent_time: datetime, purpose: str
    ) -> Lead:
        """Store a new lead and return it (with its id and creation time)."""

    def for_sender(self, sender_id: str) -> list[Lead]:
        """Every lead of one conversation sender, oldest first."""

    def delete_sender(self, sender_id: str) -> int:
        """Delete every lead of one sender ("forget me"); returns how many were deleted."""


def _new_lead(
    offer_id: str, partner_id: str, sender_id: str, consent_time: datetime, purpose: str, now: datetime
) -> Lead:
    """A lead with a fresh random id; empty ids are refused (a lead must point somewhere)."""
    if not (offer_id and partner_id and sender_id):
        raise StoreError("a lead needs an offer id, a partner id and a sender id")
    return Lead(uuid.uuid4().hex, offer_id, partner_id, sender_id, _utc(consent_time), purpose, _utc(now))


def _utc(moment: datetime) -> datetime:
    """Aware UTC (naive values are taken as UTC, as they are stored)."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


class MemoryLeadStore:
    """Leads in a list: for tests and for running without a database."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._leads: list[Lead] = []
        self._clock = clock
        self._lock = threading.Lock()

    def add(
        self, offer_id: str, partner_id: str, sender_id: str, consent_time: datetime, purpose: str
    ) -> Lead:
        lead = _new_lead(offer_id, partner_id, sender_id, consent_time, purpose, self._clock())
        with self._lock:
            self._leads.append(lead)
        return lead

    def for_sender(self, sender_id: str) -> list[Lead]:
        return [lead for lead in self._leads if lead.sender_id == sender_id]

    def delete_sender(self, sender_id: str) -> int:
        with self._lock:
            before = len(self._leads)
            self._leads = [lead for lead in self._leads if lead.sender_id != sender_id]
            return before - len(self._leads)


METADATA = MetaData()
LEADS = Table(
    "leads",
    METADATA,
    Column("lead_id", String(32), primary_key=True),
    Column("offer_id", String(200), nullable=False),
    Column("partner_id", String(200), nullable=False),
    Column("sender_id", String(200), nullable=False, index=True),
    Column("consent_time", DateTime, nullable=False),  # naive UTC
    Column("consent_purpose", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),  # naive UTC
)


class SqlLeadStore:
    """Leads in a SQL database named by a SQLAlchemy URL (``settings.needs_db_url``).

    The table is created on first use, not on construction, so building the store costs
    nothing and an unreachable database shows up as a StoreError where a lead is saved.
    """

    def __init__(self, url: str, clock: Clock = utc_now) -> None:
        self.url = url
        self._clock = clock
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    def _db(self) -> Engine:
        """The SQLAlchemy engine, created (with the table and a SQLite file's folder) once."""
        with self._lock:
            if self._engine is None:
                try:
                    url = make_url(self.url)
                    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
                        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
                    engine = create_engine(url, future=True)
                    METADATA.create_all(engine)
                except (SQLAlchemyError, ArgumentError, OSError) as error:
                    raise StoreError(f"leads store unavailable: {type(error).__name__}") from error
                self._engine = engine
            return self._engine

    def add(
        self, offer_id: str, partner_id: str, sender_id: str, consent_time: datetime, purpose: str
    ) -> Lead:
        lead = _new_lead(offer_id, partner_id, sender_id, consent_time, purpose, self._clock())
        row = {
            **lead.__dict__,
            "consent_time": _naive(lead.consent_time),
            "created_at": _naive(lead.created_at),
        }
        try:
            with self._db().begin() as connection:
                connection.execute(insert(LEADS).values(**row))
        except SQLAlchemyError as error:
            raise StoreError(f"lead not saved: {type(error).__name__}") from error
        logger.info("lead %s saved for offer %s", lead.lead_id, lead.offer_id)
        return lead

    def for_sender(self, sender_id: str) -> list[Lead]:
        query = select(LEADS).where(LEADS.c.sender_id == sender_id).order_by(LEADS.c.created_at)
        try:
            with self._db().connect() as connection:
                rows = connection.execute(query).mappings().all()
        except SQLAlchemyError as error:
            raise StoreError(f"leads not read: {type(error).__name__}") from error
        return [
            replace(Lead(**row), consent_time=_utc(row["consent_time"]), created_at=_utc(row["created_at"]))
            for row in rows
        ]

    def delete_sender(self, sender_id: str) -> int:
        try:
            with self._db().begin() as connection:
                result = connection.execute(delete(LEADS).where(LEADS.c.sender_id == sender_id))
        except SQLAlchemyError as error:
            raise StoreError(f"leads not deleted: {type(error).__name__}") from error
        return int(result.rowcount or 0)


def _naive(moment: datetime) -> datetime:
    """Naive UTC for storage (SQLite keeps no zone; PostgreSQL ``timestamp`` neither)."""
    return _utc(moment).replace(tzinfo=None)


def open_lead_store(url: str | None) -> LeadStore:
    """The store a URL names; ``None``, ``""`` or ``"memory"`` give an in-memory one."""
    if not url or url == "memory":
        return MemoryLeadStore()
    return SqlLeadStore(url)
