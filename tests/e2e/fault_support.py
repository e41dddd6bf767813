"""Helpers for the fault tests: a TCP proxy that can "take the database down", and trackers read
straight from Rasa's SQL tracker store."""

from __future__ import annotations

import contextlib
import json
import socket
import threading

import sqlalchemy

from launcher.stack import Stack


class TcpProxy:
    """Forwards a local port to a server; ``stop()`` cuts every connection as a crashed server would.

    Why a proxy: the PostgreSQL server is shared by everyone on the machine, so the test stops
    the road to it rather than the server itself.
    """

    def __init__(self, target: tuple[str, int], port: int) -> None:
        self.target, self.port = target, port
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None

    def start(self) -> TcpProxy:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._listener:
            with contextlib.suppress(OSError):  # wakes the thread blocked in accept(); close() alone does not
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
                server = socket.create_connection(self.target)
            except OSError:
                return
            self._sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def tracker_events(stack: Stack, sender: str) -> list[dict]:
    """Every event Rasa saved for the conversation, oldest first."""
    engine = sqlalchemy.create_engine(stack.settings.tracker_db_url, future=True)
    with engine.connect() as conn:
        rows = conn.execute(
            sqlalchemy.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        ).all()
    engine.dispose()
    return [json.loads(row[0]) for row in rows]


def requested_slot(stack: Stack, sender: str) -> str | None:
    """The question the form is waiting on, as the tracker store has it."""
    value = None
    for event in tracker_events(stack, sender):
        if event["event"] == "slot" and event["name"] == "requested_slot":
            value = event["value"]
    return value
