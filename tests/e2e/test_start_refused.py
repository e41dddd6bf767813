"""A catalogue refused at start stops the start with its problems, instead of a stack called up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from launcher.stack import Stack
from tests.e2e.conftest import stack_settings

BAD_CATALOG = Path(__file__).parents[1] / "data" / "catalog_bad"


def test_a_broken_catalogue_at_start_is_reported_not_served(trained_model: Path, tmp_path: Path) -> None:
    # QA8: the launcher said "up in 2.1 s", then every answer got "something went wrong on my side"
    stack = Stack(replace(stack_settings(tmp_path), catalog_dir=BAD_CATALOG), trained_model, log_dir=tmp_path / "logs")
    try:
        with pytest.raises(RuntimeError, match=r"^engine warm-up failed: catalogue refused: .*skills-catalog validate"):
            stack.start_actions()
    finally:
        stack.stop()
