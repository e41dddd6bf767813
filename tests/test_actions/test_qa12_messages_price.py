"""QA12: at the price question, a funder who pays and a start said alone are answers."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.cost_paid_by_others import paid_by_others
from actions.profile_form import ValidateProfileForm
from tests.test_actions.conftest import texts_of, tracker

FORM = ValidateProfileForm()


@pytest.mark.parametrize(
    "text", ["job centre pays", "AMS pays", "employment office will pay", "company pays"]
)
def test_a_funder_named_without_my_pays(text: str) -> None:
    # QA12: "job centre pays" got "I need a rough amount in euros" ("whatever, the AMS pays" worked)
    assert paid_by_others(text)


@pytest.mark.parametrize("text", ["i dont have money, maybe AMS pays?", "does the job centre pay?"])
def test_a_funder_hoped_for_is_no_payment(text: str) -> None:
    assert not paid_by_others(text)


@pytest.mark.parametrize("text", ["asap", "right away"])
async def test_a_start_said_at_the_price_question_is_noted(text: str) -> None:
    # QA12: "asap", "right away" at the price question were not noted as the start
    d = CollectingDispatcher()
    t = tracker({names.REQUESTED_SLOT: names.BUDGET}, text=text)
    slots = await FORM.validate_max_cost_eur(text, d, t, {})
    assert slots[names.START] is not None and slots[names.BUDGET] is None
    assert texts.LIMIT_UNCLEAR[names.BUDGET] not in texts_of(d)
