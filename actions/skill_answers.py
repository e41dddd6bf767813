"""The skills a person names in the profile form, and their corrections.

Reading a skills answer ("TIG and MIG welding, some Excel"), saying there are none to name,
and correcting the list while it is confirmed: "not Excel", "also forklift", "actually I'm a
mechanic, not a welder". Plain functions of the answer and the tracker, which
``ValidateProfileForm`` calls; each returns the slots to set.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import choices, job_answers, names, services, texts
from actions.common import latest_choice, latest_text
from actions.form_answers import Slots
from skills_catalog.job_titles import title_index
from skills_catalog.models import Match
from skills_catalog.text import fold

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SkillTuning:
    """How many skills one answer gives, and when two on the same words are both meant.

    Attributes:
        max_skills: skills kept from one answer.
        sure_score: a skill this sure whose words reach beyond another's is a mention of its own.
        in_a_list: skills typed where a job was to be picked: this many are a list, no job.
        removal_margin: a listed skill read from a removal's words is removed when it scores this
            close to the best reading of those words (recognition places readings on single
            words, so the best of all readings, not of the same words).
    """

    max_skills: int = 10
    sure_score: float = 0.9
    in_a_list: int = 2
    removal_margin: float = 0.15


TUNING = SkillTuning()
_COORDINATED = re.compile(r"\b(and|or)\b|[,/&+]", re.I)
#: an answer to "which skills do you have?" that names none and says so ("none", "I don't know")
_NO_SKILLS = re.compile(
    r"^\W*(?:none|nothing|no|nope|not really|no idea|skip|pass|n/?a|i don'?t know|not sure|dunno)\W*$"
    r"|\b(?:no (?:real |special |particular )?skills|(?:don'?t|do not) (?:have|know) (?:any|many) skills"
    r"|haven'?t (?:got )?any skills)\b",
    re.I,
)
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


def skills_in(text: str, claimed: bool = True) -> list[Match]:
    """The skills ``text`` names, the best match per mention (alternatives for the same words
    are dropped); ``claimed`` as in ``Recognizer.skills``."""
    matches = services.engine().recognise_skills(text, top=TUNING.max_skills, claimed=claimed)
    kept: list[Match] = []
    for match in matches:
        if all(match.uri != k.uri and apart(match, k, text) for k in kept):
            kept.append(match)
    return kept[: TUNING.max_skills]


def apart(match: Match, other: Match, text: str) -> bool:
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


#: up to two words right before a job's words, with no punctuation between: its modifiers ("car")
_MODIFIERS = re.compile(r"(?:[\w'-]+\s+){1,2}$")


#: where a job is done, said right after or inside its words: "machine operator in a paper mill"
_WORKPLACE = re.compile(
    r"\b(?:in|at)\s+(?:an?|the|my|our)\s+[\w' -]+?(?=\s*[,.;:!?]|\s+(?:and|but|for|since|with|so)\b|\s*$)", re.I
)


def _of_title(match: Match, job: Match, text: str) -> bool:
    """True when ``match`` lies within ``job``'s words, the modifiers just before them and the
    workplace just after them. Why the workplace: "machine operator in a paper mill" gave the
    skill *mill operations*, a place worked at, not something the person can do (QA13)."""
    if match.start < 0 or job.start < 0:
        return False
    before = _MODIFIERS.search(text[: job.start])
    place = _WORKPLACE.search(text, job.start)
    end = max(job.end, place.end()) if place is not None and place.start() <= job.end + 1 else job.end
    return (before.start() if before else job.start) <= match.start and match.end <= end


def skill_slots(matches: list[Match]) -> Slots:
    """The slots of recognised skills, to be confirmed."""
    return {
        names.SKILLS: [m.uri for m in matches],
        names.SKILL_LABELS: {m.uri: m.label for m in matches},
        names.SKILLS_CONFIRMED: None,
    }


def _with_added(matches: list[Match], tracker: Tracker) -> Slots:
    """The skill slots with ``matches`` after those listed already (each once), to be confirmed."""
    listed = tracker.get_slot(names.SKILLS) or []
    return {
        names.SKILLS: list(dict.fromkeys([*listed, *(m.uri for m in matches)])),
        names.SKILL_LABELS: {**(tracker.get_slot(names.SKILL_LABELS) or {}), **{m.uri: m.label for m in matches}},
        names.SKILLS_CONFIRMED: None,
    }


def spelt(match: Match, text: str) -> bool:
    """True when every word of ``text`` is a word of ``match``'s label: the skill is named, not
    merely read from similar letters ("Bruck" → *lay bricks*)."""
    typed = re.findall(r"[^\W\d_]+", fold(text))
    return bool(typed) and set(typed) <= set(re.findall(r"[^\W\d_]+", fold(match.label)))


def says_no_skills(text: str) -> bool:
    """True when a skills answer says there are none to name ("none", "I don't know")."""
    return bool(_NO_SKILLS.search(text))


def no_skills(dispatcher: CollectingDispatcher) -> Slots:
    """No skills to name, or none the taxonomy knows: the goal alone can still find courses."""
    dispatcher.utter_message(text=texts.SKILLS_NONE)
    return {names.SKILLS: [], names.SKILL_LABELS: {}, names.SKILLS_CONFIRMED: True}


def skills_instead(text: str, jobs: list[Match], options: list[dict[str, str]], tracker: Tracker) -> Slots:
    """The skills of an answer that lists skills where a pick among the jobs ``options`` was
    asked for ("forklift, picking orders, some excel"), after those the job answer named
    already ("I work in a warehouse": *warehouse operations*), as the skills answer would set
    them; {} when it names fewer than two skills, or names an offered job or a job by its title
    ("software developer", a new answer: it had been taken for skills, and the job given up).

    Why: one of the skills also names a job ("forklift" → *forklift operator*), which was taken
    for the job though it was not offered, and the skills beside it were lost.
    """
    titled = bool(jobs) and title_index(services.engine().taxonomy).written(jobs[0].uri, text)
    if jobs and (jobs[0].uri in {o["uri"] for o in options} or titled):
        return {}
    skills = skills_in(text)
    return _with_added(skills, tracker) if len(skills) >= TUNING.in_a_list else {}


def skills_beside(text: str, jobs: list[Match]) -> Slots:
    """Skills the job answer names besides the job ("welder for twelve years, mostly TIG and
    MIG"), as the skills answer would set them, so the form only asks to confirm them; {} when
    there are none.

    Why beside: a job title names skills too ("nurse" → nursing principles), and taking those
    would skip asking what the person can do. Nor is a skill read over the job's words and the
    words just before them ("car mechanic" named *carry out repair of vehicles* over all of it,
    wider than the job's "mechanic", and the skills question was skipped). Only the best job and
    those whose title is written count: weaker guesses are read from the skills' words ("bread and
    pastry" as *pastry maker*, "drywall and some tiling" as *tiling supervisor*), and the skills
    beside a baker or a plasterer were dropped (QA12)."""
    index = title_index(services.engine().taxonomy)
    jobs = [job for job in jobs if job is jobs[0] or index.written(job.uri, text)]
    own = _NOT_OWN.sub(lambda said: " " * len(said.group()), text)  # same length: the jobs' offsets hold
    skills = [m for m in skills_in(own) if all(apart(m, job, text) and not _of_title(m, job, text) for job in jobs)]
    return skill_slots(skills) if skills else {}


#: what tells no skill of the person's: another's doing ("the company is switching to electric
#: buses": *maintain electrical equipment*), or a wish, also said in few words ("want work hotel
#: better": *hotel operations*), each to its clause's end (QA13)
_NOT_OWN = re.compile(
    r"\b(?:(?:the|my|our|his|her)\s+(?:company|employer|boss|firm|manager|garage|plant|factory|workplace)"
    r"|they|he|she)\s+(?:is|are|was|were|has|have|had|will|wants?|needs?|says?|said|bought|got|made|\w+s|\w+ed)\b"
    r"(?:(?!\b(?:and|but|so)\s+i\b)[^.;!?,])*"
    r"|\b(?:i\s+)?(?:want|wanna|would like|'d like|wish|hope)\b[^.;!?,]*",
    re.I,
)


def skills_told(text: str) -> Slots:
    """Skills a first message tells beside its job ("I'm a welder, 12 years MIG/MAG"), as the
    skills answer would set them; {} when it tells none. Why: they were dropped, and asked for
    again (QA12)."""
    jobs = services.engine().recognise_occupations(text, top=job_answers.TUNING.options, claimed=True)
    return skills_beside(text, jobs)


#: said when the job typed at the skills confirmation is the one given: no skill is read in it
def job_named(text: str) -> Match | None:
    """The job of "actually I'm a mechanic, not a welder", or of a job title typed alone
    ("warehouse worker", "forklift driver"), said while the skills are confirmed; None when
    the text tells no job.

    Why: a title was read as skills to add (*carry out repair of vehicles*; *warehouse
    operations* and *manage staff*, QA12), also when it was the job already given; and a title
    that is only another name of a job ("forklift driver" of *forklift operator*) was no title.
    """
    index = title_index(services.engine().taxonomy)
    alone = None if _JOB_SAID.match(text) else text.strip(" .!")
    if alone is None:
        said = re.split(r"[,;]?\s*\bnot\b", text, maxsplit=1)[0]
    elif alone and (index.is_title(alone) or index.claimants(alone)):
        said = alone
    else:
        return None
    jobs = services.engine().recognise_occupations(said, top=1, claimed=True)
    if not jobs:
        return None
    if alone and not (
        index.written(jobs[0].uri, alone) and (index.is_title(alone) or jobs[0].uri in index.claimants(alone))
    ):
        return None  # a title alone is that job's, not a job its words merely suggest
    return jobs[0]


def job_slots(job: Match) -> Slots:
    """The slots of ``job`` told anew: its options offered before no longer apply."""
    return {names.OCCUPATION: job.uri, names.OCCUPATION_LABEL: job.label, names.OCCUPATION_OPTIONS: None}


def _listed_among(matches: list[Match], current: list[str]) -> list[str]:
    """The listed skills among the readings of a removal's words, each nearly as good as the best
    reading. Why: "not pick orders" took out *prepare orders*, a weaker reading (0.8) of words
    that name *pick orders for dispatching* (1.0), which was not listed; "not the technical
    drawings" still takes out *read engineering drawings* (0.87 beside *technical drawings*, 1.0)."""
    best = max((m.score for m in matches), default=0.0)
    return [m.uri for m in matches if m.uri in current and m.score >= best - TUNING.removal_margin]


def _names_another(matches: list[Match]) -> bool:
    """True when a removal's words name a skill past doubt (not listed, or it would be taken):
    no listed skill is then sought by shared words ("pick orders" is no *prepare orders*)."""
    return any(m.score >= TUNING.sure_score for m in matches)


def corrected(parts: list[str], dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """A correction of the skills listed in several parts (``choices.correction_parts``: "not drill
    press, not abrasive blasting. also explosives"): each removal, then each addition, against
    the list as it was; a removal naming no skill listed says so and removes nothing.

    Why: "not pick orders. also taking orders from customers and handling cash" was read as one
    removal of all after "not": it took out skills not named, and added nothing.
    """
    removals = [part for part in parts if choices.is_removal(part)]
    text = " ".join(parts)
    current: list[str] = list(tracker.get_slot(names.SKILLS) or [])
    labels: dict[str, str] = dict(tracker.get_slot(names.SKILL_LABELS) or {})
    gone = [uri for part in removals for uri in _removed_by(part, current, labels, dispatcher)]
    named = [m for part in parts if part not in removals for m in skills_in(_added_words(part), claimed=False)]
    new = [m for m in named if m.uri not in current and m.uri not in gone and not _taken_out_before(m, text, tracker)]
    if not gone and not new:
        dispatcher.utter_message(text=texts.SKILLS_NOTHING_NEW)
        return {names.SKILLS_CONFIRMED: None}
    remaining = [uri for uri in current if uri not in gone] + list(dict.fromkeys(m.uri for m in new))
    logger.info("%d skill(s) removed, %d added by sender %s", len(gone), len(new), tracker.sender_id)
    return {
        names.SKILLS: remaining or None,
        names.SKILL_LABELS: {**labels, **{m.uri: m.label for m in new}} if remaining else None,
        names.SKILLS_CONFIRMED: None,
    }


def _added_words(part: str) -> str:
    """What an addition names: the words after its "also", "add" or "plus"."""
    return re.sub(r"^\W*(?:and\s+)?(?:also|add|plus)\b\W*", "", part, flags=re.I) or part


def _taken_out_before(match: Match, text: str, tracker: Tracker) -> bool:
    """True for a skill removed from the list before (its label is still known) that ``text``
    does not name in its label's words. Why: "also explosives and rock drilling" re-added
    *operate drill press*, which the person had just removed ("rock drilling" reads as it)."""
    listed = tracker.get_slot(names.SKILLS) or []
    known = tracker.get_slot(names.SKILL_LABELS) or {}
    if match.uri in listed or match.uri not in known:
        return False
    words = re.findall(r"[a-z]{3,}", match.label.lower())
    return not all(word in text.lower() for word in words)


def _removed_by(part: str, current: list[str], labels: dict[str, str], dispatcher: CollectingDispatcher) -> list[str]:
    """The listed skills one removal of several names; says so when it names none listed."""
    said = choices.removed_words(part)
    matches = services.engine().recognise_skills(said, top=TUNING.max_skills, claimed=False)
    listed = {uri: label for uri, label in labels.items() if uri in current}
    targets = _listed_among(matches, current) or (
        [] if _names_another(matches) else choices.listed_by_words(said, listed)
    )
    if not targets:
        dispatcher.utter_message(text=texts.SKILL_NOT_LISTED_KEPT.format(said=said[:60]))
    return targets


def removed(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """ "not welding" / a tapped "Not …" button / "not that one" (only one skill: that one).

    The skills are read from what follows the "not": recognition names nothing in a negated
    line ("not Excel"), which is what this one says. A skill named that is not in the list
    removes nothing ("not grinding" when only welding is listed), nor do words naming no skill
    ("not wound dressing"): only "not that one" means the only skill.
    """
    current: list[str] = list(tracker.get_slot(names.SKILLS) or [])
    choice = latest_choice(tracker)
    said = choices.removed_words(text)
    pointed = bool(_POINTING.match(said))  # "not that one", a bare "remove"
    labels = {uri: label for uri, label in (tracker.get_slot(names.SKILL_LABELS) or {}).items() if uri in current}
    matches = [] if choice else services.engine().recognise_skills(said, top=TUNING.max_skills, claimed=False)
    named = [choice] if choice else [m.uri for m in matches]
    targets = (
        ([choice] if choice in current else [])
        or _listed_among(matches, current)
        or (current if pointed and len(current) == 1 else [])
        or ([] if choice or _names_another(matches) else choices.listed_by_words(said, labels))
    )
    if not targets:
        dispatcher.utter_message(text=texts.SKILLS_NOT_LISTED if named or not pointed else texts.SKILLS_WHICH)
        return {names.SKILLS_CONFIRMED: None}
    remaining = [uri for uri in current if uri not in targets]
    logger.info("%d skill(s) removed by sender %s", len(targets), tracker.sender_id)
    if not remaining:
        return {names.SKILLS: None, names.SKILL_LABELS: None, names.SKILLS_CONFIRMED: None}
    return {names.SKILLS: remaining, names.SKILLS_CONFIRMED: None}


def added(named: list[Match], dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """ "also welding": the skills it ``named`` that are not yet in the list are added."""
    current = tracker.get_slot(names.SKILLS) or []
    text = latest_text(tracker)
    new = [m for m in named if m.uri not in current and not _taken_out_before(m, text, tracker)]
    if not new:
        dispatcher.utter_message(text=texts.SKILLS_NOTHING_NEW)
        return {names.SKILLS_CONFIRMED: None}
    logger.info("%d skill(s) added by sender %s", len(new), tracker.sender_id)
    return _with_added(new, tracker)
