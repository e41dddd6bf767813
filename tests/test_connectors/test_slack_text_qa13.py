"""QA13: a Slack message is read as its sender typed it. Slack escapes "&", "<" and ">" and writes
links, mentions and channels in its own forms; staff also type *bold*, _italic_, `code` and
~strike~ marks. Driven through the real channel with signed Events API requests, replies to a
local double of the Web API (as tests/test_connectors/test_slack_channel.py does).
"""

from __future__ import annotations

import aiohttp
import pytest

from connectors.matrix_text import typed_text
from tests.slack_double import SlackDouble, message_event, signed
from tests.test_connectors.channel_support import EchoBot


async def sent(webhook: str, double: SlackDouble, bot: EchoBot, slack_text: str) -> tuple[str, str]:
    """What the bot read of a message Slack sends with ``slack_text``, and the reply Slack got."""
    body = message_event(slack_text)
    async with aiohttp.ClientSession() as session, session.post(webhook, data=body, headers=signed(body)) as reply:
        assert reply.status == 200
    call = await double.wait_for("chat.postMessage")
    return bot.messages[0].text, call["params"]["text"]


@pytest.mark.parametrize(
    ("slack_text", "read"),
    [
        ("demand report for health &amp; safety", "demand report for health & safety"),
        ("new needs &lt;since monday&gt;", "new needs <since monday>"),
        ("R&amp;amp;D", "R&amp;D"),  # "&amp;" typed as such stays
        ("*demand report* by _ecosystem_", "demand report by ecosystem"),
        ("search catalogue `welding`", "search catalogue welding"),
        ("~new needs~ demand report by *_country_*", "new needs demand report by country"),
        ("```export needs```", "export needs"),
        ("/staff_report", "/staff_report"),  # an underscore inside a word is no mark
        ("3 * 4 * 5", "3 * 4 * 5"),
        ("partner <https://mva.at|Mur Valley>", "partner Mur Valley"),
        ("mail <mailto:ana@cluster.eu|ana@cluster.eu> in <#C0STAFF|staff-room>", "mail ana@cluster.eu in #staff-room"),
        ("<https://a.eu|A> and <https://b.eu|B>", "A and B"),  # upstream had read "A>...<…|B" as one link
        ("<@UBOT0001> new needs", "new needs"),  # the bot's own mention removed
        ("ask <@U0ANA> about <!here>", "ask <@U0ANA> about @here"),  # a member's mention kept
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
async def test_text_is_read_as_typed(
    webhook: str, double: SlackDouble, bot: EchoBot, slack_text: str, read: str
) -> None:
    text, _ = await sent(webhook, double, bot, slack_text)
    assert text == read


async def test_an_ampersand_is_said_back_once_escaped(webhook: str, double: SlackDouble, bot: EchoBot) -> None:
    # the reply showed "health &amp;amp; safety": what came in escaped was escaped again
    _, reply = await sent(webhook, double, bot, "health &amp; safety")
    assert reply == "echo: health &amp; safety"  # Slack shows "echo: health & safety"


@pytest.mark.parametrize(
    ("body", "read"),
    [("**demand report** by _ecosystem_", "demand report by ecosystem"),
     ("search catalogue `welding`", "search catalogue welding"),
     ("~~new needs~~ export needs", "new needs export needs"),
     ("/staff_report", "/staff_report")],
    ids=lambda value: value if isinstance(value, str) else None,
)  # fmt: skip
def test_a_matrix_body_is_read_without_its_markdown_marks(body: str, read: str) -> None:
    # a Matrix client sends the Markdown as typed in "body": the same marks, read the same way
    assert typed_text({"msgtype": "m.text", "body": body}) == read
