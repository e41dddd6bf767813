"""QA13 on Slack: staff commands read "in X" as a place only when X is one, find places said
without "in", say back a misspelt town, read deadlines and course starts as such, and search
the catalogue for free and cheapest courses as meant.

The world: the fixture catalogue with three welding courses in Kapfenberg, one of them priced
but free for member firms' staff, and the real gazetteer class knowing the fixture's towns,
Kapfenberg and Bilbao (its suggestions as the worker's and firm's forms get them).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from actions import services, staff_common, staff_texts, texts
from actions.firm_submit import draft_from_slots
from actions.staff_needs import ActionStaffExport, ActionStaffNewNeeds
from actions.staff_parsing import (
    PLACE_CHOICE,
    PLACE_TAKEN,
    guessed_place,
    parse_deadline,
    parse_period,
    parse_place,
)
from actions.staff_search import CHEAPEST_FIRST, STARTS_UNREAD, ActionStaffSearch
from skills_catalog.alerts import InMemoryAlertSink
from skills_catalog.engine import Engine
from skills_catalog.leads import MemoryLeadStore
from skills_catalog.models import Catalog, GeoPoint, Place
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.places import Gazetteer
from tests.test_actions.conftest import tracker
from tests.test_actions.test_firm_submit import FILLED
from tests.test_actions.test_staff_pages import ask
from tests.test_actions.test_staff_pages import references as offer_ids  # the first word after "•": an id
from tests.test_skills_catalog.conftest import PLACES, FakeRecognizer, make_catalog, make_taxonomy

STAFF = "USTAFF1"
TODAY = date(2026, 12, 7)
KAPFENBERG = Place("Kapfenberg", "AT", GeoPoint(47.4440, 15.2930), 22_000)
BILBAO = Place("Bilbao", "ES", GeoPoint(43.2630, -2.9350), 345_000)
LEIBEN = Place("Leiben", "AT", GeoPoint(48.2460, 15.2830), 1_300)


@pytest.fixture(autouse=True)
def world(monkeypatch: pytest.MonkeyPatch, needs: MemoryNeedStore) -> None:
    monkeypatch.setenv("STAFF_SLACK_USERS", STAFF)
    monkeypatch.setattr(staff_common, "today", lambda: TODAY)
    gazetteer = Gazetteer()
    for place in (*PLACES.values(), KAPFENBERG, BILBAO, LEIBEN):
        gazetteer.add(place)
    base = make_catalog()
    o1 = base.offers["O1"]
    extra = [
        replace(o1, offer_id=offer_id, title=title, cost_eur=cost, funding=funding, start_date=start,
                point=KAPFENBERG.point, city=KAPFENBERG.name, occupations=())
        for offer_id, title, cost, funding, start in (
            ("K1", "MAG welding certificate", 1990.0, "free for employees of member firms", date(2027, 3, 2)),
            ("K2", "Basic welding", 300.0, "", date(2027, 5, 3)),
            ("K3", "Welding inspection", 650.0, "", date(2027, 3, 20)),
        )
    ]  # fmt: skip
    catalog = Catalog(base.partners, {**base.offers, **{offer.offer_id: offer for offer in extra}})
    taxonomy = make_taxonomy()
    engine = Engine(taxonomy, FakeRecognizer(taxonomy), gazetteer, catalog, today=lambda: TODAY)
    services.use(engine, MemoryLeadStore(), needs, [InMemoryAlertSink()])


# ---------------------------------------------------------------- 2. "in X" is a place only when X is one


@pytest.mark.parametrize(
    ("text", "head", "found"),
    [("online courses in data analysis", 'Courses for "data analysis", online:', "O6"),
     ("courses in welding", 'Courses for "welding":', "O1"),
     ("courses in welding near Kapfenberg", 'Courses for "welding", within 25 km of Kapfenberg:', "K2")],
    ids=["online-in-a-skill", "in-a-skill", "in-a-skill-near-a-town"],
)  # fmt: skip
async def test_a_skill_after_in_is_searched_for(text: str, head: str, found: str) -> None:
    # "online courses in data analysis" had answered: I couldn't find "data analysis" — try a nearby town
    answer = (await ask(ActionStaffSearch, text))[0]
    assert answer.startswith(head) and found in offer_ids(answer)


async def test_a_town_after_in_is_still_a_place() -> None:
    answer = (await ask(ActionStaffSearch, "welding courses in Kapfenberg"))[0]
    assert answer.startswith('Courses for "welding", within 25 km of Kapfenberg:')


# ---------------------------------------------------------------- 3. places said without "in", or with more words


@pytest.mark.parametrize(
    ("text", "place"),
    [("demand report Graz last 7 days by town", "Graz"),  # had covered Bilbao too
     ("export needs in Spain as csv", "Spain"),  # had been "Spain as csv", unknown: all exported
     ("board meeting: we discussed the welding shortage at Acme Stahl and the fair, then the demand report", None),
     ("needs in Styria", "Styria"),  # unknown, said so by the answer
     ("demand report by ecosystem since monday", None)],
    ids=lambda value: value if isinstance(value, str) else None,
)  # fmt: skip
def test_the_place_a_command_names(text: str, place: str | None) -> None:
    assert parse_place(text) == place


async def test_export_in_a_country_filters_by_the_country(needs: MemoryNeedStore) -> None:
    needs.add(draft_from_slots(tracker(FILLED)))  # a firm in Graz, AT
    said = await ask(ActionStaffExport, "export needs in Spain as csv")
    assert said == [staff_texts.STAFF_EXPORT_NONE.format(where=" in Spain", when=staff_texts.STAFF_EVER)]


# ---------------------------------------------------------------- 4. misspelt towns


async def test_a_misspelt_town_is_taken_as_the_one_close_town_and_said() -> None:
    # "forklift courses in Kapfenbrg" had answered "couldn't find"
    answer = (await ask(ActionStaffSearch, "welding courses in Kapfenbrg"))[0]
    first, head = answer.splitlines()[:2]
    assert first == PLACE_TAKEN.format(typed="Kapfenbrg", place="Kapfenberg", country="AT")
    assert head.startswith('Courses for "welding", within 25 km of Kapfenberg:')


def test_a_short_misspelt_town_is_read_as_the_catalogues_town() -> None:
    # "unmet neds in grz": one slip in three letters, too far for the gazetteer to suggest
    guess = guessed_place("grz")
    assert guess.place is not None and guess.place.name == "Graz"
    assert guess.note == PLACE_TAKEN.format(typed="grz", place="Graz", country="AT")


async def test_a_misspelt_town_close_to_several_asks_which() -> None:
    answer = await ask(ActionStaffSearch, "welding courses in Leben")
    assert answer == [PLACE_CHOICE.format(typed="Leben", options="Leoben, AT or Leiben, AT")]  # the larger first
    assert guessed_place("Leben").options == ("Leoben, AT", "Leiben, AT")


def test_a_name_like_no_town_is_unknown() -> None:
    assert guessed_place("Atlantis") == type(guessed_place("Atlantis"))(None, texts.PLACE_UNKNOWN.format(query="Atlantis"))


# ---------------------------------------------------------------- 5. deadlines and start dates


def test_a_deadline_is_no_posting_date() -> None:
    # "open needs in Graz with deadline before April" had answered "No new needs … before 2026-04-01"
    text = "open needs in Graz with deadline before April"
    period = parse_period(text, TODAY)
    assert period.until is None and period.unread  # said, not read as a posting date
    assert not parse_period(text, TODAY, deadlines=True).unread
    deadline = parse_deadline(text, TODAY)
    assert deadline is not None and (deadline.first, deadline.last) == (None, date(2027, 3, 31))
    assert deadline.keeps(date(2027, 2, 1)) and not deadline.keeps(date(2027, 4, 2)) and not deadline.keeps(None)
    assert parse_place(text) == "Graz"


async def test_a_deadline_is_a_deadline_not_a_posting_date() -> None:
    said = await ask(ActionStaffNewNeeds, "open needs in Graz with deadline before April")
    assert said == [staff_texts.STAFF_NO_NEEDS_DUE.format(where=" within 25 km of Graz", when="with a deadline before 2027-04-01")]
    assert "2026-04-01" not in " ".join(said)


async def test_courses_starting_in_a_month_are_those_of_the_next_such_month() -> None:
    # "courses starting in March in Graz" had searched for "starting"
    answer = (await ask(ActionStaffSearch, "courses starting in March near Kapfenberg"))[0]
    assert answer.startswith("Courses, starting in March, within 25 km of Kapfenberg:")
    assert sorted(offer_ids(answer)) == ["K1", "K3"]  # March 2027; K2 starts in May


async def test_a_start_not_read_is_said() -> None:
    answer = (await ask(ActionStaffSearch, "welding courses starting soon"))[0]
    assert answer.splitlines()[0] == STARTS_UNREAD.format(words="soon")


# ---------------------------------------------------------------- 6. free and cheapest


async def test_free_for_member_firms_staff_only_is_said() -> None:
    answer = (await ask(ActionStaffSearch, "free welding courses"))[0]
    line = next(line for line in answer.splitlines() if "K1" in line)
    assert answer.startswith('Courses for "welding", free (1 of them only for employees of member firms):')
    assert "free only for employees of member firms, else €1990" in line and "K2" not in answer


async def test_cheapest_is_ordered_by_price() -> None:
    # "cheapest welding course near Kapfenberg" had searched "cheapest welding", nearest first
    answer = (await ask(ActionStaffSearch, "cheapest welding course near Kapfenberg"))[0]
    assert answer.startswith(f'Courses for "welding", within 25 km of Kapfenberg: 1–4 of 4, {CHEAPEST_FIRST}.')
    assert offer_ids(answer) == ["K2", "K3", "O8", "K1"]  # €300, €650, €1500 (Leoben), €1990


@pytest.mark.parametrize(("text", "head"), [("welding courses in Austria", 'Courses for "welding", in Austria: 1–'),
                                            ("welding courses in Spain", 'Nothing in the catalogue for courses for "welding", in Spain.')],
                         ids=["country", "other-country"])  # fmt: skip
async def test_a_search_in_a_country_keeps_its_courses(text: str, head: str) -> None:
    # a country had been looked up as a town: "I couldn't find "Spain""
    answer = (await ask(ActionStaffSearch, text))[0]
    assert answer.startswith(head)
