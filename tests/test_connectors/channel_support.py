"""What the channel tests share: a bot that answers text, buttons, a chart or a CSV; a served channel.

``served(channel, bot)`` runs the channel's blueprint on a real Sanic app on a free localhost
port, under ``/webhooks/<name>`` as Rasa mounts it, and yields the webhook URL. Set
``Sanic.test_mode`` first (Sanic 21.12 rewrites its methods on the first start otherwise).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Sanic

from launcher.stack import free_port
from skills_catalog.staff_access import chart_message, csv_message
from tests.http_double import tiny_png

CSV_TEXT = "reference,people\r\nN-7K3QX,4\r\n"


class EchoBot:
    """Stands in for Rasa's agent: records messages, answers text, buttons, a chart or a CSV."""

    def __init__(self) -> None:
        self.messages: list[UserMessage] = []

    async def __call__(self, message: UserMessage) -> None:
        self.messages.append(message)
        out = message.output_channel
        if message.text == "/buttons":
            buttons = [
                {"title": "Skills", "payload": "/report_skills"},
                {"title": "Firms", "payload": "/report_firms"},
            ]
            await out.send_response(message.sender_id, {"text": "Which report?", "buttons": buttons})
        elif message.text == "/chart":
            await out.send_response(
                message.sender_id, {"custom": chart_message(tiny_png(), "Demand by skill")}
            )
        elif message.text == "/csv":
            await out.send_response(message.sender_id, {"custom": csv_message(CSV_TEXT, "Needs export")})
        else:
            await out.send_response(message.sender_id, {"text": f"echo: {message.text}"})


@asynccontextmanager
async def served(channel: InputChannel, bot: EchoBot) -> AsyncIterator[str]:
    """The channel served by Sanic as Rasa serves it; yields ``.../webhooks/<name>/webhook``."""
    prefix = f"/webhooks/{channel.name()}"
    app = Sanic(f"{channel.name()}_test_{uuid.uuid4().hex}")
    app.blueprint(channel.blueprint(bot), url_prefix=prefix)
    # a port of our own: Sanic 21.12 reads port 0 as its default, 8000, which a second suite may hold
    server = await app.create_server(host="127.0.0.1", port=free_port(), return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.start_serving()
    port = server.server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}{prefix}/webhook"
    finally:
        await server.close()
