"""`scripts/loadtest.py --quick` as CI runs it: our stack under a small concurrent load, 0 errors.

The full run (20 conversations, 300-turn conversation, the `rasa init` baseline) is `make load`;
this keeps the script itself working and catches errors under concurrency (a dropped reply,
the guard's apology, a turn past its deadline) in under two minutes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import loadtest


@pytest.mark.slow
def test_quick_load_has_no_errors_and_flat_latency(tmp_path: Path, trained_model: Path) -> None:
    figures = tmp_path / "load.json"
    assert loadtest.main(["--quick", "--json", str(figures)]) == 0
    (ours,) = json.loads(figures.read_text())
    assert ours["errors"] == 0 and ours["turns"] > 0
    assert ours["late_p95_ms"] <= 2 * ours["early_p95_ms"] + 100, "latency grows with conversation length"
