"""The widget's fixes after exploratory QA round 12 (docs/widget.md), in a real browser.

A worker journey to offer cards on a phone (390 × 844, touch), with taps, is shared by the first
tests of this module: no button looks chosen after a tap, the bot's contacts in its text are
links, the downloaded summary gives each course's format and languages, and the cards (with a page
of "Only online" ones) say what their texts say (test_widget_cards_qa12.py). The others need at
most the greeting: a long message (the input grows, counts near the limit, never cuts), the
bot's hostile text staying text, and one name for the assistant.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from actions.parsing import MAX_MESSAGE_CHARS
from connectors.guard import GuardSettings
from launcher.stack import Stack
from tests.e2e.test_widget_cards_qa12 import DAY, card_agrees
from tests.e2e.widget_support import BOT_TURN_MS, JOURNEY, Visit

pytest_plugins = ["tests.e2e.widget_support"]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WHITE = "rgb(255, 255, 255)"
MODE_WORDS = {"in_person": "in person", "online": "online", "blended": "blended (online + in person)"}


def tap_reply(page: Page, title: str) -> None:
    button = (
        page.locator(".cc-quick button:enabled").filter(has_text=re.compile(f"^{re.escape(title)}$")).last
    )
    expect(button).to_be_visible(timeout=BOT_TURN_MS)
    button.tap()


def custom_payloads(page: Page, kind: str) -> list[dict[str, Any]]:
    """The custom payloads of type `kind` that the widget keeps of the bot's messages, in order."""
    state = json.loads(page.evaluate("localStorage.getItem('cluster-chat')"))
    bot = [m["data"].get("custom") or {} for m in state["messages"] if m["from"] == "bot"]
    return [custom for custom in bot if custom.get("type") == kind]


@pytest.fixture(scope="module")
def phone(browser: Browser, stack: Stack) -> Iterator[Visit]:
    """A worker on a phone who tapped through to the offer cards."""
    visit = Visit(browser, stack, **PHONE)
    page = visit.open_page()
    page.get_by_role("button", name=re.compile("^Open chat")).tap()
    visit.bot_says("Before we start")
    for how, what, next_question in JOURNEY:
        tap_reply(page, what) if how == "click" else visit.type(what)
        if next_question:
            visit.bot_says(next_question)
    expect(page.get_by_role("button", name="Download summary")).to_be_visible(timeout=BOT_TURN_MS)
    visit.wait_for_replies(more_than=0)
    yield visit
    visit.close()
    assert visit.foreign_requests() == [], "requests to hosts other than the page's and the bot's"


def test_no_button_looks_chosen_after_a_tap(phone: Visit) -> None:
    """On touch screens :hover sticks where the finger was (and on a button that appears there):
    hover styles are for pointers that hover."""
    page = phone.page
    assert not page.evaluate("matchMedia('(hover: hover)').matches"), (
        "the phone should have no hovering pointer"
    )
    button = page.locator(".cc-button:enabled").last
    button.hover()  # the pointer rests on it, as it does after a tap
    expect(button).to_have_css("background-color", WHITE)


def test_a_mouse_still_sees_hover_and_the_keyboard_a_focus_ring(visit: Visit) -> None:
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    button = page.locator(".cc-quick button:enabled").first
    button.hover()
    expect(button).not_to_have_css("background-color", WHITE)
    page.mouse.move(0, 0)
    page.get_by_label("Your message").focus()
    for _ in range(20):  # Shift+Tab back from the input to the suggested replies
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('.cc-quick button')"):
            break
    focused = page.locator(".cc-quick button:focus")
    expect(focused).to_have_css("outline-style", "solid")
    expect(focused).to_have_css("outline-width", "3px")


def test_contacts_in_the_bots_text_are_links(phone: Visit) -> None:
    """The reply to "I'm interested" says how to reach the partner: its website, e-mail, phone."""
    page = phone.page
    partner = custom_payloads(page, "offer_card")[0]["offer"]["partner"]
    replies = page.locator(".cc-bot").count()
    page.locator("article.cc-card").first.get_by_role("button", name="I'm interested").tap()
    phone.wait_for_replies(more_than=replies)
    bubble = page.locator(".cc-bot .cc-bubble").filter(has_text=partner["email"]).last
    expect(bubble).to_be_visible()
    expect(bubble.locator(f'a[href="mailto:{partner["email"]}"]')).to_have_text(partner["email"])
    dial = "tel:" + re.sub(r"[^\d+]", "", partner["phone"])
    expect(bubble.locator(f'a[href="{dial}"]')).to_have_text(partner["phone"])
    expect(bubble.locator(f'a[href^="{partner["website"]}"]').first).to_have_attribute(
        "rel", "noopener noreferrer"
    )


def test_downloaded_summary_gives_each_courses_format_and_languages(phone: Visit) -> None:
    page = phone.page
    offers = custom_payloads(page, "results_summary")[-1]["offers"]
    with page.expect_download() as download:
        page.get_by_role("button", name="Download summary").tap()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    sections = html.split("<section>")[1:]
    assert offers and len(sections) == len(offers), (len(offers), len(sections))
    for offer, section in zip(offers, sections, strict=True):
        languages = "/".join(offer["languages"]).upper()
        assert offer["mode"] in MODE_WORDS and languages, offer
        expected = f"<li>Format: {MODE_WORDS[offer['mode']]} · {languages}</li>"
        assert expected in section, (expected, section)


def test_the_journeys_cards_say_what_their_texts_say(phone: Visit) -> None:
    """The widget builds a card from its payload: what it teaches ("for you: …" first), where an
    online course's partner is, dates and cost say what the card's text says (card_agrees). Last
    of the phone's tests: "Only online" adds a page of cards."""
    page = phone.page
    replies = page.locator(".cc-bot").count()
    tap_reply(page, "Only online")
    phone.wait_for_replies(more_than=replies)
    customs = custom_payloads(page, "offer_card")
    cards = page.locator("article.cc-card")
    expect(cards).to_have_count(len(customs))
    shown = [card_agrees(cards.nth(i), custom)["facts"] for i, custom in enumerate(customs)]
    assert any(facts.get("Teaches", "").startswith("for you: ") for facts in shown), shown
    assert any(facts["Where"].startswith("Online (partner in ") for facts in shown), shown
    when = [facts["When"] for facts in shown]
    assert any(DAY.match(w) for w in when), when
    assert all(DAY.match(w) or w.startswith("start any time") for w in when), when


def test_a_long_message_grows_the_input_counts_near_the_limit_and_is_never_cut(visit: Visit) -> None:
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    limit = page.evaluate("ClusterChat.config.maxChars")
    assert limit == GuardSettings().max_chars == MAX_MESSAGE_CHARS, "the widget takes what the server takes"
    box = page.get_by_label("Your message")
    count = page.locator(".cc-count")
    alert = page.locator(".cc-form").locator("xpath=preceding-sibling::p[@aria-live='polite'][1]")

    box.focus()
    page.keyboard.type("First line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second line")
    height = box.evaluate("b => b.getBoundingClientRect().height")
    assert box.evaluate("b => b.value") == "First line\nsecond line"
    assert height > 50, f"two lines should make the input taller than one: {height}"
    expect(count).to_be_hidden()

    sentence = "I welded steel frames for ten years and now I want to learn robot programming. "
    near = (sentence * 40)[: limit - 100].strip()
    box.fill(near)
    expect(count).to_be_visible()
    expect(count).to_have_text(f"{len(near):,} / {limit:,} characters")
    expect(box).to_have_attribute("aria-describedby", count.evaluate("c => c.id"))
    expect(alert).to_have_text(f"Close to the limit: {limit:,} characters at most.")
    assert box.evaluate("b => b.getBoundingClientRect().height") <= 800 / 4 + 1, (
        "it grows, but not over the log"
    )

    too_long = (sentence * 40)[: limit + 50]
    box.fill(too_long)
    assert box.evaluate("b => b.value") == too_long, "a long message must never be cut"
    expect(count).to_contain_text(f"{limit + 50:,} / {limit:,} characters — Too long to send")
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(alert).to_have_text(f"Too long to send: please shorten it to {limit:,} characters.")
    visit.screenshot("widget-1280-too-long.png")
    users = page.locator(".cc-user")
    box.press("Enter")
    page.get_by_role("button", name="Send").click()
    page.wait_for_timeout(300)
    expect(users).to_have_count(0)
    assert box.evaluate("b => b.value") == too_long, "a refused message stays to be shortened"

    # Exactly the limit, as the server counts it (code points: an emoji is one), goes out whole.
    at_limit = (sentence * 40)[: limit - 2] + " 🙂"
    assert len(at_limit) == limit
    box.fill(at_limit)
    expect(box).not_to_have_attribute("aria-invalid", "true")
    box.press("Enter")
    expect(users).to_have_count(1)
    assert users.first.locator(".cc-bubble").inner_text() == at_limit
    expect(box).to_have_value("")
    expect(count).to_be_hidden()
    assert box.evaluate("b => b.getBoundingClientRect().height") < 50, "the input shrinks back once sent"
    replies = page.locator(".cc-bot").count()
    visit.wait_for_replies(more_than=replies)
    expect(page.locator(".cc-bot").last).not_to_contain_text("too long")


def restored(visit: Visit, bot_text: str) -> Locator:
    """The page with a stored conversation of one bot message (rendered as the live one is)."""
    state = {"v": 1, "sessionId": None, "open": True, "outbox": [], "messages": [
        {"from": "bot", "data": {"text": bot_text}}]}  # fmt: skip
    page = visit.open_page()
    page.evaluate("s => localStorage.setItem('cluster-chat', s)", json.dumps(state))
    page.reload()
    bubble = page.locator(".cc-bot .cc-bubble")
    expect(bubble).to_have_count(1)
    return bubble


def test_only_checked_links_are_made_from_the_bots_text(visit: Visit) -> None:
    text = (
        "Write to training@atmva.example.org or call +43 316 0245 355 (or 0316/123 456); see www.atmva.example.org.\n"
        "Not links: javascript:alert(1), <img src=x onerror=alert(1)>, data:text/html,x, "
        "evil@example.org?cc=spy, dates 2026-01-15, 01.02.2026 and 03/15/2027, 2,000 characters, +50 km."
    )
    bubble = restored(visit, text)
    shown = bubble.evaluate(
        "b => { const c = b.cloneNode(true); c.querySelectorAll('.cc-sr').forEach(s => s.remove()); return c.textContent; }"
    )
    assert shown == text, "all of it is shown, as text"
    links = bubble.locator("a").evaluate_all("as => as.map(a => [a.getAttribute('href'), a.textContent])")
    assert links == [
        ["mailto:training@atmva.example.org", "training@atmva.example.org"],
        ["tel:+433160245355", "+43 316 0245 355"],
        ["tel:0316123456", "0316/123 456"],
        ["https://www.atmva.example.org/", "www.atmva.example.org (opens in a new tab)"],
        ["mailto:evil@example.org", "evil@example.org"],  # the ?cc= stays text, outside the link
    ], links
    assert bubble.locator("img, script, [onerror]").count() == 0


def test_the_bot_gives_the_assistant_no_other_name_than_the_widgets(visit: Visit) -> None:
    """One name, set in one place (the embedding's `title`): the greeting does not name it."""
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    title = page.locator(".cc-title").inner_text()
    said = "\n".join(page.locator(".cc-bot .cc-bubble").all_inner_texts())
    names = set(re.findall(r"\b(?:[A-Z][\w-]* )+Assistant\b", said))
    assert names <= {title}, f"the bot calls itself {names}, the widget {title!r}"
