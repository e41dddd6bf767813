"""The guard's default rate limit lets a person tap buttons and type fast, and still stops a
flood (QA13: "10/10" told people tapping through the form to slow down)."""

from __future__ import annotations

from connectors import guard
from connectors.guard import ChannelGuard, GuardSettings, RateLimiter
from tests.test_connectors.test_guard import FakeClock, answers, send


def allowed(limiter: RateLimiter, clock: FakeClock, count: int, every_s: float) -> list[bool]:
    """Whether each of ``count`` messages, ``every_s`` apart, gets through."""
    got = []
    for _ in range(count):
        got.append(limiter.allow("person"))
        clock.now += every_s
    return got


def test_a_fast_person_is_never_told_to_slow_down() -> None:
    # the form's answers and the results' details tapped two a second, then quick typed questions:
    # under "10/10" the 20th tap was refused
    clock = FakeClock()
    limiter = RateLimiter(GuardSettings.from_env({}), clock)
    assert all(allowed(limiter, clock, 25, every_s=0.5))
    assert all(allowed(limiter, clock, 10, every_s=1.0))


def test_a_flood_is_still_stopped() -> None:
    clock = FakeClock()
    got = allowed(RateLimiter(GuardSettings.from_env({}), clock), clock, 100, every_s=0.05)
    assert got[:30] == [True] * 30
    assert got.count(True) <= 35  # the burst, then one a second


def test_the_sustained_rate_is_one_message_a_second_as_before() -> None:
    clock = FakeClock()
    limiter = RateLimiter(GuardSettings.from_env({}), clock)
    allowed(limiter, clock, 40, every_s=0.0)  # the burst spent
    assert allowed(limiter, clock, 1, every_s=0.0) == [False]
    clock.now += 1.0
    assert allowed(limiter, clock, 2, every_s=0.0) == [True, False]
    assert GuardSettings.from_env({"GUARD_RATE": "10/10"}) == GuardSettings(rate=10, per_seconds=10)


async def test_button_taps_in_a_burst_reach_rasa() -> None:
    chat_guard = ChannelGuard(GuardSettings.from_env({}))
    replies = [await send(chat_guard, answers, f'/inform{{"choice": "{n}"}}') for n in range(20)]
    assert [guard.SLOW_DOWN] not in replies
