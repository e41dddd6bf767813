"""Validation of the profile form: free text → ESCO concepts, places and limits.

Each ``validate_<slot>`` reads the answer (a tapped button's ``choice`` entity wins over the
text), makes at most one call into the engine, and returns slot values: the resolved value,
or ``None`` plus choices for the question to offer. Corrections of the recognised skills
("not that one", "also welding") are answers to ``skills_confirmed``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import choices, names, parsing, services, texts
from actions.common import latest_choice, latest_intent, latest_text
from actions.consent import consent_slots
from actions.form_answers import Slots, answer_text, answers, town_answer
from actions.preferences import PreferenceValidators, noted_ahead
from skills_catalog.models import Match

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FormTuning:
    """How sure recognition must be before the form stops asking.

    Attributes:
        ambiguity_margin: two jobs whose scores differ by less are both offered as buttons (the
            recogniser already drops matches below its own minimum score).
        options: how many jobs to offer when unsure.
        in_demand: how many in-demand jobs to offer to someone "not sure" of their goal.
        max_skills: skills kept from one answer.
        sure_score: a skill this sure whose words reach beyond another's is a mention of its own.
    """

    ambiguity_margin: float = 0.1
    options: int = 4
    in_demand: int = 5
    max_skills: int = 10
    sure_score: float = 0.9


TUNING = FormTuning()
_SKILLS_IN_A_LIST = 2  # skills typed where a job was to be picked: a list of them is no job
_COORDINATED = re.compile(r"\b(and|or)\b|[,/&+]", re.I)
#: an answer to "which skills do you have?" that names none and says so ("none", "I don't know")
_NO_SKILLS = re.compile(
    r"^\W*(?:none|nothing|no|nope|not really|no idea|skip|pass|n/?a|i don'?t know|not sure|dunno)\W*$"
    r"|\b(?:no (?:real |special |particular )?skills|(?:don'?t|do not) (?:have|know) (?:any|many) skills"
    r"|haven'?t (?:got )?any skills)\b",
    re.I,
)
#: the subject of a course asked for: "an online *welding* course", "a *PLC* training"
_COURSE_SUBJECT = re.compile(r"((?:[\w+#/-]+\s+){1,3}?)(?:course|courses|training|class|classes)\b", re.I)
#: what a removal points at without naming it: "not that one", "remove it"
_POINTING = re.compile(
    r"^\W*(?:(?:no|not|remove|delete|drop)\W*)?(?:that|this|it|the one|that one|this one|the last one)?\W*$", re.I
)
#: a job told anew ("actually I'm a mechanic, not a welder"): the job answer corrected later
_JOB_SAID = re.compile(
    r"^\W*(?:(?:no|actually|sorry|oh|wait|well)\W+)*(?:i'?m|i am|i was|i'?ve been|i work as)\s+"
    r"(?:(?:actually|really|in fact)\s+)?(?:an?|the)\s",
    re.I,
)


def _skills_goal(skills: list[Match]) -> tuple[Slots, str] | None:
    """Skills to learn as the goal's slots, with how to say them back; ``None`` without any."""
    if not skills:
        return None
    slots = {names.GOAL: names.GOAL_SKILLS, names.WANTED_SKILLS: [m.uri for m in skills], names.GOAL_OPTIONS: None}
    return slots, ", ".join(m.label for m in skills[:3])


def _written_in(label: str, text: str) -> bool:
    """True when every word of ``label`` (of three letters or more) is in ``text``, as such or
    inflected ("welders" holds *welder*): the person said it in the label's words."""
    lowered = text.lower()
    return all(word in lowered for word in re.findall(r"[a-z]{3,}", label.lower()))


def _options(matches: list[Match]) -> list[dict[str, str]]:
    return [{"uri": m.uri, "label": m.label} for m in matches[: TUNING.options]]


def _is_sure(matches: list[Match]) -> bool:
    """One clear best job: the only one, or ahead of the second by the ambiguity margin."""
    return len(matches) == 1 or matches[0].score - matches[1].score >= TUNING.ambiguity_margin


def _chosen(text: str, options: list[dict[str, str]]) -> dict[str, str] | None:
    """The option (``uri``, ``label``) a tapped button or a typed pick ("the second one") chose."""
    at = choices.picked(text, [o["label"] for o in options])
    return next((o for o in options if o["uri"] == text), options[at] if at is not None else None)


def _skill_slots(matches: list[Match]) -> Slots:
    """The slots of recognised skills, to be confirmed."""
    return {
        names.SKILLS: [m.uri for m in matches],
        names.SKILL_LABELS: {m.uri: m.label for m in matches},
        names.SKILLS_CONFIRMED: None,
    }


def skills_in(text: str, claimed: bool = True) -> list[Match]:
    """The skills ``text`` names, the best match per mention (alternatives for the same words
    are dropped); ``claimed`` as in ``Recognizer.skills``."""
    matches = services.engine().recognise_skills(text, top=TUNING.max_skills, claimed=claimed)
    kept: list[Match] = []
    for match in matches:
        if all(match.uri != k.uri and _apart(match, k, text) for k in kept):
            kept.append(match)
    return kept[: TUNING.max_skills]


def _apart(match: Match, other: Match, text: str) -> bool:
    """True when ``match`` names something ``other`` does not: their words do not overlap, or
    both are coordinated ("TIG and MIG welding": TIG's words hold MIG's, and both are meant),
    which a sure match shows by reaching beyond the other, or lying in it after an "and", "or"
    or comma; a weaker one there is an alternative for the same words ("welding")."""
    if match.start < 0 or other.start < 0 or match.end <= other.start or other.end <= match.start:
        return True
    if match.score < TUNING.sure_score:
        return False
    if match.start < other.start or match.end > other.end:
        return True
    return bool(_COORDINATED.search(text[other.start : match.start]))


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
        kept: Slots = {}
        if tracker.get_slot(names.REQUESTED_SLOT) is None and latest_intent(tracker) == names.INTENT_START_SEARCH:
            kept = self._opening(latest_text(tracker), dispatcher, tracker)
        validated = await super().run(dispatcher, tracker, domain)
        return [*(SlotSet(slot, value) for slot, value in kept.items()), *validated]

    def _opening(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """The preferences and the goal a search's first message states; {} when none.

        The goal only from a wish ("I want to become a CNC operator") or a course's subject
        ("an online *welding* course"): "find training for me" names no *train employees*.
        """
        kept = noted_ahead(text, tracker, dispatcher, asked="")
        if tracker.get_slot(names.GOAL) is not None:
            return kept
        wish_at, subject = parsing.wish_start(text), _COURSE_SUBJECT.search(text)
        goal = (
            self._goal_slots(text[wish_at:])
            if wish_at is not None
            else _skills_goal(skills_in(subject.group(1), claimed=False))
            if subject
            else None
        )
        if goal is not None:
            dispatcher.utter_message(text=texts.GOAL_TAKEN.format(goal=goal[1]))
            kept.update(goal[0])
        return kept

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
            opening = self._opening(answer_text(value, tracker), dispatcher, tracker)
            dispatcher.utter_message(text=texts.CONSENT_FIRST if opening else texts.CONSENT_UNCLEAR)
            return {names.CONSENT: None, **opening}
        dispatcher.utter_message(text=texts.CONSENT_YES if given else texts.CONSENT_NO)
        return consent_slots(given, tracker)

    @answers(names.OCCUPATION)
    async def validate_occupation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        options = tracker.get_slot(names.OCCUPATION_OPTIONS) or []
        intent, text = latest_intent(tracker), answer_text(value, tracker)
        chosen = _chosen(text, options)
        if chosen:
            return {
                names.OCCUPATION: chosen["uri"],
                names.OCCUPATION_LABEL: chosen["label"],
                names.OCCUPATION_OPTIONS: None,
            }
        if intent == names.INTENT_SKIP or (options and intent == names.INTENT_DENY):
            dispatcher.utter_message(text=texts.OCCUPATION_NONE)
            return {names.OCCUPATION: names.NOT_GIVEN, names.OCCUPATION_OPTIONS: None}
        # "a welder, but I want to become a robot technician": the job is before the wish, the
        # wish is the goal (and its job is not taken for the current one)
        text, wish = self._wish_apart(text, parsing.wish_start(text), dispatcher)
        matches = services.engine().recognise_occupations(text, top=TUNING.options, claimed=True) if text else []
        if options:
            listed = self._skills_instead(text, matches, options, tracker)
            if listed:  # the jobs offered stay offered
                dispatcher.utter_message(text=texts.SKILLS_NOTED_PICK_JOB)
                return {names.OCCUPATION: None, **listed, **wish}
        told = self._skills_beside(text, matches) if tracker.get_slot(names.SKILLS) is None else {}
        if not matches and told:
            dispatcher.utter_message(text=texts.OCCUPATION_SKILLS_ONLY)
            return {names.OCCUPATION: names.NOT_GIVEN, names.OCCUPATION_OPTIONS: None, **told, **wish}
        if not matches:  # the jobs offered, if any, stay offered
            if parsing.says_no_job(text):  # "I'm unemployed": the last job is asked for
                dispatcher.utter_message(text=texts.OCCUPATION_LAST)
            elif text or not wish:
                dispatcher.utter_message(text=texts.OCCUPATION_PICK if options else texts.OCCUPATION_UNKNOWN)
            return {names.OCCUPATION: None, **wish}
        if not _is_sure(matches):
            return {names.OCCUPATION: None, names.OCCUPATION_OPTIONS: _options(matches), **told, **wish}
        logger.info("occupation %s recognised for sender %s", matches[0].uri, tracker.sender_id)
        if not _written_in(matches[0].label, text):  # "bus driver" read as *forklift operator* shows
            dispatcher.utter_message(text=texts.JOB_TAKEN.format(job=matches[0].label))
        return {
            names.OCCUPATION: matches[0].uri,
            names.OCCUPATION_LABEL: matches[0].label,
            names.OCCUPATION_OPTIONS: None,
            **told,
            **wish,
        }

    @staticmethod
    def _skills_instead(text: str, jobs: list[Match], options: list[dict[str, str]], tracker: Tracker) -> Slots:
        """The skills of an answer that lists skills where a pick among the jobs ``options`` was
        asked for ("forklift, picking orders, some excel"), after those the job answer named
        already ("I work in a warehouse": *warehouse operations*), as the skills answer would
        set them; {} when it names fewer than two skills or names an offered job.

        Why: one of the skills also names a job ("forklift" → *forklift operator*), which was
        taken for the job though it was not offered, and the skills beside it were lost.
        """
        if jobs and jobs[0].uri in {o["uri"] for o in options}:
            return {}
        skills = skills_in(text)
        if len(skills) < _SKILLS_IN_A_LIST:
            return {}
        before = tracker.get_slot(names.SKILLS) or []
        labels = {**(tracker.get_slot(names.SKILL_LABELS) or {}), **{m.uri: m.label for m in skills}}
        uris = list(dict.fromkeys([*before, *(m.uri for m in skills)]))
        return {names.SKILLS: uris, names.SKILL_LABELS: labels, names.SKILLS_CONFIRMED: None}

    @staticmethod
    def _skills_beside(text: str, jobs: list[Match]) -> Slots:
        """Skills the job answer names besides the job ("welder for twelve years, mostly TIG and
        MIG"), as the skills answer would set them, so the form only asks to confirm them; {}
        when there are none.

        Why beside: a job title names skills too ("nurse" → nursing principles), and taking
        those would skip asking what the person can do."""
        skills = [m for m in skills_in(text) if all(_apart(m, job, text) for job in jobs)]
        return _skill_slots(skills) if skills else {}

    # ------------------------------------------------------------ skills and corrections

    @answers(names.SKILLS)
    async def validate_skills(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = answer_text(value, tracker)
        if latest_intent(tracker) == names.INTENT_SKIP:
            return self._no_skills(dispatcher)
        # "welding, but I want to learn robot programming": the wish is the goal, not a skill
        had, wish = self._wish_apart(text, None if latest_choice(tracker) else parsing.wish_start(text), dispatcher)
        matches = skills_in(had) if had else []
        if not matches and not wish and _NO_SKILLS.search(text):
            return self._no_skills(dispatcher)  # "no special skills, just basic welding" names welding
        if not matches:
            if not wish:
                dispatcher.utter_message(text=texts.SKILLS_UNKNOWN)
            return {**wish, names.SKILLS: None}
        return {**wish, **_skill_slots(matches)}

    @staticmethod
    def _no_skills(dispatcher: CollectingDispatcher) -> Slots:
        """No skills to name, or none the taxonomy knows: the goal alone can still find courses."""
        dispatcher.utter_message(text=texts.SKILLS_NONE)
        return {names.SKILLS: [], names.SKILL_LABELS: {}, names.SKILLS_CONFIRMED: True}

    @answers(names.SKILLS_CONFIRMED)
    async def validate_skills_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent, text = latest_intent(tracker), answer_text(value, tracker)
        wish_at = None if latest_choice(tracker) else parsing.wish_start(text)
        if wish_at is not None:
            return self._with_wish(text, wish_at, dispatcher, tracker)
        job = self._job_corrected(text, tracker)
        if job:
            dispatcher.utter_message(text=texts.JOB_CORRECTED.format(job=job[names.OCCUPATION_LABEL]))
            return {**job, names.SKILLS_CONFIRMED: None}
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
        if intent == names.INTENT_REMOVE_SKILL or choices.is_removal(text) or latest_choice(tracker):
            return self._remove(text, dispatcher, tracker)
        if intent == names.INTENT_DENY or parsing.yes_or_no(text) is False:
            dispatcher.utter_message(text=texts.SKILLS_WHICH)
            return {names.SKILLS_CONFIRMED: None}
        return self._add(skills_in(text, claimed=False), dispatcher, tracker)

    @staticmethod
    def _job_corrected(text: str, tracker: Tracker) -> Slots:
        """The job slots of "actually I'm a mechanic, not a welder" said while the skills are
        confirmed, when it names a job other than the one given; {} otherwise.

        Why: it was read as a skill to add (*carry out repair of vehicles*) and the job stayed
        welder, which only "start over" could change.
        """
        if not _JOB_SAID.match(text):
            return {}
        said = re.split(r"[,;]?\s*\bnot\b", text, maxsplit=1)[0]
        jobs = services.engine().recognise_occupations(said, top=1, claimed=True)
        if not jobs or jobs[0].uri == tracker.get_slot(names.OCCUPATION):
            return {}
        return {names.OCCUPATION: jobs[0].uri, names.OCCUPATION_LABEL: jobs[0].label, names.OCCUPATION_OPTIONS: None}

    def _remove(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """ "not welding" / a tapped "Not …" button / "not that one" (only one skill: that one).

        The skills are read from what follows the "not": recognition names nothing in a
        negated line ("not Excel"), which is what this one says. A skill named that is not in
        the list removes nothing ("not grinding" when only welding is listed), nor do words
        naming no skill ("not wound dressing"): only "not that one" means the only skill.
        """
        current: list[str] = list(tracker.get_slot(names.SKILLS) or [])
        choice = latest_choice(tracker)
        said = choices.removed_words(text)
        named = (
            [choice]
            if choice
            else [m.uri for m in services.engine().recognise_skills(said, top=TUNING.max_skills, claimed=False)]
        )
        pointed = bool(_POINTING.match(said))  # "not that one", a bare "remove"
        targets = [uri for uri in named if uri in current] or (current if pointed and len(current) == 1 else [])
        if not targets:
            dispatcher.utter_message(text=texts.SKILLS_NOT_LISTED if named or not pointed else texts.SKILLS_WHICH)
            return {names.SKILLS_CONFIRMED: None}
        remaining = [uri for uri in current if uri not in targets]
        logger.info("%d skill(s) removed by sender %s", len(targets), tracker.sender_id)
        if not remaining:
            return {names.SKILLS: None, names.SKILL_LABELS: None, names.SKILLS_CONFIRMED: None}
        return {names.SKILLS: remaining, names.SKILLS_CONFIRMED: None}

    def _add(self, named: list[Match], dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """ "also welding": the skills it ``named`` that are not yet in the list are added."""
        current: list[str] = list(tracker.get_slot(names.SKILLS) or [])
        labels = dict(tracker.get_slot(names.SKILL_LABELS) or {})
        new = [m for m in named if m.uri not in current]
        if not new:
            dispatcher.utter_message(text=texts.SKILLS_NOTHING_NEW)
            return {names.SKILLS_CONFIRMED: None}
        labels.update({m.uri: m.label for m in new})
        logger.info("%d skill(s) added by sender %s", len(new), tracker.sender_id)
        return {
            names.SKILLS: current + [m.uri for m in new],
            names.SKILL_LABELS: labels,
            names.SKILLS_CONFIRMED: None,
        }

    # ------------------------------------------------------------ goal and place

    @answers(names.GOAL)
    async def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        options = tracker.get_slot(names.GOAL_OPTIONS) or []
        intent, text = latest_intent(tracker), answer_text(value, tracker)
        chosen = _chosen(text, options)
        if chosen:
            return self._target(chosen["uri"], chosen["label"], [])
        if intent == names.INTENT_SKIP or (options and intent == names.INTENT_DENY):
            dispatcher.utter_message(text=texts.GOAL_NONE)
            return {names.GOAL: names.NOT_GIVEN, names.GOAL_OPTIONS: None}
        if intent == names.INTENT_NOT_SURE:
            # the job the person has is no goal to offer them (a welder was offered "welder")
            current = tracker.get_slot(names.OCCUPATION)
            in_demand = [
                (job, count)
                for job, count in services.engine().in_demand_occupations(TUNING.in_demand + 1)
                if job.uri != current
            ][: TUNING.in_demand]
            if not in_demand:
                dispatcher.utter_message(text=texts.GOAL_NONE)
                return {names.GOAL: names.NOT_GIVEN}
            return {
                names.GOAL: None,
                names.GOAL_OPTIONS: [{"uri": o.uri, "label": o.label} for o, _count in in_demand],
            }
        return self._goal_fromanswer_text(text, dispatcher)

    def _goal_fromanswer_text(self, text: str, dispatcher: CollectingDispatcher) -> Slots:
        """The goal a typed answer names, said back (a misreading shows before the results)."""
        goal = self._goal_slots(text)
        if goal is None:
            dispatcher.utter_message(text=texts.GOAL_UNKNOWN)
            return {names.GOAL: None}
        dispatcher.utter_message(text=texts.GOAL_TAKEN.format(goal=goal[1]))
        return goal[0]

    def _goal_slots(self, text: str) -> tuple[Slots, str] | None:
        """The goal ``text`` names (a job, or skills to learn) as slots, with how to say it back;
        ``None`` when it names neither."""
        engine = services.engine()
        jobs = engine.recognise_occupations(text, top=1)
        skills = skills_in(text, claimed=False)  # a wish
        if jobs:
            return self._target(jobs[0].uri, jobs[0].label, [m.uri for m in skills]), jobs[0].label
        return _skills_goal(skills)

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
            return {**wish, **self._remove(before, dispatcher, tracker)}
        named = skills_in(before, claimed=False)
        return {**wish, **self._add(named, dispatcher, tracker)} if named else wish

    def _wish_apart(self, text: str, at: int | None, dispatcher: CollectingDispatcher) -> tuple[str, Slots]:
        """What comes before a wish starting at ``at`` (the whole text without one), and the
        wish's goal slots ({} without one)."""
        if at is None:
            return text, {}
        return text[:at].strip(" ,;.-"), self._wish(text[at:], dispatcher)

    def _wish(self, text: str, dispatcher: CollectingDispatcher) -> Slots:
        """ "I'd like to move into robotics maintenance" in answer to "are these your skills?": the
        answer to the goal question (which the form then skips), not a skill the person has."""
        goal = self._goal_slots(text)
        if goal is None:
            dispatcher.utter_message(text=texts.GOAL_LATER)
            return {names.SKILLS_CONFIRMED: None}
        dispatcher.utter_message(text=texts.GOAL_NOTED.format(goal=goal[1]))
        return {**goal[0], names.SKILLS_CONFIRMED: None}

    @staticmethod
    def _target(uri: str, label: str, wanted: list[str]) -> Slots:
        return {
            names.GOAL: label,
            names.TARGET: uri,
            names.TARGET_LABEL: label,
            names.WANTED_SKILLS: wanted,
            names.GOAL_OPTIONS: None,
        }

    @answers(names.PLACE)
    async def validate_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = answer_text(value, tracker)
        no_place = {names.PLACE: names.NOT_GIVEN, names.LATITUDE: None, names.LONGITUDE: None}
        if text == names.NOT_GIVEN or latest_intent(tracker) == names.INTENT_SKIP:
            return {**no_place, names.PLACE_SUGGESTIONS: None}
        # "in person, max 40 km" answers ahead; "Graz, but I'd prefer online" names the town beside it
        ahead = noted_ahead(text, tracker, dispatcher, asked=names.PLACE) if latest_choice(tracker) is None else {}
        town = parsing.without_preferences(text) if ahead else text
        if not town and ahead.get(names.MODE) == names.MODE_ONLINE:  # "I'd only learn online"
            return {**no_place, names.PLACE_SUGGESTIONS: None, **ahead}
        if not town:
            dispatcher.utter_message(text=texts.PLACE_NEEDED)
            return {names.PLACE: None, names.PLACE_SUGGESTIONS: None, **ahead}
        place, suggestions = town_answer(town, tracker.get_slot(names.PLACE_SUGGESTIONS), dispatcher, texts.PLACE_NEEDED)
        if place is None:
            return {names.PLACE: None, names.PLACE_SUGGESTIONS: suggestions, **ahead}
        return {
            names.PLACE: place.name,
            names.LATITUDE: place.point.lat,
            names.LONGITUDE: place.point.lon,
            names.PLACE_SUGGESTIONS: None,
            **ahead,
        }
