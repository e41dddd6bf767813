"""The widget's fixes after exploratory QA round 6 (docs/widget.md), in a real browser.

One worker journey to offer cards on a phone-sized page (375 × 667) is shared by the first tests
of this module, in order, as it is the slow part: where the results open, the partners' contacts
on cards, "Print" giving focus back, the details of an offer (all that its text says, a double
click sending once), the results' suggested replies still usable after "Details", and a double
click on "I'm interested". The other tests need only the greeting: full-screen focus, the
language of the bot's English in a German widget, "New conversation" asking first, two tabs
showing one conversation, and the demo page's scrolling regions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from launcher.stack import Stack
from tests.e2e.widget_support import BOT_TURN_MS, OPEN_CHAT, Visit, axe_violations

pytest_plugins = ["tests.e2e.widget_support"]

PHONE = {"width": 375, "height": 667}

# The first message of the bot's latest batch (after the user's last turn): where it is in the log.
BATCH_START = """() => {
  const log = document.querySelector('.cc-log'), msgs = [...log.querySelectorAll('.cc-msg')];
  const first = msgs[msgs.map(m => m.classList.contains('cc-user')).lastIndexOf(true) + 1];
  return {top: first.getBoundingClientRect().top - log.getBoundingClientRect().top,
          batch: log.scrollHeight - first.offsetTop, view: log.clientHeight};
}"""


def stored_bot_messages(page: Page) -> list[dict[str, Any]]:
    """What the widget keeps of the bot's messages (the socket frames' payloads), in order."""
    state = json.loads(page.evaluate("localStorage.getItem('cluster-chat')"))
    return [m["data"] for m in state["messages"] if m["from"] == "bot"]


def offer_cards(page: Page) -> list[dict[str, Any]]:
    return [
        m["custom"] for m in stored_bot_messages(page) if (m.get("custom") or {}).get("type") == "offer_card"
    ]


def double_click(button: Locator) -> None:
    """Two clicks 250 ms apart on the same button, as a slow double click does when the button stays
    put (a reply may well have come by the second click).

    (Playwright's dblclick clicks twice at one point of the screen: the log may have scrolled
    another element under it by the second click.)"""
    button.evaluate("b => { b.click(); setTimeout(() => b.click(), 250); }")


def focused(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => { const a = document.activeElement;
             return {inPanel: !!a.closest('.cc-panel'), tag: a.tagName,
                     name: (a.getAttribute('aria-label') || a.textContent || '').trim()}; }"""
    )


class Results(Visit):
    """A visitor who has got offer cards; `arrival` is where the results' first reply was then."""

    arrival: dict[str, float] = {}


@pytest.fixture(scope="module")
def results(browser: Browser, stack: Stack) -> Iterator[Results]:
    """A worker at 375 × 667 who has just got the offer cards."""
    visit = Results(browser, stack, viewport=PHONE)
    page = visit.open_page()
    visit.take_journey()
    expect(page.get_by_role("button", name="Download summary")).to_be_visible(timeout=BOT_TURN_MS)
    visit.wait_for_replies(more_than=0)
    visit.arrival = page.evaluate(BATCH_START)
    yield visit
    visit.close()
    assert visit.foreign_requests() == [], "requests to hosts other than the page's and the bot's"


def test_results_open_at_their_first_reply_not_at_their_end(results: Results) -> None:
    """On a phone, the first (best) offer is in view when the results arrive, not 5 screens up."""
    arrival = results.arrival
    assert arrival["batch"] > arrival["view"], f"the results should be taller than the log: {arrival}"
    assert 0 <= arrival["top"] <= 40, (
        f"the first reply of the results should be at the top of the log: {arrival}"
    )


def test_offer_cards_show_the_partners_contacts_as_links(results: Results) -> None:
    page = results.page
    partner = offer_cards(page)[0]["offer"]["partner"]
    card = page.locator("article.cc-card").first
    assert partner["email"] and partner["phone"] and partner["website"], partner
    expect(card.locator(f'a[href="mailto:{partner["email"]}"]')).to_have_text(partner["email"])
    expect(card.locator('a[href^="tel:"]')).to_have_text(partner["phone"])
    website = card.locator(f'a[href^="{partner["website"]}"]').first
    expect(website).to_be_visible()
    expect(website).to_have_attribute("target", "_blank")


def test_print_gives_focus_back_to_its_button(results: Results) -> None:
    """WCAG 2.4.3: after the print dialog, focus is where it was, not on the page's body."""
    page = results.page
    button = page.get_by_role("button", name="Print / save summary")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)  # the hidden print frame is gone by now
    expect(page.locator("iframe.cc-print-frame")).to_have_count(0)
    expect(button).to_be_focused()


def test_details_show_all_their_text_says_and_a_double_click_sends_once(results: Results) -> None:
    page = results.page
    cards, users = page.locator("article.cc-card"), page.locator(".cc-user")
    first, title = offer_cards(page)[0]["offer"], cards.first.get_by_role("heading").inner_text()
    count, turns, replies = cards.count(), users.count(), page.locator(".cc-bot").count()
    double_click(cards.first.get_by_role("button", name="Details"))
    results.wait_for_replies(more_than=replies)
    page.wait_for_timeout(2000)  # a second request would have been answered by now
    expect(users).to_have_count(turns + 1)
    expect(users.last).to_contain_text(f"Details — {title}")
    expect(cards).to_have_count(count + 1)  # one details card

    details = offer_cards(page)[-1]
    assert details["offer"]["offer_id"] == first["offer_id"]
    lines = details["text"].split("\n")
    indented = [i for i, line in enumerate(lines) if i and line[:1].isspace()]
    extra = [line for line in lines[max(indented) + 1 :] if line.strip()]
    assert extra, f"the details' text should carry a description, seats or an address: {details['text']!r}"
    card = cards.last
    text = card.inner_text()
    for line in extra:  # description, "Seats: …", "Address: …"
        assert line in text, f"{line!r} of the details' text is missing from the card:\n{text}"
    partner = details["offer"]["partner"]
    expect(card.locator(f'a[href="mailto:{partner["email"]}"]')).to_be_visible()
    expect(card.locator('a[href^="tel:"]')).to_have_text(partner["phone"])
    # what the results' card said and the details' payload lacks: distance, skills, reasons
    assert details["offer"]["distance_km"] is None and details["offer"]["reasons"] == []
    if first["distance_km"] is not None:
        expect(card.locator("dd").first).to_contain_text("km")
    expect(card).to_contain_text("Why this offer")
    for reason in first["reasons"]:
        expect(card.locator(".cc-reasons")).to_contain_text(reason)
    expect(card.get_by_role("button", name="I'm interested")).to_be_enabled()


def test_the_results_replies_stay_usable_after_details(results: Results) -> None:
    """A card's "Details" does not spend "More results", "Closer", … of the results."""
    page = results.page
    bot = page.locator(".cc-bot")
    replies = bot.count()
    page.locator("article.cc-card").nth(1).get_by_role("button", name="Details").click()
    results.wait_for_replies(more_than=replies)
    # a next step of the results: only those that would change something are offered (QA8 L10)
    steps = re.compile("^(More results|Only online|Closer|Free ones)$")
    offered = page.locator(".cc-quick button").filter(has_text=steps)
    expect(offered.last).to_be_enabled()
    more = offered.nth(offered.count() - 1)  # this one, not the last of the replies to come
    replies, title = bot.count(), more.inner_text()
    more.click()
    expect(page.locator(".cc-user").last).to_have_text(re.compile(f"{re.escape(title)}$"))
    results.wait_for_replies(more_than=replies)  # the next offers, or that there are no more
    expect(more).to_be_disabled()  # now it is spent


def test_a_double_click_on_im_interested_sends_once(results: Results) -> None:
    page = results.page
    users, bot = page.locator(".cc-user"), page.locator(".cc-bot")
    turns, replies = users.count(), bot.count()
    double_click(page.locator("article.cc-card").first.get_by_role("button", name="I'm interested"))
    results.wait_for_replies(more_than=replies)
    page.wait_for_timeout(2000)
    expect(users).to_have_count(turns + 1)
    expect(users.last).to_contain_text("I'm interested — ")
    expect(bot).to_have_count(replies + 1)
    expect(bot.last).to_contain_text("interest")


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [pytest.param(375, 667, 1, id="phone"), pytest.param(640, 400, 2, id="1280x800-at-200%-zoom")],
)
def test_full_screen_chat_keeps_focus_inside(
    new_visit: Callable[..., Visit], stack: Stack, width: int, height: int, scale: int
) -> None:
    """WCAG 2.4.3 / 2.4.7: where the chat covers the page, Tab never goes to the page under it."""
    visit = new_visit(stack, viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = visit.open_page()
    launcher = page.get_by_role("button", name=OPEN_CHAT)
    visit.open_chat()
    visit.bot_says("Before we start")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_have_attribute("aria-modal", "true")
    page.get_by_role("button", name="Send").focus()
    names = []
    for _ in range(12):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["inPanel"], f"Tab left the full-screen chat for {now}"
        names.append(now["name"])
    assert names[0] == "New conversation", f"after Send, Tab wraps to the header: {names}"
    page.keyboard.press("Shift+Tab")  # from wherever, back round to Send
    for _ in range(12):
        now = focused(page)
        assert now["inPanel"], f"Shift+Tab left the full-screen chat for {now}"
        if now["name"] == "New conversation":
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Send")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(launcher).to_be_focused()


def test_a_desktop_chat_stays_non_modal(visit: Visit) -> None:
    page = visit.open_page()
    launcher = page.get_by_role("button", name=OPEN_CHAT)
    visit.open_chat()
    expect(page.get_by_role("dialog")).to_have_attribute("aria-modal", "false")
    page.get_by_role("button", name="Send").focus()
    page.keyboard.press("Tab")
    expect(launcher).to_be_focused()  # visible beside the panel


def test_a_german_widget_marks_the_bots_english(visit: Visit) -> None:
    """WCAG 3.1.2: the bot's messages are English inside a German widget (lang="de")."""
    page = visit.open_page(visit.web_url + "?lang=de")
    page.get_by_role("button", name=re.compile("^Chat öffnen")).click()
    visit.bot_says("Before we start")
    expect(page.locator(".cc-note")).to_have_text("Der Assistent antwortet derzeit auf Englisch.")
    langs = page.evaluate(
        """() => ({
             bubbles: [...document.querySelectorAll('.cc-bot .cc-bubble')].map(e => e.closest('[lang]').lang),
             replies: [...document.querySelectorAll('.cc-quick button')].map(e => e.closest('[lang]').lang),
             labels: ['.cc-send', '.cc-restart', '.cc-bot .cc-sr', '.cc-input', '.cc-note']
               .map(s => document.querySelector(s).closest('[lang]').lang)})"""
    )
    assert langs["bubbles"] and set(langs["bubbles"]) == {"en"}, langs
    assert langs["replies"] and set(langs["replies"]) == {"en"}, langs
    assert set(langs["labels"]) == {"de"}, langs  # the widget's own words stay German


def test_an_english_widget_has_no_language_note(visit: Visit) -> None:
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    expect(page.locator(".cc-note")).to_have_count(0)


def test_new_conversation_asks_before_clearing(visit: Visit) -> None:
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    visit.click_reply("Yes, that's fine")
    visit.bot_says("What is your current or last job")
    messages = page.locator(".cc-msg").count()
    restart = page.get_by_role("button", name="New conversation")

    restart.click()
    ask = page.get_by_role("group", name="Start a new conversation? This chat will be cleared here.")
    expect(ask).to_be_visible()
    expect(restart).to_have_attribute("aria-expanded", "true")
    expect(ask.get_by_role("button", name="Cancel")).to_be_focused()
    expect(page.locator(".cc-msg")).to_have_count(messages)  # nothing cleared yet
    page.keyboard.press("Escape")  # closes the question, not the chat
    expect(ask).to_be_hidden()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(restart).to_be_focused()
    expect(page.locator(".cc-msg")).to_have_count(messages)

    restart.click()
    ask.get_by_role("button", name="Cancel").click()
    expect(ask).to_be_hidden()
    expect(page.locator(".cc-msg")).to_have_count(messages)

    restart.click()
    ask.get_by_role("button", name="Clear and start again").click()
    expect(ask).to_be_hidden()
    expect(page.locator(".cc-user")).to_have_count(0)
    expect(page.get_by_label("Your message")).to_be_focused()
    visit.bot_says("Before we start")  # a new conversation
    assert "What is your current or last job" not in page.evaluate("localStorage.getItem('cluster-chat')")


def test_two_tabs_show_one_conversation(visit: Visit) -> None:
    """Tabs share the stored conversation: each shows what was typed in the other, nothing twice."""
    a = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    b = visit.context.new_page()  # same site, same storage; its chat opens too (it was open)
    b.goto(visit.web_url)
    expect(b.locator(".cc-bot").filter(has_text="Before we start")).to_be_visible()
    visit.click_reply("Yes, that's fine")
    visit.bot_says("What is your current or last job")
    expect(b.locator(".cc-user")).to_have_text([re.compile("Yes, that's fine")])

    b.get_by_label("Your message").fill("I worked as a forklift driver")
    b.get_by_role("button", name="Send").click()
    expect(b.locator(".cc-bot").filter(has_text="Which skills do you have")).to_be_visible(
        timeout=BOT_TURN_MS
    )
    visit.bot_says("Which skills do you have")
    visit.type("forklift driving, stock control and Excel")
    visit.bot_says("I understood these skills")
    expect(b.locator(".cc-bot").filter(has_text="I understood these skills")).to_be_visible(
        timeout=BOT_TURN_MS
    )
    b.wait_for_timeout(1500)

    said = [re.compile("Yes, that's fine"), re.compile("forklift driver"), re.compile("stock control")]
    for page in (a, b):
        expect(page.locator(".cc-user")).to_have_text(said)
    a.get_by_role("button", name="Close chat").click()  # A saves last: B's turn must survive
    c = visit.context.new_page()
    c.goto(visit.web_url)
    c.evaluate("ClusterChat.open()")
    expect(c.locator(".cc-user")).to_have_text(said)
    bot = [m.get("text") for m in stored_bot_messages(c)]
    assert len(bot) == len(set(bot)), f"a reply was kept twice: {bot}"
    expect(c.locator(".cc-bot")).to_have_count(a.locator(".cc-bot").count())


def test_a_tab_without_the_chat_open_does_not_overwrite_the_conversation(visit: Visit) -> None:
    a = visit.open_page()
    b = visit.context.new_page()
    b.goto(visit.web_url)  # a page of the site with the chat closed: no socket
    visit.open_chat()
    visit.bot_says("Before we start")
    visit.click_reply("Yes, that's fine")
    visit.bot_says("What is your current or last job")
    b.evaluate("ClusterChat.open()")  # saves its copy: it must be the current one
    expect(b.locator(".cc-user")).to_have_text([re.compile("Yes, that's fine")])
    expect(b.locator(".cc-bot").filter(has_text="What is your current or last job")).to_have_count(1)
    assert "What is your current or last job" in a.evaluate("localStorage.getItem('cluster-chat')")


def test_the_demo_pages_scrolling_regions_take_keyboard_focus(
    new_visit: Callable[..., Visit], stack: Stack
) -> None:
    """axe at phone width (scrollable-region-focusable: code samples and the options table), also
    with the German chat open full screen (aria-modal, the language note) and asking to restart."""
    visit = new_visit(stack, viewport=PHONE)
    page = visit.open_page(visit.web_url + "?lang=de")
    for region in page.locator("pre, .table").all():
        expect(region).to_have_attribute("tabindex", "0")
        expect(region).to_have_attribute("aria-label", re.compile("."))
    assert axe_violations(page) == []
    page.get_by_role("button", name=re.compile("^Chat öffnen")).click()
    visit.bot_says("Before we start")
    page.get_by_role("button", name="Neues Gespräch").click()
    expect(page.get_by_role("button", name="Abbrechen")).to_be_focused()
    assert axe_violations(page) == []
