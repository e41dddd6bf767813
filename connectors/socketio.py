"""Socket.IO input channel for the website widget, with two fixes over Rasa 3.6.21.

Rasa's own ``rasa.core.channels.socketio`` is used as is except for two defects
that stop the widget from working with the python-socketio we install (5.x ≥ 5.10):

1. ``session_request`` calls ``sio.enter_room(...)`` without ``await``
   (RasaHQ/rasa#13027). Since python-socketio 5.10 ``AsyncServer.enter_room`` is a
   coroutine, so the client never joins the room named after its session id and,
   with ``session_persistence: true``, no reply ever reaches the browser.
2. ``SocketIOOutput.send_custom_json`` spreads the custom payload into
   ``sio.emit(event, **payload)``; a payload such as ``{"type": "offer_card", ...}``
   (docs/messages.md) raises ``TypeError`` there. We emit ``{"custom": payload}``
   instead, the shape the widget renders.

And one change of shape: a bot message that has a custom payload *and* text or buttons
(the actions send an offer card with its text version for channels without cards) goes out
as one ``bot_uttered`` event ``{"text", "quick_replies", "custom"}`` instead of two, so
the widget can show the card *instead of* its text version (docs/widget.md).

Replies sent while the session has no socket (the person reloads the page mid-turn) are held
and sent when a socket of the session comes back (``held_replies.py``).

And one check upstream lacks: a socket opened by a page whose origin is not in ``CORS_ORIGINS``
is refused (``origin_allowed``), as the HTTP routes' CORS rules would refuse it.

Everything else (connect/JWT, disconnect, health route, socket path, ``name()``)
comes from upstream, so the channel stays ``socketio`` on ``/socket.io`` and the
credentials keys are unchanged. Reference it in ``bot/credentials.yml`` as::

    connectors.socketio.SocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import rasa.shared.utils.io
from rasa.core.channels import socketio as upstream
from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint
from socketio import AsyncServer

from connectors.guard import ChannelGuard
from connectors.held_replies import HeldReplies
from skills_catalog.settings import Settings

logger = logging.getLogger(__name__)


HELD = HeldReplies()  # replies to sessions whose socket was away (a page reload), this process


class SocketIOOutput(upstream.SocketIOOutput):
    """Upstream output channel whose custom payloads arrive intact, with their text version."""

    async def _send_message(self, socket_id: str, response: Any) -> None:
        """Emits to the session's room; holds the reply while no socket is in it (held_replies.py)."""
        if not any(True for _ in self.sio.manager.get_participants("/", socket_id)):
            HELD.hold(socket_id, self.bot_message_evt, response)
            return
        await super()._send_message(socket_id, response)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Sends a message with a custom payload as one event; anything else as upstream does."""
        if not message.get("custom"):
            await super().send_response(recipient_id, message)
            return
        rest = dict(message)
        event: dict[str, Any] = {"custom": rest.pop("custom")}
        text = rest.pop("text", None)
        buttons = rest.pop("buttons", None) or rest.pop("quick_replies", None)
        if text:
            event["text"] = text
        if buttons:
            event["quick_replies"] = [
                {"content_type": "text", "title": b["title"], "payload": b["payload"]} for b in buttons
            ]
        await self._send_message(recipient_id, event)
        await super().send_response(recipient_id, rest)  # image, attachment, elements

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Sends ``{"custom": json_message}`` to the recipient's room.

        Upstream passes the payload as keyword arguments of ``emit``, which only
        works for payloads whose keys happen to be ``emit`` parameters.
        """
        await self._send_message(recipient_id, {"custom": json_message})


def origin_allowed(environ: dict[str, Any], origins: tuple[str, ...]) -> bool:
    """Whether a socket may open: its browser page is on an allowed origin, or it is no browser.

    Why here: Rasa builds its socket.io server with CORS checks off, and the widget opens a
    WebSocket first, which no CORS rule covers, so any site could otherwise embed the chat. A
    client without an ``Origin`` header is a script, which could forge one anyway.
    """
    origin = environ.get("HTTP_ORIGIN")
    return origin is None or "*" in origins or origin.rstrip("/") in origins


def origin_checked(
    connect: Callable[..., Awaitable[bool]], origins: tuple[str, ...]
) -> Callable[..., Awaitable[bool]]:
    """Wraps the upstream ``connect`` handler: refuse a page on any origin not in ``origins``."""

    async def check(sid: str, environ: dict[str, Any], auth: dict[str, Any] | None = None) -> bool:
        if not origin_allowed(environ, origins):
            logger.info(
                "Socket %s refused: its page's origin %s is not in CORS_ORIGINS.",
                sid,
                environ.get("HTTP_ORIGIN"),
            )
            return False
        return await connect(sid, environ, auth)

    return check


class SocketIOInput(upstream.SocketIOInput):
    """Upstream Socket.IO input channel with the two fixes described above."""

    def get_output_channel(self) -> OutputChannel | None:
        """Returns our output channel, used for messages the bot sends unprompted."""
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Builds the upstream blueprint, then replaces two of its event handlers.

        ``AsyncServer.on`` overwrites the handler registered for an event, so the
        upstream ``connect`` and ``disconnect`` handlers stay in place.
        """
        on_new_message = ChannelGuard().wrap(on_new_message)  # odd input, floods, silence: guard.py
        bp = super().blueprint(on_new_message)
        sio = self._server()
        namespace = self.namespace or "/"
        upstream_connect = sio.handlers[namespace]["connect"]  # JWT check, kept as it is
        origins = Settings.from_env().cors_origins
        sio.on("connect", handler=origin_checked(upstream_connect, origins), namespace=self.namespace)
        sio.on("session_request", handler=self._session_request, namespace=self.namespace)
        sio.on(
            self.user_message_evt,
            handler=self._message_handler(on_new_message),
            namespace=self.namespace,
        )
        return bp

    def _server(self) -> AsyncServer:
        """The server that ``blueprint()`` created; handlers only run after that."""
        if self.sio is None:
            raise RuntimeError("SocketIOInput.blueprint() has not been called yet")
        return self.sio

    async def _session_request(self, sid: str, data: dict[str, Any] | None) -> None:
        """Confirms (or creates) a session id and puts the socket in its room.

        Same as upstream except that ``enter_room`` is awaited (RasaHQ/rasa#13027), and that
        replies held while the session had no socket are sent after the confirmation.
        """
        sio = self._server()
        data = data if isinstance(data, dict) else {}
        if not data.get("session_id"):
            data["session_id"] = uuid.uuid4().hex
        if self.session_persistence:
            await sio.enter_room(sid, data["session_id"], namespace=self.namespace)
        await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)
        logger.debug("Socket %s joined its session.", sid)
        for event, payload in HELD.release(data["session_id"]):
            await sio.emit(event, payload, room=sid, namespace=self.namespace)

    def _message_handler(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Callable[[str, dict[str, Any]], Awaitable[None]]:
        """Returns the upstream user-message handler, answering through our output channel."""

        async def handle_message(sid: str, data: dict[str, Any]) -> None:
            if self.session_persistence:
                if not data.get("session_id"):
                    rasa.shared.utils.io.raise_warning(
                        "A message without a valid session_id was received and ignored. "
                        "Send a `session_request` first and use the confirmed id."
                    )
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key, {})
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            message = UserMessage(
                data.get("message", ""),
                SocketIOOutput(self._server(), self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=metadata,
            )
            await on_new_message(message)

        return handle_message
