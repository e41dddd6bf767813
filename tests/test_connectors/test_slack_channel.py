"""The Slack channel, driven as Slack drives it: signed Events API requests in, Web API calls out.

A real Sanic app serves ``connectors.slack.SlackInput`` on a free localhost port; requests
carry real ``v0`` signatures. Replies go through the real slack_sdk client to a local double
of the Web API (``SlackDouble``) that answers in Slack's wire format, reached through the
channel's ``api_base_url``, so no call leaves the machine.
"""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import pytest
from rasa.shared.exceptions import InvalidConfigException

from connectors.slack import DEFAULT_API_BASE_URL, SlackInput
from skills_catalog.staff_access import parse_csv_message
from tests.http_double import tiny_png
from tests.slack_double import GUEST, SECRET, STAFF, TOKEN, SlackDouble, message_event, signed
from tests.test_connectors.channel_support import CSV_TEXT, EchoBot


async def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str, dict[str, str]]:
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as reply:
        return reply.status, await reply.text(), dict(reply.headers)


def test_signing_secret_is_required() -> None:
    with pytest.raises(InvalidConfigException, match="signing secret"):
        SlackInput.from_credentials({"slack_token": TOKEN})


def test_secrets_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_API_BASE_URL", "https://slack-gov.com/api")
    channel = SlackInput.from_credentials(None)
    assert (channel.slack_token, channel.slack_signing_secret) == (TOKEN, SECRET)
    assert channel.get_output_channel("C1").client.base_url == "https://slack-gov.com/api/"


def test_default_base_url_is_slack_com() -> None:
    channel = SlackInput.from_credentials({"slack_token": TOKEN, "slack_signing_secret": SECRET})
    assert (
        channel.get_output_channel("C1").client.base_url == DEFAULT_API_BASE_URL == "https://slack.com/api/"
    )


async def test_url_verification_challenge_is_answered(webhook: str) -> None:
    body = json.dumps({"token": "x", "challenge": "3eZbrw1aBm2r", "type": "url_verification"}).encode()
    status, text, _ = await post(webhook, body, signed(body))
    assert (status, json.loads(text)) == (200, {"challenge": "3eZbrw1aBm2r"})


@pytest.mark.parametrize(
    "headers",
    [
        signed(b"something else"),
        signed(message_event("hello"), secret="not-the-secret"),
        signed(message_event("hello"), timestamp=int(time.time()) - 600),
        {"Content-Type": "application/json"},
    ],
    ids=["signature-of-other-body", "wrong-secret", "ten-minutes-old", "unsigned"],
)
async def test_unauthentic_requests_are_refused(
    webhook: str, bot: EchoBot, double: SlackDouble, headers: dict[str, str]
) -> None:
    status, _, _ = await post(webhook, message_event("hello"), headers)
    await asyncio.sleep(0.2)
    assert status == 400
    assert bot.messages == [] and double.calls == []


async def test_unsigned_challenge_is_refused(webhook: str) -> None:
    body = json.dumps({"challenge": "abc", "type": "url_verification"}).encode()
    status, text, _ = await post(webhook, body, {"Content-Type": "application/json"})
    assert status == 400 and "abc" not in text


async def test_message_reaches_the_bot_and_reply_is_posted(
    webhook: str, bot: EchoBot, double: SlackDouble
) -> None:
    body = message_event("hello <@UBOT0001>")
    status, _, _ = await post(webhook, body, signed(body))
    call = await double.wait_for("chat.postMessage")
    assert status == 200
    message = bot.messages[0]
    assert (message.text, message.sender_id, message.input_channel) == ("hello", STAFF, "slack")
    assert message.metadata["out_channel"] == "D0STAFF"
    assert call["auth"] == f"Bearer {TOKEN}"
    assert (call["params"]["channel"], call["params"]["text"]) == ("D0STAFF", "echo: hello")


async def test_buttons_are_posted_as_blocks(webhook: str, double: SlackDouble) -> None:
    body = message_event("/buttons")
    await post(webhook, body, signed(body))
    blocks = (await double.wait_for("chat.postMessage"))["params"]["blocks"]
    assert blocks[0]["text"]["text"] == "Which report?"
    assert [b["value"] for b in blocks[1]["elements"]] == ["/report_skills", "/report_firms"]


async def test_chart_is_uploaded_as_a_file(webhook: str, double: SlackDouble) -> None:
    body = message_event("/chart")
    await post(webhook, body, signed(body))
    complete = await double.wait_for("files.completeUploadExternal")
    assert double.methods() == ["files.getUploadURLExternal", "/upload/F0001", "files.completeUploadExternal"]
    url_call, upload = double.calls[0], double.calls[1]
    assert (url_call["params"]["filename"], int(url_call["params"]["length"])) == (
        "chart.png",
        len(tiny_png()),
    )
    assert upload["raw"] == tiny_png()
    assert complete["params"]["channel_id"] == "D0STAFF"
    assert json.loads(complete["params"]["files"])[0] == {"id": "F0001", "title": "Demand by skill"}


async def test_csv_export_is_uploaded_as_a_file(webhook: str, double: SlackDouble) -> None:
    body = message_event("/csv")
    await post(webhook, body, signed(body))
    complete, raw = await asyncio.to_thread(double.wait_for_file, "needs.csv", 10)
    assert raw.decode("utf-8") == CSV_TEXT
    assert complete["params"]["channel_id"] == "D0STAFF"
    assert complete["params"]["initial_comment"] == "Needs export"
    assert json.loads(complete["params"]["files"])[0]["title"] == "Needs export"
    assert "chat.postMessage" not in double.methods()


async def test_csv_export_falls_back_to_text_when_the_upload_is_refused(
    webhook: str, double: SlackDouble
) -> None:
    double.refuse_uploads = True
    body = message_event("/csv")
    await post(webhook, body, signed(body))
    text = (await double.wait_for("chat.postMessage"))["params"]["text"]
    assert text.startswith("Needs export") and parse_csv_message(text) == CSV_TEXT


async def test_message_from_non_staff_is_dropped(webhook: str, bot: EchoBot, double: SlackDouble) -> None:
    body = message_event("show me the demand report", user=GUEST)
    status, _, _ = await post(webhook, body, signed(body))
    await asyncio.sleep(0.3)
    assert status == 200  # not an error: Slack must not retry
    assert bot.messages == [] and double.calls == []


async def test_retry_after_timeout_is_not_processed_twice(webhook: str, bot: EchoBot) -> None:
    body = message_event("hello")
    headers = {**signed(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    status, _, reply_headers = await post(webhook, body, headers)
    await asyncio.sleep(0.3)
    assert (status, reply_headers.get("X-Slack-No-Retry")) == (201, "1")
    assert bot.messages == []


async def test_retry_after_an_error_is_processed(webhook: str, bot: EchoBot, double: SlackDouble) -> None:
    body = message_event("hello again")
    headers = {**signed(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    status, _, _ = await post(webhook, body, headers)
    await double.wait_for("chat.postMessage")
    assert status == 200 and [m.text for m in bot.messages] == ["hello again"]


async def test_bot_messages_are_not_answered(webhook: str, bot: EchoBot) -> None:
    envelope = json.loads(message_event("echo: hello"))
    envelope["event"]["bot_id"] = "B0BOT"
    body = json.dumps(envelope).encode()
    status, _, _ = await post(webhook, body, signed(body))
    await asyncio.sleep(0.2)
    assert status == 200 and bot.messages == []


async def test_text_is_escaped_as_slack_documents(double: SlackDouble) -> None:
    # QA8: "Contact: Bob Stone <bob@acme.at>" was read by Slack as a link
    channel = SlackInput.from_credentials(
        {"slack_token": TOKEN, "slack_signing_secret": SECRET, "api_base_url": double.base_url}
    )
    await channel.get_output_channel("D0STAFF").send_text_message("D0STAFF", "Contact: Bob <bob@acme.at> & co")
    call = await double.wait_for("chat.postMessage")
    assert call["params"]["text"] == "Contact: Bob &lt;bob@acme.at&gt; &amp; co"


async def test_a_table_in_a_code_block_is_one_message(double: SlackDouble) -> None:
    # QA9: upstream posts each paragraph alone, and a demand report came in 3-4 messages, the
    # code block opened in the first and closed in the last
    channel = SlackInput.from_credentials(
        {"slack_token": TOKEN, "slack_signing_secret": SECRET, "api_base_url": double.base_url}
    )
    table = "```\nDemand: 1 needs\n\nkind  skill\nskill weld\n```"
    await channel.get_output_channel("D0STAFF").send_text_message("D0STAFF", table)
    call = await double.wait_for("chat.postMessage")
    assert call["params"]["text"] == table
    await asyncio.sleep(0.2)
    assert len([c for c in double.calls if c["method"] == "chat.postMessage"]) == 1


def in_thread(text: str, thread_ts: str | None) -> bytes:
    envelope = json.loads(message_event(text))
    if thread_ts:
        envelope["event"]["thread_ts"] = thread_ts
    return json.dumps(envelope).encode()


@pytest.mark.parametrize(("thread_ts", "expected"), [("1700000000.000100", "1700000000.000100"), (None, None)],
                         ids=["in-a-thread", "in-the-channel"])  # fmt: skip
async def test_a_message_in_a_thread_is_answered_in_it(
    webhook: str, double: SlackDouble, thread_ts: str | None, expected: str | None
) -> None:
    # QA8 L8: a staff message in a thread was answered in the main channel
    body = in_thread("hello", thread_ts)
    await post(webhook, body, signed(body))
    call = await double.wait_for("chat.postMessage")
    assert call["params"].get("thread_ts") == expected
