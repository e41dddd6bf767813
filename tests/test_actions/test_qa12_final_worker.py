"""Worker defects of the last QA12 regression run: a job typed at the skills confirmation, a
price limit lifted, a change of mind on consent mid-form, a student's course wish, "cheaper"
with no cards shown."""

from __future__ import annotations

import dataclasses

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, names, texts
from actions.consent import consent_words
from actions.preferences import said_back
from actions.profile_form import ValidateProfileForm
from actions.recommendations import ActionRefineSearch
from skills_catalog.engine import Engine
from tests.test_actions.conftest import DOMAIN, answered_in_form, o, s, slots_of, texts_of, tracker
from tests.test_actions.test_recommendations import PROFILE
from tests.test_skills_catalog.conftest import (
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    make_taxonomy,
)

FORM = ValidateProfileForm()
SKILLS = {
    names.OCCUPATION: o("welder"),
    names.OCCUPATION_LABEL: "welder",
    names.SKILLS: [s("weld")],
    names.SKILL_LABELS: {s("weld"): "weld metal parts"},
}


@pytest.fixture
def engine() -> Engine:
    """The fixture engine, *solar panel installer* also called "PV fitter" (another name, not
    its preferred label)."""
    taxonomy = make_taxonomy()
    solar = taxonomy.occupations[o("solar")]
    taxonomy.occupations[o("solar")] = dataclasses.replace(solar, alt_labels=("PV fitter",))
    return Engine(taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), make_catalog(), today=lambda: TODAY)


@pytest.mark.parametrize("text", ["welder", "I'm a welder"])
async def test_the_job_given_typed_at_the_skills_confirmation_is_said_to_be_it_already(text: str) -> None:
    # QA12: "warehouse worker" (the job given) added *warehouse operations* and *manage staff*
    got, said = await answered_in_form(text, names.SKILLS_CONFIRMED, SKILLS)
    assert said == [texts.JOB_ALREADY.format(job="Welder")]
    assert names.SKILLS not in got and got[names.SKILLS_CONFIRMED] is None


async def test_another_name_of_a_job_typed_at_the_skills_confirmation_corrects_the_job() -> None:
    # QA12: "forklift driver" (of *forklift operator*) got "I couldn't recognise a new skill in that"
    got, said = await answered_in_form("PV fitter", names.SKILLS_CONFIRMED, SKILLS)
    assert got[names.OCCUPATION] == o("solar") and names.SKILLS not in got
    assert said == [texts.JOB_CORRECTED.format(job="solar panel installer")]


async def test_a_limit_lifted_at_the_skills_confirmation_changes_one_set_before() -> None:
    # QA12: "any price" after "i dont have money, maybe AMS pays?" (free only) was silent
    got, said = await answered_in_form("any price", names.SKILLS_CONFIRMED, {**SKILLS, names.BUDGET: 0.0})
    assert got[names.BUDGET] == names.ANY and got[names.SKILLS_CONFIRMED] is None
    assert said == [texts.PREFERENCE_CHANGED.format(noted=said_back(names.BUDGET, names.ANY))]


@pytest.mark.parametrize(
    ("budget", "said"),
    [
        (200.0, card_texts.NONE_CHEAPER.format(price="up to 200 €")),
        (None, card_texts.NONE_CHEAPER_ANY_PRICE),
    ],
)
async def test_cheaper_with_no_cards_shown_offers_a_higher_price_not_a_lower(budget: float | None, said: str) -> None:
    # QA12: "cheaper?" with no cards shown under a 200 € limit answered "Only free courses, then."
    d = CollectingDispatcher()
    t = tracker(
        {**PROFILE, names.OFFSET: 0.0, names.BUDGET: budget, names.SHOWN_OFFERS: []},
        text="cheaper?",
        intent=names.INTENT_ONLY_FREE,
    )
    assert await ActionRefineSearch().run(d, t, {}) == []
    assert texts_of(d) == [said] and d.messages[0]["buttons"][0]["payload"].startswith(f"/{names.INTENT_RELAX}")


@pytest.mark.parametrize("text", ["I'm a student looking for a welding course", "no job yet, I want to learn welding"])
async def test_no_job_and_a_course_wish_at_the_job_question_keep_both(text: str) -> None:
    # QA12: the first message after consent noted no job and dropped the welding course wish
    got, said = await answered_in_form(text, names.OCCUPATION, {names.CONSENT: True})
    assert got[names.OCCUPATION] == names.NOT_GIVEN
    assert got[names.GOAL] == names.GOAL_SKILLS and got[names.WANTED_SKILLS] == [s("weld")]
    assert said[:2] == [texts.OCCUPATION_NONE, texts.GOAL_TAKEN.format(goal="weld metal parts")]


@pytest.mark.parametrize("text", ["I changed my mind, you can tell them", "ok yes you can pass it on"])
async def test_consent_given_after_a_refusal_mid_form_is_recorded_and_the_question_asked_again(text: str) -> None:
    # QA12: "I changed my mind, you can tell them" at the in person/online question got "Sorry, I
    # didn't understand that answer." while "ok yes you can pass it on" worked
    d = CollectingDispatcher()
    t = tracker(
        {names.REQUESTED_SLOT: names.MODE, names.CONSENT: False},
        text=text,
        intent=names.INTENT_GIVE_CONSENT,
        active_loop=names.PROFILE_FORM,
    )
    got = slots_of(await FORM.run(d, t, DOMAIN))
    assert got[names.CONSENT] is True and got[names.MODE] is None
    assert texts_of(d) == [consent_words(True, t)]
