"""The leads store: SQLite and in-memory behave alike; failures are StoreErrors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from skills_catalog.errors import StoreError
from skills_catalog.leads import LeadStore, MemoryLeadStore, SqlLeadStore, open_lead_store

CONSENT = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> LeadStore:
    return (
        MemoryLeadStore()
        if request.param == "memory"
        else SqlLeadStore(f"sqlite:///{tmp_path / 'sub' / 'leads.db'}")
    )


def test_add_and_read_back(store: LeadStore) -> None:
    lead = store.add("O1", "P1", "sender-1", CONSENT, "share_interest")
    assert store.for_sender("sender-1") == [lead]
    assert lead.consent_time == CONSENT and lead.created_at.tzinfo is not None and len(lead.lead_id) == 32


def test_naive_consent_time_is_taken_as_utc(store: LeadStore) -> None:
    lead = store.add("O1", "P1", "sender-1", CONSENT.replace(tzinfo=None), "p")
    assert store.for_sender("sender-1")[0].consent_time == lead.consent_time == CONSENT


def test_other_zones_are_converted(store: LeadStore) -> None:
    vienna = CONSENT.astimezone(timezone(timedelta(hours=1)))
    assert store.add("O1", "P1", "s", vienna, "p").consent_time == CONSENT


def test_delete_sender(store: LeadStore) -> None:
    store.add("O1", "P1", "a", CONSENT, "p")
    store.add("O2", "P1", "a", CONSENT, "p")
    store.add("O1", "P1", "b", CONSENT, "p")
    assert store.delete_sender("a") == 2
    assert store.for_sender("a") == [] and len(store.for_sender("b")) == 1
    assert store.delete_sender("a") == 0


@pytest.mark.parametrize(
    ("offer", "partner", "sender"),
    [("", "P1", "s"), ("O1", "", "s"), ("O1", "P1", "")],
    ids=["no-offer", "no-partner", "no-sender"],
)
def test_empty_ids_are_refused(store: LeadStore, offer: str, partner: str, sender: str) -> None:
    with pytest.raises(StoreError):
        store.add(offer, partner, sender, CONSENT, "p")


def test_leads_survive_a_new_store_on_the_same_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    SqlLeadStore(url).add("O1", "P1", "s", CONSENT, "p")
    assert len(SqlLeadStore(url).for_sender("s")) == 1


def test_unreachable_database_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError):
        SqlLeadStore(f"sqlite:///{blocker / 'leads.db'}").add("O1", "P1", "s", CONSENT, "p")


def test_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        SqlLeadStore("nonsense://").for_sender("s")


@pytest.mark.parametrize(
    ("url", "kind"),
    [(None, MemoryLeadStore), ("memory", MemoryLeadStore), ("sqlite:///x.db", SqlLeadStore)],
    ids=["none", "memory", "sqlite"],
)
def test_open_lead_store(url: str | None, kind: type) -> None:
    assert isinstance(open_lead_store(url), kind)
