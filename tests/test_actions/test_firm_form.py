"""The firm need form: each answer → slot values, the summary's Save / Change / Cancel."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.firm_counts import parse_size
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_parsing import (
    parse_by_when,
    parse_ecosystem,
    parse_kind,
    parse_need_mode,
    without_deadline,
    without_firm_words,
)
from actions.firm_questions import AskEcosystem, AskFirmConfirmed, AskNeedSkillsConfirmed, summary
from skills_catalog.models import Match
from tests.test_actions.conftest import DOMAIN, o, s, slots_of, texts_of, tracker

FORM = ValidateFirmNeedForm()


async def validate(slot: str, value: Any, dispatcher: CollectingDispatcher, **kwargs: Any) -> dict[str, Any]:
    slots = {names.REQUESTED_SLOT: slot, **kwargs.pop("slots", {})}
    track = tracker(slots, text=str(value), active_loop=names.FIRM_NEED_FORM, **kwargs)
    return await getattr(FORM, f"validate_{slot}")(value, dispatcher, track, {})


@pytest.mark.parametrize(
    ("intent", "text", "given"),
    [
        (names.INTENT_AFFIRM, "/affirm", True),
        (names.INTENT_DENY, "/deny", False),
        (names.INTENT_INFORM, "yes", True),
    ],
    ids=["button-yes", "button-no", "typed-yes"],
)
async def test_consent(intent: str, text: str, given: bool, dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.FIRM_CONSENT, text, dispatcher, intent=intent)
    assert slots[names.FIRM_CONSENT] is given and slots[names.FIRM_CONSENT_TIME]
    assert (texts.FIRM_CONSENT_NO in texts_of(dispatcher)) is (not given)


async def test_a_need_typed_for_the_consent_question_is_kept(dispatcher: CollectingDispatcher) -> None:
    # "we need 3 people who can do PLC programming" got "Sorry, I need a yes or a no" and was lost
    slots = await validate(names.FIRM_CONSENT, "we need 3 people who can do PLC programming", dispatcher)
    assert slots[names.FIRM_CONSENT] is None
    assert (slots[names.NEED_SKILLS], slots[names.NEED_PEOPLE]) == ([s("plc")], 3)
    assert texts_of(dispatcher) == [texts.FIRM_NEED_KEPT]


async def test_anything_else_for_the_consent_question_asks_again(dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.FIRM_CONSENT, "hmm", dispatcher) == {names.FIRM_CONSENT: None}
    assert texts_of(dispatcher) == [texts.CONSENT_UNCLEAR]


@pytest.mark.parametrize("name", ["Maria Huber", "Dr. Maria Theresia von Huber"])
async def test_a_contact_name(name: str, dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.CONTACT_NAME, name, dispatcher) == {names.CONTACT_NAME: name}


async def test_a_need_typed_for_the_contact_name_is_kept_and_the_name_asked_again(
    dispatcher: CollectingDispatcher,
) -> None:
    # it was kept as the contact person's name
    slots = await validate(names.CONTACT_NAME, "we need people who can do PLC programming", dispatcher)
    assert slots[names.CONTACT_NAME] is None and slots[names.NEED_SKILLS] == [s("plc")]
    assert texts_of(dispatcher) == [texts.FIRM_NEED_KEPT]


@pytest.mark.parametrize("text", ["maria@acme.example", "call me on 0664 1234567", "the head of our HR department in Graz"])
async def test_no_name_asks_again(text: str, dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.CONTACT_NAME, text, dispatcher) == {names.CONTACT_NAME: None}
    assert texts_of(dispatcher) == [texts.NAME_UNCLEAR]


@pytest.mark.parametrize("name", ["Huber Metalltechnik GmbH", "3M Austria", "Steirische Maschinenbau und Anlagentechnik GmbH & Co KG"])
async def test_a_company_name(name: str, dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.COMPANY, name, dispatcher) == {names.COMPANY: name}


async def test_a_need_typed_for_the_company_name_is_kept_and_the_name_asked_again(
    dispatcher: CollectingDispatcher,
) -> None:
    # it was kept as the company's name, and the need was lost
    text = "we need 3 people who can do PLC programming and I'd like them trained by March"
    slots = await validate(names.COMPANY, text, dispatcher)
    assert slots[names.COMPANY] is None and (slots[names.NEED_SKILLS], slots[names.NEED_PEOPLE]) == ([s("plc")], 3)
    assert texts_of(dispatcher) == [texts.FIRM_NEED_KEPT]


@pytest.mark.parametrize("text", ["we\u2019re a small firm", "I'm not sure"])
async def test_no_company_name_asks_again(text: str, dispatcher: CollectingDispatcher) -> None:
    assert await validate(names.COMPANY, text, dispatcher) == {names.COMPANY: None}
    assert texts_of(dispatcher) == [texts.COMPANY_UNCLEAR]


@pytest.mark.parametrize("text", ["both", "new hires and upskilling"])
async def test_both_kinds_says_how_to_record_both(text: str, dispatcher: CollectingDispatcher) -> None:
    # "both" got "Sorry, I didn't understand that answer"; "new hires and upskilling" was saved as new hires
    assert await validate(names.NEED_KIND, text, dispatcher) == {names.NEED_KIND: None}
    assert texts_of(dispatcher) == [texts.KIND_ONE_PER_NEED]


async def test_refused_consent_ends_the_form(dispatcher: CollectingDispatcher) -> None:
    track = tracker({names.FIRM_CONSENT: False})
    assert await FORM.required_slots([names.FIRM_CONSENT, names.COMPANY], dispatcher, track, {}) == [
        names.FIRM_CONSENT
    ]


async def test_town_is_resolved(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.FIRM_TOWN, "Graz", dispatcher)
    assert (slots[names.FIRM_TOWN], slots[names.FIRM_COUNTRY]) == ("Graz", "AT")
    assert slots[names.FIRM_LATITUDE] == pytest.approx(47.07, abs=0.01)


async def test_yes_for_a_town_asks_for_one(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.FIRM_TOWN, "yes", dispatcher)
    assert slots == {names.FIRM_TOWN: None, names.FIRM_TOWN_SUGGESTIONS: None}
    assert texts_of(dispatcher) == [texts.FIRM_TOWN_NEEDED]


async def test_unknown_town_asks_again(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.FIRM_TOWN, "Atlantis", dispatcher)
    assert slots[names.FIRM_TOWN] is None
    assert texts_of(dispatcher) == [texts.PLACE_UNKNOWN.format(query="Atlantis")]


@pytest.mark.parametrize(
    ("email", "kept"),
    [("Ana@Firm.eu", "ana@firm.eu"), ("not an email", None), ("<b>john</b>@acme.com", None), ("jürgen@müller-stahl.at", "jürgen@müller-stahl.at")],
    ids=["valid", "invalid", "markup", "umlauts"],
)
async def test_email(email: str, kept: str | None, dispatcher: CollectingDispatcher) -> None:
    assert (await validate(names.CONTACT_EMAIL, email, dispatcher))[names.CONTACT_EMAIL] == kept


@pytest.mark.parametrize(("slot", "text"), [(names.COMPANY, "<script>alert(1)</script>"), (names.CONTACT_NAME, "<b>Anna</b>")])
async def test_markup_is_no_name(slot: str, text: str, dispatcher: CollectingDispatcher) -> None:
    # QA4 firm 12: "<script>alert(1)</script>" was saved as the company, and reached staff
    assert (await validate(slot, text, dispatcher))[slot] is None


async def test_a_name_with_its_e_mail_fills_both(dispatcher: CollectingDispatcher) -> None:
    # QA4 firm 9: "Anna Berg, anna@example.at" at the name question got "Just the name …"
    slots = await validate(names.CONTACT_NAME, "Anna Berg, Anna@Example.at", dispatcher)
    assert slots == {names.CONTACT_NAME: "Anna Berg", names.CONTACT_EMAIL: "anna@example.at"}


async def test_skills_and_a_role_are_recognised(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.NEED_SKILLS, "a welder who can do PLC programming", dispatcher)
    assert slots[names.NEED_SKILLS] == [s("plc")]
    assert slots[names.NEED_OCCUPATION] == {"uri": o("welder"), "label": "welder"}


@pytest.mark.parametrize(
    ("text", "people"),
    [("two welders who can do PLC programming", 2), ("a welder with 10 years of PLC programming", None)],
    ids=["counted", "years-are-no-people"],
)
async def test_a_need_that_counts_people_answers_how_many(
    text: str, people: int | None, dispatcher: CollectingDispatcher
) -> None:
    assert (await validate(names.NEED_SKILLS, text, dispatcher)).get(names.NEED_PEOPLE) == people


async def test_one_ecosystem_named_is_taken(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.ECOSYSTEM, "we make car parts", dispatcher)
    assert slots == {names.ECOSYSTEM: "mobility_transport_automotive", names.ECOSYSTEM_CHOICES: None}


async def test_several_ecosystems_named_are_offered(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.ECOSYSTEM, "we do metalworking, mostly for the car industry", dispatcher)
    named = ["energy_intensive", "mobility_transport_automotive"]
    assert slots == {names.ECOSYSTEM: None, names.ECOSYSTEM_CHOICES: named}
    assert texts_of(dispatcher) == [
        texts.ECOSYSTEM_WHICH.format(titles="Energy-intensive industries or Mobility, transport & automotive")
    ]
    await AskEcosystem().run(dispatcher, tracker({names.ECOSYSTEM_CHOICES: named}), {})
    payloads = [b["payload"] for b in dispatcher.messages[-1]["buttons"]]
    assert [p.split('"')[-2] for p in payloads] == [*named, names.OTHER]


async def test_another_ecosystem_shows_all_fourteen(dispatcher: CollectingDispatcher) -> None:
    short_list = {names.ECOSYSTEM_CHOICES: ["energy_intensive", "mobility_transport_automotive"]}
    slots = await validate(names.ECOSYSTEM, names.OTHER, dispatcher, slots=short_list)
    assert slots == {names.ECOSYSTEM: None, names.ECOSYSTEM_CHOICES: None}
    await AskEcosystem().run(dispatcher, tracker({}), {})
    assert len(dispatcher.messages[-1]["buttons"]) == len(texts.ECOSYSTEM_TITLES) + 1  # and "Not sure / other"


async def test_nothing_recognised_asks_again(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.NEED_SKILLS, "good vibes", dispatcher)
    assert slots[names.NEED_SKILLS] is None and texts_of(dispatcher) == [texts.NEED_SKILLS_UNKNOWN]


async def test_skills_are_echoed_with_remove_buttons(dispatcher: CollectingDispatcher) -> None:
    slots = {names.NEED_SKILLS: [s("weld")], names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts"},
             names.NEED_OCCUPATION: {"uri": o("welder"), "label": "welder"}}  # fmt: skip
    await AskNeedSkillsConfirmed().run(dispatcher, tracker(slots), {})
    message = dispatcher.messages[0]
    assert "weld metal parts" in message["text"] and "role: welder" in message["text"]
    assert [b["title"] for b in message["buttons"]][1:] == ["Not “weld metal parts”", "Not “role: welder”"]


async def test_removing_the_role_keeps_the_skills(dispatcher: CollectingDispatcher) -> None:
    slots = {names.NEED_SKILLS: [s("weld")], names.NEED_OCCUPATION: {"uri": o("welder"), "label": "welder"}}
    result = await validate(names.NEED_SKILLS_CONFIRMED, "/remove_skill", dispatcher, slots=slots,
                            intent=names.INTENT_REMOVE_SKILL, entities={names.CHOICE: o("welder")})  # fmt: skip
    assert result[names.NEED_SKILLS] == [s("weld")] and result[names.NEED_OCCUPATION] is None


async def test_also_adds_a_skill(dispatcher: CollectingDispatcher) -> None:
    slots = {names.NEED_SKILLS: [s("weld")], names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts"}}
    result = await validate(names.NEED_SKILLS_CONFIRMED, "also PLC programming", dispatcher, slots=slots,
                            intent=names.INTENT_ADD_SKILL)  # fmt: skip
    assert result[names.NEED_SKILLS] == [s("weld"), s("plc")] and result[names.NEED_SKILLS_CONFIRMED] is None


@pytest.mark.parametrize(
    ("text", "people"),
    [("4", 4), ("about 12 people", 12), ("two", 2), ("a dozen", 12), ("many", None), ("0", None)],
    ids=str,
)
async def test_people(text: str, people: int | None, dispatcher: CollectingDispatcher) -> None:
    assert (await validate(names.NEED_PEOPLE, text, dispatcher))[names.NEED_PEOPLE] == people


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (parse_ecosystem, "construction", ("construction",)),
        (parse_ecosystem, "we're in tourism", ("tourism",)),
        (parse_ecosystem, "energy", ("energy_intensive", "renewable_energy")),  # the form offers both
        (parse_ecosystem, "good question", ()),
        (parse_size, "medium", "medium"),
        (parse_size, "about 40 people", "small"),
        (parse_size, "300 staff", "large"),
        (parse_kind, "we're hiring", names.KIND_NEW_HIRES),
        (parse_kind, "train our current staff", names.KIND_UPSKILLING),
        (parse_need_mode, "hybrid", names.MODE_BLENDED),
        (parse_need_mode, "online", names.MODE_ONLINE),
        (parse_by_when, "2099-03-01", "2099-03-01"),
        (parse_by_when, "no deadline", names.ANY),
    ],
    ids=lambda v: getattr(v, "__name__", str(v)),
)
def test_parsers(parse: Any, text: str, expected: Any) -> None:
    assert parse(text) == expected


def test_by_the_end_of_a_month_is_its_last_day() -> None:
    today = date(2026, 12, 6)
    assert (parse_by_when("by June", today), parse_by_when("by the end of June", today)) == ("2027-06-01", "2027-06-30")


@pytest.mark.parametrize(
    ("intent", "confirmed"),
    [(names.INTENT_FIRM_SAVE, True), (names.INTENT_FIRM_CANCEL, names.FIRM_CANCELLED)],
    ids=["save", "cancel"],
)
async def test_summary_save_or_cancel(intent: str, confirmed: Any, dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.FIRM_CONFIRMED, f"/{intent}", dispatcher, intent=intent)
    assert slots[names.FIRM_CONFIRMED] == confirmed


async def test_change_offers_fields_then_clears_the_chosen_one(dispatcher: CollectingDispatcher) -> None:
    first = await validate(names.FIRM_CONFIRMED, "/firm_change", dispatcher, intent=names.INTENT_FIRM_CHANGE)
    assert first == {names.FIRM_CONFIRMED: None, names.FIRM_CHANGING: True}
    await AskFirmConfirmed().run(dispatcher, tracker({names.FIRM_CHANGING: True}), {})
    assert dispatcher.messages[-1]["text"] == texts.FIRM_WHICH_CHANGE
    second = await validate(names.FIRM_CONFIRMED, names.FIRM_TOWN, dispatcher, slots={names.FIRM_CHANGING: True},
                            entities={names.CHOICE: names.FIRM_TOWN})  # fmt: skip
    assert second[names.FIRM_TOWN] is None and second[names.FIRM_LATITUDE] is None
    assert second[names.FIRM_CONFIRMED] is None and second[names.FIRM_CHANGING] is None


async def test_a_yes_to_which_answer_to_change_saves_nothing(dispatcher: CollectingDispatcher) -> None:
    # QA7: "no" at the summary asks what to change, and a "yes" to that saved the need at once
    slots = await validate(
        names.FIRM_CONFIRMED, "yes", dispatcher, slots={names.FIRM_CHANGING: True}, intent=names.INTENT_AFFIRM
    )
    assert slots == {names.FIRM_CONFIRMED: None}
    assert dispatcher.messages[-1]["text"] == texts.FIRM_FIELD_UNCLEAR


async def test_summary_shows_every_answer(dispatcher: CollectingDispatcher) -> None:
    from tests.test_actions.test_firm_submit import FILLED

    await AskFirmConfirmed().run(dispatcher, tracker(FILLED), {})
    message = dispatcher.messages[0]
    for shown in (
        "Steel Works",
        "Graz",
        "Construction",
        "ana@steel.eu",
        "weld metal parts",
        "4",
        "new hires",
    ):
        assert shown in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/firm_save", "/firm_change", "/firm_cancel"]


async def test_a_second_role_is_said_to_need_its_own_need(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # "welders and an electrician" kept the welder and dropped the electrician without a word
    text = "two welders and an electrician"
    found = [Match(o("welder"), "welder", 0.84, "two welders", 0, 11), Match("e", "electrician", 0.79, "electrician", 19, 30)]
    monkeypatch.setattr(services.engine(), "recognise_occupations", lambda _text, top=5: found)
    slots = await validate(names.NEED_SKILLS, text, dispatcher)
    assert slots[names.NEED_OCCUPATION]["uri"] == o("welder")
    assert texts_of(dispatcher) == [texts.ROLE_ONE_PER_NEED.format(kept="welder", other="electrician")]


NEED = {
    names.NEED_SKILLS: [s("weld"), s("blueprint")],
    names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts", s("blueprint"): "read blueprints"},
    names.NEED_OCCUPATION: {"uri": o("welder"), "label": "welder"},
}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("not blueprint reading", names.INTENT_DENY),
        ("not read blueprints", names.INTENT_REMOVE_SKILL),
        ("no, remove read blueprints", names.INTENT_DENY),
        ("not read blueprints", names.INTENT_INFORM),
    ],
    ids=["deny", "remove-without-button", "no-remove", "inform"],
)
async def test_not_a_listed_skill_removes_only_that_one(
    text: str, intent: str, dispatcher: CollectingDispatcher
) -> None:
    # f01/f02: "not technical drawings" (deny) cleared the whole need, "not maintain electrical
    # equipment" (as the confirmation suggests) was ignored, "no, remove …" cleared everything
    slots = await validate(names.NEED_SKILLS_CONFIRMED, text, dispatcher, slots=NEED, intent=intent)
    assert slots[names.NEED_SKILLS] == [s("weld")] and slots[names.NEED_SKILLS_CONFIRMED] is None
    assert slots[names.NEED_OCCUPATION] == NEED[names.NEED_OCCUPATION]


async def test_a_skill_that_names_the_role_too_leaves_the_role(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # "no, remove operate welding equipment" also dropped the role: those words read as *welder*
    welder = Match(o("welder"), "welder", 0.8, "read blueprints", 11, 26)
    monkeypatch.setattr(services.engine(), "recognise_occupations", lambda _text, top=5: [welder])
    slots = await validate(names.NEED_SKILLS_CONFIRMED, "no, remove read blueprints", dispatcher, slots=NEED)
    assert slots[names.NEED_SKILLS] == [s("weld")]
    assert slots[names.NEED_OCCUPATION] == NEED[names.NEED_OCCUPATION]


async def test_not_the_role_removes_the_role(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.NEED_SKILLS_CONFIRMED, "not welder", dispatcher, slots=NEED)
    assert slots[names.NEED_SKILLS] == NEED[names.NEED_SKILLS] and slots[names.NEED_OCCUPATION] is None


async def test_not_a_skill_whose_label_holds_the_role_removes_the_skill(dispatcher: CollectingDispatcher) -> None:
    # QA9: "not cook meat dishes" removed the role *cook* and kept the skill
    need = {names.NEED_SKILLS: ["uri:meat"], names.NEED_SKILL_LABELS: {"uri:meat": "cook meat dishes"},
            names.NEED_OCCUPATION: {"uri": "uri:cook", "label": "cook"}}  # fmt: skip
    slots = await validate(names.NEED_SKILLS_CONFIRMED, "not cook meat dishes", dispatcher, slots=need)
    assert slots[names.NEED_SKILLS] == [] and slots[names.NEED_OCCUPATION]["label"] == "cook"


@pytest.mark.parametrize(
    ("text", "said"),
    [("not PLC programming", texts.SKILLS_NOT_LISTED), ("not that", texts.SKILLS_WHICH)],
    ids=["unlisted", "nothing-named"],
)
async def test_not_something_unlisted_keeps_the_need(
    text: str, said: str, dispatcher: CollectingDispatcher
) -> None:
    slots = await validate(names.NEED_SKILLS_CONFIRMED, text, dispatcher, slots=NEED)
    assert slots == {names.NEED_SKILLS_CONFIRMED: None} and texts_of(dispatcher) == [said]


async def test_what_is_removed_is_read_after_the_not(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # as the real recogniser: a negated line names nothing ("not Excel")
    recognise = services.engine().recognise_skills
    monkeypatch.setattr(
        services.engine(),
        "recognise_skills",
        lambda text, top=5, claimed=True: [] if "not" in text else recognise(text, top=top, claimed=claimed),
    )
    slots = await validate(names.NEED_SKILLS_CONFIRMED, "not blueprint reading", dispatcher, slots=NEED)
    assert slots[names.NEED_SKILLS] == [s("weld")]


async def test_a_plain_no_asks_for_the_need_again(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.NEED_SKILLS_CONFIRMED, "no", dispatcher, slots=NEED)
    assert slots[names.NEED_SKILLS] is None and slots[names.NEED_OCCUPATION] is None


def _two_roles(monkeypatch: pytest.MonkeyPatch, skills: list[Match]) -> None:
    """The recogniser's reading of "two welders and an electrician" (f02)."""
    roles = [
        Match(o("welder"), "welder", 0.84, "two welders", 0, 11),
        Match("e", "electrician", 0.79, "electrician", 19, 30),
    ]
    monkeypatch.setattr(services.engine(), "recognise_occupations", lambda _text, top=5: roles)
    monkeypatch.setattr(services.engine(), "recognise_skills", lambda _text, top=5, claimed=True: skills)


async def test_the_second_roles_skills_are_not_kept(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # f02: "I've kept 'welder'", yet "maintain electrical equipment" (read in "electrician") was kept
    weld = Match(s("weld"), "weld metal parts", 0.84, "welders", 4, 11)
    electrical = Match(s("safety"), "maintain electrical equipment", 0.57, "electrician", 19, 30)
    _two_roles(monkeypatch, [weld, electrical])
    slots = await validate(names.NEED_SKILLS, "two welders and an electrician", dispatcher)
    assert slots[names.NEED_SKILLS] == [s("weld")] and list(slots[names.NEED_SKILL_LABELS]) == [s("weld")]


def _counts_are_quantities(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the real recogniser: a word after a digit is a quantity, no skill ("5 minutes")."""
    recognise = services.engine().recognise_occupations
    monkeypatch.setattr(
        services.engine(),
        "recognise_occupations",
        lambda text, top=5: [] if re.search(r"\d\s+welders", text) else recognise(text, top=top),
    )


async def test_a_counted_role_is_recognised(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # "we need 3 welders in Kapfenberg" named no skill and no role: "3 welders" read as a quantity
    _counts_are_quantities(monkeypatch)
    slots = await validate(names.NEED_SKILLS, "we need 3 welders", dispatcher)
    assert slots[names.NEED_OCCUPATION]["uri"] == o("welder") and slots[names.NEED_PEOPLE] == 3


async def start(text: str, dispatcher: CollectingDispatcher, **slots: Any) -> dict[str, Any]:
    """The slots the validation sets when the form starts on ``text`` (intent ``firm_start``)."""
    track = tracker(slots, text=text, intent=names.INTENT_FIRM_START, active_loop=names.FIRM_NEED_FORM)
    return slots_of(await FORM.run(dispatcher, track, DOMAIN))


async def test_the_need_that_starts_the_form_is_kept(
    monkeypatch: pytest.MonkeyPatch, dispatcher: CollectingDispatcher
) -> None:
    # f02: "we need 3 welders in Kapfenberg" before consent: the need and the town were asked again
    _counts_are_quantities(monkeypatch)
    slots = await start("we need 3 welders in Leoben", dispatcher)
    assert slots[names.NEED_OCCUPATION]["uri"] == o("welder") and slots[names.NEED_PEOPLE] == 3
    assert (slots[names.FIRM_TOWN], slots[names.FIRM_COUNTRY]) == ("Leoben", "AT")
    assert texts_of(dispatcher) == [texts.ALSO_NOTED.format(noted="Leoben"), texts.FIRM_NEED_KEPT]


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("/firm_start", {}),
        ("I'm an employer, I want to post a welder need", {}),
        ("we need 3 welders", {names.REQUESTED_SLOT: names.COMPANY}),
        ("we need 3 welders", {names.NEED_SKILLS: [s("plc")]}),
    ],
    ids=["button", "no-need-stated", "form-running", "need-kept-before"],
)
async def test_no_need_is_taken_from_other_messages(
    text: str, slots: dict[str, Any], dispatcher: CollectingDispatcher
) -> None:
    set_now = await start(text, dispatcher, **slots)
    assert names.NEED_OCCUPATION not in set_now and texts_of(dispatcher) == []


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("the skills", names.NEED_SKILLS),
        ("skills", names.NEED_SKILLS),
        ("change the number of people", names.NEED_PEOPLE),
        ("the date", names.NEED_BY_WHEN),
        ("contact e-mail", names.CONTACT_EMAIL),
        ("company size", names.COMPANY_SIZE),
        *((title, slot) for slot, title in texts.FIRM_FIELD_TITLES.items()),
    ],
    ids=str,
)
async def test_a_typed_field_is_asked_again(text: str, field: str, dispatcher: CollectingDispatcher) -> None:
    # f01: "the skills" and "skills" at "What would you like to change?" got "Please tap Save …"
    slots = await validate(names.FIRM_CONFIRMED, text, dispatcher, slots={names.FIRM_CHANGING: True})
    assert field in slots and slots[field] is None and slots[names.FIRM_CHANGING] is None


async def test_a_field_named_with_change_is_asked_again(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.FIRM_CONFIRMED, "change the skills", dispatcher,
                           intent=names.INTENT_FIRM_CHANGE)  # fmt: skip
    assert slots[names.NEED_SKILLS] is None and slots[names.NEED_OCCUPATION] is None


@pytest.mark.parametrize(
    ("changing", "said"),
    [(True, texts.FIRM_FIELD_UNCLEAR), (None, texts.FIRM_SAVE_OR_CHANGE)],
    ids=["fields", "summary"],
)
async def test_an_unclear_answer_gets_the_prompt_of_its_question(
    changing: bool | None, said: str, dispatcher: CollectingDispatcher
) -> None:
    slots = await validate(names.FIRM_CONFIRMED, "hmm", dispatcher, slots={names.FIRM_CHANGING: changing})
    assert slots == {names.FIRM_CONFIRMED: None} and texts_of(dispatcher) == [said]


def test_typed_answers_at_the_summary_are_not_taken_for_viewing_a_need() -> None:
    # "Number of people" reads like firm_manage's "change the number of people in our need"
    for mapping in DOMAIN["slots"][names.FIRM_CONFIRMED]["mappings"]:
        assert names.INTENT_FIRM_MANAGE not in mapping.get("not_intent", [])


SHORT_LIST = ["energy_intensive", "mobility_transport_automotive"]


@pytest.mark.parametrize(
    ("text", "intent", "offered", "expected"),
    [
        ("the first one", names.INTENT_EXPRESS_INTEREST, SHORT_LIST, "energy_intensive"),
        ("the second one", names.INTENT_REMOVE_SKILL, SHORT_LIST, "mobility_transport_automotive"),
        ("the second one", names.INTENT_REMOVE_SKILL, None, "agri_food"),
    ],
    ids=["r19c-first", "r19d-second", "whole-list"],
)
async def test_an_ordinal_picks_an_ecosystem_offered(
    text: str, intent: str, offered: list[str] | None, expected: str, dispatcher: CollectingDispatcher
) -> None:
    # QA2 M: "the second one" at the short list got "Please pick one of the 14 ecosystems"
    slots = await validate(names.ECOSYSTEM, text, dispatcher, intent=intent,
                           slots={names.ECOSYSTEM_CHOICES: offered})  # fmt: skip
    assert slots == {names.ECOSYSTEM: expected, names.ECOSYSTEM_CHOICES: None} and texts_of(dispatcher) == []


async def test_the_last_button_of_the_short_list_is_another_one(dispatcher: CollectingDispatcher) -> None:
    slots = {names.ECOSYSTEM_CHOICES: SHORT_LIST}
    assert await validate(names.ECOSYSTEM, "the third one", dispatcher, slots=slots) == {
        names.ECOSYSTEM: None, names.ECOSYSTEM_CHOICES: None
    }


def test_an_ordinal_typed_at_the_ecosystem_question_reaches_the_validator() -> None:
    # QA2 M: "the first one" reads like express_interest: "Let me find some courses for you first"
    read_as = {names.INTENT_EXPRESS_INTEREST, names.INTENT_OFFER_DETAILS, names.INTENT_REMOVE_SKILL}
    for mapping in DOMAIN["slots"][names.ECOSYSTEM]["mappings"]:
        assert read_as & set(mapping.get("not_intent", [])) == set()


async def test_the_need_after_a_firm_introduces_itself_is_kept(dispatcher: CollectingDispatcher) -> None:
    # QA2 N (n05): the need in "we're a machining shop … and we need half a dozen CNC programmers"
    text = "Hi, we're a machining shop in Leoben with 250 employees and we need half a dozen welders asap"
    slots = await start(text, dispatcher)
    assert slots[names.NEED_OCCUPATION]["uri"] == o("welder") and slots[names.NEED_PEOPLE] == 6
    # what the firm says it is comes first: its town and its size (its 250 employees)
    assert (slots[names.FIRM_TOWN], slots[names.COMPANY_SIZE]) == ("Leoben", "large")
    assert texts_of(dispatcher) == [texts.ALSO_NOTED.format(noted="Leoben, large"), texts.FIRM_NEED_KEPT]



@pytest.mark.parametrize(
    ("text", "kind", "by_when"),
    [
        ("we're hiring 5 welders in Leoben by March", names.KIND_NEW_HIRES, "-03-01"),
        ("we want to upskill our staff in welding before the end of June", names.KIND_UPSKILLING, "-06-30"),
        ("we need 3 welders for our current project, no rush", None, names.ANY),
        ("we have open positions for 3 welders", None, None),  # "open" is no open deadline
    ],
)
async def test_the_kind_and_deadline_the_starting_need_states_are_kept(
    text: str, kind: str | None, by_when: str | None, dispatcher: CollectingDispatcher
) -> None:
    # QA: "by March" in the firm's first message was asked again, and so was "new hires or upskilling?"
    slots = await start(text, dispatcher)
    stated = slots.get(names.NEED_BY_WHEN)
    assert slots.get(names.NEED_KIND) == kind
    assert stated == by_when if by_when in (None, names.ANY) else stated.endswith(by_when)


@pytest.mark.parametrize(("by_when", "said"), [(names.ANY, ", no deadline,"), ("2027-03-01", ", by 1 Mar 2027,")])
def test_the_summary_says_by_a_date_or_no_deadline(by_when: str, said: str) -> None:
    # the summary read "by no deadline"
    from tests.test_actions.test_firm_submit import FILLED

    assert said in summary(tracker({**FILLED, names.NEED_BY_WHEN: by_when}))


def test_a_people_count_past_the_cap_is_told_the_cap() -> None:
    # "200000" got "Please give a whole number of people, e.g. 4"
    assert "100,000" in texts.PEOPLE_INVALID


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("actually 10 people", {names.NEED_PEOPLE: 10}),
        ("change the company name to Hofer KG", {names.COMPANY: "Hofer KG"}),
        ("the town should be Leoben", {names.FIRM_TOWN: "Leoben"}),
    ],
    ids=str,
)
async def test_a_field_named_with_its_new_value_at_the_summary_takes_it(
    text: str, slots: dict[str, Any], dispatcher: CollectingDispatcher
) -> None:
    # QA4 firm 9: "actually 10 people" asked "How many people?", the 10 lost
    track = tracker({names.REQUESTED_SLOT: names.FIRM_CONFIRMED, names.NEED_PEOPLE: 3, names.COMPANY: "Old"}, text=text)
    result = await FORM.validate_firm_confirmed(text, dispatcher, track, DOMAIN)
    assert result[names.FIRM_CONFIRMED] is None and slots.items() <= result.items()


async def test_a_field_named_without_a_value_is_asked_again(dispatcher: CollectingDispatcher) -> None:
    track = tracker({names.REQUESTED_SLOT: names.FIRM_CONFIRMED, names.FIRM_TOWN: "Graz"}, text="the town is wrong")
    result = await FORM.validate_firm_confirmed("the town is wrong", dispatcher, track, DOMAIN)
    assert result[names.FIRM_TOWN] is None and texts_of(dispatcher) == []


async def test_a_count_said_when_the_skills_change_replaces_the_one_given(dispatcher: CollectingDispatcher) -> None:
    # QA4 firm 9: "the skills", then "5 CNC operators": the summary still said 3 people
    slots = await validate(names.NEED_SKILLS, "two welders who can do PLC programming", dispatcher, slots={names.NEED_PEOPLE: 3})
    assert slots[names.NEED_PEOPLE] == 2


@pytest.mark.parametrize(("text", "kept"), [("also PLC programming", True), ("PLC programming", False)])
async def test_also_after_changing_the_skills_adds_to_them(text: str, kept: bool, dispatcher: CollectingDispatcher) -> None:
    # "also scaffolding" at Change → Skills / role replaced bricklaying instead of adding to it
    listed = {names.NEED_SKILLS: [s("weld")], names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts"}}
    changing = await validate(names.FIRM_CONFIRMED, names.NEED_SKILLS, dispatcher, slots={names.FIRM_CHANGING: True, **listed},
                              entities={names.CHOICE: names.NEED_SKILLS})  # fmt: skip
    assert changing[names.NEED_SKILLS] is None and changing[names.NEED_SKILLS_BEFORE][names.NEED_SKILLS] == [s("weld")]
    slots = await validate(names.NEED_SKILLS, text, dispatcher, slots=changing)
    assert (s("weld") in slots[names.NEED_SKILLS]) is kept and s("plc") in slots[names.NEED_SKILLS]
    assert slots[names.NEED_SKILLS_BEFORE] is None


async def test_a_removal_in_other_words_than_the_label_listed_removes_it(dispatcher: CollectingDispatcher) -> None:
    # QA4 firm 8: "not technical drawings" with *read engineering drawings* listed: "That one isn't in the list"
    listed = {names.NEED_SKILLS: [s("weld"), "uri:drawings"], names.NEED_SKILL_LABELS: {s("weld"): "weld metal parts", "uri:drawings": "read engineering drawings"}}
    slots = await validate(names.NEED_SKILLS_CONFIRMED, "not technical drawings", dispatcher, slots=listed, intent=names.INTENT_REMOVE_SKILL)
    assert slots[names.NEED_SKILLS] == [s("weld")]


@pytest.mark.parametrize(
    ("text", "company", "told"),
    [
        ("Stahlwerk Nord GmbH in Leoben, metalworking, about 40 staff", "Stahlwerk Nord GmbH",
         {names.FIRM_TOWN: "Leoben", names.ECOSYSTEM: "energy_intensive", names.COMPANY_SIZE: "small"}),
        ("We Are Robots Ltd", "We Are Robots Ltd", {}),
        ("Huber GmbH in Leoben, we need 3 welders", "Huber GmbH", {names.FIRM_TOWN: "Leoben"}),  # 3 is no size
        ("sorry, I mean Müller & Söhne KG", "Müller & Söhne KG", {}),
        ("it's Acme Metall", "Acme Metall", {}),
    ],
    ids=str,
)  # fmt: skip
async def test_a_company_answer_keeps_the_name_and_what_follows_it(
    text: str, company: str, told: dict[str, Any], dispatcher: CollectingDispatcher
) -> None:
    # QA4 firm 2: the rest was read as a need (40 staff → 40 people), "Kapfenberg" typed next became
    # the company; "We Are Robots Ltd" a need for robotics; "sorry, I mean …" kept as the name
    slots = await validate(names.COMPANY, text, dispatcher)
    assert slots[names.COMPANY] == company and told.items() <= slots.items()
    assert names.COMPANY_SIZE not in slots or "about 40 staff" in text
    if "we need" in text:  # the need stated after the name is kept, with its people
        assert slots[names.NEED_OCCUPATION]["uri"] == o("welder") and slots[names.NEED_PEOPLE] == 3
    else:
        assert names.NEED_SKILLS not in slots and names.NEED_PEOPLE not in slots


def test_a_deadline_in_a_need_is_blanked_for_recognition() -> None:
    # "we're hiring 5 electricians in Graz by March" named nothing: "by March" read as talk of plans
    text = "we're hiring 5 electricians in Graz by March, people who can do TIG before the end of June"
    blanked = without_deadline(text)
    assert len(blanked) == len(text) and "March" not in blanked and "June" not in blanked
    assert "electricians in Graz" in blanked and "who can do TIG" in blanked



@pytest.mark.parametrize(
    ("text", "kept"),
    [("upskill our staff in PLC programming", "PLC programming"), ("new hires who can weld", "who can weld"),
     ("train our current team in welding", "in welding")],
)  # fmt: skip
def test_a_firm_s_words_for_its_people_name_no_skill(text: str, kept: str) -> None:
    # QA5 firm 5: "upskill our staff in PLC programming" added *manage staff*; "new hires" *train employees*
    blanked = without_firm_words(text)
    assert len(blanked) == len(text) and kept in blanked and not {"staff", "team", "hires", "upskill"} & set(blanked.split())


async def test_the_town_of_a_starting_message_is_kept_when_its_need_is_not_read(dispatcher: CollectingDispatcher) -> None:
    # QA5 firm 6: "we're a bakery in Bilbao hiring 2 new trainees": no need read, and the town asked again
    slots = await start("we're a bakery in Leoben hiring 2 new trainees", dispatcher)
    assert slots[names.FIRM_TOWN] == "Leoben" and names.NEED_OCCUPATION not in slots
    assert texts_of(dispatcher) == [texts.ALSO_NOTED.format(noted="Leoben, Agri-food")]


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("no", names.INTENT_DENY, {names.FIRM_CONFIRMED: None, names.FIRM_CHANGING: True}),
        ("hmm not quite", names.INTENT_INFORM, {names.FIRM_CONFIRMED: None, names.FIRM_CHANGING: True}),
        ("cancel it", names.INTENT_FIRM_CANCEL, {names.FIRM_CONFIRMED: names.FIRM_CANCELLED, names.FIRM_CHANGING: None}),
        ("no, don't save it", names.INTENT_DENY, {names.FIRM_CONFIRMED: names.FIRM_CANCELLED, names.FIRM_CHANGING: None}),
        ("send it", names.INTENT_INFORM, {names.FIRM_CONFIRMED: True, names.FIRM_CHANGING: None}),
        ("perfect, save it", names.INTENT_INFORM, {names.FIRM_CONFIRMED: True, names.FIRM_CHANGING: None}),
        ("perfect, thanks", "thank", {names.FIRM_CONFIRMED: True, names.FIRM_CHANGING: None}),
        ("thanks", "thank", {names.FIRM_CONFIRMED: None}),
    ],
    ids=str,
)
async def test_the_summary_cancels_only_on_cancel_words(
    text: str, intent: str, slots: dict[str, Any], dispatcher: CollectingDispatcher
) -> None:
    # QA6 #5: "no" and "hmm not quite" cancelled the need at once; "send it" got "Please tap Save …"
    result = await validate(names.FIRM_CONFIRMED, text, dispatcher, intent=intent)
    result.pop(names.NEED_DRAFT_KEY, None)
    assert result == slots


def test_thanks_at_the_summary_reaches_the_validator() -> None:
    # "perfect, thanks" read as thank got "Let's carry on." and the summary again
    for mapping in DOMAIN["slots"][names.FIRM_CONFIRMED]["mappings"]:
        assert "thank" not in mapping.get("not_intent", [])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("it's eva@hofer-bau.at", "eva@hofer-bau.at"),
        ("Eva Hofer <eva@hofer-bau.at>", "eva@hofer-bau.at"),
        ("eva@hofer-bau.at.", "eva@hofer-bau.at"),
        ("eva@hofer-bau.at or tom@hofer-bau.at", None),
        ("<b>eva</b>@hofer-bau.at", None),
    ],
    ids=str,
)
async def test_an_email_is_read_from_the_words_around_it(text: str, kept: str | None, dispatcher: CollectingDispatcher) -> None:
    # QA6 #16: these were refused as no e-mail address
    assert (await validate(names.CONTACT_EMAIL, text, dispatcher))[names.CONTACT_EMAIL] == kept
