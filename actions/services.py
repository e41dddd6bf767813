"""The outside world of the actions: one ``Engine`` and one ``LeadStore``, built lazily.

Nothing is loaded at import time (the action server imports every module of the package on
start); the first action that needs the catalogue builds the engine from
``Settings.from_env()``. Tests swap in their own with :func:`use`.
"""

from __future__ import annotations

import logging
import threading

from skills_catalog.engine import Engine
from skills_catalog.leads import LeadStore, open_lead_store
from skills_catalog.settings import Settings

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_engine: Engine | None = None
_leads: LeadStore | None = None


def engine() -> Engine:
    """The shared engine (taxonomy, recogniser, gazetteer, catalogue), built on first use.

    Raises:
        SkillsCatalogError: the taxonomy or the catalogue cannot be loaded.
    """
    global _engine
    with _lock:
        if _engine is None:
            _engine = Engine.from_settings(Settings.from_env())
        return _engine


def leads() -> LeadStore:
    """The shared lead store on ``settings.needs_db_url``, built on first use."""
    global _leads
    with _lock:
        if _leads is None:
            _leads = open_lead_store(Settings.from_env().needs_db_url)
        return _leads


def use(engine: Engine | None = None, leads: LeadStore | None = None) -> None:
    """Replace the shared services (tests; ``None`` resets to lazy building)."""
    global _engine, _leads
    with _lock:
        _engine, _leads = engine, leads
