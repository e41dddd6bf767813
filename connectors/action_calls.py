"""Rasa's calls to the action server made cheaper: a kept connection, fewer events, one check.

Why: every custom-action call — several per turn — opened a new HTTP session and connection,
JSON-encoded the whole session and had the reply checked against a schema rebuilt each time;
together ~25 % of the Rasa server's time per turn under load (docs/performance.md, "Conversation
load"). Each function patches Rasa 3.6.21 once (idempotent); ``launcher/rasa_server.py`` installs
them, the tracker store installs the reply check.

``cache_action_result_validator``: ``RemoteAction._validate_action_result`` calls
``jsonschema.validate``, which with the jsonschema 4.17 we install first checks the *schema*
itself against the meta-schema and builds a new validator, on every call (~20 % of Rasa's time
per turn before this). The schema is a constant, so the validator is built once; replies are
validated exactly as before and a bad reply still raises ``ValidationError``.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from typing import Any


@functools.cache
def cache_action_result_validator() -> None:
    """Replace the per-call validation with a cached validator that checks each event against
    its own event type's schema (idempotent)."""
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    upstream = RemoteAction._validate_action_result
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    is_valid = _valid_by_event_type(schema, validator_class) or validator_class(schema).is_valid

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if is_valid(result):
            return True
        return upstream(self, result)  # raises with upstream's message

    _validate_action_result.__doc__ = upstream.__doc__
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


def _valid_by_event_type(schema: dict[str, Any], validator_class: Any) -> Callable[[Any], bool] | None:
    """The reply check with the events' ``oneOf`` resolved by event name, or None if it cannot be.

    Why: the schema lets each event match exactly one of 23 alternatives, one per event type,
    told apart by ``"event": {"const": ...}``; jsonschema tries every alternative for every
    event (~5 % of Rasa's time under load after the validator was cached). An alternative
    whose name differs cannot match, so "exactly one matches" is "the one with this name
    matches" — the same verdict, one alternative tried.
    """
    items = schema.get("properties", {}).get("events", {}).get("items", {})
    alternatives = items.get("oneOf", [])
    names = [alt.get("properties", {}).get("event", {}).get("const") for alt in alternatives]
    if not alternatives or not all(isinstance(n, str) for n in names) or len(set(names)) < len(names):
        return None
    if "$ref" in json.dumps(schema):
        return None  # an alternative checked on its own could not resolve it
    outer = copy.deepcopy(schema)
    del outer["properties"]["events"]["items"]["oneOf"]
    whole = validator_class(outer)
    by_name = {name: validator_class(alt) for name, alt in zip(names, alternatives, strict=True)}

    def is_valid(result: Any) -> bool:
        if not whole.is_valid(result):
            return False  # the events, if any, are now a list of objects with a string "event"
        events = result.get("events", [])
        return all(e["event"] in by_name and by_name[e["event"]].is_valid(e) for e in events)

    return is_valid


KEEP_ALIVE_SECONDS = 2.0  # below Sanic's 5 s, rasa_sdk's server: never reuse a connection it is closing


class _KeptSession:
    """``async with`` gives the endpoint's kept client session and leaves it open."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def __aenter__(self) -> Any:
        return self.session

    async def __aexit__(self, *_exc: object) -> None:
        return None


@functools.cache
def keep_endpoint_connections() -> None:
    """One HTTP client session per endpoint and event loop, instead of a new one per request.

    Why: ``EndpointConfig.request`` — every custom-action call — opened a client session and a
    TCP connection and closed both: ~3 % of the Rasa server's time under load
    (docs/performance.md). The kept session has the same headers, auth and timeout; idle
    connections are dropped after ``KEEP_ALIVE_SECONDS``, before the action server would close
    them under a request. When the action server is down a request fails as before; once it is
    back the next request connects again.
    """
    import asyncio

    import aiohttp
    from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
    from rasa.utils.endpoints import EndpointConfig

    upstream = EndpointConfig.session

    def session(self: EndpointConfig) -> Any:
        loop = asyncio.get_running_loop()
        kept_loop, kept = self.__dict__.get("_kept_session", (None, None))
        if kept is None or kept.closed or kept_loop is not loop:
            auth = (
                aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
                if self.basic_auth
                else None
            )
            kept = aiohttp.ClientSession(
                headers=self.headers,
                auth=auth,
                timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_SECONDS),
            )
            self.__dict__["_kept_session"] = (loop, kept)
        return _KeptSession(kept)

    session.__doc__ = upstream.__doc__
    EndpointConfig.session = session  # type: ignore[method-assign,assignment]


@functools.cache
def send_recent_events_to_actions() -> None:
    """Send the action server the tracker's events from the latest user message on, not all.

    Why: every custom-action call JSON-encoded the whole session — ~60 events at turn 10,
    some 25 KB — on the Rasa side (~8 % of its time under load, docs/performance.md) and
    decoded it again on the action server. rasa_sdk and our actions read the events only
    backwards to the latest user message: ``get_latest_input_channel`` and ``slots_to_validate``
    (the slots set since); slots, the latest message, the active loop and the latest action
    come in their own keys, unchanged. ``tests/test_connectors/test_action_calls_payload.py``
    fails when an action starts reading further back.
    """
    from rasa.core.actions.action import RemoteAction

    upstream = RemoteAction._action_call_format

    def _action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> dict[str, Any]:
        payload = upstream(self, tracker, domain)
        events = payload["tracker"]["events"]
        users = [i for i, event in enumerate(events) if event.get("event") == "user"]
        if users:
            payload["tracker"]["events"] = events[users[-1] :]
        return payload

    _action_call_format.__doc__ = upstream.__doc__
    RemoteAction._action_call_format = _action_call_format  # type: ignore[method-assign]
