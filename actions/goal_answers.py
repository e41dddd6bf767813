"""What a goal names: a job to do, skills to learn, or a field or title too broad to be one.

Apart from the profile form because the goal question, a wish told with another answer ("a
welder, but I want to …"), a search's first message and a new goal after the results all read a
goal the same way. Full ESCO makes it delicate: "TIG welding" reads as the job *welder* as well
as the skill, "something in healthcare" as *healthcare inspector*, "an engineer" as *quarry
engineer*; a skill named is the goal, and a field or a broad title gets the jobs to pick from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rasa_sdk import Tracker

from actions import job_answers, names, parsing, services, skill_answers, texts, wishes
from actions.form_answers import Slots
from actions.languages_said import LANGUAGES
from skills_catalog.job_suggestions import jobs_sharing_skills
from skills_catalog.job_titles import title_index
from skills_catalog.models import Match, Occupation
from skills_catalog.work_areas import fields_named, jobs_in_fields

#: a goal said vaguely, whose job read is one guess of several: "something creative", "working
#: with animals", "a job where I can help people" (*creative director*, *animal therapist*)
_VAGUE = re.compile(
    r"\b(?:something|anything)\b|\ba job\b|\bwork(?:ing)?\s+(?:with|in|on|around|outdoors|outside)\b", re.I
)


@dataclass(frozen=True)
class Goal:
    """A goal read: its slots, how to say it back, and, when it offers goals to pick from
    instead (``names.GOAL_OPTIONS``), what to say before them."""

    slots: Slots
    said: str = ""
    offered: str = ""

    def words(self, template: str) -> str:
        """What to tell the person: ``template`` with the goal, or why goals are offered."""
        return self.offered or template.format(goal=self.said)


_COURSE = r"(?:course|courses|training|class|classes)"
#: what a course leads to: "need first aid certificate", "a forklift licence" (QA12: nothing kept,
#: or the licence read as a skill the person has)
_PAPER = r"(?:certificates?|certification|licen[cs]es?|qualifications?|diplomas?|tickets?|permits?)"
#: the subject of a course asked for, after its word ("a course on *solar panel installation*",
#: "training in *CNC programming*", up to the clause's end; a certificate's "for" is what it is
#: needed for: "for the restaurant job") or before it ("an online *welding* course", "a *PLC*
#: training", "*HACCP* certificate")
_SUBJECT_AFTER = re.compile(
    rf"\b(?:{_COURSE}\s+(?:on|in|about|for)|{_PAPER}\s+(?:on|in|about))\s+([^,.;!?]+)", re.I
)
_SUBJECT_BEFORE = re.compile(rf"((?:[\w+#/-]+\s+){{1,3}}?)(?:{_COURSE}|{_PAPER})\b", re.I)


#: how a course is taught, no part of its subject: "an online PLC course in English" had the goal
#: *English*, and "online" the skill *web strategy assessment* (QA13); "learn English", "a German
#: course", "a course in English for beginners" and "online marketing" name what to learn
_TAUGHT = re.compile(
    rf"(?P<how>\b(?:taught\s+)?in\s+(?:{'|'.join(LANGUAGES)})\b)"
    rf"(?!\s+(?:language|grammar|lessons?|levels?|{_COURSE}|for\s+(?:beginners|starters|adults|foreigners))\b)"
    rf"|(?P<mode>\b(?:online|remote|in[- ]person))(?=\s+(?:[\w+#/-]+\s+){{0,3}}?{_COURSE}\b)"
    rf"|\b{_COURSE}\s+(?P<after>online)\b",
    re.I,
)


def _untaught(text: str) -> str:
    """``text`` with how a course is taught blanked out, each character by a space, so that what
    is found in it lies where it was."""
    blanks = [
        span for said in _TAUGHT.finditer(text) for span in (said.span(g) for g in ("how", "mode", "after"))
    ]
    for start, end in blanks:
        if start >= 0:
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def course_span(text: str) -> tuple[int, int] | None:
    """Where the course (or certificate) asked for and its subject are said, for a goal read from
    them; ``None`` when the text asks for none."""
    text = _untaught(text)
    for pattern in (_SUBJECT_AFTER, _SUBJECT_BEFORE):
        for subject in pattern.finditer(text):
            if skill_answers.skills_in(subject.group(1), claimed=False):
                return subject.start(), subject.end()
    return None


def course_goal(text: str) -> Goal | None:
    """The skills of the subject of a course the text asks for, as the goal; ``None`` without."""
    text = _untaught(text)
    for pattern in (_SUBJECT_AFTER, _SUBJECT_BEFORE):
        for subject in pattern.finditer(text):
            goal = skills_goal(skill_answers.skills_in(subject.group(1), claimed=False))
            if goal is not None:
                return goal
    return None


def skills_goal(skills: list[Match]) -> Goal | None:
    """Skills to learn as the goal, said back by their first three labels; ``None`` without any."""
    if not skills:
        return None
    slots = {
        names.GOAL: names.GOAL_SKILLS,
        names.WANTED_SKILLS: [m.uri for m in skills],
        names.GOAL_OPTIONS: None,
    }
    return Goal(slots, ", ".join(m.label for m in skills[:3]))


def target(uri: str, label: str, wanted: list[str]) -> Slots:
    """The slots of a job as the goal, with the skills to learn beside it."""
    return {
        names.GOAL: label,
        names.TARGET: uri,
        names.TARGET_LABEL: label,
        names.WANTED_SKILLS: wanted,
        names.GOAL_OPTIONS: None,
    }


def goal_read(text: str, current: str | None = None) -> Goal | None:
    """The goal ``text`` names, or the goals to pick from when it names a field ("something with
    computers") or a broad title ("an engineer"); ``None`` when it names none. Preferences said
    beside it are no goal ("CNC programming, in Italian" names no *Italian*, "any price" no
    *price product*), nor is the
    ``current`` job unless its title is all it names ("robot welding" said by a welder is no goal
    of *welder*; "I want work as electrician here" by an electrician is), nor a job read
    only from the words of a skill named ("TIG welding" is no *welder*)."""
    # limits lifted too: "electric cars, max 50km, any price" had the goal *…, price product* (QA12)
    text = parsing.without_limits(text) or text
    vague = wishes.asks_what_is_needed(text)  # "what will I need for the new battery plant?"
    text = wishes.wished_part(_untaught(text))  # not "computers" of "where I don't need computers"
    if not text or _COMMAND.match(text):
        return None
    fields = fields_named(text)
    if fields:
        return _field_jobs(fields, current)
    read = services.engine().recognise_occupations(text, top=job_answers.TUNING.options)
    jobs = [job for job in read if job.uri != current]
    named = _named_jobs(jobs, text)
    if wishes.asks_for_jobs(text) and not named:  # "what jobs are in demand?": the not-sure path's
        return None
    skills = _without_guesses(_narrowest(skill_answers.skills_in(text, claimed=False), text))  # a wish
    if course_span(text) is not None and not (jobs and _titled(jobs[0], text)):
        # a course asked for, no job named: "I'd like to do a first aid course" had the goal
        # *first aid instructor*; "a German language course" is one as recognition reads it
        return skills_goal(skills) or course_goal(text)
    if len(named) > 1:  # "a CNC programmer or maybe quality inspector": both, to pick from
        return Goal({names.GOAL: None, names.GOAL_OPTIONS: _options(named)}, offered=texts.GOAL_VAGUE)
    if jobs and not _read_from_skill(jobs[0], skills, text):
        if title_index(services.engine().taxonomy).broad(jobs[0], text):
            return _broad_jobs(jobs, current)
        if (vague or _VAGUE.search(text)) and not _titled(jobs[0], text):  # "something with machines"
            return Goal({names.GOAL: None, names.GOAL_OPTIONS: _options(jobs)}, offered=texts.GOAL_VAGUE)
        return Goal(target(jobs[0].uri, jobs[0].label, [m.uri for m in skills]), _said_with(jobs[0], skills))
    return skills_goal(skills) or course_goal(text) or _own_job(read, text)


#: a command to the results said alone, no goal: "closer" had the goal *title closer* (QA13)
_COMMAND = re.compile(
    r"^\W*(?:(?:something|anything|show\s+(?:me\s+)?)\s*)?(?:closer|nearer|cheaper|more|next|farther|further)"
    r"(?:\s+(?:ones|options|results|please))*\W*$",
    re.I,
)
#: how sure a skill read beside a sure one must be to count: weaker ones are guesses from a word
#: of the same subject ("logistics office" had *office equipment* beside *logistics*, "smart
#: buildings and KNX" *design smart grids* beside *building automation*, QA13)
_BESIDE_SURE = 0.7


def _without_guesses(skills: list[Match]) -> list[Match]:
    """The skills but the guesses beside a sure one (``_BESIDE_SURE``)."""
    if not any(m.score >= skill_answers.TUNING.sure_score for m in skills):
        return skills
    return [m for m in skills if m.score >= _BESIDE_SURE]


def _named_jobs(jobs: list[Match], text: str) -> list[Match]:
    """The jobs ``text`` names by their titles, the likeliest one per title written."""
    named: list[Match] = []
    for job in jobs:
        if _titled(job, text) and all(_apart(job, other) for other in named):
            named.append(job)
    return named


def _apart(match: Match, other: Match) -> bool:
    """True when the words of two matches do not overlap."""
    return match.start >= 0 and other.start >= 0 and (match.end <= other.start or other.end <= match.start)


def _said_with(job: Match, skills: list[Match]) -> str:
    """A job as the goal said back with the skills named beside its title: "NDT and wind
    turbine blade repair" had been said back as the one job (QA13)."""
    beside = [m.label for m in skills if _apart(m, job)]
    return f"{job.label} ({', '.join(beside[:3])})" if beside else job.label


#: words beside the own job's title that wish for nothing else: "I want (to) work as … here again"
_OWN_JOB_WORDING = """i want wanna to work working as an a the here again in this country still keep stay be become
    my same job like before continue"""
_OWN_JOB_WORDS = frozenset(_OWN_JOB_WORDING.split())


def _own_job(read: list[Match], text: str) -> Goal | None:
    """The current job as the goal when its title is all the goal names: "I want work as
    electrician here", said by an electrician, had got "I couldn't match that to a job" (QA12);
    "become a senior data analyst" asks for more than the data analyst's job."""
    own = next((job for job in read if _titled(job, text)), None)
    if own is None:
        return None
    rest = set(re.findall(r"[a-z']+", (text[: own.start] + " " + text[own.end :]).lower())) - _OWN_JOB_WORDS
    return None if rest else Goal(target(own.uri, own.label, []), own.label)


def _narrowest(skills: list[Match], text: str) -> list[Match]:
    """The skills but those read from part of another's words: "TIG welding" is *perform
    tungsten inert gas welding*, not also *operate welding equipment*, which courses on any
    welding teach and which ranked MAG courses first."""
    return [m for m in skills if all(k is m or skill_answers.apart(m, k, text) for k in skills)]


def _read_from_skill(job: Match, skills: list[Match], text: str) -> bool:
    """True when ``job`` was read from the words of a skill named surely, or of one subject of
    several, and no title of it was typed: "TIG welding", "learn about heat pumps" name what to
    learn, not *welder*; "drones and precision agriculture" both, not *drone pilot* (QA13)."""
    if _titled(job, text):
        return False
    return any(
        (m.score >= skill_answers.TUNING.sure_score and 0 <= m.start <= job.start and job.end <= m.end)
        or _apart(m, job)
        for m in skills
    )


def _titled(job: Match, text: str) -> bool:
    """True when ``text`` names ``job`` by a title: one of its own, or one its words were read
    from ("nurse"), not only by what is done ("welding") or a word of it ("creative")."""
    index = title_index(services.engine().taxonomy)
    return index.written(job.uri, text) or index.is_title(job.span)


def _field_jobs(fields: tuple[str, ...], current: str | None) -> Goal:
    """The jobs the courses of a field prepare for, to pick from; none: the goal is asked again."""
    engine = services.engine()
    jobs = jobs_in_fields(
        engine.catalog, engine.taxonomy, fields, job_answers.TUNING.in_demand, besides=current
    )
    if not jobs:
        return Goal({names.GOAL: None, names.GOAL_OPTIONS: None}, offered=texts.GOAL_FIELD_NONE)
    return Goal({names.GOAL: None, names.GOAL_OPTIONS: _options(jobs)}, offered=texts.GOAL_FIELD)


def _broad_jobs(jobs: list[Match], current: str | None) -> Goal:
    """The jobs titled as the broad title typed ("an engineer") the catalogue prepares for, to
    pick from (else all): those its courses name first, then those whose skills they teach,
    each its commonest kinds first (``TitleIndex.commonest``). Why the catalogue's: a goal is
    what to train for, and *quarry engineer*, the job read, has no course here; why the
    commonest: "driver" offered *emergency ambulance driver* and *armoured car driver* first."""
    engine = services.engine()
    everyone = len(engine.taxonomy.occupations)
    named = {uri for offer in engine.catalog.offers.values() for uri in offer.occupations}
    taught = {job.uri for job, _ in engine.in_demand_occupations(everyone)}
    common = [job for job in job_answers.commonest(jobs[0].span, everyone) if job.uri != current]
    prepared = sorted(
        (job for job in common if job.uri in named | taught), key=lambda job: job.uri not in named
    )
    offered: Sequence[Match | Occupation] = prepared or common or jobs
    return Goal(
        {names.GOAL: None, names.GOAL_OPTIONS: _options(offered[: job_answers.TUNING.options])},
        offered=texts.TITLE_BROAD.format(title=jobs[0].span),
    )


def _options(jobs: Sequence[Match | Occupation]) -> list[dict[str, str]]:
    """Jobs as the options of the goal question."""
    return [{"uri": job.uri, "label": job.label} for job in jobs]


def suggested_goals(tracker: Tracker, n: int) -> tuple[list[Occupation], str]:
    """At most ``n`` jobs to suggest to someone unsure of their goal, and what to say before
    them: the jobs the catalogue prepares for that are closest to the person's job and skills
    by the essential skills they share (``job_suggestions.jobs_sharing_skills``); with nothing to
    build on, or nothing near it, the jobs in demand. Never the person's own job. Why: "not
    sure" got the same five jobs in demand, whoever said it (QA13)."""
    engine = services.engine()
    current = tracker.get_slot(names.OCCUPATION)
    held = [*(tracker.get_slot(names.SKILLS) or ()), *engine.essential_skills(current or "")]
    job = engine.taxonomy.occupations.get(current or "")
    if held:
        prepared = [occ.uri for occ, _ in engine.in_demand_occupations(len(engine.taxonomy.occupations))]
        needed_by = engine.index.specificity.needed_by  # counted once per taxonomy
        near = jobs_sharing_skills(engine.taxonomy, held, prepared, n, besides=[current or ""], needed_by=needed_by)
        if near:
            return near, texts.GOAL_NEAR_JOB.format(job=job.label) if job else texts.GOAL_NEAR_SKILLS
    in_demand = [occ for occ, _ in engine.in_demand_occupations(n + 1) if occ.uri != current][:n]
    return in_demand, texts.GOAL_IN_DEMAND


def something_to_build_on(tracker: Tracker) -> bool:
    """True when a goal may be left open: a job or skills are known for courses to build on.
    Why: "Keep it open" with neither had promised courses on skills never given, and the
    search then said "I need a few answers from you first" for ever (QA12)."""
    job = tracker.get_slot(names.OCCUPATION) not in (None, names.NOT_GIVEN)
    return job or bool(tracker.get_slot(names.SKILLS))
