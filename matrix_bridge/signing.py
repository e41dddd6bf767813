"""How the bridge signs what it posts to the Rasa Matrix channel (stdlib only).

The signature is ``v1=`` + hex HMAC-SHA256, keyed with the shared secret, of
``v1:{timestamp}:{body}``: the timestamp is inside the MAC so a captured request cannot be
replayed later with a fresh timestamp (the channel refuses old ones). The same scheme as
Slack's request signing, so an operator who knows one knows both.
``connectors/matrix.py`` checks it; a test signs with this module and posts to the channel.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Bridge-Signature"
TIMESTAMP_HEADER = "X-Bridge-Timestamp"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The ``v1=<hex>`` signature of one request body sent at ``timestamp`` (Unix seconds)."""
    message = b"v1:" + timestamp.encode("ascii") + b":" + body
    return "v1=" + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """The headers that authenticate ``body``: content type, timestamp and signature."""
    timestamp = str(int(time.time() if now is None else now))
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: signature(secret, timestamp, body),
    }
