"""Faults of the real processes: the person always gets an answer, and the conversation survives.

The module runs its own stack (the tests kill its processes): the guard's deadline is cut to
8 s so a stopped action server is noticed quickly; the needs database is PostgreSQL behind a
TCP proxy the test can cut. Each fault is checked against a reference conversation without
faults: after recovery, the form must wait on the same question as the reference does.
"""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy

from actions import texts
from connectors import guard
from launcher.stack import Stack, free_port
from tests.e2e.conftest import SCRIPTED_RATE, RestUser, require_or_skip, stack_settings
from tests.e2e.fault_support import TcpProxy, requested_slot, tracker_events

PG_HOST, PG_PORT = "127.0.0.1", 5432
DEADLINE_S = 8
WORKER_START = ["hello", "/give_consent", "I worked as a welder in a metal workshop"]
NEXT_ANSWER = "MIG welding, reading technical drawings"
FIRM_ANSWERS = [("name of your company", "Acme Metal GmbH"), ("which town", "Graz"),
                ("(a name)", "Anna Example"), ("e-mail address", "anna@example.com"),
                ("what do you need", "MIG welding and PLC programming"), ("how many people", "2")]  # fmt: skip


def said(replies: list[dict]) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def pg_admin() -> sqlalchemy.engine.Engine:
    return sqlalchemy.create_engine(
        f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres", isolation_level="AUTOCOMMIT", future=True
    )


def pg_up() -> bool:
    try:
        pg_admin().connect().close()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


@pytest.fixture(scope="module")
def needs_proxy() -> Iterator[TcpProxy]:
    """The road to PostgreSQL that test_database_down cuts."""
    require_or_skip(pg_up(), f"PostgreSQL at {PG_HOST}:{PG_PORT}")
    proxy = TcpProxy((PG_HOST, PG_PORT), free_port()).start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="module")
def faulty(
    trained_model: Path, needs_proxy: TcpProxy, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("faults")
    name = f"csa_faults_{uuid.uuid4().hex[:10]}"
    with pg_admin().connect() as conn:
        conn.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    settings = replace(
        stack_settings(tmp), needs_db_url=f"postgresql://postgres@127.0.0.1:{needs_proxy.port}/{name}"
    )
    env = {"GUARD_DEADLINE_SECONDS": str(DEADLINE_S), "GUARD_RATE": SCRIPTED_RATE}
    with Stack(settings, trained_model, log_dir=tmp / "logs", extra_env=env) as stack:
        yield stack
    with pg_admin().connect() as conn:
        conn.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def worker_at_skills_question(stack: Stack) -> RestUser:
    user = RestUser(stack)
    for turn in WORKER_START:
        user.say(turn)
    return user


def reference_slot_after_next_answer(stack: Stack) -> str | None:
    """Where a conversation without faults stands after the next answer."""
    user = worker_at_skills_question(stack)
    user.say(NEXT_ANSWER)
    return requested_slot(stack, user.sender)


def test_action_server_down_gets_an_apology_and_the_form_goes_on_after_restart(faulty: Stack) -> None:
    expected = reference_slot_after_next_answer(faulty)
    user = worker_at_skills_question(faulty)
    asked = requested_slot(faulty, user.sender)
    faulty.stop_process("actions")
    try:
        assert said(user.say(NEXT_ANSWER)) == guard.TECHNICAL_PROBLEM
        assert requested_slot(faulty, user.sender) == asked, "a failed turn must not move the form"
    finally:
        faulty.start_actions()
    replies = user.say(NEXT_ANSWER)
    assert replies and guard.TECHNICAL_PROBLEM not in said(replies)
    assert requested_slot(faulty, user.sender) == expected


def test_action_server_too_slow_gets_an_apology_within_the_deadline(faulty: Stack) -> None:
    expected = reference_slot_after_next_answer(faulty)
    user = worker_at_skills_question(faulty)
    pid = faulty.processes["actions"].pid
    os.killpg(pid, signal.SIGSTOP)
    try:
        assert said(user.say(NEXT_ANSWER)) == guard.TECHNICAL_PROBLEM
    finally:
        os.killpg(pid, signal.SIGCONT)
    replies = user.say(NEXT_ANSWER)
    assert replies and guard.TECHNICAL_PROBLEM not in said(replies)
    assert requested_slot(faulty, user.sender) == expected


def test_rasa_restart_mid_conversation_resumes_where_it_was(faulty: Stack) -> None:
    expected = reference_slot_after_next_answer(faulty)
    user = worker_at_skills_question(faulty)
    before = len(tracker_events(faulty, user.sender))
    faulty.stop_process("rasa")
    faulty.start_rasa()
    replies = user.say(NEXT_ANSWER)
    assert replies and guard.TECHNICAL_PROBLEM not in said(replies)
    assert len(tracker_events(faulty, user.sender)) > before
    assert requested_slot(faulty, user.sender) == expected


def firm_at_summary(stack: Stack) -> RestUser:
    """Drive the firm form to its summary (Save / Change / Cancel), answering what it asks."""
    user = RestUser(stack)
    replies = user.say("/firm_start")
    for _ in range(20):
        buttons = [b for r in replies for b in r.get("buttons") or []]
        if any(b["title"] == "Save" for b in buttons):
            return user
        question = said(replies).lower()
        answer = next((a for key, a in FIRM_ANSWERS if key in question), None)
        if answer is None:
            usable = [b for b in buttons if not b["title"].startswith("Not ")]
            assert usable, f"no answer for {question!r}"
            answer = usable[0]["payload"]
        replies = user.say(answer)
    raise AssertionError(f"the firm form never reached its summary: {replies}")


def test_database_down_while_saving_gives_no_false_confirmation(faulty: Stack, needs_proxy: TcpProxy) -> None:
    user = firm_at_summary(faulty)
    saved_prefix = texts.FIRM_SAVED.split("{")[0]
    needs_proxy.stop()
    try:
        replies = user.say("/firm_save")
    finally:
        needs_proxy.start()
    assert saved_prefix not in said(replies), replies
    assert texts.FIRM_NOT_SAVED in said(replies), replies
    retry = [b["payload"] for r in replies for b in r.get("buttons") or [] if b["title"] == "Try again"]
    assert retry, "the apology should offer to try again"
    assert saved_prefix in said(user.say(retry[0])), "the same need should save once the database is back"
