"""Alert sinks post what Slack and a Matrix homeserver expect, and say clearly when they could not.

Both services are local HTTP doubles on 127.0.0.1 answering in each one's wire format;
tests/e2e/test_matrix_synapse.py posts an alert to a real Synapse as well.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

import pytest

from skills_catalog.alerts import (
    AlertDeliveryError,
    InMemoryAlertSink,
    LogAlertSink,
    MatrixAlertSink,
    SlackAlertSink,
    alert_sinks_from_env,
    post_to_all,
)
from skills_catalog.errors import SkillsCatalogError

ALERT = "New firm need N-0042: 4 people, welding (ESCO), Linz"


class ChatDouble:
    """Records requests; answers with the status and JSON body a test sets."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.status, self.answer = 200, {"ok": True}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        double = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                self._record()

            def do_PUT(self) -> None:  # noqa: N802
                self._record()

            def _record(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                double.requests.append({"verb": self.command, "path": unquote(self.path),
                                        "auth": self.headers.get("Authorization"), "json": json.loads(body)})  # fmt: skip
                data = json.dumps(double.answer).encode()
                self.send_response(double.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def chat() -> Iterator[ChatDouble]:
    double = ChatDouble()
    yield double
    double.server.shutdown()
    double.server.server_close()


def test_slack_sink_calls_chat_post_message(chat: ChatDouble) -> None:
    SlackAlertSink("xoxb-1", "C0ALERTS", api_base_url=f"{chat.url}/api/").post(ALERT)
    (request,) = chat.requests
    assert (request["verb"], request["path"], request["auth"]) == (
        "POST",
        "/api/chat.postMessage",
        "Bearer xoxb-1",
    )
    assert request["json"] == {"channel": "C0ALERTS", "text": ALERT}


def test_slack_sink_escapes_text_as_slack_documents(chat: ChatDouble) -> None:
    # QA8: "Acme &lt;script&gt; GmbH" typed by a firm showed in Slack as "Acme <script> GmbH"
    SlackAlertSink("xoxb-1", "C0ALERTS", api_base_url=chat.url).post("New need: Acme &lt;x&gt; <GmbH>")
    assert chat.requests[0]["json"]["text"] == "New need: Acme &amp;lt;x&amp;gt; &lt;GmbH&gt;"


def test_slack_sink_keeps_a_staff_members_mention(chat: ChatDouble, monkeypatch: pytest.MonkeyPatch) -> None:
    # QA13: "withdrawn by <@U0STAFF1>" showed as text; anyone else's "mention" stays text
    monkeypatch.setenv("STAFF_SLACK_USERS", "U0STAFF1")
    SlackAlertSink("xoxb-1", "C0ALERTS", api_base_url=chat.url).post("Withdrawn by <@U0STAFF1>, not <@U0OTHER>")
    assert chat.requests[0]["json"]["text"] == "Withdrawn by <@U0STAFF1>, not &lt;@U0OTHER&gt;"


def test_slack_refusal_carries_slacks_error_code(chat: ChatDouble) -> None:
    chat.answer = {"ok": False, "error": "not_in_channel"}  # Slack answers 200 with ok: false
    with pytest.raises(AlertDeliveryError, match="not_in_channel") as caught:
        SlackAlertSink("xoxb-1", "C0ALERTS", api_base_url=chat.url).post(ALERT)
    assert caught.value.sink == "slack" and isinstance(caught.value, SkillsCatalogError)


def test_matrix_sink_puts_a_room_message(chat: ChatDouble) -> None:
    chat.answer = {"event_id": "$abc"}
    MatrixAlertSink(chat.url + "/", "syt_token", "!alerts:localhost").post(ALERT)
    (request,) = chat.requests
    assert request["verb"] == "PUT" and request["auth"] == "Bearer syt_token"
    assert request["path"].startswith("/_matrix/client/v3/rooms/!alerts:localhost/send/m.room.message/")
    assert request["json"] == {"msgtype": "m.text", "body": ALERT}


def test_matrix_transaction_ids_differ_between_alerts(chat: ChatDouble) -> None:
    sink = MatrixAlertSink(chat.url, "syt_token", "!alerts:localhost")
    sink.post("one")
    sink.post("two")
    assert chat.requests[0]["path"] != chat.requests[1]["path"]


def test_matrix_http_error_is_reported(chat: ChatDouble) -> None:
    chat.status, chat.answer = 403, {"errcode": "M_FORBIDDEN", "error": "not in room"}
    with pytest.raises(AlertDeliveryError, match="HTTP 403.*M_FORBIDDEN"):
        MatrixAlertSink(chat.url, "syt_token", "!alerts:localhost").post(ALERT)


def test_unreachable_service_is_reported(chat: ChatDouble) -> None:
    url = chat.url
    chat.server.shutdown()
    chat.server.server_close()
    with pytest.raises(AlertDeliveryError, match="slack: alert not delivered: ConnectionError"):
        SlackAlertSink("xoxb-1", "C0ALERTS", api_base_url=url, timeout=2).post(ALERT)


def test_post_to_all_keeps_going_after_a_failure(chat: ChatDouble, caplog: pytest.LogCaptureFixture) -> None:
    chat.answer = {"ok": False, "error": "invalid_auth"}
    memory = InMemoryAlertSink()
    assert post_to_all([SlackAlertSink("xoxb-bad", "C1", api_base_url=chat.url), memory], ALERT) == 1
    assert memory.posted == [ALERT]
    assert "invalid_auth" in caplog.text


def test_log_sink_writes_the_alert(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="skills_catalog.alerts"):
        LogAlertSink().post(ALERT)
    assert ALERT in caplog.text


SLACK_ENV = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_ALERT_CHANNEL": "C0ALERTS"}
MATRIX_ENV = {
    "MATRIX_HOMESERVER": "https://m.example",
    "MATRIX_ACCESS_TOKEN": "syt",
    "MATRIX_ALERT_ROOM": "!a:m",
}


@pytest.mark.parametrize(
    ("environ", "kinds"),
    [
        ({}, [LogAlertSink]),
        (SLACK_ENV, [SlackAlertSink]),
        (MATRIX_ENV, [MatrixAlertSink]),
        ({**SLACK_ENV, **MATRIX_ENV}, [SlackAlertSink, MatrixAlertSink]),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, [LogAlertSink]),
        ({**MATRIX_ENV, "MATRIX_ALERT_ROOM": ""}, [LogAlertSink]),
    ],
    ids=["nothing-set", "slack", "matrix", "both", "slack-without-channel", "matrix-without-room"],
)
def test_sinks_from_env(environ: dict[str, str], kinds: list[type]) -> None:
    assert [type(sink) for sink in alert_sinks_from_env(environ)] == kinds


def test_slack_base_url_from_env() -> None:
    (sink,) = alert_sinks_from_env({**SLACK_ENV, "SLACK_API_BASE_URL": "https://slack-gov.com/api/"})
    assert isinstance(sink, SlackAlertSink) and sink.api_base_url == "https://slack-gov.com/api/"
