"""The chat widget in a real browser against the real assistant.

Debian's Chromium (never a Playwright-downloaded browser) opens the demo page that the `stack`
fixture (tests/e2e/conftest.py) serves next to the Rasa and action servers it started. The
journey test walks a worker through the profile form to offer cards, reloads the page and
carries on, and checks that the page talks to no host but its own and the bot's.
Screenshots go to var/screenshots/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect, sync_playwright

from launcher.stack import Stack

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
BOT_TURN_MS = 60_000  # a turn runs NLU, the policies and an action; the first one loads the engine
OPEN_CHAT = re.compile(r"^Open chat")

# The worker journey of tests/conversations/happy_path.yml, as a person does it in the widget:
# (how, what, a phrase of the bot's next question).
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
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium); browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """One visitor: a fresh browser context (own storage) that records every URL it asks for."""

    def __init__(self, browser: Browser, web_url: str) -> None:
        self.web_url = web_url
        # Reduced motion: no smooth scrolling, so screenshots show the end of the conversation.
        self.context: BrowserContext = browser.new_context(
            viewport={"width": 1280, "height": 800}, accept_downloads=True, reduced_motion="reduce"
        )
        self.urls: list[str] = []
        self.console: list[str] = []
        self.context.on("request", lambda request: self.urls.append(request.url))
        self.page: Page = self.context.new_page()
        self.page.on("websocket", lambda ws: self.urls.append(ws.url))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))

    def open_page(self, url: str | None = None) -> Page:
        self.page.goto(url or self.web_url)
        return self.page

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

    def wait_for_replies(self, more_than: int, quiet_ms: int = 1500) -> None:
        """Waits for new bot messages, then until none has come for `quiet_ms`.

        Replies that arrive while the page reloads are lost (socket.io does not replay them),
        so a test that reloads waits for the bot to finish its turn first.
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

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / name))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Browser, stack: Stack) -> Iterator[Visit]:
    v = Visit(browser, stack.web_url)
    yield v
    v.close()


def origin(url: str) -> str:
    parts = urlsplit(url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return f"{scheme}://{parts.netloc}"


def test_worker_journey_to_offer_cards_survives_a_reload(visit: Visit, stack: Stack) -> None:
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    for how, what, next_question in JOURNEY:
        visit.click_reply(what) if how == "click" else visit.type(what)
        if next_question:
            visit.bot_says(next_question)
    cards = page.locator("article.cc-card")
    expect(cards.first).to_be_visible(timeout=BOT_TURN_MS)
    expect(page.get_by_role("button", name="Print / save summary")).to_be_visible(timeout=BOT_TURN_MS)
    first = cards.first
    expect(first.get_by_role("heading")).not_to_be_empty()
    expect(first.get_by_role("button", name="I'm interested")).to_be_visible()
    visit.screenshot("widget-1280-offers.png")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download summary").click()
    summary = Path(download.value.path()).read_text(encoding="utf-8")
    assert "<script" not in summary
    assert re.search(r"mailto:|https?://", summary), "the summary should carry the partners' contacts"

    replies = page.locator(".cc-bot").count()
    first.get_by_role("button", name="Details").click()
    visit.wait_for_replies(more_than=replies)
    turns_before_reload = page.locator(".cc-msg").count()
    page.reload()
    expect(page.get_by_role("dialog")).to_be_visible()  # it was open, so it opens again
    expect(page.locator(".cc-msg")).to_have_count(turns_before_reload)
    expect(page.locator("article.cc-card").first).to_be_visible()

    page.set_viewport_size({"width": 320, "height": 640})
    visit.type("thanks")  # the same session carries on after the reload
    visit.bot_says("You're welcome")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "no sideways scrolling at 320 px"
    visit.screenshot("widget-320-after-reload.png")

    bot_origin = origin(page.evaluate("ClusterChat.config.serverUrl"))
    assert urlsplit(bot_origin).port == urlsplit(stack.rasa_url).port
    allowed = {origin(stack.web_url), bot_origin}
    foreign = sorted(
        {u for u in visit.urls if not u.startswith(("data:", "blob:", "about:")) and origin(u) not in allowed}
    )
    assert foreign == [], f"requests to hosts other than the page's and the bot's: {foreign}"
    assert any(origin(u) == bot_origin for u in visit.urls), "the widget never reached the bot"


def test_keyboard_only_and_accessible_names(visit: Visit) -> None:
    page = visit.open_page()
    launcher = page.get_by_role("button", name=OPEN_CHAT)
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Mur Valley Skills Assistant")
    expect(dialog).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Your message")).to_be_focused()
    expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")
    expect(page.locator(".cc-root")).to_have_attribute("lang", "en")
    visit.bot_says("Before we start")

    page.keyboard.type("<img src=x onerror=alert(1)> hello")
    page.keyboard.press("Enter")
    expect(page.locator(".cc-user").last).to_contain_text("<img src=x")  # shown as text ...
    expect(page.locator(".cc-log img")).to_have_count(0)  # ... never as markup

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(launcher).to_be_focused()


def test_messages_typed_offline_are_sent_once_on_reconnect(visit: Visit) -> None:
    # Chromium's offline emulation spares connections to "localhost", not those to 127.0.0.1;
    # the page's /config.js then names the bot by the same address.
    page = visit.open_page(visit.web_url.replace("//localhost:", "//127.0.0.1:"))
    visit.open_chat()
    visit.bot_says("Before we start")
    visit.context.set_offline(True)
    expect(page.get_by_role("status")).to_have_text("Connection lost — reconnecting…", timeout=30_000)
    visit.click_reply("Read the privacy notice")
    expect(page.locator(".cc-pending")).to_have_count(1)
    visit.context.set_offline(False)
    expect(page.locator(".cc-pending")).to_have_count(0, timeout=30_000)
    expect(page.get_by_role("status")).to_be_hidden()
    visit.bot_says("Privacy notice, in short")
    page.wait_for_timeout(3000)  # a second delivery would have brought a second notice by now
    expect(page.locator(".cc-bot").filter(has_text="Privacy notice, in short")).to_have_count(1)


def test_one_tag_embedding_on_another_site(visit: Visit, stack: Stack) -> None:
    """A member firm's own site adds only the script tag: German, left side, a contrast warning."""
    web = urlsplit(stack.web_url)
    bot_url = f"http://{web.hostname}:{urlsplit(stack.rasa_url).port}"
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Member firm</title></head>'
        "<body><h1>Member firm</h1>"
        f'<script src="{stack.web_url}widget/cluster-chat.js" data-server-url="{bot_url}" data-title="Cluster-Chat"'
        ' data-lang="de" data-position="left" data-primary="#ffdd00" data-text="#ffffff" defer></script>'
        "</body></html>"
    )
    with serve_page(html, web.hostname or "localhost") as member_site:
        page = visit.open_page(member_site)
        launcher = page.get_by_role("button", name="Chat öffnen: Cluster-Chat")
        expect(launcher).to_be_visible()
        expect(page.locator(".cc-root")).to_have_attribute("lang", "de")
        assert page.locator(".cc-root").bounding_box()["x"] < 100  # type: ignore[index]
        assert any("contrast" in line and "4.5:1" in line for line in visit.console), visit.console
        launcher.click()
        expect(page.get_by_label("Ihre Nachricht")).to_be_focused()
        expect(page.locator(".cc-bot").first).to_be_visible(timeout=BOT_TURN_MS)  # the greeting arrives
        allowed = {origin(member_site), origin(stack.web_url), bot_url}
        assert {origin(u) for u in visit.urls} <= allowed, visit.urls


@contextmanager
def serve_page(html: str, hostname: str) -> Iterator[str]:
    """Serves one HTML page from a real local server, as a member firm's website would.

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

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{hostname}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
