"""Privacy end to end: logs hold no personal data; "what do you store"; "forget me" erases.

A worker and a firm give a distinctive name, e-mail, company and free text; afterwards no log
file of the stack (rasa, actions, ...) may contain any of them. The worker then asks what is
stored and says "forget me": the tracker store's rows, leads, needs and consent records of
that sender must be gone, read straight from the databases.
"""

from __future__ import annotations

import pytest
import sqlalchemy

from launcher.stack import Stack
from skills_catalog.leads import open_lead_store
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.privacy import open_consent_store
from tests.e2e.conftest import RestUser

NAME, EMAIL = "Zyxwvut Qwertyson", "zyxwvut.qwertyson@example.org"
COMPANY, FREE_TEXT = "Qwertyson Frobnication GmbH", "frobnicating quuxinators"
SECRETS = (NAME, "Zyxwvut", "Qwertyson", EMAIL, COMPANY, FREE_TEXT)
WORKER_TURNS = [
    "hello", "/give_consent", f"I am {NAME}, I worked as a welder", f"MIG welding and {FREE_TEXT}", "yes",
    "I want to learn PLC programming", "Graz", '/inform{"choice":"any"}', "80 km", '/inform{"choice":"any"}',
    "up to 2500 euros", "right away",
]  # fmt: skip
FIRM_TURNS = [
    "/firm_start", "/affirm", COMPANY, "Graz", '/inform{"choice":"construction"}', '/inform{"choice":"medium"}',
    NAME, EMAIL, f"welding and {FREE_TEXT}", "/affirm", "4", '/inform{"choice":"new_hires"}', "2027-03-01",
    '/inform{"choice":"any"}', "/firm_save",
]  # fmt: skip


def text_of(replies: list[dict]) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def tracker_rows(stack: Stack, sender: str) -> int:
    engine = sqlalchemy.create_engine(stack.settings.tracker_db_url, future=True)
    with engine.connect() as conn:
        query = sqlalchemy.text("SELECT COUNT(*) FROM events WHERE sender_id = :s")
        count = int(conn.execute(query, {"s": sender}).scalar_one())
    engine.dispose()
    return count


@pytest.fixture(scope="module")
def worker(stack: Stack) -> RestUser:
    """A worker who told name and free text, and asked for an offer (a lead)."""
    user = RestUser(stack)
    replies: list[dict] = []
    for turn in WORKER_TURNS:
        replies = user.say(turn)
    cards = [r["custom"]["offer"] for r in replies if r.get("custom", {}).get("type") == "offer_card"]
    assert cards, replies
    user.say(f'/express_interest{{"offer_id":"{cards[0]["offer_id"]}"}}')
    assert open_lead_store(stack.settings.needs_db_url).for_sender(user.sender)
    return user


@pytest.fixture(scope="module")
def firm(stack: Stack) -> RestUser:
    """A firm that posted a need with the same distinctive contact details."""
    user = RestUser(stack)
    replies: list[dict] = []
    for turn in FIRM_TURNS:
        replies = user.say(turn)
    assert "Your reference is" in text_of(replies), replies
    return user


def test_logs_hold_no_names_emails_or_free_text(stack: Stack, worker: RestUser, firm: RestUser) -> None:
    firm.say("what do you store about me")
    logs = sorted(stack.log_dir.glob("*.log"))
    assert {"rasa.log", "actions.log"} <= {log.name for log in logs}
    for log in logs:
        content = log.read_text(errors="replace")
        leaked = [s for s in SECRETS if s.lower() in content.lower()]
        assert not leaked, f"{log.name} contains {leaked}"


def test_what_stored_lists_what_was_said_and_the_records(worker: RestUser) -> None:
    answer = text_of(worker.say("what do you store about me"))
    for expected in ("welder", "Graz", "Interest passed on", "Your consent", "forget me"):
        assert expected in answer, answer


def test_firm_sees_its_need_reference(firm: RestUser) -> None:
    answer = text_of(firm.say("what do you store about me"))
    assert "Skills need N-" in answer and COMPANY in answer and EMAIL in answer


@pytest.mark.parametrize("who", ["worker", "firm"])
def test_forget_me_erases_tracker_and_records(stack: Stack, who: str, request: pytest.FixtureRequest) -> None:
    user: RestUser = request.getfixturevalue(who)
    assert tracker_rows(stack, user.sender) > 0
    assert "Done: I deleted this conversation" in text_of(user.say("forget me"))
    url = stack.settings.needs_db_url
    assert tracker_rows(stack, user.sender) == 0
    assert open_lead_store(url).for_sender(user.sender) == []
    assert open_consent_store(url).for_sender(user.sender) == []
    assert [n for n in needs_store_from_url(url).list() if n.sender_id == user.sender] == []
    again = text_of(user.say("what do you store about me"))
    assert "nothing you told me yet" in again and "Graz" not in again
