"""Browser fixtures and helpers shared by the widget's tests (tests/e2e/test_widget_*.py).

A test module enables them with ``pytest_plugins = ["tests.e2e.widget_support"]``. Debian's
Chromium runs the page (never a Playwright-downloaded browser); every visitor records each URL
it asks for, and a test fails when the page contacted any host but its own and the bot's.

PYTEST_DONT_REWRITE: the test modules import this one before pytest loads it as a plugin, too
late for assertion rewriting, so its assertions carry their own messages.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect, sync_playwright

from launcher.stack import Stack
from tests.e2e.conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip
AXE_JS = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "var" / "screenshots"
BOT_TURN_MS = 60_000  # a turn runs NLU, the policies and an action; the first one loads the engine
OPEN_CHAT = re.compile(r"^Open chat")

# The worker journey of tests/conversations/happy_path.yml, as a person does it in the widget:
# (how, what, a phrase of the bot's next question); "click" is a suggested reply.
JOURNEY = [
    ("click", "Yes, that's fine", "What is your current or last job"),
    ("type", "I worked as a forklift driver for 10 years", "Which skills do you have"),
    ("type", "forklift driving, stock control and Excel", "I understood these skills"),
    ("click", "Yes, that's right", "What's your goal"),
    ("type", "I'd like to get into logistics management", "Where do you live"),
    ("type", "Graz", "in person or online"),
    ("click", "Either is fine", "How far could you travel"),
    ("click", "50 km", "In which language"),
    ("click", "Any language", "What can you spend"),
    ("click", "Any price", "When could you start"),
    ("click", "Any time", None),  # then the offer cards
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium; skipped when it is missing, except on CI where it must be there."""
    require_or_skip(CHROMIUM.exists(), f"{CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def origin(url: str) -> str:
    parts = urlsplit(url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return f"{scheme}://{parts.netloc}"


class Visit:
    """One visitor: a fresh browser context (own storage) that records every URL it asks for.

    The allowed origins are the pages it opened and the bot at the same host name; a test that
    loads the widget from a third place (a member firm's site) says so with `allow`.
    """

    def __init__(self, browser: Browser, stack: Stack, **context_options: Any) -> None:
        self.web_url = stack.web_url
        self.rasa_port = urlsplit(stack.rasa_url).port
        # Reduced motion unless told otherwise: no smooth scrolling, so screenshots show the end.
        options = {
            "viewport": {"width": 1280, "height": 800},
            "accept_downloads": True,
            "reduced_motion": "reduce",
        }
        self.context: BrowserContext = browser.new_context(**{**options, **context_options})
        self.urls: list[str] = []
        self.console: list[str] = []
        self.allowed: set[str] = set()
        self.context.on("request", lambda request: self.urls.append(request.url))
        self.page: Page = self.context.new_page()
        self.page.on("websocket", lambda ws: self.urls.append(ws.url))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))

    def allow(self, url: str) -> None:
        self.allowed.add(origin(url))

    def open_page(self, url: str | None = None) -> Page:
        url = url or self.web_url
        self.allow(url)
        self.allow(f"http://{urlsplit(url).hostname}:{self.rasa_port}")  # the bot, as /config.js names it
        self.page.goto(url)
        return self.page

    def foreign_requests(self) -> list[str]:
        local = ("data:", "blob:", "about:")
        return sorted({u for u in self.urls if not u.startswith(local) and origin(u) not in self.allowed})

    def open_chat(self) -> Locator:
        """Clicks the launcher and returns the chat dialog."""
        self.page.get_by_role("button", name=OPEN_CHAT).click()
        dialog = self.page.get_by_role("dialog")
        expect(dialog).to_be_visible()
        return dialog

    def bot_says(self, phrase: str) -> None:
        expect(self.page.locator(".cc-bot").filter(has_text=phrase).last).to_be_visible(timeout=BOT_TURN_MS)

    def click_reply(self, title: str) -> None:
        """Clicks an enabled suggested-reply button of the latest bot message."""
        button = self.page.locator(".cc-quick button:enabled").filter(
            has_text=re.compile(f"^{re.escape(title)}$")
        )
        expect(button.last).to_be_visible(timeout=BOT_TURN_MS)
        button.last.click()

    def take_journey(self) -> None:
        """Opens the chat and answers the worker's questions (``JOURNEY``) up to the results."""
        self.open_chat()
        self.bot_says("Before we start")
        for how, what, next_question in JOURNEY:
            self.click_reply(what) if how == "click" else self.type(what)
            if next_question:
                self.bot_says(next_question)

    def wait_for_replies(self, more_than: int, quiet_ms: int = 1500) -> None:
        """Waits for new bot messages, then until none has come for `quiet_ms`.

        A test that reloads waits for the bot to finish its turn first, so that it knows what the
        page holds (replies sent during a reload are held and delivered after it).
        """
        bot = self.page.locator(".cc-bot")
        expect(bot).not_to_have_count(more_than, timeout=BOT_TURN_MS)
        count = -1
        while count != bot.count():
            count = bot.count()
            self.page.wait_for_timeout(quiet_ms)

    def type(self, text: str) -> None:
        self.page.get_by_label("Your message").fill(text)
        self.page.get_by_role("button", name="Send").click()

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def new_visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Makes visitors of a stack; afterwards, fails if any of them contacted a foreign host."""
    visits: list[Visit] = []

    def make(stack: Stack, **context_options: Any) -> Visit:
        visits.append(Visit(browser, stack, **context_options))
        return visits[-1]

    yield make
    for v in visits:
        v.close()
    foreign = [u for v in visits for u in v.foreign_requests()]
    assert foreign == [], f"requests to hosts other than the page's and the bot's: {foreign}"


@pytest.fixture
def visit(new_visit: Callable[..., Visit], stack: Stack) -> Visit:
    return new_visit(stack)


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one readable line each."""
    require_or_skip(AXE_JS.exists(), f"{AXE_JS} (npm ci --prefix tests/e2e/axe)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (tags) => {
             const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
             return {passes: r.passes.map(p => p.id), violations: r.violations.map(v =>
               `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)};
           }""",
        WCAG_21_AA,
    )
    assert "button-name" in result["passes"], f"axe did not check the page's buttons: {result}"
    return list(result["violations"])


def rgb(css_colour: str) -> tuple[int, int, int]:
    """(r, g, b) of a computed colour such as "rgb(11, 83, 148)"."""
    r, g, b = (int(v) for v in re.findall(r"\d+", css_colour)[:3])
    return r, g, b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2.1 contrast ratio, computed independently of the widget's own code."""

    def luminance(c: tuple[int, int, int]) -> float:
        lin = [v / 255 / 12.92 if v / 255 <= 0.03928 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@contextmanager
def serve_page(html: str, hostname: str, port: int = 0) -> Iterator[str]:
    """Serves one HTML page from a real local server (on ``port``, else a free one), as a member
    firm's website would.

    A real server, not a Playwright route: Chromium's local-network checks stop a page that
    does not come from a loopback address from reaching the bot on localhost.
    """
    body = html.encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - name fixed by http.server
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{hostname}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
