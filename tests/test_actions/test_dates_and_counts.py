"""Dates and counts as people type them: a worker's start, a firm's deadline, how many people."""

from __future__ import annotations

from datetime import date

import pytest

from actions import parsing
from actions.firm_counts import parse_people, parse_size, people_named, without_count
from actions.firm_parsing import parse_by_when

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.03.2027", "2027-03-01"),
        ("1.3.2027", "2027-03-01"),
        ("1.3.27", "2027-03-01"),
        ("15/03/2027", "2027-03-15"),
        ("03/04/2027", "2027-04-03"),
        ("03/15/2027", "2027-03-15"),
        ("2027/03/01", "2027-03-01"),
        ("from 01.03.2027", "2027-03-01"),
        ("1. März 2027", "2027-03-01"),
        ("März", "2027-03-01"),
        ("Marz", "2027-03-01"),
        ("Jänner", "2027-01-01"),
    ],
    ids=[
        "dotted", "dotted-short", "two-digit-year", "slashed-day-first", "ambiguous-is-day-first",
        "month-first-when-only-it-can-be", "year-first-slashed", "from-dotted", "german-day-and-month",
        "german-month", "german-month-no-umlaut", "austrian-january",
    ],
)  # fmt: skip
def test_a_date_as_written_in_europe(text: str, expected: str) -> None:
    # "01.03.2027" and "März" got "Sorry, I didn't understand that answer" (QA)
    assert parsing.parse_start(text, TODAY) == expected
    assert parse_by_when(text, TODAY) == expected


@pytest.mark.parametrize(
    ("name", "month"),
    [("januar", 1), ("februar", 2), ("märz", 3), ("april", 4), ("mai", 5), ("juni", 6), ("juli", 7),
     ("august", 8), ("september", 9), ("oktober", 10), ("november", 11), ("dezember", 12)],
    ids=lambda value: str(value),
)  # fmt: skip
def test_every_german_month_name(name: str, month: int) -> None:
    assert parsing.parse_start(f"ab {name.capitalize()} 2027", TODAY) == date(2027, month, 1).isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", "2026-11-23"),
        ("next week", "2026-11-29"),
        ("next year", "2027-01-01"),
        ("within 3 months", "2027-02-01"),
        ("in 3 months", "2027-02-01"),
        ("in 10 days", "2026-12-02"),
        ("Q3 2027", "2027-07-01"),
        ("q3", "2027-07-01"),
        ("spring", "2027-03-01"),
        ("in spring", "2027-03-01"),
        ("spring 2027", "2027-03-01"),
        ("summer", "2027-06-01"),
        ("winter", "2026-12-01"),
        ("after Christmas", "2026-12-27"),
        ("I may start in June", "2027-06-01"),
    ],
    ids=[
        "tomorrow", "next-week", "next-year", "within-months", "in-months", "in-days", "quarter", "quarter-no-year",
        "spring", "in-spring", "season-and-year", "summer", "winter", "after-christmas", "may-the-verb",
    ],
)  # fmt: skip
def test_a_start_in_words(text: str, expected: str) -> None:
    assert parsing.parse_start(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("autumn", date(2026, 11, 22), "2026-11-22"),
        ("after the summer", date(2026, 11, 22), "2026-11-22"),
        ("in November", date(2026, 11, 22), "2026-11-22"),
        ("autumn", date(2027, 1, 10), "2027-09-01"),
        ("after the summer", date(2027, 1, 10), "2027-09-01"),
        ("winter", date(2027, 1, 10), "2027-01-10"),
        ("winter 2027", date(2027, 1, 10), "2027-12-01"),
        ("after Christmas", date(2026, 12, 30), "2026-12-30"),
    ],
    ids=[
        "season-under-way-is-today", "after-summer-in-autumn", "month-under-way", "season-to-come",
        "after-summer-to-come", "winter-under-way", "winter-of-a-year-begins-in-its-december", "christmas-week",
    ],
)  # fmt: skip
def test_a_time_under_way_starts_today(text: str, today: date, expected: str) -> None:
    assert parsing.parse_start(text, today) == expected


@pytest.mark.parametrize(
    ("text", "start", "deadline"),
    [
        ("end of year", "2026-12-31", "2026-12-31"),
        ("by the end of the year", "2026-12-31", "2026-12-31"),
        ("by Q3", "2027-07-01", "2027-07-01"),
        ("by the end of Q3 2027", "2027-09-30", "2027-09-30"),
        ("by spring", "2027-03-01", "2027-03-01"),
        ("by the end of next year", "2027-12-31", "2027-12-31"),
    ],
    ids=["end-of-year", "by-end-of-the-year", "by-quarter", "by-end-of-quarter", "by-season", "end-of-next-year"],
)
def test_the_end_of_a_time_is_its_last_day(text: str, start: str, deadline: str) -> None:
    assert (parsing.parse_start(text, TODAY), parse_by_when(text, TODAY)) == (start, deadline)


@pytest.mark.parametrize(
    "text",
    ["31 February 2027", "2027-02-30", "30.02.2027", "13/13/2027", "2027-13-01"],
    ids=["day-and-month-word", "iso", "dotted", "no-month-13", "iso-month-13"],
)
def test_a_day_that_does_not_exist_is_no_other_day(text: str) -> None:
    # "31 February 2027" was read as 1 February 2027
    assert (parsing.parse_start(text, TODAY), parse_by_when(text, TODAY)) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["2020-01-01", "yesterday", "2019-05-05", "01.01.2020", "March 2026", "since 2019"],
    ids=["iso", "yesterday", "iso-long-ago", "dotted", "month-of-this-year-gone", "year-gone"],
)
def test_a_start_or_deadline_in_the_past_is_refused(text: str) -> None:
    assert (parsing.parse_start(text, TODAY), parse_by_when(text, TODAY)) == (None, None)


def test_today_is_not_the_past() -> None:
    assert (parsing.parse_start("today", TODAY), parse_by_when("2026-11-22", TODAY)) == ("2026-11-22",) * 2


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("1,000", 1000),
        ("1.000", 1000),
        ("100,000", 100_000),
        ("100,001", None),
        ("three hundred", 300),
        ("two thousand", 2000),
        ("one hundred and fifty", 150),
        ("twenty-five", 25),
        ("-3", None),
        ("2.5", None),
        ("10-15", 15),
        ("5 or 6", 6),
        ("three or four", 4),
        ("between 10 and 15", 15),
        ("0", None),
        ("zero", None),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two", 2),
        ("3 CNC operators", 3),
        ("often", None),
    ],
    ids=[
        "comma-thousands", "dot-thousands", "the-cap", "past-the-cap", "hundreds-in-words", "thousands-in-words",
        "hundred-and", "hyphenated", "negative", "decimal", "range-takes-its-upper", "choice-takes-its-upper",
        "choice-in-words", "between", "zero", "zero-in-words", "dozen", "half-dozen", "word", "with-a-role",
        "ten-inside-a-word",
    ],
)  # fmt: skip
def test_parse_people(text: str, people: int | None) -> None:
    # "1,000" was 1, "three hundred" 3, "-3" 3, "2.5" 2 and "10-15" 10 (QA)
    assert parse_people(text) == people


@pytest.mark.parametrize(
    ("text", "people", "left"),
    [
        ("we need 5 or 6 welders", 6, "we need        welders"),
        ("we need 1,000 workers", 1000, "we need       workers"),
        ("two people who can weld", 2, "    people who can weld"),
        ("a couple of electricians", 2, "            electricians"),
        ("someone with 10 years of experience", None, "someone with 10 years of experience"),
    ],
    ids=["choice", "thousands", "word", "couple", "years-are-no-people"],
)
def test_the_people_a_need_names(text: str, people: int | None, left: str) -> None:
    assert (people_named(text), without_count(text)) == (people, left)


def test_a_head_count_with_a_thousands_separator_sizes_a_company() -> None:
    assert parse_size("we have 1,200 employees") == "large"


@pytest.mark.parametrize(
    ("text", "size"),
    [("we have 2 plants and about 300 employees", "large"), ("3 sites, 40 staff", "small"), ("about 8", "micro")],
    ids=["staff-after-plants", "staff-after-sites", "bare-count"],
)
def test_the_size_is_read_from_the_staff_count(text: str, size: str) -> None:
    # QA6/QA7: "2 plants and about 300 employees" was stored as micro, from the 2
    assert parse_size(text) == size


@pytest.mark.parametrize(
    ("text", "people"),
    [("cooks for our 4 restaurants", None), ("site managers for our 3 departments", None), ("4 shop assistants", 4)],
    ids=["restaurants", "departments", "assistants"],
)
def test_places_counted_are_no_people(text: str, people: int | None) -> None:
    # QA6/QA7: the count of restaurants became the number of people and the question was skipped
    assert people_named(text) == people
