"""A sector or a skill typed for the company's name is not taken as the name ("renewable energy"
was stored as the company's name), unless the firm says it is the name."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names
from actions.firm_company_answer import sector_named
from tests.test_actions.conftest import texts_of
from tests.test_actions.test_firm_form import validate


def _insist(typed: str) -> str:
    return firm_texts.COMPANY_INSIST.format(typed=typed)


@pytest.mark.parametrize(
    ("text", "sector", "title"),
    [
        ("renewable energy", "renewable_energy", "Renewable energy"),
        ("logistics", "mobility_transport_automotive", "Mobility, transport & automotive"),
        ("health care", "health", "Health"),
        ("a renewable energy company", "renewable_energy", "Renewable energy"),
    ],
    ids=lambda v: v if " " in v or v == "logistics" else None,
)
async def test_a_sector_is_no_company_name_and_is_noted(
    text: str, sector: str, title: str, dispatcher: CollectingDispatcher
) -> None:
    assert await validate(names.COMPANY, text, dispatcher) == {names.COMPANY: None, names.ECOSYSTEM: sector}
    noted = firm_texts.COMPANY_SECTOR_NOTED.format(sector=title)
    assert texts_of(dispatcher) == [firm_texts.COMPANY_IS_SECTOR.format(noted=noted, insist=_insist(text))]


async def test_a_sector_answered_already_is_not_replaced(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.COMPANY, "logistics", dispatcher, slots={names.ECOSYSTEM: "retail"})
    assert slots == {names.COMPANY: None}
    assert texts_of(dispatcher) == [
        firm_texts.COMPANY_IS_SECTOR.format(noted="", insist=_insist("logistics"))
    ]


@pytest.mark.parametrize("text", ["welding", "PLC programming"])
async def test_a_skill_is_no_company_name(text: str, dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.COMPANY, text, dispatcher) == {names.COMPANY: None}
    assert texts_of(dispatcher) == [firm_texts.COMPANY_IS_SKILL.format(insist=_insist(text))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mur Valley Logistics", "Mur Valley Logistics"),
        ("Green Energy Solutions", "Green Energy Solutions"),
        ("Welding Solutions Huber", "Welding Solutions Huber"),
        ("the name is Renewable Energy", "Renewable Energy"),
        ("we're called “Logistics”", "Logistics"),
        ("Logistics GmbH", "Logistics GmbH"),
    ],
)
async def test_a_name_holding_sector_words_or_said_to_be_the_name(
    text: str, name: str, dispatcher: CollectingDispatcher
) -> None:
    assert await validate(names.COMPANY, text, dispatcher) == {names.COMPANY: name}
    assert texts_of(dispatcher) == []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("civil engineering", ("construction",)),
        ("the health care sector", ("health",)),
        ("Hotel Sacher", ()),
        ("Acme", ()),
    ],
)
def test_sector_named(text: str, named: tuple[str, ...]) -> None:
    assert sector_named(text) == named
