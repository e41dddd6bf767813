"""A fast float32 matrix product for the encoder, working around OpenBLAS's CPU detection.

Why: the OpenBLAS builds bundled with our numpy (0.3.20) and scipy (0.3.18) wheels do not know
recent Intel Xeons (Sapphire/Emerald Rapids) and fall back to their oldest kernels
("Prescott", SSE3): a float32 product runs at ~15-20 GFLOP/s instead of ~110. OpenBLAS picks
its kernels once, when the library is loaded, and honours ``OPENBLAS_CORETYPE``. numpy's copy
is loaded before we run; scipy's is loaded lazily, so :func:`dense` sets the variable (only if
unset, and only to a core the CPU's flags support) before importing ``scipy.linalg`` and then
multiplies with scipy's ``sgemm``. When scipy's BLAS was already loaded by someone else, or the
variable names a slow core, products go through numpy; set ``OPENBLAS_CORETYPE=SkylakeX`` (or
``Haswell``) in the service's environment to make every numpy product in the process fast.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

#: Kernels worth using, and the CPU flags each needs (checked against /proc/cpuinfo).
_CORES = (("SkylakeX", {"avx512f", "avx512bw", "avx512vl", "avx512dq"}), ("Haswell", {"avx2", "fma"}))
_SLOW_CORES = {"prescott", "core2", "katmai", "coppermine", "northwood", "banias", "atom", "nehalem"}

#: Below this many rows (tokens in the batch) numpy's product is used, see :func:`_choose_by_rows`.
SMALL_ROWS = 16

Product = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="ignore")
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def _best_core() -> str | None:
    flags = _cpu_flags()
    return next((name for name, needs in _CORES if needs <= flags), None)


def _architectures() -> dict[str, str]:
    """Loaded OpenBLAS library file name -> kernel name (empty if threadpoolctl is missing)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # pragma: no cover - comes with scikit-learn
        return {}
    return {
        Path(i["filepath"]).name: str(i.get("architecture", ""))
        for i in threadpool_info()
        if i.get("internal_api") == "openblas"
    }


def _is_fast(architecture: str) -> bool:
    return bool(architecture) and architecture.lower() not in _SLOW_CORES


def _numpy_product(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    return a @ w


@lru_cache(maxsize=1)
def dense() -> Product:
    """``product(a, w) == a @ w`` for C-ordered float32 ``a (m, k)``, ``w (k, n)``, as fast as we can.

    Chosen once per process. scipy's ``sgemm`` gets the transposed (Fortran-ordered) views,
    computing ``(w.T @ a.T).T`` so no operand is copied.
    """
    sgemm = _fast_sgemm()
    return _numpy_product if sgemm is None else _choose_by_rows(sgemm)


def times_transposed(queries: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """``queries @ matrix.T`` for float32 ``queries (m, d)`` and C-ordered ``matrix (n, d)``.

    Why: scoring a chat line's 3-5 vectors against 13.9k label vectors. numpy's product runs
    its generic kernels here (~5-6.5 ms); scipy's AVX-512 ``sgemm`` takes ~2.3 ms, reading the
    matrix in place (its transpose is a Fortran-ordered view: no copy, no extra memory).
    """
    sgemm = _fast_sgemm()
    if sgemm is None or not matrix.flags.c_contiguous or matrix.dtype != np.float32:
        return queries @ matrix.T
    return np.ascontiguousarray(sgemm(1.0, np.asarray(queries, np.float32), matrix.T))


@lru_cache(maxsize=1)
def _fast_sgemm() -> Callable[..., np.ndarray] | None:
    """scipy's ``sgemm`` when its OpenBLAS runs fast kernels and numpy's does not; else ``None``."""
    numpy_fast = any(_is_fast(arch) for name, arch in _architectures().items() if "openblas64" in name)
    if numpy_fast:
        return None
    if "scipy.linalg" not in sys.modules and sys.platform.startswith("linux"):
        core = _best_core()
        if core and "OPENBLAS_CORETYPE" not in os.environ:
            os.environ["OPENBLAS_CORETYPE"] = core  # read by OpenBLAS when scipy loads it
    try:
        from scipy.linalg.blas import sgemm
    except ImportError:  # pragma: no cover - scipy comes with scikit-learn
        return None
    scipy_arch = next((arch for name, arch in _architectures().items() if "openblas64" not in name), "")
    if not _is_fast(scipy_arch):
        logger.info(
            "no fast BLAS kernel for this CPU (%s); set OPENBLAS_CORETYPE to speed up the encoder", scipy_arch
        )
        return None
    return sgemm  # type: ignore[no-any-return]


def _choose_by_rows(sgemm: Callable[..., np.ndarray]) -> Product:
    """scipy's fast kernels for batches, numpy for a few rows (one chat line).

    Why: with a handful of rows the product is bound by reading the weights (~7 MB a layer),
    and the AVX-512 kernels' packing of them costs more than the old kernels' plain loop
    (measured: 24 products of 5 rows, 16 ms with numpy, 27 ms with scipy's SkylakeX kernels).
    """

    def product(a: np.ndarray, w: np.ndarray) -> np.ndarray:
        if a.shape[0] < SMALL_ROWS:
            return a @ w
        return sgemm(1.0, w.T, a.T).T

    return product
