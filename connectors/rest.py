"""Rasa's REST channel behind the channel guard (see :mod:`connectors.guard`).

Same name (``rest``) and URL (``/webhooks/rest/webhook``) as upstream, so scripts and tests
keep working; reference it in ``bot/credentials.yml`` as ``connectors.rest.RestInput:``.
"""

from __future__ import annotations

from rasa.core.channels.rest import RestInput as UpstreamRestInput

from connectors.guard import GuardedInput


class RestInput(GuardedInput, UpstreamRestInput):
    """REST input channel whose messages pass the guard before they reach Rasa."""

    @classmethod
    def name(cls) -> str:
        return "rest"
