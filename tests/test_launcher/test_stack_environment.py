"""What the launcher's children read from their environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from launcher.stack import Stack
from skills_catalog.settings import Settings


def stack(tmp_path: Path, **extra: str) -> Stack:
    return Stack(Settings(cache_dir=tmp_path), tmp_path / "model.tar.gz", log_dir=tmp_path, extra_env=extra)


def test_children_use_one_blas_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    assert stack(tmp_path).environment()["OPENBLAS_NUM_THREADS"] == "1"


def test_a_blas_thread_count_set_by_the_operator_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    assert stack(tmp_path).environment()["OPENBLAS_NUM_THREADS"] == "4"
    assert stack(tmp_path, OPENBLAS_NUM_THREADS="2").environment()["OPENBLAS_NUM_THREADS"] == "2"
