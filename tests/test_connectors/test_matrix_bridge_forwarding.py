"""How the bridge hands an event to Rasa (matrix_bridge/forwarding.py): signed, retried with
backoff while Rasa restarts, and given up at once while Rasa is known to be down."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import aiohttp
import pytest

from matrix_bridge.forwarding import RETRY_DELAYS_S, Forwarder
from tests.http_double import HttpDouble, QuietHandler
from tests.test_connectors.matrix_bench import signing

SECRET = "bridge-secret"
EVENT = {"type": "m.room.message", "event_id": "$e1", "content": {"msgtype": "m.text", "body": "hi"}}


class _RasaHandler(QuietHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.double.record({"body": body, "headers": dict(self.headers)})
        status = self.double.statuses.pop(0) if self.double.statuses else 200
        if status == 200:
            self.reply(b'{"status": "ok"}')
        else:
            self.send_error(status)


class RasaDouble(HttpDouble):
    """The channel's webhook, answering the given statuses in turn, then 200."""

    handler = _RasaHandler

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[int] = []


@pytest.fixture
def rasa() -> Iterator[RasaDouble]:
    double = RasaDouble()
    yield double
    double.close()


class Pauses:
    """Stands in for asyncio.sleep: records the pauses instead of waiting."""

    def __init__(self) -> None:
        self.taken: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


@pytest.fixture
async def forwarder(rasa: RasaDouble) -> AsyncIterator[tuple[Forwarder, Pauses]]:
    pauses = Pauses()
    async with aiohttp.ClientSession() as http:
        yield Forwarder(f"{rasa.url}/webhooks/matrix/webhook", SECRET, http, sleep=pauses), pauses


async def test_an_event_is_posted_signed(rasa: RasaDouble, forwarder: tuple[Forwarder, Pauses]) -> None:
    assert await forwarder[0].forward("!room:hs", EVENT) is True
    [call] = rasa.calls
    assert json.loads(call["body"]) == {"room_id": "!room:hs", "event": EVENT}
    timestamp = call["headers"][signing.TIMESTAMP_HEADER]
    assert call["headers"][signing.SIGNATURE_HEADER] == signing.signature(SECRET, timestamp, call["body"])


async def test_a_restarting_rasa_is_waited_for_with_growing_pauses(
    rasa: RasaDouble, forwarder: tuple[Forwarder, Pauses]
) -> None:
    rasa.statuses = [502, 503, 502, 502, 503]
    assert await forwarder[0].forward("!room:hs", EVENT) is True
    assert forwarder[1].taken == list(RETRY_DELAYS_S[:5]) and len(rasa.calls) == 6


async def test_after_two_minutes_it_gives_up_and_the_next_event_is_tried_once(
    rasa: RasaDouble, forwarder: tuple[Forwarder, Pauses]
) -> None:
    bridge, pauses = forwarder
    rasa.statuses = [503] * (len(RETRY_DELAYS_S) + 2)
    assert await bridge.forward("!room:hs", EVENT) is False
    assert sum(pauses.taken) >= 120 and len(rasa.calls) == len(RETRY_DELAYS_S) + 1
    assert await bridge.forward("!room:hs", {**EVENT, "event_id": "$e2"}) is False
    assert len(rasa.calls) == len(RETRY_DELAYS_S) + 2 and sum(pauses.taken) == sum(RETRY_DELAYS_S)
    assert await bridge.forward("!room:hs", {**EVENT, "event_id": "$e3"}) is True  # Rasa is back


async def test_a_refusal_is_not_retried(rasa: RasaDouble, forwarder: tuple[Forwarder, Pauses]) -> None:
    rasa.statuses = [401]
    assert await forwarder[0].forward("!room:hs", EVENT) is False
    assert len(rasa.calls) == 1 and forwarder[1].taken == []


async def test_an_unreachable_rasa_counts_as_down(forwarder: tuple[Forwarder, Pauses]) -> None:
    bridge, pauses = forwarder
    bridge.webhook = "http://127.0.0.1:9/webhooks/matrix/webhook"  # nothing listens on port 9
    assert await bridge.forward("!room:hs", EVENT) is False
    assert pauses.taken == list(RETRY_DELAYS_S) and bridge.rasa_down
