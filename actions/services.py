"""The outside world of the actions: one ``Engine``, the lead, needs, consent and conversation
stores, alert sinks.

Nothing is loaded at import time (the action server imports every module of the package on
start); the first action that needs the catalogue builds the engine from
``Settings.from_env()``. Tests swap in their own with :func:`use`.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any, cast

from skills_catalog.alert_outbox import AlertOutbox, MemoryAlertOutbox, open_alert_outbox
from skills_catalog.alerts import AlertSender, AlertSink, alert_sinks_from_env, retry_in_background
from skills_catalog.conversations import ConversationStore, MemoryConversationStore, open_conversation_store
from skills_catalog.engine import Engine
from skills_catalog.errors import CatalogError
from skills_catalog.leads import LeadStore, open_lead_store
from skills_catalog.needs import NeedStore
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.privacy import ConsentStore, MemoryConsentStore, open_consent_store
from skills_catalog.settings import Settings

logger = logging.getLogger(__name__)

_lock = threading.RLock()
_built: dict[str, Any] = {}  # service name -> the shared instance; absent until first use


def _shared(name: str, build: Callable[[], Any]) -> Any:
    """The shared service ``name``, built by ``build`` on first use (one builder at a time)."""
    with _lock:
        if _built.get(name) is None:
            _built[name] = build()
        return _built[name]


def engine() -> Engine:
    """The shared engine (taxonomy, recogniser, gazetteer, catalogue), built on first use.

    Each use lets it notice a changed catalogue (``Engine.refresh_catalog``: a look at the files
    at most every 30 s, the reload in the background), so an edited catalogue reaches the
    running assistant without a restart.

    Raises:
        SkillsCatalogError: the taxonomy or the catalogue cannot be loaded.
    """
    shared = cast(Engine, _shared("engine", lambda: Engine.from_settings(Settings.from_env())))
    shared.refresh_catalog()
    return shared


def leads() -> LeadStore:
    """The shared lead store on ``settings.needs_db_url``, built on first use."""
    return cast(LeadStore, _shared("leads", lambda: open_lead_store(Settings.from_env().needs_db_url)))


def needs() -> NeedStore:
    """The shared needs store on ``settings.needs_db_url``, built on first use (connects later)."""
    return cast(NeedStore, _shared("needs", lambda: needs_store_from_url(Settings.from_env().needs_db_url)))


def consents() -> ConsentStore:
    """The shared consent-record store on ``settings.needs_db_url``, built on first use."""
    return cast(
        ConsentStore, _shared("consents", lambda: open_consent_store(Settings.from_env().needs_db_url))
    )


def conversations() -> ConversationStore:
    """Rasa's conversation history on ``settings.tracker_db_url``, built on first use: "forget
    me" erases there the other conversations a firm's needs came from."""
    return cast(
        ConversationStore,
        _shared("conversations", lambda: open_conversation_store(Settings.from_env().tracker_db_url)),
    )


def alert_sinks() -> list[AlertSink]:
    """Where staff alerts go: Slack and/or Matrix from the environment, else the log."""
    return cast("list[AlertSink]", _shared("sinks", alert_sinks_from_env))


def alert_outbox() -> AlertOutbox:
    """Where alerts a chat service refused wait: a table beside the needs (``needs_db_url``)."""
    return cast(AlertOutbox, _shared("outbox", lambda: open_alert_outbox(Settings.from_env().needs_db_url)))


def alert_sender() -> AlertSender:
    """Posts staff alerts to the sinks through the outbox, built on first use."""
    return cast(AlertSender, _shared("sender", lambda: AlertSender(alert_sinks(), alert_outbox())))


def use(
    engine: Engine | None = None,
    leads: LeadStore | None = None,
    needs: NeedStore | None = None,
    sinks: list[AlertSink] | None = None,
    consents: ConsentStore | None = None,
    conversations: ConversationStore | None = None,
    outbox: AlertOutbox | None = None,
) -> None:
    """Replace the shared services (tests; ``None`` resets to lazy building).

    When other services are swapped in without a consent or conversation store or an alert
    outbox, in-memory ones are used, so a test never writes into the configured databases.
    """
    swapped = any(service is not None for service in (engine, leads, needs, sinks))
    if consents is None and swapped:
        consents = MemoryConsentStore()
    if conversations is None and swapped:
        conversations = MemoryConversationStore()
    if outbox is None and swapped:
        outbox = MemoryAlertOutbox()
    with _lock:
        _built.clear()
        _built.update(
            engine=engine,
            leads=leads,
            needs=needs,
            sinks=sinks,
            consents=consents,
            conversations=conversations,
            outbox=outbox,
            sender=None,
        )


def warm_up_in_action_server() -> None:
    """Build the engine and its recogniser in a background thread when this is the action
    server starting.

    Why: building them costs seconds (taxonomy, catalogue; the recogniser, which the engine
    builds on first use, ~15 s on a cold cache), and lazily that cost hit the first person whose
    turn needed it, past the guard's deadline on a slow machine. Only under ``python -m rasa_sdk``
    (tests and tools importing ``actions`` stay free of it); ``ENGINE_WARM_UP=0`` turns it off.
    The launcher waits for the "engine warmed up" line before it calls the stack up.
    """
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is None or not spec.name.startswith("rasa_sdk") or os.environ.get("ENGINE_WARM_UP") == "0":
        return

    def build() -> None:
        try:
            engine().recognizer  # noqa: B018 - built on first use; this is the use
            logger.info("engine warmed up")
        except CatalogError as error:  # the operator's to mend: every problem, file, row and column
            logger.error("engine warm-up failed: %s; `skills-catalog validate` lists every problem", error)
        except Exception as error:  # noqa: BLE001 - the first action retries and reports the error
            logger.exception("engine warm-up failed: %s", error)

    threading.Thread(target=build, name="engine-warm-up", daemon=True).start()
    retry_in_background(alert_sender())  # alerts left waiting, also by an earlier run, go out


warm_up_in_action_server()
