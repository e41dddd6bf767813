"""Which rooms the Matrix channel serves and whether only staff read them (QA on Matrix): the
``private_to_staff`` metadata the actions show contacts by, the staff room given as an alias,
and direct messages with staff."""

from __future__ import annotations

import logging
from urllib.parse import unquote

import pytest

from connectors.matrix_api import MatrixApi
from connectors.matrix_rooms import RoomPrivacy
from skills_catalog.staff_access import PRIVATE_TO_STAFF_KEY
from tests.test_connectors import matrix_bench
from tests.test_connectors.channel_support import EchoBot
from tests.test_connectors.matrix_bench import (
    BO,
    BOT,
    ROOM,
    STAFF,
    STRANGER,
    HomeserverDouble,
    bridge_body,
    post,
    text_event,
)

homeserver, bot, staff_room, webhook = (
    matrix_bench.homeserver,
    matrix_bench.bot,
    matrix_bench.staff_room,
    matrix_bench.webhook,
)

DM = "!dm-with-ana:localhost"
ALIAS = "#staff:localhost"


async def test_a_room_of_staff_and_the_bot_is_private(webhook: str, bot: EchoBot) -> None:
    await post(webhook, bridge_body(text_event("need N-8C6A7")))
    assert bot.messages[0].metadata[PRIVATE_TO_STAFF_KEY] is True


@pytest.mark.parametrize(
    "stranger",
    [(STRANGER, "join"), (STRANGER, "invite")],
    ids=["stranger-joined", "stranger-invited"],
)
async def test_a_room_anyone_else_reads_is_not_private(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble, stranger: tuple[str, str]
) -> None:
    homeserver.members[ROOM].append(stranger)
    await post(webhook, bridge_body(text_event("need N-8C6A7")))
    assert bot.messages[0].metadata[PRIVATE_TO_STAFF_KEY] is False  # answered: it is the staff room


async def test_members_unknown_means_not_private(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble
) -> None:
    homeserver.lookups_fail = True
    await post(webhook, bridge_body(text_event("need N-8C6A7")))
    assert bot.messages[0].metadata[PRIVATE_TO_STAFF_KEY] is False


async def test_members_left_or_banned_do_not_count(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble
) -> None:
    homeserver.members[ROOM] += [(STRANGER, "leave"), ("@mallory:localhost", "ban")]
    await post(webhook, bridge_body(text_event("need N-8C6A7")))
    assert bot.messages[0].metadata[PRIVATE_TO_STAFF_KEY] is True


async def test_a_direct_message_with_staff_is_served(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble
) -> None:
    homeserver.members[DM] = [(BOT, "join"), (STAFF, "join")]
    status, answer = await post(webhook, bridge_body(text_event("new secret for N-8C6A7"), DM))
    assert (status, answer) == (200, {"status": "ok"})
    assert bot.messages[0].metadata == {
        "room_id": DM,
        "event_id": bot.messages[0].metadata["event_id"],
        "staff": True,
        PRIVATE_TO_STAFF_KEY: True,
    }
    assert unquote(homeserver.writes()[0]["path"]).startswith(f"/_matrix/client/v3/rooms/{DM}/send/")


async def test_another_room_someone_else_reads_is_ignored_and_logged(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble, caplog: pytest.LogCaptureFixture
) -> None:
    homeserver.members["!lobby:localhost"] = [(BOT, "join"), (STAFF, "join"), (STRANGER, "join")]
    with caplog.at_level(logging.WARNING, logger="connectors.matrix"):
        status, answer = await post(webhook, bridge_body(text_event("need N-8C6A7"), "!lobby:localhost"))
    assert (status, answer, bot.messages, homeserver.writes()) == (200, {"status": "ignored"}, [], [])
    assert "!lobby:localhost ignored: not the staff room" in caplog.text


@pytest.mark.parametrize("staff_room", [ALIAS])
async def test_a_staff_room_given_as_an_alias_is_resolved_once(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble
) -> None:
    homeserver.aliases[ALIAS] = ROOM
    homeserver.members[ROOM].append((STRANGER, "join"))  # so only the alias makes it the staff room
    for text in ("new needs", "unmet needs"):
        assert (await post(webhook, bridge_body(text_event(text))))[1] == {"status": "ok"}
    assert [m.text for m in bot.messages] == ["new needs", "unmet needs"]
    assert homeserver.looked_up(f"/directory/room/{ALIAS}") == 1


@pytest.mark.parametrize("staff_room", [ALIAS])
async def test_an_alias_that_resolves_to_nothing_is_logged(
    webhook: str, bot: EchoBot, homeserver: HomeserverDouble, caplog: pytest.LogCaptureFixture
) -> None:
    homeserver.members[ROOM].append((STRANGER, "join"))
    with caplog.at_level(logging.WARNING):
        assert (await post(webhook, bridge_body(text_event("new needs"))))[1] == {"status": "ignored"}
    assert f"room alias {ALIAS} could not be resolved" in caplog.text and bot.messages == []


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_the_answer_is_kept_a_minute_then_asked_again(
    homeserver: HomeserverDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAFF_MATRIX_USERS", f"{STAFF},{BO}")
    clock = FakeClock()
    privacy = RoomPrivacy(MatrixApi(homeserver.url, "token"), ttl_seconds=60, clock=clock)
    assert await privacy.private_to_staff(ROOM) is True
    homeserver.members[ROOM].append((STRANGER, "invite"))
    clock.now += 59
    assert await privacy.private_to_staff(ROOM) is True
    clock.now += 2
    assert await privacy.private_to_staff(ROOM) is False
    assert homeserver.looked_up("/members") == 2


async def test_a_failed_look_up_is_not_kept(
    homeserver: HomeserverDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAFF_MATRIX_USERS", f"{STAFF},{BO}")
    privacy = RoomPrivacy(MatrixApi(homeserver.url, "token"), clock=FakeClock())
    homeserver.lookups_fail = True
    assert await privacy.private_to_staff(ROOM) is False
    homeserver.lookups_fail = False
    assert await privacy.private_to_staff(ROOM) is True
