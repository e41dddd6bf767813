"""The people a firm's need counts, in the many words firms use for them, and the firm's voice
that states it ("our company needs …"): QA lost the 12 of "we need 12 data analysts in Munich",
and "our company needs 12 data analysts in Munich" opened the worker's journey."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.firm_counts import people_named, without_count
from actions.firm_need_said import states_need_surely, without_need_lead
from actions.firm_people_words import names_a_person, plural
from actions.firm_role_typed import roles_typed
from actions.nlu_guard import guarded_ranking
from tests.test_actions.conftest import o
from tests.test_actions.test_firm_form import start


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("we need 12 data analysts in Munich", 12),
        ("we need a dozen data analysts", 12),
        ("we're hiring twelve data analysts", 12),
        ("need 12 data analysts by June", 12),
        ("we need 12 senior data analysts", 12),
        ("we need 3 senior python backend developers", 3),
        ("we need 4 architects", 4),
        ("we need 3 sales reps", 3),
        ("we need 3 waitresses", 3),
        ("we need 5 actuaries", 5),
        ("we need 3 salesmen", 3),
        ("we need 3 paramedics", 3),
        ("we need 2 coaches", 2),
        ("our plant needs 4 maintenance techs", 4),
        ("we need 12 SREs", 12),
        ("we need 2 new hires", 2),
        ("we need one welder", 1),
        ("we need 1 data analyst", 1),
        ("we need 1 welder and 2 or 3 electricians", 1),
        ("we have 12 open positions for data analysts", 12),
        ("we have 3 vacancies for welders", 3),
        ("we need data analysts, 12 of them", 12),
        ("we need welders, ideally 2 or 3 of them", 3),
        ("we need 10 welders, 3 of them with TIG", 10),
    ],
    ids=str,
)
def test_people_counted_with_their_role(text: str, people: int) -> None:
    assert people_named(text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("we have 3 plants and 200 workers", 200),  # not the 3 plants
        ("we need them in 2 weeks for our new developers", None),
        ("someone with 10 years of experience", None),
        ("we need one for the night shift", None),
        ("we need 200 rivets", None),
        ("we need one new computer", None),
        ("cooks for our 4 restaurants", None),
        ("we serve 300 customers", None),
        ("welding, and two of them should know TIG", None),  # at the skills question: no count of the need
    ],
    ids=str,
)
def test_other_counts_are_no_people(text: str, people: int | None) -> None:
    assert people_named(text) == people


def test_the_count_is_blanked_for_recognition() -> None:
    assert without_count("we need 12 data analysts") == "we need    data analysts"
    assert without_count("we need one welder") == "we need     welder"


@pytest.mark.parametrize(
    ("word", "person"),
    [("analyst", True), ("architect", True), ("salesman", True), ("waitress", True), ("computer", False),
     ("restaurant", False), ("staff", False), ("people", False), ("trainee", False), ("customer", False)],
    ids=str,
)  # fmt: skip
def test_which_words_name_a_person_who_does_a_job(word: str, person: bool) -> None:
    assert names_a_person(word) is person


def test_plurals_as_people_write_them() -> None:
    assert [plural(w) for w in ("analyst", "nanny", "midwife", "salesman", "coach", "tech", "waitress")] == [
        "analysts", "nannies", "midwives", "salesmen", "coaches", "techs", "waitresses",
    ]  # fmt: skip


def test_a_role_typed_with_the_shared_words() -> None:
    assert [r.label for r in roles_typed("we need 12 data analysts and 3 architects")] == [
        "data analyst",
        "architect",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "our company needs 12 data analysts in Munich",
        "our company in Munich needs 12 data analysts",
        "our firm needs 12 data analysts",
        "our team needs 12 data analysts",
        "our shop needs 2 welders",
        "our plant needs 4 maintenance techs",
        "our startup needs 3 developers",
        "our school needs 3 teachers",
        "our bank is looking for 12 data analysts",
        "we need 12 data analysts in Munich",
        "need 12 data analysts",
        "we need one data analyst",
        "our company has 12 open positions for data analysts",
        "Our plant wants to hire 6 CNC operators",
        "we are planning to recruit 4 electricians",
    ],
    ids=str,
)
def test_a_firm_stating_its_need_starts_the_firm_journey(text: str) -> None:
    assert states_need_surely(text)
    ranking = [{"name": "inform", "confidence": 0.59}, {"name": "firm_start", "confidence": 0.41}]
    assert (guarded_ranking(text, "inform", ranking) or ranking)[0]["name"] == "firm_start"


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("our company needs 12 data analysts", "12 data analysts"),  # read as *evaluate company needs*
        ("our firm is hiring 12 data analysts", "12 data analysts"),  # read as *recruit employees*
        ("TIG welding, we need them by May", "TIG welding,         them by May"),
        ("welding", "welding"),
    ],
    ids=str,
)
def test_the_words_stating_a_need_are_no_part_of_it(text: str, left: str) -> None:
    blanked = without_need_lead(text)
    assert len(blanked) == len(text) and blanked.strip() == left


def test_a_sentence_is_no_role_typed() -> None:
    # "we want" was kept as a role the taxonomy lacks
    assert roles_typed("we want to upskill 5 of our maintenance techs in PLC programming") == []


@pytest.mark.parametrize("text", ["my company needs 12 data analysts", "I need 12 data analysts' courses"])
def test_a_workers_words_stay_a_workers(text: str) -> None:
    assert not states_need_surely(text)


@pytest.mark.parametrize(
    ("text", "role", "people"),
    [
        ("we need 12 data analysts in Graz", "analyst", 12),
        ("our company needs 12 data analysts in Graz", "analyst", 12),
        ("Hi, we are a bank in Graz and need 12 data analysts", "analyst", 12),
        ("our shop in Graz needs one welder", "welder", 1),
        ("we have 3 vacancies for welders in Graz", "welder", 3),
        ("Our plant in Graz wants to hire 6 welders", "welder", 6),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v else None,
)
async def test_the_opener_keeps_role_count_and_town(
    text: str, role: str, people: int, dispatcher: CollectingDispatcher
) -> None:
    # QA: "we need 12 data analysts in Munich" was followed by "How many people?"
    slots = await start(text, dispatcher)
    assert (slots[names.NEED_OCCUPATION]["uri"], slots[names.NEED_PEOPLE], slots[names.FIRM_TOWN]) == (
        o(role),
        people,
        "Graz",
    )
