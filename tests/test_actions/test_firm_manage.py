"""View / change / withdraw a need with the reference and the secret."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.firm_manage import ActionFirmManageApply, ValidateFirmManageForm
from actions.firm_submit import draft_from_slots
from skills_catalog.needs import FirmNeed
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import slots_of, texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

FORM = ValidateFirmManageForm()


@pytest.fixture
def posted(needs: MemoryNeedStore) -> tuple[FirmNeed, str]:
    need, secret = needs.add(draft_from_slots(tracker(FILLED)))
    assert secret
    return need, secret


async def check_secret(reference: str, secret: str, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    slots = {names.REQUESTED_SLOT: names.MANAGE_SECRET, names.MANAGE_REFERENCE: reference}
    return await FORM.validate_manage_secret(secret, dispatcher, tracker(slots, text=secret), {})


async def test_reference_is_normalised(dispatcher: CollectingDispatcher) -> None:
    track = tracker({names.REQUESTED_SLOT: names.MANAGE_REFERENCE}, text="n 7k3qx")
    assert await FORM.validate_manage_reference("n 7k3qx", dispatcher, track, {}) == {
        names.MANAGE_REFERENCE: "N-7K3QX"
    }


async def test_right_secret_shows_the_need(
    posted: tuple[FirmNeed, str], dispatcher: CollectingDispatcher
) -> None:
    need, secret = posted
    slots = await check_secret(need.reference, secret, dispatcher)
    assert slots == {names.MANAGE_SECRET: secret}
    assert texts_of(dispatcher)[0].startswith(f"Need {need.reference} (open): weld metal parts — 4 people")


@pytest.mark.parametrize("which", ["wrong secret", "unknown reference"])
async def test_refusal_reveals_nothing(
    which: str, posted: tuple[FirmNeed, str], dispatcher: CollectingDispatcher
) -> None:
    need, secret = posted
    reference, given = (need.reference, "AAAA-BBBB-CCCC") if which == "wrong secret" else ("N-ZZZZZ", secret)
    slots = await check_secret(reference, given, dispatcher)
    assert texts_of(dispatcher) == [texts.MANAGE_REFUSED]
    assert slots == {names.MANAGE_SECRET: None, names.MANAGE_ACTION: names.MANAGE_DONE}


async def apply(slots: dict[str, Any], dispatcher: CollectingDispatcher) -> dict[str, Any]:
    return slots_of(await ActionFirmManageApply().run(dispatcher, tracker(slots), {}))


@pytest.mark.parametrize(
    ("action", "value", "field", "expected"),
    [
        (names.MANAGE_PEOPLE, 6, "people", 6),
        (names.MANAGE_BY_WHEN, "2027-06-01", "by_when", "2027-06-01"),
        (names.MANAGE_MODE, names.MODE_ONLINE, "mode", names.MODE_ONLINE),
        (names.MANAGE_MODE, names.ANY, "mode", ""),
    ],
    ids=["people", "by-when", "mode", "any-mode"],
)
async def test_change(
    action: str, value: Any, field: str, expected: Any, posted: tuple[FirmNeed, str],
    needs: MemoryNeedStore, dispatcher: CollectingDispatcher,
) -> None:  # fmt: skip
    need, secret = posted
    slots = await apply({names.MANAGE_REFERENCE: need.reference, names.MANAGE_SECRET: secret,
                         names.MANAGE_ACTION: action, names.MANAGE_VALUE: value}, dispatcher)  # fmt: skip
    changed = getattr(needs.get(need.reference), field)
    assert (changed.isoformat() if hasattr(changed, "isoformat") else changed) == expected
    assert texts_of(dispatcher)[0].startswith(f"Done — need {need.reference} now")
    assert all(slots[s] is None for s in names.MANAGE_SLOTS)  # the secret is forgotten


async def test_withdraw(
    posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    need, secret = posted
    await apply({names.MANAGE_REFERENCE: need.reference, names.MANAGE_SECRET: secret,
                 names.MANAGE_ACTION: names.MANAGE_WITHDRAW, names.MANAGE_VALUE: True}, dispatcher)  # fmt: skip
    assert needs.get(need.reference).status == "withdrawn"
    assert texts_of(dispatcher) == [texts.MANAGE_WITHDRAWN.format(reference=need.reference)]


async def test_not_withdrawing_changes_nothing(
    posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    need, secret = posted
    await apply({names.MANAGE_REFERENCE: need.reference, names.MANAGE_SECRET: secret,
                 names.MANAGE_ACTION: names.MANAGE_WITHDRAW, names.MANAGE_VALUE: False}, dispatcher)  # fmt: skip
    assert needs.get(need.reference).status == "open" and texts_of(dispatcher) == [texts.MANAGE_UNCHANGED]


async def test_forged_apply_with_a_wrong_secret_is_refused(
    posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    need, _secret = posted
    await apply({names.MANAGE_REFERENCE: need.reference, names.MANAGE_SECRET: "AAAA-BBBB-CCCC",
                 names.MANAGE_ACTION: names.MANAGE_PEOPLE, names.MANAGE_VALUE: 99}, dispatcher)  # fmt: skip
    assert needs.get(need.reference).people == 4 and texts_of(dispatcher) == [texts.MANAGE_REFUSED]
