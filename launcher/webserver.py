"""A small static server for the widget page, plus the page's run-time configuration.

The page learns where the bot listens from `/config.js`, written from the settings, so the same
files work whatever ports a cluster (or a test) chooses.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent.parent / "web"


class WidgetPageHandler(SimpleHTTPRequestHandler):
    """Serves web/ without directory listings and answers /config.js from the settings."""

    rasa_port = 5005

    def do_GET(self) -> None:  # noqa: N802 - name fixed by http.server
        if self.path.split("?")[0] == "/config.js":
            self._send_config()
        else:
            super().do_GET()

    def list_directory(self, path):  # type: ignore[no-untyped-def]
        self.send_error(404, "Not found")
        return None

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base
        """Stay quiet: requests are not business events."""

    def _send_config(self) -> None:
        host = (self.headers.get("Host") or "localhost").rsplit(":", 1)[0]
        config = {"serverUrl": f"http://{host}:{self.rasa_port}"}
        body = f"window.CLUSTER_CHAT_RUNTIME = {json.dumps(config)};\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@dataclass(frozen=True)
class WidgetServer:
    """The page server and the thread that serves it (the launcher restarts it if that ends)."""

    server: ThreadingHTTPServer
    thread: threading.Thread

    def running(self) -> bool:
        return self.thread.is_alive()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_web_server(port: int, rasa_port: int, host: str = "127.0.0.1") -> WidgetServer:
    """Serve the widget page on host:port in a daemon thread; call .stop() to stop."""
    handler = type("Handler", (WidgetPageHandler,), {"rasa_port": rasa_port})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(WEB_DIR)))
    thread = threading.Thread(target=server.serve_forever, name="web", daemon=True)
    thread.start()
    return WidgetServer(server, thread)
