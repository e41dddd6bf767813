"""The needs store on SQLite or PostgreSQL (SQLAlchemy 1.4 Core, 2.0 style).

The schema belongs to this module: :func:`migrate` applies the ordered :data:`MIGRATIONS` that a
database lacks, recorded in ``needs_schema_version`` (prefixed, because the leads store may share
the database). It runs on the store's first use, under a lock (an advisory lock on PostgreSQL,
``BEGIN IMMEDIATE`` on SQLite), so two processes starting together migrate once.

Every write happens in one transaction that is committed before the method returns; a driver
error of any kind becomes :class:`~skills_catalog.errors.StoreError`, so the bot never tells a
firm "saved" when nothing was.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    union,
    update,
)
from sqlalchemy.engine import Connection, Engine, RowMapping, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from skills_catalog.errors import StoreError
from skills_catalog.models import GeoPoint, SkillRef
from skills_catalog.needs import (
    Clock,
    FirmNeed,
    NeedDraft,
    NeedNotFoundError,
    NeedStore,
    SecretHasher,
    apply_changes,
    fulfilled,
    idempotency_digest,
    new_need,
    new_reference,
    new_secret,
    normalise_reference,
    utc_now,
    validate_draft,
    withdrawn,
)
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.reports import need_row

logger = logging.getLogger(__name__)

PG_MIGRATION_LOCK = 0x6E65656473  # "needs": any constant shared by every process of the cluster
SQLITE_BUSY_MS = 10_000
REFERENCE_ATTEMPTS = 8


class UTCDateTime(TypeDecorator):  # type: ignore[type-arg]
    """Aware UTC datetimes in, aware UTC out, stored naive-UTC so SQLite and PostgreSQL agree."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


def _needs_v1(metadata: MetaData) -> Table:
    """The table as migration 1 created it. Later column changes append here and add a step."""
    text = [Column(name, String(200), nullable=False) for name in _TEXT_COLUMNS]
    return Table(
        "needs", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("reference", String(16), nullable=False, unique=True),
        Column("secret_hash", String(200), nullable=False),
        Column("idempotency", String(64), nullable=False, unique=True),
        *text,
        Column("consent_purpose", String(500), nullable=False),
        Column("consent_at", UTCDateTime, nullable=False),
        Column("created_at", UTCDateTime, nullable=False),
        Column("updated_at", UTCDateTime, nullable=False),
        Column("people", Integer, nullable=False),
        Column("by_when", Date),
        Column("lat", Float),
        Column("lon", Float),
        Column("skills", Text, nullable=False),  # JSON list of [uri, label]
    )


_TEXT_COLUMNS = (
    "sender_id", "status", "company", "town", "country", "region", "ecosystem", "size", "kind",
    "mode", "contact_name", "contact_email", "occupation_uri", "occupation_label",
)
METADATA = MetaData()
NEEDS = _needs_v1(METADATA)
NEEDS.append_column(Column("withdrawn_by", String(255)))  # migration 4
VERSIONS = Table(
    "needs_schema_version", METADATA,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", UTCDateTime, nullable=False),
)


def _create_needs(conn: Connection) -> None:
    _needs_v1(MetaData()).create(conn)


def _add_indexes(conn: Connection) -> None:
    # The staff report filters by creation time and status; "forget me" deletes by sender.
    for column in ("created_at", "sender_id", "status"):
        conn.exec_driver_sql(f"CREATE INDEX ix_needs_{column} ON needs ({column})")


def _needs_unlocks_v3(metadata: MetaData) -> Table:
    """Which conversations proved they own a need with its secret: "forget me" there erases it."""
    return Table(
        "need_unlocks", metadata,
        Column("sender_id", String(255), primary_key=True),
        Column("reference", String(16), primary_key=True),
        Column("unlocked_at", UTCDateTime, nullable=False),
    )  # fmt: skip


def _create_unlocks(conn: Connection) -> None:
    _needs_unlocks_v3(MetaData()).create(conn)
    conn.exec_driver_sql("CREATE INDEX ix_need_unlocks_reference ON need_unlocks (reference)")


def _add_withdrawn_by(conn: Connection) -> None:
    # who of the staff withdrew a need for its firm (empty: open, or withdrawn by the firm)
    conn.exec_driver_sql("ALTER TABLE needs ADD COLUMN withdrawn_by VARCHAR(255)")


MIGRATIONS: tuple[tuple[int, Callable[[Connection], None]], ...] = (
    (1, _create_needs), (2, _add_indexes), (3, _create_unlocks), (4, _add_withdrawn_by),
)  # fmt: skip
UNLOCKS = _needs_unlocks_v3(METADATA)
LATEST = MIGRATIONS[-1][0]


def migrate(engine: Engine, target: int = LATEST) -> int:
    """Apply the missing migrations up to ``target`` in one transaction; the version reached.

    Raises:
        StoreError: the database is unreachable, or was migrated by newer code than this.
    """
    with _translated("migrate"), engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(PG_MIGRATION_LOCK)))
        VERSIONS.create(conn, checkfirst=True)
        current = conn.execute(select(func.max(VERSIONS.c.version))).scalar() or 0
        if current > LATEST:
            raise StoreError(f"the needs database has schema version {current}; this code knows {LATEST}")
        for version, step in MIGRATIONS:
            if current < version <= target:
                step(conn)
                conn.execute(insert(VERSIONS).values(version=version, applied_at=utc_now()))
                logger.info("needs schema migrated to version %d", version)
        return max(current, min(target, LATEST))


@contextmanager
def _translated(what: str) -> Iterator[None]:
    """Turn any database failure into StoreError; the transaction was rolled back."""
    try:
        yield
    except SQLAlchemyError as exc:
        logger.warning("needs store: %s failed (%s)", what, type(exc).__name__)
        raise StoreError(f"the needs database could not {what}; nothing was saved") from exc


# ---------------------------------------------------------------- engine


def make_engine(url: str) -> Engine:
    """An engine for ``sqlite:///path`` (WAL, busy timeout) or ``postgresql://...``."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError("the needs database URL cannot be parsed") from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, future=True, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    raise StoreError(f"unsupported needs database {parsed.get_backend_name()!r}: use sqlite or postgresql")


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if not database or database == ":memory:":
        raise StoreError("an in-memory SQLite needs store loses data between connections; use memory://")
    try:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("the folder of the SQLite needs database cannot be created") from exc
    engine = create_engine(url, future=True, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_on_connect)
    # pysqlite would begin lazily and only before DML; BEGIN IMMEDIATE makes DDL transactional
    # and takes the write lock up front, so a read-then-write never fails half-way with "busy".
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN itself
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", f"busy_timeout={SQLITE_BUSY_MS}", "synchronous=FULL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def needs_store_from_url(url: str, hasher: SecretHasher | None = None, clock: Clock = utc_now) -> NeedStore:
    """The store a settings URL names: ``memory://``, ``sqlite:///path`` or ``postgresql://...``.

    Nothing connects yet: the first call migrates, so a database that is down shows as a
    StoreError on that call rather than as a crash at start-up.
    """
    hasher = hasher or SecretHasher()
    if url.startswith("memory://"):
        return MemoryNeedStore(hasher=hasher, clock=clock)
    return SqlNeedStore(make_engine(url), hasher=hasher, clock=clock)


# ---------------------------------------------------------------- rows


def _to_row(need: FirmNeed) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(need, name) for name in _TEXT_COLUMNS if not name.startswith("occupation_")}
    occupation = need.occupation or SkillRef("", "")
    row.update(
        occupation_uri=occupation.uri, occupation_label=occupation.label, reference=need.reference,
        consent_purpose=need.consent_purpose, consent_at=need.consent_at, people=need.people,
        created_at=need.created_at, updated_at=need.updated_at, by_when=need.by_when,
        lat=need.point.lat if need.point else None, lon=need.point.lon if need.point else None,
        skills=json.dumps([[s.uri, s.label] for s in need.skills], ensure_ascii=False),
        withdrawn_by=need.withdrawn_by or None,
    )
    return row


def _from_row(row: RowMapping) -> FirmNeed:
    plain = {name: row[name] for name in _TEXT_COLUMNS if not name.startswith("occupation_")}
    return FirmNeed(
        **plain,
        reference=row["reference"], consent_purpose=row["consent_purpose"],
        consent_at=row["consent_at"], created_at=row["created_at"], updated_at=row["updated_at"],
        people=row["people"], by_when=row["by_when"],
        point=GeoPoint(row["lat"], row["lon"]) if row["lat"] is not None else None,
        occupation=SkillRef(row["occupation_uri"], row["occupation_label"]) if row["occupation_label"] else None,
        skills=tuple(SkillRef(uri, label) for uri, label in json.loads(row["skills"])),
        withdrawn_by=row["withdrawn_by"] or "",
    )


# ---------------------------------------------------------------- store


class SqlNeedStore:
    """:class:`~skills_catalog.needs.NeedStore` on a SQLAlchemy engine; safe across threads."""

    def __init__(self, engine: Engine, hasher: SecretHasher | None = None, clock: Clock = utc_now) -> None:
        self._engine = engine
        self._hasher = hasher or SecretHasher()
        self._clock = clock
        self._migrated = False
        self._lock = threading.Lock()

    @contextmanager
    def _transaction(self, what: str) -> Iterator[Connection]:
        """A committed-on-exit transaction on a migrated database, failures as StoreError."""
        with _translated(what):
            with self._lock:
                if not self._migrated:
                    migrate(self._engine)
                    self._migrated = True
            with self._engine.begin() as conn:
                yield conn

    def add(self, draft: NeedDraft, idempotency_key: str | None = None) -> tuple[FirmNeed, str | None]:
        draft = validate_draft(draft)
        digest = idempotency_digest(draft, idempotency_key)
        secret = new_secret()
        secret_hash = self._hasher.hash(secret)
        for _ in range(REFERENCE_ATTEMPTS):
            try:
                with self._transaction("save the need") as conn:
                    row = conn.execute(select(NEEDS).where(NEEDS.c.idempotency == digest)).mappings().first()
                    if row is not None:
                        logger.info("need %s submitted again; kept once", row["reference"])
                        return _from_row(row), None
                    need = new_need(draft, new_reference(), self._clock())
                    conn.execute(insert(NEEDS).values(**_to_row(need), secret_hash=secret_hash, idempotency=digest))
            except StoreError as exc:
                if not isinstance(exc.__cause__, IntegrityError):
                    raise
                continue  # the reference was taken, or a concurrent repeat won: look again
            logger.info("need %s stored (ecosystem %s, %d people)", need.reference, need.ecosystem, need.people)
            return need, secret
        raise StoreError("no free need reference was found; nothing was saved")

    def get(self, reference: str) -> FirmNeed | None:
        with self._transaction("read the need") as conn:
            row = self._row(conn, normalise_reference(reference))
        return _from_row(row) if row is not None else None

    def get_for_owner(self, reference: str, secret: str, unlocked_by: str = "") -> FirmNeed:
        reference = normalise_reference(reference)
        with self._transaction("read the need") as conn:
            row = self._row(conn, reference)
        need = self._owned(reference, row, secret)
        if unlocked_by:
            with self._transaction("note who unlocked the need") as conn:
                mine = (UNLOCKS.c.sender_id == unlocked_by) & (UNLOCKS.c.reference == reference)
                if conn.execute(select(UNLOCKS.c.reference).where(mine)).first() is None:
                    conn.execute(insert(UNLOCKS).values(sender_id=unlocked_by, reference=reference,
                                                        unlocked_at=self._clock()))  # fmt: skip
        return need

    def update(self, reference: str, secret: str, changes: Mapping[str, object]) -> FirmNeed:
        return self._change(reference, secret, lambda need: apply_changes(need, changes, self._clock()))

    def withdraw(self, reference: str, secret: str) -> FirmNeed:
        return self._change(reference, secret, lambda need: withdrawn(need, self._clock()))

    def withdraw_for_staff(self, reference: str, staff_id: str) -> FirmNeed:
        return self._for_staff(
            reference, "withdrawn", lambda need: withdrawn(need, self._clock(), by=staff_id)
        )

    def fulfil_for_staff(self, reference: str, staff_id: str) -> FirmNeed:
        return self._for_staff(reference, "fulfilled", lambda need: fulfilled(need, self._clock(), staff_id))

    def _for_staff(self, reference: str, what: str, change: Callable[[FirmNeed], FirmNeed]) -> FirmNeed:
        """``change`` the need for staff, without its secret, in one locked transaction."""
        reference = normalise_reference(reference)
        with self._transaction(f"mark the need {what}") as conn:
            row = self._row(conn, reference, lock=True)
            if row is None:
                raise NeedNotFoundError(reference)
            need = _from_row(row)
            changed = change(need)
            if changed != need:
                conn.execute(update(NEEDS).where(NEEDS.c.reference == reference).values(**_to_row(changed)))
        if changed != need:
            logger.info("need %s %s by staff %s", reference, what, changed.withdrawn_by)
        return changed

    def new_secret_for(self, reference: str) -> str:
        reference, secret = normalise_reference(reference), new_secret()
        secret_hash = self._hasher.hash(secret)
        with self._transaction("give the need a new secret") as conn:
            changed = conn.execute(
                update(NEEDS).where(NEEDS.c.reference == reference).values(secret_hash=secret_hash)
            ).rowcount
        if not changed:
            raise NeedNotFoundError(reference)
        logger.info("need %s given a new secret", reference)
        return secret

    def delete_for_sender(self, sender_id: str) -> int:
        with self._transaction("delete the needs") as conn:
            gone = conn.execute(select(NEEDS.c.reference).where(self._of(sender_id))).scalars().all()
            count = conn.execute(delete(NEEDS).where(NEEDS.c.reference.in_(gone))).rowcount if gone else 0
            unlocks = (UNLOCKS.c.sender_id == sender_id) | UNLOCKS.c.reference.in_(gone)
            conn.execute(delete(UNLOCKS).where(unlocks))
        logger.info("erasure request: %d need(s) deleted", count)
        return int(count)

    def for_sender(self, sender_id: str) -> list[FirmNeed]:
        query = select(NEEDS).where(self._of(sender_id)).order_by(NEEDS.c.created_at, NEEDS.c.id)
        with self._transaction("list the needs") as conn:
            return [_from_row(row) for row in conn.execute(query).mappings()]

    def conversations_of(self, sender_id: str) -> set[str]:
        mine = select(NEEDS.c.reference).where(self._of(sender_id))
        posted = select(NEEDS.c.sender_id).where(self._of(sender_id))
        unlocked = select(UNLOCKS.c.sender_id).where(UNLOCKS.c.reference.in_(mine))
        with self._transaction("list the needs' conversations") as conn:
            return {sender for sender in conn.execute(union(posted, unlocked)).scalars() if sender}

    @staticmethod
    def _of(sender_id: str) -> Any:
        """The condition on a need posted from this conversation or unlocked in it."""
        unlocked = select(UNLOCKS.c.reference).where(UNLOCKS.c.sender_id == sender_id)
        return (NEEDS.c.sender_id == sender_id) | NEEDS.c.reference.in_(unlocked)

    def export_rows(self, since: datetime | None = None) -> list[dict[str, str]]:
        return [need_row(need) for need in self.list(since)]

    def close(self) -> None:
        self._engine.dispose()

    def _row(self, conn: Connection, reference: str, lock: bool = False) -> RowMapping | None:
        query = select(NEEDS).where(NEEDS.c.reference == reference)
        return conn.execute(query.with_for_update() if lock else query).mappings().first()

    def _owned(self, reference: str, row: RowMapping | None, secret: str) -> FirmNeed:
        if row is None:
            raise NeedNotFoundError(reference)
        self._hasher.check(reference, secret, row["secret_hash"])
        return _from_row(row)

    def _change(self, reference: str, secret: str, change: Callable[[FirmNeed], FirmNeed]) -> FirmNeed:
        reference = normalise_reference(reference)
        with self._transaction("change the need") as conn:
            need = self._owned(reference, self._row(conn, reference, lock=True), secret)
            changed = change(need)
            if changed != need:
                conn.execute(update(NEEDS).where(NEEDS.c.reference == reference).values(**_to_row(changed)))
        if changed != need:
            logger.info("need %s changed (status %s)", reference, changed.status)
        return changed

    def list(
        self, since: datetime | None = None, *, until: datetime | None = None,
        ecosystem: str | None = None, region: str | None = None, status: str | None = None,
    ) -> list[FirmNeed]:
        query = select(NEEDS).order_by(NEEDS.c.created_at, NEEDS.c.id)
        if since is not None:
            query = query.where(NEEDS.c.created_at >= since)
        if until is not None:
            query = query.where(NEEDS.c.created_at < until)
        for column, value in (("ecosystem", ecosystem), ("region", region), ("status", status)):
            if value is not None:
                query = query.where(NEEDS.c[column] == value)
        with self._transaction("list the needs") as conn:
            return [_from_row(row) for row in conn.execute(query).mappings()]
