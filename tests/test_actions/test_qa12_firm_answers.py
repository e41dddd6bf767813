"""A firm's other answers (QA12): a budget is no skill, "blended is best" at the deadline question
is the training mode, a reference with a typo is asked again, a firm's questions and "I'm
interested" get a firm's answers."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.faq import ActionAnswerFaq
from actions.firm_conversation import firm_answer, firm_interest, firm_side
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_manage import ValidateFirmManageForm
from actions.firm_parsing import without_money
from tests.test_actions.conftest import DOMAIN, slots_of, texts_of, tracker


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("we need PLC programmers in Weiz within 6 weeks. Budget max 3000 per head.", "we need PLC programmers in Weiz within 6 weeks."),
        ("three welders by end of april, budget is around 2000 euro per person", "three welders by end of april,"),
        ("welders, we can pay €500 each", "welders, we can"),
        ("an accountant who can manage budgets", "an accountant who can manage budgets"),
    ],
    ids=str,
)
def test_what_a_firm_can_pay_is_no_skill(text: str, kept: str) -> None:
    # QA12: "Budget max 3000 per head" put *manage budgets* into the need
    blanked = without_money(text)
    assert len(blanked) == len(text) and " ".join(blanked.split()).rstrip(" .") == kept.rstrip(".")


async def test_a_mode_said_at_the_deadline_question_is_taken(dispatcher: CollectingDispatcher) -> None:
    # QA12: "blended is best" at the deadline question got "Sorry, I can't help with that"; the
    # mode is noted, and the date asked again without a "Sorry, I didn't understand"
    track = tracker({names.REQUESTED_SLOT: names.NEED_BY_WHEN}, text="blended is best", active_loop=names.FIRM_NEED_FORM)
    track.events.append({"event": "slot", "name": names.NEED_BY_WHEN, "value": "blended is best"})  # as the form extracts it
    events = await ValidateFirmNeedForm().run(dispatcher, track, DOMAIN)
    assert slots_of(events)[names.NEED_MODE] == names.MODE_BLENDED
    assert texts.NOT_UNDERSTOOD not in texts_of(dispatcher)


@pytest.mark.parametrize(("text", "ended"), [("N-3WF2", False), ("n-3wf2gg", False), ("what reference?", True)])
async def test_a_reference_with_a_typo_is_asked_again(text: str, ended: bool, dispatcher: CollectingDispatcher) -> None:
    # QA12: "N-3WF2" ended the form as if no reference had been given
    track = tracker({names.REQUESTED_SLOT: names.MANAGE_REFERENCE}, text=text)
    slots = await ValidateFirmManageForm().validate_manage_reference(text, dispatcher, track, {})
    assert (slots.get(names.MANAGE_ACTION) == names.MANAGE_DONE) is ended
    assert (texts_of(dispatcher) == [firm_texts.REFERENCE_MISTYPED]) is not ended


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("is it free for us?", firm_texts.FIRM_COST),
        ("will you send me an email confirmation?", firm_texts.FIRM_NO_CONFIRMATION),
        ("what happens now?", None),
    ],
)
def test_a_firms_questions_get_a_firms_answers(question: str, answer: str | None) -> None:
    # QA12: they got the worker's cost answer, the privacy notice and the worker's help
    assert firm_answer(question) == answer


def test_a_firm_is_known_by_its_saved_need_or_its_form() -> None:
    assert firm_side(tracker({names.NEED_REFERENCE: "N-7K3QX"}))
    assert firm_side(tracker({}, active_loop=names.FIRM_MANAGE_FORM))
    assert not firm_side(tracker({}, active_loop=names.PROFILE_FORM))


def test_a_firms_interest_names_the_partner_and_the_team() -> None:
    # QA12: "As you chose not to have your interest passed on, I haven't told anyone"
    said = firm_interest("Mur Valley Technical Academy", "training@atmva.example.org")
    assert "training@atmva.example.org" in said and "cluster team" in said
    assert said != texts.INTEREST_NO_CONSENT.format(partner="Mur Valley Technical Academy", contact="x")


async def test_a_firms_cost_question_gets_the_firms_answer(dispatcher: CollectingDispatcher) -> None:
    # QA12: "is it free for us?" after saving a need got the worker's cost answer ("say 'free only'")
    saved = tracker({names.NEED_REFERENCE: "N-7K3QX"}, "is it free for us?", intent="faq")
    await ActionAnswerFaq().run(dispatcher, saved, {})
    assert texts_of(dispatcher) == [firm_texts.FIRM_COST]
