"""Slack input channel for cluster staff: Rasa 3.6.21's, plus a Web API host and a staff gate.

Upstream ``rasa.core.channels.slack`` already verifies every Events API request (``v0``
HMAC-SHA256 of ``v0:{timestamp}:{body}`` with the signing secret, at most five minutes old)
and refuses to start without ``slack_signing_secret``. It is kept as is; this subclass adds:

1. ``api_base_url``: the Web API host the replies go to. Upstream hard-codes slack.com,
   but GovSlack (``https://slack-gov.com/api/``) and some Enterprise Grid set-ups use
   another host, and tests point it at a local double.
2. The staff gate (:mod:`connectors.staff`): with ``staff_only`` (default) messages from
   members not in ``STAFF_SLACK_USERS`` never reach Rasa.
3. The URL verification challenge is answered as ``{"challenge": ...}`` (see ``blueprint``).
4. Charts: a ``custom`` payload made by ``skills_catalog.staff_access.chart_message`` is
   uploaded as a PNG file with ``files_upload_v2`` (files.getUploadURLExternal, upload,
   files.completeUploadExternal), since Slack's image blocks need a public URL.
5. CSV exports: a ``custom`` payload made by ``skills_catalog.staff_access.csv_message`` is
   uploaded as a file (``needs.csv``) the same way, its title as the comment; should the
   upload fail, the payload's text (the CSV in a code block) is posted instead.
6. Text is escaped as Slack documents (``&``, ``<``, ``>``), so an e-mail in angle brackets
   or markup a firm typed shows as typed (``skills_catalog.alerts.slack_escape``).
7. A message in a thread is answered in that thread (upstream answers in the channel unless
   ``use_threads``, and then threads every answer, even to a message in the channel itself).
8. Secrets may come from the environment (``SLACK_BOT_TOKEN``, ``SLACK_SIGNING_SECRET``,
   ``SLACK_API_BASE_URL``) when the credentials file leaves them out.
9. A message's text is read as typed (:func:`typed_text`): Slack's escapes undone, its link
   forms read as their words and its *bold*, _italic_, `code` and ~strike~ marks dropped.

The channel keeps the name ``slack``, so its webhook is ``/webhooks/slack/webhook``::

    connectors.slack.SlackInput:
      slack_token: "xoxb-..."           # or env SLACK_BOT_TOKEN
      slack_signing_secret: "..."       # or env SLACK_SIGNING_SECRET
      api_base_url: "https://slack.com/api/"   # or env SLACK_API_BASE_URL
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any, cast

from rasa.core.channels import slack as upstream
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from connectors.matrix_text import unmarked
from connectors.staff import SLACK, admits, is_staff, setting, warn_if_nobody
from skills_catalog.alerts import slack_escape
from skills_catalog.staff_access import STAFF_METADATA_KEY, CsvFile, parse_chart_message, parse_csv_file

logger = logging.getLogger(__name__)

DEFAULT_API_BASE_URL = "https://slack.com/api/"


def _with_slash(url: str) -> str:
    """slack_sdk joins ``base_url + method``, so the base must end with ``/``."""
    return url if url.endswith("/") else url + "/"


#: Slack's link forms: <@U…> a member, <#C…|name> a channel, <!here>, <!subteam^S…|@team>,
#: <https://…|label>, <mailto:…|label>, <https://…>; a "<" typed is sent as "&lt;"
_LINK = re.compile(r"<([^<>|\s]+)(?:\|([^<>]*))?>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}  # all Slack escapes (its docs)
_ENTITY = re.compile("|".join(_ENTITIES))
def _link_words(found: re.Match[str]) -> str:
    """The words a link form stands for; a member's mention kept as Slack writes it (the bot's
    own is removed upstream, and the staff gate reads the sender, not the text)."""
    target, label = found.group(1), found.group(2)
    if target.startswith("@"):
        return found.group()
    if target.startswith("#"):
        return "#" + (label or target[1:])
    if target.startswith("!"):
        return label or "@" + target[1:].split("^")[0]
    return label or target.removeprefix("mailto:")


def typed_text(text: str) -> str:
    """What a person typed, from a message's ``text`` as Slack sends it: ``&amp;``, ``&lt;``,
    ``&gt;`` undone, link forms as their words, markup marks dropped.

    Why: "health & safety" arrived as "health &amp; safety" and was said back as
    "health &amp;amp; safety"; "*demand report* by _ecosystem_" lost its grouping, and
    "search catalogue `welding`" searched for the backticks (QA13)."""
    return _ENTITY.sub(lambda found: _ENTITIES[found.group()], unmarked(_LINK.sub(_link_words, text)))


def _thread_of(request: Request) -> str | None:
    """The ``thread_ts`` of the thread a Slack event or button click came from, None outside one."""
    if request.headers.get("content-type") == "application/json":
        body = request.json if isinstance(request.json, dict) else {}
        return (body.get("event") or {}).get("thread_ts")
    payload = json.loads(request.form.get("payload") or "{}")
    return (payload.get("message") or {}).get("thread_ts")


class SlackBot(upstream.SlackBot):
    """Upstream output channel talking to a configurable Web API host, able to post charts."""

    def __init__(
        self,
        token: str,
        slack_channel: str | None = None,
        thread_id: str | None = None,
        proxy: str | None = None,
        api_base_url: str = DEFAULT_API_BASE_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, proxy=proxy, base_url=_with_slash(api_base_url))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Upstream's ``chat.postMessage`` (mrkdwn), the text escaped as Slack documents; a text
        with a code block is one message. Why: upstream posts each paragraph on its own, and a
        demand report's table came in 3-4 messages, its ``` fence opened in the first and closed in
        the last, the rows between unaligned."""
        if "```" not in text:
            await super().send_text_message(recipient_id, slack_escape(text), **kwargs)
            return
        recipient = self.slack_channel or recipient_id
        await self._post_message(channel=recipient, as_user=True, text=slack_escape(text.strip()), type="mrkdwn")

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        """Uploads a chart or CSV payload as a file; any other payload goes to chat.postMessage as upstream."""
        chart = parse_chart_message(json_message)
        csv_file = parse_csv_file(json_message)
        if csv_file is not None:
            await self.send_csv(recipient_id, csv_file, str(json_message.get("text") or csv_file.title))
        elif chart is not None:
            await self.client.files_upload_v2(
                channel=self.slack_channel or recipient_id,
                content=chart.png,
                filename=chart.filename,
                title=chart.title,
                thread_ts=self.thread_id,
            )
        else:
            await super().send_custom_json(recipient_id, json_message, **kwargs)

    async def send_csv(self, recipient_id: str, csv_file: CsvFile, fallback: str) -> None:
        """Uploads the CSV as a file with its title as the comment; posts ``fallback`` if that fails."""
        try:
            await self.client.files_upload_v2(
                channel=self.slack_channel or recipient_id,
                content=csv_file.text,
                filename=csv_file.filename,
                title=csv_file.title,
                initial_comment=slack_escape(csv_file.title),
                thread_ts=self.thread_id,
            )
        except SlackClientError as error:
            logger.error("slack: CSV upload failed (%s); sending it as text", type(error).__name__)
            await self.send_text_message(recipient_id, fallback)


class SlackInput(upstream.SlackInput):
    """Upstream Slack input channel with ``api_base_url`` and the staff gate."""

    api_base_url: str = DEFAULT_API_BASE_URL
    staff_only: bool = True
    thread_every_reply: bool = False  # the credentials' ``use_threads``

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Builds the channel from credentials, filling missing secrets from the environment."""
        credentials = dict(credentials or {})
        credentials["slack_token"] = setting(credentials, "slack_token", "SLACK_BOT_TOKEN")
        credentials["slack_signing_secret"] = setting(
            credentials, "slack_signing_secret", "SLACK_SIGNING_SECRET", ""
        )
        if not credentials["slack_token"]:
            raise InvalidConfigException("Slack channel: set slack_token (or env SLACK_BOT_TOKEN).")
        channel = cast(SlackInput, super().from_credentials(credentials))
        channel.api_base_url = _with_slash(
            setting(credentials, "api_base_url", "SLACK_API_BASE_URL", DEFAULT_API_BASE_URL)
        )
        channel.staff_only = bool(credentials.get("staff_only", True))
        # upstream passes a thread to the output channel only with use_threads; we always pass
        # one, and get_metadata decides which (the message's thread, or none)
        channel.thread_every_reply, channel.use_threads = bool(channel.use_threads), True
        warn_if_nobody(SLACK, channel.staff_only)
        return channel

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: str | None,
        metadata: dict | None,
    ) -> Any:
        """Drops messages from non-staff members (answering 200, so Slack does not retry); marks
        the others as staff's for the NLU guard."""
        if not admits(SLACK, sender_id, self.staff_only):
            return response.text("")
        metadata = {**(metadata or {}), STAFF_METADATA_KEY: is_staff(SLACK, sender_id)}
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    @staticmethod
    def _sanitize_user_message(text: str, uids_to_remove: list[str] | None) -> str:
        """Upstream's (the bot's own mention removed), then read as typed (:func:`typed_text`).
        The links are read first: upstream's reading of ``<https://…|label>`` spans two links
        at once, eating the words between them."""
        linked = _LINK.sub(_link_words, text)
        return typed_text(upstream.SlackInput._sanitize_user_message(linked, uids_to_remove))

    def get_metadata(self, request: Request) -> dict[str, Any]:
        """Upstream's metadata, with ``thread_id`` the thread the message was posted in (None for a
        message in the channel itself), or as upstream (every answer threaded) with ``use_threads``."""
        metadata = super().get_metadata(request)
        if metadata and not self.thread_every_reply:
            metadata["thread_id"] = _thread_of(request)
        return metadata

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Upstream routes, with Slack's documented answer to the URL verification challenge.

        Upstream answers ``"<challenge>"`` (a bare JSON string); Slack documents plain text
        or ``{"challenge": ...}`` and has become stricter about JSON bodies. The signature is
        checked first, as for every other request.
        """
        bp = super().blueprint(on_new_message)

        @bp.middleware("request")
        async def url_verification(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or request.headers.get("content-type") != "application/json":
                return None
            body = request.json if isinstance(request.json, dict) else {}
            if body.get("type") != "url_verification" or not self.is_request_from_slack_authentic(request):
                return None
            return response.json({"challenge": body.get("challenge", "")})

        return bp

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        """Our output channel, on the configured Web API host."""
        return SlackBot(
            self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_base_url
        )
