"""WCAG 2.1 AA of the widget in a real browser: axe-core, keyboard only, contrast, motion, reflow.

axe-core (tests/e2e/axe/, installed by scripts/test-prereqs.sh) is injected into the demo page
and must find no violation of the WCAG 2.1 A/AA rules, with no rule turned off. The keyboard test
is the worker journey to offer cards with Tab, Shift+Tab, Enter and Space only; as it is the
slow part (a dozen bot turns), it also runs axe on the cards and takes the README's screenshot.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from launcher.stack import Stack
from tests.e2e.conftest import MEMBER_SITE_PORT
from tests.e2e.widget_support import (
    BOT_TURN_MS,
    JOURNEY,
    OPEN_CHAT,
    Visit,
    axe_violations,
    contrast,
    rgb,
    serve_page,
)

pytest_plugins = ["tests.e2e.widget_support"]


class Keyboard:
    """Moves focus with Tab / Shift+Tab only, checking on the way that focus is always visible."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def focused_name(self) -> str:
        return self.page.evaluate(
            "(() => { const e = document.activeElement;"
            " return (e.getAttribute('aria-label') || e.textContent || '').trim(); })()"
        )

    def assert_focus_visible(self) -> None:
        """WCAG 2.4.7: a widget element with focus shows an outline of at least 2 px."""
        style = self.page.evaluate(
            "(() => { const e = document.activeElement; if (!e.closest('.cc-root')) return null;"
            " const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
        )
        if style is not None:
            assert style[0] != "none" and style[1] >= 2, (
                f"no visible focus on {self.focused_name()!r}: {style}"
            )

    def move_to(self, name: str | re.Pattern[str], backwards: bool = False, limit: int = 80) -> None:
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(limit):
            self.page.keyboard.press(key)
            self.assert_focus_visible()
            focused = self.focused_name()
            if name.search(focused) if isinstance(name, re.Pattern) else focused == name:
                return
        raise AssertionError(f"{limit} × {key} never reached {name!r}")


def test_axe_finds_no_violation_with_the_chat_closed_and_open(visit: Visit) -> None:
    page = visit.open_page()
    expect(page.get_by_role("button", name=OPEN_CHAT)).to_be_visible()
    assert axe_violations(page) == []
    visit.open_chat()
    visit.bot_says("Before we start")
    assert axe_violations(page) == []


def test_keyboard_only_conversation_to_an_offer_card(visit: Visit) -> None:
    page = visit.open_page()
    keys = Keyboard(page)
    launcher = page.get_by_role("button", name=OPEN_CHAT)
    keys.move_to(OPEN_CHAT)
    page.keyboard.press("Enter")
    message = page.get_by_label("Your message")
    expect(message).to_be_focused()
    visit.bot_says("Before we start")
    for step, (how, what, next_question) in enumerate(JOURNEY):
        if how == "click":  # suggested replies sit just above the input: go back to them
            expect(page.locator(".cc-quick button:enabled").filter(has_text=what).last).to_be_visible()
            keys.move_to(what, backwards=True)
            page.keyboard.press("Space" if step % 2 else "Enter")
        else:
            page.keyboard.type(what)
            page.keyboard.press("Enter")
        expect(message).to_be_focused()
        if next_question:
            visit.bot_says(next_question)
    expect(page.locator("article.cc-card").first).to_be_visible(timeout=BOT_TURN_MS)
    expect(page.get_by_role("button", name="Download summary")).to_be_visible(timeout=BOT_TURN_MS)
    visit.wait_for_replies(more_than=0)

    assert axe_violations(page) == []  # the full conversation, with offer cards
    page.locator("article.cc-card").first.evaluate("card => card.scrollIntoView({block: 'start'})")
    visit.screenshot("widget-1280-offer-cards.png")  # the README's docs/img/widget.png is a copy

    replies = page.locator(".cc-bot").count()
    keys.move_to("I'm interested", backwards=True)  # on the last offer card
    page.keyboard.press("Enter")
    expect(page.locator(".cc-user").last).to_contain_text("I'm interested — ")
    visit.wait_for_replies(more_than=replies)
    visit.bot_says("interest")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


# (data-primary, data-text, warnings expected in the console)
COLOURS = [
    pytest.param("#0b5394", "#ffffff", [], id="defaults"),
    pytest.param("rebeccapurple", "white", [], id="named-colours"),
    pytest.param(
        "#ffdd00", "#ffffff", ["text #ffffff on primary #ffdd00", "primary #ffdd00 on white"], id="yellow"
    ),
    pytest.param("#0b5394", "#336699", ["text #336699 on primary #0b5394"], id="blue-on-blue"),
    pytest.param("#e8f0ff", "#ffffff", ["text #ffffff on primary", "primary #e8f0ff on white"], id="pastel"),
    pytest.param("brand-blue", "#ffffff", ['primary colour "brand-blue"'], id="not-a-colour"),
]


@pytest.mark.parametrize(("primary", "text", "warnings"), COLOURS)
def test_text_reads_at_4_5_to_1_with_any_configured_colours(
    new_visit: Callable[..., Visit], stack: Stack, primary: str, text: str, warnings: list[str]
) -> None:
    """A bad pair warns the integrator in the console and the widget uses a readable colour."""
    visit = new_visit(stack)
    web = urlsplit(stack.web_url)
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Member firm</title></head>'
        f'<body><h1>Member firm</h1><script src="{stack.web_url}widget/cluster-chat.js"'
        f' data-server-url="http://{web.hostname}:{urlsplit(stack.rasa_url).port}"'
        f' data-primary="{primary}" data-text="{text}" defer></script></body></html>'
    )
    with serve_page(html, web.hostname or "localhost", MEMBER_SITE_PORT) as site:  # in CORS_ORIGINS
        visit.allow(stack.web_url)
        page = visit.open_page(site)
        visit.open_chat()
        expect(page.locator(".cc-quick button").first).to_be_visible(timeout=BOT_TURN_MS)
        pairs = page.evaluate(
            """() => ['.cc-launcher', '.cc-title', '.cc-send', '.cc-quick button'].map(sel => {
                 const e = document.querySelector(sel), s = getComputedStyle(e);
                 const bg = getComputedStyle(sel === '.cc-title' ? e.parentElement : e).backgroundColor;
                 return [sel, s.color, bg];
               })"""
        )
    for selector, colour, background in pairs:
        ratio = contrast(rgb(colour), rgb(background))
        assert ratio >= 4.5, f"{selector}: {colour} on {background} is {ratio:.2f}:1"
    warned = [line for line in visit.console if line.startswith("warning: ClusterChat")]
    assert len(warned) == len(warnings), warned
    for expected in warnings:
        assert any(expected in line for line in warned), (expected, warned)


def test_reduced_motion_turns_off_animations_and_transitions(
    new_visit: Callable[..., Visit], stack: Stack
) -> None:
    visit = new_visit(stack, reduced_motion="no-preference")
    page = visit.open_page()
    visit.open_chat()
    moving = """() => [...document.querySelectorAll('.cc-root, .cc-root *')].filter(e => {
        const s = getComputedStyle(e);
        return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0)
            || s.scrollBehavior === 'smooth';
      }).map(e => e.className.baseVal ?? e.className)"""
    assert "cc-panel" in page.evaluate(moving), "the panel should slide in for those who do not mind"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(moving) == []
    # and the script, which scrolls the log, asks the same question
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [pytest.param(320, 640, 1, id="320px"), pytest.param(640, 400, 2, id="1280x800-at-200%-zoom")],
)
def test_usable_without_horizontal_scrolling(
    new_visit: Callable[..., Visit], stack: Stack, width: int, height: int, scale: int
) -> None:
    """WCAG 1.4.10 and 1.4.4: zooming 1280 × 800 to 200% leaves a 640 × 400 CSS-pixel viewport."""
    visit = new_visit(stack, viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    overflowing = page.evaluate(
        """() => [document.documentElement, ...document.querySelectorAll('.cc-root *')]
             .filter(e => !e.classList.contains('cc-sr')
                          && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
                          || e === document.documentElement && e.scrollWidth > innerWidth)
             .map(e => e.className || e.tagName)"""
    )
    assert overflowing == [], "horizontal scrolling"
    for control in (page.get_by_label("Your message"), page.get_by_role("button", name="Send"),
                    page.get_by_role("button", name="Close chat")):  # fmt: skip
        expect(control).to_be_in_viewport(ratio=1)
    for button in page.locator(".cc-quick button").all():
        box = button.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, "a suggested reply is cut off"
    visit.screenshot(f"widget-{width}x{height}-open.png")


@pytest.mark.parametrize(
    ("query", "lang", "label"), [("", "en", "Open chat"), ("?lang=de", "de", "Chat öffnen")]
)
def test_widget_root_carries_its_language(visit: Visit, query: str, lang: str, label: str) -> None:
    page = visit.open_page(visit.web_url + query)
    expect(page.locator(".cc-root")).to_have_attribute("lang", lang)
    expect(page.get_by_role("button", name=re.compile(f"^{label}"))).to_be_visible()
