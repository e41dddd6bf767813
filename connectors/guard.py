"""A guard in front of Rasa for the public channels (REST, socket.io): the widget never goes silent.

Why at the channel and not in NLU or an action: the checks here must hold even when the model,
the action server or the tracker store misbehave, and must cost nothing for a flood of messages.

- **Odd input** — an empty or whitespace-only message gets a hint; one longer than
  ``max_chars`` is refused politely. Neither reaches NLU nor the tracker.
- **Markup** — HTML tags are taken out before anything reads the message (a script's content
  too): ``<script>alert(1)</script>`` at the job question had become the skills *read scripts*
  and *stay alert*. A message of markup alone gets a hint that markup is not read, and reaches
  Rasa as a request for help: the guard cannot know the question pending, and the help rules
  answer and ask it again (a form's question had not come again, QA12).
- **Floods** — each sender has a token bucket of ``rate`` messages, refilled evenly over
  ``per_seconds``; a message over the limit gets "slow down" and is dropped before Rasa sees it.
  The default, ``"30/30"``, lets a burst of 30 through and then one message a second, the
  sustained rate of the former ``"10/10"``: a person tapping buttons ("/…" payloads) or typing
  short answers fast, two a second, had reached the slow-down at the 20th message (QA13), while
  a flood of 100 messages in five seconds still has 66 dropped.
- **Silence** — when Rasa handled a message but sent nothing (action server down or slower
  than ``deadline_seconds``: Rasa logs the error and stays silent) or raised, the person gets
  "technical problem, try again". A turn that ran past the deadline is cancelled, so Rasa
  saves nothing of it and the form asks again once the action server is back.

Settings come from the environment (``GUARD_MAX_CHARS``, ``GUARD_RATE`` as ``"30/30"``: the
burst, then over how many seconds it refills, ``"0"`` for no limit; ``GUARD_DEADLINE_SECONDS``),
so the load test and the e2e tests can loosen them per run.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]

EMPTY_HINT = 'I didn\'t get any text. Tell me what you are looking for, or type "help".'
TOO_LONG = "That message is too long for me ({length:,} characters; the limit is {limit:,}). Please say it in a sentence or two."
MARKUP_HINT = "I don't read code or markup, only words."
#: what a message of markup alone reaches Rasa as: help, then the question pending asked again
MARKUP_FOR_RASA = "/help"
SLOW_DOWN = "You're sending messages faster than I can answer. Please slow down and send one at a time."
TECHNICAL_PROBLEM = "Sorry, I'm having a technical problem — please try again in a moment."


@dataclass(frozen=True)
class GuardSettings:
    """Limits of the guard; the defaults suit a person typing in the widget.

    Attributes:
        max_chars: longest message passed on (the NLU guard in bot/config.yml uses the same 2,000).
        rate: messages a sender may send in a burst, refilled evenly over ``per_seconds``;
            0 switches the rate limit off (load tests).
        per_seconds: refill period of the bucket; ``rate / per_seconds`` is the sustained rate
            (one a second by default: a burst of 30 for taps and quick typing, QA13).
        deadline_seconds: longest wait for Rasa before answering "technical problem"
            (Rasa's own action timeout is a fixed 5 minutes).
        max_senders: buckets kept (least recently seen dropped), so memory stays bounded.
    """

    max_chars: int = 2000
    rate: int = 30
    per_seconds: float = 30.0
    deadline_seconds: float = 20.0
    max_senders: int = 50_000

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> GuardSettings:
        """Read ``GUARD_*`` variables; anything unset keeps its default."""
        env = os.environ if environ is None else environ
        defaults = cls()
        rate, _, per = env.get("GUARD_RATE", "").partition("/")
        return cls(
            max_chars=int(env.get("GUARD_MAX_CHARS") or defaults.max_chars),
            rate=int(rate) if rate.strip() else defaults.rate,
            per_seconds=float(per) if per.strip() else defaults.per_seconds,
            deadline_seconds=float(env.get("GUARD_DEADLINE_SECONDS") or defaults.deadline_seconds),
        )


class RateLimiter:
    """Token buckets per sender: ``rate`` tokens, refilled at ``rate / per_seconds`` per second."""

    def __init__(self, settings: GuardSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, sender: str) -> bool:
        """Take one token from the sender's bucket; False when it is empty."""
        s = self.settings
        if s.rate <= 0:
            return True
        now = self.clock()
        tokens, then = self._buckets.pop(sender, (float(s.rate), now))
        tokens = min(float(s.rate), tokens + (now - then) * s.rate / s.per_seconds)
        allowed = tokens >= 1.0
        self._buckets[sender] = (tokens - 1.0 if allowed else tokens, now)
        if len(self._buckets) > s.max_senders:
            self._buckets.popitem(last=False)
        return allowed


class CountingOutputChannel(OutputChannel):
    """Passes every bot message on to the real channel and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def name(self) -> str:  # type: ignore[override]  # channel-specific responses need the real name
        return self.inner.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


#: a script or style element with its content, or any other tag; "<500 €" and "<3" are no tags
_MARKUP = re.compile(
    r"<\s*(script|style)\b[^>]*>.*?(?:<\s*/\s*\1\s*>|$)|</?[a-z][\w:-]*(?:\s[^<>]*)?/?>", re.I | re.S
)


def without_markup(text: str) -> str:
    """The text with its HTML tags (and scripts' content) taken out, spaces joined."""
    stripped = _MARKUP.sub(" ", text)
    return text if stripped == text else " ".join(stripped.split())


def refusal(text: str | None, settings: GuardSettings) -> str | None:
    """The reply for a message that must not reach Rasa, else ``None``."""
    if text is None or not text.strip():
        return EMPTY_HINT
    if len(text) > settings.max_chars:
        return TOO_LONG.format(length=len(text), limit=settings.max_chars)
    return None


class ChannelGuard:
    """Wraps Rasa's message handler with the checks described in the module docstring."""

    def __init__(self, settings: GuardSettings | None = None, limiter: RateLimiter | None = None) -> None:
        self.settings = settings or GuardSettings.from_env()
        self.limiter = limiter or RateLimiter(self.settings)

    def wrap(self, on_new_message: Handler) -> Handler:
        """The handler the channel should call instead of Rasa's."""

        async def guarded(message: UserMessage) -> None:
            await self.handle(message, on_new_message)

        return guarded

    async def handle(self, message: UserMessage, on_new_message: Handler) -> None:
        """Refuse, throttle, or pass on; answer "technical problem" when Rasa stays silent."""
        reply = refusal(message.text, self.settings)
        if reply is None and not self.limiter.allow(message.sender_id or ""):
            logger.info("guard: %s over the rate limit, message dropped", message.sender_id)
            reply = SLOW_DOWN
        if reply is not None:
            await message.output_channel.send_response(message.sender_id, {"text": reply})
            return
        message.text = without_markup(message.text or "")
        if not message.text:  # markup alone: said so, and Rasa helps and asks its question again
            await message.output_channel.send_response(message.sender_id, {"text": MARKUP_HINT})
            message.text = MARKUP_FOR_RASA
        counting = CountingOutputChannel(message.output_channel)
        message.output_channel = counting
        await self._process(message, on_new_message)
        if counting.sent == 0:
            await counting.inner.send_response(message.sender_id, {"text": TECHNICAL_PROBLEM})

    async def _process(self, message: UserMessage, on_new_message: Handler) -> None:
        """Run Rasa on the message within the deadline; log (never raise) what goes wrong."""
        try:
            await asyncio.wait_for(on_new_message(message), timeout=self.settings.deadline_seconds)
        except asyncio.TimeoutError:
            logger.error(
                "guard: no answer for %s within %.0f s; turn cancelled",
                message.sender_id,
                self.settings.deadline_seconds,
            )
        except Exception:
            logger.exception("guard: handling a message from %s failed", message.sender_id)


class GuardedInput:
    """Mixin for an input channel: its blueprint receives the guarded handler.

    Put it first among the bases (``class X(GuardedInput, SomeInput)``) so its ``blueprint``
    wraps the handler before the channel's own ``blueprint`` sees it.
    """

    guard: ChannelGuard | None = None

    def blueprint(self, on_new_message: Handler) -> Any:
        if self.guard is None:
            self.guard = ChannelGuard()
        return super().blueprint(self.guard.wrap(on_new_message))  # type: ignore[misc]
