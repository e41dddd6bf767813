"""Profiles: the JSON of the CLI spec → Profile, with clear errors for bad input."""

from __future__ import annotations

from datetime import date

import pytest

from skills_catalog.errors import ProfileError, UnknownPlaceError
from skills_catalog.models import GeoPoint
from skills_catalog.profiles import PROFILE_KEYS, profile_from_json, resolve_skill_texts
from tests.test_skills_catalog.conftest import PLACES, o, s


@pytest.fixture
def parse(taxonomy, recognizer, gazetteer):  # noqa: ANN001, ANN201
    return lambda data: profile_from_json(data, taxonomy, recognizer, gazetteer)


def test_full_profile_from_spec_example(parse):  # noqa: ANN001
    profile, unrecognised = parse(
        {
            "skills": ["welding", s("safety")],
            "occupation": "I was a welder",
            "target": o("mechatronics"),
            "wanted_skills": ["PLC programming", "roof mounting"],
            "location": "Graz, AT",
            "max_distance_km": 50,
            "modes": ["in_person", "blended"],
            "languages": ["DE", "en"],
            "max_cost_eur": 0,
            "available_from": "2027-01-10",
        }
    )
    assert profile.skills == {s("weld"), s("safety")}
    assert (profile.occupation, profile.target) == (o("welder"), o("mechatronics"))
    assert profile.wanted_skills == (s("plc"), "roof mounting")
    assert (profile.location, profile.location_name) == (PLACES["graz"].point, "Graz")
    assert (profile.max_distance_km, profile.max_cost_eur) == (50, 0)
    assert profile.modes == {"in_person", "blended"} and profile.languages == {"de", "en"}
    assert profile.available_from == date(2027, 1, 10)
    assert unrecognised == ["roof mounting"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"skills": ["welding"], "location": {"lat": 47.07, "lon": 15.44}}, GeoPoint(47.07, 15.44)),
        ({"skills": ["welding"], "location": "Linz"}, PLACES["linz"].point),
        ({"skills": ["welding"], "location": None}, None),
    ],
    ids=["coordinates", "name-without-country", "null"],
)
def test_locations(parse, data, expected):  # noqa: ANN001
    assert parse(data)[0].location == expected


def test_free_text_that_names_nothing_is_unrecognised_not_an_error(parse):  # noqa: ANN001
    profile, unrecognised = parse({"skills": ["juggling"], "target": "not sure"})
    assert profile.skills == frozenset() and profile.target is None
    assert unrecognised == ["juggling", "not sure"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be a JSON object"),
        ({"skills": ["welding"], "salary": 5}, "unknown key 'salary'"),
        ({"location": "Graz"}, "at least one of 'skills', 'target' or 'wanted_skills'"),
        ({"skills": "welding", "max_distance_km": -5}, "max_distance_km must not be negative"),
        ({"skills": ["welding"], "max_distance_km": "far"}, "max_distance_km must be a number"),
        ({"skills": ["welding"], "max_cost_eur": True}, "max_cost_eur must be a number"),
        ({"skills": ["welding"], "modes": ["telepathy"]}, "modes: unknown value 'telepathy'"),
        ({"skills": ["welding"], "languages": ["german"]}, "'german' is not a two-letter ISO 639-1 code"),
        ({"skills": ["welding"], "available_from": "10/01/2027"}, "available_from must be a date"),
        ({"skills": ["welding"], "available_from": 20270110}, "available_from must be a date"),
        ({"skills": [1, 2]}, "skills must be a list of texts"),
        ({"skills": [f"{o('welder')}"]}, "is an occupation, not a skill"),
        ({"skills": ["http://data.europa.eu/esco/skill/nope"]}, "is not in the taxonomy in use"),
        ({"target": s("weld")}, "is a skill, not an occupation"),
        ({"target": 42}, "target must be a text or an ESCO occupation URI"),
        ({"skills": ["welding"], "location": {"lat": 100, "lon": 0}}, "is not a latitude/longitude pair"),
        ({"skills": ["welding"], "location": {"lat": 1}}, "location must be a text like"),
    ],
    ids=[
        "not-object",
        "unknown-key",
        "no-goal",
        "negative-distance",
        "distance-text",
        "cost-bool",
        "unknown-mode",
        "language-name",
        "date-format",
        "date-number",
        "skills-not-text",
        "occupation-as-skill",
        "unknown-uri",
        "skill-as-target",
        "target-number",
        "lat-range",
        "location-shape",
    ],
)
def test_profile_errors(parse, data, message):  # noqa: ANN001
    with pytest.raises(ProfileError, match=message.replace("(", r"\(")):
        parse(data)


def test_unknown_place_raises_with_suggestions(parse):  # noqa: ANN001
    with pytest.raises(UnknownPlaceError) as caught:
        parse({"skills": ["welding"], "location": "Grazz, AT"})
    assert caught.value.suggestions == ("Graz",)


def test_keys_match_the_cli_spec():
    assert set(PROFILE_KEYS) == {
        "skills",
        "occupation",
        "target",
        "wanted_skills",
        "location",
        "max_distance_km",
        "modes",
        "languages",
        "max_cost_eur",
        "available_from",
    }


def test_need_texts_can_name_several_skills(taxonomy, recognizer):  # noqa: ANN001
    uris, unrecognised = resolve_skill_texts(
        ["welding and PLC programming", "juggling", s("cnc")], taxonomy, recognizer
    )
    assert set(uris) == {s("weld"), s("plc"), s("cnc")} and unrecognised == ["juggling"]
