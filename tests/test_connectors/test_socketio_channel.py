"""The socket.io channel delivers replies with session persistence (RasaHQ/rasa#13027).

A real Sanic app serves the channel's blueprint on a free localhost port and a real
python-socketio ``AsyncClient`` talks to it, as the widget does: ``session_request``,
then ``user_uttered`` with the confirmed session id, then waits for ``bot_uttered``.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import socketio
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.socketio import SocketIOInput
from launcher.stack import free_port

TIMEOUT = 10.0
SESSION_AWAY = "session-of-a-page-that-reloads"
SITE = "https://cluster.example.eu"  # the cluster's website, in CORS_ORIGINS

CARD = {"type": "offer_card", "text": "1. Welding — Academy", "offer": {"offer_id": "OF-001"}}



async def echo_bot(message: UserMessage) -> None:
    """Stands in for Rasa's agent: answers text, buttons and a custom payload."""
    out = message.output_channel
    if message.text == "/card":
        await out.send_response(message.sender_id, {"custom": dict(CARD)})
    elif message.text == "/card_with_text":
        buttons = [{"title": "Details", "payload": "/offer_details"}]
        await out.send_response(
            message.sender_id, {"text": "1. Welding", "buttons": buttons, "custom": dict(CARD)}
        )
    elif message.text == "/slow":
        await asyncio.sleep(0.5)  # the person reloads the page meanwhile
        await out.send_response(message.sender_id, {"text": "late answer"})
    elif message.text == "/buttons":
        buttons = [{"title": "Yes", "payload": "/affirm"}]
        await out.send_response(message.sender_id, {"text": "Sure?", "buttons": buttons})
    else:
        await out.send_response(message.sender_id, {"text": f"echo: {message.text}"})


@pytest.fixture
async def server_url(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    """Serves the channel with session persistence, as bot/credentials.yml configures it."""
    # Sanic 21.12 rewrites its own methods on the first start ("touch-up");
    # test mode lets several apps start in one process, as sanic-testing does.
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setenv("CORS_ORIGINS", f"{SITE},http://127.0.0.1:8080")
    channel = SocketIOInput.from_credentials(
        {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered", "session_persistence": True}
    )
    app = Sanic(f"socketio_test_{uuid.uuid4().hex}")
    app.blueprint(channel.blueprint(echo_bot), url_prefix="/webhooks/socketio")
    # A pending long-poll returns after ping_interval + ping_timeout at the latest, and a
    # polling client's disconnect waits for it: 25 + 20 s by default, 1.5 s here.
    channel.sio.eio.ping_interval, channel.sio.eio.ping_timeout = 0.5, 1  # type: ignore[union-attr]
    port = free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    assert server is not None
    await server.startup()
    await server.start_serving()
    yield f"http://127.0.0.1:{port}"
    await server.close()


class Client:
    """A socket.io client that collects ``bot_uttered`` events in a queue."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.replies: asyncio.Queue[Any] = asyncio.Queue()
        self.sio.on("bot_uttered", self.replies.put_nowait)

    async def start_session(self, url: str, session_id: str | None = None, origin: str | None = None) -> str:
        """Connects (as a page on ``origin``, if given) and returns the session id the server confirmed."""
        confirmed: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self.sio.on("session_confirm", confirmed.set_result)
        headers = {"Origin": origin} if origin else {}
        # Long-polling: engineio's websocket client needs aiohttp>=3.10, Rasa pins 3.9.
        await self.sio.connect(url, headers=headers, transports=["polling"], socketio_path="/socket.io")
        await self.sio.emit("session_request", {"session_id": session_id})
        return await asyncio.wait_for(confirmed, TIMEOUT)

    async def say(self, session_id: str, text: str) -> Any:
        """Sends a message and returns the first reply."""
        await self.sio.emit("user_uttered", {"message": text, "session_id": session_id})
        return await asyncio.wait_for(self.replies.get(), TIMEOUT)


@pytest.fixture
async def client() -> AsyncIterator[Client]:
    c = Client()
    yield c
    await c.sio.disconnect()


def test_name_is_socketio_so_the_default_path_is_kept() -> None:
    assert SocketIOInput.name() == "socketio"
    assert SocketIOInput.from_credentials(None).socketio_path == "/socket.io"


async def test_reply_is_delivered_with_session_persistence(server_url: str, client: Client) -> None:
    session_id = await client.start_session(server_url)
    assert session_id
    assert await client.say(session_id, "hello") == {"text": "echo: hello"}


async def test_stored_session_id_is_confirmed_and_kept(server_url: str, client: Client) -> None:
    assert await client.start_session(server_url, "abc123") == "abc123"
    assert await client.say("abc123", "again") == {"text": "echo: again"}


@pytest.mark.parametrize("origin", [SITE, SITE + "/", None], ids=["site", "trailing-slash", "no-browser"])
async def test_page_on_an_allowed_origin_or_a_script_may_chat(
    server_url: str, client: Client, origin: str | None
) -> None:
    session_id = await client.start_session(server_url, origin=origin)
    assert await client.say(session_id, "hi") == {"text": "echo: hi"}


@pytest.mark.parametrize("origin", ["https://elsewhere.example", "http://127.0.0.1:8081", "null"])
async def test_page_on_another_origin_is_refused(server_url: str, client: Client, origin: str) -> None:
    with pytest.raises(socketio.exceptions.ConnectionError):
        await client.start_session(server_url, origin=origin)


async def test_new_socket_with_same_session_receives_replies(server_url: str) -> None:
    """A page reload opens a new socket; it must rejoin the session's room."""
    first = Client()
    session_id = await first.start_session(server_url)
    await first.sio.disconnect()
    second = Client()
    try:
        await second.start_session(server_url, session_id)
        assert await second.say(session_id, "back") == {"text": "echo: back"}
    finally:
        await second.sio.disconnect()


async def test_buttons_arrive_as_quick_replies(server_url: str, client: Client) -> None:
    session_id = await client.start_session(server_url)
    reply = await client.say(session_id, "/buttons")
    assert reply["text"] == "Sure?"
    assert reply["quick_replies"] == [{"content_type": "text", "title": "Yes", "payload": "/affirm"}]


async def test_custom_payload_arrives_under_custom(server_url: str, client: Client) -> None:
    session_id = await client.start_session(server_url)
    assert await client.say(session_id, "/card") == {"custom": CARD}


async def test_message_without_session_id_is_ignored(server_url: str, client: Client) -> None:
    session_id = await client.start_session(server_url)
    await client.sio.emit("user_uttered", {"message": "lost"})
    with pytest.warns(UserWarning, match="session_id"):
        reply = await client.say(session_id, "found")
    assert reply == {"text": "echo: found"}


async def test_card_with_text_version_arrives_as_one_event(server_url: str, client: Client) -> None:
    """The widget shows the card instead of its text version, so both come together."""
    session_id = await client.start_session(server_url)
    reply = await client.say(session_id, "/card_with_text")
    assert reply == {
        "custom": CARD,
        "text": "1. Welding",
        "quick_replies": [{"content_type": "text", "title": "Details", "payload": "/offer_details"}],
    }
    await client.sio.emit("user_uttered", {"message": "next", "session_id": session_id})
    assert await asyncio.wait_for(client.replies.get(), TIMEOUT) == {"text": "echo: next"}


async def test_reply_sent_while_the_page_reloads_arrives_when_it_is_back(server_url: str) -> None:
    """No socket is in the session's room when the reply goes out: it is held, then delivered."""
    first = Client()
    session_id = await first.start_session(server_url, SESSION_AWAY)
    await first.sio.emit("user_uttered", {"message": "/slow", "session_id": session_id})
    await asyncio.sleep(0.1)  # the message is on its way before the page goes
    await first.sio.disconnect()
    await asyncio.sleep(1.5)  # the reply was sent to an empty room meanwhile
    second = Client()
    try:
        await second.start_session(server_url, session_id)
        assert await asyncio.wait_for(second.replies.get(), TIMEOUT) == {"text": "late answer"}
        assert second.replies.empty()  # once
    finally:
        await second.sio.disconnect()
