"""What every local double of an outside HTTP API shares: a free localhost port, a recorded call list.

A double subclasses ``HttpDouble`` and names, as ``handler``, a ``QuietHandler`` subclass whose
``do_<VERB>`` methods record into ``self.double`` and answer with ``self.reply``. ``tiny_png`` makes the image the
channels upload, so no test needs an image library.
"""

from __future__ import annotations

import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    """A valid grey PNG of ``width`` × ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that knows its double and keeps the test output clean."""

    double: Any  # the HttpDouble serving this handler

    def reply(self, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


class HttpDouble:
    """Serves ``handler`` on a free localhost port in a daemon thread; ``calls`` records requests."""

    handler: type[QuietHandler]

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        bound = type(self.handler.__name__, (self.handler,), {"double": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), bound)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def record(self, call: dict[str, Any]) -> None:
        with self.lock:
            self.calls.append(call)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
