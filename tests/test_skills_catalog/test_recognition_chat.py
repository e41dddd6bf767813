"""Everyday chat that names no skill: words in a sense that is no skill of the person's.

"I got fired" is no *build a fire*, "my boss is driving me crazy" is no driving, "is there any
funding?" asks about the service. See docs/recognition.md, "False positives on
everyday chat".
"""

from __future__ import annotations

from collections import Counter

import pytest

from skills_catalog.models import Skill, Taxonomy
from skills_catalog.recognition import Recognizer
from skills_catalog.recognition_text import Speller, Word, analyse

SPELLER = Speller(Counter({"fire": 3, "cook": 4, "sign": 2, "language": 9, "organise": 3, "repair": 5}))


def word(text: str, typed: str) -> Word:
    """The content word of ``text`` typed as ``typed``."""
    return next(w for w in analyse(text, SPELLER) if text[w.start : w.end] == typed)


@pytest.mark.parametrize(
    ("text", "typed"),
    [("I got fired last month", "fired"), ("my contract wasn't renewed", "renewed"),
     ("we were just sacked", "sacked"), ("my car got repaired", "repaired"), ("can I sign up as a company?", "sign"),
     ("how do I log in?", "log"), ("is there any funding?", "funding"), ("can I delete my account?", "account"),
     ("I'm really stressed", "stressed"), ("back in 5 minutes", "minutes"), ("we have twelve employees", "employees"),
     ("my boss is driving me crazy", "driving"), ("a bit nervous to be honest", "honest"),
     ("to be fair it's fine", "fair")],
    ids=["got-passive", "past-passive-negated", "past-passive-gap", "thing-undergoes", "sign-up", "log-in", "money", "access", "feeling", "quantity", "quantity-in-words",
         "done-to-the-speaker", "to-be-honest", "to-be-fair"],
)  # fmt: skip
def test_chat_senses_are_chat_words(text: str, typed: str) -> None:
    assert word(text, typed).generic


@pytest.mark.parametrize(
    "filler", ["now", "lol", "currently", "since", "ago", "approx", "tbh", "honestly", "yrs", "asap", "fyi"]
)
def test_what_chat_adds_around_a_statement_is_chat_words(filler: str) -> None:
    """ "can program in Java for about 6 years now": "now" left as a content word kept labels
    from explaining the line, and the talk detector vetoed it."""
    assert word(f"I cook {filler}", filler).generic


@pytest.mark.parametrize(
    ("text", "typed"),
    [("I fired the kiln every day", "fired"), ("I'm really organised", "organised"), ("I cook for 200 people", "cook"),
     ("I'm managing a team of 12", "managing"), ("I know sign language", "sign"),
     ("I repaired cars for ten years", "repaired"), ("I take the minutes", "minutes"),
     ("I'm honest and reliable", "honest")],
    ids=["active-past", "present-participle-describes-the-person", "present", "in-progress-at-work", "sign-language", "did-it",
         "minutes-of-a-meeting", "honest-as-a-trait"],
)  # fmt: skip
def test_skill_senses_stay_content_words(text: str, typed: str) -> None:
    assert not word(text, typed).generic


@pytest.mark.parametrize(
    ("text", "part"),
    [("we're from Graz", "re"), ("I've been there", "ve"), ("we'll see", "ll"), ("I dont know", "dont"),
     ("it wasn't me", "wasn"), ("im here", "im"), ("hows your day going", "hows")],
)  # fmt: skip
def test_parts_of_contractions_are_no_words(text: str, part: str) -> None:
    assert part not in [text[w.start : w.end] for w in analyse(text, SPELLER)]


@pytest.fixture(scope="module")
def lexical() -> Recognizer:
    skills = [Skill("s:fire", "build a fire", ("make fire",)), Skill("s:drive", "drive vehicles", ("driving",)),
              Skill("s:funding", "funding methods", ("funding",)),
              Skill("s:ashp", "install heat pump", ("ashp installation",))]  # fmt: skip
    return Recognizer.build(Taxonomy({s.uri: s for s in skills}, {}, "test"), semantic=False)


@pytest.mark.parametrize(
    ("text", "label"),
    [("I got fired last month", None), ("I can make a fire in the rain", "build a fire"),
     ("my boss is driving me crazy", None), ("I'm driving vans for a bakery", "drive vehicles"),
     ("is there any funding?", None), ("I can start asap", None)],
    ids=["fired", "fire", "driving-me", "driving-vans", "funding", "asap-is-no-ashp"],
)  # fmt: skip
def test_chat_names_nothing_where_skills_are_still_found(lexical: Recognizer, text: str, label: str | None) -> None:
    found = lexical.skills(text)
    assert (found[0].label if found else None) == label


@pytest.mark.parametrize(
    ("text", "typed", "starts"),
    [("I'd like to become a nurse", "nurse", True), ("I work as the manager", "manager", True),
     ("car mechanic at a garage", "garage", False), ("wind turbine technician", "technician", False)],
    ids=["article", "as-the", "preposition-too", "none"],
)
def test_an_article_without_a_preposition_starts_a_phrase(text: str, typed: str, starts: bool) -> None:
    # words before such a phrase do not modify the job title in it (recognition_match._modifier_mass)
    assert word(text, typed).after_determiner is starts
