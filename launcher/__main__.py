"""`python -m launcher train|run`: what `make train` and `make run` do."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time

from launcher.production import ProductionStack
from launcher.run_lock import AlreadyRunning, run_lock
from launcher.stack import Stack
from launcher.supervision import GaveUp, Supervisor
from launcher.training import ensure_model
from skills_catalog.errors import SettingsError
from skills_catalog.settings import VAR_DIR, Settings


def run(settings: Settings) -> None:
    """Start the whole assistant, print where to open it, keep it up (a part that stops is
    started again: ``launcher/supervision.py``), and stop everything on Ctrl-C or SIGTERM."""
    started = time.monotonic()
    model = ensure_model()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    workers = int(os.environ.get("RASA_WORKERS", "1"))
    logs = settings.log_dir
    stack = (
        ProductionStack(settings, model, log_dir=logs, workers=workers)
        if workers > 1
        else Stack(settings, model, log_dir=logs)
    )
    # SIGTERM stops the children like Ctrl-C, from the start on: before, a SIGTERM while the
    # servers started left them running without the launcher
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        print(
            "Starting the servers (the first start also builds the skills index and embeds its labels: "
            f"a few minutes; progress in {logs / 'actions.log'})",
            flush=True,
        )
        try:
            stack.start()
        except (RuntimeError, TimeoutError) as error:  # said in one message, not a traceback
            print(f"error: the assistant could not start. {error}", file=sys.stderr, flush=True)
            raise SystemExit(1) from None
        print(
            f"\nCluster Skills Assistant is up in {time.monotonic() - started:.1f} s\n"
            f"  open the widget page:  {stack.web_url}\n"
            f"  REST channel:          {stack.rasa_url}/webhooks/rest/webhook\n"
            f"  catalogue:             {settings.catalog_dir}\n"
            f"  logs:                  {logs}\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        Supervisor(stack).watch()
    except GaveUp as error:
        print(f"error: {error} in {logs}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("\nStopping…", flush=True)
    finally:
        stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m launcher", description=__doc__)
    parser.add_argument("command", choices=["train", "run"])
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command == "train":
        print(ensure_model())
    else:
        try:
            settings = Settings.from_env()
        except SettingsError as error:  # a typo in .env: say which setting, no traceback
            print(f"error: {error}", file=sys.stderr)
            sys.exit(2)
        try:
            with run_lock(settings.log_dir):
                run(settings)
        except AlreadyRunning as error:
            print(f"error: {error}", file=sys.stderr)
            sys.exit(2)


if __name__ == "__main__":
    main()
