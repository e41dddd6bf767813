"""A Rasa server started through launcher/rasa_server.py loads our model without TensorFlow.

Each check runs in a fresh interpreter: the point is what gets imported, and this test process
may already have imported TensorFlow.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_deferred_module_is_imported_on_first_attribute_read() -> None:
    result = run_python(
        """
        import sys
        from connectors.speedups import _defer_import
        _defer_import("xml.dom.minidom")
        assert type(sys.modules["xml.dom.minidom"]).__name__ == "_DeferredModule"
        import xml.dom.minidom
        from xml.dom import minidom
        assert minidom.parseString("<a/>").documentElement.tagName == "a"
        assert type(sys.modules["xml.dom.minidom"]).__name__ == "module"
        assert xml.dom.minidom.parseString("<b/>").documentElement.tagName == "b"
        """
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.slow
def test_server_loads_and_parses_without_tensorflow() -> None:
    from launcher.training import ensure_model

    result = run_python(
        f"""
        import asyncio, sys
        from connectors.speedups import serve_without_tensorflow
        serve_without_tensorflow()
        import rasa.server
        from rasa.core.agent import Agent
        agent = Agent.load({str(ensure_model())!r})
        parsed = asyncio.run(agent.parse_message("hello"))
        assert parsed["intent"]["name"] == "greet", parsed
        assert "tensorflow" not in sys.modules
        import rasa.utils.train_utils as train_utils  # a TensorFlow component would still get it
        assert callable(train_utils.rank_and_mask)
        assert "tensorflow" in sys.modules
        """
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_event_lookup_by_type_name_finds_what_upstream_finds() -> None:
    result = run_python(
        """
        import pytest
        from rasa.shared.core.events import Event, SlotSet, UserUttered
        from rasa.shared.utils.common import all_subclasses
        from connectors.speedups import cache_event_type_lookup
        names = [cls.type_name for cls in all_subclasses(Event)]
        before = [Event.resolve_by_type(name) for name in names]
        cache_event_type_lookup()
        assert [Event.resolve_by_type(name) for name in names] == before
        assert Event.resolve_by_type("slot") is SlotSet and Event.resolve_by_type("user") is UserUttered
        assert Event.resolve_by_type("topic") is None
        assert Event.resolve_by_type("no such event", SlotSet) is SlotSet
        with pytest.raises(ValueError):
            Event.resolve_by_type("no such event")
        class Later(SlotSet):
            type_name = "later_event"
        assert Event.resolve_by_type("later_event") is Later
        assert Event.from_parameters({"event": "slot", "name": "a", "value": 1}) == SlotSet("a", 1)
        """
    )
    assert result.returncode == 0, result.stderr[-2000:]
