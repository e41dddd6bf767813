"""The outside world of the actions: one ``Engine``, the lead, needs and consent stores, alert sinks.

Nothing is loaded at import time (the action server imports every module of the package on
start); the first action that needs the catalogue builds the engine from
``Settings.from_env()``. Tests swap in their own with :func:`use`.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from skills_catalog.alerts import AlertSink, alert_sinks_from_env
from skills_catalog.engine import Engine
from skills_catalog.leads import LeadStore, open_lead_store
from skills_catalog.needs import NeedStore
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.privacy import ConsentStore, MemoryConsentStore, open_consent_store
from skills_catalog.settings import Settings

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_engine: Engine | None = None
_leads: LeadStore | None = None
_needs: NeedStore | None = None
_sinks: list[AlertSink] | None = None
_consents: ConsentStore | None = None


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


def needs() -> NeedStore:
    """The shared needs store on ``settings.needs_db_url``, built on first use (connects later)."""
    global _needs
    with _lock:
        if _needs is None:
            _needs = needs_store_from_url(Settings.from_env().needs_db_url)
        return _needs


def consents() -> ConsentStore:
    """The shared consent-record store on ``settings.needs_db_url``, built on first use."""
    global _consents
    with _lock:
        if _consents is None:
            _consents = open_consent_store(Settings.from_env().needs_db_url)
        return _consents


def alert_sinks() -> list[AlertSink]:
    """Where staff alerts go: Slack and/or Matrix from the environment, else the log."""
    global _sinks
    with _lock:
        if _sinks is None:
            _sinks = alert_sinks_from_env()
        return _sinks


def use(
    engine: Engine | None = None,
    leads: LeadStore | None = None,
    needs: NeedStore | None = None,
    sinks: list[AlertSink] | None = None,
    consents: ConsentStore | None = None,
) -> None:
    """Replace the shared services (tests; ``None`` resets to lazy building).

    When other services are swapped in without a consent store, an in-memory one is used, so
    a test never writes consent records into the configured database.
    """
    global _engine, _leads, _needs, _sinks, _consents
    swapped = any(service is not None for service in (engine, leads, needs, sinks))
    with _lock:
        _engine, _leads, _needs, _sinks = engine, leads, needs, sinks
        _consents = consents if consents is not None or not swapped else MemoryConsentStore()


def warm_up_in_action_server() -> None:
    """Build the engine in a background thread when this is the action server starting.

    Why: building it costs seconds (taxonomy, recogniser, catalogue), and lazily that cost hit
    the first person whose turn needed it. Only under ``python -m rasa_sdk`` (tests and tools
    importing ``actions`` stay free of it); ``ENGINE_WARM_UP=0`` turns it off.
    """
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is None or not spec.name.startswith("rasa_sdk") or os.environ.get("ENGINE_WARM_UP") == "0":
        return

    def build() -> None:
        try:
            engine()
            logger.info("engine warmed up")
        except Exception:  # noqa: BLE001 - the first action retries and reports the error
            logger.exception("engine warm-up failed")

    threading.Thread(target=build, name="engine-warm-up", daemon=True).start()


warm_up_in_action_server()
