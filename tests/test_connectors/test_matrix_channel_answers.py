"""What the Matrix channel reads and how it answers (QA on Matrix): the typed part of a reply only,
answers as replies, long answers in parts, code as HTML, and "technical problem" over silence."""

from __future__ import annotations

import json

import pytest
from rasa.core.channels.channel import UserMessage

from connectors.guard import TECHNICAL_PROBLEM
from connectors.matrix_text import HTML_FORMAT
from tests.test_connectors import matrix_bench
from tests.test_connectors.channel_support import EchoBot
from tests.test_connectors.matrix_bench import BOT, HomeserverDouble, bridge_body, post, text_event

homeserver, staff_room, webhook = matrix_bench.homeserver, matrix_bench.staff_room, matrix_bench.webhook

REPORT = "Demand by town\n```\ntown   needs\nGraz   <4> & 2\n```"
LONG = "3000 needs:\n" + "\n".join(f"• N-{i:05d} Graz — 4 × welding, {'x' * 20}" for i in range(3000))


class ScriptedBot(EchoBot):
    """Echoes, except: ``/report`` a code block, ``/long`` a 150 KB list, ``/silent`` nothing
    (as Rasa when the action server is down), ``/crash`` raises."""

    async def __call__(self, message: UserMessage) -> None:
        answers = {"/report": REPORT, "/long": LONG}
        if message.text in answers:
            self.messages.append(message)
            await message.output_channel.send_response(message.sender_id, {"text": answers[message.text]})
        elif message.text == "/silent":
            self.messages.append(message)
        elif message.text == "/crash":
            raise RuntimeError("the agent failed")
        else:
            await super().__call__(message)


@pytest.fixture
def bot() -> ScriptedBot:
    return ScriptedBot()


def reply_to(body: str, quoted: str) -> dict:
    """An Element-style reply: the quoted message's lines behind "> ", a blank line, the text."""
    first, *rest = quoted.split("\n")
    fallback = "\n".join([f"> <{BOT}> {first}", *(f"> {line}" for line in rest)])
    relation = {"m.in_reply_to": {"event_id": "$quoted"}}
    return text_event(f"{fallback}\n\n{body}", **{"m.relates_to": relation})


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("new secret for N-8C6A7", 'New firm need N-FK6ET: 4 × welding\nSay "need N-FK6ET" for details.'),
        ("need N-8C6A7 please", "2 new needs since Monday:\n• N-FK6ET 4 × welding\n• N-8C6A7 2 × PLC"),
        ("export needs", "\n".join(f"• N-{i:05d} Graz" for i in range(300))),
    ],
    ids=["reply-to-an-alert", "reply-to-a-list", "reply-to-a-long-result"],
)
async def test_a_reply_is_read_as_what_was_typed_only(
    webhook: str, bot: ScriptedBot, typed: str, quoted: str
) -> None:
    await post(webhook, bridge_body(reply_to(typed, quoted)))
    assert [m.text for m in bot.messages] == [typed]


async def test_every_answer_is_a_reply_to_the_message_it_answers(
    webhook: str, homeserver: HomeserverDouble
) -> None:
    event = text_event("hello")
    await post(webhook, bridge_body(event))
    [sent] = homeserver.sent_as_is()
    assert sent["m.relates_to"] == {"m.in_reply_to": {"event_id": event["event_id"]}}


async def test_a_message_in_a_thread_is_answered_in_that_thread(
    webhook: str, homeserver: HomeserverDouble
) -> None:
    event = text_event("hello", **{"m.relates_to": {"rel_type": "m.thread", "event_id": "$root"}})
    await post(webhook, bridge_body(event))
    [sent] = homeserver.sent_as_is()
    assert sent["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": False,
        "m.in_reply_to": {"event_id": event["event_id"]},
    }


async def test_a_long_answer_arrives_whole_in_messages_that_fit(
    webhook: str, homeserver: HomeserverDouble
) -> None:
    await post(webhook, bridge_body(text_event("/long")))
    sent = homeserver.sent()
    assert len(sent) > 1 and all(len(json.dumps(content).encode()) < 60_000 for content in sent)
    assert "\n".join(content["body"] for content in sent) == LONG


async def test_a_code_block_goes_as_html_beside_the_plain_text(
    webhook: str, homeserver: HomeserverDouble
) -> None:
    await post(webhook, bridge_body(text_event("/report")))
    [sent] = homeserver.sent()
    assert (sent["body"], sent["format"]) == (REPORT, HTML_FORMAT)
    assert "<pre><code>town   needs\nGraz   &lt;4&gt; &amp; 2\n</code></pre>" in sent["formatted_body"]


@pytest.mark.parametrize("text", ["/silent", "/crash"], ids=["rasa-silent", "rasa-raises"])
async def test_staff_hear_of_a_technical_problem_rather_than_nothing(
    webhook: str, homeserver: HomeserverDouble, text: str
) -> None:
    status, _ = await post(webhook, bridge_body(text_event(text)))
    assert status == 200
    assert homeserver.sent() == [{"msgtype": "m.text", "body": TECHNICAL_PROBLEM}]
