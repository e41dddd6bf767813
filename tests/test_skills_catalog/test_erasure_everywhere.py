""" "Forget me" erases the other conversations a sender's needs came from (skills_catalog.privacy).

The defect: a firm posted a need in one conversation, came back in another with the reference and
the secret and said "forget me" there; the need went, but the posting conversation — where the
firm had typed its company, contact name, e-mail and phone — stayed in Rasa's tracker store, with
its consent record. Each case runs on memory, SQLite and PostgreSQL (skipped without a server,
except under CI=true), with Rasa's ``events`` table built as Rasa 3.6 builds it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, select

from skills_catalog.conversations import (
    MemoryConversationStore,
    SqlConversationStore,
    open_conversation_store,
)
from skills_catalog.errors import StoreError
from skills_catalog.leads import SqlLeadStore
from skills_catalog.needs import NeedStore, SecretHasher, WrongSecretError
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.privacy import SqlConsentStore, erase, stored_about
from tests.test_skills_catalog.test_needs_store import draft
from tests.test_skills_catalog.test_privacy import EVENTS, EVENTS_METADATA, db_url, pg_url  # noqa: F401

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)
FAST = SecretHasher(n=2**4)
EMAIL = "zyxwvut.qwertyson@example.org"
#: the firm posted its need here, opened it here later with the secret, and says "forget me" here
POSTED, OPENED, ASKING, STRANGER = "posted-here", "opened-there", "back-later", "a-stranger"


@pytest.fixture
def needs(db_url: str) -> Iterator[NeedStore]:  # noqa: F811
    store = needs_store_from_url(db_url, hasher=FAST)
    yield store
    store.close()


def seed_events(url: str, senders: Collection[str]) -> None:
    """Rows in Rasa's events table for each sender, one holding the firm's e-mail as typed."""
    engine = create_engine(url, future=True)
    EVENTS_METADATA.create_all(engine)
    rows = [
        {"sender_id": sender, "type_name": kind, "timestamp": NOW.timestamp(), "data": data}
        for sender in senders
        for kind, data in (("session_started", "{}"), ("user", f'{{"text": "{EMAIL}"}}'))
    ]
    with engine.begin() as conn:
        conn.execute(EVENTS.insert(), rows)
    engine.dispose()


def senders_with_events(url: str) -> set[str]:
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        found = set(conn.execute(select(EVENTS.c.sender_id).distinct()).scalars())
    engine.dispose()
    return found


def test_the_conversations_of_a_need_are_where_it_was_posted_and_opened(needs: NeedStore) -> None:
    check_conversations_of(needs)


def test_the_memory_store_knows_them_too() -> None:
    check_conversations_of(MemoryNeedStore(hasher=FAST))


def check_conversations_of(needs: NeedStore) -> None:
    need, secret = needs.add(draft(sender_id=POSTED))
    needs.add(draft(sender_id=STRANGER, people=2))
    for sender in (OPENED, ASKING):
        needs.get_for_owner(need.reference, secret or "", unlocked_by=sender)
    with pytest.raises(WrongSecretError):  # a guess proves nothing
        needs.get_for_owner(need.reference, "AAAA-AAAA-AAAA", unlocked_by=STRANGER)
    for sender in (POSTED, OPENED, ASKING):
        assert needs.conversations_of(sender) == {POSTED, OPENED, ASKING}
    assert needs.conversations_of(STRANGER) == {STRANGER}
    assert needs.conversations_of("nobody") == set()


def test_forget_me_erases_the_conversation_the_need_was_posted_in(db_url: str, needs: NeedStore) -> None:  # noqa: F811
    leads, consents = SqlLeadStore(db_url), SqlConsentStore(db_url)
    need, secret = needs.add(draft(sender_id=POSTED))
    kept, _ = needs.add(draft(sender_id=POSTED, people=2))  # posted there too, never opened here
    for sender in (OPENED, ASKING):
        needs.get_for_owner(need.reference, secret or "", unlocked_by=sender)
    for sender in (POSTED, STRANGER):
        consents.record_given(sender, "purpose", "socketio")
    leads.add("O1", "P1", OPENED, NOW, "purpose")
    seed_events(db_url, (POSTED, OPENED, ASKING, STRANGER))

    listed = stored_about(ASKING, leads, needs, SqlConsentStore(db_url))
    assert listed.conversations == (OPENED, POSTED)
    erased = erase(ASKING, leads, needs, consents, SqlConversationStore(db_url))

    assert (erased.needs, erased.consents, erased.leads, erased.conversations) == (1, 1, 1, 2)
    # the asking conversation is the tracker store's to erase (Rasa would re-insert it)
    assert senders_with_events(db_url) == {ASKING, STRANGER}
    assert needs.get(need.reference) is None and needs.get(kept.reference) is not None
    assert consents.for_sender(POSTED) == [] and len(consents.for_sender(STRANGER)) == 1
    assert leads.for_sender(OPENED) == []
    assert stored_about(ASKING, leads, needs, consents).conversations == ()


def test_a_conversation_store_down_deletes_nothing_so_asking_again_finds_everything(
    db_url: str,  # noqa: F811
    needs: NeedStore,
) -> None:
    class Down:
        def erase(self, sender_ids: Collection[str]) -> int:
            raise StoreError("tracker database down")

    need, secret = needs.add(draft(sender_id=POSTED))
    needs.get_for_owner(need.reference, secret or "", unlocked_by=ASKING)
    seed_events(db_url, (POSTED,))
    leads, consents = SqlLeadStore(db_url), SqlConsentStore(db_url)
    with pytest.raises(StoreError):
        erase(ASKING, leads, needs, consents, Down())
    assert needs.get(need.reference) is not None  # still linking POSTED to this conversation
    assert erase(ASKING, leads, needs, consents, SqlConversationStore(db_url)).conversations == 1
    assert senders_with_events(db_url) == set()


# ---------------------------------------------------------------- the conversation stores


def test_sql_conversation_store_erases_only_the_senders_named(db_url: str) -> None:  # noqa: F811
    seed_events(db_url, (POSTED, STRANGER))
    store = SqlConversationStore(db_url)
    assert store.erase([POSTED, POSTED, "never-seen"]) == 1
    assert senders_with_events(db_url) == {STRANGER}
    assert store.erase([]) == 0


def test_sql_conversation_store_without_the_events_table_erases_nothing(tmp_path) -> None:  # noqa: ANN001
    assert SqlConversationStore(f"sqlite:///{tmp_path / 'none.db'}").erase([POSTED]) == 0


@pytest.mark.parametrize(
    "url", ["postgresql://nobody@127.0.0.1:1/none", "not a url"], ids=["down", "unparsable"]
)
def test_a_tracker_database_out_of_reach_is_a_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        SqlConversationStore(url).erase([POSTED])


def test_memory_conversation_store() -> None:
    store = MemoryConversationStore({POSTED: ["user"], STRANGER: ["user"]})
    assert store.erase([POSTED, "never-seen"]) == 1 and set(store.events) == {STRANGER}
    assert isinstance(open_conversation_store(""), MemoryConversationStore)
    assert isinstance(open_conversation_store("sqlite:///x.db"), SqlConversationStore)
