"""The conversations "forget me" erases elsewhere (``skills_catalog.conversations``) are gone for Rasa.

The library deletes rows of Rasa's ``events`` table with plain SQL, on the URL the launcher gives
Rasa; this checks it against the real tracker store, which holds the conversation in its session
cache: its next turn starts afresh, and the conversations not named are untouched. SQLite and
PostgreSQL (conftest.py).
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import UserUttered

from skills_catalog.conversations import SqlConversationStore
from tests.test_connectors.test_tracker_cache import sender, store, take_turn  # noqa: F401


def url_of(tracker_db: dict[str, Any]) -> str:
    """The settings URL (TRACKER_DB_URL) of the database the store's keys name."""
    if tracker_db["dialect"] == "sqlite":
        return f"sqlite:///{tracker_db['db']}"
    return (
        f"postgresql://{tracker_db['username']}@{tracker_db['host']}:{tracker_db['port']}/{tracker_db['db']}"
    )


async def test_a_conversation_erased_by_the_library_starts_afresh(
    tracker_db: dict[str, Any],
    sender: str,  # noqa: F811
) -> None:
    rasa, other = store(tracker_db), f"{sender}-other"
    for who in (sender, other):
        await take_turn(rasa, who, "we are Qwertyson GmbH, anna@example.org")
        await rasa.retrieve(who)  # cached
    assert SqlConversationStore(url_of(tracker_db)).erase([sender]) == 1
    assert await rasa.retrieve(sender) is None
    assert await rasa.retrieve_full_tracker(sender) is None
    await take_turn(rasa, sender, "hello again")
    assert [e.text for e in (await rasa.retrieve(sender)).events if isinstance(e, UserUttered)] == [
        "hello again"
    ]
    assert await rasa.retrieve(other) is not None
