""" "Forget me" from a later conversation erases the conversation the firm's need was posted in.

QA (erasure must erase everything): a firm posted a need in one conversation, typing its company,
contact name and e-mail; it came back in another with the reference and the secret and said
"forget me" there. The need went, but the posting conversation's events stayed in the tracker
store, with its consent record. Read straight from the databases of the real stack.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy

from launcher.stack import Stack
from skills_catalog.needs_sql import needs_store_from_url
from skills_catalog.privacy import open_consent_store
from tests.e2e.conftest import RestUser
from tests.e2e.test_privacy import DONE, EMAIL, FIRM_TURNS, ask_forget_me, text_of, tracker_rows

#: this test's own e-mail, so that no other test's conversation holds it
OWN_EMAIL = "qxzvwrt.plmbk@example.org"


def rows_holding(stack: Stack, typed: str) -> int:
    """Events of any conversation whose data holds ``typed``."""
    engine = sqlalchemy.create_engine(stack.settings.tracker_db_url, future=True)
    with engine.connect() as conn:
        query = sqlalchemy.text("SELECT COUNT(*) FROM events WHERE data LIKE :typed")
        count = int(conn.execute(query, {"typed": f"%{typed}%"}).scalar_one())
    engine.dispose()
    return count


@pytest.fixture
def posted(stack: Stack) -> tuple[RestUser, str, str]:
    """A firm that posted a need: (its conversation, the reference, the secret)."""
    firm = RestUser(stack)
    replies: list[dict] = []
    for turn in FIRM_TURNS:
        replies = firm.say(OWN_EMAIL if turn == EMAIL else turn)
    found = re.search(r"reference is (N-\w{5}) and your secret is ([\w-]{14})", text_of(replies))
    assert found, replies
    return firm, found.group(1), found.group(2)


def test_forget_me_in_a_later_conversation_erases_the_posting_one(
    stack: Stack, posted: tuple[RestUser, str, str]
) -> None:
    firm, reference, secret = posted
    assert tracker_rows(stack, firm.sender) > 0 and rows_holding(stack, OWN_EMAIL) > 0
    back = RestUser(stack)
    assert reference in text_of(back.say(f"I want to see our need {reference}, secret {secret}"))
    assert "1 other conversation(s)" in text_of(back.say("what do you store about me"))
    ask_forget_me(back)
    assert DONE in text_of(back.say("/forget_me_confirm"))
    url = stack.settings.needs_db_url
    assert needs_store_from_url(url).get(reference) is None
    assert tracker_rows(stack, firm.sender) == 0 and tracker_rows(stack, back.sender) == 0
    assert rows_holding(stack, OWN_EMAIL) == 0
    assert open_consent_store(url).for_sender(firm.sender) == []
