"""A firm posts a need in the chat widget, in a real browser; staff then see it on Slack.

Debian's Chromium (browser fixtures: tests/e2e/widget_support.py) opens the widget of a stack
of its own with the Slack channel enabled (tests/e2e/staff_support.py: Rasa's Slack channel
fed signed Events API requests, the Web API a local double). The firm starts by typing, answers
the form with taps and typed text as a person would, and saves; the need must then be in the
needs store and in a staff member's "new needs" on Slack.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect

from skills_catalog.needs_sql import needs_store_from_url
from tests.e2e.staff_support import STAFF_DM, SlackStack, posted_to, slack_says
from tests.e2e.widget_support import BOT_TURN_MS, Visit

pytest_plugins = ["tests.e2e.widget_support", "tests.e2e.staff_support"]

# (how, what, a phrase of the bot's next question); "click" is a suggested reply.
FIRM_JOURNEY = [
    ("type", "I'm an employer", "I'll take your firm's skills need"),
    ("click", "Yes, go ahead", "What is the name of your company"),
    ("type", "Steel Works", "In which town"),
    ("type", "Graz", "Which industrial ecosystem"),
    ("click", "Construction", "How big is your firm"),
    ("click", "Medium (50–249)", "Who should the cluster contact"),
    ("type", "Ana Berg", "their e-mail address"),
    ("type", "ana@steel.eu", "What do you need"),
    ("type", "welding", "I understood"),
    ("click", "Yes, that's right", "How many people"),
    ("type", "4", "new hires, or upskilling"),
    ("click", "New hires", "By when do you need them"),
    ("type", "2099-03-01", "Which kind of training suits these people"),
    ("click", "Any", "Please check your need"),
    ("click", "Save", "Your reference is"),
]
SAVED = re.compile(r"reference is (N-\w{5}) and your secret is ([\w-]{14})")


def test_need_posted_in_the_widget_reaches_the_store_and_staff_on_slack(
    new_visit: Callable[..., Visit], slack_stack: SlackStack
) -> None:
    visit = new_visit(slack_stack.stack)
    page = visit.open_page()
    visit.open_chat()
    visit.bot_says("Before we start")
    for how, what, next_question in FIRM_JOURNEY:
        visit.click_reply(what) if how == "click" else visit.type(what)
        visit.bot_says(next_question)
    saved = page.locator(".cc-bot").filter(has_text="Your reference is").last
    expect(saved).to_contain_text("keep this secret", timeout=BOT_TURN_MS)
    found = SAVED.search(saved.inner_text())
    assert found, saved.inner_text()
    reference, secret = found.groups()
    visit.screenshot("widget-firm-saved.png")

    store = needs_store_from_url(slack_stack.stack.settings.needs_db_url)
    try:
        needs = store.list()
    finally:
        store.close()
    assert [n.reference for n in needs] == [reference]
    assert needs[0].company == "Steel Works" and needs[0].people == 4 and secret not in str(needs[0])

    assert slack_says(slack_stack.stack, "new needs") == 200
    call = slack_stack.slack.wait_for_sync("chat.postMessage", posted_to(STAFF_DM, "new need since"))
    assert reference in call["params"]["text"]
