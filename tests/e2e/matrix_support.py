"""Fixtures for the Matrix end-to-end test: a real Synapse, users, a staff room, Rasa and the bridge.

Everything runs on 127.0.0.1 on free ports, in a temporary directory: Synapse (SQLite, client
API only, no federation, no key servers, rate limits off) from var/matrix-venv, a Rasa server
on a tiny keyword model whose credentials enable ``connectors.matrix.MatrixInput``, and
``matrix_bridge/bridge.py``. People in the room are plain HTTP clients of the client-server API.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests
import yaml

from launcher.stack import free_port, stop_group, wait_for_log, wait_until_up
from skills_catalog.settings import PROJECT_ROOT

MATRIX_VENV = PROJECT_ROOT / "var" / "matrix-venv"
MATRIX_PYTHON = MATRIX_VENV / "bin" / "python"
REGISTRATION_SECRET = "e2e-registration-secret"
BRIDGE_SECRET = "e2e-bridge-secret"
SLACK_SIGNING_SECRET = "e2e-slack-signing-secret"
PASSWORD = "e2e-password-123"
UNLIMITED = {"per_second": 1000, "burst_count": 1000}
TINY_PNG_BASE64 = (  # 1×1 grey PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=="
)


def require_or_skip(condition: bool, what: str) -> None:
    """Skip when a prerequisite is missing, except on CI where everything must run."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing, and CI must run this test")
    pytest.skip(f"{what} is missing")


def spawn(command: list[str], log: Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Starts one server in its own process group, its output in ``log``."""
    handle = open(log, "ab")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
    )


@dataclass
class MatrixUser:
    """A person (or the bot) using the client-server API over plain HTTP."""

    homeserver: str
    user_id: str
    token: str
    since: str | None = None
    seen: list[dict[str, Any]] = field(default_factory=list)

    def call(self, verb: str, path: str, **kwargs: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"}
        reply = requests.request(verb, f"{self.homeserver}{path}", headers=headers, timeout=60, **kwargs)
        reply.raise_for_status()
        return reply.json()

    def say(self, room_id: str, text: str) -> str:
        """Sends ``m.text``; returns the event id."""
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/send/m.room.message/{uuid.uuid4().hex}"
        return str(self.call("PUT", path, json={"msgtype": "m.text", "body": text})["event_id"])

    def sync(self, room_id: str) -> list[dict[str, Any]]:
        """New timeline events of the room since the last sync."""
        params = {"timeout": "1000", **({"since": self.since} if self.since else {})}
        body = self.call("GET", "/_matrix/client/v3/sync", params=params)
        self.since = body["next_batch"]
        events = body.get("rooms", {}).get("join", {}).get(room_id, {}).get("timeline", {}).get("events", [])
        self.seen.extend(events)
        return list(events)

    def wait_for(
        self, room_id: str, found: Callable[[dict[str, Any]], bool], timeout: float = 60
    ) -> dict[str, Any]:
        """The first new event for which ``found`` is true."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.sync(room_id):
                if found(event):
                    return event
        raise TimeoutError(f"{self.user_id}: no matching event in {room_id} after {timeout:.0f} s")

    def download(self, mxc: str) -> bytes:
        """The content behind an ``mxc://server/media-id`` URI (authenticated media)."""
        server, media_id = mxc.removeprefix("mxc://").split("/", 1)
        path = f"/_matrix/client/v1/media/download/{quote(server)}/{quote(media_id)}"
        headers = {"Authorization": f"Bearer {self.token}"}
        reply = requests.get(f"{self.homeserver}{path}", headers=headers, timeout=60)
        reply.raise_for_status()
        return reply.content

    def reply(self, room_id: str, quoted: dict[str, Any], text: str) -> str:
        """Replies as Element does: the quoted message's lines behind "> ", a blank line, the text."""
        first, *rest = str(quoted["content"]["body"]).split("\n")
        fallback = "\n".join([f"> <{quoted['sender']}> {first}", *(f"> {line}" for line in rest)])
        content = {"msgtype": "m.text", "body": f"{fallback}\n\n{text}",
                   "m.relates_to": {"m.in_reply_to": {"event_id": quoted["event_id"]}}}  # fmt: skip
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/send/m.room.message/{uuid.uuid4().hex}"
        return str(self.call("PUT", path, json=content)["event_id"])

    def direct_message(self, other: MatrixUser) -> str:
        """A new direct-message room with ``other`` invited (unencrypted, as Element makes one
        with a bot that has no encryption keys); its id."""
        room = self.call("POST", "/_matrix/client/v3/createRoom",
                         json={"preset": "trusted_private_chat", "is_direct": True, "invite": [other.user_id]})  # fmt: skip
        return str(room["room_id"])

    def membership(self, room_id: str, user: MatrixUser) -> str:
        """``user``'s membership of the room (join, invite, leave, ...) as this person sees it."""
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/state/m.room.member/{quote(user.user_id)}"
        return str(self.call("GET", path).get("membership"))

    def history(self, room_id: str) -> list[dict[str, Any]]:
        """The room's last 200 events, oldest first."""
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/messages"
        return list(reversed(self.call("GET", path, params={"dir": "b", "limit": "200"})["chunk"]))


@dataclass
class Homeserver:
    url: str
    server_name: str = "localhost"

    def register(self, name: str) -> MatrixUser:
        """Registers with the shared secret (as an admin would), then logs in for a token."""
        subprocess.run(
            [str(MATRIX_VENV / "bin" / "register_new_matrix_user"), "-u", name, "-p", PASSWORD, "--no-admin",
             "-k", REGISTRATION_SECRET, self.url],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        login = {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": name},
            "password": PASSWORD,
        }
        reply = requests.post(f"{self.url}/_matrix/client/v3/login", json=login, timeout=30)
        reply.raise_for_status()
        return MatrixUser(self.url, reply.json()["user_id"], reply.json()["access_token"])


def synapse_config(folder: Path, port: int) -> Path:
    """Generates a homeserver config, then trims it for a private, offline test server."""
    config = folder / "homeserver.yaml"
    subprocess.run(
        [str(MATRIX_PYTHON), "-m", "synapse.app.homeserver", "--generate-config", "--server-name", "localhost",
         "--config-path", str(config), "--data-directory", str(folder), "--report-stats=no"],
        cwd=folder, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    settings = yaml.safe_load(config.read_text())
    settings.update(
        listeners=[{"port": port, "bind_addresses": ["127.0.0.1"], "type": "http", "tls": False,
                    "x_forwarded": False, "resources": [{"names": ["client"], "compress": False}]}],
        registration_shared_secret=REGISTRATION_SECRET,
        trusted_key_servers=[],
        suppress_key_server_warning=True,
        federation_domain_whitelist=[],
        presence={"enabled": False},
        rc_message=UNLIMITED,
        rc_registration=UNLIMITED,
        rc_login={"address": UNLIMITED, "account": UNLIMITED, "failed_attempts": UNLIMITED},
        rc_joins={"local": UNLIMITED, "remote": UNLIMITED},
        rc_invites={"per_room": UNLIMITED, "per_user": UNLIMITED, "per_issuer": UNLIMITED},
        rc_media_create=UNLIMITED,
    )  # fmt: skip
    config.write_text(yaml.safe_dump(settings))
    return config


def tiny_rasa_project(folder: Path, credentials: dict[str, Any]) -> Path:
    """A keyword-matching Rasa project (trains in seconds) whose answers exercise the channel."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    intents = {"greet": "hello", "chart": "chart", "report_firms": "firms", "needs": "needs"}
    files = {
        "config.yml": {"recipe": "default.v1", "language": "en", "assistant_id": "matrix-e2e",
                       "pipeline": [{"name": "KeywordIntentClassifier"}], "policies": [{"name": "RulePolicy"}]},
        "domain.yml": {"version": "3.1", "intents": list(intents), "responses": {
            "utter_greet": [{"text": "Hello staff! Which report?", "buttons": [
                {"title": "Skills chart", "payload": "/chart"}, {"title": "Firms", "payload": "/report_firms"}]}],
            "utter_chart": [{"custom": {"chart": {"png_base64": TINY_PNG_BASE64, "title": "Demand by skill",
                                                  "filename": "demand.png"}}}],
            "utter_report_firms": [{"text": "3 firms need welders."}],
            "utter_needs": [{"text": "No unmet needs."}]}},
        "data/nlu.yml": {"version": "3.1", "nlu": [{"intent": i, "examples": f"- {w}\n"} for i, w in intents.items()]},
        "data/rules.yml": {"version": "3.1", "rules": [
            {"rule": i, "steps": [{"intent": i}, {"action": "utter_greet" if i == "greet" else f"utter_{i}"}]}
            for i in intents]},
        "credentials.yml": credentials,
    }  # fmt: skip
    for name, content in files.items():
        (folder / name).write_text(yaml.safe_dump(content, sort_keys=False))
    return folder


def train(project: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
         "--out", "models", "--fixed-model-name", "tiny"],
        cwd=project, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return project / "models" / "tiny.tar.gz"


@dataclass
class BridgeProcess:
    """The bridge as the tests run it, so a test can stop it and start it again."""

    env: dict[str, str]
    log: Path
    process: subprocess.Popen | None = None

    def start(self) -> None:
        written = self.log.stat().st_size if self.log.exists() else 0
        self.process = spawn([str(MATRIX_PYTHON), str(PROJECT_ROOT / "matrix_bridge" / "bridge.py")],
                             self.log, PROJECT_ROOT, self.env)  # fmt: skip
        wait_for_log(self.log, "bridge ready", self.process, 60, after=written)

    def stop(self) -> None:
        if self.process is not None:
            stop_group(self.process)
            self.process = None


@dataclass
class MatrixWorld:
    """What the tests use: the homeserver, the people, the staff room, Rasa's URL, the bridge."""

    homeserver: Homeserver
    bot: MatrixUser
    staff: MatrixUser
    stranger: MatrixUser
    room_id: str
    rasa_url: str
    early_event_id: str  # sent before the bridge started: must never be answered
    bridge: BridgeProcess


@pytest.fixture(scope="session")
def matrix_venv() -> Path:
    """var/matrix-venv, made by scripts/setup-matrix-env.sh if needed (needs PyPI once)."""
    script = PROJECT_ROOT / "scripts" / "setup-matrix-env.sh"
    done = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=900)
    detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
    require_or_skip(
        done.returncode == 0 and MATRIX_PYTHON.exists(), f"var/matrix-venv ({script.name}: {detail[0]})"
    )
    return MATRIX_VENV


@pytest.fixture(scope="session")
def homeserver(matrix_venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    """A real Synapse on a free port, stopped at the end of the session."""
    folder = tmp_path_factory.mktemp("synapse")
    port = free_port()
    config = synapse_config(folder, port)
    log = folder / "synapse.out"
    process = spawn(
        [str(MATRIX_PYTHON), "-m", "synapse.app.homeserver", "--config-path", str(config)], log, folder
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/_matrix/client/versions", process, 120, log)
        yield Homeserver(url)
    finally:
        stop_group(process)


@pytest.fixture(scope="session")
def matrix_world(homeserver: Homeserver, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MatrixWorld]:
    """Users, the staff room, Rasa with the Matrix channel, then the bridge."""
    bot, staff, stranger = (homeserver.register(name) for name in ("bot", "staff", "stranger"))
    room = staff.call(
        "POST", "/_matrix/client/v3/createRoom", json={"preset": "private_chat", "name": "Cluster staff"}
    )
    room_id = str(room["room_id"])
    for person in (bot, stranger):
        staff.call(
            "POST", f"/_matrix/client/v3/rooms/{quote(room_id)}/invite", json={"user_id": person.user_id}
        )
    stranger.call("POST", f"/_matrix/client/v3/rooms/{quote(room_id)}/join", json={})
    early = staff.say(room_id, "firms")  # before the bridge runs: history, never answered

    folder = tmp_path_factory.mktemp("matrix-rasa")
    credentials = {
        "connectors.matrix.MatrixInput": {
            "homeserver": homeserver.url,
            "access_token": bot.token,
            "room_id": room_id,
            "shared_secret": BRIDGE_SECRET,
        },
        # Served too, to prove the Slack channel loads and answers in a real Rasa server.
        "connectors.slack.SlackInput": {
            "slack_token": "xoxb-e2e",
            "slack_signing_secret": SLACK_SIGNING_SECRET,
            "api_base_url": "http://127.0.0.1:9/api/",
        },
    }
    model = train(tiny_rasa_project(folder / "bot", credentials))
    rasa_port = free_port()
    # The bot is on the list too: were the bridge to forward the bot's own replies ("...Skills
    # chart ... Firms" holds two keywords), the bot would answer itself and the tests would see it.
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT),
               STAFF_MATRIX_USERS=f"{staff.user_id},{bot.user_id}")  # fmt: skip
    processes: list[subprocess.Popen] = []
    bridge: BridgeProcess | None = None
    try:
        rasa_log = folder / "rasa.log"
        processes.append(spawn([sys.executable, "-m", "rasa", "run", "--model", str(model), "--port", str(rasa_port),
                                "--interface", "127.0.0.1", "--credentials", "credentials.yml"],
                               rasa_log, folder / "bot", env))  # fmt: skip
        rasa_url = f"http://127.0.0.1:{rasa_port}"
        wait_until_up(f"{rasa_url}/webhooks/matrix/", processes[-1], 240, rasa_log)
        bridge = BridgeProcess(
            dict(env, MATRIX_HOMESERVER=homeserver.url, MATRIX_ACCESS_TOKEN=bot.token, MATRIX_STAFF_ROOM=room_id,
                 MATRIX_BRIDGE_SECRET=BRIDGE_SECRET, RASA_MATRIX_WEBHOOK=f"{rasa_url}/webhooks/matrix/webhook",
                 MATRIX_BRIDGE_STATE=str(folder / "bridge-sync.json")),
            folder / "bridge.log",
        )  # fmt: skip
        bridge.start()
        staff.sync(room_id)  # later syncs show only what happens from here on
        yield MatrixWorld(homeserver, bot, staff, stranger, room_id, rasa_url, early, bridge)
    finally:
        if bridge is not None:
            bridge.stop()
        for process in reversed(processes):
            stop_group(process)
