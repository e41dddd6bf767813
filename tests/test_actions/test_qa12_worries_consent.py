"""A yes after a no to passing interests on (QA12): said back, and what became of the course looked
at before it, which goes to its partner only on a yes for that course."""

from __future__ import annotations

from datetime import datetime, timezone

from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, names, texts
from actions.consent import ActionRecordConsent
from actions.offers import ActionExpressInterest
from skills_catalog.leads import MemoryLeadStore
from tests.test_actions.conftest import SENDER, slots_of, texts_of, tracker

NOW = datetime(2026, 12, 7, tzinfo=timezone.utc)
REFUSED = {names.CONSENT: False, names.OFFER_ID: "O1"}


async def test_a_late_yes_is_said_back_and_the_earlier_interest_is_offered(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "ok yes you can pass it on" after "I'm interested" got "Thank you …", the interest unsaid
    track = tracker(REFUSED, text="ok yes you can pass it on", intent=names.INTENT_GIVE_CONSENT)
    slots = slots_of(await ActionRecordConsent().run(dispatcher, track, {}))
    assert slots[names.CONSENT] is True
    said = texts_of(dispatcher)
    assert said[0] == card_texts.CONSENT_NOW_GIVEN
    assert said[1] == card_texts.EARLIER_NOT_PASSED.format(
        partner="Mur Valley Technical Academy",
        title="Welding of steel structures",
        button=card_texts.PASS_IT_ON,
    )
    [button] = dispatcher.messages[1]["buttons"]
    assert (
        button["payload"] == '/express_interest{"offer_id":"O1"}' and button["title"] == card_texts.PASS_IT_ON
    )
    assert dispatcher.messages[-1]["response"] == names.UTTER_WHAT_NEXT
    assert leads.for_sender(SENDER) == []  # nothing passed on without a yes for that course


async def test_the_button_passes_the_earlier_interest_on(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    track = tracker(
        {names.CONSENT: True, names.CONSENT_TIME: NOW.isoformat(), names.OFFER_ID: "O1"},
        text='/express_interest{"offer_id":"O1"}',
        intent=names.INTENT_EXPRESS_INTEREST,
        entities={names.OFFER_ENTITY: "O1"},
    )
    await ActionExpressInterest().run(dispatcher, track, {})
    assert [lead.offer_id for lead in leads.for_sender(SENDER)] == ["O1"]


async def test_an_interest_passed_on_before_is_said_to_be_held(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    leads.add("O1", "P1", SENDER, NOW, names.CONSENT_PURPOSE)
    await ActionRecordConsent().run(dispatcher, tracker(REFUSED, intent=names.INTENT_GIVE_CONSENT), {})
    assert texts_of(dispatcher)[1] == card_texts.EARLIER_PASSED.format(
        partner="Mur Valley Technical Academy", title="Welding of steel structures"
    )
    assert "buttons" not in dispatcher.messages[1] or not dispatcher.messages[1]["buttons"]


async def test_a_first_yes_with_no_course_seen_says_only_thanks(dispatcher: CollectingDispatcher) -> None:
    await ActionRecordConsent().run(dispatcher, tracker(intent=names.INTENT_GIVE_CONSENT), {})
    assert texts_of(dispatcher)[0] == texts.CONSENT_YES
    assert [m.get("response") for m in dispatcher.messages][1:] == [names.UTTER_WHAT_NEXT]
