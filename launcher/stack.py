"""The running assistant: action server, Rasa server and widget page, started and stopped together."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

from launcher.channels import bridge_command, credentials_file
from launcher.endpoints import write_endpoints
from launcher.webserver import WidgetServer, start_web_server
from skills_catalog.settings import PROJECT_ROOT, Settings

logger = logging.getLogger(__name__)
BOT_DIR = PROJECT_ROOT / "bot"


def free_port() -> int:
    """A TCP port that is free on localhost right now (for tests)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen, timeout: float, log: Path) -> None:
    """Poll url until it answers 200; fail early, with the log's tail, if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}:\n{tail(log)}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} not up after {timeout:.0f} s:\n{tail(log)}")


def wait_for_log(
    log: Path, text: str, process: subprocess.Popen, timeout: float, after: int = 0, failed: str = ""
) -> None:
    """Wait until ``text`` appears in ``log`` past its first ``after`` bytes (what an earlier
    process wrote there); fail early, with the log's tail, if the process died or ``failed``
    appears (a catalogue refused at start had the stack called up, and every answer fail)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        written = _read_from(log, after) if log.exists() else ""
        if text in written:
            return
        if failed and failed in written:  # its line, and what follows (the traceback's end)
            said = written[written.index(failed) :].splitlines()
            raise RuntimeError("\n".join([said[0], *said[1:][-3:]]))
        if process.poll() is not None:
            raise RuntimeError(f"{log.name}: exited with {process.returncode}:\n{tail(log)}")
        time.sleep(0.2)
    raise TimeoutError(f"{log.name}: no '{text}' after {timeout:.0f} s:\n{tail(log)}")


def _read_from(log: Path, offset: int) -> str:
    """What ``log`` holds past its first ``offset`` bytes (not what earlier processes wrote)."""
    with log.open("rb") as handle:
        handle.seek(offset)
        return handle.read().decode(errors="replace")


def stop_group(process: subprocess.Popen, timeout: float = 15) -> None:
    """SIGTERM to the process's group, SIGKILL if it lingers; when the process already ended,
    SIGKILL to what is left of its group (a child that would keep the port of its restart)."""
    if process.poll() is not None:
        with contextlib.suppress(ProcessLookupError):  # the usual case: the group ended with it
            os.killpg(process.pid, signal.SIGKILL)
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def tail(log: Path, lines: int = 40) -> str:
    """The last lines of a log file, for error messages."""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else ""


@dataclass
class Stack:
    """Action server + Rasa server + widget page for one model and one set of settings.

    Slack and Matrix are opened when the environment (with ``extra_env``) configures them
    (``launcher/channels.py``); with Matrix, the bridge is started too, after Rasa.
    """

    settings: Settings
    model: Path
    log_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    web: WidgetServer | None = None
    stopping: bool = False  # set by stop(): a start still under way spawns nothing more

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.actions_port}"

    @property
    def web_url(self) -> str:
        return f"http://localhost:{self.settings.web_port}/"

    def environment(self) -> dict[str, str]:
        """What the child processes read: the settings as environment variables, and one
        OpenBLAS thread unless set otherwise.

        Why one thread: a chat line's products are small, and OpenBLAS's second thread spins on
        the other core after each one (the stop-20 recogniser used 7.8 ms of CPU per chat line
        for 4.9 ms of wall time), which the other server needs.
        """
        s = self.settings
        env = {"OPENBLAS_NUM_THREADS": "1", **os.environ, **self.extra_env}
        env.update(
            ACTIONS_PORT=str(s.actions_port),
            RASA_PORT=str(s.rasa_port),
            WEB_PORT=str(s.web_port),
            CATALOG_DIR=str(s.catalog_dir),
            CACHE_DIR=str(s.cache_dir),
            TRACKER_DB_URL=s.tracker_db_url,
            NEEDS_DB_URL=s.needs_db_url,
            TRACKER_DB=s.tracker_db_url.removeprefix("sqlite:///"),
            PYTHONPATH=str(PROJECT_ROOT),
            LOG_DIR=str(self.log_dir),  # the Matrix bridge keeps its sync token there
            CORS_ORIGINS=",".join(s.cors_origins),  # the socket.io channel checks them too
        )
        if s.esco_dir:
            env["ESCO_DIR"] = str(s.esco_dir)
        return env

    def spawn(self, name: str, command: Sequence[str]) -> subprocess.Popen:
        """Start one child in its own process group, its output in log_dir/name.log.

        Raises:
            RuntimeError: the stack is stopping (Ctrl-C or SIGTERM while it started: a child
                spawned after :meth:`stop` would outlive the launcher).
        """
        if self.stopping:
            raise RuntimeError(f"{name} not started: the assistant is stopping")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=self.environment(), stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.processes[name] = process
        if self.stopping:  # stop() ran while it was spawned
            self.stop_process(name)
            raise RuntimeError(f"{name} stopped: the assistant is stopping")
        return process

    def start_actions(self, timeout: float = 120, warm_up: float = 900) -> None:
        """Start the action server, wait ``timeout`` s until it answers and ``warm_up`` s until
        its engine is built.

        Why wait for the engine: it builds in the background at start (``actions/services.py``),
        for seconds from a warm cache; a person writing before it is ready would wait for it, or
        get the guard's apology once its deadline passes. ``ENGINE_WARM_UP=0``: no waiting. Why
        so long a wait: on the first start the encoder embeds ~19k labels and phrasings, which
        took over 120 s on a 2-core AVX2 machine that was running the tests too.
        """
        log = self.log_dir / "actions.log"
        written = log.stat().st_size if log.exists() else 0
        process = self.spawn(
            "actions", [sys.executable, "-m", "rasa_sdk", "--actions", "actions",
                        "--port", str(self.settings.actions_port)],
        )  # fmt: skip
        wait_until_up(f"{self.actions_url}/health", process, timeout, log)
        if self.environment().get("ENGINE_WARM_UP") != "0":
            wait_for_log(
                log, "engine warmed up", process, warm_up, after=written, failed="engine warm-up failed"
            )

    def rasa_command(self, port: int) -> list[str]:
        """`rasa run` (without TensorFlow at start: launcher/rasa_server.py) for one server process;
        the HTTP API only when a token or JWT secret is set."""
        s = self.settings
        command = [
            sys.executable, "-m", "launcher.rasa_server", "run", "--model", str(self.model),
            "--port", str(port), "--interface", "127.0.0.1",
            "--credentials", str(credentials_file(self.environment(), out_dir=self.log_dir)),
            "--endpoints", str(write_endpoints(s, self.log_dir / "endpoints.yml")),
        ]  # fmt: skip
        if s.api_token or s.jwt_secret:
            command.append("--enable-api")
        if s.api_token:
            command += ["--auth-token", s.api_token]
        if s.jwt_secret:
            command += ["--jwt-secret", s.jwt_secret, "--jwt-method", "HS256"]
        return [*command, "--cors", *s.cors_origins]

    def start_rasa(self, port: int | None = None, name: str = "rasa", timeout: float = 240) -> None:
        """Start one Rasa server (on the settings' port unless told otherwise) and wait for it."""
        port = port or self.settings.rasa_port
        process = self.spawn(name, self.rasa_command(port))
        wait_until_up(f"http://127.0.0.1:{port}/", process, timeout, self.log_dir / f"{name}.log")

    def start_bridge(self, timeout: float = 60) -> None:
        """The Matrix bridge, when Matrix is configured; it posts to this stack's Rasa server."""
        command = bridge_command(self.environment())
        if command is None:
            return
        self.extra_env.setdefault("RASA_MATRIX_WEBHOOK", f"{self.rasa_url}/webhooks/matrix/webhook")
        process = self.spawn("bridge", command)
        wait_for_log(self.log_dir / "bridge.log", "bridge ready", process, timeout)

    def start_web(self) -> None:
        self.web = start_web_server(self.settings.web_port, self.settings.rasa_port)

    def stopped(self) -> dict[str, int | None]:
        """The parts that stopped on their own, with their exit status (None for the page
        server, a thread of this process); what :meth:`stop_process` stopped is not among them."""
        ended: dict[str, int | None] = {
            name: p.returncode for name, p in self.processes.items() if p.poll() is not None
        }
        if self.web and not self.web.running():
            ended["web"] = None
        return ended

    def starters(self) -> dict[str, Callable[[], None]]:
        """How each part is started, by name: what :meth:`restart` calls."""
        return {
            "actions": self.start_actions,
            "rasa": self.start_rasa,
            "bridge": self.start_bridge,
            "web": self.start_web,
        }

    def restart(self, name: str) -> None:
        """Stop what is left of part ``name`` and start it again; returns when it answers.

        Raises:
            RuntimeError, TimeoutError: it stopped again, or did not answer in time.
        """
        start = self.starters()[name]
        if name == "web":
            self.stop_web()
        self.stop_process(name)
        start()

    def start(self) -> Stack:
        """Start everything and return when every part answers."""
        self.stopping = False
        self.start_web()
        with ThreadPoolExecutor(2) as pool:  # both servers load for seconds: let them overlap
            starting = [pool.submit(self.start_actions), pool.submit(self.start_rasa)]
        try:
            for future in starting:
                future.result()
            self.start_bridge()  # after Rasa: the bridge posts to it
        except BaseException:
            self.stop()
            raise
        return self

    def stop_process(self, name: str, timeout: float = 15) -> None:
        """Stop one child (SIGTERM to its group, SIGKILL if it lingers)."""
        process = self.processes.pop(name, None)
        if process is not None:
            stop_group(process, timeout)

    def stop_web(self) -> None:
        if self.web:
            self.web.stop()
            self.web = None

    def stop(self) -> None:
        self.stopping = True
        for name in list(self.processes):
            self.stop_process(name)
        self.stop_web()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
