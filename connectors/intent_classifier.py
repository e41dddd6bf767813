"""``LinearIntentClassifier``: intents from the sparse n-gram features, without TensorFlow.

Why: DIETClassifier was ~23 % of the Rasa server's time per turn, its loader trains one dummy
epoch to build its weights (~44 % of Rasa's cold start), and it is the only reason the server
needs TensorFlow at all (docs/performance.md, "Conversation load"). Our intents are told apart
by words and word pieces — the CountVectorsFeaturizers' word and char n-grams and the
RegexFeaturizer's patterns already give every message those as one sparse row — so a linear
model over them does the job: trained with scikit-learn's multinomial logistic regression,
predicted with one sparse matrix product in numpy.

Confidences suit the FallbackClassifier: Rasa's own ``LogisticRegressionClassifier`` (raw counts,
strong regularisation, balanced classes) spreads probability over our ~40 intents, so answers
typed in the forms fell under the 0.5 threshold. Here each featurizer's block of the row is
L2-normalised (long and short messages weigh alike), regularisation is weak (``C``) and the
softmax is taken at a ``temperature``; both were chosen on the bot's own tests (held-out answers
in tests/data/in_form_answers.yml, the conversation stories) against DIET.

The trained model is plain numpy arrays in the model archive (no pickle): the weights, the
biases, the intent names and the width of each featurizer's block.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

MODEL_FILE = "linear_intents.npz"


def sentence_blocks(message: Message) -> list[scipy.sparse.spmatrix]:
    """The message's sentence-level sparse features of its text, one block per featurizer."""
    return [
        f.features for f in message.features if f.attribute == TEXT and f.is_sparse() and f.type == "sentence"
    ]


def matching_blocks(message: Message, widths: list[int]) -> list[scipy.sparse.spmatrix] | None:
    """The message's blocks when they have the widths seen in training; ``None`` (no text, so no
    features) otherwise."""
    blocks = sentence_blocks(message)
    return blocks if [b.shape[1] for b in blocks] == widths else None


def sentence_rows(messages: list[Message], widths: list[int]) -> scipy.sparse.csr_matrix:
    """One row per message: its sentence features, each featurizer's block L2-normalised.

    ``widths`` are the blocks' widths seen in training; a message whose blocks differ (no text,
    so no features) gives an empty row.
    """
    rows = []
    for message in messages:
        blocks = matching_blocks(message, widths)
        if blocks is None:
            rows.append(scipy.sparse.csr_matrix((1, sum(widths))))
            continue
        normed = []
        for block in blocks:
            block = scipy.sparse.csr_matrix(block, dtype=np.float64)
            norm = np.sqrt(block.multiply(block).sum())
            normed.append(block / norm if norm else block)
        rows.append(scipy.sparse.hstack(normed, format="csr"))
    return scipy.sparse.vstack(rows, format="csr")


def nonzero_entries(block: scipy.sparse.spmatrix) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of a one-row sparse matrix, duplicate entries summed."""
    coo = block.tocoo()
    columns, where = np.unique(coo.col, return_inverse=True)
    return columns, np.bincount(where, weights=coo.data, minlength=len(columns)).astype(np.float64)


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    """Row-wise softmax of scores / temperature."""
    scaled = scores / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """Multinomial logistic regression over the messages' sparse sentence features."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """``C``: inverse regularisation; ``temperature``: softmax sharpness (< 1 sharper);
        ``ranking_length``: intents kept in the ranking (the clarifying question shows the top 3)."""
        return {"C": 50.0, "temperature": 0.5, "ranking_length": 10, "max_iter": 1000}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        weights: np.ndarray | None = None,
        biases: np.ndarray | None = None,
        labels: list[str] | None = None,
        widths: list[int] | None = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage, self._resource = model_storage, resource
        self.weights, self.biases = weights, biases
        self.labels, self.widths = labels or [], widths or []

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit on every intent example with a text, then write the arrays to the model."""
        from sklearn.linear_model import LogisticRegression

        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("no intent examples: %s left untrained", type(self).__name__)
            return self._resource
        self.widths = [b.shape[1] for b in sentence_blocks(examples[0])]
        features = sentence_rows(examples, self.widths)
        model = LogisticRegression(C=self.config["C"], max_iter=self.config["max_iter"], random_state=42)
        model.fit(features, [e.get(INTENT) for e in examples])
        self.weights, self.biases = model.coef_.T.astype(np.float32), model.intercept_.astype(np.float32)
        self.labels = [str(label) for label in model.classes_]
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(
                directory / MODEL_FILE, weights=self.weights, biases=self.biases,
                labels=np.array(self.labels), widths=np.array(self.widths),
            )  # fmt: skip
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        """The trained arrays, or an untrained classifier when training saw no examples."""
        try:
            with model_storage.read_from(resource) as directory:
                arrays = np.load(directory / MODEL_FILE, allow_pickle=False)
                return cls(
                    config, model_storage, resource, weights=arrays["weights"], biases=arrays["biases"],
                    labels=[str(x) for x in arrays["labels"]], widths=[int(x) for x in arrays["widths"]],
                )  # fmt: skip
        except (ValueError, FileNotFoundError):
            logger.debug("no trained %s in the model: it will predict nothing", cls.__name__)
            return cls(config, model_storage, resource)

    def predict(self, messages: list[Message]) -> np.ndarray:
        """Probabilities, one row per message and one column per label.

        The same numbers as ``sentence_rows(messages) @ weights + biases``, computed block by
        block from the non-zero entries: building and stacking sparse matrices per message was
        most of this component's time per turn.
        """
        scores = np.tile(self.biases.astype(np.float64), (len(messages), 1))
        offsets = np.cumsum([0, *self.widths[:-1]])
        for row, message in enumerate(messages):
            blocks = matching_blocks(message, self.widths)
            if blocks is None:
                continue
            for block, offset in zip(blocks, offsets, strict=True):
                columns, values = nonzero_entries(block)
                norm = np.sqrt(values @ values)
                if norm:
                    scores[row] += (values / norm) @ self.weights[offset + columns]
        return softmax(scores, self.config["temperature"])

    def process(self, messages: list[Message]) -> list[Message]:
        """Set each message's intent and ranking; no intent for a message without features."""
        if self.weights is None or not messages:
            return messages
        probabilities = self.predict(messages)
        for message, row in zip(messages, probabilities, strict=True):
            if matching_blocks(message, self.widths) is None:
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                continue
            order = np.argsort(-row)[: self.config["ranking_length"]]
            ranking = [{"name": self.labels[i], "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
