"""Settings from the environment: defaults, overrides, and a clear error for a value that cannot be used."""

from __future__ import annotations

import pytest

from skills_catalog import cli, settings
from skills_catalog.errors import SettingsError
from skills_catalog.settings import Settings


@pytest.fixture(autouse=True)
def no_dotenv(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own ``.env`` must not change what these tests read."""
    monkeypatch.setattr(settings, "read_dotenv", lambda _path: {})


def test_defaults_and_overrides() -> None:
    assert Settings.from_env({}).rasa_port == 5005
    assert Settings.from_env({}).encoder_runtime is None  # the recogniser's default
    chosen = Settings.from_env({"RASA_PORT": "6005", "WEB_PORT": "9090", "ENCODER_RUNTIME": "onnx"})
    assert (chosen.rasa_port, chosen.web_port, chosen.encoder_runtime) == (6005, 9090, "onnx")
    assert Settings.from_env({"ENCODER_RUNTIME": " ONNX-int8 "}).encoder_runtime == "onnx-int8"
    assert chosen.cors_origins == ("http://localhost:9090", "http://127.0.0.1:9090")


@pytest.mark.parametrize(
    ("environ", "message"),
    [({"RASA_PORT": "abc"}, "RASA_PORT='abc' is not a port number"),
     ({"ACTIONS_PORT": "70000"}, "ACTIONS_PORT='70000' is not a port number"),
     ({"WEB_PORT": "-1"}, "WEB_PORT='-1' is not a port number"),
     ({"RASA_PORT": "²"}, "RASA_PORT='²' is not a port number"),
     ({"ENCODER_RUNTIME": "int8"}, "ENCODER_RUNTIME='int8' is not one of onnx-int8, onnx, numpy")],
    ids=["letters", "too-high", "negative", "superscript", "runtime"],
)  # fmt: skip
def test_a_value_that_cannot_be_used_is_named(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(environ)


def test_the_command_line_reports_a_bad_setting_as_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ENCODER_RUNTIME", "gpu")
    assert cli.main(["stats"]) == 2
    assert "error: ENCODER_RUNTIME='gpu' is not one of" in capsys.readouterr().err
