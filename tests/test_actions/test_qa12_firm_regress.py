"""A firm's side after QA12's regression run: its cards named in words, "what happens now?", a
count of another role on a saved need, a reference typed badly, "for your need" on its cards."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.firm_manage import ValidateFirmManageForm
from actions.firm_submit import ActionFirmSubmit, draft_from_slots
from actions.offers import ActionAfterInterest, ActionExpressInterest, ActionOfferDetails
from skills_catalog.needs import FirmNeed
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import o, slots_of, texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED, offer_cards

FORM = ValidateFirmManageForm()
WELDER_NEED = {**FILLED, names.NEED_OCCUPATION: {"uri": o("welder"), "label": "welder"}}


async def saved(dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """The slots after the need is saved, as the next message sees them."""
    events = await ActionFirmSubmit().run(dispatcher, tracker(FILLED), {})
    return {**FILLED, **slots_of(events)}


async def test_the_firms_cards_are_kept_and_carry_the_buttons(dispatcher: CollectingDispatcher) -> None:
    slots = await saved(dispatcher)
    cards = offer_cards(dispatcher)
    assert cards and [o["offer_id"] for o in slots[names.SHOWN_OFFERS]] == [c["offer"]["offer_id"] for c in cards]
    sent = [m for m in dispatcher.messages if (m.get("custom") or {}).get("type") == "offer_card"]
    assert all(m["buttons"] == m["custom"]["buttons"] and m["buttons"] for m in sent)
    assert slots.get(names.OFFSET) is None  # no worker's search runs on a firm's cards


@pytest.mark.parametrize("text", ["I'm interested in the first one", "tell me more about number 1"])
async def test_a_firms_card_is_named_in_words(text: str, dispatcher: CollectingDispatcher) -> None:
    # QA12: "Let me find some courses for you first. [Find training for me]"
    slots = await saved(dispatcher)
    first = slots[names.SHOWN_OFFERS][0]
    after = CollectingDispatcher()
    intent = names.INTENT_EXPRESS_INTEREST if "interested" in text else names.INTENT_OFFER_DETAILS
    action = ActionExpressInterest() if "interested" in text else ActionOfferDetails()
    events = await action.run(after, tracker(slots, text=text, intent=intent), {})
    assert slots_of(events)[names.OFFER_ID] == first["offer_id"]
    said = texts_of(after)[0]
    assert texts.NO_OFFER_SHOWN not in texts_of(after)
    if "interested" in text:  # the firm's answer: the partner's contact and the team, no worker consent
        assert "cluster team knows your need" in said
    else:
        assert first["title"] in said


async def test_a_firms_card_says_for_your_need(dispatcher: CollectingDispatcher) -> None:
    await saved(dispatcher)
    teaches = [line for c in offer_cards(dispatcher) for line in c["text"].splitlines() if "Teaches:" in line]
    assert teaches and all("for your need: " in line and "for you:" not in line for line in teaches)


async def test_what_happens_now_after_saving_is_the_firms_answer(dispatcher: CollectingDispatcher) -> None:
    slots = await saved(dispatcher)
    after = CollectingDispatcher()
    track = tracker(slots, text="what happens now?", intent=names.INTENT_AFTER_INTEREST)
    await ActionAfterInterest().run(after, track, {})
    assert texts_of(after) == [firm_texts.FIRM_WHAT_NOW.format(reference=slots[names.NEED_REFERENCE])]


@pytest.fixture
def welder_need(needs: MemoryNeedStore) -> tuple[FirmNeed, str]:
    need, secret = needs.add(draft_from_slots(tracker(WELDER_NEED)))
    assert secret and need.occupation
    return need, secret


def opened(need: FirmNeed, secret: str, text: str) -> Any:
    slots = {names.REQUESTED_SLOT: names.MANAGE_ACTION, names.MANAGE_REFERENCE: need.reference,
             names.MANAGE_SECRET: secret}  # fmt: skip
    return tracker(slots, text=text, active_loop=names.FIRM_MANAGE_FORM)


async def test_what_happens_now_while_changing_a_need(
    welder_need: tuple[FirmNeed, str], dispatcher: CollectingDispatcher
) -> None:
    # QA12: "Sorry, I didn't understand that answer."
    need, secret = welder_need
    slots = await FORM.validate_manage_action("what happens now?", dispatcher, opened(need, secret, "what happens now?"), {})
    assert texts_of(dispatcher) == [firm_texts.FIRM_WHAT_NOW.format(reference=need.reference)]
    assert slots == {names.MANAGE_ACTION: None}


async def test_a_count_of_another_role_leaves_the_need_alone(
    welder_need: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "Done — need N-… now: 2 people" on a data analyst need
    need, secret = welder_need
    text = "we're in Kapfenberg now and need 2 bakers"
    slots = await FORM.validate_manage_action(text, dispatcher, opened(need, secret, text), {})
    stored = needs.get(need.reference)
    assert stored and stored.people == need.people == 4
    said = texts_of(dispatcher)
    assert len(said) == 1 and "haven't changed its number of people" in said[0] and "bakers" in said[0]
    assert "Kapfenberg" in said[0]
    assert slots == {names.MANAGE_ACTION: None}


async def test_a_count_of_the_needs_own_role_is_taken(
    welder_need: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    need, secret = welder_need
    text = "we need 2 welders now"
    await FORM.validate_manage_action(text, dispatcher, opened(need, secret, text), {})
    stored = needs.get(need.reference)
    assert stored and stored.people == 2


@pytest.mark.parametrize("typed", ["N8T96", "n8t96", "N-3WF2"])
async def test_a_mistyped_reference_is_asked_again(typed: str, dispatcher: CollectingDispatcher) -> None:
    # QA12: "N8T96" ended the form ("…so I've stopped here")
    track = tracker({names.REQUESTED_SLOT: names.MANAGE_REFERENCE}, text=typed)
    slots = await FORM.validate_manage_reference(typed, dispatcher, track, {})
    assert slots == {names.MANAGE_REFERENCE: None}
    assert texts_of(dispatcher) == [firm_texts.REFERENCE_MISTYPED]


async def test_a_reference_retyped_for_the_secret_asks_its_secret(
    welder_need: tuple[FirmNeed, str], dispatcher: CollectingDispatcher
) -> None:
    # QA12: "N-XXXXX", then the right reference at the secret question: refused, the form ended,
    # and the next message got the worker's "What would you like to do next?"
    need, _secret = welder_need
    slots = {names.REQUESTED_SLOT: names.MANAGE_SECRET, names.MANAGE_REFERENCE: "N-XXXXX"}
    track = tracker(slots, text=need.reference)
    answer = await FORM.validate_manage_secret(need.reference, dispatcher, track, {})
    assert answer == {names.MANAGE_REFERENCE: need.reference, names.MANAGE_SECRET: None}
    assert texts_of(dispatcher) == []
