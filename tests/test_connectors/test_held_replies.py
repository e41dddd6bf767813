"""Replies held for a widget session whose socket is away: order, bounds, expiry."""

from __future__ import annotations

from connectors.held_replies import HeldReplies


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_released_in_order_once() -> None:
    held = HeldReplies()
    held.hold("s1", "bot_uttered", {"text": "one"})
    held.hold("s1", "bot_uttered", {"text": "two"})
    held.hold("s2", "bot_uttered", {"text": "other"})
    assert held.release("s1") == [("bot_uttered", {"text": "one"}), ("bot_uttered", {"text": "two"})]
    assert held.release("s1") == []
    assert held.release("s2") == [("bot_uttered", {"text": "other"})]


def test_replies_older_than_the_ttl_are_dropped() -> None:
    clock = Clock()
    held = HeldReplies(ttl_seconds=60, clock=clock)
    held.hold("s1", "bot_uttered", {"text": "old"})
    clock.now += 61
    held.hold("s1", "bot_uttered", {"text": "new"})
    assert held.release("s1") == [("bot_uttered", {"text": "new"})]


def test_bounded_per_session_and_in_sessions() -> None:
    held = HeldReplies(per_session=2, sessions=2)
    for n in range(3):
        held.hold("s1", "bot_uttered", n)
    held.hold("s2", "bot_uttered", "b")
    held.hold("s3", "bot_uttered", "c")  # s1, the least recently held, goes
    assert held.release("s1") == []
    assert [p for _, p in held.release("s2")] == ["b"]
    assert [p for _, p in held.release("s3")] == ["c"]
    held.hold("s4", "bot_uttered", 0)
    held.hold("s4", "bot_uttered", 1)
    held.hold("s4", "bot_uttered", 2)
    assert [p for _, p in held.release("s4")] == [1, 2]  # the newest two
