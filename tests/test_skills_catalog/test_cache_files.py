"""Cache files unused for a month are removed; the ones in use, and other programs' files, stay."""

from __future__ import annotations

import os
import time
from pathlib import Path

from skills_catalog.cache_files import STALE_AFTER_S, mark_used, prune
from skills_catalog.embedding import load_encoder
from skills_catalog.models import Taxonomy
from skills_catalog.recognition import Recognizer

from .test_recognition import OCCUPATIONS, SKILLS

LONG_AGO = time.time() - STALE_AFTER_S - 86400


def aged(path: Path, when: float = LONG_AGO) -> Path:
    path.write_bytes(b"x")
    os.utime(path, (when, when))
    return path


def test_only_our_stale_files_go(tmp_path: Path) -> None:
    stale = [
        aged(tmp_path / name)
        for name in (
            "recognizer-old.pickle",
            "encoder-old.onnx",
            "encoder-old.onnx.data",
            "label-product-old.onnx",
        )
    ]
    fresh = aged(tmp_path / "label-vectors-new.npy", time.time() - 3600)
    foreign = aged(tmp_path / "notes.txt")
    (tmp_path / "taxonomy-folder").mkdir()

    assert sorted(prune(tmp_path)) == sorted(stale)
    assert [p.name for p in sorted(tmp_path.iterdir())] == [
        "label-vectors-new.npy",
        "notes.txt",
        "taxonomy-folder",
    ]
    assert fresh.exists() and foreign.exists()


def test_a_file_marked_used_is_kept(tmp_path: Path) -> None:
    kept = aged(tmp_path / "taxonomy-abc.pickle")
    mark_used(kept, tmp_path / "missing-file")  # a vanished file is not an error
    assert prune(tmp_path) == []
    assert kept.exists()


def test_a_missing_cache_dir_prunes_nothing(tmp_path: Path) -> None:
    assert prune(tmp_path / "absent") == []


def test_a_build_keeps_what_it_reads_and_removes_the_rest(tmp_path: Path) -> None:
    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {o.uri: o for o in OCCUPATIONS}, "test")
    Recognizer.build(taxonomy, cache_dir=tmp_path)
    ours = sorted(tmp_path.iterdir())
    for path in ours:  # as if written long ago: the next build reads them, so they must stay
        os.utime(path, (LONG_AGO, LONG_AGO))
    leftover = aged(tmp_path / "recognizer-from-an-older-version.pickle")
    load_encoder.cache_clear()  # a new process: it opens the saved encoder graph again

    again = Recognizer.build(taxonomy, cache_dir=tmp_path)

    assert not leftover.exists()
    assert sorted(tmp_path.iterdir()) == ours
    assert again.skills("bit of Excel")[0].label == "use spreadsheets software"
