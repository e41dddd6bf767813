"""Cheap checks that keep the layout honest: the library stays free of Rasa, docs match the Makefile."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_skills_catalog_never_imports_rasa() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "skills_catalog").rglob("*.py")
        if re.search(r"^\s*(from|import)\s+rasa(_sdk)?\b", path.read_text(), re.MULTILINE)
    ]
    assert offenders == []


def test_readme_make_commands_exist_in_makefile() -> None:
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    used = set(re.findall(r"\bmake ([a-z-]+)", (ROOT / "README.md").read_text()))
    assert used, "the README shows no make command"
    assert used <= targets, f"README names make targets that do not exist: {used - targets}"


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_readme_documents_every_widget_option() -> None:
    script = (ROOT / "web" / "widget" / "cluster-chat.js").read_text()
    defaults = re.search(r"var DEFAULTS = \{(.*?)\};", script, re.DOTALL)
    assert defaults, "DEFAULTS not found in the widget script"
    options = set(re.findall(r"(\w+):", defaults.group(1)))
    readme = (ROOT / "README.md").read_text()
    assert {o for o in options if f"`{o}`" not in readme} == set()


def test_the_image_starts_modules_that_exist() -> None:
    """The Dockerfile and the Helm values start modules by name; a rename must not break a deploy."""
    import importlib.util
    import json

    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    entrypoint = json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", dockerfile, re.MULTILINE).group(1))  # type: ignore[union-attr]
    action_values = (ROOT / "deploy" / "helm" / "action-server-values.yml").read_text()
    action_command = json.loads(re.search(r"^command: (\[.*\])$", action_values, re.MULTILINE).group(1))  # type: ignore[union-attr]
    for command in (entrypoint, action_command):
        assert command[:2] == ["python", "-m"], command
        assert importlib.util.find_spec(command[2]) is not None, f"{command[2]} is not importable"
    assert entrypoint[2] == "launcher.rasa_server", "the image must serve Rasa with the measured speed-ups"
