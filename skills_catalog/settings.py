"""Settings read once from the environment (and an optional ``.env`` file).

Defaults run the embedded profile with nothing to install: the shipped demo catalogue, the
shipped demo taxonomy, SQLite files under ``var/``. A cluster points the same code at its own
data with environment variables, e.g. ``CATALOG_DIR=/srv/ours ESCO_DIR=/srv/esco make run``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEMO_CATALOG_DIR = DATA_DIR / "catalog"
DEMO_TAXONOMY_DIR = DATA_DIR / "esco-demo"
VAR_DIR = PROJECT_ROOT / "var"
#: What ``ENCODER_RUNTIME`` may say (see :mod:`embedding`, which runs them): int8 products in
#: ONNX Runtime (vectors within a mean cosine of 0.9993 of float32), float32 weights in ONNX
#: Runtime, or numpy (float32; also what the other two fall back to without ONNX Runtime).
ENCODER_RUNTIMES = ("onnx-int8", "onnx", "numpy")
#: Why int8: integer products and a quarter of the weight bytes; on this project's AMD EPYC
#: (AVX-512 VNNI) a chat line's pass takes ~1.5 ms instead of ~2.5, the served process is ~20 MB
#: smaller, and on full ESCO the figures move by a line or so either way (docs/recognition.md,
#: "Int8 by default" and "Fourth night").
DEFAULT_ENCODER_RUNTIME = ENCODER_RUNTIMES[0]


def read_dotenv(path: Path) -> dict[str, str]:
    """Parse ``KEY=VALUE`` lines of a .env file; comments and blank lines are skipped."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip("'\"")
    return values


@dataclass(frozen=True)
class Settings:
    """Where the data lives and how the services are reached."""

    catalog_dir: Path = DEMO_CATALOG_DIR
    esco_dir: Path | None = None  # None: the shipped demo taxonomy
    cache_dir: Path = VAR_DIR / "cache"
    log_dir: Path = VAR_DIR / "logs"  # logs and the files the launcher writes for Rasa: one per running stack
    tracker_db_url: str = f"sqlite:///{VAR_DIR / 'tracker.db'}"
    needs_db_url: str = f"sqlite:///{VAR_DIR / 'needs.db'}"
    rasa_port: int = 5005
    actions_port: int = 5055
    web_port: int = 8080
    cors_origins: tuple[str, ...] = ("http://localhost:8080", "http://127.0.0.1:8080")
    lock_store_url: str = ""  # redis://host:6379/0 in production; empty: Rasa's in-memory lock store
    api_token: str = ""  # when set, Rasa's HTTP API is enabled and needs ?token=...
    jwt_secret: str = ""  # when set, Rasa's HTTP API also accepts JWTs signed with it (HS256)
    encoder_runtime: str | None = None  # onnx-int8 / onnx / numpy; None: the recogniser's default

    @property
    def taxonomy_dir(self) -> Path:
        """The ESCO export in use: the configured one, else the shipped demo subset."""
        return self.esco_dir or DEMO_TAXONOMY_DIR

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``environ`` (default: ``.env`` overlaid by ``os.environ``)."""
        env = dict(read_dotenv(PROJECT_ROOT / ".env"))
        env.update(os.environ if environ is None else environ)
        defaults = cls()
        web_port = _port(env, "WEB_PORT", defaults.web_port)
        origins = env.get("CORS_ORIGINS")
        return cls(
            catalog_dir=Path(env["CATALOG_DIR"]) if env.get("CATALOG_DIR") else defaults.catalog_dir,
            esco_dir=Path(env["ESCO_DIR"]) if env.get("ESCO_DIR") else None,
            cache_dir=Path(env["CACHE_DIR"]) if env.get("CACHE_DIR") else defaults.cache_dir,
            log_dir=Path(env["LOG_DIR"]) if env.get("LOG_DIR") else defaults.log_dir,
            tracker_db_url=env.get("TRACKER_DB_URL", defaults.tracker_db_url),
            needs_db_url=env.get("NEEDS_DB_URL", defaults.needs_db_url),
            rasa_port=_port(env, "RASA_PORT", defaults.rasa_port),
            actions_port=_port(env, "ACTIONS_PORT", defaults.actions_port),
            web_port=web_port,
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip())
            if origins
            else (f"http://localhost:{web_port}", f"http://127.0.0.1:{web_port}"),
            lock_store_url=env.get("LOCK_STORE_URL", ""),
            api_token=env.get("RASA_API_TOKEN", ""),
            jwt_secret=env.get("RASA_JWT_SECRET", ""),
            encoder_runtime=_runtime(env),
        )


def _port(env: Mapping[str, str], key: str, default: int) -> int:
    """``env[key]`` as a TCP port, or ``default`` when unset."""
    value = env.get(key, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdecimal() and 0 < int(value) < 65536):
        raise SettingsError(f"{key}={value!r} is not a port number (1-65535)")
    return int(value)


def _runtime(env: Mapping[str, str]) -> str | None:
    """``ENCODER_RUNTIME``, checked; ``None`` when unset (the recogniser's default)."""
    value = env.get("ENCODER_RUNTIME", "").strip().lower()
    if value and value not in ENCODER_RUNTIMES:
        raise SettingsError(f"ENCODER_RUNTIME={value!r} is not one of {', '.join(ENCODER_RUNTIMES)}")
    return value or None
