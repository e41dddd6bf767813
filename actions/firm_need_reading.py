"""The skills and the role a firm's need names, as the need form's slots.

Recognition runs on the need's words with the count, the deadline and the firm's words for its
own people blanked (they read as quantities, plans and skills). A job title the taxonomy does not
list is kept as typed (``firm_role_typed``), so that the need is never lost.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, services, texts
from actions.firm_counts import without_count
from actions.firm_need_said import without_need_lead
from actions.firm_parsing import without_deadline, without_firm_words, without_money
from actions.firm_role_typed import RoleTyped, roles_typed
from actions.form_answers import Slots
from actions.skill_answers import skills_in
from skills_catalog.models import Match

_ROLES_READ = 8  # job titles read from a need, so that a second one is seen past the first's variants
_SECOND_ROLE_MIN = 0.6  # a second job title joined to the first this surely is told to need its own need
_SKILL_IN_ROLE_MIN = 0.6  # a skill read in the words of the role's title at least this surely is named by them
#: what joins two job titles named together ("welders and an electrician", "a cook, two waiters")
_JOINING = re.compile(
    r"\s*(,|&|\band\b|\bplus\b|\bas well as\b)\s*(\b(an?|one|two|three|four|five|\d+|some)\b)?(\s*[\w-]+){0,2}\s*"
)


#: words that name people or a place of work but no work: "workers for production" was read as
#: *metal products assembler* and *supervise staff* for a textiles firm (QA13b)
_NO_WORK_NAMED = frozenset({
    "worker", "workers", "people", "person", "staff", "employee", "employees", "hands", "labour", "labor",
    "labourers", "laborers", "operatives", "personnel", "help", "helpers", "production", "manufacturing",
    "factory", "plant", "line", "shop", "floor", "work", "general", "unskilled", "some", "more", "new",
    "extra", "for", "in", "on", "at", "the", "our", "a", "an", "and", "of",
})  # fmt: skip


def names_no_work(text: str) -> bool:
    """True when a need's words name people or a place of work and no work ("workers for
    production", "people for the factory"): which work is asked, not guessed far."""
    need = without_count(without_need_lead(text))
    words = [word.lower() for word in re.findall(r"[A-Za-z]+", need)]
    return bool(words) and set(words) <= _NO_WORK_NAMED


def need_read(text: str, dispatcher: CollectingDispatcher, as_typed: bool = True) -> Slots | None:
    """Skills and (at most) one role named in ``text``; None when it names neither. A second
    role named apart ("welders and an electrician") is said to need a need of its own, and the
    skills read in its words are left out. With ``as_typed``, a job title recognition does not
    know ("we need 2 bakers" on a taxonomy without bakers; "a baker and a pastry chef", where only
    the chef is known) is a role too, as typed, with no URI. Words that name no work
    (:func:`names_no_work`) name neither."""
    # "3 welders" named no welder, "… by March" nothing, "our staff" *manage staff*, "our company
    # needs" *evaluate company needs*, "budget max 3000 per head" *manage budgets*
    if names_no_work(without_deadline(text)):
        return None
    need = without_count(without_deadline(without_firm_words(without_money(without_need_lead(text)))))
    skills = skills_in(need, claimed=False)  # a need
    roles = services.engine().recognise_occupations(need, top=_ROLES_READ)
    typed = [t for t in roles_typed(text) if _apart(t, skills, roles)] if as_typed else []
    if not skills and not roles and not typed:
        return None
    named = _roles_named(roles, typed, need)
    role = named[0] if named else None
    # "sewing machine operators" read *tend stamping press* in "operators", "receptionists" *recruit
    # employees* (QA13c): a guess from the title's words is no skill the firm named
    skills = [m for m in skills if m.score >= _SKILL_IN_ROLE_MIN or not any(_within(m, r) for r in named)]
    if len(named) > 1:
        # the one named first is kept, as the count read is its ("2 cooks and a kitchen porter"
        # kept the porter, with the cooks' 2)
        dispatcher.utter_message(text=texts.ROLE_ONE_PER_NEED.format(kept=named[0].label, other=named[1].label))
        skills = [m for m in skills if not _overlap(m, named[1])]
    return {
        names.NEED_SKILLS: [m.uri for m in skills],
        names.NEED_SKILL_LABELS: {m.uri: m.label for m in skills},
        names.NEED_OCCUPATION: {"uri": getattr(role, "uri", ""), "label": role.label} if role else None,
    }


def _roles_named(roles: list[Match], typed: list[RoleTyped], need: str) -> list[Match | RoleTyped]:
    """The roles a need names, in the order named: the first recognised, a second joined to it
    ("welders and an electrician"), and those typed apart from them."""
    joined = [r for r in roles[1:] if r.score >= _SECOND_ROLE_MIN and _joined(roles[0], r, need)]
    named: list[Match | RoleTyped] = [*roles[:1], *joined[:1], *typed]
    return sorted(named, key=lambda role: role.start)


def _apart(typed: RoleTyped, skills: list[Match], roles: list[Match]) -> bool:
    """True when a title typed was read as nothing recognised: its words hold no skill or role read
    (a role read with no place in the words may be it)."""
    return not any(role.start < 0 or _overlap(role, typed) for role in roles) and not any(
        _overlap(skill, typed) for skill in skills
    )


def role_typed(tracker: Tracker) -> str | None:
    """The label of the need's role when it was kept as typed (no URI), else None."""
    role = tracker.get_slot(names.NEED_OCCUPATION)
    return role["label"] if role and not role.get("uri") else None


def role_line(role: dict[str, str]) -> str:
    """The need's role as the summary shows it; one kept as typed says so."""
    line = texts.ROLE_LINE.format(label=role["label"]).removeprefix("• ")
    return line if role.get("uri") else firm_texts.ROLE_TYPED_LINE.format(line=line)


def _joined(one: Match, other: Match, text: str) -> bool:
    """True when two job titles are named side by side, joined by "and", a comma or the like;
    not one title and another reading of words after it ("an electrician who can install
    solar panels" is no *solar energy technician* as well)."""
    first, second = sorted((one, other), key=lambda m: m.start)
    return first.end <= second.start and bool(_JOINING.fullmatch(text[first.end : second.start]))


def _within(skill: Match, role: Match | RoleTyped) -> bool:
    """True when a skill was read in the words of a role's title alone."""
    return 0 <= role.start <= skill.start and skill.end <= role.end


def _overlap(one: Match | RoleTyped, other: Match | RoleTyped) -> bool:
    """True when two readings are of the same words."""
    return 0 <= one.start < other.end and 0 <= other.start < one.end
