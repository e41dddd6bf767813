""" "What do you store" names the other conversations "forget me" would erase with the firm's needs.

A firm that came back with its reference and secret was told only of "this conversation" and the
need, while "forget me" also erases the conversation the need was posted in (and those it was
opened in), with the contact details typed there.
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions import privacy_texts, services
from actions.firm_submit import draft_from_slots
from actions.privacy import ActionWhatStored
from tests.test_actions.conftest import texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

OTHER_CHATS = privacy_texts.OTHER_CHATS.split("{count}")[1].split("(kept")[0]


async def test_what_stored_names_the_conversation_a_need_was_posted_in(
    dispatcher: CollectingDispatcher,
) -> None:
    need, secret = services.needs().add(draft_from_slots(tracker(FILLED, sender="posted-last-week")))
    services.needs().get_for_owner(need.reference, secret or "", unlocked_by="back-today")
    await ActionWhatStored().run(dispatcher, tracker(sender="back-today"), {})
    [said] = texts_of(dispatcher)
    assert f"Skills need {need.reference}" in said and f"• 1{OTHER_CHATS}" in said


async def test_the_conversation_that_posted_it_has_no_other(dispatcher: CollectingDispatcher) -> None:
    services.needs().add(draft_from_slots(tracker(FILLED, sender="posted-here")))
    await ActionWhatStored().run(dispatcher, tracker(sender="posted-here"), {})
    assert OTHER_CHATS not in texts_of(dispatcher)[0]
