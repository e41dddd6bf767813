"""Train the Rasa model only when its inputs changed.

The model file is named after a hash of everything `rasa train` reads (config, domain, training
data) plus the Rasa version, so an unchanged bot reuses the model it already has.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

BOT_DIR = Path(__file__).resolve().parent.parent / "bot"
TRAINING_INPUTS = ("config.yml", "domain", "domain.yml", "data")  # a domain folder, or one file (`rasa init`)


def training_inputs_hash(bot_dir: Path = BOT_DIR) -> str:
    """A short hash of the files `rasa train` reads and of the Rasa version."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"rasa {version('rasa')}".encode())
    for name in TRAINING_INPUTS:
        root = bot_dir / name
        if not root.exists():
            continue
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            digest.update(str(path.relative_to(bot_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_model(bot_dir: Path = BOT_DIR, models_dir: Path | None = None) -> Path:
    """Return the trained model for the current inputs, training it first if there is none."""
    models_dir = models_dir or bot_dir / "models"
    name = f"bot-{training_inputs_hash(bot_dir)}"
    model = models_dir / f"{name}.tar.gz"
    if model.is_file():
        logger.info("using cached model %s", model.name)
        return model
    logger.info("training %s (inputs changed or no model yet)", model.name)
    command = [
        sys.executable, "-m", "rasa", "train",
        "--config", "config.yml", "--domain", "domain" if (bot_dir / "domain").is_dir() else "domain.yml",
        "--data", "data",
        "--out", str(models_dir), "--fixed-model-name", name,
    ]  # fmt: skip
    subprocess.run(command, cwd=bot_dir, check=True)
    return model
