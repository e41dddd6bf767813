"""A running assistant notices a changed catalogue (QA8: only a restart brought changes in)."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from skills_catalog.catalog_watch import CatalogWatch
from skills_catalog.engine import Engine, label_reader
from skills_catalog.errors import CatalogError, CatalogProblem
from skills_catalog.models import Catalog
from tests.test_skills_catalog.conftest import TODAY, FakeGazetteer, FakeRecognizer, make_catalog, s


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "partners.csv").write_text("a", encoding="utf-8")
    (tmp_path / "offers.csv").write_text("b", encoding="utf-8")
    return tmp_path


def _touch(path: Path, text: str = "changed") -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_change_is_seen_once_and_only_after_the_interval(folder: Path) -> None:
    clock = Clock()
    watch = CatalogWatch(folder, every_s=30, clock=clock)
    _touch(folder / "offers.csv")
    assert not watch.changed()  # too soon: no stat at all
    clock.now = 31
    assert watch.changed()
    clock.now = 62
    assert not watch.changed()  # the same change is not reported again


def test_other_files_beside_the_catalogue_change_nothing(folder: Path) -> None:
    clock = Clock()
    watch = CatalogWatch(folder, every_s=0, clock=clock)
    (folder / ".~lock.offers.csv#").write_text("x", encoding="utf-8")
    assert not watch.changed()


def _engine(taxonomy, folder: Path, loader) -> Engine:  # noqa: ANN001
    watch = CatalogWatch(folder, every_s=0)
    return Engine(
        taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), make_catalog(), today=lambda: TODAY,
        catalog_loader=loader, watch=watch,
    )  # fmt: skip


def _wait(condition, seconds: float = 5.0) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_changed_catalogue_is_reloaded_in_the_background(taxonomy, folder: Path) -> None:  # noqa: ANN001
    smaller = Catalog(make_catalog().partners, {"O4": make_catalog().offers["O4"]}, source="new")
    engine = _engine(taxonomy, folder, lambda path, tax, gaz: smaller)
    engine.refresh_catalog()
    assert engine.catalog is not smaller  # unchanged files: nothing loaded
    _touch(folder / "offers.csv")
    engine.refresh_catalog()
    assert _wait(lambda: engine.catalog is smaller)


def test_refused_change_is_logged_and_the_catalogue_in_use_stays(taxonomy, folder: Path, caplog) -> None:  # noqa: ANN001
    problem = CatalogProblem("offers.csv", 3, "mode", "unknown mode 'x'")
    calls = []

    def refuse(path, tax, gaz):  # noqa: ANN001, ANN202
        calls.append(path)
        raise CatalogError([problem])

    engine = _engine(taxonomy, folder, refuse)
    before = engine.catalog
    _touch(folder / "offers.csv")
    with caplog.at_level(logging.ERROR, logger="skills_catalog.engine"):
        engine.refresh_catalog()
        assert _wait(lambda: str(problem) in caplog.text)
    assert "the one in use stays in use" in caplog.text and engine.catalog is before
    engine.refresh_catalog()
    assert calls == [folder]  # not loaded again until the files change again


def test_labels_are_read_as_a_persons_typed_skills_are(taxonomy) -> None:  # noqa: ANN001
    read = label_reader(taxonomy, lambda: FakeRecognizer(taxonomy))
    assert list(read("PLC programming")) == [s("plc")] and list(read("basket weaving")) == []
