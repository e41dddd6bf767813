""" "Forget me" in a later conversation erases the conversation the firm's need was posted in.

The firm typed its company, contact name and e-mail where it posted the need; it came back with
the reference and the secret in another conversation and said "forget me" there. The need went,
the posting conversation stayed (QA, 2026-12-07).
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions import services, texts
from actions.consent import ActionForgetMe
from actions.firm_submit import draft_from_slots
from skills_catalog.conversations import MemoryConversationStore
from skills_catalog.privacy import MemoryConsentStore
from tests.test_actions.conftest import texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED


async def test_forget_me_erases_the_conversation_the_need_was_posted_in(
    dispatcher: CollectingDispatcher,
) -> None:
    chats = MemoryConversationStore({"posted-last-week": ["user"], "back-today": ["user"], "other": ["user"]})
    consents = MemoryConsentStore()
    services.use(
        services.engine(), services.leads(), services.needs(), services.alert_sinks(), consents, chats
    )
    consents.record_given("posted-last-week", "purpose", "socketio")
    need, secret = services.needs().add(draft_from_slots(tracker(FILLED, sender="posted-last-week")))
    services.needs().get_for_owner(need.reference, secret or "", unlocked_by="back-today")
    await ActionForgetMe().run(dispatcher, tracker(sender="back-today"), {})
    # this conversation is the tracker store's to erase, after the turn
    assert set(chats.events) == {"back-today", "other"} and consents.for_sender("posted-last-week") == []
    assert texts_of(dispatcher) == [
        texts.FORGOTTEN.format(count=2, elsewhere=texts.FORGOTTEN_ELSEWHERE.format(count=1))
    ]


async def test_a_conversation_that_posted_its_own_need_erases_no_other(
    dispatcher: CollectingDispatcher,
) -> None:
    chats = MemoryConversationStore({"posted-here": ["user"]})
    services.use(services.engine(), services.leads(), services.needs(), services.alert_sinks(), None, chats)
    services.needs().add(draft_from_slots(tracker(FILLED, sender="posted-here")))
    await ActionForgetMe().run(dispatcher, tracker(sender="posted-here"), {})
    assert set(chats.events) == {"posted-here"} and texts_of(dispatcher) == [texts.FORGOTTEN.format(count=1, elsewhere="")]
