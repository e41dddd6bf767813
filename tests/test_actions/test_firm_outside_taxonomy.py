"""A need whose role the taxonomy does not list ("we need 2 bakers"): kept as typed, saved, said
honestly to match no offer, and shown to staff among the unmet needs (it was a dead end)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.firm_questions import AskNeedSkillsConfirmed, summary
from actions.firm_role_typed import roles_typed
from actions.firm_submit import ActionFirmSubmit
from actions.staff_reports import ActionStaffUnmet
from skills_catalog.alerts import InMemoryAlertSink
from skills_catalog.models import SkillRef
from skills_catalog.needs_memory import MemoryNeedStore
from tests.test_actions.conftest import DOMAIN, o, s, texts_of, tracker
from tests.test_actions.test_firm_form import start, validate
from tests.test_actions.test_firm_submit import FILLED
from tests.test_actions.test_staff_actions import ask, staff_lists  # noqa: F401 (the fixture is autouse)

BAKER = {"uri": "", "label": "baker"}
WELDER = {"uri": o("welder"), "label": "welder"}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("we need bakers", ["baker"]),
        ("we need 2 bakers in Graz", ["baker"]),
        ("our bakery in Graz needs 2 bakers", ["baker"]),
        ("Our hotel in Bilbao is hiring 4 chambermaids", ["chambermaid"]),
        ("need 1 or 2 carpenters", ["carpenter"]),
        ("a pastry chef and two waiters", ["pastry chef", "waiter"]),
        ("we need 2 nannies asap", ["nanny"]),
        ("some experienced florists who can do weddings", ["florist"]),
        ("midwives", ["midwife"]),
        ("good vibes", []),
        ("3 people", []),
        ("we need a new computer", []),
        ("we need someone who can bake bread", []),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_roles_typed(text: str, roles: list[str]) -> None:
    assert [role.label for role in roles_typed(text)] == roles


@pytest.mark.parametrize("text", ["bakers", "a baker", "we need 2 bakers"])
async def test_a_role_the_taxonomy_lacks_is_the_need_as_typed(
    text: str, dispatcher: CollectingDispatcher
) -> None:
    # "bakers" got "I couldn't match that to skills or a role I know", again and again
    slots = await validate(names.NEED_SKILLS, text, dispatcher)
    assert (slots[names.NEED_SKILLS], slots[names.NEED_OCCUPATION]) == ([], BAKER)
    assert texts.NEED_SKILLS_UNKNOWN not in texts_of(dispatcher)


async def test_words_that_name_no_person_are_still_asked_again(dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.NEED_SKILLS, "3 laptops", dispatcher) == {names.NEED_SKILLS: None}
    assert texts_of(dispatcher) == [texts.NEED_SKILLS_UNKNOWN]


async def test_two_roles_typed_keep_the_first_and_say_so(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.NEED_SKILLS, "a pastry chef and two waiters", dispatcher)
    assert slots[names.NEED_OCCUPATION] == {"uri": "", "label": "pastry chef"}
    assert texts_of(dispatcher) == [texts.ROLE_ONE_PER_NEED.format(kept="pastry chef", other="waiter")]


async def test_skills_beside_a_role_typed_are_kept_with_it(dispatcher: CollectingDispatcher) -> None:
    # "a baker who can do PLC programming" kept the skill alone: the baker was dropped unsaid
    slots = await validate(names.NEED_SKILLS, "a baker who can do PLC programming", dispatcher)
    assert (slots[names.NEED_SKILLS], slots[names.NEED_OCCUPATION]) == ([s("plc")], BAKER)


@pytest.mark.parametrize(
    ("text", "kept", "other"),
    [("2 welders and a baker", WELDER, "baker"), ("a baker and 2 welders", BAKER, "welder")],
    ids=["known-first", "typed-first"],
)
async def test_a_role_typed_beside_a_known_one_is_one_role_per_need(
    text: str, kept: dict[str, str], other: str, dispatcher: CollectingDispatcher
) -> None:
    slots = await validate(names.NEED_SKILLS, text, dispatcher)
    assert slots[names.NEED_OCCUPATION] == kept
    assert texts_of(dispatcher) == [texts.ROLE_ONE_PER_NEED.format(kept=kept["label"], other=other)]


async def test_a_first_message_with_a_role_the_taxonomy_lacks_keeps_it(
    dispatcher: CollectingDispatcher,
) -> None:
    # "we need 2 bakers in Graz": the town was kept, the bakers and their number lost
    slots = await start("we need 2 bakers in Leoben", dispatcher)
    assert (slots[names.NEED_OCCUPATION], slots[names.NEED_PEOPLE], slots[names.FIRM_TOWN]) == (
        BAKER,
        2,
        "Leoben",
    )
    assert texts_of(dispatcher)[-1] == texts.FIRM_NEED_KEPT


@pytest.mark.parametrize(
    ("slot", "text"), [(names.FIRM_CONSENT, "bakers"), (names.CONTACT_NAME, "maybe the bakers")]
)
async def test_a_role_typed_aside_is_no_need_unless_stated(
    slot: str, text: str, dispatcher: CollectingDispatcher
) -> None:
    # only "we need bakers" states a need; a word at another question is not taken for one
    slots = await validate(slot, text, dispatcher)
    assert names.NEED_OCCUPATION not in slots and texts.FIRM_NEED_KEPT not in texts_of(dispatcher)


async def test_a_need_stated_aside_keeps_a_role_typed(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.FIRM_CONSENT, "we need bakers", dispatcher)
    assert slots[names.NEED_OCCUPATION] == BAKER and texts_of(dispatcher) == [texts.FIRM_NEED_KEPT]


async def test_the_confirmation_says_no_offer_matches_a_role_typed(dispatcher: CollectingDispatcher) -> None:
    await AskNeedSkillsConfirmed().run(
        dispatcher, tracker({names.NEED_SKILLS: [], names.NEED_OCCUPATION: BAKER}), {}
    )
    [message] = dispatcher.messages
    assert message["text"].startswith(firm_texts.ROLE_TYPED_NOTE.format(role="baker"))
    assert [b["title"] for b in message["buttons"]][1:] == ["Not “role: baker”"]


@pytest.mark.parametrize(
    ("text", "intent", "choice"),
    [("/remove_skill", names.INTENT_REMOVE_SKILL, "baker"), ("not baker", names.INTENT_INFORM, None)],
    ids=["button", "typed"],
)
async def test_a_role_typed_can_be_removed(
    text: str, intent: str, choice: str | None, dispatcher: CollectingDispatcher
) -> None:
    slots = {names.NEED_SKILLS: [], names.NEED_OCCUPATION: BAKER}
    entities = {names.CHOICE: choice} if choice else None
    got = await validate(
        names.NEED_SKILLS_CONFIRMED, text, dispatcher, slots=slots, intent=intent, entities=entities
    )
    assert got == {names.NEED_SKILLS: None, names.NEED_OCCUPATION: None, names.NEED_SKILLS_CONFIRMED: None}


def test_the_summary_says_the_role_is_as_typed() -> None:
    filled = tracker({**FILLED, names.NEED_SKILLS: [], names.NEED_OCCUPATION: BAKER})
    assert "• Needs: role: baker (as you typed it)\n" in summary(filled)


async def test_a_role_typed_is_saved_said_to_match_nothing_and_unmet_for_staff(
    dispatcher: CollectingDispatcher, needs: MemoryNeedStore, alerts: InMemoryAlertSink
) -> None:
    slots: dict[str, Any] = {
        **FILLED,
        names.NEED_SKILLS: [],
        names.NEED_SKILL_LABELS: {},
        names.NEED_OCCUPATION: BAKER,
    }
    await ActionFirmSubmit().run(dispatcher, tracker(slots), DOMAIN)
    [need] = needs.list()
    assert need.occupation == SkillRef("", "baker") and need.skills == ()
    said = texts_of(dispatcher)
    assert said[1] == firm_texts.FIRM_NO_MATCHES_TYPED.format(role="baker")
    assert not any(m.get("json_message") for m in dispatcher.messages)  # no offer is shown for it
    unmet = texts_of(await ask(ActionStaffUnmet, "unmet needs"))
    assert need.reference in unmet[0] and "baker" in unmet[0]
    # staff are told in the alert what the firm typed, and that no offer can match it
    assert firm_texts.STAFF_ROLE_TYPED.format(role="baker") in alerts.posted[0]


async def test_skills_beside_a_role_typed_are_still_matched(dispatcher: CollectingDispatcher) -> None:
    slots = {**FILLED, names.NEED_OCCUPATION: BAKER}  # FILLED names welding
    await ActionFirmSubmit().run(dispatcher, tracker(slots), DOMAIN)
    said = texts_of(dispatcher)
    assert said[1] == firm_texts.FIRM_NO_MATCHES_TYPED.format(role="baker") and texts.FIRM_MATCHES in said


@pytest.mark.parametrize(("text", "taken"), [("bakers", False), ("Anna Baker", True)])
async def test_a_job_title_the_taxonomy_lacks_is_no_contact_person(
    text: str, taken: bool, dispatcher: CollectingDispatcher
) -> None:
    # "bakers" was stored as the contact person, as "cloud engineers" had been
    slots = await validate(names.CONTACT_NAME, text, dispatcher)
    assert (slots[names.CONTACT_NAME] == text) is taken
