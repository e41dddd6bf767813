"""Costs of Rasa 3.6.21 removed: the action reply's schema check per turn, TensorFlow at start.

``cache_action_result_validator``: checking the action server's reply schema each time.

Why: ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``, which with the
jsonschema 4.17 we install first checks the *schema* itself against the meta-schema and builds
a new validator, on every custom-action call. Profiling (py-spy, docs/performance.md) put it at
~20 % of the Rasa server's time per turn. The schema is a constant, so the validator is built
once; replies are validated exactly as before and a bad reply still raises ``ValidationError``.

``serve_without_tensorflow``: see its docstring; ``launcher/rasa_server.py`` calls it.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import sys
import types
from typing import Any


@functools.cache
def cache_action_result_validator() -> None:
    """Replace the per-call validation with a cached validator (idempotent)."""
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction

    upstream = RemoteAction._validate_action_result
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        error = exceptions.best_match(validator.iter_errors(result))
        if error is None:
            return True
        return upstream(self, result)  # raises with upstream's message

    _validate_action_result.__doc__ = upstream.__doc__
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


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
