"""Staff withdraw a need without its secret, and the store keeps who did it (QA Matrix M11)."""

from __future__ import annotations

import pytest

from skills_catalog.needs import NeedClosedError, NeedNotFoundError, NeedStore
from skills_catalog.needs_sql import make_engine, migrate
from tests.test_skills_catalog.test_needs_store import FAST, draft, pg_url, store, url  # noqa: F401

__all__ = ["pg_url", "store", "url"]


def test_staff_withdraw_without_the_secret_and_who_is_kept(store: NeedStore) -> None:  # noqa: F811
    need, secret = store.add(draft())
    withdrawn = store.withdraw_for_staff(need.reference.lower(), "@ana:cluster.eu")
    assert (withdrawn.status, withdrawn.withdrawn_by) == ("withdrawn", "@ana:cluster.eu")
    assert store.get(need.reference) == withdrawn
    assert store.get_for_owner(need.reference, secret) == withdrawn  # the firm's secret still opens it
    assert store.export_rows()[0]["withdrawn_by"] == "@ana:cluster.eu"
    with pytest.raises(NeedClosedError):
        store.update(need.reference, secret, {"people": 2})


def test_a_second_withdrawal_keeps_the_first(store: NeedStore) -> None:  # noqa: F811
    need, secret = store.add(draft())
    first = store.withdraw_for_staff(need.reference, "USTAFF1")
    assert store.withdraw_for_staff(need.reference, "USTAFF2") == first
    assert store.withdraw(need.reference, secret).withdrawn_by == "USTAFF1"


def test_a_firm_s_own_withdrawal_names_no_staff(store: NeedStore) -> None:  # noqa: F811
    need, secret = store.add(draft())
    assert store.withdraw(need.reference, secret).withdrawn_by == ""


def test_an_unknown_need_is_not_found(store: NeedStore) -> None:  # noqa: F811
    with pytest.raises(NeedNotFoundError):
        store.withdraw_for_staff("N-ZZ2ZZ", "USTAFF1")


def test_a_database_of_version_3_gets_the_column(tmp_path) -> None:  # noqa: ANN001
    url = f"sqlite:///{tmp_path / 'needs.db'}"
    engine = make_engine(url)
    assert migrate(engine, target=3) == 3
    from skills_catalog.needs_sql import needs_store_from_url

    store = needs_store_from_url(url, hasher=FAST)
    need, _ = store.add(draft())
    assert store.withdraw_for_staff(need.reference, "USTAFF1").withdrawn_by == "USTAFF1"
    store.close()
    engine.dispose()
