"""A firm's first message in its many shapes: the need, its count, the town and what the firm says
it is are kept ("we're a carpentry shop in Weiz and need 1 or 2 carpenters" had kept the town only)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.firm_counts import range_said, staff_size
from actions.firm_need_said import firm_intro, need_clause, states_need_surely
from tests.test_actions.conftest import o, texts_of
from tests.test_actions.test_firm_form import start, validate

WELDER = {"uri": o("welder"), "label": "welder"}


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("we are a carpentry shop in Weiz and need 1 or 2 carpenters", "need 1 or 2 carpenters"),
        ("Hi, we run a hotel in Bilbao and are looking for 3 cooks", "looking for 3 cooks"),
        ("we're a bakery in Bilbao hiring 2 bakers", "hiring 2 bakers"),
        ("we r a hotel in graz, need 2 cooks", "need 2 cooks"),
        ("I run a small hair salon in Leoben and need a hairdresser", "need a hairdresser"),
        ("Hi! small metalworking firm in Kapfenberg here. need 2 welders by june", "need 2 welders by june"),
        (
            "Hello,\nwe are a care home in Leoben.\nWe need 3 nurses from March.",
            "We need 3 nurses from March.",
        ),
        ("we're a small bakery, we need a baker", "we need a baker"),
        ("we're a shop with 250 employees and we need 6 welders", "we need 6 welders"),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v and len(v) > 25 else None,
)
def test_where_the_need_is_stated(text: str, clause: str) -> None:
    assert need_clause(text) == clause


@pytest.mark.parametrize(
    ("text", "sure"),
    [
        ("we are a carpentry shop in Weiz and need 1 or 2 carpenters", True),
        ("Hi, we run a hotel in Bilbao and are looking for 3 cooks", True),
        ("we're a bakery in Bilbao hiring 2 bakers", True),
        ("Looking for 5 electricians for our solar company in Graz", True),
        ("Need 3 welders in Graz asap", True),
        (
            "I run a small hair salon in Leoben and need a hairdresser",
            True,
        ),  # one person, after what the firm is
        ("we need a plumber", False),  # a household's, maybe
        ("Looking for electrician courses in Graz", False),  # a worker, maybe: no count, no "we"
        ("we are two welders looking for a course", False),
        ("I have a degree and need a job", False),
        ("I'm looking for a job, are any firms hiring CNC operators?", False),
        ("my company is hiring welders", False),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_states_a_need_surely(text: str, sure: bool) -> None:
    assert states_need_surely(text) is sure


def test_what_the_firm_says_it_is() -> None:
    assert firm_intro("Hi, we're a small bakery, we need a baker") == "a small bakery, "
    assert firm_intro("we are a joinery in Weiz. Looking for 2 carpenters") == "a joinery in Weiz. "
    assert firm_intro("we need 3 welders") is None
    assert [staff_size(t) for t in ("a small bakery", "3 hotels", "a shop with 250 employees")] == [
        None,
        None,
        "large",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "we are a carpentry shop in Leoben and need 1 or 2 welders",
        "Hi, we run a garage in Leoben and are looking for 1 or 2 welders",
        "we r a metal shop in Leoben, need 1 or 2 welders",
        "Small metalworking firm in Leoben here. Need 1 or 2 welders by June",
    ],
)
async def test_the_need_after_what_the_firm_is_keeps_role_count_and_town(
    text: str, dispatcher: CollectingDispatcher
) -> None:
    slots = await start(text, dispatcher)
    assert (slots[names.NEED_OCCUPATION], slots[names.NEED_PEOPLE], slots[names.FIRM_TOWN]) == (
        WELDER,
        2,
        "Leoben",
    )
    said = texts_of(dispatcher)
    # the upper bound of "1 or 2" is said, and "First:" comes right before the consent question
    assert (
        firm_texts.PEOPLE_UPPER.format(people=2, said="1 or 2") in said and said[-1] == texts.FIRM_NEED_KEPT
    )


async def test_the_sector_the_firm_says_it_is_is_noted(dispatcher: CollectingDispatcher) -> None:
    slots = await start("Hi, we run a small hotel in Graz and are looking for 3 welders", dispatcher)
    assert (slots[names.ECOSYSTEM], slots[names.NEED_PEOPLE]) == ("tourism", 3)
    assert names.COMPANY_SIZE not in slots  # "small" in passing is no size class (10 to 49 staff)
    assert texts_of(dispatcher) == [texts.ALSO_NOTED.format(noted="Graz, Tourism"), texts.FIRM_NEED_KEPT]


async def test_a_count_before_the_need_is_no_size(dispatcher: CollectingDispatcher) -> None:
    slots = await start("we run 3 hotels in Graz and need 2 welders", dispatcher)
    assert names.COMPANY_SIZE not in slots and slots[names.NEED_PEOPLE] == 2


async def test_a_company_named_with_its_legal_form_in_a_first_message(
    dispatcher: CollectingDispatcher,
) -> None:
    slots = await start("Hi we are Huber GmbH from Graz and need 2 welders", dispatcher)
    assert (slots[names.COMPANY], slots[names.FIRM_TOWN], slots[names.NEED_OCCUPATION]) == (
        "Huber GmbH",
        "Graz",
        WELDER,
    )


async def test_a_sector_said_before_the_need_is_no_company(dispatcher: CollectingDispatcher) -> None:
    slots = await start("we're a renewable energy company in Graz and need 3 welders", dispatcher)
    assert names.COMPANY not in slots and slots[names.ECOSYSTEM] == "renewable_energy"


@pytest.mark.parametrize(
    ("text", "people", "said"), [("1 or 2", 2, "1 or 2"), ("10-15", 15, "10-15"), ("4", 4, None)]
)
async def test_a_range_of_people_is_its_upper_bound_said(
    text: str, people: int, said: str | None, dispatcher: CollectingDispatcher
) -> None:
    assert await validate(names.NEED_PEOPLE, text, dispatcher) == {names.NEED_PEOPLE: people}
    assert texts_of(dispatcher) == (
        [firm_texts.PEOPLE_UPPER.format(people=people, said=said)] if said else []
    )
    assert range_said(text, counted=False) == said
