"""Staff catalogue search: a word finds every course it names, a town limits the search to a
distance it says, online courses have no distance, long answers page (QA Matrix M8 and lows)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import services, staff_common, staff_search
from actions.staff_search import ActionStaffSearch
from skills_catalog.alerts import InMemoryAlertSink
from skills_catalog.engine import Engine
from skills_catalog.leads import MemoryLeadStore
from skills_catalog.models import Catalog, Skill
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import texts_of, tracker
from tests.test_skills_catalog.conftest import (
    PLACES,
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    make_taxonomy,
    s,
)

STAFF = "USTAFF1"


@pytest.fixture(autouse=True)
def world(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture catalogue with four more welding courses: one teaching only TIG welding (a
    skill recognition does not pick for "welding"), one named welding but mapped to another
    skill (online, in Vienna), one in Linz, 180 km from Graz."""
    monkeypatch.setenv("STAFF_SLACK_USERS", STAFF)
    monkeypatch.setattr(staff_common, "today", lambda: TODAY)
    taxonomy = make_taxonomy()
    taxonomy.skills[s("tig")] = Skill(s("tig"), "perform tungsten inert gas welding", ("TIG welding",))
    base = make_catalog()
    o1, o3 = base.offers["O1"], base.offers["O3"]
    extra = [
        replace(o1, offer_id="T1", title="TIG welding for stainless steel", skills=(s("tig"),), occupations=()),
        replace(o3, offer_id="T2", title="Orbital welding explained", skills=(s("safety"),)),
        replace(o1, offer_id="L1", partner_id="P2", title="MAG welding", skills=(s("weld"),),
                point=PLACES["linz"].point, city="Linz", occupations=()),
    ]  # fmt: skip
    catalog = Catalog(base.partners, {**base.offers, **{offer.offer_id: offer for offer in extra}})
    engine = Engine(taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), catalog, today=lambda: TODAY)
    services.use(engine, MemoryLeadStore(), MemoryNeedStore(), [InMemoryAlertSink()])


async def search(text: str) -> str:
    dispatcher = CollectingDispatcher()
    asked = tracker(text=text, channel="slack", sender=STAFF)
    asked.latest_message["metadata"] = {"out_channel": "D0STAFF1"}
    await ActionStaffSearch().run(dispatcher, asked, {})
    return texts_of(dispatcher)[0]


def ids(answer: str) -> set[str]:
    """The offer ids of an answer's offer lines ("• O1 Welding … — Mur Valley …")."""
    return {
        line.split()[1] for line in answer.splitlines() if line.lstrip().startswith("•") and " — " in line
    }


async def test_a_word_finds_every_course_it_names() -> None:
    # "search catalogue welding" had listed only the courses of the one skill recognition read
    answer = await search("search catalogue welding")
    assert ids(answer) == {"O1", "O8", "L1", "T1", "T2"}  # not O7: it ended
    assert answer.startswith('Courses for "welding": 1–5 of 5, best first.')


async def test_a_town_limits_the_search_to_a_distance_it_says() -> None:
    # "free welding courses in Graz" had listed Brescia, 436 km away, as "near Graz"
    answer = await search("welding courses in Graz")
    assert answer.startswith('Courses for "welding", within 25 km of Graz: 1–3 of 3, nearest first.')
    assert ids(answer) == {"O1", "T1", "T2"}  # T2 is online; Leoben (47 km) and Linz are too far
    assert answer.splitlines()[-1].startswith("• T2") and "(online)" in answer.splitlines()[-1]


async def test_a_distance_said_widens_the_search() -> None:
    answer = await search("welding courses in Graz within 30 miles")
    assert "within 48 km (30 miles) of Graz" in answer.splitlines()[0] and "O8" in ids(answer)


async def test_an_online_course_near_a_town_has_no_distance() -> None:
    # "offers in Graz" had listed an online course "(under 1 km)"
    answer = await search("offers in Vienna")
    lines = [line for line in answer.splitlines() if line.startswith("•")]
    assert lines and all("(online)" in line and "km)" not in line for line in lines)


async def test_a_list_is_never_counted_with_a_plus(monkeypatch: pytest.MonkeyPatch) -> None:
    # "in-person courses" had said "1–10 of 190+", as if the list had been cut at 100
    monkeypatch.setattr(staff_search, "RANKED", 2)
    assert (await search("in-person courses")).splitlines()[0].endswith("of 7, by title.")


async def test_a_partner_with_many_courses_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # "partner academy" had posted one 10 KB message of 38 offers
    monkeypatch.setattr(staff_search, "PAGE", 2)
    first = await search("partner Mur Valley")
    assert first.splitlines()[:2] == ['Partners named "Mur Valley": 1 partner, 3 offers (1–2):',
                                      "• Mur Valley Technical Academy (Graz), 3 offers:"]  # fmt: skip
    assert first.endswith('Say "partner Mur Valley page 2" for the next 1.') and len(ids(first)) == 2
    second = await search("partner Mur Valley page 2")
    assert len(ids(second)) == 1 and ids(second).isdisjoint(ids(first)) and "page 3" not in second


async def test_a_page_past_the_last_says_how_many_there_are() -> None:
    # "offers in Graz page 9" had said "Nothing in the catalogue for courses, within 25 km of Graz"
    assert await search("offers in Vienna page 9") == (
        'Nothing on page 9: 3 in all; say "offers in Vienna" for the first page.'
    )
