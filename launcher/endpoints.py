"""Rasa's endpoints file, written from the settings for each run.

Rasa 3.6 does not expand environment variables in every endpoints key (the action server URL
stays literal), so the launcher writes the file itself: the same settings pick SQLite for the
embedded default or PostgreSQL (+ Redis lock store) for production.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from skills_catalog.settings import Settings


def tracker_store_config(url: str) -> dict[str, Any]:
    """Rasa's SQL tracker store keys for a database URL (sqlite:///path or postgresql://...)."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {"type": "SQL", "dialect": "sqlite", "db": unquote(parts.path.removeprefix("/"))}
    if parts.scheme.startswith("postgresql"):
        config: dict[str, Any] = {
            "type": "SQL",
            "dialect": "postgresql",
            "url": parts.hostname or "localhost",
            "port": parts.port or 5432,
            "db": parts.path.lstrip("/") or "rasa",
        }
        if parts.username:
            config["username"] = unquote(parts.username)
        if parts.password:
            config["password"] = unquote(parts.password)
        return config
    raise ValueError(f"TRACKER_DB_URL must be sqlite:/// or postgresql://, not {parts.scheme!r}")


def endpoints_config(settings: Settings) -> dict[str, Any]:
    """The endpoints Rasa needs: action server, tracker store and, when given, a Redis lock store."""
    config: dict[str, Any] = {
        "action_endpoint": {"url": f"http://127.0.0.1:{settings.actions_port}/webhook"},
        "tracker_store": tracker_store_config(settings.tracker_db_url),
    }
    # Same SQL store, with sessions bounded so turns stay fast in long conversations.
    config["tracker_store"]["type"] = "connectors.tracker_store.CompactingSQLTrackerStore"
    if settings.lock_store_url:
        parts = urlsplit(settings.lock_store_url)
        config["lock_store"] = {
            "type": "redis",
            "url": parts.hostname or "localhost",
            "port": parts.port or 6379,
            "db": int(parts.path.lstrip("/") or 0),
            "key_prefix": "cluster_skills",
        }
        if parts.password:
            config["lock_store"]["password"] = unquote(parts.password)
    return config


def write_endpoints(settings: Settings, path: Path) -> Path:
    """Write the endpoints file for one run and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints_config(settings), sort_keys=False))
    return path
