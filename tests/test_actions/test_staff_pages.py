"""Staff lists longer than a message: new needs and unmet needs newest first, a page at a time
(QA Matrix M7), and the staff's words read as typed ("20 miles", "last 12 months", "N-FK6E")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, staff_common, staff_texts
from actions.firm_submit import draft_from_slots
from actions.staff_needs import ActionStaffNewNeeds, ActionStaffShowNeed
from actions.staff_parsing import parse_period
from actions.staff_reports import ActionStaffUnmet
from skills_catalog.alerts import InMemoryAlertSink
from skills_catalog.engine import Engine
from skills_catalog.leads import MemoryLeadStore
from skills_catalog.needs import FirmNeed, SecretHasher
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import texts_of, tracker
from tests.test_actions.test_firm_submit import FILLED

STAFF = "USTAFF1"
NOW = datetime(2026, 12, 7, 12, tzinfo=timezone.utc)
TAUGHT_NOWHERE = "http://data.europa.eu/esco/skill/test-basketry"


@pytest.fixture(autouse=True)
def staff_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFF_SLACK_USERS", STAFF)
    monkeypatch.setattr(staff_common, "today", lambda: NOW.date())


def posted(engine: Engine, count: int, unmet: bool = False) -> list[FirmNeed]:
    """``count`` needs posted a day apart, the last one today, oldest first."""
    days = iter(range(count - 1, -1, -1))
    store = MemoryNeedStore(hasher=SecretHasher(n=2**4, r=1), clock=lambda: NOW - timedelta(days=next(days)))
    services.use(engine, MemoryLeadStore(), store, [InMemoryAlertSink()])
    skills = {names.NEED_SKILLS: [TAUGHT_NOWHERE], names.NEED_SKILL_LABELS: {TAUGHT_NOWHERE: "basketry"}}
    return [
        store.add(
            draft_from_slots(tracker({**FILLED, **(skills if unmet else {}), names.COMPANY: f"Firm {i}"}))
        )[0]
        for i in range(count)
    ]


async def ask(action: type[Action], text: str) -> list[str]:
    dispatcher = CollectingDispatcher()
    asked = tracker(text=text, channel="slack", sender=STAFF)
    asked.latest_message["metadata"] = {"out_channel": "D0STAFF1"}
    await action().run(dispatcher, asked, {})
    return texts_of(dispatcher)


def references(answer: str) -> list[str]:
    return [line.split()[1] for line in answer.splitlines() if line.startswith("•")]


async def test_new_needs_are_newest_first_a_page_at_a_time(engine: Engine) -> None:
    needs = posted(engine, 30)
    first = (await ask(ActionStaffNewNeeds, "new needs last 60 days"))[0]
    assert first.startswith("30 new needs since 2026-10-08, newest first (1–25):")
    assert references(first) == [need.reference for need in reversed(needs)][:25]  # had shown the oldest 25
    assert first.endswith('Say "new needs last 60 days page 2" for the next 5.')
    second = (await ask(ActionStaffNewNeeds, "new needs last 60 days page 2"))[0]  # had repeated page 1
    assert second.startswith("30 new needs since 2026-10-08, newest first (26–30):")
    assert references(second) == [need.reference for need in reversed(needs)][25:]
    assert "page 3" not in second


async def test_a_page_past_the_last_says_how_many_there_are(engine: Engine) -> None:
    posted(engine, 3)
    said = await ask(ActionStaffNewNeeds, "new needs page 4")
    assert said == ['Nothing on page 4: 3 in all; say "new needs" for the first page.']


async def test_one_page_says_no_page(engine: Engine) -> None:
    posted(engine, 2)
    said = (await ask(ActionStaffNewNeeds, "new needs"))[0]
    assert said.startswith("2 new needs since 2026-11-30, newest first:") and "page" not in said


async def test_unmet_needs_page_through_all_of_them(engine: Engine) -> None:
    needs = posted(engine, 27, unmet=True)
    first = (await ask(ActionStaffUnmet, "unmet needs"))[0]
    assert first.startswith("27 open needs with skills no offer within 50 km teaches, newest first (1–25):")
    assert references(first) == [need.reference for need in reversed(needs)][:25]
    assert 'Say "unmet needs page 2" for the next 2.' in first  # had ended "… and 2 more"
    second = (await ask(ActionStaffUnmet, "unmet needs page 2"))[0]
    assert references(second) == [need.reference for need in reversed(needs)][25:]
    assert second.endswith(staff_texts.STAFF_UNMET_NOTE)


async def test_miles_are_said_back_as_asked(engine: Engine) -> None:
    posted(engine, 1, unmet=True)
    said = (await ask(ActionStaffUnmet, "unmet needs within 20 miles"))[0]
    assert said.startswith(
        "1 open need with skills no offer within 32 km (20 miles) teaches:"
    )  # had "32.2 km"


@pytest.mark.parametrize(
    ("text", "since"),
    [("demand report by week in the last 12 months", "2025-12-07"), ("new needs in the past 2 months", "2026-10-07"),
     ("last 1 year", "2025-12-07"), ("last 30 days", "2026-11-07"), ("last 2 weeks", "2026-11-23")],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_months_and_years_back_are_calendar_ones(text: str, since: str) -> None:
    # "last 12 months" had started 360 days back, on 2025-12-12
    period = parse_period(text, date(2026, 12, 7))
    assert period.since is not None and period.since.date().isoformat() == since


def test_a_month_back_from_the_31st_is_the_last_day_of_a_shorter_month() -> None:
    period = parse_period("last 1 month", date(2026, 3, 31))
    assert period.since is not None and period.since.date() == date(2026, 2, 28)


async def test_a_reference_without_its_n_is_read(engine: Engine) -> None:
    need = posted(engine, 1)[0]
    said = await ask(
        ActionStaffShowNeed, f"need {need.reference[2:].lower()}"
    )  # "need fk6et" had got the help
    assert said[0].startswith(f"Need {need.reference} (open)")


@pytest.mark.parametrize("typed", ["N-FK6E", "N-7K3QXX"])
async def test_a_reference_typed_wrong_is_said_to_be_none(engine: Engine, typed: str) -> None:
    posted(engine, 1)
    # "need N-FK6E" had been answered "Which need?", as if no reference had been given
    assert await ask(ActionStaffShowNeed, f"need {typed}") == [staff_texts.BAD_REFERENCE.format(typed=typed)]


async def test_no_reference_at_all_asks_which(engine: Engine) -> None:
    posted(engine, 1)
    assert await ask(ActionStaffShowNeed, "show me the need") == [staff_texts.STAFF_WHICH_NEED]
