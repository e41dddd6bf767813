"""MATRIX_ALERT_ROOM may be an alias: the sink resolves it once and posts to the room it names.

QA Matrix M1: with MATRIX_ALERT_ROOM="#staff:localhost" every alert failed with 403 "not in room
#staff:localhost": the alias was sent where the client-server API wants a room id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest

from skills_catalog.alerts import AlertDeliveryError, MatrixAlertSink
from tests.http_double import HttpDouble, QuietHandler

ROOMS = {"#staff:localhost": "!HPFEI1yIyRDIvHICk8s:localhost"}
DIRECTORY = "/_matrix/client/v3/directory/room/"


class HomeserverHandler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        alias = unquote(self.path.removeprefix(DIRECTORY))
        self.double.record({"verb": "GET", "path": unquote(self.path)})
        if alias in ROOMS:
            self.reply(json.dumps({"room_id": ROOMS[alias], "servers": ["localhost"]}).encode())
        else:
            self._error(404, {"errcode": "M_NOT_FOUND", "error": f"Room alias {alias} not found"})

    def do_PUT(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        self.double.record({"verb": "PUT", "path": unquote(self.path), "json": body})
        self.reply(b'{"event_id": "$event"}')

    def _error(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Homeserver(HttpDouble):
    handler = HomeserverHandler


@pytest.fixture
def homeserver() -> Iterator[Homeserver]:
    double = Homeserver()
    yield double
    double.close()


def test_an_alias_is_resolved_once_and_alerts_go_to_its_room(homeserver: Homeserver) -> None:
    sink = MatrixAlertSink(homeserver.url, "syt_token", "#staff:localhost")
    sink.post("need N-1")
    sink.post("need N-2")
    assert [(call["verb"], call["path"].split("/send/")[0]) for call in homeserver.calls] == [
        ("GET", f"{DIRECTORY}#staff:localhost"),
        ("PUT", "/_matrix/client/v3/rooms/!HPFEI1yIyRDIvHICk8s:localhost"),
        ("PUT", "/_matrix/client/v3/rooms/!HPFEI1yIyRDIvHICk8s:localhost"),
    ]
    assert sink.key == "matrix:#staff:localhost", "the outbox keeps what the operator configured"


def test_an_unknown_alias_is_not_delivered_and_says_so(homeserver: Homeserver) -> None:
    sink = MatrixAlertSink(homeserver.url, "syt_token", "#nobody:localhost")
    with pytest.raises(AlertDeliveryError, match="^matrix: alert not delivered: HTTP 404 .*M_NOT_FOUND"):
        sink.post("need N-1")
    assert [call["verb"] for call in homeserver.calls] == ["GET"]


def test_a_room_id_is_used_as_it_is(homeserver: Homeserver) -> None:
    MatrixAlertSink(homeserver.url, "syt_token", "!room:localhost").post("need N-1")
    assert [call["verb"] for call in homeserver.calls] == ["PUT"]


def test_the_alert_id_is_the_transaction_id_so_a_retry_posts_once(homeserver: Homeserver) -> None:
    # a try whose answer was lost (a timeout) and the next try must be one message on the homeserver
    sink = MatrixAlertSink(homeserver.url, "syt_token", "!room:localhost")
    sink.post("need N-1", alert_id="3f2a")
    sink.post("need N-1", alert_id="3f2a")
    assert {call["path"].rsplit("/", 1)[1] for call in homeserver.calls} == {"3f2a"}
