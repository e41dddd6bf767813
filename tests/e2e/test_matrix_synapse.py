"""Staff talk to the bot in a real Matrix room: Synapse → bridge → Rasa's Matrix channel → room.

Also what the QA on Matrix found: a reply is read as what was typed and answered as a reply, a
direct message with the bot works (a stranger's is not joined), and what staff write while the
bridge is down is answered once it is back. One module, so the tests share one world.

Needs var/matrix-venv (scripts/setup-matrix-env.sh, run by the fixture: PyPI once); skipped
with the reason when it cannot be made, except on CI. See tests/e2e/matrix_support.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import requests

from skills_catalog.alerts import MatrixAlertSink

from . import matrix_support
from .matrix_support import SLACK_SIGNING_SECRET, TINY_PNG_BASE64, MatrixWorld

# The fixtures live in matrix_support.py; a module's globals are where pytest finds them.
matrix_venv, homeserver, matrix_world = (
    matrix_support.matrix_venv,
    matrix_support.homeserver,
    matrix_support.matrix_world,
)

Event = dict[str, Any]


def from_bot(world: MatrixWorld, body: str | None = None, msgtype: str = "m.text") -> Callable[[Event], bool]:
    """Matches the bot's room messages of one msgtype (and body, when given)."""

    def found(event: Event) -> bool:
        content = event.get("content", {})
        return (
            event.get("sender") == world.bot.user_id
            and content.get("msgtype") == msgtype
            and (body is None or content.get("body") == body)
        )

    return found


def test_staff_greeting_gets_buttons_as_a_numbered_list(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    world.staff.say(world.room_id, "hello")
    reply = world.staff.wait_for(world.room_id, from_bot(world))
    assert reply["content"]["body"] == "Hello staff! Which report?\n1. Skills chart\n2. Firms"


def test_a_number_picks_a_button_and_the_chart_arrives_as_an_image(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    world.staff.say(world.room_id, "hello")
    world.staff.wait_for(world.room_id, from_bot(world))
    world.staff.say(world.room_id, "1")
    image = world.staff.wait_for(world.room_id, from_bot(world, msgtype="m.image"))["content"]
    assert (image["body"], image["info"]["mimetype"], image["info"]["w"]) == (
        "Demand by skill",
        "image/png",
        1,
    )
    server, media_id = image["url"].removeprefix("mxc://").split("/")
    download = requests.get(
        f"{world.homeserver.url}/_matrix/client/v1/media/download/{server}/{media_id}",
        headers={"Authorization": f"Bearer {world.staff.token}"}, timeout=30,
    )  # fmt: skip
    assert download.content == base64.b64decode(TINY_PNG_BASE64)


def test_room_member_not_on_the_staff_list_gets_no_answer(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    world.stranger.say(world.room_id, "needs")
    world.staff.say(world.room_id, "needs")
    world.staff.wait_for(world.room_id, from_bot(world, "No unmet needs."))
    time.sleep(2)  # had the stranger been answered, that reply would have come first anyway
    world.staff.sync(world.room_id)
    answers = [e for e in world.staff.seen if from_bot(world, "No unmet needs.")(e)]
    assert len(answers) == 1


def test_alert_from_the_sink_appears_in_the_room(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    alert = "New firm need N-0042: 4 people, welding"
    MatrixAlertSink(world.homeserver.url, world.bot.token, world.room_id).post(alert)
    assert world.staff.wait_for(world.room_id, from_bot(world, alert))


def test_forged_request_to_the_channel_is_refused(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    body = b'{"room_id": "%s", "event": {}}' % world.room_id.encode()
    headers = {"X-Bridge-Timestamp": str(int(time.time())), "X-Bridge-Signature": "v1=" + "0" * 64}
    reply = requests.post(f"{world.rasa_url}/webhooks/matrix/webhook", data=body, headers=headers, timeout=30)
    assert reply.status_code == 401


def test_bot_answers_only_new_messages_from_people(matrix_world: MatrixWorld) -> None:
    """History from before the bridge started, and the bot's own messages, are never answered."""
    world = matrix_world
    world.staff.say(world.room_id, "needs")
    world.staff.wait_for(world.room_id, from_bot(world, "No unmet needs."))
    history = world.staff.history(world.room_id)
    said = [e["content"].get("body") for e in history if e["type"] == "m.room.message"]
    assert world.early_event_id in [e["event_id"] for e in history]
    assert "3 firms need welders." not in said
    greetings = [
        e for e in history if e["sender"] == world.staff.user_id and e["content"].get("body") == "hello"
    ]
    menus = [e for e in history if from_bot(world)(e) and e["content"]["body"].startswith("Hello staff!")]
    assert len(menus) == len(greetings)


def test_the_same_rasa_server_serves_the_slack_channel(matrix_world: MatrixWorld) -> None:
    """The Slack channel loads from credentials and checks signatures in a real Rasa server."""
    url = f"{matrix_world.rasa_url}/webhooks/slack/webhook"
    body = json.dumps({"type": "url_verification", "challenge": "c-42"}).encode()
    ts = str(int(time.time()))
    digest = hmac.new(SLACK_SIGNING_SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts}
    signed = requests.post(
        url, data=body, headers={**headers, "X-Slack-Signature": f"v0={digest}"}, timeout=30
    )
    forged = requests.post(
        url, data=body, headers={**headers, "X-Slack-Signature": "v0=" + "0" * 64}, timeout=30
    )
    assert (signed.status_code, signed.json()) == (200, {"challenge": "c-42"})
    assert forged.status_code == 400


def answer_to(world: MatrixWorld, event_id: str) -> Callable[[Event], bool]:
    """Matches the bot's message that replies to ``event_id``."""

    def found(event: Event) -> bool:
        relation = event.get("content", {}).get("m.relates_to", {})
        return (
            event.get("sender") == world.bot.user_id
            and relation.get("m.in_reply_to", {}).get("event_id") == event_id
        )

    return found


def test_a_reply_to_the_menu_is_read_as_typed_and_answered_as_a_reply(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    asked = world.staff.say(world.room_id, "hello")
    menu = world.staff.wait_for(world.room_id, answer_to(world, asked))  # "... Skills chart ... Firms"
    typed = world.staff.reply(world.room_id, menu, "needs")
    answer = world.staff.wait_for(world.room_id, answer_to(world, typed))
    assert answer["content"]["body"] == "No unmet needs."


def test_staff_can_talk_to_the_bot_in_a_direct_message(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    dm = world.staff.direct_message(world.bot)
    deadline = time.monotonic() + 30
    while world.staff.membership(dm, world.bot) != "join" and time.monotonic() < deadline:
        time.sleep(0.5)
    asked = world.staff.say(dm, "needs")
    assert world.staff.wait_for(dm, answer_to(world, asked))["content"]["body"] == "No unmet needs."


def test_a_strangers_direct_message_is_not_joined(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    dm = world.stranger.direct_message(world.bot)
    deadline = time.monotonic() + 30
    while f"invitation to {dm}" not in world.bridge.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert (
        f"invitation to {dm} from {world.stranger.user_id} (direct: True) not accepted"
        in world.bridge.log.read_text()
    )
    assert world.stranger.membership(dm, world.bot) == "invite"


def test_what_staff_wrote_while_the_bridge_was_down_is_answered(matrix_world: MatrixWorld) -> None:
    world = matrix_world
    world.bridge.stop()
    try:
        asked = world.staff.say(world.room_id, "needs")
        time.sleep(1)
    finally:
        world.bridge.start()
    assert (
        world.staff.wait_for(world.room_id, answer_to(world, asked))["content"]["body"] == "No unmet needs."
    )
    assert "resumed from the saved sync token" in world.bridge.log.read_text()
