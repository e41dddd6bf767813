"""Alerts a chat service refused wait in the outbox and go out later, in order, once per sink.

QA Matrix M6: with Synapse stopped, a firm saved a need; actions.log said "matrix: alert not
delivered: ConnectionError", the alert never arrived, and the firm read "The cluster team has
been told." The outbox is tested on memory, SQLite and PostgreSQL (CI=true: PostgreSQL must be
up; elsewhere its cases skip with a message).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import delete

from skills_catalog.alert_outbox import OUTBOX, AlertOutbox, SqlAlertOutbox, open_alert_outbox
from skills_catalog.alerts import (
    AlertDeliveryError,
    AlertSender,
    InMemoryAlertSink,
    RetryPolicy,
    retry_in_background,
)
from skills_catalog.errors import StoreError
from skills_catalog.needs_sql import make_engine
from tests.test_skills_catalog.test_needs_store import pg_url  # noqa: F401 - the PostgreSQL fixture

START = datetime(2026, 3, 4, 14, 2, tzinfo=timezone.utc)
LEASE = timedelta(seconds=120)


class Clock:
    """A clock a test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "memory":
        yield "memory://"
    elif request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'needs.db'}"
    else:
        pg = request.getfixturevalue("pg_url")
        yield pg
        engine = make_engine(pg)  # the database is shared by the session: leave the outbox empty
        with engine.begin() as conn:
            conn.execute(delete(OUTBOX))
        engine.dispose()


@pytest.fixture
def outbox(url: str) -> Iterator[AlertOutbox]:
    opened = open_alert_outbox(url)
    yield opened
    if isinstance(opened, SqlAlertOutbox):
        opened.close()


# ---------------------------------------------------------------- the outbox


def test_only_the_oldest_alert_of_a_sink_is_given_out_and_only_to_one_holder(outbox: AlertOutbox) -> None:
    first, _ = outbox.add(["matrix:!a", "slack:C1"], "need N-1", START)
    second, _ = outbox.add(["matrix:!a", "slack:C1"], "need N-2", START)
    claimed = outbox.claim("matrix:!a", START, LEASE, due_only=False)
    assert claimed is not None and (claimed.id, claimed.text, claimed.attempts) == (first, "need N-1", 0)
    assert outbox.claim("matrix:!a", START, LEASE, due_only=False) is None, (
        "claimed: the next waits behind it"
    )
    assert outbox.claim("slack:C1", START, LEASE, due_only=False) is not None, "each sink has its own queue"
    outbox.delivered(first)
    after = outbox.claim("matrix:!a", START, LEASE, due_only=False)
    assert after is not None and after.id == second


def test_a_failed_alert_is_freed_counted_and_due_again_at_its_retry_time(outbox: AlertOutbox) -> None:
    (alert_id,) = outbox.add(["matrix:!a"], "need N-1", START)
    assert outbox.claim("matrix:!a", START, LEASE, due_only=True) is not None
    outbox.failed(alert_id, START + timedelta(seconds=15), "ConnectionError")
    assert outbox.claim("matrix:!a", START + timedelta(seconds=14), LEASE, due_only=True) is None
    again = outbox.claim("matrix:!a", START + timedelta(seconds=15), LEASE, due_only=True)
    assert again is not None and again.attempts == 1
    assert again.created_at == START, "the time it was written stays (a late alert says it)"


def test_a_claim_whose_holder_died_is_given_out_again_when_its_lease_ends(outbox: AlertOutbox) -> None:
    (alert_id,) = outbox.add(["matrix:!a"], "need N-1", START)
    held = outbox.claim("matrix:!a", START, LEASE, due_only=False)
    assert outbox.claim("matrix:!a", START + LEASE - timedelta(seconds=1), LEASE, due_only=False) is None
    retaken = outbox.claim("matrix:!a", START + LEASE, LEASE, due_only=False)
    assert held is not None and retaken is not None and retaken.key == held.key, "same key: no double post"


@pytest.mark.parametrize("url", ["sqlite", "postgresql"], indirect=True)
def test_waiting_alerts_survive_a_restart_of_the_action_server(url: str) -> None:
    before = open_alert_outbox(url)
    before.add(["matrix:!a"], "need N-1", START)
    assert isinstance(before, SqlAlertOutbox)
    before.close()
    after = open_alert_outbox(url)
    waiting = after.claim("matrix:!a", START, LEASE, due_only=True)
    assert waiting is not None and waiting.text == "need N-1"


def test_an_unreachable_database_is_a_store_error() -> None:
    outbox = open_alert_outbox("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="alert outbox could not queue an alert"):
        outbox.add(["log"], "need N-1", START)


# ---------------------------------------------------------------- the sender


@dataclass
class CountingSink(InMemoryAlertSink):
    """An in-memory sink that also counts every try, taken or refused."""

    tries: list[str] = field(default_factory=list)

    def post(self, text: str, alert_id: str = "") -> None:
        self.tries.append(alert_id)
        super().post(text, alert_id)


def sender(outbox: AlertOutbox, clock: Clock, *sinks: InMemoryAlertSink) -> AlertSender:
    return AlertSender(sinks, outbox, clock=clock)


def test_an_alert_a_sink_refused_is_not_said_delivered_and_arrives_when_it_is_back(
    outbox: AlertOutbox, clock: Clock
) -> None:
    matrix = InMemoryAlertSink(down=True, name="matrix:!staff")
    alerts = sender(outbox, clock, matrix)
    result = alerts.send("New firm need N-0042")
    assert (result.delivered, result.waiting, result.delivered_now) == (0, 1, False)
    matrix.down = False
    clock.wait(15)
    assert alerts.retry() == 1
    assert matrix.posted == [
        "New firm need N-0042\n(delayed: written 2026-03-04 14:02 UTC; delivery was retried)"
    ]
    assert alerts.retry() == 0, "delivered once"


def test_an_alert_every_sink_took_is_delivered_now_and_unmarked(outbox: AlertOutbox, clock: Clock) -> None:
    slack, matrix = InMemoryAlertSink(name="slack:C1"), InMemoryAlertSink(name="matrix:!staff")
    result = sender(outbox, clock, slack, matrix).send("New firm need N-0042")
    assert (result.delivered, result.waiting, result.delivered_now) == (2, 0, True)
    assert slack.posted == matrix.posted == ["New firm need N-0042"]


def test_alerts_go_out_in_the_order_they_were_written(outbox: AlertOutbox, clock: Clock) -> None:
    matrix = InMemoryAlertSink(down=True, name="matrix:!staff")
    alerts = sender(outbox, clock, matrix)
    alerts.send("need N-1")
    clock.wait(1)
    assert alerts.send("need N-2").waiting == 1, "nothing overtakes an alert that waits"
    matrix.down = False
    assert alerts.send("need N-3").delivered_now, "the next alert tries at once, the older ones first"
    late = "\n(delayed: written 2026-03-04 14:02 UTC; delivery was retried)"
    assert matrix.posted == [f"need N-1{late}", f"need N-2{late}", "need N-3"], "only the new one is on time"


def test_one_sink_down_does_not_hold_up_the_other(outbox: AlertOutbox, clock: Clock) -> None:
    slack, matrix = InMemoryAlertSink(name="slack:C1"), InMemoryAlertSink(down=True, name="matrix:!staff")
    alerts = sender(outbox, clock, slack, matrix)
    result = alerts.send("need N-1")
    assert (result.delivered, result.waiting) == (1, 1)
    assert slack.posted == ["need N-1"] and matrix.posted == []
    matrix.down = False
    clock.wait(15)
    alerts.retry()
    assert slack.posted == ["need N-1"], "once"
    assert matrix.posted == ["need N-1\n(delayed: written 2026-03-04 14:02 UTC; delivery was retried)"]


def test_retries_wait_longer_each_time(outbox: AlertOutbox, clock: Clock) -> None:
    matrix = CountingSink(down=True, name="matrix:!staff")
    alerts = AlertSender([matrix], outbox, RetryPolicy(first_delay_s=15, max_delay_s=60), clock=clock)
    alerts.send("need N-1")
    seconds_with_a_try = []
    for second in range(1, 200):
        clock.wait(1)
        before = len(matrix.tries)
        alerts.retry()
        if len(matrix.tries) > before:
            seconds_with_a_try.append(second)
    assert seconds_with_a_try == [15, 45, 105, 165]  # +15, +30, +60, +60
    assert len(set(matrix.tries)) == 1, "every try carries the alert's one key (Matrix: one transaction id)"


@pytest.mark.parametrize("url", ["sqlite", "postgresql"], indirect=True)
def test_two_action_servers_on_one_database_post_each_alert_once(url: str) -> None:
    matrix = InMemoryAlertSink(down=True, name="matrix:!staff")
    writer = AlertSender([matrix], open_alert_outbox(url))
    for number in range(20):
        writer.send(f"need N-{number}")
    matrix.down = False

    def later() -> datetime:  # past the writer's pauses: every retrier finds the alerts due
        return datetime.now(timezone.utc) + timedelta(days=1)

    retriers = [AlertSender([matrix], open_alert_outbox(url), RetryPolicy(batch=3), later) for _ in range(4)]
    deadline = time.monotonic() + 30

    def retry_until_all_went(retrier: AlertSender) -> None:
        while len(matrix.posted) < 20 and time.monotonic() < deadline:
            retrier.retry()

    threads = [threading.Thread(target=retry_until_all_went, args=(retrier,)) for retrier in retriers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [text.split("\n")[0] for text in matrix.posted] == [f"need N-{number}" for number in range(20)]


def test_with_the_outbox_down_the_alert_is_posted_directly_and_a_refusal_counted_lost(clock: Clock) -> None:
    slack, matrix = InMemoryAlertSink(name="slack:C1"), InMemoryAlertSink(down=True, name="matrix:!staff")
    broken = open_alert_outbox("postgresql://nobody@127.0.0.1:1/none")
    result = sender(broken, clock, slack, matrix).send("need N-1")
    assert (result.delivered, result.waiting, result.lost, result.delivered_now) == (1, 0, 1, False)
    assert slack.posted == ["need N-1"]


def test_the_background_timer_delivers_without_a_new_alert(outbox: AlertOutbox) -> None:
    matrix = InMemoryAlertSink(down=True, name="matrix:!staff")
    alerts = AlertSender([matrix], outbox, RetryPolicy(first_delay_s=0.01))
    alerts.send("need N-1")
    matrix.down = False
    stop = threading.Event()
    thread = retry_in_background(alerts, every_s=0.05, stop=stop)
    try:
        for _ in range(100):
            if matrix.posted:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(5)
    assert [text.split("\n")[0] for text in matrix.posted] == ["need N-1"]
    assert not thread.is_alive()


def test_in_memory_sink_down_raises_what_a_chat_service_does() -> None:
    with pytest.raises(AlertDeliveryError, match="^matrix:!staff: alert not delivered: ConnectionError$"):
        InMemoryAlertSink(down=True, name="matrix:!staff").post("need N-1")


def test_ids_are_never_reused_so_a_log_line_names_one_alert(outbox: AlertOutbox) -> None:
    (first,) = outbox.add(["log"], "need N-1", START)
    outbox.delivered(first)
    (second,) = outbox.add(["log"], "need N-2", START)
    assert second > first
