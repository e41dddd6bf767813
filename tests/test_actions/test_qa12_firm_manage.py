"""Changes a firm makes to its saved need (QA12): "X instead of Y" is X, a change said without the
field's name is understood, several changes in one message are all made, "1 person"."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.firm_manage import ValidateFirmManageForm
from actions.firm_submit import draft_from_slots
from skills_catalog.needs import FirmNeed
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

FORM = ValidateFirmManageForm()


@pytest.fixture
def posted(needs: MemoryNeedStore) -> tuple[FirmNeed, str]:
    need, secret = needs.add(draft_from_slots(tracker({**FILLED, names.NEED_PEOPLE: 2})))
    assert secret
    return need, secret


def stored(needs: MemoryNeedStore, posted: tuple[FirmNeed, str]) -> FirmNeed:
    need = needs.get(posted[0].reference)
    assert need is not None
    return need


async def said(text: str, posted: tuple[FirmNeed, str], dispatcher: CollectingDispatcher) -> dict[str, Any]:
    need, secret = posted
    asked = {names.REQUESTED_SLOT: names.MANAGE_ACTION, names.MANAGE_REFERENCE: need.reference, names.MANAGE_SECRET: secret}
    return await FORM.validate_manage_action(text, dispatcher, tracker(asked, text=text), {})


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("5 people instead of 2", 5),
        ("instead of 2, make it 5", 5),
        ("not 2 but 6 people", 6),
        ("we need three now", 3),
        ("we need four now", 4),
        ("add one more person", 3),
        ("2 more people", 4),
        ("one less", 1),
        ("make it 7", 7),
    ],
    ids=str,
)
async def test_the_new_number_of_people_is_taken(
    text: str, people: int, posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "5 people instead of 2" made the need 2 people; "we need three now", "add one more
    # person" got "Here I can change the number of people, …"
    slots = await said(text, posted, dispatcher)
    assert slots[names.MANAGE_CHANGED] is True
    assert stored(needs, posted).people == people
    assert texts_of(dispatcher) == [f"Done — need {posted[0].reference} now: {people} people, by 1 Mar 2027, training: any."
                                    .replace("1 people", "1 person")]  # fmt: skip


async def test_a_deadline_said_without_its_field_is_taken(
    posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "we now need them by february" got the generic answer
    await said("we now need them by february", posted, dispatcher)
    by_when = stored(needs, posted).by_when
    assert by_when is not None and (by_when.month, by_when.day) == (2, 1)
    assert by_when > date.today()


async def test_several_changes_are_all_made(
    posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    await said("we need them by february now, and 3 people instead of 2", posted, dispatcher)
    need = stored(needs, posted)
    assert need.people == 3 and need.by_when is not None and need.by_when.month == 2


async def test_a_change_beside_what_this_form_cannot_change_is_made_and_the_rest_said(
    posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "we actually need three now, and also a cnc programmer" dropped the 3
    await said("we actually need three now, and also a cnc programmer", posted, dispatcher)
    assert stored(needs, posted).people == 3
    assert texts_of(dispatcher)[-1] == texts.MANAGE_OTHER_FIELDS


@pytest.mark.parametrize("text", ["we posted it 2 weeks ago", "hmm"])
async def test_a_number_that_counts_no_people_changes_nothing(
    text: str, posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    slots = await said(text, posted, dispatcher)
    assert slots == {names.MANAGE_ACTION: None} and stored(needs, posted).people == 2


async def test_one_person_is_no_people(
    posted: tuple[FirmNeed, str], needs: MemoryNeedStore, dispatcher: CollectingDispatcher
) -> None:
    # QA12: "Done — need N-… now: 1 people"
    await said("we need just one now", posted, dispatcher)
    assert "now: 1 person," in texts_of(dispatcher)[0]
