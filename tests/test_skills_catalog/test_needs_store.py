"""The needs store: one suite run against memory, a SQLite file and PostgreSQL.

PostgreSQL is reached at 127.0.0.1:5432 as ``postgres`` (override with NEEDS_TEST_POSTGRES_URL);
the suite creates its own database and drops it at the end. Without a server the PostgreSQL
cases are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, delete, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from skills_catalog import needs_memory, needs_sql
from skills_catalog.errors import ProfileError, StoreError
from skills_catalog.models import GeoPoint, SkillRef
from skills_catalog.needs import (
    ALPHABET,
    NeedClosedError,
    NeedDraft,
    NeedNotFoundError,
    NeedStore,
    NeedValidationError,
    SecretHasher,
    WrongSecretError,
    normalise_reference,
)
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.needs_sql import NEEDS, VERSIONS, make_engine, migrate, needs_store_from_url

PG_ADMIN_URL = os.environ.get("NEEDS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_SHOWN = make_url(PG_ADMIN_URL).render_as_string(hide_password=True)
FAST = SecretHasher(n=2**4)  # the real cost (2**14) is tested once below
START = datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
WELD = SkillRef("http://data.europa.eu/esco/skill/weld", "weld metal")
PLC = SkillRef("http://data.europa.eu/esco/skill/plc", "programmable logic controllers")


class Clock:
    """Each reading is one minute after the previous one, so order and timestamps are exact."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def draft(**changes: object) -> NeedDraft:
    base = NeedDraft(
        company="Acme Metal GmbH", town="Linz", country="AT", ecosystem="mobility_transport_automotive",
        size="small", contact_name="Anna Berger", contact_email="anna@acme.example",
        consent_at=START, consent_purpose="cluster staff may contact me about this need",
        sender_id="conv-1", skills=(WELD, PLC), people=3, point=GeoPoint(48.306, 14.286),
    )
    return replace(base, **changes)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    name = f"needs_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError as exc:
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but PostgreSQL is unreachable at {PG_SHOWN}: {exc.orig}")
        pytest.skip(f"PostgreSQL unreachable at {PG_SHOWN} (start it to run these cases)")
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "memory":
        yield "memory://"
    elif request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'needs.db'}"
    else:
        pg = request.getfixturevalue("pg_url")
        yield pg
        engine = make_engine(pg)  # the database is shared by the session: leave it empty
        with engine.begin() as conn:
            conn.execute(delete(NEEDS))
        engine.dispose()


@pytest.fixture
def store(url: str) -> Iterator[NeedStore]:
    store = needs_store_from_url(url, hasher=FAST, clock=Clock())
    yield store
    store.close()


sql_only = pytest.mark.parametrize("url", ["sqlite", "postgresql"], indirect=True)


# ---------------------------------------------------------------- add and read


def test_add_returns_reference_and_secret_once(store: NeedStore) -> None:
    need, secret = store.add(draft())
    assert need.reference.startswith("N-") and len(need.reference) == 7
    assert set(need.reference[2:]) <= set(ALPHABET)
    assert secret and len(secret) == 14
    assert (need.status, need.created_at, need.updated_at) == ("open", START + timedelta(minutes=1), need.created_at)
    assert store.get(need.reference) == need


def test_stored_need_round_trips_every_field(store: NeedStore) -> None:
    full = draft(occupation=SkillRef("http://data.europa.eu/esco/occupation/welder", "welder"),
                 by_when=date(2024, 9, 1), mode="blended", kind="new_hires", region="AT31", size="medium")
    need, _ = store.add(full)
    assert store.get(need.reference) == need
    assert (need.occupation.label, need.by_when, need.mode, need.region) == ("welder", date(2024, 9, 1), "blended", "AT31")


def test_add_normalises_what_people_typed(store: NeedStore) -> None:
    need, _ = store.add(draft(company="  Acme   Metal ", country="at", contact_email=" Anna@ACME.example "))
    assert (need.company, need.country, need.region, need.contact_email) == (
        "Acme Metal", "AT", "AT", "anna@acme.example")


def test_get_unknown_reference_is_none(store: NeedStore) -> None:
    assert store.get("N-ZZZZZ") is None


def test_reference_accepts_lower_case_and_no_dash(store: NeedStore) -> None:
    need, secret = store.add(draft())
    typed = need.reference[2:].lower()
    assert store.get(typed) == need
    assert store.get_for_owner(f"n {typed}", secret.lower().replace("-", "")) == need


@pytest.mark.parametrize(
    ("typed", "stored"), [("N-7K3QX", "N-7K3QX"), ("n-7k3qx", "N-7K3QX"), ("7k3 qx", "N-7K3QX"), ("N7K3QX", "N-7K3QX")],
    ids=["exact", "lower", "spaces-no-prefix", "no-dash"],
)
def test_normalise_reference(typed: str, stored: str) -> None:
    assert normalise_reference(typed) == stored


# ---------------------------------------------------------------- idempotency


def test_same_key_twice_is_stored_once(store: NeedStore) -> None:
    first, secret = store.add(draft(), idempotency_key="form-42")
    again, no_secret = store.add(draft(people=4), idempotency_key="form-42")
    assert (again, no_secret) == (first, None)
    assert secret and len(store.list()) == 1


def test_same_content_without_key_is_stored_once(store: NeedStore) -> None:
    first, _ = store.add(draft())
    again, secret = store.add(draft(consent_at=START + timedelta(seconds=5)))
    assert (again.reference, secret) == (first.reference, None)


@pytest.mark.parametrize(
    ("second", "key"), [(draft(), "other-key"), (draft(sender_id="conv-2"), "form-42"), (draft(people=9), None)],
    ids=["other-key", "same-key-other-sender", "other-content"],
)
def test_different_submissions_are_both_stored(store: NeedStore, second: NeedDraft, key: str | None) -> None:
    store.add(draft(), idempotency_key="form-42" if key else None)
    store.add(second, idempotency_key=key)
    assert len(store.list()) == 2


@sql_only
def test_concurrent_repeats_are_stored_once(url: str) -> None:
    stores = [needs_store_from_url(url, hasher=FAST) for _ in range(4)]
    barrier, results = threading.Barrier(4), []

    def submit(store: NeedStore) -> None:
        barrier.wait()
        results.append(store.add(draft(), idempotency_key="double-click"))

    threads = [threading.Thread(target=submit, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len({need.reference for need, _ in results}) == 1
    assert sum(secret is not None for _, secret in results) == 1
    assert len(stores[0].list()) == 1
    for store in stores:
        store.close()


@pytest.mark.parametrize("url", ["memory", "sqlite", "postgresql"], indirect=True)
def test_reference_collision_is_retried(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    references = iter(["N-AAAAA", "N-AAAAA", "N-BBBBB"])
    for module in (needs_sql, needs_memory):
        monkeypatch.setattr(module, "new_reference", lambda: next(references))
    store = needs_store_from_url(url, hasher=FAST)
    assert store.add(draft())[0].reference == "N-AAAAA"
    assert store.add(draft(people=7))[0].reference == "N-BBBBB"
    store.close()


# ---------------------------------------------------------------- owner access


def test_wrong_secret_is_refused(store: NeedStore) -> None:
    need, _ = store.add(draft())
    with pytest.raises(WrongSecretError) as caught:
        store.get_for_owner(need.reference, "AAAA-AAAA-AAAA")
    assert caught.value.reference == need.reference


def test_unknown_reference_for_owner_is_not_found(store: NeedStore) -> None:
    with pytest.raises(NeedNotFoundError):
        store.get_for_owner("N-ZZZZZ", "AAAA-AAAA-AAAA")


def test_update_changes_fields_and_updated_at(store: NeedStore) -> None:
    need, secret = store.add(draft())
    changed = store.update(need.reference, secret, {"people": 5, "skills": (WELD,), "status": "fulfilled"})
    assert (changed.people, changed.skills, changed.status) == (5, (WELD,), "fulfilled")
    assert changed.created_at == need.created_at and changed.updated_at > need.updated_at
    assert store.get(need.reference) == changed


def test_update_with_wrong_secret_changes_nothing(store: NeedStore) -> None:
    need, _ = store.add(draft())
    with pytest.raises(WrongSecretError):
        store.update(need.reference, "AAAA-AAAA-AAAA", {"people": 50})
    assert store.get(need.reference) == need


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"people": 0}, "people"), ({"sender_id": "someone-else"}, "sender_id"), ({"status": "withdrawn"}, "status"),
     ({"contact_email": "not-an-address"}, "contact_email"), ({"colour": "red"}, "colour")],
    ids=["people-zero", "sender-fixed", "withdraw-via-update", "bad-email", "unknown-field"],
)
def test_bad_update_is_refused_and_changes_nothing(store: NeedStore, changes: dict, field: str) -> None:
    need, secret = store.add(draft())
    with pytest.raises(NeedValidationError) as caught:
        store.update(need.reference, secret, changes)
    assert caught.value.field == field
    assert store.get(need.reference) == need


def test_changing_country_moves_a_default_region(store: NeedStore) -> None:
    need, secret = store.add(draft())
    assert store.update(need.reference, secret, {"country": "de"}).region == "DE"


def test_withdraw_is_final_and_idempotent(store: NeedStore) -> None:
    need, secret = store.add(draft())
    withdrawn = store.withdraw(need.reference, secret)
    assert withdrawn.status == "withdrawn"
    assert store.withdraw(need.reference, secret) == withdrawn
    with pytest.raises(NeedClosedError):
        store.update(need.reference, secret, {"people": 2})


def test_a_new_secret_replaces_the_lost_one(store: NeedStore) -> None:
    # a firm that lost its secret had no way back to its need: staff give it a new one
    need, old = store.add(draft())
    new = store.new_secret_for(need.reference.lower())
    assert new != old and len(new) == 14
    assert store.get_for_owner(need.reference, new) == need
    with pytest.raises(WrongSecretError):
        store.get_for_owner(need.reference, old)
    with pytest.raises(NeedNotFoundError):
        store.new_secret_for("N-ZZZZZ")


# ---------------------------------------------------------------- list, erase, export


def test_list_filters_and_orders_oldest_first(store: NeedStore) -> None:
    a, _ = store.add(draft(ecosystem="digital"))
    b, secret_b = store.add(draft(people=2, region="AT31"))
    c, _ = store.add(draft(people=3, sender_id="conv-2", country="DE"))
    store.withdraw(b.reference, secret_b)
    assert [n.reference for n in store.list()] == [a.reference, b.reference, c.reference]
    assert [n.reference for n in store.list(since=b.created_at)] == [b.reference, c.reference]
    assert [n.reference for n in store.list(until=b.created_at)] == [a.reference]
    assert [n.reference for n in store.list(ecosystem="digital")] == [a.reference]
    assert [n.reference for n in store.list(region="AT31")] == [b.reference]
    assert [n.reference for n in store.list(region="DE", status="open")] == [c.reference]
    assert [n.reference for n in store.list(status="withdrawn")] == [b.reference]


def test_a_need_unlocked_with_its_secret_belongs_to_that_conversation_too(store: NeedStore) -> None:
    # QA6 #3: "forget me" in the conversation where the firm came back with its secret deleted nothing
    need, secret = store.add(draft())
    other, _ = store.add(draft(people=2, sender_id="conv-3"))
    with pytest.raises(WrongSecretError):
        store.get_for_owner(other.reference, "AAAA-AAAA-AAAA", unlocked_by="conv-2")
    store.get_for_owner(need.reference, secret or "", unlocked_by="conv-2")
    store.get_for_owner(need.reference, secret or "", unlocked_by="conv-2")  # twice is once
    assert [n.reference for n in store.for_sender("conv-2")] == [need.reference]
    assert store.delete_for_sender("conv-2") == 1
    assert store.get(need.reference) is None and store.get(other.reference) is not None
    assert store.for_sender("conv-1") == [] and store.delete_for_sender("conv-2") == 0


def test_delete_for_sender_erases_only_that_conversation(store: NeedStore) -> None:
    mine, _ = store.add(draft())
    store.add(draft(people=2))
    other, _ = store.add(draft(sender_id="conv-2"))
    assert store.delete_for_sender("conv-1") == 2
    assert store.get(mine.reference) is None
    assert [n.reference for n in store.list()] == [other.reference]
    assert store.delete_for_sender("conv-1") == 0


def test_export_rows_never_hold_secrets(store: NeedStore) -> None:
    need, secret = store.add(draft())
    rows = store.export_rows()
    assert rows[0]["reference"] == need.reference and rows[0]["skills"] == "weld metal; programmable logic controllers"
    text = repr(rows)
    assert secret not in text and "scrypt" not in text and "secret" not in text


@sql_only
def test_only_a_salted_hash_of_the_secret_is_stored(url: str, store: NeedStore) -> None:
    store.add(draft())
    _, secret = store.add(draft(people=8))
    engine = make_engine(url)
    with engine.begin() as conn:
        rows = conn.execute(select(NEEDS)).mappings().all()
    engine.dispose()
    hashes = [row["secret_hash"] for row in rows]
    assert all(h.startswith("scrypt$") for h in hashes) and len(set(hashes)) == 2
    assert not any(secret in str(value) or secret.replace("-", "") in str(value) for row in rows for value in row.values())


def test_default_hasher_verifies_only_its_secret() -> None:
    hasher = SecretHasher()
    stored = hasher.hash("K7QX-3MPA-9RTW")
    assert hasher.verify("k7qx 3mpa 9rtw", stored)
    assert not hasher.verify("K7QX-3MPA-9RTX", stored)
    assert not hasher.verify("K7QX-3MPA-9RTW", "garbage")


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contact_email": "anna.acme.example"}, "contact_email"),
        ({"contact_email": "anna@localhost"}, "contact_email"),
        ({"contact_email": "a" * 250 + "@x.eu"}, "contact_email"),
        ({"people": 0}, "people"),
        ({"people": True}, "people"),
        ({"people": 1_000_000}, "people"),
        ({"ecosystem": "mining"}, "ecosystem"),
        ({"company": "   "}, "company"),
        ({"company": "x" * 201}, "company"),
        ({"size": "huge"}, "size"),
        ({"kind": "interns"}, "kind"),
        ({"mode": "by post"}, "mode"),
        ({"skills": (), "occupation": None}, "skills"),
        ({"skills": tuple(SkillRef(f"u{i}", f"s{i}") for i in range(26))}, "skills"),
        ({"consent_at": datetime(2024, 5, 6, 9, 0)}, "consent_at"),
        ({"consent_purpose": ""}, "consent_purpose"),
        ({"sender_id": ""}, "sender_id"),
        ({"by_when": "soon"}, "by_when"),
    ],
    ids=["email-no-at", "email-no-domain", "email-too-long", "people-zero", "people-bool", "people-too-many",
         "ecosystem-unknown", "company-blank", "company-too-long", "size", "kind", "mode", "nothing-needed",
         "too-many-skills", "consent-naive", "consent-purpose-missing", "sender-missing", "by-when-text"],
)
def test_invalid_draft_is_refused_with_its_field(changes: dict, field: str) -> None:
    store = MemoryNeedStore(hasher=FAST)
    with pytest.raises(NeedValidationError) as caught:
        store.add(draft(**changes))
    assert caught.value.field == field and isinstance(caught.value, ProfileError)
    typed = [value for value in changes.values() if isinstance(value, str) and value.strip()]
    assert not any(value in str(caught.value) for value in typed)  # messages never echo what was typed
    assert store.list() == []


def test_occupation_alone_is_a_valid_need() -> None:
    need, _ = MemoryNeedStore(hasher=FAST).add(draft(skills=(), occupation=SkillRef("occ:welder", "welder")))
    assert need.skills == () and need.occupation == SkillRef("occ:welder", "welder")


# ---------------------------------------------------------------- durability, failures, schema


@sql_only
def test_added_need_is_committed_before_add_returns(url: str, store: NeedStore) -> None:
    need, _ = store.add(draft())
    other = needs_store_from_url(url, hasher=FAST)  # a second process would see the same
    assert other.get(need.reference) == need
    other.close()


def test_unreachable_postgresql_is_a_store_error() -> None:
    store = needs_store_from_url("postgresql://postgres@127.0.0.1:1/nothing", hasher=FAST)
    with pytest.raises(StoreError, match="nothing was saved"):
        store.add(draft())


def test_sqlite_file_that_cannot_be_opened_is_a_store_error(tmp_path) -> None:
    (tmp_path / "needs.db").mkdir()  # a directory where the file should be
    store = needs_store_from_url(f"sqlite:///{tmp_path / 'needs.db'}", hasher=FAST)
    with pytest.raises(StoreError):
        store.list()


@pytest.mark.parametrize(
    "bad", ["mysql://root@localhost/needs", "sqlite://", "not a url"], ids=["mysql", "sqlite-in-memory", "garbage"]
)
def test_unsupported_url_is_a_store_error(bad: str) -> None:
    with pytest.raises(StoreError):
        needs_store_from_url(bad)


def test_memory_url_gives_the_memory_store() -> None:
    assert isinstance(needs_store_from_url("memory://"), MemoryNeedStore)


@sql_only
def test_first_use_creates_the_latest_schema(url: str, store: NeedStore) -> None:
    store.list()
    engine = make_engine(url)
    with engine.begin() as conn:
        versions = conn.execute(select(VERSIONS.c.version).order_by(VERSIONS.c.version)).scalars().all()
    assert versions == [1, 2, 3, 4]
    assert migrate(engine) == 4  # nothing left to do
    engine.dispose()


def test_old_database_is_migrated_forward(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'needs.db'}"
    engine = make_engine(url)
    assert migrate(engine, target=1) == 1
    assert not inspect(engine).get_indexes("needs")
    store = needs_store_from_url(url, hasher=FAST)
    store.add(draft())
    assert {ix["name"] for ix in inspect(engine).get_indexes("needs")} >= {"ix_needs_created_at", "ix_needs_sender_id"}
    store.close()
    engine.dispose()


def test_database_from_newer_code_is_refused(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'needs.db'}")
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(VERSIONS.insert().values(version=99, applied_at=START))
    with pytest.raises(StoreError, match="schema version 99"):
        migrate(engine)
    engine.dispose()
