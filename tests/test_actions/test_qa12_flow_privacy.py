"""Privacy in the flow (QA12): a question at the consent question gets what it means, not a no;
a request to erase what was said asks to delete everything, not the help."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names, texts
from actions.faq import ActionAnswerFaq
from actions.nlu_guard import guarded_ranking
from tests.test_actions.conftest import texts_of, tracker


def ranked(*intents: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 / (i + 1)} for i, name in enumerate(intents)]


def guessed(text: str, *intents: str) -> str:
    """The intent the guard leaves first for ``text`` ranked as ``intents``."""
    return str((guarded_ranking(text, intents[0], ranked(*intents)) or ranked(*intents))[0]["name"])


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("I don't know, what does that mean?", "not_sure"),
        ("what do you mean by passing it on?", "refuse_consent"),
        ("what does that mean?", "help"),
        ("no idea what that means", "deny"),
    ],
)
def test_a_question_what_something_means_is_a_question(text: str, read_as: str) -> None:
    # QA12: "I don't know, what does that mean?" at the consent question was read as not sure,
    # and the validator took its "don't" for a no
    assert guessed(text, read_as, "faq") == names.INTENT_FAQ


def test_i_dont_know_alone_stays_not_sure() -> None:
    assert guessed("I don't know", "not_sure", "faq") == "not_sure"


@pytest.mark.parametrize(
    ("loop", "asked", "explained"),
    [
        (names.PROFILE_FORM, names.CONSENT, texts.CONSENT_EXPLAINED),
        (names.FIRM_NEED_FORM, names.FIRM_CONSENT, texts.FIRM_CONSENT_EXPLAINED),
    ],
)
async def test_at_the_consent_question_a_question_gets_what_it_means(
    loop: str, asked: str, explained: str, dispatcher: CollectingDispatcher
) -> None:
    t = tracker(
        {names.REQUESTED_SLOT: asked}, "I don't know, what does that mean?", intent="faq", active_loop=loop
    )
    assert await ActionAnswerFaq().run(dispatcher, t, {}) == []  # the form asks the question again
    assert texts_of(dispatcher) == [explained]
    for said in ("kept", "12 months", "forget me"):  # what is kept, how long, how to delete
        assert said in explained


async def test_a_question_with_a_topic_at_the_consent_question_gets_its_answer(
    dispatcher: CollectingDispatcher,
) -> None:
    t = tracker(
        {names.REQUESTED_SLOT: names.CONSENT}, "is it free?", intent="faq", active_loop=names.PROFILE_FORM
    )
    await ActionAnswerFaq().run(dispatcher, t, {})
    assert texts_of(dispatcher) == [texts.FAQ_COST]


async def test_elsewhere_what_that_means_gets_what_the_question_is_for(dispatcher: CollectingDispatcher) -> None:
    t = tracker(
        {names.REQUESTED_SLOT: names.PLACE},
        "what does that mean?",
        intent="faq",
        active_loop=names.PROFILE_FORM,
    )
    await ActionAnswerFaq().run(dispatcher, t, {})
    assert texts_of(dispatcher) == [texts.FAQ_TOWN]


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("can you delete what I told you", "help"),
        ("delete my data", "privacy_notice"),
        ("remove everything I said", "out_of_scope"),
        ("wipe my info", "chitchat"),
        ("could you please erase all my answers?", "faq"),
    ],
)
def test_a_request_to_erase_asks_to_delete_everything(text: str, read_as: str) -> None:
    # QA12: "can you delete what I told you" got the help, not "Delete everything?"
    assert guessed(text, read_as, "forget_me") == "forget_me"


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("can I delete my data later?", "privacy_notice"),
        ("remove welding", "remove_skill"),
        ("delete the date", "inform"),
    ],
)
def test_no_request_to_erase_stays_as_read(text: str, read_as: str) -> None:
    assert guessed(text, read_as, "forget_me") == read_as
