"""The encoder's six transformer blocks as one ONNX Runtime session (optional, much faster).

Why: the numpy forward pass spends ~15-25 ms of CPU on one chat line, 90 % of it in its 24
products of a few rows by a weight matrix: numpy's bundled OpenBLAS does not know this CPU and
uses its generic SSE3 kernels (see :mod:`embedding_blas`). It is not bound by reading the 42 MB
of weights, as we had thought: ONNX Runtime's MLAS kernels (AVX-512 here, chosen at run time)
do the same float32 products, weights packed once at load, in ~2.5-3 ms a chat line on one
core, and fuse bias + GELU and residual + layer norm.

With ``int8`` (the encoder's "onnx-int8" runtime, its default) each dense product is ONNX
Runtime's ``DynamicQuantizeMatMul``: weights int8 with a scale per column, the activations
rounded to uint8 with one scale per pass, integer products (VNNI where the CPU has it). One
scale per pass is what ``onnxruntime.quantization.quantize_dynamic`` does too, and alone it is
coarse (vectors at a mean cosine of 0.991 with float32, the least 0.962): MiniLM's layer norms
make a handful of channels ~10x larger than the rest, and they would set the scale. So those
channels (:data:`OUTLIER_CHANNELS`, found by :data:`CALIBRATION`) are zeroed before rounding
and their share of the product is added in float32; chat lines then come within a mean cosine
of 0.9993 of float32 (the least 0.996). On this project's AMD EPYC (AVX-512 VNNI) a 12-token
pass takes ~1.4-1.6 ms against ~2.5 for float32 and ~2.5-3 for the int8 ``MatMulNBits``
(weights in blocks of 32 with a scale each) used until 2026-12-06, whose kernel ran barely
faster than float32 there; 10.6 MB of weights instead of 42. See docs/recognition.md,
"Fourth night".

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

Label scoring (:class:`recognition_semantic.CoarseScores`) uses two small sessions built in
memory: :func:`int8_bounds` (every label as int8: bounds on each one's cosine with a chat
line's vectors, and the shortlist's threshold) and :func:`row_product` (the exact float32
cosines of the few labels those bounds leave).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import hashlib
import logging
import math
import os
import platform
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from .cache_files import mark_used

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
    peaks: Callable[[], Sequence[Peaks]] | None = None,
) -> OnnxBlocks | None:
    """A session running ``layers``, or ``None`` (with a warning) when ONNX Runtime is missing.

    ``int8`` stores the weights as int8 (see the module's docstring); ``peaks`` then gives each
    layer's :data:`Peaks` (called only when the graph is built; without it no input channel is
    kept in float32). ``threads`` is ONNX Runtime's intra-op thread count: one, because a chat line is too small to
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
        model = build_graph(layers, heads, eps, int8, peaks() if int8 and peaks else None)
        if saved is not None and _save(model, saved):
            session = _open_saved(onnxruntime, saved, threads)
        if session is None:
            session = _session(onnxruntime, model, threads)
        del model
    return_free_memory()
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
    kind = f"int8-{weight_levels()}".encode() if int8 else b"float32"
    key = hashlib.sha1(b"|".join([model.encode(), kind, source])).hexdigest()[:16]
    return Path(cache_dir) / f"encoder-{key}.onnx"


@functools.cache
def weight_levels() -> int:
    """Largest magnitude of the encoder's int8 weights: 127, or 63 (7 bits) on an x86 CPU
    without VNNI, as ONNX Runtime's ``reduce_range`` advises.

    Why: without VNNI, x86 multiplies uint8 by int8 with ``vpmaddubsw``, which sums two
    products in int16 and saturates with full 8-bit weights (2 * 255 * 127 > 2**15). Seen on an
    AVX2 EPYC: chat lines at a mean cosine of 0.9973 with float32 (the least 0.982) with 8-bit
    weights, 0.9986 (0.9929) with 7; an AVX-512 VNNI EPYC gave 0.9993 (0.9955) with 8.
    """
    if platform.machine().lower() not in {"x86_64", "amd64", "i386", "i686", "x86"}:
        return 127  # ARM's integer dot products do not saturate
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: nothing tells, so the safe range
        return 63
    return 127 if re.search(r"\b(?:avx512_vnni|avx_vnni|amx_int8)\b", flags) else 63


def _open_saved(onnxruntime: Any, path: Path, threads: int) -> Any:
    """A session over the graph saved at ``path``; ``None`` when there is none or it is unreadable."""
    if not (path.is_file() and _weights_file(path).is_file()):
        return None
    try:
        session = _session(onnxruntime, str(path), threads)
    except Exception:  # noqa: BLE001 - a truncated or foreign file must never stop a start
        logger.warning("ignoring unreadable encoder graph %s", path)
        return None
    mark_used(path, _weights_file(path))
    return session


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


def return_free_memory() -> None:
    """Hand the heap freed by building the graph (~30 MB of protobuf pieces) back to the system.

    Why: glibc keeps freed small blocks in its heap, so the process would stay that much larger
    for its whole life. Elsewhere than glibc this does nothing.
    """
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _session(
    onnxruntime: Any, model: bytes | str, threads: int, shared: dict[str, Any] | None = None
) -> Any:
    """A CPU session with ``threads`` intra-op threads; ``shared``: OrtValues that stand for
    the graph's :meth:`_Graph.shared` constants (they must outlive the session)."""
    options = onnxruntime.SessionOptions()
    for name, value in (shared or {}).items():
        options.add_initializer(name, value)
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])


#: Per layer, the largest magnitude seen on each input channel of its four dense products
#: (``qkv``, ``out``, ``up``, ``down``) over the calibration sentences of :mod:`embedding`.
Peaks = dict[str, np.ndarray]
#: What the int8 graph's :data:`Peaks` are measured on: lines of the kinds the encoder reads
#: (work told in chat, chat, questions, terse labels, numbers and punctuation). Which channels
#: peak is a property of the model: ~200 lines of ``data/lexicon/talk.csv`` pick the same ones.
CALIBRATION = (
    "I fix the machines on the production line when they break down",
    "did TIG welding for 5 yrs, some PLC programming too",
    "hi, my name is Sam and I'm looking for a course near Graz",
    "Worked 12 years as a forklift driver in a cold store.",
    "I look after elderly residents: washing, meals, medication rounds",
    "bookkeeping, payroll and VAT returns for small firms",
    "is the course free? when does it start??",
    "maintain robotic equipment",
    "use spreadsheets software",
    "I'm not sure... maybe something with computers or solar panels!",
    "customer service at a call centre, 40 calls a day",
    "installed heat pumps and PV systems on houses (2019-2023)",
    "I teach kids to swim on Saturdays",
    "thanks, see you tomorrow :)",
    "we build timber frames, roofs and do the plastering ourselves",
    "Python, SQL, Excel, Power BI",
)
#: How many input channels of each kind of product the int8 graph keeps in float32: the ones
#: with the largest peaks. Chosen on the vectors of chat lines against numpy's float32 (mean
#: cosine 0.9993, least 0.9955; none kept: 0.9906 and 0.962), a pass taking ~1.4 ms where
#: float32 weights take ~2.5 and MatMulNBits' int8 ~2.5-3 on this project's AMD EPYC.
OUTLIER_CHANNELS = {"qkv": 4, "out": 0, "up": 8, "down": 4}


def _outliers(peaks: Peaks | None, kind: str) -> np.ndarray | None:
    """The input channels of one product to keep in float32 (``None`` without peaks)."""
    if peaks is None:
        return None
    return np.sort(np.argsort(-peaks[kind], kind="stable")[: OUTLIER_CHANNELS[kind]])


def build_graph(
    layers: Iterable[Layer], heads: int, eps: float, int8: bool = False, peaks: Sequence[Peaks] | None = None
) -> bytes:
    """The serialised ONNX model of the post-norm BERT blocks (float32 or int8 weights).

    Per block: the query, key and value projections as one product (the query pre-scaled by
    1/sqrt(head size)), attention as two batched products with the additive mask, output
    projection, residual + layer norm, the feed-forward with the exact (erf) GELU the model was
    trained with, residual + layer norm. ONNX Runtime fuses bias + GELU and residual + layer
    norm when it loads the graph. ``peaks``: per layer, see :data:`Peaks` (int8 only).
    """
    from onnx import TensorProto, helper

    graph = _Graph(int8)
    dim = 0
    x = "x"
    for number, layer in enumerate(layers):
        if not dim:
            dim = layer.out.shape[0]
            size = dim // heads
            split = graph.const(np.array([0, 0, heads, size], np.int64))
            merge = graph.const(np.array([0, 0, dim], np.int64))
        peak = peaks[number] if peaks is not None else None
        scale = np.ones(3 * dim, np.float32)
        scale[:dim] = 1.0 / math.sqrt(size)
        qkv = graph.dense(x, layer.qkv * scale, layer.qkv_bias * scale, _outliers(peak, "qkv"))
        q, k, v = (graph.op("Reshape", part, split) for part in graph.split(qkv, [dim] * 3))
        q = graph.op("Transpose", q, perm=[0, 2, 1, 3])
        k = graph.op("Transpose", k, perm=[0, 2, 3, 1])
        v = graph.op("Transpose", v, perm=[0, 2, 1, 3])
        weights = graph.op("Softmax", graph.op("Add", graph.op("MatMul", q, k), "bias"), axis=-1)
        context = graph.op("Transpose", graph.op("MatMul", weights, v), perm=[0, 2, 1, 3])
        attended = graph.dense(
            graph.op("Reshape", context, merge), layer.out, layer.out_bias, _outliers(peak, "out")
        )
        x = graph.norm(graph.op("Add", x, attended), layer.norm1, eps)
        up = graph.dense(x, layer.up, layer.up_bias, _outliers(peak, "up"))
        hidden = graph.op("Gelu", up, domain=_MS)
        down = graph.dense(hidden, layer.down, layer.down_bias, _outliers(peak, "down"))
        x = graph.norm(graph.op("Add", x, down), layer.norm2, eps)
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
        self.values: dict[str, np.ndarray] = {}  # of the shared constants
        self._count = 0

    def _name(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}_{self._count}"

    def shared(self, value: np.ndarray) -> str:
        """A constant ONNX Runtime reads from ``value`` itself (:func:`_session`'s ``shared``):
        the graph declares it as external data and holds no copy.

        Why: a constant in the graph is copied into its protobuf, into the serialised bytes and
        into the session, ~4 copies at once while the session is built (full ESCO's int8
        labels: ~10 MB each, which put the served process's peak over 300 MB).
        """
        from onnx import TensorProto, helper

        name = self._name("shared")
        tensor = TensorProto(
            name=name,
            data_type=helper.np_dtype_to_tensor_dtype(value.dtype),
            dims=value.shape,
            data_location=TensorProto.EXTERNAL,
        )
        tensor.external_data.add(key="location", value="(given to the session)")
        self.initializers.append(tensor)
        self.values[name] = value
        return name

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

    def split(self, x: str, sizes: list[int]) -> list[str]:
        """``x`` cut along its last axis into parts of ``sizes``."""
        from onnx import helper

        outs = [self._name("split") for _ in sizes]
        self.nodes.append(helper.make_node("Split", [x, self.const(np.array(sizes, np.int64))], outs, axis=-1))
        return outs

    def dense(self, x: str, w: np.ndarray, b: np.ndarray, outliers: np.ndarray | None = None) -> str:
        """``x @ w + b``; int8: see :meth:`_int8_dense` (``outliers``: its float32 channels)."""
        if self.int8:
            return self._int8_dense(x, w, b, np.zeros(0, np.int64) if outliers is None else outliers)
        return self.op("Add", self.op("MatMul", x, self.const(w.astype(np.float32))), self.const(b))

    def _int8_dense(self, x: str, w: np.ndarray, b: np.ndarray, outliers: np.ndarray) -> str:
        """``x @ w + b`` in 8-bit integers, but for the ``outliers`` input channels.

        ONNX Runtime's DynamicQuantizeMatMul rounds ``x`` to uint8 with one scale for the whole
        pass and ``w`` to int8 with one scale per column, and multiplies in integers. One scale
        for all of ``x`` is coarse where a few channels are far larger than the rest (MiniLM's
        layer norms make a handful ~10x the others): those channels are zeroed in ``x`` and
        their products added in float32 instead, so the others are rounded finely.
        """
        w = np.array(w, np.float32)
        extra = None
        if len(outliers):
            keep = np.ones(len(w), np.float32)
            keep[outliers] = 0.0
            picked = self.op("Gather", x, self.const(outliers.astype(np.int64)), axis=-1)
            extra = self.op("MatMul", picked, self.const(w[outliers]))
            x = self.op("Mul", x, self.const(keep))
            w[outliers] = 0.0
        levels = weight_levels()
        scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / levels
        codes = np.clip(np.rint(w / scale), -levels, levels).astype(np.int8)
        inputs = (x, self.const(codes), self.const(scale.astype(np.float32)), "", self.const(b.astype(np.float32)))
        product = self.op("DynamicQuantizeMatMul", *inputs, domain=_MS)
        return self.op("Add", product, extra) if extra is not None else product

    def norm(self, x: str, weights: tuple[np.ndarray, np.ndarray], eps: float) -> str:
        scale, shift = (self.const(w.astype(np.float32)) for w in weights)
        return self.op("LayerNormalization", x, scale, shift, axis=-1, epsilon=eps)


#: Largest magnitude of a quantised label component in :func:`int8_bounds`: 7 bits, because x86's
#: 8-bit product (``vpmaddubsw``: two uint8 x int8 products summed in int16, AVX2 and AVX-512
#: without VNNI) saturates with full 8-bit weights, and 2 * 255 * 63 < 2**15 never does.
INT8_LEVELS = 63


class Bounds(NamedTuple):
    """What :class:`Int8Bounds` gives for some queries."""

    upper: np.ndarray
    threshold: float
    norm: float
    #: ``upper[j] - errors[j] - margin`` is the approximate best cosine of column ``j``, and
    #: ``upper[j] - 2 * (errors[j] + margin)`` a lower bound of its exact best
    margin: float


class Int8Bounds:
    """Callable ``(queries, count) -> Bounds(upper, threshold, norm, margin)`` over a fixed
    int8 matrix.

    For unit float32 query rows ``q`` (``(rows, d)``) and the matrix's columns ``v'_j`` (int8
    codes times a scale each, standing for vectors ``v_j`` with ``|v_j - v'_j| <= errors_j``):

    - ``upper[j]``: at least ``max_i q_i . v_j`` (the queries are rounded to int8 too, with one
      scale per row; the integer products are exact; the bound adds ``errors_j`` and
      ``largest_norm * max_i |q_i - q'_i| + slack``),
    - ``threshold``: at most the ``count``-th highest ``max_i q_i . v_j`` among the first
      ``labels`` columns (the ``count``-th highest lower bound, the same terms subtracted),
    - ``norm``: the largest ``|q_i|^2``; the bounds hold for ``|q_i| <= 1 + 1e-5`` only,
    - ``margin``: ``largest_norm * max_i |q_i - q'_i| + slack``, the part of each bound the
      queries' rounding adds.

    So every column whose exact best could be among the ``count`` highest has ``upper >= threshold``.
    """

    def __init__(self, session: Any, shared: object = None) -> None:
        self.session = session
        self._shared = shared  # the session reads these arrays: they live as long as it does

    def __call__(self, queries: np.ndarray, count: int) -> Bounds:
        feeds = {"queries": np.ascontiguousarray(queries, np.float32), "count": np.array([count], np.int64)}
        upper, threshold, norm, margin = self.session.run(None, feeds)
        return Bounds(upper, float(threshold), float(norm), float(margin))


def int8_bounds(
    matrix: np.ndarray,
    scales: np.ndarray,
    errors: np.ndarray,
    labels: int,
    largest_norm: float,
    slack: float = 1e-4,
    threads: int = 1,
) -> Int8Bounds | None:
    """An :class:`Int8Bounds` session; ``None`` when ONNX Runtime is missing.

    ``matrix``: int8 ``(columns, d)`` within +-:data:`INT8_LEVELS`, ``scales`` its column
    scales, ``errors`` per column an upper bound on ``|v - v'|`` for a query of norm up to
    ``1 + 1e-5``, ``labels`` how many leading columns compete for the shortlist,
    ``largest_norm`` the largest ``|v'|``, ``slack`` added for float32 rounding.

    Why one graph: a chat line's 3-5 vectors against full ESCO's 13.9k labels read 5.5 MB here
    instead of the float32 matrix's 21 MB (~0.3-0.7 ms instead of ~1.5-2), and rounding the
    queries, the reduction over rows and the shortlist's threshold (``TopK``) happen in the same
    call, which matters because the encoder has just pushed everything out of the CPU's cache
    (a dozen small numpy steps cost ~0.3 ms then). Built in memory: the matrix is small enough.
    """
    try:
        import onnxruntime
        from onnx import TensorProto, helper
    except ImportError:
        return None
    columns, dim = matrix.shape
    graph = _Graph()
    const = graph.const
    op = graph.op
    f32 = np.float32
    weights = graph.shared(np.ascontiguousarray(np.asarray(matrix, np.int8).T))
    row_scale = op(
        "Div", op("ReduceMax", op("Abs", "queries"), axes=[1], keepdims=1), const(np.array(127, f32))
    )
    row_scale = op("Max", row_scale, const(np.array(1e-30, f32)))  # an all-zero row
    codes = op("Round", op("Div", "queries", row_scale))
    rest = op("Sub", "queries", op("Mul", codes, row_scale))
    query_error = op("ReduceMax", op("ReduceL2", rest, axes=[1], keepdims=0), keepdims=0)
    margin = op(
        "Add", op("Mul", query_error, const(np.array(largest_norm, f32))), const(np.array(slack, f32))
    )
    unsigned = op("Cast", op("Add", codes, const(np.array(128, f32))), to=TensorProto.UINT8)
    products = op("MatMulInteger", unsigned, weights, const(np.array(128, np.uint8)))
    best = op(
        "ReduceMax", op("Mul", op("Cast", products, to=TensorProto.FLOAT), row_scale), axes=[0], keepdims=0
    )
    approx = op("Mul", best, const(np.ascontiguousarray(scales, f32).reshape(columns)))
    spread = const(np.ascontiguousarray(errors, f32).reshape(columns))
    graph.nodes.append(helper.make_node("Add", [op("Add", approx, spread), margin], ["upper"]))
    graph.nodes.append(helper.make_node("Identity", [margin], ["margin"]))
    starts, ends = const(np.array([0], np.int64)), const(np.array([labels], np.int64))
    lower = op("Sub", op("Slice", approx, starts, ends), op("Slice", spread, starts, ends))
    top = graph._name("topk")
    graph.nodes.append(helper.make_node("TopK", [lower, "count"], [top, graph._name("where")], axis=0))
    graph.nodes.append(helper.make_node("Sub", [op("ReduceMin", top, keepdims=0), margin], ["threshold"]))
    squares = op("ReduceSumSquare", "queries", axes=[1], keepdims=0)
    graph.nodes.append(helper.make_node("ReduceMax", [squares], ["norm"], keepdims=0))
    model = helper.make_model(
        helper.make_graph(
            graph.nodes,
            "int8-bounds",
            [
                helper.make_tensor_value_info("queries", TensorProto.FLOAT, ["rows", dim]),
                helper.make_tensor_value_info("count", TensorProto.INT64, [1]),
            ],
            [
                helper.make_tensor_value_info("upper", TensorProto.FLOAT, [columns]),
                helper.make_tensor_value_info("threshold", TensorProto.FLOAT, []),
                helper.make_tensor_value_info("norm", TensorProto.FLOAT, []),
                helper.make_tensor_value_info("margin", TensorProto.FLOAT, []),
            ],
            graph.initializers,
        ),
        opset_imports=[helper.make_opsetid("", 17)],
    )
    model.ir_version = 8
    shared = {name: onnxruntime.OrtValue.ortvalue_from_numpy(value) for name, value in graph.values.items()}
    session = _session(onnxruntime, model.SerializeToString(), threads, shared)
    del model
    return_free_memory()
    return Int8Bounds(session, (graph.values, shared))


class RowProduct:
    """Callable ``(queries, rows) -> queries @ matrix[rows].T`` in float32, for a float16 or
    float32 ``matrix`` that stays in numpy (handed to the session at each call, not copied)."""

    def __init__(self, session: Any, matrix: np.ndarray) -> None:
        self.session = session
        self.matrix = matrix

    def __call__(self, queries: np.ndarray, rows: np.ndarray) -> np.ndarray:
        feeds = {
            "queries": np.ascontiguousarray(queries, np.float32),
            "rows": np.asarray(rows, np.int64),
            "matrix": self.matrix,
        }
        return self.session.run(None, feeds)[0]  # type: ignore[no-any-return]


def row_product(matrix: np.ndarray, threads: int = 1) -> RowProduct | None:
    """A :class:`RowProduct` over ``matrix`` (C-ordered float16 or float32); ``None`` without
    ONNX Runtime.

    Why: scoring ~50-150 rows of the float16 label matrix exactly; in numpy, converting the
    rows to float32 alone costs ~0.1 ms (numpy 1.23 converts float16 one value at a time),
    ONNX Runtime gathers, converts (F16C) and multiplies them in ~0.03 ms.
    """
    try:
        import onnxruntime
        from onnx import TensorProto, helper
    except ImportError:
        return None
    matrix = np.ascontiguousarray(matrix)
    kind = {np.dtype(np.float16): TensorProto.FLOAT16, np.dtype(np.float32): TensorProto.FLOAT}[matrix.dtype]
    nodes = [helper.make_node("Gather", ["matrix", "rows"], ["picked"], axis=0)]
    if kind == TensorProto.FLOAT16:
        nodes.append(helper.make_node("Cast", ["picked"], ["real"], to=TensorProto.FLOAT))
    nodes.append(helper.make_node("Gemm", ["queries", nodes[-1].output[0]], ["products"], transB=1))
    dim = matrix.shape[1]
    model = helper.make_model(
        helper.make_graph(
            nodes,
            "row-product",
            [
                helper.make_tensor_value_info("queries", TensorProto.FLOAT, ["queries", dim]),
                helper.make_tensor_value_info("rows", TensorProto.INT64, ["rows"]),
                helper.make_tensor_value_info("matrix", kind, ["all", dim]),
            ],
            [helper.make_tensor_value_info("products", TensorProto.FLOAT, ["queries", "rows"])],
        ),
        opset_imports=[helper.make_opsetid("", 17)],
    )
    model.ir_version = 8
    return RowProduct(_session(onnxruntime, model.SerializeToString(), threads), matrix)
