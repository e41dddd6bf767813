"""What result cards and the answers about them say, in words a worker reads at a glance.

Apart from ``actions/texts.py`` (the conversation's texts) because these reword what the
catalogue and the engine give about one course: its skills, its reasons, its limits. Why: cards
said "covers 3 of the 41 skills you are missing", "EQF level 3", "Pact for Skills: Retail" and
taught only the skills matched (QA12).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from skills_catalog.explain import join_words, with_article

#: skills a card names before "and N more"
TEACHES_SHOWN = 6
#: ... and a reason
REASON_SHOWN = 4
FOR_YOU = "for you: {skills}"
#: ... on a firm's card: the skills its need names (a firm read "for you")
FOR_YOUR_NEED = "for your need: {skills}"
ALSO = "also {skills}"
MORE = "and {count} more"

#: the coverage reason, by what the person asked for (their own skills, or their goal's)
ASKED_FOR = "teaches what you asked for: {skills}"
GOAL_NEEDS = "teaches skills {goal} needs: {skills}"  # "an automotive electrician": explain.with_article
YOUR_GOAL_NEEDS = "teaches skills your goal needs: {skills}"
NEED_NAMES = "teaches skills your need names: {skills}"

#: the engine's first reason when nothing is missing and no goal job was given
#: (``skills_catalog.explain.fallback_reason``), said of what the search built on instead: a goal
#: left open had read "you already have the skills you named" though none were named (QA13)
NOTHING_MISSING = "you already have the skills you named — this offer goes further"
HAVE_WHAT_ASKED = "you have the skills you asked for already — this course goes further"
OPEN_GOAL_JOB = "you left your goal open — this course builds on your job as {job}"
OPEN_GOAL_SKILLS = "you left your goal open — this course builds on the skills you named"

#: the levels of the European Qualifications Framework in a worker's words
EQF_WORDS = {
    1: "basic",
    2: "basic",
    3: "vocational",
    4: "vocational, skilled worker",
    5: "technician",
    6: "bachelor",
    7: "master",
    8: "doctorate",
}
PACT = "part of the EU Pact for Skills ({name})"
PACT_MEMBER = "the partner has joined the EU Pact for Skills"
TRANSITION = {"green": "green jobs", "digital": "digital work"}
TRANSITIONS = "helps with the move to {what}"

ONLINE_WHERE = "Online (partner in {town})"

#: a card named by a number on an earlier page of the same search
EARLIER_PAGE = "Number {number} was on an earlier page:"
#: a number no card of this search bears
NOT_SHOWN = "There's no number {number} here: the courses shown are {shown}. Which course do you mean?"
#: the heading of a page of results after the first
MORE_COURSES = "More courses ({first}–{last}):"
MORE_COURSE = "One more course ({first}):"
#: cards kept after a search that found nothing
CARDS_STAY = (
    "The courses shown before ({numbers}) are still there: you can open them or say you're interested."
)

#: what happens after "I'm interested", by whether the interest was passed on
AFTER_INTEREST_TOLD = (
    "I've told {partner} that someone is interested in {title} — without your name or contact "
    "details, so they can't call or write to you. To go ahead, contact them yourself: {contact}"
)
AFTER_INTEREST_NOT_TOLD = (
    "As you chose not to have your interest passed on, nobody was told about it and nobody will call "
    "you. To go ahead with {title}, contact {partner} yourself: {contact}"
)
AFTER_INTEREST_NONE = (
    'Nothing happens until you tap "I\'m interested" on a course. Even then nobody calls you: '
    "I pass on no name or number, so you contact the training partner yourself."
)

#: a consent given after a refusal, said back; then what became of the course looked at before it.
#: The consent was to passing on interests said from then on: an earlier one is passed on only on
#: a yes for that course (docs/privacy.md)
CONSENT_NOW_GIVEN = (
    "Okay, you've changed your mind: from now on, when you say you're interested in a course, I'll "
    'pass that on to its training partner. Say "don\'t pass it on" to take it back, or "forget me" '
    "to delete everything."
)
EARLIER_NOT_PASSED = (
    "Nothing was passed on before: {partner} doesn't know of your interest in “{title}”, the course "
    'you looked at last. Tap "{button}" if you\'d like them to know.'
)
EARLIER_PASSED = "{partner} already has your interest in “{title}” from before."
PASS_IT_ON = "Pass it on"

#: a course whose limit keeps out one that teaches far more of the request: what to say instead
BEYOND_ONE = "One course that teaches far more of what you asked for {what}: say {say} to see it."
BEYOND_SOME = "{count} courses that teach far more of what you asked for {what}: say {say} to see them."
#: ... and one for the request that nothing within the limits teaches
FITS_ONE = "One course that teaches what you asked for {what}: say {say} to see it."
FITS_SOME = "{count} courses that teach what you asked for {what}: say {say} to see them."
#: ... and for the closest courses, which teach no part of it (QA13: "No course teaches weld
#: underwater … One course that teaches what you asked for costs under €1300")
CLOSEST_ONE = "One of the closest courses {what}: say {say} to see it."
CLOSEST_SOME = "{count} of the closest courses {what}: say {say} to see them."
#: the engine's hint that no single limit is enough (``explain.several_limits_hint``), in words
SEVERAL_LIMITS = "Relaxing one limit alone is not enough — without any limits, {courses} would teach these skills."
SEVERAL_LIMITS_CLOSEST = "Relaxing one limit alone is not enough — without any limits, {count} of the closest would fit."
NOTHING_FITS = "I found nothing that fits all your limits. {hints}"
#: no open course teaches it, whatever the limits: no hint to add (it had repeated the reason)
NOTHING_TAUGHT = (
    "I found no course in the catalogue for these skills yet. Tap \"Change my goal\" to aim for "
    "something else, or say what you'd like to learn instead."
)
#: no course teaches what was asked for by name: the closest are shown, said to be such
CLOSEST_HEADING = "No course in the catalogue teaches {what} yet. These are the closest:"
NOTHING_CLOSE_FITS = "No course in the catalogue teaches {what} yet, and none of the closest fits all your limits. {hints}"
#: ... when courses teach the rest of what was asked for: they are no "closest" (QA13)
REST_HEADING = "No course in the catalogue teaches {what} yet. Here is what fits the rest of your request best:"
NOTHING_REST_FITS = (
    "No course in the catalogue teaches {what} yet, and none teaching the rest fits all your limits. {hints}"
)
CHANGE_GOAL = "Change my goal"
#: a question about the cards when the search showed none ("which one is the cheapest?")
NONE_SHOWN = "No courses are shown for this search, so there is none to pick from."


def teaches(labels: Sequence[str], for_you: Sequence[str], firm: bool = False) -> str:
    """What a course teaches: the skills the person asked for first ("for you: …", a ``firm``'s
    "for your need: …"), then the others, at most :data:`TEACHES_SHOWN` in all, "and N more" for
    the rest."""
    mine = list(dict.fromkeys(for_you))
    others = [label for label in dict.fromkeys(labels) if label not in mine]
    room = max(TEACHES_SHOWN - len(mine), 0)
    shown = others[:room]
    said = [(FOR_YOUR_NEED if firm else FOR_YOU).format(skills=", ".join(mine))] if mine else []
    if shown:
        said.append(ALSO.format(skills=", ".join(shown)) if mine else ", ".join(shown))
    rest = len(others) - len(shown)
    return "; ".join(said) + (" " + MORE.format(count=rest) if rest else "")


_CLOSEST = re.compile(r"^no course in the catalogue teaches (.+) yet — this one is the closest$")


def closest_of(reason: str) -> str:
    """What the engine's closest reason (``skills_catalog.explain.closest_reason``) says no course
    teaches ("the skills you lack for specialist nurse"); empty for any other reason."""
    found = _CLOSEST.match(reason)
    return found.group(1) if found else ""


def eqf_words(level: int) -> str:
    """ "EQF level 3 (vocational)": the level and what it means."""
    meaning = EQF_WORDS.get(level)
    return f"EQF level {level}" + (f" ({meaning})" if meaning else "")


def pact_words(partnership: str) -> str:
    """ "part of the EU Pact for Skills (retail)": a partnership as a worker reads it."""
    name = re.sub(r"^pact for skills\W*(?:in|for)?\s*", "", partnership.strip(), flags=re.I)
    return PACT.format(name=name or partnership)


_COVERAGE = re.compile(
    r"^covers (?:all \d+ skills|the skill|\d+ of the \d+ skills) you (?:are missing|need): "
)
_EQF = re.compile(r"^EQF level (\d)$")
_PACT = re.compile(r"^Pact for Skills\b.*", re.I)
_TRANSITION = re.compile(r"^((?:green|digital)(?: and (?:green|digital))?) transition$")


def built_on(asked: bool, job: str) -> str:
    """What a search with nothing missing built on, as the card's first reason: the skills
    ``asked`` for (all held already), else the goal left open and the person's ``job``, else
    their skills."""
    if asked:
        return HAVE_WHAT_ASKED
    return OPEN_GOAL_JOB.format(job=job) if job else OPEN_GOAL_SKILLS


def plain_reason(reason: str, covered: str, nothing_missing: str = "") -> str:
    """One of the engine's reasons in a worker's words: the coverage count becomes ``covered``
    (what the course teaches of the request), the reason that nothing is missing
    ``nothing_missing`` (:func:`built_on`), EQF levels say what they mean, the Pact for Skills
    and the twin transition say what they are; others as they are. Why: "covers 1 of the 58
    skills you are missing" discouraged more than it told (QA12)."""
    if _COVERAGE.match(reason):
        return covered or reason
    if reason == NOTHING_MISSING:
        return nothing_missing or reason
    if found := _EQF.match(reason):
        return eqf_words(int(found.group(1)))
    if reason.lower() == "partner has signed the pact for skills":
        return PACT_MEMBER
    if _PACT.match(reason):
        return pact_words(reason)
    if found := _TRANSITION.match(reason):
        return TRANSITIONS.format(
            what=join_words([TRANSITION[t] for t in found.group(1).split(" and ")], "and")
        )
    return reason


def coverage_words(asked: Sequence[str], goal_skills: Sequence[str], goal: str, need: bool = False) -> str:
    """What a course teaches of the request: the skills asked for by name, then the goal's
    ("teaches skills a warehouse manager needs: …"); empty when it teaches none of them."""
    said = [ASKED_FOR.format(skills=_listed(asked))] if asked else []
    if goal_skills:
        template = NEED_NAMES if need else GOAL_NEEDS if goal else YOUR_GOAL_NEEDS
        said.append(template.format(goal=with_article(goal) if goal else "", skills=_listed(goal_skills)))
    return "; ".join(said)


def _listed(labels: Sequence[str]) -> str:
    """ "a, b, c" — at most :data:`REASON_SHOWN` labels, "and N more" for the rest."""
    more = len(labels) - REASON_SHOWN
    return ", ".join(labels[:REASON_SHOWN]) + (" " + MORE.format(count=more) if more > 0 else "")


def card_numbers(first: int, last: int) -> str:
    """ "11–15", or "11" for one card."""
    return f"{first}" if first == last else f"{first}–{last}"


#: the engine's relax hints (skills_catalog/explain.py), read back: what the courses beyond a
#: limit are, and what to say to see them
_DISTANCE_HINT = re.compile(r"— (\d+) within (\d+(?:\.\d+)?) km$")
_COST_HINT = re.compile(r"— (\d+) cost under €(\d+(?:\.\d+)?)$")
_START_HINT = re.compile(r"— (\d+) start earlier, from (.+)$")
_SEVERAL_HINT = re.compile(r"^relaxing one limit alone is not enough — (\d+) ")
_OTHERS_HINT = re.compile(r"^no offer (?:in )?.+? — (.+)$")
_COUNTED = re.compile(r"(\d+) (?:in (?!person\b))?(.+)")  # "2 in English" → English; "2 in person" stays


def _others(listed: str, exclusive: bool) -> tuple[int | str, str]:
    """ "4 online, 1 blended" → (5, "online (4) or blended (1)"); one kind alone without its
    count. Not ``exclusive`` (languages: a course may be taught in two) the total is "Some"."""
    counted = [
        (int(m.group(1)), m.group(2)) for part in listed.split(", ") if (m := _COUNTED.fullmatch(part))
    ]
    if len(counted) == 1:
        return counted[0]
    words = join_words([f"{what} ({n})" for n, what in counted], "or")
    return (sum(n for n, _ in counted) if exclusive else "Some"), words


def hint_words(hint: str, retitle: dict[str, str], limit: str | None, better: bool, closest: bool = False) -> str:
    """A relax hint of the engine as a plain sentence about the courses it counts: "One course
    that teaches far more of what you asked for costs under €800: say "up to €800" to see it."
    (``better``: courses kept out although they teach more; else courses for the request at
    all, or the ``closest`` courses to a request none teaches). ``limit`` is the slot the hint
    is about and ``retitle`` the relax buttons' titles by slot. A hint of no known shape is said
    as it is. Why: "among them no free offers — 1 cost under €800" and "1 start earlier" read as
    riddles (QA12), "9 teach these skills" missed its noun (QA13)."""
    if found := _SEVERAL_HINT.match(hint):
        n = int(found.group(1))
        many = f"{n} course" if n == 1 else f"{n} courses"
        return (SEVERAL_LIMITS_CLOSEST if closest else SEVERAL_LIMITS).format(count=n, courses=many)
    if found := _DISTANCE_HINT.search(hint):
        count: int | str
        count, km = int(found.group(1)), f"{float(found.group(2)):g}"
        what, say = f"is within {km} km", f'"up to {km} km"'
    elif found := _COST_HINT.search(hint):
        count, eur = int(found.group(1)), f"{float(found.group(2)):g}"
        what, say = f"costs under €{eur}", f'"up to €{eur}"'
    elif (found := _START_HINT.search(hint)) and limit in retitle:
        count, what = int(found.group(1)), f"starts earlier, from {found.group(2)}"
        say = f'"{retitle[str(limit)]}"'
    elif (found := _OTHERS_HINT.match(hint)) and limit in retitle:
        mode = bool(_MODE_HINT.match(hint))
        count, kinds = _others(found.group(1), exclusive=mode)
        what = ("is " if mode else "is taught in ") + kinds
        say = f'"{retitle[str(limit)]}"'
    else:
        return hint[0].upper() + hint[1:] + "."
    if count == 1:
        return (CLOSEST_ONE if closest else BEYOND_ONE if better else FITS_ONE).format(what=what, say=say)
    some = CLOSEST_SOME if closest else BEYOND_SOME if better else FITS_SOME
    return some.format(count=count, what=_plural(what), say=say)


_MODE_HINT = re.compile(r"no offer (?:in person|online|blended)\b")
_PLURAL = {"is": "are", "costs": "cost", "starts": "start"}


def _plural(what: str) -> str:
    """ "is within 80 km" → "are within 80 km", "costs" → "cost", "starts" → "start"."""
    return re.sub(r"^(?:is|costs|starts)\b", lambda m: _PLURAL[m.group(0)], what)
#: "cheaper?" when only free courses are shown already
FREE_ALREADY = (
    "These are free courses only already — nothing is cheaper. \"Any price\" shows the others too, "
    "and many of them are funded."
)
#: "cheaper?" when a search found nothing: no narrower search, a higher price may help
NONE_CHEAPER = "No course fits even {price}, so a cheaper one won't either. A higher price may find some."
NONE_CHEAPER_ANY_PRICE = "No course fits your limits even at any price, so a cheaper one won't either."
#: "only online" when every course shown is online already (as ``FREE_ALREADY``)
ONLINE_ALREADY = (
    "These are online courses only already — nothing changes. \"In person too\" shows the others as well."
)
ONLINE_SHOWN_ALREADY = "The courses shown are all online already. From here on I'll show only online ones."
