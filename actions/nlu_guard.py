"""``MessageGuard``: an NLU component that sends empty and over-long messages to the fallback.

Why here and why built lazily: the guard runs inside the Rasa server (``bot/config.yml`` names
``actions.nlu_guard.MessageGuard``), so it must be importable wherever Rasa trains or runs —
``actions`` is an installed package. The action server imports every module of ``actions`` at
start, and importing Rasa there would cost seconds and memory, so the class is only defined
(and registered with Rasa's recipe) when Rasa asks for the attribute (PEP 562 ``__getattr__``).

Placed after ``FallbackClassifier``, it replaces the prediction for a message that is blank or
longer than ``parsing.MAX_MESSAGE_CHARS`` with ``nlu_fallback`` at full confidence; the
fallback rule runs ``action_clarify``, which answers "too long — say it in a sentence or two"
(or "I didn't get any text"). Inside the form the same answer comes from the validators.
It also keeps ``start_over``, which drops every answer at once, only for a message that says
to start again (``parsing.says_start_over``); otherwise the next intent of the ranking stands
("from March" answers "when could you start?"). And a message that states a preference
(``parsing.stated_preferences``: "from January", "30 km", "up to 2000 euros") is ``inform``,
not ``out_of_scope`` nor the fallback, so the form takes it as the answer it is. A message in
another language that the classifier calls out of scope goes to the fallback, whose
clarification says the assistant speaks English only (``parsing.not_english``). A message that
opens with a firm's need past doubt ("we're hiring 5 electricians by March", "we need 3 welders":
``firm_parsing.opens_need_surely``) is ``firm_start``, whatever else it states: "by March" made
it ``inform``, and the firm was sent down the worker's path.
"""

# No ``from __future__ import annotations`` here: Rasa resolves the component's type hints at
# run time, and the names they use are local to ``_message_guard``.
import functools
from datetime import date
from typing import Any

from actions.firm_parsing import opens_need_surely
from actions.names import INTENT_FALLBACK, INTENT_FIRM_START, INTENT_INFORM, INTENT_START_OVER
from actions.parsing import message_problem, not_english, says_start_over, stated_preferences

FALLBACK = {"name": INTENT_FALLBACK, "confidence": 1.0}
#: guesses that a message states a preference overrules: "from January" is no request to leave
OFF_TOPIC = frozenset({INTENT_FALLBACK, "out_of_scope"})


def guarded_ranking(text: str | None, intent: str | None, ranking: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The intent ranking to use instead of the classifier's, or ``None`` to keep it."""
    if message_problem(text):
        return [FALLBACK]
    if intent != INTENT_FIRM_START and opens_need_surely(text or ""):
        return _first(INTENT_FIRM_START, ranking)
    kept = ranking
    if intent == INTENT_START_OVER and not says_start_over(text or ""):
        kept = [r for r in ranking if r["name"] != INTENT_START_OVER] or [FALLBACK]
    if kept and kept[0]["name"] in OFF_TOPIC and not_english(text or ""):
        return [FALLBACK]  # the clarification says the assistant speaks English
    if kept and kept[0]["name"] in OFF_TOPIC and stated_preferences(text or "", date.today()):
        kept = _first(INTENT_INFORM, kept)
    return None if kept is ranking else kept


def _first(intent: str, ranking: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``ranking`` with ``intent`` first, at full confidence."""
    return [{"name": intent, "confidence": 1.0}, *(r for r in ranking if r["name"] != intent)]


def __getattr__(name: str) -> Any:
    if name == "MessageGuard":
        return _message_guard()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _message_guard() -> type:
    """Define and register the component class (imports Rasa; called by Rasa only)."""
    from rasa.engine.graph import ExecutionContext, GraphComponent
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe
    from rasa.engine.storage.resource import Resource
    from rasa.engine.storage.storage import ModelStorage
    from rasa.nlu.classifiers.classifier import IntentClassifier
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    class MessageGuard(GraphComponent, IntentClassifier):
        """Applies :func:`guarded_ranking` to every message."""

        @classmethod
        def required_components(cls) -> list[type]:
            return [IntentClassifier]

        @classmethod
        def create(
            cls,
            config: dict[str, Any],
            model_storage: ModelStorage,
            resource: Resource,
            execution_context: ExecutionContext,
        ) -> GraphComponent:
            return cls()

        def process(self, messages: list[Message]) -> list[Message]:
            for message in messages:
                ranking = message.get(INTENT_RANKING_KEY) or []
                intent = (message.get(INTENT) or {}).get("name")
                guarded = guarded_ranking(message.get(TEXT), intent, ranking)
                if guarded is not None:
                    message.data[INTENT], message.data[INTENT_RANKING_KEY] = guarded[0], guarded
            return messages

    MessageGuard.__module__ = __name__
    MessageGuard.__qualname__ = "MessageGuard"
    return DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)(
        MessageGuard
    )
