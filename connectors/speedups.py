"""One per-turn cost in Rasa 3.6.21 removed: checking the action server's reply schema each time.

Why: ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``, which with the
jsonschema 4.17 we install first checks the *schema* itself against the meta-schema and builds
a new validator, on every custom-action call. Profiling (py-spy, docs/performance.md) put it at
~20 % of the Rasa server's time per turn. The schema is a constant, so the validator is built
once; replies are validated exactly as before and a bad reply still raises ``ValidationError``.
"""

from __future__ import annotations

import functools
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
