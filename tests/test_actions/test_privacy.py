"""Consent records, "what do you store about me" and "forget me" at the action layer."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, names, privacy_texts, services, texts
from actions.consent import ActionForgetMe, ActionRecordConsent, firm_consent_slots
from actions.privacy import ActionWhatStored
from actions.profile_form import ValidateProfileForm
from skills_catalog.errors import StoreError
from skills_catalog.leads import MemoryLeadStore
from skills_catalog.privacy import MemoryConsentStore
from tests.test_actions.conftest import DOMAIN, SENDER, s, slots_of, texts_of, tracker

NOW = datetime(2026, 11, 22, tzinfo=timezone.utc)


@pytest.fixture
def consents() -> MemoryConsentStore:
    store = MemoryConsentStore(clock=lambda: NOW)
    services.use(services.engine(), services.leads(), services.needs(), services.alert_sinks(), store)
    return store


async def test_consent_is_recorded_with_purpose_and_channel(
    consents: MemoryConsentStore, dispatcher: CollectingDispatcher
) -> None:
    await ActionRecordConsent().run(
        dispatcher, tracker(intent=names.INTENT_GIVE_CONSENT, channel="socketio"), {}
    )
    [record] = consents.for_sender(SENDER)
    assert (record.purpose, record.channel, record.given_at) == (names.CONSENT_PURPOSE, "socketio", NOW)


async def test_refusing_later_withdraws_the_consent(
    consents: MemoryConsentStore, dispatcher: CollectingDispatcher
) -> None:
    consents.record_given(SENDER, names.CONSENT_PURPOSE, "rest")
    await ActionRecordConsent().run(
        dispatcher, tracker(intent=names.INTENT_REFUSE_CONSENT, channel="rest"), {}
    )
    assert consents.for_sender(SENDER)[0].withdrawn_at == NOW


@pytest.mark.parametrize(("before", "intent", "given"), [(False, names.INTENT_GIVE_CONSENT, True),
                                                        (True, names.INTENT_REFUSE_CONSENT, False)])
async def test_consent_changed_at_a_later_question_is_recorded_and_said(
    before: bool, intent: str, given: bool, consents: MemoryConsentStore, dispatcher: CollectingDispatcher
) -> None:
    # QA4 1: "I agree" after "No, just browse", at the job question, turned consent on without a
    # word or a record, and leads were then passed on
    if before:
        consents.record_given(SENDER, names.CONSENT_PURPOSE, "rest")
    slots = {names.CONSENT: before, names.REQUESTED_SLOT: names.OCCUPATION}
    track = tracker(slots, text="I agree", intent=intent, active_loop=names.PROFILE_FORM, channel="rest")
    events = slots_of(await ValidateProfileForm().run(dispatcher, track, DOMAIN))
    assert events[names.CONSENT] is given and events[names.OCCUPATION] is None
    # a yes after a no says what changed (QA12: "Thank you" alone had not)
    assert texts_of(dispatcher) == [card_texts.CONSENT_NOW_GIVEN if given else texts.CONSENT_NO]
    [record] = consents.for_sender(SENDER)
    assert (record.withdrawn_at is None) is given


async def test_a_no_that_speaks_of_no_consent_is_the_answer(
    consents: MemoryConsentStore, dispatcher: CollectingDispatcher
) -> None:
    # QA5 N2: "no, I don't have any" at the skills question (read as refuse_consent) withdrew consent
    slots = {names.CONSENT: True, names.REQUESTED_SLOT: names.SKILLS}
    text = "no, I don't have any"
    track = tracker(slots, text=text, intent=names.INTENT_REFUSE_CONSENT, active_loop=names.PROFILE_FORM)
    track.slots[names.SKILLS] = text
    events = slots_of(await ValidateProfileForm().run(dispatcher, track, DOMAIN))
    assert names.CONSENT not in events and texts.CONSENT_NO not in texts_of(dispatcher)


def test_firm_consent_is_recorded_for_its_purpose(consents: MemoryConsentStore) -> None:
    slots = firm_consent_slots(True, tracker(channel="rest"))
    assert slots[names.FIRM_CONSENT] is True and slots[names.FIRM_CONSENT_TIME]
    assert consents.for_sender(SENDER)[0].purpose == names.FIRM_CONSENT_PURPOSE


async def test_consent_store_down_still_answers(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    class Down(MemoryConsentStore):
        def record_given(self, sender_id: str, purpose: str, channel: str):  # noqa: ANN201
            raise StoreError("down")

    monkeypatch.setattr(services, "consents", lambda: Down())
    events = await ActionRecordConsent().run(dispatcher, tracker(intent=names.INTENT_GIVE_CONSENT), {})
    assert any(e.get("name") == names.CONSENT and e["value"] is True for e in events)


async def test_what_stored_lists_what_was_told_and_every_record(
    consents: MemoryConsentStore, leads: MemoryLeadStore, dispatcher: CollectingDispatcher
) -> None:
    offer_id = next(iter(services.engine().catalog.offers))
    leads.add(offer_id, services.engine().offer(offer_id)[1].partner_id, SENDER, NOW, names.CONSENT_PURPOSE)
    consents.record_given(SENDER, names.CONSENT_PURPOSE, "socketio")
    slots = {
        names.OCCUPATION_LABEL: "welder",
        names.SKILL_LABELS: {"u": "MIG welding"},
        names.WANTED_SKILLS: [s("plc")],
        names.PLACE: "Graz",
        names.MODE: names.MODE_IN_PERSON,
        names.MAX_DISTANCE: 50.0,
        names.LANGUAGE: names.ANY,
    }
    await ActionWhatStored().run(dispatcher, tracker(slots), {})
    [message] = dispatcher.messages
    partner = services.engine().offer(offer_id)[1].name
    for expected in (
        "welder",
        "MIG welding",
        "skills you want to learn: program PLC",  # was "1 chosen"
        "Graz",
        "your preferences: in person, up to 50 km.",  # was "in_person" and "(km): 50"
        offer_id,
        partner,
        "socketio",
        "12 months",
        "forget me",
    ):
        assert expected in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/forget_me", "/continue"]


async def test_what_stored_with_nothing_stored(dispatcher: CollectingDispatcher) -> None:
    await ActionWhatStored().run(dispatcher, tracker(), {})
    assert "nothing you told me yet" in texts_of(dispatcher)[0]


async def test_what_stored_when_a_store_is_down_says_so(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    class Down(MemoryLeadStore):
        def for_sender(self, sender_id: str):  # noqa: ANN201
            raise StoreError("down")

    monkeypatch.setattr(services, "leads", lambda: Down())
    await ActionWhatStored().run(dispatcher, tracker({names.PLACE: "Graz"}), {})
    assert "can't read" in texts_of(dispatcher)[0] and "Graz" in texts_of(dispatcher)[0]


async def test_forget_me_deletes_consent_records_too(
    consents: MemoryConsentStore, dispatcher: CollectingDispatcher
) -> None:
    consents.record_given(SENDER, names.CONSENT_PURPOSE, "rest")
    consents.record_given("someone-else", names.CONSENT_PURPOSE, "rest")
    await ActionForgetMe().run(dispatcher, tracker(), {})
    assert consents.for_sender(SENDER) == [] and len(consents.for_sender("someone-else")) == 1
    assert texts_of(dispatcher) == [texts.FORGOTTEN.format(count=1, elsewhere="")]


async def test_forget_me_after_unlocking_a_need_erases_that_need(dispatcher: CollectingDispatcher) -> None:
    # QA6 #3: a firm back in a new conversation unlocked its need with the secret, asked what is
    # stored ("nothing"), said "forget me", and was told 0 records were deleted: the need stayed
    from actions.firm_manage import ValidateFirmManageForm
    from actions.firm_submit import draft_from_slots
    from tests.test_actions.test_firm_submit import FILLED

    need, secret = services.needs().add(draft_from_slots(tracker(FILLED, sender="posted-last-week")))
    text = f"{need.reference} {secret}"
    asked = tracker({names.REQUESTED_SLOT: names.MANAGE_REFERENCE}, text=text)
    await ValidateFirmManageForm().validate_manage_reference(text, CollectingDispatcher(), asked, {})
    await ActionWhatStored().run(dispatcher, tracker(), {})
    assert f"Skills need {need.reference} (open)" in texts_of(dispatcher)[0]
    await ActionForgetMe().run(dispatcher, tracker(), {})
    assert services.needs().get(need.reference) is None
    assert texts_of(dispatcher)[-1] == texts.FORGOTTEN.format(count=1, elsewhere="")


RETENTION_RULE = privacy_texts.NEED_KEPT_OPEN.format(months=privacy_texts.MONTHS).removeprefix("kept ")


@pytest.mark.parametrize(
    "said", [texts.ASK_FIRM_CONSENT, DOMAIN["responses"]["utter_firm_privacy"][0]["text"]], ids=["consent", "privacy"]
)
def test_the_firm_is_told_one_retention_rule_and_who_sees_its_contact(said: str) -> None:
    # QA6 #4: the consent said "12 months, or until you withdraw the need", the privacy answer both
    # at once, "what do you store" "12 months after it closes"; the consent named the training
    # partners as recipients, the privacy answer the staff only (the code gives them to staff only)
    assert RETENTION_RULE in said and "only the cluster's staff" in said
    assert "its training partners" not in said and "until you withdraw" not in said


async def test_what_stored_says_how_long_a_withdrawn_need_is_kept(dispatcher: CollectingDispatcher) -> None:
    from actions.firm_submit import draft_from_slots
    from tests.test_actions.test_firm_submit import FILLED

    kept, _ = services.needs().add(draft_from_slots(tracker(FILLED)))
    gone, secret = services.needs().add(draft_from_slots(tracker({**FILLED, names.NEED_PEOPLE: 2})))
    services.needs().withdraw(gone.reference, secret)
    await ActionWhatStored().run(dispatcher, tracker(), {})
    [said] = texts_of(dispatcher)
    assert f"{kept.reference} (open), posted" in said and f"({privacy_texts.NEED_KEPT_OPEN.format(months=12)})" in said
    assert f"{gone.reference} (withdrawn)" in said and "(kept 12 months after it was withdrawn)" in said
