"""The trained model, loaded once for the tests that ask it to understand messages."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="package")
def agent():  # noqa: ANN201
    from rasa.core.agent import Agent

    from launcher.training import ensure_model

    return Agent.load(str(ensure_model()))
