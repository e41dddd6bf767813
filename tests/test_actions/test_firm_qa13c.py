"""Firm QA13c: a change of the need said at another of the firm's questions is taken as one (its
count, a skill added) and the question asked again; only what is surely a person's name is kept
for later as the contact, and a contact said with the size is kept; "dunno" is no company; a skill
guessed from the words of the role's title is no skill the firm named."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_need_reading import need_read
from skills_catalog.engine import Engine
from skills_catalog.models import Match
from tests.test_actions.conftest import DOMAIN, o, s, slots_of, texts_of, tracker

#: a need for 2 welders kept, as "we need 2 welders in Graz" leaves it
WELDERS = {
    names.NEED_SKILLS: [s("weld")],
    names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts"},
    names.NEED_OCCUPATION: {"uri": o("welder"), "label": "welder"},
    names.NEED_PEOPLE: 2,
    names.FIRM_CONSENT: True,
}


async def answer(
    asked: str, text: str, slots: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The slots the need form sets and what it says when ``text`` answers the question ``asked``."""
    dispatcher = CollectingDispatcher()
    track = tracker(
        {names.REQUESTED_SLOT: asked, **(slots or {})}, text=text, active_loop=names.FIRM_NEED_FORM
    )
    track.events.append({"event": "slot", "name": asked, "value": text})  # as the form extracts it
    return slots_of(await ValidateFirmNeedForm().run(dispatcher, track, DOMAIN)), texts_of(dispatcher)


# ------------------------------------------------------------------ a change of the need at any question


@pytest.mark.parametrize(
    "asked",
    [
        names.COMPANY,
        names.FIRM_TOWN,
        names.ECOSYSTEM,
        names.COMPANY_SIZE,
        names.CONTACT_NAME,
        names.NEED_MODE,
        names.NEED_KIND,
    ],
)
async def test_a_new_count_of_the_need_is_taken_at_any_question(asked: str) -> None:
    # QA13c: at the company's question it became the name ("Company: actually we need 4 welders, not 2 … People: 2"),
    # at the training mode's it got "Sorry, I didn't understand that answer"
    slots, said = await answer(asked, "actually we need 4 welders, not 2", WELDERS)
    assert slots[names.NEED_PEOPLE] == 4
    assert slots[asked] is None  # asked again
    assert said == [texts.ALSO_NOTED.format(noted="4 people")]


async def test_a_need_said_with_the_company_name_keeps_the_name() -> None:
    # the name is the answer: a need beside it is no change said alone
    slots, _ = await answer(names.COMPANY, "Huber GmbH, we need 4 welders", WELDERS)
    assert slots[names.COMPANY] == "Huber GmbH"


async def test_a_skill_added_at_the_training_mode_is_taken_and_said_back() -> None:
    # QA13c: "and we'd also like them to learn robot welding" got "Sorry, I didn't understand that answer"
    slots, said = await answer(names.NEED_MODE, "and we'd also like them to learn PLC programming", WELDERS)
    assert slots[names.NEED_SKILLS] == [s("weld"), s("plc")]
    assert slots[names.NEED_OCCUPATION] == WELDERS[names.NEED_OCCUPATION]  # the role stays
    assert slots[names.NEED_MODE] is None
    assert said == [firm_texts.NEED_SKILLS_ADDED.format(labels="program PLC")]


async def test_a_skill_the_need_has_is_said_to_be_there() -> None:
    # full ESCO reads "robot welding" as *operate welding equipment*, which a need for welders has
    slots, said = await answer(names.NEED_MODE, "and we'd also like them to learn welding", WELDERS)
    assert slots[names.NEED_SKILLS] == [s("weld")]
    assert slots[names.NEED_MODE] is None
    assert said == [firm_texts.NEED_SKILLS_HELD.format(labels="weld metal parts")]


async def test_what_the_firm_also_does_is_no_skill_added() -> None:
    slots, _ = await answer(names.ECOSYSTEM, "we build steel halls and also do PLC programming", WELDERS)
    assert names.NEED_SKILLS not in slots


async def test_the_number_of_people_question_still_takes_the_count() -> None:
    slots, _ = await answer(
        names.NEED_PEOPLE, "actually we need 4 welders, not 2", {**WELDERS, names.NEED_PEOPLE: None}
    )
    assert slots[names.NEED_PEOPLE] == 4


# ------------------------------------------------------------------ the contact kept for later


@pytest.mark.parametrize("text", ["Stahlbau Huber GmbH", "more results", "Anna Stop"])
async def test_only_a_persons_name_is_kept_for_later_as_the_contact(text: str) -> None:
    # QA13c: "Noted for later: Stahlbau Huber GmbH." / "more results", and the contact's question was skipped
    slots, said = await answer(names.ECOSYSTEM, text, {names.COMPANY: "Huber"})
    assert names.CONTACT_NAME not in slots
    assert not any(line.startswith("Noted for later") for line in said)


async def test_a_contact_said_with_the_size_is_kept() -> None:
    # QA13c: "about 40 people, contact Anna Huber, anna@huber.example.at" kept neither the name nor the e-mail
    slots, said = await answer(
        names.COMPANY_SIZE, "about 40 people, contact Anna Huber, anna@huber.example.at"
    )
    assert slots[names.COMPANY_SIZE] == "small"
    assert slots[names.CONTACT_NAME] == "Anna Huber"
    assert slots[names.CONTACT_EMAIL] == "anna@huber.example.at"
    assert said == [firm_texts.NOTED_FOR_LATER.format(noted="Anna Huber, anna@huber.example.at")]


# ------------------------------------------------------------------ a need kept beside the last detail

DETAILS = {
    names.FIRM_CONSENT: True, names.COMPANY: "Hotel Alpenblick GmbH", names.FIRM_TOWN: "Graz", names.ECOSYSTEM: "tourism",
    names.CONTACT_NAME: "Anna Huber", names.CONTACT_EMAIL: "anna@huber.example.at",
}  # fmt: skip


async def test_a_need_kept_before_its_check_says_no_first() -> None:
    # QA13c: "Thanks — I've kept that need and will go through it with you in a moment. First:" ran
    # straight into the need check, nothing asked first
    slots, said = await answer(names.COMPANY_SIZE, "about 40 people, we also need 2 welders", DETAILS)
    assert slots[names.COMPANY_SIZE] == "small"
    assert slots[names.NEED_OCCUPATION] == {"uri": o("welder"), "label": "welder"}
    assert said == [firm_texts.NEED_KEPT_CHECK]


async def test_a_need_kept_before_another_question_says_first() -> None:
    slots, said = await answer(
        names.COMPANY_SIZE, "about 40 people, we also need 2 welders", {**DETAILS, names.CONTACT_NAME: None}
    )
    assert slots[names.NEED_OCCUPATION] == {"uri": o("welder"), "label": "welder"}
    assert said == [texts.FIRM_NEED_KEPT]


# ------------------------------------------------------------------ no company, no skill


@pytest.mark.parametrize("text", ["dunno", "no idea", "not sure"])
async def test_dunno_is_no_company_name(text: str) -> None:
    slots, said = await answer(names.COMPANY, text)
    assert slots[names.COMPANY] is None
    assert said == [texts.COMPANY_UNCLEAR]


def test_a_skill_guessed_from_the_title_is_no_need(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # QA13c: "sewing machine operators" added *tend stamping press*, read weakly in "operators"
    recognise = engine.recognise_skills

    def with_guess(text: str, top: int = 5, *, claimed: bool = True) -> list[Match]:
        at = text.find("welder")  # in the words the role is read in
        guess = [Match(s("cnc"), "operate CNC machine", 0.5, "welder", at, at + 6)] if at >= 0 else []
        return [*recognise(text, top, claimed=claimed), *guess]

    monkeypatch.setattr(engine, "recognise_skills", with_guess)
    found = need_read("PLC programming welders", CollectingDispatcher())
    assert found is not None
    assert found[names.NEED_OCCUPATION] == {"uri": o("welder"), "label": "welder"}
    assert found[names.NEED_SKILLS] == [s("plc")]  # the sure skill named apart stays
