"""Consent outside the form, "forget me" (asked first), clarification, hand-off."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.consent import ActionAskForgetMe, ActionForgetMe, ActionKeepData, ActionRecordConsent
from actions.fallback import ActionClarify, ActionHumanHandoff
from actions.questions import AskConsent
from skills_catalog.errors import StoreError
from skills_catalog.leads import MemoryLeadStore
from tests.test_actions.conftest import DOMAIN, ROOT, SENDER, greeted, slots_of, texts_of, tracker

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)
MESSAGES_DOC = Path(__file__).resolve().parents[2] / "docs" / "messages.md"


@pytest.mark.parametrize(
    ("intent", "given"),
    [(names.INTENT_GIVE_CONSENT, True), (names.INTENT_REFUSE_CONSENT, False)],
    ids=["give", "refuse"],
)
async def test_record_consent(intent: str, given: bool, dispatcher: CollectingDispatcher) -> None:
    slots = slots_of(await ActionRecordConsent().run(dispatcher, tracker(intent=intent), {}))
    assert slots[names.CONSENT] is given and slots[names.CONSENT_TIME]
    assert dispatcher.messages[-1]["response"] == names.UTTER_WHAT_NEXT


async def test_late_consent_offers_the_buttons_of_the_results_shown(dispatcher: CollectingDispatcher) -> None:
    # QA13: a late "yes, you can pass it on" under a last page offered the general buttons,
    # "More results" among them, where there were no more results
    shown = [{"offer_id": "O1", "title": "Welding basics", "mode": "in_person"}]
    t = tracker({names.SHOWN_OFFERS: shown, names.PLACE: "Graz"}, intent=names.INTENT_GIVE_CONSENT)
    await ActionRecordConsent().run(dispatcher, t, {})
    last = dispatcher.messages[-1]
    payloads = [b["payload"] for b in last["buttons"]]
    assert last["text"] == texts.WHAT_NEXT and f"/{names.INTENT_MORE_RESULTS}" not in payloads


async def test_withdrawing_consent_after_an_interest_says_the_partner_has_it(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    # QA6: "I won't pass anything on to anyone" to someone whose interest a partner already held
    leads.add("O1", "P1", SENDER, NOW, names.CONSENT_PURPOSE)
    await ActionRecordConsent().run(dispatcher, tracker(intent=names.INTENT_REFUSE_CONSENT), {})
    said = texts_of(dispatcher)[0]
    assert said == texts.CONSENT_NO_AFTER_LEADS.format(partners="Mur Valley Technical Academy")


async def test_forget_me_asks_first_and_deletes_nothing(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    leads.add("O1", "P1", SENDER, NOW, names.CONSENT_PURPOSE)
    events = await ActionAskForgetMe().run(
        dispatcher, tracker({names.CONSENT: True}, intent=names.INTENT_FORGET_ME), {}
    )
    assert events == [] and len(leads.for_sender(SENDER)) == 1
    assert texts_of(dispatcher) == [texts.ASK_FORGET_ME] and "cannot be undone" in texts.ASK_FORGET_ME
    buttons = dispatcher.messages[0]["buttons"]
    assert [(b["title"], b["payload"]) for b in buttons] == [
        ("Yes, delete everything", "/forget_me_confirm"),
        ("No, keep it", "/forget_me_cancel"),
    ]


def test_forget_me_buttons_are_documented() -> None:
    doc = MESSAGES_DOC.read_text()
    for button in texts.FORGET_ME_BUTTONS:
        assert f"| {button['title']} | `{button['payload']}` |" in doc, button


@pytest.mark.parametrize(
    ("active_loop", "what_next"),
    [(None, [names.UTTER_WHAT_NEXT]), (names.PROFILE_FORM, [])],
    ids=["outside-a-form", "in-a-form-its-question-follows"],
)
async def test_keep_data_says_nothing_was_deleted(
    active_loop: str | None, what_next: list[str], leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    leads.add("O1", "P1", SENDER, NOW, names.CONSENT_PURPOSE)
    events = await ActionKeepData().run(dispatcher, tracker(active_loop=active_loop), {})
    assert events == [] and len(leads.for_sender(SENDER)) == 1
    assert dispatcher.messages[0]["text"] == texts.NOTHING_DELETED
    assert [m["response"] for m in dispatcher.messages if m.get("response")] == what_next


async def test_forget_me_deletes_only_this_senders_leads(
    leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    leads.add("O1", "P1", SENDER, NOW, names.CONSENT_PURPOSE)
    leads.add("O1", "P1", "someone-else", NOW, names.CONSENT_PURPOSE)
    events = await ActionForgetMe().run(dispatcher, tracker({names.CONSENT: True}), {})
    assert leads.for_sender(SENDER) == [] and len(leads.for_sender("someone-else")) == 1
    assert [e["event"] for e in events] == ["reset_slots", "active_loop"]
    assert texts_of(dispatcher) == [texts.FORGOTTEN.format(count=1, elsewhere="")]


@pytest.mark.parametrize(
    ("channel", "payload"),
    [(names.WIDGET_CHANNEL, {"type": names.PAYLOAD_CONVERSATION_ERASED}), ("rest", None)],
    ids=["widget", "rest"],
)
async def test_forget_me_tells_only_the_widget_to_drop_its_copy(
    channel: str, payload: dict[str, str] | None, dispatcher: CollectingDispatcher
) -> None:
    await ActionForgetMe().run(dispatcher, tracker(channel=channel), {})
    assert [m.get("custom") or None for m in dispatcher.messages] == [payload]
    assert texts_of(dispatcher) == [texts.FORGOTTEN.format(count=0, elsewhere="")]


async def test_forget_me_store_failure_is_said(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    class Down(MemoryLeadStore):
        def delete_sender(self, sender_id: str) -> int:
            raise StoreError("database down")

    monkeypatch.setattr(services, "leads", lambda: Down())
    await ActionForgetMe().run(dispatcher, tracker(), {})
    assert texts_of(dispatcher) == [texts.FORGET_FAILED]


async def test_clarify_offers_the_likely_intents(dispatcher: CollectingDispatcher) -> None:
    ranking = [("nlu_fallback", 0.5), ("more_results", 0.4), ("only_online", 0.35), ("inform", 0.1)]
    await ActionClarify().run(dispatcher, greeted(tracker(text="moar", intent="nlu_fallback", ranking=ranking)), {})
    message = dispatcher.messages[0]
    assert message["text"] == texts.CLARIFY
    assert [b["payload"] for b in message["buttons"]] == ["/more_results", "/only_online", "/help"]


async def test_clarify_without_candidates_offers_the_main_paths(dispatcher: CollectingDispatcher) -> None:
    await ActionClarify().run(dispatcher, greeted(tracker(text="hmm", intent="nlu_fallback")), {})
    assert dispatcher.messages[0]["buttons"] == texts.DEFAULT_CLARIFY_BUTTONS


@pytest.mark.parametrize(
    ("text", "expected"), [("", texts.EMPTY), ("a" * 5000, texts.TOO_LONG)], ids=["empty", "huge"]
)
async def test_clarify_refuses_empty_and_huge_messages(
    text: str, expected: str, dispatcher: CollectingDispatcher
) -> None:
    await ActionClarify().run(dispatcher, tracker(text=text, intent="nlu_fallback"), {})
    assert texts_of(dispatcher) == [expected]


async def test_clarify_inside_the_form_repeats_the_question(dispatcher: CollectingDispatcher) -> None:
    events = await ActionClarify().run(
        dispatcher, tracker(text="hmm", intent="nlu_fallback", active_loop=names.PROFILE_FORM), {}
    )
    assert events == [{"event": "followup", "timestamp": None, "name": names.PROFILE_FORM}]


async def test_clarify_says_it_speaks_english(dispatcher: CollectingDispatcher) -> None:
    events = await ActionClarify().run(
        dispatcher, tracker(text="ja", intent="nlu_fallback", active_loop=names.PROFILE_FORM), {}
    )
    assert texts_of(dispatcher) == [texts.english_only("de")]
    assert events == [{"event": "followup", "timestamp": None, "name": names.PROFILE_FORM}]  # asked again


async def test_handoff_sets_the_flag(
    dispatcher: CollectingDispatcher, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    assert slots_of(await ActionHumanHandoff().run(dispatcher, tracker(text="my name is Anna"), {})) == {
        names.HANDOFF: True
    }
    assert SENDER in caplog.text and "Anna" not in caplog.text


FIRM_RULES = yaml.safe_load((ROOT / "bot" / "data" / "rules" / "firm.yml").read_text())["rules"]
FIRM_FORMS = {names.INTENT_FIRM_START: names.FIRM_NEED_FORM, names.INTENT_FIRM_MANAGE: names.FIRM_MANAGE_FORM}


@pytest.mark.parametrize("intent", list(FIRM_FORMS))
def test_a_firm_in_the_worker_form_is_switched_to_its_form(intent: str) -> None:
    # f01b/f08: "I want to view my need" or /firm_manage at the worker's consent question got
    # "Sorry, I need a yes or a no here"; /firm_start was switched to the firm form by a rule
    switch = [
        {"intent": intent},
        {"action": "action_deactivate_loop"},
        {"active_loop": None},
        {"action": FIRM_FORMS[intent]},
        {"active_loop": FIRM_FORMS[intent]},
    ]
    in_worker_form = [r for r in FIRM_RULES if r.get("condition") == [{"active_loop": names.PROFILE_FORM}]]
    assert switch in [r["steps"] for r in in_worker_form]


def test_a_firm_intent_is_no_answer_in_the_worker_form() -> None:
    # f07/w29: "view my need" and "actually I'm an employer, I want to post a need" at the job
    # question were taken as a job ("I couldn't match that to a job I know"): a slot that takes
    # the text is filled, so the form never stands rejected and no rule can switch
    taken = [
        (slot, intent)
        for slot in DOMAIN["forms"][names.PROFILE_FORM]["required_slots"]
        for mapping in DOMAIN["slots"][slot]["mappings"]
        if mapping["type"] == "from_text"
        for intent in FIRM_FORMS
        if intent not in mapping["not_intent"]
    ]
    assert taken == []


async def test_a_first_message_in_another_language_gets_the_greeting(dispatcher: CollectingDispatcher) -> None:
    # QA5 N13: "hola" first got only "Sorry, I can only chat in English", no greeting nor consent question
    events = await ActionClarify().run(dispatcher, tracker(text="hola", intent="nlu_fallback"), {})
    assert dispatcher.messages[0]["response"] == names.UTTER_GREET and texts_of(dispatcher)[1:] == [texts.english_only("es")]
    assert events == [FollowupAction(names.PROFILE_FORM)]


async def test_asking_for_consent_marks_the_conversation_greeted(dispatcher: CollectingDispatcher) -> None:
    # actions are sent only the latest turn's events: the greeting could not be looked up later, so
    # a low-confidence message mid-conversation would have been greeted again
    events = await AskConsent().run(dispatcher, tracker(), {})
    assert slots_of(events)[names.GREETED] is True
    assert slots_of(await ActionClarify().run(CollectingDispatcher(), tracker({names.GREETED: True}, text="hmm"), {})) == {}


async def test_staff_are_not_greeted_as_workers(dispatcher: CollectingDispatcher) -> None:
    # the worker's greeting and consent question would have come to a low-confidence staff message on Slack
    events = await ActionClarify().run(dispatcher, tracker(text="hmm", intent="nlu_fallback", channel="slack"), {})
    assert events == [] and all(m.get("response") != names.UTTER_GREET for m in dispatcher.messages)
