"""Validation of the profile form: free text → ESCO concepts, places and limits.

Each ``validate_<slot>`` reads the answer (a tapped button's ``choice`` entity wins over the
text), makes at most one call into the engine, and returns slot values: the resolved value,
or ``None`` plus choices for the question to offer. Corrections of the recognised skills
("not that one", "also welding") are answers to ``skills_confirmed``.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import (
    choices,
    goal_answers,
    job_answers,
    languages_said,
    names,
    parsing,
    services,
    skill_answers,
    texts,
    towns_told,
    wishes,
)
from actions.common import greeted, latest_choice, latest_intent, latest_text
from actions.consent import consent_slots, consent_words
from actions.cost_paid_by_others import COST_COVERED, paid_by_others
from actions.form_answers import Slots, answer_text, answers, place_named, town_answer
from actions.preferences import PreferenceValidators, hopes_for_funding, moved, noted_ahead, place_slots
from skills_catalog.explain import language_name
from skills_catalog.models import Match, Place
from skills_catalog.text import fold

logger = logging.getLogger(__name__)


#: a job answer that says there is none to give: it was asked again, and only "skip" went on
#: an answer that asks rather than answers: at the consent question, it is told what the consent means
_ASKS = re.compile(r"\?\s*$|^\W*(?:what|who|why|how|which|explain|tell me)\b", re.I)
_NEVER_EMPLOYED = re.compile(
    r"^\W*(?:none|nothing|no idea|not sure|i don'?t know)\W*$|\bnever (?:had a job|worked|been employed|employed)\b|"
    r"\b(?:i'?m|i am) (?:an? |still an? |still at )?(?:student|pupil|apprentice|trainee|school leaver|school)\b|"
    r"\bjust (?:left|finished) school\b|"
    r"\bno work experience\b|^\W*(?:an?\s+)?(?:student|pupil|apprentice|trainee|school leaver)\W*$|"
    r"\bno (?:job|work) yet\b|\bnot (?:had a job|worked|employed) yet\b|\blooking for my first job\b",
    re.I,
)
#: questions whose answers may state preferences beside (the others take them already)
_TOLD_BESIDE = frozenset({names.OCCUPATION, names.SKILLS, names.SKILLS_CONFIRMED, names.GOAL})
#: a way of learning said as such beside those answers: "welder, in person, max 30 km", "PLC,
#: online courses only"; "I want to sell online" names a skill, not a way of learning
_HOW_TO_LEARN = re.compile(
    r"\bin person\b|\bclassroom\b|\bface to face\b|\b(?:learn|study|course|courses|training|class|classes)\b.*\bonline\b"
    r"|\bonline\s+(?:only|course|courses|training|class|classes)\b|^\W*online\W*$|,\s*online\b",
    re.I,
)


#: questions where a language named alone is the one to learn in
_LANGUAGE_ALONE_AT = frozenset({names.GOAL, names.SKILLS_CONFIRMED})


def _no_limits(asked: str, text: str) -> frozenset[str]:
    """The preferences an answer to ``asked`` names that are no limits: a language among skills
    ("check-in, booking systems, english" had hidden the Spanish courses) unless said as the
    one to learn in ("in German"), or alone at the goal question or the skills' confirmation
    ("german" had become the goal *German*, "English" a skill held: one spoken is said as such,
    "I speak English"); "online" unless said of learning ("I want to sell online")."""
    besides = set() if _HOW_TO_LEARN.search(text) else {names.MODE}
    alone = asked in _LANGUAGE_ALONE_AT and languages_said.only_languages(text)
    if not (languages_said.language_preferred(text) or alone):
        besides.add(names.LANGUAGE)
    return frozenset(besides)


def _goal_said(text: str, current: str | None, dispatcher: CollectingDispatcher) -> Slots:
    """The goal slots of a wish ("I want to become a CNC operator") or of a course's subject ("an
    online *welding* course") in ``text``, said back; {} without. The goal only from those: "find
    training for me" names no *train employees*; nor is it the ``current`` job."""
    wish = wishes.wish_span(text)
    goal = goal_answers.goal_read(text[wish[0] : wish[1]], current) if wish is not None else goal_answers.course_goal(text)
    if goal is None:
        return {}
    dispatcher.utter_message(text=goal.words(texts.GOAL_TAKEN))
    return goal.slots


def _only_limits(asked: str, text: str) -> bool:
    """True when an answer to ``asked`` states or lifts limits and nothing else ("100 km", "any
    price", "i dont have money, maybe AMS pays?" at the skills' confirmation): they are taken,
    and the question asked again. Why: the last two had got "I couldn't recognise a new skill",
    and "That one isn't in the list" (the "don't" read as a removal, QA12)."""
    stated = set(parsing.clause_limits(text, date.today())) - _no_limits(asked, text)
    rest = parsing.without_preferences(parsing.without_limits(text))
    return bool(stated) and (not rest or (names.BUDGET in stated and hopes_for_funding(rest)))


def _language_aside(text: str, template: str, dispatcher: CollectingDispatcher) -> None:
    """Say how to mean the language a message names alone otherwise than as the course's."""
    language = parsing.stated_preferences(text, date.today()).get(names.LANGUAGE)
    if language and languages_said.only_languages(text):
        named = language_name(languages_said.language_codes(language)[0])
        dispatcher.utter_message(text=template.format(language=named))


def _travel_time_only(text: str) -> bool:
    """True for a travel limit said in time with no km beside it ("an hour by car")."""
    return parsing.travel_time(text) and names.MAX_DISTANCE not in parsing.stated_preferences(text, date.today())


def _say_what_is_not_used(text: str, dispatcher: CollectingDispatcher) -> None:
    """Say so when a message holds contact details (not needed, not passed on) or a limit the
    catalogue cannot search by ("evenings only", "part-time", "no car"). Why: both were dropped
    without a word, as if taken into account."""
    if parsing.contact_details(text):
        dispatcher.utter_message(text=texts.CONTACT_NOT_NEEDED)
    if parsing.unrecorded_limit(text):
        dispatcher.utter_message(text=texts.UNRECORDED_LIMIT)


#: words a consent given or withdrawn speaks of: "no, I don't have any" (read as a refusal) does not
_OF_CONSENT = re.compile(
    r"\b(?:agree\w*|consent\w*|pass\w*|shar\w+|contact\w*|data|details|interest|partner\w*|tell\w*|told)\b", re.I
)


def _consent_later(
    asked: str | None, intent: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """ "I agree" after "No, just browse" (or a refusal after a yes) at a later question:
    recorded and said, and the question asked again; None otherwise. Why: it had turned consent
    on with no record, and been read as the answer. At the skills' confirmation "I agree"
    agrees with the skills listed."""
    given = {names.INTENT_GIVE_CONSENT: True, names.INTENT_REFUSE_CONSENT: False}.get(intent)
    if given is None or tracker.get_slot(names.CONSENT) is given or not _OF_CONSENT.search(latest_text(tracker)):
        return None
    if asked in (None, names.CONSENT, names.SKILLS_CONFIRMED):
        return None
    dispatcher.utter_message(text=consent_words(given, tracker))
    return [*(SlotSet(slot, value) for slot, value in consent_slots(given, tracker).items()), SlotSet(asked, None)]


def _job_and_town(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """The job and the town a first message tells ("hi! I'm a welder from Graz looking for …"),
    where not answered yet, said back. Why: they were asked again, as if never said."""
    told = job_answers.job_told(text) if tracker.get_slot(names.OCCUPATION) is None else {}
    if names.OCCUPATION in told:
        dispatcher.utter_message(text=texts.JOB_TAKEN.format(job=told[names.OCCUPATION_LABEL]))
    elif tracker.get_slot(names.OCCUPATION) is None and _NEVER_EMPLOYED.search(text):
        # "I'm a student looking for a welding course": the job question had come all the same
        told = {names.OCCUPATION: names.NOT_GIVEN}
        dispatcher.utter_message(text=texts.NO_JOB_YET_TAKEN)
    # "I moved to Graz" at the consent question had got "I need a yes or a no", the town dropped (QA13)
    if tracker.get_slot(names.PLACE) is not None:  # ... also when a town was told before: it is replaced
        return {**told, **moved(text, dispatcher)}
    place = towns_told.town_told(text) or place_named(parsing.moved_to(text))
    if place is not None:
        told.update(place_slots(place))
        dispatcher.utter_message(text=texts.PLACE_TAKEN.format(place=place.name, country=place.country))
    return told


def _answer(question: str, tracker: Tracker) -> str:
    """What the FAQ answers to a question asked where the form asked something else."""
    from actions import faq  # here: faq imports offers, which imports this module

    return faq.answer_in_form(question, tracker)


def _town_beside(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """The place slots of a town said beside the answer to another question, said back; {}
    without one, or when the town is known already."""
    place = towns_told.town_aside(text) if tracker.get_slot(names.PLACE) is None else None
    if place is None:
        return {}
    dispatcher.utter_message(text=texts.PLACE_TAKEN.format(place=place.name, country=place.country))
    return place_slots(place)


def _town_instead(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """The place slots of a town typed alone where a job, skills or a goal were asked ("Karlsruhe"), said
    back, the question asked again; {} when the answer is no town."""
    place = towns_told.town_alone(text) if tracker.get_slot(names.PLACE) is None else None
    if place is None:
        return {}
    dispatcher.utter_message(text=texts.PLACE_TAKEN.format(place=place.name, country=place.country))
    return place_slots(place)


def _town_not_skill(text: str, skills: list[Match]) -> Place | None:
    """The town a skills answer names, when no skill read in it is spelt in its words: a town
    typed alone ("Bruck") or told ("I live in Graz"). Why: "Bruck" at the skills' confirmation
    added *lay bricks*, read from its letters, though the town was not asked yet (QA13)."""
    if any(skill_answers.spelt(match, text) for match in skills):
        return None
    return towns_told.town_alone(text) or (None if skills else towns_told.town_told(text))


#: a wish to go back a question: "can I go back", "back to the previous question", "undo"; not
#: "go back to nursing", a goal
_GO_BACK = re.compile(
    r"\b(?:go|going|step)\s+back\b(?!\s+(?:to|into|in|home)\b)|\b(?:previous|last) question\b|^\W*undo\W*$", re.I
)
#: questions "go back" does not return to: the consent (its own words change it), and the skills'
#: confirmation (going back to the skills asks both)
_NOT_BACK_TO = frozenset({names.CONSENT, names.SKILLS_CONFIRMED})


def _going_back(
    asked: str | None, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType] | None:
    """After the job question: a job corrected ("my job was actually care assistant, not nurse
    assistant") is changed and said back, or asked again ("change my job"), and "go back" asks the
    question answered before again; then the form goes on. ``None`` for any other answer. Why:
    all got "Sorry, I didn't understand that answer", and only "start over" changed a job (QA12)."""
    order = list(domain.get("forms", {}).get(names.PROFILE_FORM, {}).get("required_slots", []))
    if asked not in order or order.index(asked) <= order.index(names.OCCUPATION) or latest_choice(tracker) is not None:
        return None
    text = latest_text(tracker)
    if wishes.wish_start(text) is not None:  # "I'm a nurse, but I want to …": the validators read both
        return None
    job = job_answers.job_corrected(text)
    if job is not None:
        label = job[names.OCCUPATION_LABEL]
        dispatcher.utter_message(text=texts.JOB_CHANGED.format(job=label) if label else texts.JOB_AGAIN)
        # a goal left open built on the job: asked again, lest nothing be left to search on
        reopened = {names.GOAL: None} if tracker.get_slot(names.GOAL) == names.NOT_GIVEN else {}
        return [*(SlotSet(slot, value) for slot, value in {**job, **reopened}.items()), SlotSet(asked, None)]
    if not _GO_BACK.search(text):
        return None
    answered = [
        slot for slot in order[: order.index(asked)] if slot not in _NOT_BACK_TO and tracker.get_slot(slot) is not None
    ]
    dispatcher.utter_message(text=texts.GONE_BACK)
    again = [SlotSet(answered[-1], None)] if answered else []
    if answered and answered[-1] == names.SKILLS:
        again.append(SlotSet(names.SKILLS_CONFIRMED, None))
    return [*again, SlotSet(asked, None)]


class ValidateProfileForm(PreferenceValidators, FormValidationAction):
    """Validates every slot of ``profile_form`` (the preferences in ``preferences.py``)."""

    def name(self) -> str:
        return names.VALIDATE_PROFILE_FORM

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate the answers; when a search starts, first keep what the message that started
        it says ("I'm looking for an online welding course in September": online, from
        September, welding to learn), said back, so those questions are not asked again."""
        asked, intent = tracker.get_slot(names.REQUESTED_SLOT), latest_intent(tracker)
        consent = _consent_later(asked, intent, dispatcher, tracker)
        if consent is not None:
            return consent
        back = _going_back(asked, dispatcher, tracker, domain)
        if back is not None:
            return back
        starting = asked is None and intent == names.INTENT_START_SEARCH
        if starting and not greeted(tracker):  # "I need training" first: it skipped the greeting
            dispatcher.utter_message(response=names.UTTER_GREET)
        if latest_choice(tracker) is None:
            _say_what_is_not_used(latest_text(tracker), dispatcher)
        if asked == names.MAX_DISTANCE and _travel_time_only(latest_text(tracker)):
            dispatcher.utter_message(text=texts.DISTANCE_BY_TIME)  # "an hour by car" had got the off-topic apology
            return [SlotSet(names.MAX_DISTANCE, None)]
        if asked == names.BUDGET and paid_by_others(latest_text(tracker)):
            # "my employer pays": it had got "I need a rough amount in euros" (and the firm's form)
            dispatcher.utter_message(text=COST_COVERED)
            return await self._answered({names.BUDGET: names.ANY}, dispatcher, tracker, domain)
        if asked == names.MODE and _travel_time_only(latest_text(tracker)) and not parsing.parse_mode(latest_text(tracker)):
            # "max half an hour by car": travelling, so in person; the km asked next (QA12: dropped)
            dispatcher.utter_message(text=texts.TRAVEL_TIME_IN_PERSON)
            return await self._answered({names.MODE: names.MODE_IN_PERSON}, dispatcher, tracker, domain)
        kept = self.opening(latest_text(tracker), dispatcher, tracker) if starting else {}
        if asked in _TOLD_BESIDE and latest_choice(tracker) is None:
            # "welder, in person, max 30 km": the limits were dropped at these questions, and so was
            # the town of "shop manager, small clothes shop in Stuttgart" (QA12)
            text = latest_text(tracker)
            kept = noted_ahead(text, tracker, dispatcher, asked=asked, besides=_no_limits(asked, text), lifts=True)
            kept.update(_town_beside(text, dispatcher, tracker))
        validated = await super().run(dispatcher, tracker, domain)
        return [*(SlotSet(slot, value) for slot, value in kept.items()), *validated]

    async def _answered(
        self, slots: Slots, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """``slots`` set without the validators, then the next question."""
        events: list[EventType] = [SlotSet(slot, value) for slot, value in slots.items()]
        tracker.add_slots(events)
        following = await self.next_requested_slot(dispatcher, tracker, domain)
        return [*events, *([following] if following else [])]

    def opening(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """The job, skills, town, preferences and goal a search's first message states; {} when none.

        The goal only from a wish ("I want to become a CNC operator") or a course's subject
        ("an online *welding* course"): "find training for me" names no *train employees*.
        """
        wish = wishes.wish_span(text)
        # the job and the town outside the wish: "…, I was a tailor, now I want to work in a
        # factory. I live in Pforzheim."; the skills outside a course asked for ("i just need a
        # forklift licence" had the skill *operate forklift* as one the person has, QA12)
        cut = wish or goal_answers.course_span(text)
        outside = text if cut is None else f"{text[: cut[0]]} {text[cut[1]:]}"
        told = _job_and_town(outside, dispatcher, tracker)
        if tracker.get_slot(names.SKILLS) is None:  # "I'm a welder, 12 years MIG/MAG": confirmed later
            # the words that said there is no job name no skill: "I'm a student" was *assess students*
            told.update(skill_answers.skills_told(_NEVER_EMPLOYED.sub(" ", outside)))
        kept = {**told, **noted_ahead(text, tracker, dispatcher, asked="", lifts=True)}
        if tracker.get_slot(names.GOAL) is not None:
            return kept
        # the job told in the same message is the current one: "I'm a car mechanic and I want to
        # become an EV technician" had the goal *vehicle technician*, the job just noted
        current = told.get(names.OCCUPATION) or tracker.get_slot(names.OCCUPATION)
        return {**kept, **_goal_said(text, current, dispatcher)}

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """No travel distance for people who learn online only or gave no place."""
        online_only = (
            tracker.get_slot(names.MODE) == names.MODE_ONLINE
            or tracker.get_slot(names.PLACE) == names.NOT_GIVEN
        )
        return [s for s in domain_slots if not (online_only and s == names.MAX_DISTANCE)]

    # ------------------------------------------------------------ consent and job

    @answers(names.CONSENT)
    async def validate_consent_given(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent = latest_intent(tracker)
        if isinstance(value, bool):
            given: bool | None = value
        elif intent in (names.INTENT_GIVE_CONSENT, names.INTENT_AFFIRM):
            given = True
        elif intent in (names.INTENT_REFUSE_CONSENT, names.INTENT_DENY):
            given = False
        else:
            given = parsing.yes_or_no(answer_text(value, tracker))
        if given is None:
            # "I'm looking for an online welding course in September" typed at the question the
            # greeting asks: kept and said back, then the question again
            text = answer_text(value, tracker)
            opening = self.opening(text, dispatcher, tracker)
            # "explain please", "what's a training partner?": what the consent means, then the question
            # "do I have to pay?": what courses cost, not what the consent means (QA13)
            said = texts.CONSENT_FIRST if opening else _answer(text, tracker) if _ASKS.search(text) else texts.CONSENT_UNCLEAR
            dispatcher.utter_message(text=said)
            return {names.CONSENT: None, **opening}
        dispatcher.utter_message(text=texts.CONSENT_YES if given else texts.CONSENT_NO)
        return consent_slots(given, tracker)

    @answers(names.OCCUPATION)
    async def validate_occupation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        options = tracker.get_slot(names.OCCUPATION_OPTIONS) or []
        intent, text = latest_intent(tracker), answer_text(value, tracker)
        picked = job_answers.chosen(text, options)
        chosen = picked or job_answers.yes_to_offered(text, intent, options)
        if chosen:
            if not picked and not chosen.get("typed"):  # which job a "yes" took shows
                dispatcher.utter_message(text=texts.JOB_TAKEN.format(job=chosen["label"]))
            # "bus driver, also welding and PLC" typed at the jobs offered: the skills too
            typed = text != chosen["uri"] and tracker.get_slot(names.SKILLS) is None
            return {
                names.OCCUPATION: chosen["uri"],
                names.OCCUPATION_LABEL: chosen["label"],
                names.OCCUPATION_OPTIONS: None,
                **(skill_answers.skills_told(text) if typed else {}),
            }
        if options and intent == names.INTENT_DENY and not _NEVER_EMPLOYED.search(text):
            # "None of these": the job in their own words, or a skip (QA13: it went on with no job)
            dispatcher.utter_message(text=texts.OCCUPATION_OTHER_WORDS)
            return {names.OCCUPATION: None, names.OCCUPATION_OPTIONS: None, names.OCCUPATION_UNCLEAR: None}
        if intent == names.INTENT_SKIP or _NEVER_EMPLOYED.search(text):
            dispatcher.utter_message(text=texts.OCCUPATION_NONE)
            # "I'm a student looking for a welding course": the course is the goal (QA12)
            goal = {} if tracker.get_slot(names.GOAL) is not None else _goal_said(text, None, dispatcher)
            return {names.OCCUPATION: names.NOT_GIVEN, names.OCCUPATION_OPTIONS: None, **goal}
        # "a welder, but I want to become a robot technician": the job is before the wish, the
        # wish is the goal (and its job is not taken for the current one)
        text, wish = self._wish_apart(text, wishes.wish_start(text), dispatcher)
        matches = services.engine().recognise_occupations(text, top=job_answers.TUNING.options, claimed=True) if text else []
        if job_answers.skills_listed(matches, text):
            matches = []  # "mechanical design, CAD, project management": skills, no *vehicle technician*
        if options and not job_answers.told_better(matches, options, text):
            listed = skill_answers.skills_instead(text, matches, options, tracker)
            if listed:  # the jobs offered stay offered, once
                return {**self._unclear_pick(texts.SKILLS_NOTED_PICK_JOB, dispatcher, tracker), **listed, **wish}
        told = skill_answers.skills_beside(text, matches) if tracker.get_slot(names.SKILLS) is None else {}
        if not matches and told:
            dispatcher.utter_message(text=texts.OCCUPATION_SKILLS_ONLY)
            return {names.OCCUPATION: names.NOT_GIVEN, names.OCCUPATION_OPTIONS: None, **told, **wish}
        if not matches:  # the jobs offered, if any, stay offered
            if parsing.says_no_job(text):  # "I'm unemployed": the last job is asked for
                dispatcher.utter_message(text=texts.OCCUPATION_LAST)
            elif options and (text or not wish):
                return {**self._unclear_pick(texts.OCCUPATION_PICK, dispatcher, tracker), **wish}
            elif not wish and (town := _town_instead(text, dispatcher, tracker)):
                return {names.OCCUPATION: None, **town}  # "Ulm": the town, and the job asked again
            elif text or not wish:  # "what counts as a job?": what the question means (QA13: "couldn't match")
                dispatcher.utter_message(text=_answer(text, tracker) if _ASKS.search(text) else texts.OCCUPATION_UNKNOWN)
            return {names.OCCUPATION: None, **wish}
        sure = job_answers.sure_job(matches, text, job_answers.SURE_TYPED)
        if sure is None:
            broad = job_answers.broad_title(matches, text)
            if broad:  # "machine operator": the jobs it may be, and that more words would tell
                dispatcher.utter_message(text=texts.TITLE_BROAD.format(title=broad))
            offered = job_answers.job_options(matches, text, broad=broad)
            return {names.OCCUPATION: None, names.OCCUPATION_OPTIONS: offered, **told, **wish}
        logger.info("occupation %s recognised for sender %s", sure.uri, tracker.sender_id)
        # "bus driver" read as *forklift operator* shows, and so does a job among skills ("i am cook.
        # kitchen 10 year …": only the skills were echoed, and the job seemed lost, QA13)
        if told or not job_answers.written_in(sure.label, text):
            dispatcher.utter_message(text=texts.JOB_TAKEN.format(job=sure.label))
        return {
            names.OCCUPATION: sure.uri,
            names.OCCUPATION_LABEL: sure.label,
            names.OCCUPATION_OPTIONS: None,
            **told,
            **wish,
        }

    @staticmethod
    def _unclear_pick(said: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """An answer to the jobs offered that picks none: the jobs are offered again once, then
        the form goes on without a job, and says so. Why: "yes", a town, "in person" … each got
        "Tap the job closest to yours" and the list again, for ten turns, never reaching results."""
        unclear = int(tracker.get_slot(names.OCCUPATION_UNCLEAR) or 0) + 1
        if unclear < job_answers.UNCLEAR_PICKS:
            dispatcher.utter_message(text=said)
            return {names.OCCUPATION: None, names.OCCUPATION_UNCLEAR: float(unclear)}
        dispatcher.utter_message(text=texts.OCCUPATION_GIVEN_UP)
        return {names.OCCUPATION: names.NOT_GIVEN, names.OCCUPATION_OPTIONS: None, names.OCCUPATION_UNCLEAR: None}

    # ------------------------------------------------------------ skills and corrections

    @answers(names.SKILLS)
    async def validate_skills(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = answer_text(value, tracker)
        if latest_intent(tracker) == names.INTENT_SKIP:
            return skill_answers.no_skills(dispatcher)
        # "welding, but I want to learn robot programming": the wish is the goal, not a skill
        had, wish = self._wish_apart(text, None if latest_choice(tracker) else wishes.wish_start(text), dispatcher)
        matches = skill_answers.skills_in(had) if had else []
        if not wish and tracker.get_slot(names.PLACE) is None and _town_not_skill(text, matches):
            matches = []  # "Bruck" is the town, not *lay bricks* read from its letters
        if not matches and not wish and skill_answers.says_no_skills(text):
            return skill_answers.no_skills(dispatcher)  # "no special skills, just basic welding" names welding
        if not matches:  # "Graz": the town, and the skills asked again
            town = {} if wish else _town_instead(text, dispatcher, tracker)
            if not (wish or town):
                dispatcher.utter_message(text=texts.SKILLS_UNKNOWN)
            return {**wish, **town, names.SKILLS: None}
        return {**wish, **skill_answers.skill_slots(matches)}

    @answers(names.SKILLS_CONFIRMED)
    async def validate_skills_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent, text = latest_intent(tracker), answer_text(value, tracker)
        wish_at = None if latest_choice(tracker) else wishes.wish_start(text)
        if wish_at is not None:
            return self._with_wish(text, wish_at, dispatcher, tracker)
        job = skill_answers.job_named(text)
        if job and job.uri == tracker.get_slot(names.OCCUPATION):
            dispatcher.utter_message(text=texts.JOB_ALREADY.format(job=job.label.capitalize()))
            return {names.SKILLS_CONFIRMED: None}
        if job:
            dispatcher.utter_message(text=texts.JOB_CORRECTED.format(job=job.label))
            return {**skill_answers.job_slots(job), names.SKILLS_CONFIRMED: None}
        if (
            intent == names.INTENT_AFFIRM
            or (intent == names.INTENT_GIVE_CONSENT)
            or (
                intent not in (names.INTENT_ADD_SKILL, names.INTENT_REMOVE_SKILL)
                and parsing.yes_or_no(text) is True
            )
        ):
            logger.info(
                "%d skills confirmed by sender %s",
                len(tracker.get_slot(names.SKILLS) or []),
                tracker.sender_id,
            )
            return {names.SKILLS_CONFIRMED: True}
        if _only_limits(names.SKILLS_CONFIRMED, text):  # "100 km", "English": noted by ``run``
            _language_aside(text, texts.SKILL_NOT_LANGUAGE, dispatcher)
            return {names.SKILLS_CONFIRMED: None}
        parts = [] if latest_choice(tracker) else choices.correction_parts(text)
        if len(parts) > 1 and any(choices.is_removal(part) for part in parts):  # "not X. also Y"
            return skill_answers.corrected(parts, dispatcher, tracker)
        if intent == names.INTENT_REMOVE_SKILL or choices.is_removal(text) or latest_choice(tracker):
            return skill_answers.removed(text, dispatcher, tracker)
        if intent == names.INTENT_DENY or parsing.yes_or_no(text) is False:
            dispatcher.utter_message(text=texts.SKILLS_WHICH)
            return {names.SKILLS_CONFIRMED: None}
        named = skill_answers.skills_in(text, claimed=False)
        town = None if tracker.get_slot(names.PLACE) else _town_not_skill(text, named)
        if town is not None:  # "I live in Graz" had got "I couldn't recognise a new skill"
            dispatcher.utter_message(text=texts.PLACE_TAKEN.format(place=town.name, country=town.country))
            return {**place_slots(town), names.SKILLS_CONFIRMED: None}
        return skill_answers.added(named, dispatcher, tracker)

    # ------------------------------------------------------------ goal and place

    @answers(names.GOAL)
    async def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        options = tracker.get_slot(names.GOAL_OPTIONS) or []
        intent, text = latest_intent(tracker), answer_text(value, tracker)
        chosen = job_answers.chosen(text, options)
        if chosen:
            if latest_choice(tracker) is None:  # "the second one": which job that is shows
                dispatcher.utter_message(text=texts.GOAL_TAKEN.format(goal=chosen["label"]))
            return goal_answers.target(chosen["uri"], chosen["label"], [])
        if intent == names.INTENT_SKIP or (options and intent == names.INTENT_DENY):
            if not goal_answers.something_to_build_on(tracker):
                return self._suggested_goals(dispatcher, tracker, texts.GOAL_NEEDED)
            dispatcher.utter_message(text=texts.GOAL_NONE)
            return {names.GOAL: names.NOT_GIVEN, names.GOAL_OPTIONS: None}
        current = tracker.get_slot(names.OCCUPATION)
        goal = goal_answers.goal_read(text, current)
        if goal is None and wishes.asks_for_jobs(text):  # "idk anything that pays better" (QA13)
            return self._suggested_goals(dispatcher, tracker)
        if _only_limits(names.GOAL, text):  # "german": the course language (noted by ``run``), no goal
            _language_aside(text, texts.GOAL_NOT_LANGUAGE, dispatcher)
            return {names.GOAL: None}
        if goal is None and intent == names.INTENT_NOT_SURE:
            return self._suggested_goals(dispatcher, tracker)
        if goal is None and intent in texts.STEP_WORDS:  # "closer": for the results, none shown yet
            dispatcher.utter_message(text=texts.GOAL_NOT_STEP)
            return {names.GOAL: None}
        town = _town_instead(text, dispatcher, tracker) if goal is None else {}
        if town:  # "Bergamo": the town, and the goal asked again
            return {names.GOAL: None, **town}
        # unsure, yet naming a goal, is the goal: "not sure, maybe something with cars" had got the
        # jobs in demand (QA12)
        return self._goal_said(goal, dispatcher)

    @staticmethod
    def _suggested_goals(dispatcher: CollectingDispatcher, tracker: Tracker, said: str = "") -> Slots:
        """Jobs to pick a goal from (``goal_answers.suggested_goals``: near the person's job and
        skills, else in demand), after ``said`` or what they are; with none, the goal is left
        open if there is something to build on, else asked again. Why: a goal left open with
        neither a job nor skills had no search ever start (QA12)."""
        suggested, why = goal_answers.suggested_goals(tracker, job_answers.TUNING.in_demand)
        if not suggested:
            if not goal_answers.something_to_build_on(tracker):
                dispatcher.utter_message(text=texts.GOAL_UNKNOWN)
                return {names.GOAL: None}
            dispatcher.utter_message(text=texts.GOAL_NONE)
            return {names.GOAL: names.NOT_GIVEN}
        dispatcher.utter_message(text=said or why)
        return {names.GOAL: None, names.GOAL_OPTIONS: [{"uri": o.uri, "label": o.label} for o in suggested]}

    def _goal_fromanswer_text(self, text: str, dispatcher: CollectingDispatcher, current: str | None) -> Slots:
        """The goal a typed answer names, said back (a misreading shows before the results)."""
        return self._goal_said(goal_answers.goal_read(text, current), dispatcher)

    @staticmethod
    def _goal_said(goal: goal_answers.Goal | None, dispatcher: CollectingDispatcher) -> Slots:
        """The slots of a goal read, said back; asked again when none was read."""
        if goal is None:
            dispatcher.utter_message(text=texts.GOAL_UNKNOWN)
            return {names.GOAL: None}
        dispatcher.utter_message(text=goal.words(texts.GOAL_TAKEN))
        return goal.slots

    def _with_wish(self, text: str, at: int, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """A wish from ``at`` on, and what came before it: a yes ("yes, and I'd like to move into
        PLC"), a removal ("not welding, I want to …") or an addition ("also forklift, but my
        goal is …"); each is done, and the wish is taken as the goal."""
        before, wish = self._wish_apart(text, at, dispatcher)
        if not before:
            return wish
        if parsing.yes_or_no(before) is True:
            return {**wish, names.SKILLS_CONFIRMED: True}
        if choices.is_removal(before):
            return {**wish, **skill_answers.removed(before, dispatcher, tracker)}
        named = skill_answers.skills_in(before, claimed=False)
        return {**wish, **skill_answers.added(named, dispatcher, tracker)} if named else wish

    def _wish_apart(self, text: str, at: int | None, dispatcher: CollectingDispatcher) -> tuple[str, Slots]:
        """What comes before a wish starting at ``at`` (the whole text without one), and the
        wish's goal slots ({} without one)."""
        if at is None:
            return text, {}
        return text[:at].strip(" ,;.-"), self._wish(text[at:], dispatcher)

    def _wish(self, text: str, dispatcher: CollectingDispatcher) -> Slots:
        """ "I'd like to move into robotics maintenance" in answer to "are these your skills?": the
        answer to the goal question (which the form then skips), not a skill the person has."""
        goal = goal_answers.goal_read(text)
        if goal is None:
            dispatcher.utter_message(text=texts.GOAL_LATER)
            return {names.SKILLS_CONFIRMED: None}
        dispatcher.utter_message(text=goal.words(texts.GOAL_NOTED))
        return {**goal.slots, names.SKILLS_CONFIRMED: None}

    @answers(names.PLACE)
    async def validate_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = answer_text(value, tracker)
        no_place = {names.PLACE: names.NOT_GIVEN, names.LATITUDE: None, names.LONGITUDE: None}
        if latest_intent(tracker) == names.INTENT_SKIP:
            return {**no_place, names.PLACE_SUGGESTIONS: None}
        if text == names.NOT_GIVEN:  # the "I'd only learn online" button: as if typed (it asked "in person?")
            online = {names.MODE: names.MODE_ONLINE} if tracker.get_slot(names.MODE) is None else {}
            return {**no_place, names.PLACE_SUGGESTIONS: None, **online}
        # "in person, max 40 km" answers ahead; "Graz, but I'd prefer online" names the town beside it
        # "in person or online both fine" lifts a limit (QA12: "couldn't find the name of a town in that")
        ahead = noted_ahead(text, tracker, dispatcher, asked=names.PLACE, lifts=True) if latest_choice(tracker) is None else {}
        wish = None if latest_choice(tracker) else wishes.wish_span(text)
        if wish is not None:  # "i want to work in elderly care": the goal, told late, not a town
            ahead.update(self._goal_fromanswer_text(text[wish[0] : wish[1]], dispatcher, tracker.get_slot(names.OCCUPATION)))
            text = f"{text[: wish[0]]} {text[wish[1] :]}".strip()
        # "online" said once more, the way of learning already noted: it is in no ``ahead``
        online_said = parsing.stated_preferences(text, date.today()).get(names.MODE) == names.MODE_ONLINE
        town = parsing.without_preferences(parsing.without_limits(text)) if ahead or online_said else text
        town = wishes.without_lead_in(town)  # "sorry, make that max 1500 euros": no town "sorry"
        if parsing.bare_cap(town):
            town = ""  # "up to 1000" had been looked up as a town
        if len(town.split()) <= 2 and parsing.parse_start(town, date.today()) not in (None, names.ANY):
            town = ""  # a time ("asap") had been looked up, and *Assat, FR* suggested
        if towns_told.no_town(town):  # "no town, online" had been taken as *Ho, GH*
            return {**no_place, names.PLACE_SUGGESTIONS: None, **ahead}
        if not town and online_said:  # "I'd only learn online", typed as the button says it
            return {**no_place, names.PLACE_SUGGESTIONS: None, **ahead}
        if not town:  # the towns suggested stay ("hmm"): a yes after it takes the one suggested
            if wish is None:
                dispatcher.utter_message(text=texts.PLACE_NEEDED)
            return {names.PLACE: None, names.PLACE_SUGGESTIONS: tracker.get_slot(names.PLACE_SUGGESTIONS), **ahead}
        if len(town.split()) > towns_told.TOWN_WORDS:  # a sentence: its town, never echoed whole as one
            told = towns_told.town_told(town)
            named = told or place_named(town)  # "Bruck an der Mur" is one
            if named is None:
                # "I use a wheelchair, are the courses accessible?": a question, no failed town (QA12)
                dispatcher.utter_message(text=_answer(text, tracker) if _ASKS.search(text) else texts.PLACE_NOT_IN_SENTENCE)
                return {names.PLACE: None, names.PLACE_SUGGESTIONS: None, **ahead}
            if fold(named.name) not in fold(town):
                dispatcher.utter_message(text=texts.PLACE_TAKEN.format(place=named.name, country=named.country))
            return {**place_slots(named), names.PLACE_SUGGESTIONS: None, **ahead}
        place, suggestions = town_answer(town, tracker.get_slot(names.PLACE_SUGGESTIONS), dispatcher, texts.PLACE_NEEDED)
        if place is None:
            return {names.PLACE: None, names.PLACE_SUGGESTIONS: suggestions, **ahead}
        return {**place_slots(place), names.PLACE_SUGGESTIONS: None, **ahead}
