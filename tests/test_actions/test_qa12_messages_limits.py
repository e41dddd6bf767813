"""QA12: words of a wish or a skill that had been read as limits, and limits said at other questions."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.parsing import parse_mode, stated_preferences
from actions.profile_form import ValidateProfileForm
from tests.test_actions.conftest import texts_of, tracker

FORM = ValidateProfileForm()


@pytest.mark.parametrize(
    "text",
    [
        "I need to learn German, I am from Ukraine",
        "I am waiter in San Sebastian. I want learn english for tourist and maybe be tour guide",
        "tour guide in graz, city tours in german and english",
        "I want to improve my English",
        "need a German course for my B1 exam",
    ],
)
def test_a_language_to_learn_or_worked_in_is_no_course_language(text: str) -> None:
    # QA12: each had "Noted: courses in German." and the wish was lost
    assert names.LANGUAGE not in stated_preferences(text, date.today())


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("courses in German please", "de"),
        ("welding course in English", "en"),
        ("I speak a little German, courses in English", "en"),
    ],
)
def test_the_courses_language_is_still_read(text: str, codes: str) -> None:
    assert stated_preferences(text, date.today())[names.LANGUAGE] == codes


@pytest.mark.parametrize(
    "text",
    ["teaching, classroom management, lesson planning", "remote sensing, GIS", "virtual reality design"],
)
def test_skills_name_no_way_of_learning(text: str) -> None:
    # QA12: "classroom management" typed at the skills question got "Noted: in person."
    assert parse_mode(text) is None


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("in a classroom please", names.MODE_IN_PERSON),
        ("online", names.MODE_ONLINE),
        ("remote", names.MODE_ONLINE),
    ],
)
def test_ways_of_learning_are_still_read(text: str, mode: str) -> None:
    assert parse_mode(text) == mode


async def test_online_at_the_distance_question_changes_the_mode_set_before() -> None:
    # QA12: "online" typed at the distance question got "I need a rough number of km", in person kept
    d = CollectingDispatcher()
    t = tracker({names.MODE: names.MODE_IN_PERSON, names.REQUESTED_SLOT: names.MAX_DISTANCE}, text="online")
    slots = await FORM.validate_max_distance_km("online", d, t, {})
    assert slots[names.MODE] == names.MODE_ONLINE
    assert texts.LIMIT_UNCLEAR[names.MAX_DISTANCE] not in texts_of(d)
