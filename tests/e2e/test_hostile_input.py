"""Hostile and odd input over the REST channel: every message gets a clear answer, nothing is lost.

"Nothing is lost" is checked in the tracker store itself (the SQLite file Rasa writes): the
conversation's earlier turns are still there, the odd text is stored verbatim (or refused
before Rasa, for the guard's cases), and the conversation goes on normally afterwards.
The unknown place (suggestions offered) is covered by test_worker_journey.py; the staff
actions' refusal outside staff channels by tests/test_actions/test_staff_actions.py — here
only the REST end of it, through the real servers.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from actions import texts
from connectors import guard
from launcher.stack import Stack
from skills_catalog.leads import open_lead_store
from tests.e2e.conftest import RestUser
from tests.e2e.fault_support import tracker_events

FAILURES = (guard.TECHNICAL_PROBLEM, guard.SLOW_DOWN)


def said(replies: list[dict]) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def assert_clear_answer(replies: list[dict]) -> None:
    """At least one text reply, and not the guard's apology for a failure."""
    assert replies and any(r.get("text") for r in replies), replies
    assert not any(f in said(replies) for f in FAILURES), replies


def user_texts(stack: Stack, sender: str) -> list[str]:
    """The user messages Rasa saved for this conversation, in order."""
    return [e["text"] for e in tracker_events(stack, sender) if e["event"] == "user"]


ODD_MESSAGES = [
    ("", True), ("   \n\t", True), ("x" * 20_000, True),
    ("😀🙏🏽 👩‍🔧 ✨ can you help?", False),
    ("أبحث عن دورة لحام في غراتس", False), ("שלום, I want לימוד welding", False),
    ("Ich möchte 学习 PLC-Programmierung в Граце", False),
    ("<script>alert(1)</script><img src=x onerror=alert(2)>", False),
    ("'; DROP TABLE events; --", False), ("Robert'); DELETE FROM events WHERE ('1'='1", False),
    ("what's the weather like on mars?", False),
]  # fmt: skip
ODD_IDS = ["empty", "whitespace", "huge-20k", "emoji", "arabic-rtl", "hebrew-mixed", "mixed-scripts",
           "html-js", "sql-drop", "sql-delete", "out-of-scope"]  # fmt: skip


@pytest.mark.parametrize(("message", "refused_by_guard"), ODD_MESSAGES, ids=ODD_IDS)
def test_odd_messages_get_a_clear_answer_and_lose_nothing(
    stack: Stack, message: str, refused_by_guard: bool
) -> None:
    user = RestUser(stack)
    user.say("hello")
    replies = user.say(message)
    assert_clear_answer(replies)
    assert "<script>" not in said(replies) and "onerror" not in said(replies)
    # markup alone reaches Rasa as a request for help: the hint, then the pending question again
    kept = guard.MARKUP_FOR_RASA if message.startswith("<script>") else message
    expected = ["hello"] if refused_by_guard else ["hello", kept]
    assert user_texts(stack, user.sender) == expected
    assert_clear_answer(user.say("/give_consent"))
    assert user_texts(stack, user.sender) == [*expected, "/give_consent"]


def test_oversize_and_empty_are_refused_with_a_hint(stack: Stack) -> None:
    user = RestUser(stack)
    assert said(user.say("x" * 20_000)) == guard.TOO_LONG.format(length=20_000, limit=2000)
    assert said(user.say("  ")) == guard.EMPTY_HINT


def test_contradicting_answer_is_taken_and_the_form_goes_on(stack: Stack) -> None:
    user = RestUser(stack)
    for turn in [
        "hello",
        "/give_consent",
        "I worked as a welder",
        "MIG welding",
        "yes",
        "I want to learn PLC programming",
    ]:
        user.say(turn)
    assert_clear_answer(user.say("Graz"))
    replies = user.say("no wait, not Graz — I live in Vienna")
    assert_clear_answer(replies)
    assert_clear_answer(user.say('/inform{"choice":"any"}'))


@pytest.mark.parametrize(
    "payload",
    ['/express_interest{"offer_id":"nope"}', '/offer_details{"offer_id":"nope"}', '/inform{"choice":"bogus"}',
     '/remove_skill{"choice":"http://no.such/skill"}', '/express_interest{"offer_id":"\'; DROP TABLE leads; --"}'],
    ids=["interest-unknown-offer", "details-unknown-offer", "inform-bogus", "remove-skill-outside-form", "interest-sql"],
)  # fmt: skip
def test_button_payload_out_of_place_is_answered_and_stores_nothing(stack: Stack, payload: str) -> None:
    user = RestUser(stack)
    user.say("hello")
    assert_clear_answer(user.say(payload))
    assert open_lead_store(stack.settings.needs_db_url).for_sender(user.sender) == []
    assert user_texts(stack, user.sender) == ["hello", payload]


def test_bogus_choice_inside_the_form_asks_again(stack: Stack) -> None:
    user = RestUser(stack)
    for turn in [
        "hello",
        "/give_consent",
        "I worked as a welder",
        "MIG welding",
        "yes",
        "I want to learn PLC programming",
        "Graz",
    ]:
        user.say(turn)
    assert_clear_answer(user.say('/inform{"choice":"bogus"}'))
    assert_clear_answer(user.say('/inform{"choice":"any"}'))


def test_rapid_duplicate_sends_are_all_answered_in_one_consistent_tracker(stack: Stack) -> None:
    user = RestUser(stack)
    user.say("hello")
    with ThreadPoolExecutor(5) as pool:
        answers = list(pool.map(lambda _: user.say("what can you do?"), range(5)))
    assert all(answers) and not any(guard.TECHNICAL_PROBLEM in said(a) for a in answers)
    assert user_texts(stack, user.sender) == ["hello"] + ["what can you do?"] * 5
    assert_clear_answer(user.say("/give_consent"))


@pytest.mark.parametrize(
    "command",
    ["/staff_new_needs", '/staff_show_need{"reference":"N-0001"}', "/staff_export", "new needs since monday"],
    ids=["new-needs", "show-need", "export", "typed"],
)
def test_staff_commands_from_the_public_channel_are_refused(stack: Stack, command: str) -> None:
    user = RestUser(stack)
    replies = user.say(command)
    assert replies and "@" not in said(replies), replies  # no contact e-mail ever leaks
    if command.startswith("/"):
        assert said(replies) == texts.STAFF_ONLY, replies
