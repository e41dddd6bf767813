"""A firm's conversation stays a firm's (QA13): marked by a slot once a firm form ran, so a lost
secret or a refused reference is followed by a firm's answers; a town or a date typed at the
consent question is taken for the need; "more results" and "closer" work on the courses shown
for a saved need."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.faq import ActionAnswerFaq
from actions.firm_conversation import firm_side
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_manage import ValidateFirmManageForm
from actions.firm_offers import REACH_KM, ActionFirmFreeText, ActionFirmOffers
from actions.firm_parsing import parse_by_when
from actions.firm_submit import ActionFirmSubmit
from tests.test_actions.conftest import DOMAIN, s, slots_of, texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

FIRM = {names.FIRM_SIDE: True}


# ------------------------------------------------------------------ the conversation is a firm's


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("I lost the secret for our need N-ZSSPG", {}),  # the form ends at once
        ("N-ZSSPG", {names.REQUESTED_SLOT: names.MANAGE_REFERENCE}),  # a reference asked
        ("WXYZ-ABCD-EFGH", {names.REQUESTED_SLOT: names.MANAGE_SECRET, names.MANAGE_REFERENCE: "N-ZSSPG"}),  # refused
    ],
    ids=str,
)
async def test_the_manage_form_marks_the_conversation_as_a_firms(
    text: str, slots: dict[str, Any], dispatcher: CollectingDispatcher
) -> None:
    track = tracker(slots, text=text, intent="firm_manage", active_loop=names.FIRM_MANAGE_FORM)
    asked = slots.get(names.REQUESTED_SLOT)
    if asked:
        track.events.append({"event": "slot", "name": asked, "value": text})  # as the form extracts it
    assert slots_of(await ValidateFirmManageForm().run(dispatcher, track, DOMAIN))[names.FIRM_SIDE] is True


async def test_the_firm_opener_marks_the_conversation_as_a_firms(dispatcher: CollectingDispatcher) -> None:
    track = tracker({}, text="we need 3 welders in Graz", intent="firm_start", active_loop=names.FIRM_NEED_FORM)
    assert slots_of(await ValidateFirmNeedForm().run(dispatcher, track, DOMAIN))[names.FIRM_SIDE] is True


async def test_a_marked_conversation_is_not_marked_again(dispatcher: CollectingDispatcher) -> None:
    track = tracker({**FIRM, names.REQUESTED_SLOT: names.MANAGE_REFERENCE}, text="N-ZSSPG", active_loop=names.FIRM_MANAGE_FORM)
    track.events.append({"event": "slot", "name": names.MANAGE_REFERENCE, "value": "N-ZSSPG"})
    assert names.FIRM_SIDE not in slots_of(await ValidateFirmManageForm().run(dispatcher, track, DOMAIN))


def test_a_firm_is_known_by_its_slot_after_its_forms_ended() -> None:
    # QA13: after a lost secret no slot said so, and the firm's next words got a worker's answers
    assert firm_side(tracker(FIRM))
    assert not firm_side(tracker({}))


async def test_a_firms_cost_question_after_a_lost_secret_gets_the_firms_answer(dispatcher: CollectingDispatcher) -> None:
    # QA13: "is it free for us?" after "I lost the secret for N-…" got the worker's cost answer
    await ActionAnswerFaq().run(dispatcher, tracker(FIRM, "is it free for us?", intent="faq"), {})
    assert texts_of(dispatcher) == [firm_texts.FIRM_COST]


@pytest.mark.parametrize("text", ["ok so what now with the need"])
async def test_a_firms_free_text_gets_no_workers_search(text: str, dispatcher: CollectingDispatcher) -> None:
    # QA13: "3 welders in Graz" after a lost secret got the worker's greeting and consent question
    events = await ActionFirmFreeText().run(dispatcher, tracker({**FIRM, names.GREETED: True}, text), {})
    assert events == []  # no FollowupAction of the worker's form and texts_of(dispatcher) == [firm_texts.FIRM_FREE_TEXT]
    assert dispatcher.messages[0]["buttons"] == texts.FIRM_AFTER_SAVE_BUTTONS


async def test_a_firms_own_search_keeps_the_workers_free_text(dispatcher: CollectingDispatcher) -> None:
    # a firm that went on to search for training itself ("Find training for me") is answered as a worker
    searched = tracker({**FIRM, names.GREETED: True, names.OFFSET: 0}, "hmm ok")
    await ActionFirmFreeText().run(dispatcher, searched, {})
    assert firm_texts.FIRM_FREE_TEXT not in texts_of(dispatcher)
    assert dispatcher.messages  # the worker's answer about its results


# ------------------------------------------------------------------ a town or a date at the consent question


async def consent_answer(text: str, slots: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    track = tracker({names.REQUESTED_SLOT: names.FIRM_CONSENT, **(slots or {})}, text=text, active_loop=names.FIRM_NEED_FORM)
    slots_set = await ValidateFirmNeedForm().validate_firm_consent(text, dispatcher, track, DOMAIN)
    return slots_set, texts_of(dispatcher)


@pytest.mark.parametrize("text", ["Leoben", "we're in Leoben"])
async def test_a_town_at_the_consent_question_is_the_firms_town(text: str) -> None:
    # QA13: "Kapfenberg" got "Sorry, I need a yes or a no here."
    slots, said = await consent_answer(text)
    assert slots[names.FIRM_CONSENT] is None  # asked again
    assert (slots[names.FIRM_TOWN], slots[names.FIRM_COUNTRY]) == ("Leoben", "AT")
    assert said == [firm_texts.NOTED_AT_CONSENT.format(noted="your town Leoben")]


async def test_a_town_at_the_consent_question_corrects_the_one_kept() -> None:
    slots, _ = await consent_answer("Leoben", {names.FIRM_TOWN: "Graz"})
    assert slots[names.FIRM_TOWN] == "Leoben"


async def test_a_date_at_the_consent_question_is_the_needs_deadline() -> None:
    # QA13: "by june" got "Sorry, I need a yes or a no here."
    slots, said = await consent_answer("by june")
    assert slots[names.FIRM_CONSENT] is None
    assert slots[names.NEED_BY_WHEN] == parse_by_when("by june") is not None
    assert len(said) == 1 and said[0].startswith("Noted for your need: by 1 Jun ")
    assert texts.CONSENT_UNCLEAR not in said


@pytest.mark.parametrize("text", ["hmm", "Maybe Later", "what?"])
async def test_other_answers_still_get_a_yes_or_a_no(text: str) -> None:
    slots, said = await consent_answer(text)
    assert said == [texts.CONSENT_UNCLEAR] and slots == {names.FIRM_CONSENT: None}


async def test_a_need_at_the_consent_question_is_kept_as_before() -> None:
    slots, said = await consent_answer("we need 3 welders in Graz")
    assert slots[names.NEED_OCCUPATION]["label"] == "welder" and slots[names.FIRM_TOWN] == "Graz"
    assert texts.FIRM_NEED_KEPT in said


# ------------------------------------------------------------------ "more results" and "closer" under a firm's cards

MANY = {
    **FILLED,
    names.NEED_SKILLS: [s("weld"), s("plc"), s("blueprint")],
    names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts", s("plc"): "program PLC", s("blueprint"): "read blueprints"},
}


async def saved(slots: dict[str, Any]) -> dict[str, Any]:
    """The slots after the need of ``slots`` was saved (its cards shown), in a firm's conversation."""
    return {**slots, **FIRM, **slots_of(await ActionFirmSubmit().run(CollectingDispatcher(), tracker(slots), {}))}


async def asked(intent: str, slots: dict[str, Any], dispatcher: CollectingDispatcher) -> dict[str, Any]:
    return slots_of(await ActionFirmOffers().run(dispatcher, tracker(slots, intent.replace("_", " "), intent=intent), {}))


def card_ids(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["custom"]["offer"]["offer_id"] for m in dispatcher.messages if (m.get("custom") or {}).get("type") == "offer_card"]


async def test_more_results_shows_the_next_courses_for_the_need(dispatcher: CollectingDispatcher) -> None:
    # QA13: "more results" under a firm's cards ran a worker's search on an empty profile
    before = await saved(MANY)
    first = [o["offer_id"] for o in before[names.SHOWN_OFFERS]]
    assert len(first) == 3
    slots = await asked(names.INTENT_MORE_RESULTS, before, dispatcher)
    more = card_ids(dispatcher)
    assert more and not set(more) & set(first)
    assert texts_of(dispatcher)[0].startswith(("More courses (4", "One more course (4"))
    assert dispatcher.messages[1]["custom"]["text"].startswith("4. ")  # numbered on
    assert [o["offer_id"] for o in slots[names.SHOWN_OFFERS]] == first + more  # "number 4" names it


async def test_more_results_says_when_there_are_no_more(dispatcher: CollectingDispatcher) -> None:
    before = await saved(FILLED)  # two courses only
    assert await asked(names.INTENT_MORE_RESULTS, before, dispatcher) == {}
    assert texts_of(dispatcher)[0] == firm_texts.NO_MORE_FIRM_OFFERS and not card_ids(dispatcher)


async def test_closer_shows_the_nearer_courses_and_partners(dispatcher: CollectingDispatcher) -> None:
    # QA13: "closer" asked the firm for its town (a worker's), though the need has one
    before = await saved(MANY)
    far = max(o["distance_km"] or 0 for o in before[names.SHOWN_OFFERS])
    assert 0 < far <= REACH_KM
    slots = await asked(names.INTENT_CLOSER, before, dispatcher)
    km = slots[names.FIRM_REACH_KM]
    assert km == round(far / 2)
    assert texts_of(dispatcher)[0] == firm_texts.FIRM_CLOSER.format(km=km)
    shown = slots[names.SHOWN_OFFERS]
    assert shown and all(o["distance_km"] is None or o["distance_km"] <= km for o in shown)
    partners = next(t for t in texts_of(dispatcher) if t.startswith("Training partners within"))
    assert "Mur Valley" in partners and "Leoben" not in partners


async def test_closer_stops_at_its_floor(dispatcher: CollectingDispatcher) -> None:
    before = await saved(MANY)
    assert await asked(names.INTENT_CLOSER, {**before, names.FIRM_REACH_KM: 5.0}, dispatcher) == {}
    assert texts_of(dispatcher)[0] == firm_texts.CLOSER_AT_FLOOR.format(km=5)


async def test_more_results_without_a_saved_need_is_a_firms_answer(dispatcher: CollectingDispatcher) -> None:
    # after a lost secret no need was shown in this conversation: no worker's search either
    assert await asked(names.INTENT_MORE_RESULTS, FIRM, dispatcher) == {}
    assert texts_of(dispatcher) == [firm_texts.NO_FIRM_OFFERS]


async def test_more_results_past_the_reach_says_so(dispatcher: CollectingDispatcher) -> None:
    # the courses within reach all shown, "more results" goes on beyond it, and says so
    slots = await saved(MANY)
    slots.update(await asked(names.INTENT_MORE_RESULTS, slots, CollectingDispatcher()))
    within = {o["offer_id"] for o in slots[names.SHOWN_OFFERS]}
    await asked(names.INTENT_MORE_RESULTS, slots, dispatcher)
    assert texts_of(dispatcher)[0] == firm_texts.MORE_BEYOND.format(km=REACH_KM)
    beyond = [m["custom"]["offer"] for m in dispatcher.messages if (m.get("custom") or {}).get("type") == "offer_card"]
    assert beyond and all(o["distance_km"] > REACH_KM for o in beyond) and not {o["offer_id"] for o in beyond} & within


async def test_closer_keeps_more_results_within_it(dispatcher: CollectingDispatcher) -> None:
    slots = await saved(MANY)
    slots.update(await asked(names.INTENT_CLOSER, slots, CollectingDispatcher()))
    await asked(names.INTENT_MORE_RESULTS, slots, dispatcher)
    assert texts_of(dispatcher)[0] == firm_texts.NO_MORE_FIRM_OFFERS  # none beyond the reach "closer" set


async def test_a_card_named_under_the_firms_cards_is_opened(dispatcher: CollectingDispatcher) -> None:
    # "the first one" under the firm's cards reads as no intent: it got the worker's greeting (QA13)
    slots = await saved(MANY)
    track = tracker(slots, "the first one", intent=names.INTENT_FALLBACK)
    await ActionFirmFreeText().run(dispatcher, track, {})
    assert texts_of(dispatcher)[0].startswith(slots[names.SHOWN_OFFERS][0]["title"])
