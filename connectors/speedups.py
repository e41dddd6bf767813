"""Costs of Rasa 3.6.21 removed: per-turn checks and connections, TensorFlow at start.

``cache_action_result_validator``: checking the action server's reply schema each time.

Why: ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``, which with the
jsonschema 4.17 we install first checks the *schema* itself against the meta-schema and builds
a new validator, on every custom-action call. Profiling (py-spy, docs/performance.md) put it at
~20 % of the Rasa server's time per turn. The schema is a constant, so the validator is built
once; replies are validated exactly as before and a bad reply still raises ``ValidationError``.

``serve_without_tensorflow`` and ``keep_endpoint_connections``: see their docstrings;
``launcher/rasa_server.py`` calls them.
"""

from __future__ import annotations

import copy
import functools
import importlib
import importlib.util
import json
import sys
import types
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


class _DeferredModule(types.ModuleType):
    """Stands in for a module until one of its attributes is read, then imports the real one.

    ``import a.b`` and ``from a import b`` return the stand-in without running ``a.b``; the
    first attribute read imports it and every read is forwarded to it, so a component that does
    need the module (DIET, TED) still gets the real thing, only later.
    """

    def __getattr__(self, attribute: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
            importlib.import_module(name)
        return getattr(sys.modules[name], attribute)


def _defer_import(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _DeferredModule(name)
    stand_in.__spec__, stand_in.__file__ = spec, spec.origin
    sys.modules[name] = stand_in
    parent, _, child = name.rpartition(".")
    setattr(importlib.import_module(parent), child, stand_in)


@functools.cache
def serve_without_tensorflow() -> None:
    """Keep TensorFlow (and jax, which it pulls in) out of a Rasa server whose model needs neither.

    Why: importing TensorFlow was ~8 s of the server's start (docs/performance.md), and our
    pipeline has no TensorFlow component since DIET was replaced. Rasa 3.6 still imports it
    twice on the way: ``rasa.server`` → ``single_state_featurizer`` → ``nlu.extractors`` →
    ``rasa.utils.train_utils`` (training callbacks, used only when a TensorFlow model trains),
    and loading a model resolves every class of its *training* graph, whose recipe validator
    imports DIET, TED and ResponseSelector. So, for serving only (call it before importing
    ``rasa.server``): ``train_utils`` becomes a stand-in imported on first use, and the model's
    training graph is not resolved (``rasa run`` never trains; ``rasa train`` and ``rasa test``
    do not call this). A model that does use DIET or TED loads and runs as before: its own
    modules import TensorFlow when the prediction graph is resolved.
    """
    _defer_import("rasa.utils.train_utils")
    from rasa.engine.graph import GraphSchema
    from rasa.engine.storage.storage import ModelMetadata

    upstream = ModelMetadata.from_dict.__func__  # type: ignore[attr-defined]

    def from_dict(cls: type[ModelMetadata], serialized: dict[str, Any]) -> ModelMetadata:
        return upstream(cls, {**serialized, "train_schema": GraphSchema({}).as_dict()})

    from_dict.__doc__ = upstream.__doc__
    ModelMetadata.from_dict = classmethod(from_dict)  # type: ignore[method-assign,assignment]


@functools.cache
def cache_event_type_lookup() -> None:
    """Find an event's class by its type name in a dict instead of walking the class tree each time.

    Why: ``Event.resolve_by_type`` lists every subclass of ``Event`` recursively for *each* event
    it deserialises — every event of the session read from SQL per turn, every event an action
    returns: ~6 % of the Rasa server's time under load (py-spy, docs/performance.md). The dict is
    built in the same order upstream searches (so the same class wins) and rebuilt on a miss, so
    an event class defined later is still found; unknown names go to upstream (default or error).
    """
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    upstream = Event.resolve_by_type
    known: dict[str, type[Event]] = {}

    def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
        found = known.get(type_name)
        if found is None:
            for cls in all_subclasses(Event):
                known.setdefault(cls.type_name, cls)
            found = known.get(type_name)
        return found if found is not None else upstream(type_name, default)

    resolve_by_type.__doc__ = upstream.__doc__
    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[method-assign,assignment]


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
    come in their own keys, unchanged. ``tests/test_connectors/test_speedups_action_payload.py``
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


@functools.cache
def cache_applied_events() -> None:
    """Compute a tracker's applied events once per state of its event list, not on every call.

    Why: ``DialogueStateTracker.applied_events`` walks the whole session (reverts, form loops;
    ``isinstance`` on abstract classes) and each policy calls it again for the same tracker —
    MemoizationPolicy, RulePolicy (twice), the session-expiry check — ~9 % of the Rasa server's
    time under load (docs/performance.md). The result is kept on the tracker with the identity
    of its event list, its length and its first and last event; Rasa only appends events or
    replaces the list, so any change gives a new key. Callers get a fresh list each time.
    """
    from rasa.shared.core.trackers import DialogueStateTracker

    upstream = DialogueStateTracker.applied_events

    def applied_events(self: DialogueStateTracker) -> list[Any]:
        events = self.events
        key = (id(events), len(events), id(events[0]) if events else 0, id(events[-1]) if events else 0)
        cached = self.__dict__.get("_applied_events")
        if cached is None or cached[0] != key or cached[1] is not events:
            cached = (key, events, upstream(self))
            self.__dict__["_applied_events"] = cached
        return list(cached[2])

    applied_events.__doc__ = upstream.__doc__
    DialogueStateTracker.applied_events = applied_events  # type: ignore[method-assign]


@functools.cache
def copy_slots_directly() -> None:
    """Copy a slot by copying its attributes, as ``copy.copy`` ends up doing, without its detour.

    Why: every tracker Rasa creates — each copy before an action, each prior state the policies
    replay — starts with ``copy.copy`` of every slot of the domain (~50 here), and ``copy.copy``
    goes through ``__reduce_ex__`` and ``copyreg`` for each: ~5 % of the Rasa server's time under
    load (docs/performance.md). For a slot class whose reduction is the default one (a new
    instance of the class given the attribute dict, no ``__setstate__``) — all of Rasa's — that
    is a new instance with the same attribute dict, made directly; any other class is copied
    the way ``copy.copy`` does. Each class is checked once, on its first copy.
    """
    import copyreg

    from rasa.shared.core.slots import Slot

    plain: dict[type, bool] = {}

    def __copy__(self: Slot) -> Slot:
        cls = type(self)
        if cls not in plain:
            function, args, state, *rest = self.__reduce_ex__(4)
            plain[cls] = (
                function is copyreg.__newobj__
                and args == (cls,)
                and state is self.__dict__
                and not any(rest)
                and not hasattr(self, "__setstate__")
            )
        if not plain[cls]:
            return copy._reconstruct(self, None, *self.__reduce_ex__(4))  # type: ignore[attr-defined]
        new = cls.__new__(cls)
        new.__dict__.update(self.__dict__)
        return new

    Slot.__copy__ = __copy__  # type: ignore[attr-defined]
