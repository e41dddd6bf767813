"""Which job an answer names: a title written out, one of the jobs offered, a sure reading.

Apart from the profile form because the first message, the job question and its buttons all
pick jobs the same way, and full ESCO makes it delicate: its alternative labels tie "welder"
with *laser beam welder*, and a weak guess ("steelworker" → *structural ironworker*) must be
asked, not taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from actions import choices, names, parsing, services, wishes
from actions.form_answers import Slots
from skills_catalog.job_titles import title_index
from skills_catalog.models import Match, Occupation


@dataclass(frozen=True)
class FormTuning:
    """How sure job recognition must be before the form stops asking (skills: ``skill_answers``).

    Attributes:
        ambiguity_margin: two jobs whose scores differ by less are both offered as buttons (the
            recogniser already drops matches below its own minimum score).
        options: how many jobs to offer when unsure.
        in_demand: how many in-demand jobs to offer to someone "not sure" of their goal.
    """

    ambiguity_margin: float = 0.1
    options: int = 4
    in_demand: int = 5


TUNING = FormTuning()
#: where the job said ends: "… from Graz", "… in Stuttgart and …", "…, my knees are done"
_JOB_END = r"(?=\s+(?:from|in|at|near|for|and|looking|who|with|but|since|living)\b|\s*[,.!?;]|\s*$)"
#: a job told in a first message: "I'm a welder from Graz", "I work as a forklift driver in Kapfenberg",
#: "I work in IT support and …" (QA12: lost, with the goal after it); or the work done, read
#: with its verb: "I drive city buses in Stuttgart" (QA13: lost)
_JOB_TOLD = re.compile(
    r"\b(?:i'?m|i am|i work as|i worked as|working as|i was|i (?:currently |now )?work in)\s+(?:an?\s+)?"
    r"(?P<job>[\w -]{3,40}?)" + _JOB_END
    + r"|\bi\s+(?:(?:currently|now|mostly|usually)\s+)?(?P<work>(?:drive|operate|repair|fix|install|maintain|weld"
    r"|clean|teach|deliver|build)\s+[\w -]{3,40}?)" + _JOB_END,
    re.I,
)
#: or a title alone at the start, up to three words, a greeting before it: "Hi, roofer from
#: Kapfenberg, …" (QA13: the "Hi" had hidden it), "roofer from Kapfenberg, my knees are done" (QA12)
_TITLE_FIRST = re.compile(
    r"^\W*(?:(?:hi|hello|hey|hallo|servus|good (?:morning|afternoon|evening))\b\W*)?(?:an?\s+)?(?!i\b)"
    r"(?=(?:[\w-]+\s+){0,2}[\w-]+(?:\s+(?:from|in)\b|\s*,))(?P<job>[\w -]{3,40}?)" + _JOB_END,
    re.I,
)
#: said to "None of these" at the jobs offered: the job is asked in other words, not given up
UNCLEAR_PICKS = 2  # answers to the jobs offered that pick none before the form goes on without a job
_SURE_JOB = 0.75  # a job read in passing is kept only this sure; otherwise the question asks
SURE_TYPED = 0.65  # a job typed at its question, not in its title's words, is taken only this sure


def written_in(label: str, text: str) -> bool:
    """True when every word of ``label`` (of three letters or more) is in ``text``, as such or
    inflected ("welders" holds *welder*): the person said it in the label's words."""
    lowered = text.lower()
    return all(word in lowered for word in re.findall(r"[a-z]{3,}", label.lower()))


#: what parts a list: "mechanical design, CAD, project management, hydraulics"
_LIST_PARTS = re.compile(r"[,;/]|\band\b", re.I)


def skills_listed(matches: list[Match], text: str) -> bool:
    """True for a list of three things or more that writes no job's title: skills, its jobs read
    from their words. Why: "mechanical design, CAD, project management, hydraulics" typed at the
    job question was taken as *vehicle technician*, read from "mechanical" (QA12)."""
    index = title_index(services.engine().taxonomy)
    return len(_LIST_PARTS.findall(text)) >= 2 and not any(index.written(m.uri, text) for m in matches)


def job_options(matches: list[Match], text: str, broad: str = "") -> list[dict[str, Any]]:
    """The jobs to offer: those read, or the commonest a ``broad`` title is for (:func:`commonest`);
    ``typed`` marks one whose title the person wrote, which a "yes" picks, and ``broad`` holds
    the title many jobs share they were offered for (:func:`told_better`)."""
    jobs: Sequence[Match | Occupation] = (commonest(broad, TUNING.options) if broad else []) or matches
    return [
        {
            "uri": job.uri,
            "label": job.label,
            "typed": written_in(job.label, text),
            **({"broad": broad} if broad else {}),
        }
        for job in jobs[: TUNING.options]
    ]


def commonest(title: str, n: int) -> list[Occupation]:
    """The jobs a broad title is for, its commonest kinds first (``TitleIndex.commonest``). Why
    not those read: "driver" offered *hearse driver* first, the one it is a label of (QA12)."""
    taxonomy = services.engine().taxonomy
    return [taxonomy.occupations[uri] for uri in title_index(taxonomy).commonest(title, n)]


def told_better(matches: list[Match], options: list[dict[str, Any]], text: str) -> bool:
    """True when an answer ``text`` naming jobs (``matches``) follows those offered for a broad
    title and tells the job better: the best job's title holds the broad one ("machine
    operator", then "I mostly ran CNC milling machines": *milling machine operator*), or the
    answer writes one of its titles ("driver", then "bus driver"); it is read as the job answer.
    Why: it was taken for a list of skills, and the same four rare machine operators offered
    again. And not any job named: "warehouse", then "forklift, picking orders, some excel" was
    taken as *forklift operator*, read from one skill of the list, and the others lost."""
    broad = next((str(option["broad"]) for option in options if option.get("broad")), "")
    if not matches or not broad:
        return False
    best = matches[0]
    return written_in(broad, best.label) or title_index(services.engine().taxonomy).written(best.uri, text)


def yes_to_offered(text: str, intent: str, options: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The job a bare "yes" to the jobs offered picks: the one whose title the person had written,
    else the first, the closest reading. Why: "yes" after "bus driver" → [bus driver | trolley bus
    driver | …] got "Tap the job closest to yours"; after "electrisian" → [electrician | …] "I'll go
    on without a job title" (QA12)."""
    if not options or (
        intent != names.INTENT_AFFIRM and not (parsing.only_yes_or_no(text) and parsing.yes_or_no(text))
    ):
        return None
    return next((option for option in options if option.get("typed")), options[0])


def job_told(text: str) -> Slots:
    """The slots of the first job a first message tells surely; {} when none. Why every "I'm
    …": "hello, I'm Ahmed, …, I was a tailor" read only "Ahmed", and the tailor was asked for
    again. A broad title ("I'm a machine operator from Graz"), or work told by its verb and not
    read surely ("I drive city buses": *bus driver* at 0.7), leaves the jobs it may be for the
    job question to offer: it had been dropped, and asked for as if never said. The words that
    say the job ("I work in IT support") are read before a title at the start, which would
    otherwise take them ("hi I work" before "in Graz") and hide them."""
    told = [*_JOB_TOLD.finditer(text), *_TITLE_FIRST.finditer(text)]
    for job in told:
        work = job.groupdict().get("work")
        said = work or job.group("job")
        matches = services.engine().recognise_occupations(said, top=TUNING.options, claimed=True)
        sure = sure_job(matches, said, _SURE_JOB)
        if sure is not None:
            return {names.OCCUPATION: sure.uri, names.OCCUPATION_LABEL: sure.label}
        broad = broad_title(matches, said)
        if broad or (work and matches and matches[0].score >= SURE_TYPED):
            return {names.OCCUPATION_OPTIONS: job_options(matches, said, broad=broad)}
    return {}


def sure_job(matches: list[Match], text: str, floor: float) -> Match | None:
    """The job to take without asking, or None (the jobs are offered as buttons).

    A job whose title the person wrote, among those near the best, is it: the longest such
    title, holding the others ("industrial electrician" over *electrician*). Otherwise one clear best job scoring
    at least ``floor``: the only one, or ahead of the second by the ambiguity margin, and not
    read from a title many jobs share (:func:`broad_title`). Why: on full ESCO "welder" and
    "electrician" tie with jobs holding them as alternative labels (*laser beam welder*), so the
    exact title was offered among look-alikes, "steelworker" was taken as *structural
    ironworker* at 0.6, ahead of weaker guesses, and "machine operator" as *underground heavy
    equipment operator*.
    """
    if not matches:
        return None
    near = [m for m in matches if matches[0].score - m.score < TUNING.ambiguity_margin]
    written = [m for m in near if written_in(m.label, text)]
    if written:
        at = written_one([m.label for m in written], text)
        return None if at is None else written[at]
    if broad_title(matches, text):
        return None
    clear = len(matches) == 1 or matches[0].score - matches[1].score >= TUNING.ambiguity_margin
    return matches[0] if clear and matches[0].score >= floor else None


#: a word, or two, right before a title read, with no punctuation between: its modifiers ("car")
_MODIFIERS = (re.compile(r"[\w'-]+\s+$"), re.compile(r"[\w'-]+\s+[\w'-]+\s+$"))


def broad_title(matches: list[Match], text: str) -> str:
    """The title typed in ``text`` the best of ``matches`` was read from when many jobs share it
    ("production worker": one alternative label of *metal products assembler*, held by 50
    others' titles), so the jobs are offered rather than the one taken; "" otherwise, and when
    the words just before it make it one of that job's own titles. Why: "car mechanic", a title
    of *vehicle technician*, was read from "mechanic" and offered four other mechanics (QA13)."""
    if not matches:
        return ""
    best, index = matches[0], title_index(services.engine().taxonomy)
    if not index.broad(best, text):
        return ""
    for modifiers in _MODIFIERS:  # "car", then "used car"
        before = modifiers.search(text[: max(best.start, 0)])
        wider = text[before.start() : best.end] if before else ""
        if wider and best.uri in index.claimants(wider) and not index.broad(replace(best, span=wider), text):
            return ""
    return best.span


def written_one(labels: list[str], text: str) -> int | None:
    """Which of ``labels`` the text writes out: the longest written, when it holds the others
    ("industrial electrician" over *electrician*); None for none, or for two jobs written
    ("solar panel installer, mechatronics technician")."""
    written = [i for i, label in enumerate(labels) if written_in(label, text)]
    if not written:
        return None
    longest = max(written, key=lambda i: len(labels[i]))
    return longest if all(written_in(labels[i], labels[longest]) for i in written) else None


def chosen(text: str, options: list[dict[str, str]]) -> dict[str, str] | None:
    """The option (``uri``, ``label``) a tapped button, its title typed or a typed pick ("the
    second one") chose. Why: "kitchen assistant" typed at [kitchen porter | kitchen assistant |
    …] was read again, and got another list."""
    labels = [o["label"] for o in options]
    wish = wishes.wish_start(text)  # "learn about solar panel installer work" is a goal
    at = written_one(labels, text if wish is None else text[:wish])
    at = choices.picked(text, labels) if at is None else at
    return next((o for o in options if o["uri"] == text), options[at] if at is not None else None)


#: a job corrected later in the form: "my job was actually care assistant not nurse assistant",
#: "change my job to welder", "actually I'm a welder, not a plumber"
_JOB_CORRECTED = re.compile(
    r"\b(?:(?P<named>my\s+(?:job|occupation|profession)\s+(?:is|was)|change\s+(?:my|the)\s+job\s+to)"
    r"|actually\s+i'?m|i'?m\s+actually|i\s+am\s+actually)\s+(?:actually\s+)?(?:an?\s+)?"
    r"(?!(?:in|at|from|near|based|living|moving|now|not|looking|available|free|able|interested|sorry|fine|ok|okay)\b)"
    r"(?P<job>[\w -]{3,40}?)(?=\s*[,.!?;]|\s+(?:not|and|but|instead|rather)\b|\s*$)",
    re.I,
)
#: a wish to change the job without a new one: "change my job", "my job is wrong"
_CHANGE_JOB = re.compile(
    r"\b(?:change|correct|fix|edit)\s+(?:my|the)\s+(?:job|occupation)\b|\bmy\s+(?:job|occupation)\s+is\s+wrong\b", re.I
)
#: the job forgotten, to be asked again
_NO_JOB: Slots = {names.OCCUPATION: None, names.OCCUPATION_LABEL: None, names.OCCUPATION_OPTIONS: None}


def job_corrected(text: str) -> Slots | None:
    """The job slots a correction later in the form names ("my job was actually care assistant,
    not nurse assistant"): the job when sure, else none and the jobs it may be, to pick from;
    none, to be asked again, for "change my job"; ``None`` when the text corrects no job. Why:
    such corrections got "Sorry, I didn't understand that answer" (QA12)."""
    told = _JOB_CORRECTED.search(text)
    said = told.group("job") if told else ""
    matches = services.engine().recognise_occupations(said, top=TUNING.options, claimed=True) if said else []
    sure = sure_job(matches, said, SURE_TYPED)
    if sure is not None:
        return {**_NO_JOB, names.OCCUPATION: sure.uri, names.OCCUPATION_LABEL: sure.label}
    if matches:
        return {**_NO_JOB, names.OCCUPATION_OPTIONS: job_options(matches, said)}
    return _NO_JOB if (told and told.group("named")) or _CHANGE_JOB.search(text) else None
