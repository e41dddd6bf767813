"""The channel guard: odd input and floods never reach Rasa, and Rasa's silence gets an apology.

Rasa's handler is replaced by small async functions (answer, stay silent, raise, hang), and the
REST channel is served by a real Sanic app on a free port, as Rasa serves it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Sanic

from connectors import guard
from connectors.guard import ChannelGuard, GuardSettings, RateLimiter, refusal
from connectors.rest import RestInput
from launcher.stack import free_port
from tests.test_connectors.test_socketio_channel import Client, client, server_url  # noqa: F401 - fixtures


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def answers(message: UserMessage) -> None:
    await message.output_channel.send_response(message.sender_id, {"text": f"echo: {message.text}"})


async def silent(message: UserMessage) -> None:
    """What Rasa does when the action server is down: logs, predicts action_listen, sends nothing."""


async def raises(message: UserMessage) -> None:
    raise RuntimeError("tracker store unreachable")


async def hangs(message: UserMessage) -> None:
    await asyncio.sleep(3600)


def texts(channel: CollectingOutputChannel) -> list[str]:
    return [m["text"] for m in channel.messages]


async def send(chat_guard: ChannelGuard, handler, text: str | None, sender: str = "s1") -> list[str]:
    channel = CollectingOutputChannel()
    await chat_guard.handle(UserMessage(text, channel, sender), handler)
    return texts(channel)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", guard.EMPTY_HINT), ("  \n\t ", guard.EMPTY_HINT), (None, guard.EMPTY_HINT),
     ("x" * 2000, None), ("hello", None)],
    ids=["empty", "whitespace", "none", "at-limit", "normal"],
)  # fmt: skip
def test_refusal_of_empty_and_normal_messages(text: str | None, expected: str | None) -> None:
    assert refusal(text, GuardSettings()) == expected


def test_oversize_message_is_refused_with_its_length_and_the_limit() -> None:
    reply = refusal("x" * 20_000, GuardSettings(max_chars=2000))
    assert reply is not None and "20,000" in reply and "2,000" in reply


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({}, GuardSettings()),
     ({"GUARD_RATE": "30/5", "GUARD_MAX_CHARS": "500"}, GuardSettings(max_chars=500, rate=30, per_seconds=5)),
     ({"GUARD_RATE": "0"}, GuardSettings(rate=0)),
     ({"GUARD_DEADLINE_SECONDS": "4"}, GuardSettings(deadline_seconds=4))],
    ids=["defaults", "rate-and-size", "rate-off", "deadline"],
)  # fmt: skip
def test_settings_from_environment(environ: dict[str, str], expected: GuardSettings) -> None:
    assert GuardSettings.from_env(environ) == expected


def test_bucket_allows_a_burst_then_refuses_then_refills() -> None:
    clock = FakeClock()
    limiter = RateLimiter(GuardSettings(rate=10, per_seconds=10), clock)
    assert all(limiter.allow("a") for _ in range(10))
    assert not limiter.allow("a")
    assert limiter.allow("b"), "another sender has its own bucket"
    clock.now += 1.0
    assert limiter.allow("a") and not limiter.allow("a")


def test_rate_zero_switches_the_limit_off() -> None:
    limiter = RateLimiter(GuardSettings(rate=0), FakeClock())
    assert all(limiter.allow("a") for _ in range(1000))


def test_buckets_are_bounded() -> None:
    limiter = RateLimiter(GuardSettings(max_senders=100), FakeClock())
    for number in range(1000):
        limiter.allow(f"s{number}")
    assert len(limiter._buckets) == 100


@pytest.mark.parametrize(
    ("text", "reply"),
    [("", guard.EMPTY_HINT), ("   ", guard.EMPTY_HINT), ("x" * 2001, None)],
    ids=["empty", "whitespace", "oversize"],
)  # fmt: skip
async def test_refused_messages_never_reach_rasa(text: str, reply: str | None) -> None:
    reached: list[str] = []

    async def rasa(message: UserMessage) -> None:
        reached.append(message.text)

    got = await send(ChannelGuard(GuardSettings()), rasa, text)
    assert reached == [] and len(got) == 1
    assert reply is None or got == [reply]


async def test_a_flood_gets_slow_down_and_stays_out_of_rasa() -> None:
    chat_guard = ChannelGuard(GuardSettings(rate=3, per_seconds=60))
    replies = [await send(chat_guard, answers, f"m{n}") for n in range(5)]
    assert replies[:3] == [["echo: m0"], ["echo: m1"], ["echo: m2"]]
    assert replies[3:] == [[guard.SLOW_DOWN], [guard.SLOW_DOWN]]


@pytest.mark.parametrize("handler", [silent, raises, hangs], ids=["silent", "raises", "past-deadline"])
async def test_no_answer_from_rasa_becomes_a_polite_apology(handler) -> None:
    chat_guard = ChannelGuard(GuardSettings(deadline_seconds=0.2))
    assert await send(chat_guard, handler, "hello") == [guard.TECHNICAL_PROBLEM]


@pytest.mark.parametrize(
    ("text", "read"),
    [("<b>welder</b> from Graz", "welder from Graz"), ("welder<img src=x onerror=alert(1)>", "welder"),
     ("under <500 € please", "under <500 € please"), ("<3 welding", "<3 welding")],
)  # fmt: skip
async def test_markup_is_taken_out_before_rasa_reads_the_message(text: str, read: str) -> None:
    # QA12: "<script>alert(1)</script>" at the job question became the skills *read scripts*, *stay alert*
    assert await send(ChannelGuard(GuardSettings()), answers, text) == [f"echo: {read}"]


async def test_markup_alone_is_said_not_read_and_rasa_asks_its_question_again() -> None:
    # QA12: "<script>alert(1)</script>" at a form question got the hint, the question never again
    got = await send(ChannelGuard(GuardSettings()), answers, "<script>alert(1)</script>")
    assert got == [guard.MARKUP_HINT, f"echo: {guard.MARKUP_FOR_RASA}"]


async def test_markup_alone_counts_against_the_rate_limit() -> None:
    chat_guard = ChannelGuard(GuardSettings(rate=1, per_seconds=60))
    await send(chat_guard, answers, "<b></b>")
    assert await send(chat_guard, answers, "<b></b>") == [guard.SLOW_DOWN]


async def test_a_normal_answer_passes_unchanged() -> None:
    assert await send(ChannelGuard(GuardSettings()), answers, "hello") == ["echo: hello"]


async def test_channel_name_reaches_rasa_unchanged() -> None:
    seen: list[str] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message.output_channel.name())
        await answers(message)

    await send(ChannelGuard(GuardSettings()), rasa, "hi")
    assert seen == ["collector"]


@pytest.fixture
async def rest_url(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    """Our REST channel on a real Sanic app, in front of a bot that stays silent for "quiet"."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setenv("GUARD_RATE", "2/60")

    async def bot(message: UserMessage) -> None:
        if message.text != "quiet":
            await answers(message)

    channel = RestInput()
    app = Sanic(f"guard_test_{free_port()}")
    app.blueprint(channel.blueprint(bot), url_prefix="/webhooks/rest")
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    task = asyncio.create_task(server.serve_forever())
    yield f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    task.cancel()
    await server.close()


async def test_rest_channel_keeps_its_name_and_url_and_guards(rest_url: str) -> None:
    assert RestInput.name() == "rest"
    async with aiohttp.ClientSession() as session:

        async def say(text: str) -> list[str]:
            async with session.post(rest_url, json={"sender": "u1", "message": text}) as response:
                return [m["text"] for m in await response.json()]

        assert await say("hi") == ["echo: hi"]
        assert await say("   ") == [guard.EMPTY_HINT]
        assert await say("quiet") == [guard.TECHNICAL_PROBLEM]
        assert await say("again") == [guard.SLOW_DOWN]


async def test_widget_channel_is_guarded_too(server_url: str, client: Client) -> None:  # noqa: F811
    """The socket.io channel (connectors/socketio.py) answers odd input through the same guard."""
    session_id = await client.start_session(server_url)
    assert await client.say(session_id, "   ") == {"text": guard.EMPTY_HINT}
    assert await client.say(session_id, "hello") == {"text": "echo: hello"}
