"""The widget stays small: what a visitor downloads, and the README's screenshot."""

from __future__ import annotations

import gzip
import struct

from tests.e2e.widget_support import ROOT

WIDGET = ROOT / "web" / "widget"
SHIPPED = ["cluster-chat.js", "cluster-chat.css", "vendor/socket.io.min.js"]
BUDGET = 60 * 1024  # gzipped bytes: the widget must not weigh on the cluster's pages
README_SCREENSHOT = ROOT / "docs" / "img" / "widget.png"


def test_widget_with_its_socketio_client_is_at_most_60_kb_gzipped() -> None:
    sizes = {name: len(gzip.compress((WIDGET / name).read_bytes(), compresslevel=9)) for name in SHIPPED}
    assert sum(sizes.values()) <= BUDGET, sizes


def test_readme_screenshot_is_1280_by_800_and_at_most_300_kb() -> None:
    """docs/img/widget.png is a copy of var/screenshots/widget-1280-offer-cards.png (test_widget_a11y)."""
    png = README_SCREENSHOT.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1280, 800)
    assert len(png) <= 300 * 1024
