"""Costs of Rasa 3.6.21 removed in the server itself: TensorFlow at start, repeated tracker work.

``serve_without_tensorflow``: see its docstring. ``cache_event_type_lookup``,
``cache_applied_events`` and ``copy_slots_directly``: work Rasa repeats on every turn for the
same result (docs/performance.md, "Conversation load"). ``launcher/rasa_server.py`` and the
tracker store install them; the action-server calls are in :mod:`connectors.action_calls`.
"""

from __future__ import annotations

import copy
import functools
import importlib
import importlib.util
import sys
import types
from typing import Any


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
        key = (len(events), id(events[0]) if events else 0, id(events[-1]) if events else 0)
        cached = self.__dict__.get("_applied_events")
        if cached is None or cached[0] is not events or cached[1] != key:  # the list is held: by identity
            cached = (events, key, upstream(self))
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
