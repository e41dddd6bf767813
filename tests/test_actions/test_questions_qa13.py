"""Questions typed at the profile form's questions (QA13): each is answered, and the question
comes again (the form's rule after ``action_answer_faq``, or the validator leaving its slot empty).

"near" at the in person / online question got "Sorry, I didn't understand that answer" every
time; "what do you mean by skills?" the stock "I can tell you about the courses …"; "why do you
need my job?" the privacy notice; "what if I don't have one?" (a job) "couldn't match that to a
job"; "do I have to pay?" at the consent question what the consent means, not what courses cost.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import faq, faq_texts, names, texts
from actions.faq import ActionAnswerFaq
from tests.test_actions.conftest import answered_in_form, texts_of, tracker

# ---------------------------------------------------------------- the in person / online question


@pytest.mark.parametrize("said", ["near", "nearby", "close to home", "somewhere near me", "local"])
async def test_near_at_the_mode_question_is_in_person(said: str) -> None:
    slots, replies = await answered_in_form(said, names.MODE)
    assert slots[names.MODE] == names.MODE_IN_PERSON
    assert replies == [faq_texts.NEARBY_IN_PERSON]


@pytest.mark.parametrize("said", ["near Graz?", "not near"])
async def test_other_words_of_nearness_are_no_mode(said: str) -> None:
    slots, _ = await answered_in_form(said, names.MODE)
    assert slots[names.MODE] is None


async def test_an_unclear_mode_answer_gets_the_options_explained() -> None:
    slots, replies = await answered_in_form("hmm", names.MODE)
    assert slots[names.MODE] is None
    assert replies == [faq_texts.ABOUT_QUESTION[names.MODE]]
    assert texts.NOT_UNDERSTOOD not in replies


async def test_a_question_at_a_limit_gets_what_the_limit_is_for() -> None:
    # not "I need a rough number of km at most": that answers no question
    slots, replies = await answered_in_form("what do you mean?", names.MAX_DISTANCE)
    assert slots[names.MAX_DISTANCE] is None
    assert replies == [faq_texts.ABOUT_QUESTION[names.MAX_DISTANCE]]


async def test_an_unclear_answer_still_gets_what_is_needed_where_that_is_said() -> None:
    _, replies = await answered_in_form("hmm", names.MAX_DISTANCE)
    assert replies == [texts.LIMIT_UNCLEAR[names.MAX_DISTANCE]]


# ---------------------------------------------------------------- questions about a question


async def _faq(question: str, asked: str | None, loop: str | None = names.PROFILE_FORM) -> list[str]:
    """What ``action_answer_faq`` says to ``question`` while the form asks for ``asked``."""
    d = CollectingDispatcher()
    t = tracker({names.REQUESTED_SLOT: asked}, text=question, intent=names.INTENT_FAQ, active_loop=loop)
    await ActionAnswerFaq().run(d, t, {})
    return texts_of(d)


@pytest.mark.parametrize(
    ("question", "asked", "about"),
    [
        ("what do you mean by skills?", names.SKILLS, names.SKILLS),
        ("what if I don't have one?", names.OCCUPATION, names.OCCUPATION),
        ("why do you need my job?", names.OCCUPATION, names.OCCUPATION),
        # named, it is about that question wherever it is asked
        ("why do you need my job?", names.SKILLS, names.OCCUPATION),
        ("why do you need my job?", names.CONSENT, names.OCCUPATION),
        ("which skills do you mean?", names.SKILLS_CONFIRMED, names.SKILLS_CONFIRMED),
        ("what is a goal?", names.MODE, names.GOAL),
        ("what should I say here?", names.START, names.START),
    ],
    ids=str,
)
async def test_a_question_about_a_question_says_what_it_is_for(question: str, asked: str, about: str) -> None:
    replies = await _faq(question, asked)
    assert replies == [faq_texts.ABOUT_QUESTION[about]]  # the form's rule asks the question again


async def test_the_job_question_says_how_to_go_on_without_a_job() -> None:
    [said] = await _faq("what if I don't have one?", names.OCCUPATION)
    assert "Skip this question" in said and "studied" in said and "last" in said


async def test_a_question_on_a_topic_keeps_its_topic_s_answer() -> None:
    assert await _faq("why do you need my town?", names.OCCUPATION) == [texts.FAQ_TOWN]
    assert await _faq("what does ESCO mean?", names.SKILLS) == [texts.FAQ_ESCO]


async def test_outside_the_form_a_question_on_nothing_gets_the_stock_answer() -> None:
    replies = await _faq("what's the weather like?", None, loop=None)
    assert replies[0] == texts.FAQ_GENERAL


async def test_what_the_consent_means_is_still_said_at_the_consent_question() -> None:
    assert await _faq("what does that mean?", names.CONSENT) == [texts.CONSENT_EXPLAINED]


# ---------------------------------------------------------------- a question a validator reads


@pytest.mark.parametrize(
    ("question", "asked", "answer"),
    [
        ("do I have to pay?", names.CONSENT, texts.FAQ_COST),  # had got what the consent means
        ("what does that mean?", names.CONSENT, texts.CONSENT_EXPLAINED),
        ("what if I don't have one?", names.OCCUPATION, faq_texts.ABOUT_QUESTION[names.OCCUPATION]),
        (
            "am I too old?",
            names.SKILLS,
            faq_texts.AGE.format(who=faq_texts.WHO_GENERAL, office=faq_texts.OFFICE),
        ),
    ],
    ids=["cost at consent", "consent", "no job", "worry"],
)
def test_a_question_typed_as_an_answer_gets_its_answer(question: str, asked: str, answer: str) -> None:
    t = tracker({names.REQUESTED_SLOT: asked}, text=question, active_loop=names.PROFILE_FORM)
    assert faq.answer_in_form(question, t) == answer


# ---------------------------------------------------------------- with /tmp/ask/profile_form.patch


async def test_a_question_at_the_consent_question_gets_its_topic() -> None:
    slots, replies = await answered_in_form("do I have to pay?", names.CONSENT)
    assert slots[names.CONSENT] is None and replies == [texts.FAQ_COST]  # had got what the consent means


async def test_a_town_moved_to_at_the_consent_question_is_kept() -> None:
    # "I moved to Graz" had got "I need a yes or a no", the town dropped
    slots, replies = await answered_in_form("I moved to Graz", names.CONSENT)
    assert slots[names.CONSENT] is None and slots[names.PLACE] == "Graz"
    assert replies[-1] == texts.CONSENT_FIRST
