"""The chat widget in a real browser against the real assistant.

Debian's Chromium opens the demo page that the `stack` fixture (tests/e2e/conftest.py) serves
next to the Rasa and action servers it started (browser fixtures: tests/e2e/widget_support.py,
which also fails a test whose page contacted a host other than its own and the bot's). The
journey test walks a worker through the profile form to offer cards, reloads the page and
carries on. Screenshots go to var/screenshots/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from launcher.stack import Stack
from tests.e2e.conftest import MEMBER_SITE_PORT
from tests.e2e.widget_support import BOT_TURN_MS, OPEN_CHAT, Visit, origin, serve_page

pytest_plugins = ["tests.e2e.widget_support"]


def test_worker_journey_to_offer_cards_survives_a_reload(visit: Visit, stack: Stack) -> None:
    page = visit.open_page()
    visit.take_journey()
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
    assert any(origin(u) == bot_origin for u in visit.urls), "the widget never reached the bot"
    # and the `visit` fixture checks that nothing else was contacted


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


def test_confirmed_forget_me_also_clears_the_copy_kept_in_the_browser(visit: Visit) -> None:
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    visit.click_reply("Yes, that's fine")
    visit.bot_says("What is your current or last job")
    visit.type("I worked as a forklift driver")
    visit.bot_says("Which skills do you have")
    assert "forklift" in page.evaluate("localStorage.getItem('cluster-chat')")

    visit.type("forget me")
    visit.bot_says("It cannot be undone. Delete everything?")
    assert "forklift" in page.evaluate("localStorage.getItem('cluster-chat')")  # asked, nothing deleted yet
    visit.click_reply("Yes, delete everything")
    visit.bot_says("Done: I deleted this conversation")
    saved = page.evaluate("localStorage.getItem('cluster-chat')")
    assert "forklift" not in saved and "Before we start" not in saved
    expect(page.locator(".cc-msg")).to_have_count(1)  # only the confirmation is left
    page.reload()
    expect(page.locator(".cc-user")).to_have_count(0)
    assert "forklift" not in page.locator(".cc-log, [role=log]").first.inner_text()


def member_page(stack: Stack) -> str:
    """A member firm's page that adds only the widget's script tag (German, left, yellow)."""
    bot_url = f"http://{urlsplit(stack.web_url).hostname}:{urlsplit(stack.rasa_url).port}"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Member firm</title></head>'
        "<body><h1>Member firm</h1>"
        f'<script src="{stack.web_url}widget/cluster-chat.js" data-server-url="{bot_url}" data-title="Cluster-Chat"'
        ' data-lang="de" data-position="left" data-primary="#ffdd00" data-text="#ffffff" defer></script>'
        "</body></html>"
    )


def test_one_tag_embedding_on_another_site(visit: Visit, stack: Stack) -> None:
    """A member firm's own site, listed in CORS_ORIGINS, adds only the script tag."""
    hostname = urlsplit(stack.web_url).hostname or "localhost"
    with serve_page(member_page(stack), hostname, MEMBER_SITE_PORT) as member_site:
        page = visit.open_page(member_site)
        launcher = page.get_by_role("button", name="Chat öffnen: Cluster-Chat")
        expect(launcher).to_be_visible()
        expect(page.locator(".cc-root")).to_have_attribute("lang", "de")
        assert page.locator(".cc-root").bounding_box()["x"] < 100  # type: ignore[index]
        assert any("contrast" in line and "4.5:1" in line for line in visit.console), visit.console
        launcher.click()
        expect(page.get_by_label("Ihre Nachricht")).to_be_focused()
        expect(page.locator(".cc-bot").first).to_be_visible(timeout=BOT_TURN_MS)  # the greeting arrives
        visit.allow(stack.web_url)  # where the member site loads the widget from; nothing else


def test_a_site_not_in_cors_origins_cannot_open_the_chat(visit: Visit, stack: Stack) -> None:
    """The socket is refused on connect (connectors/socketio.py), WebSocket and polling alike."""
    hostname = urlsplit(stack.web_url).hostname or "localhost"
    with serve_page(member_page(stack), hostname) as unlisted_site:
        page = visit.open_page(unlisted_site)
        page.get_by_role("button", name="Chat öffnen: Cluster-Chat").click()
        expect(page.get_by_role("status")).to_have_text(re.compile("Verbindung unterbrochen"), timeout=30_000)
        page.wait_for_timeout(3000)  # the greeting would have arrived by now
        expect(page.locator(".cc-bot")).to_have_count(0)
        visit.allow(stack.web_url)
