"""Staff withdraw a need for its firm: asked first, confirmed with the reference, stored with who
did it, and alerted as a firm's own withdrawal is (QA Matrix M11)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import staff_texts, texts
from actions.firm_submit import draft_from_slots
from actions.nlu_guard import guarded_ranking
from actions.staff_needs import ActionStaffWithdrawNeed
from skills_catalog.alerts import InMemoryAlertSink
from skills_catalog.needs import FirmNeed
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

STAFF_SLACK, STAFF_MATRIX = "USTAFF1", "@ana:cluster.eu"


@pytest.fixture(autouse=True)
def staff_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFF_SLACK_USERS", STAFF_SLACK)
    monkeypatch.setenv("STAFF_MATRIX_USERS", STAFF_MATRIX)


@pytest.fixture
def need(needs: MemoryNeedStore) -> FirmNeed:
    return needs.add(draft_from_slots(tracker(FILLED)))[0]


async def say(
    text: str, channel: str = "slack", sender: str = f"{STAFF_SLACK}_C0STAFF"
) -> CollectingDispatcher:
    dispatcher = CollectingDispatcher()
    await ActionStaffWithdrawNeed().run(dispatcher, tracker(text=text, channel=channel, sender=sender), {})
    return dispatcher


async def test_a_withdrawal_is_asked_first_with_buttons(need: FirmNeed, needs: MemoryNeedStore) -> None:
    dispatcher = await say(f"withdraw {need.reference}")
    asked = dispatcher.messages[0]
    assert asked["text"].startswith("Withdraw this need for its firm?") and need.reference in asked["text"]
    assert [b["payload"] for b in asked["buttons"]] == [
        f"Yes, withdraw {need.reference}",
        f"No, keep {need.reference}",
    ]
    assert needs.get(need.reference).status == "open"


async def test_confirmed_it_is_withdrawn_with_who_and_staff_are_alerted(
    need: FirmNeed, needs: MemoryNeedStore, alerts: InMemoryAlertSink
) -> None:
    said = texts_of(await say(f"yes, withdraw {need.reference.lower()}"))
    assert said == [staff_texts.WITHDRAWN.format(reference=need.reference)]
    stored = needs.get(need.reference)
    assert (stored.status, stored.withdrawn_by) == ("withdrawn", STAFF_SLACK)  # the member, not the channel
    assert alerts.posted == [f"Need {need.reference} was withdrawn for its firm by <@{STAFF_SLACK}> "
                               "(4 × weld metal parts, Graz)."]  # fmt: skip


async def test_kept_when_called_off(
    need: FirmNeed, needs: MemoryNeedStore, alerts: InMemoryAlertSink
) -> None:
    said = texts_of(await say(f"No, keep {need.reference}", "matrix", STAFF_MATRIX))
    assert said == [staff_texts.WITHDRAW_KEPT.format(reference=need.reference, status="open")]
    assert needs.get(need.reference).status == "open" and alerts.posted == []


async def test_a_second_withdrawal_says_when_and_who(need: FirmNeed) -> None:
    await say(f"yes, withdraw {need.reference}", "matrix", STAFF_MATRIX)
    said = texts_of(await say(f"yes, withdraw {need.reference}"))[0]
    assert said.startswith(f"{need.reference} was withdrawn already, on ") and said.endswith(
        f" by {STAFF_MATRIX}."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("withdraw N-ZZ2ZZ", staff_texts.STAFF_NEED_UNKNOWN.format(reference="N-ZZ2ZZ")),
     ("withdraw the need", staff_texts.WITHDRAW_WHICH),
     ("withdraw N-FK6E", staff_texts.BAD_REFERENCE.format(typed="N-FK6E"))],
    ids=["unknown", "none", "typed-wrong"],
)  # fmt: skip
async def test_a_withdrawal_needs_a_known_reference(text: str, expected: str) -> None:
    assert texts_of(await say(text)) == [expected]


async def test_refused_to_anyone_but_staff(need: FirmNeed, needs: MemoryNeedStore) -> None:
    said = texts_of(await say(f"yes, withdraw {need.reference}", "rest", STAFF_SLACK))
    assert said == [texts.STAFF_ONLY] and needs.get(need.reference).status == "open"


@pytest.mark.parametrize(
    "text", ["withdraw N-JWQ2H", "yes, withdraw N-JWQ2H", "No, keep N-JWQ2H", "please withdraw need n-jwq2h"]
)
def test_staff_words_about_a_withdrawal_are_the_withdrawal(text: str) -> None:
    # "withdraw N-JWQ2H" had shown the need in full
    ranking = [{"name": "staff_show_need", "confidence": 1.0}]
    assert guarded_ranking(text, "staff_show_need", ranking, staff=True)[0]["name"] == "staff_withdraw_need"
