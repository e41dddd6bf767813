"""Consent records, "what is stored", erasure and retention (skills_catalog/privacy.py).

Retention runs plain SQL on Rasa's ``events`` table; :data:`EVENTS` mirrors Rasa 3.6's
``SQLTrackerStore.SQLEvent`` (tests/test_connectors/test_tracker_forget.py checks the mirror).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from skills_catalog import cli
from skills_catalog.conversations import MemoryConversationStore
from skills_catalog.errors import StoreError
from skills_catalog.leads import LEADS, SqlLeadStore, open_lead_store
from skills_catalog.needs import SecretHasher
from skills_catalog.needs_sql import NEEDS, make_engine, needs_store_from_url
from skills_catalog.privacy import (
    CONSENTS,
    MemoryConsentStore,
    SqlConsentStore,
    apply_retention,
    erase,
    open_consent_store,
    stored_about,
)
from tests.test_skills_catalog.test_needs_store import draft

PG_ADMIN_URL = os.environ.get("PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)
OLD = NOW - timedelta(days=400)
FAST = SecretHasher(n=2**4)

EVENTS_METADATA = MetaData()
EVENTS = Table(
    "events", EVENTS_METADATA,
    Column("id", Integer, primary_key=True), Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False), Column("timestamp", Float),
    Column("intent_name", String(255)), Column("action_name", String(255)), Column("data", Text),
)  # fmt: skip


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this module, dropped afterwards."""
    name = f"privacy_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(
        PG_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError:
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but PostgreSQL is unreachable")
        pytest.skip("PostgreSQL unreachable (start it to run these cases)")
    yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # noqa: ANN001
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'needs.db'}"
        return
    url = request.getfixturevalue("pg_url")
    yield url
    engine = make_engine(url)  # shared by the module: leave it empty
    with engine.begin() as conn:
        for table in ("consents", "leads", "needs", "events"):
            if engine.dialect.has_table(conn, table):
                conn.exec_driver_sql(f"DELETE FROM {table}")
    engine.dispose()


# ---------------------------------------------------------------- consent records


@pytest.mark.parametrize("kind", ["memory", "sql"])
def test_consent_given_then_withdrawn_keeps_time_purpose_channel(kind: str, tmp_path) -> None:  # noqa: ANN001
    times = iter([NOW, NOW + timedelta(hours=1), NOW + timedelta(hours=2)])
    store = (MemoryConsentStore if kind == "memory" else lambda clock: SqlConsentStore(
        f"sqlite:///{tmp_path / 'c.db'}", clock))(lambda: next(times))  # fmt: skip
    store.record_given("s1", "purpose-id", "socketio")
    assert store.withdraw("s1") == 1 and store.withdraw("s1") == 0
    [record] = store.for_sender("s1")
    assert (record.purpose, record.channel, record.given_at) == ("purpose-id", "socketio", NOW)
    assert record.withdrawn_at == NOW + timedelta(hours=1)


def test_consent_store_on_postgresql(pg_url: str) -> None:
    store = SqlConsentStore(pg_url)
    store.record_given("s1", "p", "rest")
    store.record_given("s2", "p", "rest")
    assert store.delete_sender("s1") == 1
    assert store.for_sender("s1") == [] and len(store.for_sender("s2")) == 1


def test_consent_without_sender_is_refused() -> None:
    with pytest.raises(StoreError):
        MemoryConsentStore().record_given("", "p", "rest")


def test_unreachable_consent_database_is_a_store_error() -> None:
    store = SqlConsentStore("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError):
        store.record_given("s1", "p", "rest")


def test_memory_urls_give_a_memory_store() -> None:
    assert isinstance(open_consent_store("memory://"), MemoryConsentStore)


# ---------------------------------------------------------------- what is stored, erase


def test_stored_about_and_erase_cover_the_same_records(db_url: str) -> None:
    leads, needs, consents = (
        SqlLeadStore(db_url),
        needs_store_from_url(db_url, hasher=FAST),
        SqlConsentStore(db_url),
    )
    for sender in ("me", "other"):
        leads.add("O1", "P1", sender, NOW, "purpose")
        needs.add(draft(sender_id=sender))
        consents.record_given(sender, "purpose", "rest")
    mine = stored_about("me", leads, needs, consents)
    assert (len(mine.leads), len(mine.needs), len(mine.consents)) == (1, 1, 1)
    assert mine.needs[0].status == "open" and not hasattr(mine.needs[0], "secret_hash")
    assert erase("me", leads, needs, consents, MemoryConversationStore()).total == 3
    gone = stored_about("me", leads, needs, consents)
    assert gone.leads == gone.needs == gone.consents == ()
    assert len(stored_about("other", leads, needs, consents).leads) == 1
    needs.close()


def test_a_need_unlocked_in_a_later_conversation_is_listed_and_erased_there(db_url: str) -> None:
    # QA6 #3: a firm back in a new conversation proved ownership with the secret, said "forget
    # me", was told its needs were deleted, and 0 were
    leads, needs, consents = SqlLeadStore(db_url), needs_store_from_url(db_url, hasher=FAST), SqlConsentStore(db_url)
    need, secret = needs.add(draft(sender_id="posted-here"))
    needs.get_for_owner(need.reference, secret or "", unlocked_by="back-later")
    assert [n.reference for n in stored_about("back-later", leads, needs, consents).needs] == [need.reference]
    assert erase("back-later", leads, needs, consents, MemoryConversationStore()).needs == 1
    assert needs.get(need.reference) is None
    needs.close()


# ---------------------------------------------------------------- retention


def seed_old_and_new(url: str) -> None:
    """Two conversations (one idle 400 days, one live with an old session) and old/new records."""
    engine = create_engine(url, future=True)
    EVENTS_METADATA.create_all(engine)
    rows = [
        ("idle", "session_started", OLD), ("idle", "user", OLD),
        ("live", "session_started", OLD), ("live", "user", OLD),
        ("live", "session_started", NOW - timedelta(days=1)), ("live", "slot", NOW - timedelta(days=1)),
    ]  # fmt: skip
    with engine.begin() as conn:
        conn.execute(
            EVENTS.insert(),
            [{"sender_id": s, "type_name": t, "timestamp": w.timestamp()} for s, t, w in rows],
        )
    engine.dispose()
    SqlLeadStore(url, clock=lambda: OLD).add("O1", "P1", "idle", OLD, "purpose")
    open_lead_store(url).add("O1", "P1", "live", NOW, "purpose")
    for sender, clock in (("idle", lambda: OLD), ("live", lambda: NOW)):
        SqlConsentStore(url, clock).record_given(sender, "purpose", "rest")
    needs = needs_store_from_url(url, hasher=FAST, clock=lambda: OLD)
    closed, secret = needs.add(draft(sender_id="idle"))
    needs.get_for_owner(closed.reference, secret or "", unlocked_by="idle-later")  # an old unlock
    needs.withdraw(closed.reference, secret or "")
    needs.add(draft(sender_id="idle-but-open"))
    needs.close()


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        found = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (EVENTS, LEADS, CONSENTS, NEEDS)
        }
    engine.dispose()
    return found


def test_retention_deletes_only_what_is_older(db_url: str) -> None:
    seed_old_and_new(db_url)
    dry = apply_retention(365, db_url, db_url, dry_run=True, now=NOW)
    assert (
        dry.counts == {"leads": 1, "consents": 1, "needs": 1, "need_unlocks": 1, "events": 4}
        and counts(db_url)["events"] == 6
    )
    done = apply_retention(365, db_url, db_url, now=NOW)
    assert done.counts == dry.counts
    assert counts(db_url) == {"events": 2, "leads": 1, "consents": 1, "needs": 1}  # live session, open need


def test_retention_on_empty_databases_deletes_nothing(tmp_path) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert set(apply_retention(30, url, url).counts.values()) == {0}


def test_retention_refuses_zero_days() -> None:
    with pytest.raises(StoreError):
        apply_retention(0, None, None)


def test_cli_retention_dry_run(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'db.db'}"
    seed_old_and_new(url)
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.setenv("NEEDS_DB_URL", url)
    assert cli.main(["retention", "--days", "365", "--dry-run"]) == 0
    assert "events: would delete 4 row(s)" in capsys.readouterr().out
    assert counts(url)["events"] == 6
