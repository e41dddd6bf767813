"""The production profile: several Rasa processes behind nginx, sharing PostgreSQL and Redis.

Each Rasa process serves one core; the Redis lock store makes sure two processes never handle
the same conversation at once, and the PostgreSQL tracker store lets any process continue any
conversation. nginx spreads REST calls round-robin and keeps a browser's socket.io session on
one process (socket.io's handshake and polling must reach the same server).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from launcher.stack import Stack, free_port, wait_until_up

NGINX_CONF = """\
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {run}/nginx-body;
  proxy_temp_path {run}/nginx-proxy;
  fastcgi_temp_path {run}/nginx-fastcgi;
  uwsgi_temp_path {run}/nginx-uwsgi;
  scgi_temp_path {run}/nginx-scgi;
  client_max_body_size 64k;
  upstream rasa {{ {servers} }}
  upstream rasa_sticky {{ hash $remote_addr consistent; {servers} }}
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  server {{
    listen 127.0.0.1:{port};
    location /socket.io/ {{
      proxy_pass http://rasa_sticky;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 120s;
    }}
    location / {{
      proxy_pass http://rasa;
      proxy_set_header Host $host;
      proxy_read_timeout 120s;
    }}
  }}
}}
"""


def nginx_conf(port: int, backends: list[int], run_dir: Path) -> str:
    """nginx configuration that fronts the Rasa processes on `port`."""
    servers = " ".join(f"server 127.0.0.1:{p};" for p in backends)
    return NGINX_CONF.format(run=run_dir, servers=servers, port=port)


@dataclass
class ProductionStack(Stack):
    """Like Stack, but `workers` Rasa processes behind nginx on the settings' Rasa port."""

    workers: int = 2
    backend_ports: list[int] = field(default_factory=list)

    def start_rasa(self, port: int | None = None, name: str = "rasa", timeout: float = 240) -> None:
        if not self.settings.lock_store_url:
            raise RuntimeError("several Rasa processes need a shared lock store: set LOCK_STORE_URL")
        self.backend_ports = [free_port() for _ in range(self.workers)]
        for number, backend in enumerate(self.backend_ports, start=1):
            super().start_rasa(port=backend, name=f"rasa-{number}", timeout=timeout)
        self.start_nginx()

    def start_nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        run_dir = self.log_dir.resolve()
        conf = run_dir / "nginx.conf"
        conf.write_text(nginx_conf(self.settings.rasa_port, self.backend_ports, run_dir))
        process = self.spawn("nginx", [nginx, "-p", str(run_dir), "-c", str(conf), "-g", "daemon off;"])
        wait_until_up(f"{self.rasa_url}/", process, 30, run_dir / "nginx-error.log")

    def starters(self) -> dict[str, Callable[[], None]]:
        """Each Rasa process alone (nginx keeps serving with the others) and nginx, besides
        the parts every stack has."""
        start_one = super().start_rasa  # not in the comprehension: no bare super() there
        backends = {
            f"rasa-{number}": partial(start_one, port=port, name=f"rasa-{number}")
            for number, port in enumerate(self.backend_ports, start=1)
        }
        return {**super().starters(), **backends, "nginx": self.start_nginx}

    def restart_backend(self, number: int) -> subprocess.Popen:
        """Stop and start one Rasa process (for fault tests); nginx keeps serving with the other."""
        self.restart(f"rasa-{number}")
        return self.processes[f"rasa-{number}"]
