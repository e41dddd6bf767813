"""The linear intent classifier: trains on Rasa's sparse features, survives the model archive, ranks.

Real Rasa components (whitespace tokenizer, word and char n-gram CountVectorsFeaturizers) on a
tiny training set; the model storage is a temporary folder, as in `rasa train`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from connectors.intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "greet": ["hello", "hi there", "good morning", "hey"],
    "inform": ["I am a welder", "forklift driving", "Graz", "80 km", "up to 2000 euros", "CNC operator"],
    "goodbye": ["bye", "see you later", "goodbye for now", "that's all, bye"],
}


@pytest.fixture
def pipeline(tmp_path: Path):  # noqa: ANN201
    """Tokenizer and featurizers trained on EXAMPLES, and a function that featurises messages."""
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizers = [
        CountVectorsFeaturizer.create(
            {**CountVectorsFeaturizer.get_default_config(), **config}, storage, Resource(name), context
        )
        for name, config in [
            ("words", {}),
            ("chars", {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4}),
        ]
    ]
    data = TrainingData([Message.build(text, intent) for intent, texts in EXAMPLES.items() for text in texts])
    tokenizer.process_training_data(data)
    for featurizer in featurizers:
        featurizer.train(data)
        featurizer.process_training_data(data)

    def featurise(texts: list[str]) -> list[Message]:
        messages = [Message.build(text) for text in texts]
        tokenizer.process(messages)
        for featurizer in featurizers:
            featurizer.process(messages)
        return messages

    return storage, context, data, featurise


def trained(pipeline, **config) -> LinearIntentClassifier:  # noqa: ANN001
    storage, context, data, _ = pipeline
    resource = Resource("intents")
    LinearIntentClassifier.create(
        {**LinearIntentClassifier.get_default_config(), **config}, storage, resource, context
    ).train(data)
    return LinearIntentClassifier.load(
        {**LinearIntentClassifier.get_default_config(), **config}, storage, resource, context
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hello there", "greet"),
        ("bye bye", "goodbye"),
        ("I worked as a welder", "inform"),
        ("Leoben", "inform"),
    ],
    ids=["greet", "goodbye", "inform-sentence", "inform-unseen-place"],
)
def test_loaded_model_predicts_the_intent(pipeline, text: str, intent: str) -> None:  # noqa: ANN001
    message = trained(pipeline).process(pipeline[3]([text]))[0]
    assert message.get("intent")["name"] == intent


def test_ranking_is_sorted_probabilities_and_cut_to_its_length(pipeline) -> None:  # noqa: ANN001
    message = trained(pipeline, ranking_length=2).process(pipeline[3](["good morning"]))[0]
    ranking = message.get("intent_ranking")
    confidences = [item["confidence"] for item in ranking]
    assert len(ranking) == 2 and confidences == sorted(confidences, reverse=True)
    assert message.get("intent") == ranking[0] and 0 < sum(confidences) <= 1 + 1e-9


def test_lower_temperature_gives_sharper_confidences(pipeline) -> None:  # noqa: ANN001
    soft = trained(pipeline, temperature=1.0).process(pipeline[3](["hello"]))[0].get("intent")["confidence"]
    sharp = trained(pipeline, temperature=0.3).process(pipeline[3](["hello"]))[0].get("intent")["confidence"]
    assert sharp > soft


def test_message_without_features_gets_no_intent(pipeline) -> None:  # noqa: ANN001
    message = trained(pipeline).process([Message.build("")])[0]
    assert message.get("intent") == {"name": None, "confidence": 0.0}
    assert message.get("intent_ranking") == []


def test_model_is_stored_as_plain_arrays(pipeline) -> None:  # noqa: ANN001
    storage, _, _, _ = pipeline
    trained(pipeline)
    with storage.read_from(Resource("intents")) as directory:
        arrays = np.load(directory / "linear_intents.npz", allow_pickle=False)
        assert sorted(arrays["labels"]) == sorted(EXAMPLES)


def test_untrained_model_leaves_messages_alone(pipeline) -> None:  # noqa: ANN001
    storage, context, _, featurise = pipeline
    classifier = LinearIntentClassifier.load(
        LinearIntentClassifier.get_default_config(), storage, Resource("none"), context
    )
    assert classifier.process(featurise(["hello"]))[0].get("intent") is None


def test_prediction_equals_the_training_transform(pipeline) -> None:  # noqa: ANN001
    from connectors.intent_classifier import sentence_rows, softmax

    classifier = trained(pipeline)
    messages = pipeline[3](["hello hello there", "I am a welder in Graz", "bye"])
    expected = softmax(
        np.asarray(sentence_rows(messages, classifier.widths) @ classifier.weights) + classifier.biases,
        classifier.config["temperature"],
    )
    np.testing.assert_allclose(classifier.predict(messages), expected, rtol=1e-5, atol=1e-7)
