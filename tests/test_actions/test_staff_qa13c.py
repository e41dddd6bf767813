"""QA13c: a misspelt town narrows the staff's needs answers (said back, or asked about), and
needs are listed by their deadline ("open needs in Graz with deadline before April").

The world is QA13's (:func:`tests.test_actions.test_staff_parsing_qa13.world`): the real
gazetteer class knowing the fixture's towns, Kapfenberg, Bilbao and Leiben; today 2026-12-07.
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, staff_texts
from actions.firm_submit import draft_from_slots
from actions.staff_common import where_named
from actions.staff_needs import ActionStaffExport, ActionStaffNewNeeds
from actions.staff_parsing import PLACE_TAKEN
from actions.staff_reports import ActionStaffReport, ActionStaffUnmet
from skills_catalog.needs import FirmNeed
from skills_catalog.needs_memory import MemoryNeedStore
from skills_catalog.reports import EVERYWHERE
from tests.test_actions.conftest import tracker
from tests.test_actions.test_firm_submit import FILLED
from tests.test_actions.test_staff_parsing_qa13 import KAPFENBERG, STAFF, ask, world
from tests.test_actions.test_staff_qa13 import exported

__all__ = ["world"]  # the fixture, used by every test here
IN_KAPFENBERG = {names.FIRM_TOWN: KAPFENBERG.name, names.FIRM_LATITUDE: KAPFENBERG.point.lat,
                 names.FIRM_LONGITUDE: KAPFENBERG.point.lon}  # fmt: skip


def add(needs: MemoryNeedStore, by_when: str | None, **slots: Any) -> FirmNeed:
    return needs.add(
        draft_from_slots(tracker({**FILLED, names.NEED_BY_WHEN: by_when or names.ANY, **slots}))
    )[0]


# ---------------------------------------------------------------- a misspelt town


async def test_a_misspelt_town_narrows_the_unmet_needs_and_is_said(needs: MemoryNeedStore) -> None:
    # "unmet neds in grz" had covered every firm
    add(needs, None)
    said = await ask(ActionStaffUnmet, "unmet neds in grz")
    assert said[0] == PLACE_TAKEN.format(typed="grz", place="Graz", country="AT")
    assert "within 25 km of Graz" in said[1]


def test_a_town_close_to_several_is_asked_about() -> None:
    where, note = where_named("Leben")
    assert where == EVERYWHERE
    assert (
        note
        == staff_texts.STAFF_PLACE_UNKNOWN.format(place="Leben") + " Did you mean Leoben, AT or Leiben, AT?"
    )


def test_a_town_found_as_said_needs_no_note() -> None:
    where, note = where_named("Graz")
    assert (where.name, note) == ("Graz", "")


async def test_demand_for_a_misspelt_town_is_for_the_town(needs: MemoryNeedStore) -> None:
    # read as a skill, "Kapfenbrg", it had counted no need at all
    add(needs, None, **IN_KAPFENBERG)
    said = await ask(ActionStaffReport, "demand for Kapfenbrg")
    assert said[0] == PLACE_TAKEN.format(typed="Kapfenbrg", place="Kapfenberg", country="AT")
    assert "Demand within 25 km of Kapfenberg" in said[1] and 'Demand for "' not in " ".join(said)


# ---------------------------------------------------------------- deadlines


@pytest.fixture
def due(needs: MemoryNeedStore) -> FirmNeed:
    """The one need in Graz due before next April; others later, with none, or elsewhere."""
    add(needs, "2027-05-01")
    add(needs, None)
    add(needs, "2027-02-01", **IN_KAPFENBERG)
    return add(needs, "2027-02-01")


async def test_needs_by_deadline_keep_those_due_then(due: FirmNeed) -> None:
    said = await ask(ActionStaffNewNeeds, "open needs in Graz with deadline before April")
    assert len(said) == 1 and said[0].startswith(
        "1 need within 25 km of Graz with a deadline before 2027-04-01"
    )
    assert due.reference in said[0] and said[0].count("• ") == 1


async def test_no_needs_by_deadline_say_the_deadline(needs: MemoryNeedStore) -> None:
    add(needs, "2027-05-01")
    said = await ask(ActionStaffNewNeeds, "needs in Graz due by 1 March")
    assert said == [staff_texts.STAFF_NO_NEEDS_DUE.format(where=" within 25 km of Graz",
                                                          when="with a deadline before 2027-03-02")]  # fmt: skip


async def test_a_deadline_not_read_is_said_and_narrows_nothing(due: FirmNeed) -> None:
    said = await ask(ActionStaffNewNeeds, "needs in Graz with deadline soonish")
    assert said[0] == staff_texts.DEADLINE_UNREAD.format(words="soonish")
    assert said[1].count("• ") == 3  # Graz's, whatever their deadline


async def test_the_export_keeps_to_the_deadline(due: FirmNeed) -> None:
    dispatcher = CollectingDispatcher()
    asked = tracker(text="export needs with deadline before April", channel="slack", sender=STAFF)
    asked.latest_message["metadata"] = {"out_channel": "D0STAFF1"}
    await ActionStaffExport().run(dispatcher, asked, {})
    title, rows = exported(dispatcher)
    assert title == "Needs export: 2 needs with a deadline before 2027-04-01, as CSV."
    assert sorted((row["town"], row["by_when"]) for row in rows) == [
        ("Graz", "2027-02-01"),
        ("Kapfenberg", "2027-02-01"),
    ]
