"""Addresses and names are answers, whatever words are inside them: QA typed
"posted.elsewhere.qwertyson@example.org" at the firm's e-mail question and got "What is the
reference of your need?" (the classifier's firm_manage, and "posted" made it stand)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.firm_need_said import names_posted_need
from actions.nlu_guard import guarded_ranking
from actions.typed_addresses import beside_address, holds_address
from tests.test_actions.test_firm_form import validate


def ranked(*intents: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 / (i + 1)} for i, name in enumerate(intents)]


def top(text: str, *intents: str) -> str:
    """The intent that stands after the guard, the classifier having ranked ``intents``."""
    ranking = ranked(*intents)
    return str((guarded_ranking(text, intents[0], ranking) or ranking)[0]["name"])


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("posted.elsewhere.qwertyson@example.org", "firm_manage"),  # QA
        ("jobs@posted-elsewhere.com", "firm_manage"),
        ("www.posted-elsewhere.com", "firm_manage"),
        ("https://acme.example/our-need/reference", "firm_manage"),
        ("see https://acme.example/our-need/reference", "firm_manage"),
        ("my email is posted.elsewhere@x.org", "privacy_notice"),
        ("privacy@acme.com", "privacy_notice"),
        ("delete.me@acme.at", "forget_me"),
        ("forget.me.not@flowers.at", "forget_me"),
        ("start.over@acme.at", "start_over"),
        ("online@shop.at", "only_online"),
        ("stop@acme.at", "stop"),
        ("hello@acme.at", "greet"),
        ("yes@acme.at", "affirm"),
        ("no-reply@acme.at", "deny"),
        ("jobs.we-need-12-welders@acme.at", "firm_start"),
        ("Anna Berg, anna.reference@example.at", "firm_manage"),
        ("Bob Stone <withdraw.bob@acme.at>", "firm_manage"),
        ("mailto:posted@acme.at", "firm_manage"),
    ],
    ids=str,
)
def test_an_address_alone_or_with_a_name_is_an_answer(text: str, guess: str) -> None:
    assert top(text, guess, "out_of_scope", "inform") == "inform"


def test_an_address_read_as_inform_is_left_alone() -> None:
    assert guarded_ranking("anna@acme.at", "inform", ranked("inform", "firm_manage")) is None


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("cancel it, wrong address: a@b.at", "firm_cancel"),
        ("I posted a need, write to anna@acme.at", "firm_manage"),
    ],
    ids=str,
)
def test_the_words_beside_an_address_are_read(text: str, guess: str) -> None:
    assert top(text, guess, "inform") == guess


def test_command_words_beside_an_address_must_fit_without_it() -> None:
    # the words of the address ("withdraw", "posted") no longer make firm_manage stand
    assert top("thanks, it is withdraw.posted@acme.at ok", "firm_manage", "inform") == "inform"
    assert top("hmm withdraw.posted@acme.at", "firm_manage", "chitchat") == "chitchat"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("it's anna@acme.at", ""),
        ("Anna Berg, anna@acme.at", "Anna Berg"),
        ("you can reach me at www.acme.at", ""),
        ("cancel, a@b.at", "cancel"),
    ],
    ids=str,
)
def test_what_is_said_beside_an_address(text: str, said: str) -> None:
    assert holds_address(text) and beside_address(text) == said


@pytest.mark.parametrize("text", ["Node.js developers", "ASP.NET", "S.p.A.", "we need 3 welders"])
def test_no_address(text: str) -> None:
    assert not holds_address(text)


@pytest.mark.parametrize(
    "text", ["Posted Elsewhere", "Posted Elsewhere GmbH", "Jane Posted", "Reference Point", "Lisa Reference",
             "Secret Garden"],
)  # fmt: skip
def test_a_name_with_a_need_word_is_no_posted_need(text: str) -> None:
    assert not names_posted_need(text)
    assert top(text, "firm_manage", "inform") == "inform"


@pytest.mark.parametrize(
    "text",
    ["I posted a need last week", "we've posted our need", "what's my reference?", "I lost the secret",
     "reference number N-7K3QX", "reference", "the secret is wrong"],
)  # fmt: skip
def test_a_posted_need_is_still_named(text: str) -> None:
    assert names_posted_need(text)


async def test_the_email_answer_with_words_inside_is_taken(dispatcher: CollectingDispatcher) -> None:
    slots = await validate(names.CONTACT_EMAIL, "posted.elsewhere.qwertyson@example.org", dispatcher)
    assert slots == {names.CONTACT_EMAIL: "posted.elsewhere.qwertyson@example.org"}


async def test_a_company_and_a_contact_with_need_words_are_taken(dispatcher: CollectingDispatcher) -> None:
    company = await validate(names.COMPANY, "Posted Elsewhere GmbH", dispatcher)
    contact = await validate(names.CONTACT_NAME, "Jane Posted", dispatcher)
    assert (company[names.COMPANY], contact[names.CONTACT_NAME]) == ("Posted Elsewhere GmbH", "Jane Posted")
