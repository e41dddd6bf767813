"""The encoder's six transformer blocks as one ONNX Runtime session (optional, much faster).

Why: the numpy forward pass spends ~15-25 ms of CPU on one chat line, 90 % of it in its 24
products of a few rows by a weight matrix: numpy's bundled OpenBLAS does not know this CPU and
uses its generic SSE3 kernels (see :mod:`embedding_blas`). It is not bound by reading the 42 MB
of weights, as we had thought: ONNX Runtime's MLAS kernels (AVX-512 here, chosen at run time)
do the same float32 products, weights packed once at load, in ~2.5-3 ms a chat line on one
core, and fuse bias + GELU and residual + layer norm.

With ``int8`` (the encoder's "onnx-int8" runtime; not the default) the weights are int8 in
blocks of 32 that share a scale; ONNX Runtime's ``MatMulNBits`` quantises the activations per
block of 32 too and multiplies in int8, with VNNI where the CPU has it: ~25 % faster again on
a chat line (~2 ms), 10.6 MB of weights instead of 42 (the process stays ~55 MB smaller), and
vectors within a cosine of 0.997 of the float32 ones (0.9996 on average over chat lines and
ESCO labels). It is not the default because `evaluate.py` loses one HOUSE sentence with it.
The plain dynamic quantisation that ``onnxruntime.quantization.quantize_dynamic`` produces, one
scale per activation tensor, gave only 0.967, and with SmoothQuant-style rescaling 0.977:
MiniLM's activations have outlier channels.

The graph is written here, from the same weights the numpy path reads (the model package ships
only safetensors), with the ``onnx`` package's helpers (~0.5 s); nothing is downloaded. Given a
path (the recogniser passes one under its ``cache_dir``), the graph is saved there once, its
weights in a file beside it, and every later start opens the session from that file: ONNX
Runtime then reads the weights straight into its packed form, and loading the encoder costs
~45 MB at its peak instead of ~300 MB (the graph's protobuf, its serialised bytes and the pages
of the safetensors map all held at once), and the process stays ~85 MB smaller. Token embeddings and
pooling stay in numpy (a table look-up and a mean), so the session maps the first layer norm's
output ``x (batch, tokens, 384)`` and an additive attention mask ``(batch, 1, 1, tokens)`` to
the last layer's token states.

When ``onnxruntime`` or ``onnx`` is not installed, :func:`onnx_blocks` returns ``None`` (warning
once) and :mod:`embedding` runs the blocks in numpy.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import logging
import math
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .embedding import Layer

logger = logging.getLogger(__name__)

_MS = "com.microsoft"  # ONNX Runtime's own operators (GELU)


class OnnxBlocks:
    """Callable ``(x, bias) -> states`` running the transformer blocks in one session."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def __call__(self, x: np.ndarray, bias: np.ndarray) -> np.ndarray:
        x = np.ascontiguousarray(x, dtype=np.float32)
        bias = np.ascontiguousarray(bias, dtype=np.float32)
        return self.session.run(None, {"x": x, "bias": bias})[0]  # type: ignore[no-any-return]


def onnx_blocks(
    layers: Iterable[Layer],
    heads: int,
    eps: float,
    threads: int = 1,
    int8: bool = False,
    saved: Path | None = None,
) -> OnnxBlocks | None:
    """A session running ``layers``, or ``None`` (with a warning) when ONNX Runtime is missing.

    ``int8`` stores the weights as int8 (see the module's docstring). ``threads`` is ONNX Runtime's intra-op thread count: one, because a chat line is too small to
    share out, and the services run on a few cores that other requests need. ``saved``: where
    the graph is kept between runs (see :func:`saved_graph`); when it is there, ``layers`` is
    not read at all.
    """
    try:
        import onnxruntime
        from onnx import helper  # noqa: F401  (checked here so a missing onnx falls back too)
    except ImportError as error:
        logger.warning(
            "%s is not installed: the sentence encoder runs in numpy (~5x slower per chat line; "
            "install the project's dependencies to get it)",
            error.name or "onnxruntime",
        )
        return None
    session = _open_saved(onnxruntime, saved, threads) if saved is not None else None
    if session is None:
        model = build_graph(layers, heads, eps, int8)
        if saved is not None and _save(model, saved):
            session = _open_saved(onnxruntime, saved, threads)
        if session is None:
            session = _session(onnxruntime, model, threads)
        del model
    _return_free_memory()
    return OnnxBlocks(session)


def saved_graph(cache_dir: Path, model: str, int8: bool) -> Path:
    """Where the graph of ``model`` (a name that changes with its weights) is kept in ``cache_dir``.

    The key includes this module's source, so a change to how the graph is written never meets
    a graph saved by older code.
    """
    try:
        source = Path(__file__).read_bytes()
    except OSError:  # pragma: no cover - installed without sources
        source = b""
    key = hashlib.sha1(b"|".join([model.encode(), b"int8" if int8 else b"float32", source])).hexdigest()[:16]
    return Path(cache_dir) / f"encoder-{key}.onnx"


def _open_saved(onnxruntime: Any, path: Path, threads: int) -> Any:
    """A session over the graph saved at ``path``; ``None`` when there is none or it is unreadable."""
    if not (path.is_file() and _weights_file(path).is_file()):
        return None
    try:
        return _session(onnxruntime, str(path), threads)
    except Exception:  # noqa: BLE001 - a truncated or foreign file must never stop a start
        logger.warning("ignoring unreadable encoder graph %s", path)
        return None


def _weights_file(path: Path) -> Path:
    return path.with_name(path.name + ".data")


def _save(model: bytes, path: Path) -> bool:
    """Write ``model`` to ``path``, its weights to a file beside it; atomic per file.

    The weights file is put in place first: a graph file only ever sits next to its weights.
    """
    from onnx import load_from_string, save_model

    weights = _weights_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=".encoder-", dir=path.parent))
    except OSError as exc:
        logger.warning("cannot write encoder graph %s: %s", path, exc)
        return False
    try:
        proto = load_from_string(model)
        save_model(
            proto,
            str(folder / path.name),
            save_as_external_data=True,
            all_tensors_to_one_file=True,
            location=weights.name,
            size_threshold=1024,
        )
        del proto
        os.replace(folder / weights.name, weights)
        os.replace(folder / path.name, path)
        return True
    except OSError as exc:
        logger.warning("cannot write encoder graph %s: %s", path, exc)
        return False
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _return_free_memory() -> None:
    """Hand the heap freed by building the graph (~30 MB of protobuf pieces) back to the system.

    Why: glibc keeps freed small blocks in its heap, so the process would stay that much larger
    for its whole life. Elsewhere than glibc this does nothing.
    """
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _session(onnxruntime: Any, model: bytes | str, threads: int) -> Any:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])


def build_graph(layers: Iterable[Layer], heads: int, eps: float, int8: bool = False) -> bytes:
    """The serialised ONNX model of the post-norm BERT blocks (float32 or int8 weights).

    Per block: three projections (query pre-scaled by 1/sqrt(head size), key, value), attention
    as two batched products with the additive mask, output projection, residual + layer norm,
    the feed-forward with the exact (erf) GELU the model was trained with, residual + layer norm.
    ONNX Runtime fuses bias + GELU and residual + layer norm when it loads the graph.
    """
    from onnx import TensorProto, helper

    graph = _Graph(int8)
    dim = 0
    x = "x"
    for layer in layers:
        if not dim:
            dim = layer.out.shape[0]
            size = dim // heads
            split = graph.const(np.array([0, 0, heads, size], np.int64))
            merge = graph.const(np.array([0, 0, dim], np.int64))
        wq, wk, wv = np.split(layer.qkv, 3, axis=1)
        bq, bk, bv = np.split(layer.qkv_bias, 3)
        scale = np.float32(1.0 / math.sqrt(size))

        def heads_of(w: np.ndarray, b: np.ndarray, perm: list[int], x: str = x, split: str = split) -> str:
            return graph.op("Transpose", graph.op("Reshape", graph.dense(x, w, b), split), perm=perm)

        q = heads_of(wq * scale, bq * scale, [0, 2, 1, 3])
        k = heads_of(wk, bk, [0, 2, 3, 1])
        v = heads_of(wv, bv, [0, 2, 1, 3])
        weights = graph.op("Softmax", graph.op("Add", graph.op("MatMul", q, k), "bias"), axis=-1)
        context = graph.op("Transpose", graph.op("MatMul", weights, v), perm=[0, 2, 1, 3])
        attended = graph.dense(graph.op("Reshape", context, merge), layer.out, layer.out_bias)
        x = graph.norm(graph.op("Add", x, attended), layer.norm1, eps)
        hidden = graph.op("Gelu", graph.dense(x, layer.up, layer.up_bias), domain=_MS)
        x = graph.norm(graph.op("Add", x, graph.dense(hidden, layer.down, layer.down_bias)), layer.norm2, eps)
    graph.nodes[-1].output[0] = "states"
    shape: list[str | int | None] = ["batch", "tokens", dim]
    model = helper.make_model(
        helper.make_graph(
            graph.nodes,
            "all-MiniLM-L6-v2-blocks",
            [
                helper.make_tensor_value_info("x", TensorProto.FLOAT, shape),
                helper.make_tensor_value_info("bias", TensorProto.FLOAT, ["batch", 1, 1, "tokens"]),
            ],
            [helper.make_tensor_value_info("states", TensorProto.FLOAT, shape)],
            graph.initializers,
        ),
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(_MS, 1)],
    )
    model.ir_version = 8  # readable by every onnxruntime release that knows opset 17
    return model.SerializeToString()  # type: ignore[no-any-return]


class _Graph:
    """Nodes and initialisers of a graph being written, with fresh names for every value."""

    def __init__(self, int8: bool = False) -> None:
        self.int8 = int8
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []
        self._count = 0

    def _name(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}_{self._count}"

    def const(self, value: np.ndarray) -> str:
        from onnx import numpy_helper

        name = self._name("w")
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, *inputs: str, domain: str = "", **attributes: Any) -> str:
        from onnx import helper

        out = self._name(kind.lower())
        self.nodes.append(helper.make_node(kind, list(inputs), [out], domain=domain, **attributes))
        return out

    def dense(self, x: str, w: np.ndarray, b: np.ndarray) -> str:
        if self.int8:
            return self._int8_dense(x, w, b)
        return self.op("Add", self.op("MatMul", x, self.const(w.astype(np.float32))), self.const(b))

    def _int8_dense(self, x: str, w: np.ndarray, b: np.ndarray, block: int = 32) -> str:
        """``x @ w + b`` with ``w`` as int8 in blocks of 32 rows, each with its own scale.

        ONNX Runtime's MatMulNBits with accuracy level 4 quantises ``x`` per block too and
        multiplies in int8 (VNNI where the CPU has it): a quarter of the weight bytes to read.
        """
        k, n = w.shape
        blocks = w.T.reshape(n, k // block, block)
        scale = np.maximum(np.abs(blocks).max(axis=2), 1e-12) / 127
        q = (np.clip(np.rint(blocks / scale[..., None]), -127, 127) + 128).astype(np.uint8)
        inputs = (x, self.const(q), self.const(scale.astype(np.float32).reshape(-1)), "", "", self.const(b))
        return self.op(
            "MatMulNBits", *inputs, domain=_MS, K=k, N=n, bits=8, block_size=block, accuracy_level=4
        )

    def norm(self, x: str, weights: tuple[np.ndarray, np.ndarray], eps: float) -> str:
        scale, shift = (self.const(w.astype(np.float32)) for w in weights)
        return self.op("LayerNormalization", x, scale, shift, axis=-1, epsilon=eps)


class OnnxProduct:
    """Callable ``queries -> queries @ matrix.T`` for a fixed float32 ``matrix`` held by a session."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def __call__(self, queries: np.ndarray) -> np.ndarray:
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        return self.session.run(None, {"queries": queries})[0]  # type: ignore[no-any-return]


def onnx_product(matrix: np.ndarray, threads: int = 1) -> OnnxProduct | None:
    """A session multiplying queries by ``matrix.T``, or ``None`` when ONNX Runtime is missing.

    Why: scoring a chat line's 3-5 vectors against full ESCO's 13.9k label vectors is a product
    of a few rows by a 21 MB matrix; numpy's OpenBLAS takes ~5-6.5 ms for it here, MLAS, with
    the matrix packed once, ~0.8-1 ms, with the same float32 result. Built in memory like this,
    the session holds ~2x the matrix (~75 MB for full ESCO's skills); :func:`saved_product`
    opens it from a file and holds only the packed copy (~25 MB).
    """
    try:
        import onnxruntime
        from onnx import helper  # noqa: F401  (needed to write the graph)
    except ImportError:
        return None
    session = _session(onnxruntime, _product_graph(matrix), threads)
    _return_free_memory()
    return OnnxProduct(session)


def product_path(cache_dir: Path, matrix: np.ndarray) -> Path:
    """Where :func:`saved_product` keeps the graph of ``matrix``: keyed on its bytes and this module."""
    digest = hashlib.sha1(np.ascontiguousarray(matrix).tobytes())
    with contextlib.suppress(OSError):
        digest.update(Path(__file__).read_bytes())
    return Path(cache_dir) / f"label-product-{digest.hexdigest()[:16]}.onnx"


def saved_product(matrix: np.ndarray, path: Path, threads: int = 1) -> OnnxProduct | None:
    """:func:`onnx_product` from a graph saved at ``path`` (written there first when missing).

    Why a file: ONNX Runtime then reads the matrix straight into its packed form, so the session
    costs ~25 MB for full ESCO's skills instead of ~75 MB. ``None`` when ONNX Runtime is missing
    or the file cannot be written.
    """
    try:
        import onnxruntime
        from onnx import helper  # noqa: F401  (needed to write the graph)
    except ImportError:
        return None
    session = _open_saved(onnxruntime, path, threads)
    if session is None:
        model = _product_graph(matrix)
        saved = _save(model, path)
        del model
        session = _open_saved(onnxruntime, path, threads) if saved else None
    _return_free_memory()
    return OnnxProduct(session) if session is not None else None


def _product_graph(matrix: np.ndarray) -> bytes:
    from onnx import TensorProto, helper

    graph = _Graph()
    transposed = graph.const(np.ascontiguousarray(np.asarray(matrix, np.float32).T))
    graph.nodes.append(helper.make_node("MatMul", ["queries", transposed], ["scores"]))
    rows, dim = matrix.shape
    model = helper.make_model(
        helper.make_graph(
            graph.nodes,
            "fixed-product",
            [helper.make_tensor_value_info("queries", TensorProto.FLOAT, ["queries", dim])],
            [helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["queries", rows])],
            graph.initializers,
        ),
        opset_imports=[helper.make_opsetid("", 17)],
    )
    model.ir_version = 8
    return model.SerializeToString()  # type: ignore[no-any-return]
