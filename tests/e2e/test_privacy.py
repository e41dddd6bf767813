"""Privacy end to end: logs hold no personal data; "what do you store"; "forget me" erases.

A worker and a firm give a distinctive name, e-mail, company and free text; afterwards no log
file of the stack (rasa, actions, ...) may contain any of them. The worker then asks what is
stored and says "forget me": the bot asks first; "no" keeps everything, "yes" deletes the
tracker store's rows, leads, needs and consent records of that sender, read straight from the
databases. Inside a form, "no" resumes the form where it was and a "yes"/"no" to the question is
never taken as the answer to the form's question.
"""

from __future__ import annotations

import pytest
import sqlalchemy

from launcher.stack import Stack
from skills_catalog.leads import open_lead_store
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.privacy import open_consent_store
from tests.e2e.conftest import RestUser
from tests.e2e.fault_support import requested_slot

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
    NAME, EMAIL, f"welding and {FREE_TEXT}", "/affirm", "4", '/inform{"choice":"new_hires"}', "2099-03-01",
    '/inform{"choice":"any"}', "/firm_save",
]  # fmt: skip


ASKS_FIRST = "It cannot be undone. Delete everything?"
DONE = "Done: I deleted this conversation"
KEPT = "Nothing was deleted."


def text_of(replies: list[dict]) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def ask_forget_me(user: RestUser) -> None:
    """Say "forget me" and check that the bot asks first, with its two buttons."""
    replies = user.say("forget me")
    assert ASKS_FIRST in text_of(replies) and DONE not in text_of(replies), replies
    buttons = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert buttons == ["/forget_me_confirm", "/forget_me_cancel"], replies


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


@pytest.mark.parametrize(
    ("who", "still_listed"), [("worker", "Interest passed on"), ("firm", "Skills need N-")]
)
def test_no_to_forget_me_keeps_everything(
    stack: Stack, who: str, still_listed: str, request: pytest.FixtureRequest
) -> None:
    user: RestUser = request.getfixturevalue(who)
    rows = tracker_rows(stack, user.sender)
    ask_forget_me(user)
    assert KEPT in text_of(user.say("/forget_me_cancel"))
    assert tracker_rows(stack, user.sender) > rows  # the question and the answer were added, nothing removed
    url = stack.settings.needs_db_url
    assert open_consent_store(url).for_sender(user.sender)
    answer = text_of(user.say("what do you store about me"))
    assert still_listed in answer and "Graz" in answer, answer


@pytest.mark.parametrize("who", ["worker", "firm"])
def test_forget_me_erases_tracker_and_records(stack: Stack, who: str, request: pytest.FixtureRequest) -> None:
    user: RestUser = request.getfixturevalue(who)
    assert tracker_rows(stack, user.sender) > 0
    ask_forget_me(user)
    assert DONE in text_of(user.say("/forget_me_confirm"))
    url = stack.settings.needs_db_url
    assert tracker_rows(stack, user.sender) == 0
    assert open_lead_store(url).for_sender(user.sender) == []
    assert open_consent_store(url).for_sender(user.sender) == []
    assert [n for n in needs_store_from_url(url).list() if n.sender_id == user.sender] == []
    again = text_of(user.say("what do you store about me"))
    assert "nothing you told me yet" in again and "Graz" not in again


def worker_at_job_question(stack: Stack) -> RestUser:
    """A new worker who agreed to the consent question: the form asks for the job."""
    user = RestUser(stack)
    user.say("hello")
    assert "What is your current or last job" in text_of(user.say("/give_consent"))
    return user


def test_a_typed_yes_after_the_question_deletes(stack: Stack) -> None:
    user = worker_at_job_question(stack)
    ask_forget_me(user)
    assert DONE in text_of(user.say("yes"))
    assert tracker_rows(stack, user.sender) == 0
    assert open_consent_store(stack.settings.needs_db_url).for_sender(user.sender) == []


def test_something_else_after_the_question_deletes_nothing_and_is_answered(stack: Stack) -> None:
    user = worker_at_job_question(stack)
    ask_forget_me(user)
    answer = text_of(user.say("my grandmother makes great soup"))
    assert DONE not in answer and "What is your current or last job" in answer, answer
    assert "Which skills do you have" in text_of(user.say("I worked as a welder"))
    assert open_consent_store(stack.settings.needs_db_url).for_sender(user.sender)
    assert DONE not in text_of(user.say("yes"))  # a later yes answers the form, not the old question


def test_no_inside_the_worker_form_resumes_it_and_is_not_an_answer(stack: Stack) -> None:
    user = RestUser(stack)
    assert "Before we start" in text_of(user.say("hello"))
    ask_forget_me(user)
    answer = text_of(user.say("no"))  # not a refusal of consent: the answer to "delete everything?"
    assert KEPT in answer and "Before we start" in answer, answer
    assert requested_slot(stack, user.sender) == "consent_given"
    user.say("/give_consent")
    user.say("I worked as a welder")
    ask_forget_me(user)
    answer = text_of(user.say("/forget_me_cancel"))
    assert KEPT in answer and "Which skills do you have" in answer, answer
    assert "welder" in text_of(user.say("what do you store about me"))


def test_no_inside_the_firm_form_resumes_it_and_is_not_the_company(stack: Stack) -> None:
    user = RestUser(stack)
    user.say("/firm_start")
    assert "What is the name of your company" in text_of(user.say("/affirm"))
    ask_forget_me(user)
    answer = text_of(user.say("no"))  # not a company called "no"
    assert KEPT in answer and "What is the name of your company" in answer, answer
    assert requested_slot(stack, user.sender) == "company"
    assert "In which town" in text_of(user.say(COMPANY))
    ask_forget_me(user)
    assert KEPT in text_of(user.say("/forget_me_cancel"))
    assert COMPANY in text_of(user.say("what do you store about me"))


def test_a_later_no_keep_it_button_inside_the_form_is_not_an_answer(stack: Stack) -> None:
    user = worker_at_job_question(stack)
    answer = text_of(user.say("/forget_me_cancel"))  # tapped on an old question, the form asks for the job
    assert KEPT in answer and "What is your current or last job" in answer, answer
    assert requested_slot(stack, user.sender) == "occupation"
    assert "Which skills do you have" in text_of(user.say("I worked as a welder"))
