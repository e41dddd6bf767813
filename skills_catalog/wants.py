"""What one request wants covered: the items offers are matched on, how much each counts, which
of them are its core and which the person asked for by name.

Why apart from the ranking pass (``matching.OfferIndex``): on full ESCO a goal lacks 20-35
skills, most of which dozens of jobs share ("use measurement instruments"). Which of them an
offer must teach to be listed at all, and how much each counts, is a question about the
taxonomy; the ranking pass only does vector arithmetic with the answer.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .models import Occupation, Profile, Skill, SkillRef, Taxonomy
from .postings import Item
from .text import STOPWORDS, stem, stems, tokens

if TYPE_CHECKING:
    from .matching import MatchWeights

#: ESCO reuse levels of skills that many unrelated courses teach ("troubleshoot").
GENERIC_REUSE = frozenset({"transversal"})


@dataclass(frozen=True)
class Wants:
    """A request's items with two flags each, and whether they are what the person lacks.

    ``core``: an offer must teach at least one core item to be listed (``ranking.relevant``).
    ``asked``: named by the person as a skill to learn; beside a goal, these make a part of
    coverage of their own (``ranking.coverage``). ``related``: the items are not the gap but
    what lies near it (the goal's or the job's field), so offers "teach related skills" rather
    than "cover n of the skills you are missing". ``kinds``: per item, the URIs of the kinds of
    a general skill asked for (:class:`Kinds`), which count as teaching it.
    """

    items: tuple[Item, ...]
    core: tuple[bool, ...]
    asked: tuple[bool, ...]
    related: bool = False
    kinds: tuple[tuple[str, ...], ...] = ()
    cap: float | None = None  # coverage out of at most this (None: ``MatchWeights.coverage_cap``)

    @classmethod
    def of(
        cls,
        items: Sequence[Item],
        core: Sequence[bool],
        asked: Sequence[bool] = (),
        related: bool = False,
        kinds: Sequence[tuple[str, ...]] = (),
    ) -> Wants:
        """Wants whose core is ``core`` — or every item, when none is core: a request made only of
        skills many jobs share has no more specific part to insist on."""
        every = (True,) * len(items)
        return cls(
            tuple(items),
            tuple(core) if any(core) else every,
            tuple(asked) or (False,) * len(items),
            related,
            tuple(kinds) or ((),) * len(items),
        )

    def kinds_of(self, at: int) -> tuple[str, ...]:
        """The kinds that count as teaching item ``at`` (none for most items)."""
        return self.kinds[at] if at < len(self.kinds) else ()


def jobs_needing(occupations: Iterable[Occupation]) -> Counter[str]:
    """Skill URI -> how many of ``occupations`` need it (list it as essential)."""
    return Counter(uri for occ in occupations for uri in occ.essential_skills)


class Specificity:
    """How specific a skill is to the jobs that need it; built once per taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._needed_by = jobs_needing(taxonomy.occupations.values())
        self._listed_by = self._needed_by + Counter(
            uri for occ in taxonomy.occupations.values() for uri in occ.optional_skills
        )
        self._jobs = max(len(taxonomy.occupations), 10)

    def __call__(self, uri: str, counts: Counter[str] | None = None) -> float:
        """log(jobs / jobs needing the skill), 1 for a skill ten jobs need; a skill no job lists
        counts as one that a single job needs."""
        if self._jobs <= 10:
            return 1.0
        jobs = (self._needed_by if counts is None else counts).get(uri, 1)
        return math.log(self._jobs / max(jobs, 1)) / math.log(self._jobs / 10)

    def needed_by(self, uri: str) -> int:
        """How many of the taxonomy's jobs need the skill ``uri`` (counted once per taxonomy)."""
        return self._needed_by.get(uri, 0)

    def is_core(self, uri: str, weights: MatchWeights) -> bool:
        """A skill specific enough to be what a goal or a role is about: not transversal, and
        needed by few jobs (``MatchWeights.core_specificity``)."""
        skill = self.taxonomy.skills.get(uri)
        return (
            skill is not None
            and skill.reuse_level not in GENERIC_REUSE
            and self(uri) >= weights.core_specificity
        )

    def may_be_kind(self, kind: str, general: str) -> bool:
        """Whether skill ``kind`` is listed by no more jobs than ``general`` (or ``general`` by
        none): a kind is a specialisation. ESCO puts *handle customer complaints* (92 jobs)
        under *accept criticism and guidance*, and *apply health and safety standards* under
        *manage health and safety standards*: courses teaching those were no answer to them."""
        jobs = self._listed_by.get(general, 0)
        return not jobs or self._listed_by.get(kind, 0) <= jobs

    def marks_field(self, uri: str, weights: MatchWeights) -> bool:
        """A skill specific enough to stand for a field when found among a job's optional skills:
        as :meth:`is_core`, counting every job that lists it, essential or optional.

        Why: optional skills are listed far more widely than essential ones. A pastry chef's
        closest had been an e-commerce course, for *assist customers*: 34 jobs need it, which
        passes, but 53 list it, most of them in shops.
        """
        skill = self.taxonomy.skills.get(uri)
        return (
            skill is not None
            and skill.reuse_level not in GENERIC_REUSE
            and self(uri, self._listed_by) >= weights.core_specificity
        )

    def is_generic(self, item: Item) -> bool:
        """ESCO's transversal skills ("troubleshoot"): worth less towards relevance."""
        skill = None if item.occupation else self.taxonomy.skills.get(item.ref.uri)
        return skill is not None and skill.reuse_level in GENERIC_REUSE


class Kinds:
    """The kinds of a general skill: what a course may teach instead and still teach it.

    Why: "I want to learn welding" is *operate welding equipment*, which only the MAG course
    names; the TIG course teaches *perform tungsten inert gas welding*. A kind is a skill ESCO
    puts under it (its narrower skills, at any depth) whose label shares a word with it (ESCO
    puts *conduct energy audit* under *think critically*), or one of its skill group whose label
    names its head with a qualifier of its own ("tungsten inert gas welding", "spot welding").
    The head is the rarest content word of its label (*welding*, not *equipment*); skills that
    merely use it ("use welding equipment", "perform welding inspection") are not kinds. Only
    a competence named after an activity (its head first, unqualified, an "-ing" word) has
    kinds by its label: "gather data" is no broader skill of "analyse big data", nor "ICT
    security legislation" of "environmental legislation". Built once per taxonomy, on first use.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    @cached_property
    def _narrower(self) -> dict[str, list[str]]:
        """URI of a skill or skill group -> the skills directly under it."""
        under: dict[str, list[str]] = {}
        for skill in self.taxonomy.skills.values():
            for broader in skill.broader:
                under.setdefault(broader, []).append(skill.uri)
        return under

    @cached_property
    def _labels_with(self) -> dict[str, list[str]]:
        """Stem -> the skills whose label has it: rare stems say what a label is about."""
        named: dict[str, list[str]] = {}
        for skill in self.taxonomy.skills.values():
            for word in dict.fromkeys(stems(skill.label)):
                named.setdefault(word, []).append(skill.uri)
        return named

    def of(self, uri: str, held: Collection[str] = ()) -> tuple[str, ...]:
        """The kinds of skill ``uri`` not in ``held``, narrower ones first."""
        skill = self.taxonomy.skills.get(uri)
        if skill is None:
            return ()
        words = set(_content(skill))
        found = dict.fromkeys(k for k in self._below(uri) if words & set(_content(self.taxonomy.skills[k])))
        head = self.head(skill)
        for group in skill.broader if self._names_an_activity(skill, head) else ():
            for other in self._narrower.get(group, ()):
                if other not in found and self._qualifies(other, head, skill):
                    found[other] = None
        return tuple(k for k in found if k != uri and k not in held and k in self.taxonomy.skills)

    def head(self, skill: Skill) -> str:
        """The stem a label is about: its rarest content word (a competence's verb left out)."""
        words = _content(skill)
        return min(words, key=lambda w: (len(self._labels_with.get(w, ())), words.index(w))) if words else ""

    def _below(self, uri: str) -> list[str]:
        """Every skill under ``uri`` in ESCO's hierarchy, nearest first."""
        found: dict[str, None] = {}
        todo = list(self._narrower.get(uri, ()))
        while todo:
            nxt = todo.pop(0)
            if nxt not in found and nxt in self.taxonomy.skills:
                found[nxt] = None
                todo += self._narrower.get(nxt, ())
        return list(found)

    @staticmethod
    def _names_an_activity(skill: Skill, head: str) -> bool:
        """Whether a competence's head is an activity, first and unqualified: "operate *welding*
        equipment", "apply *soldering* techniques" (not "gather *data*")."""
        words = _content_words(skill)
        return _is_competence(skill) and bool(words) and words[0].endswith("ing") and stem(words[0]) == head

    def _qualifies(self, uri: str, head: str, general: Skill) -> bool:
        """Whether skill ``uri``, a competence, names the activity ``head`` with a qualifier
        ``general`` lacks: "perform metal active *gas welding*", "apply *spot welding*
        techniques"."""
        other = self.taxonomy.skills.get(uri)
        if other is None or uri == general.uri or not _is_competence(other):
            return False
        words, plain = _content_words(other), set(stems(general.label))
        return any(
            w.endswith("ing") and stem(w) == head and i > 0 and stem(words[i - 1]) not in plain
            for i, w in enumerate(words)
        )

    def about(self, uri: str, kinds: Sequence[str]) -> tuple[str, ...]:
        """The skills about skill ``uri``: itself, its ``kinds``, and those named with its head.
        A course teaching two of them is a course on it ("TIG welding", "perform welding
        inspection"); one with a single one has it among other things."""
        skill = self.taxonomy.skills.get(uri)
        named = self._labels_with.get(self.head(skill), []) if skill else []
        return tuple(dict.fromkeys((uri, *kinds, *named)))


def _is_competence(skill: Skill) -> bool:
    """ESCO skills (not knowledge) have labels that start with a verb."""
    return skill.skill_type.startswith("skill")


def _content_words(skill: Skill) -> list[str]:
    """Words of a label, as written, without stopwords and a competence's leading verb."""
    words = [w for w in tokens(skill.label) if w not in STOPWORDS]
    return words[1:] if _is_competence(skill) else words


def _content(skill: Skill) -> list[str]:
    """Stems of a label without a competence's leading verb: what the skill acts on."""
    return [stem(w) for w in _content_words(skill)]


def ref(value: str, taxonomy: Taxonomy) -> SkillRef:
    """A taxonomy skill as URI + label; anything else as a label without URI."""
    skill = taxonomy.skills.get(value)
    return SkillRef(skill.uri, skill.label) if skill else SkillRef("", value)


def held_skills(profile: Profile, taxonomy: Taxonomy) -> frozenset[str]:
    """Skills counted as held: what the person said, plus the essential skills of their job.

    Why the job's skills: a person who confirmed they work as (say) a welder has, to first
    order, a welder's essential skills; offering them the basics again would waste the top-5.
    Only the *current* occupation is used this way — never the target.
    """
    current = taxonomy.occupations.get(profile.occupation or "")
    return profile.skills | frozenset(current.essential_skills if current else ())


def skill_gap(profile: Profile, taxonomy: Taxonomy) -> tuple[SkillRef, ...]:
    """What the person lacks: wanted skills, then the target's essential skills, minus held.

    Wanted skills the person named themselves are removed only when they also said they have
    them (not because their job implies them): asking to learn something is explicit. Wanted
    entries that are not taxonomy URIs are kept as text (``SkillRef("", text)``) and matched
    against the labels offers could not map to ESCO.
    """
    said, implied = profile.skills, held_skills(profile, taxonomy)
    target = taxonomy.occupations.get(profile.target or "")
    gap: dict[str, SkillRef] = {}
    for value in profile.wanted_skills:
        if value not in said:
            gap.setdefault(value, ref(value, taxonomy))
    for uri in target.essential_skills if target else ():
        if uri not in implied and uri in taxonomy.skills:
            gap.setdefault(uri, ref(uri, taxonomy))
    return tuple(gap.values())


def gap_wants(
    gap: Sequence[SkillRef],
    profile: Profile,
    specificity: Specificity,
    goal_named: bool,
    weights: MatchWeights,
    kinds: Kinds | None = None,
) -> Wants:
    """The gap's skills, each worth as much as it is specific (a skill asked for by name
    ``wanted_skill_share``), and the goal itself when ``goal_named`` by offers, worth
    ``goal_share`` of the goal's skills together.

    Why: drywall and farming courses had covered as many of a solar energy technician's skills
    as the photovoltaic course did, and came first. The core is what was asked for, the goal
    itself and its specific skills: courses sharing only "use measurement instruments" and
    construction safety with it are no answer to the goal. A skill asked for is also taught
    by its ``kinds`` the person does not hold and fewer jobs need (:class:`Kinds`): welding by
    the TIG course. Held here is what the person said they have, not their job's essential
    skills: a welder asking to learn welding had lost TIG, which ESCO's welder lists (QA12).
    """
    wanted = set(profile.wanted_skills)
    asked = [(r.uri or r.label) in wanted for r in gap]
    items = [
        Item(r, share=weights.wanted_skill_share if a else specificity(r.uri))
        for r, a in zip(gap, asked, strict=True)
    ]
    core = [a or specificity.is_core(r.uri, weights) for r, a in zip(gap, asked, strict=True)]
    target = specificity.taxonomy.occupations.get(profile.target or "")
    if target is not None and goal_named and items:
        goal_skills = sum(item.share for item, a in zip(items, asked, strict=True) if not a)
        share = min(max(weights.goal_share * goal_skills, 1.0), weights.coverage_cap / 2)
        items.append(Item(SkillRef(target.uri, target.label), occupation=True, share=share))
        core.append(True)
        asked.append(False)
    found = [
        kinds_teaching(i.ref.uri, kinds, specificity, profile.skills) if kinds and a else ()
        for i, a in zip(items, asked, strict=True)
    ]
    return Wants.of(items, core, asked, kinds=found)


def kinds_teaching(
    uri: str, kinds: Kinds, specificity: Specificity, held: Collection[str] = ()
) -> tuple[str, ...]:
    """The kinds of skill ``uri`` that count as teaching it: not in ``held``, and listed by no
    more jobs than it (``Specificity.may_be_kind``). A person's skill asked for, a firm's skill
    named in a need and the partners teaching it all go by these."""
    return tuple(k for k in kinds.of(uri, held) if specificity.may_be_kind(k, uri))


def occupation_wants(
    occ: Occupation, profile: Profile, specificity: Specificity, weights: MatchWeights
) -> Wants:
    """The occupation itself (offers naming it) and its optional skills not yet held; the core
    is the occupation and the skills that mark its field (``Specificity.marks_field``), never
    all of them.

    The person's own job is no core: a course for the job they do, teaching only what they
    have, had been a welder's closest to robot welding ("Reading technical drawings", no skill
    to learn named). Its courses count only when they teach a specific skill of it they lack.
    """
    taxonomy = specificity.taxonomy
    held = held_skills(profile, taxonomy)
    extra = [s for s in occ.optional_skills if s not in held and s in taxonomy.skills]
    items = (Item(SkillRef(occ.uri, occ.label), occupation=True), *(Item(ref(s, taxonomy)) for s in extra))
    own = occ.uri == profile.occupation
    core = (not own, *(specificity.marks_field(s, weights) for s in extra))
    return Wants(items, core, (False,) * len(items), related=True)


def field_wants(
    belonging: dict[str, float], profile: Profile, specificity: Specificity, weights: MatchWeights
) -> Wants | None:
    """The specific skills (``Specificity.is_core``) a field's courses teach that the person
    lacks, each a core, as related skills; None when there are none.

    Each counts as much as it belongs to the field (``belonging``: the share of the open courses
    teaching it that are the field's), and a course teaching skills of it worth ``field_cap``
    (two skills wholly of the field) is a course of the field in full. Why: "renewable energy"
    asked for had no photovoltaic installer course among the first eight; it teaches three of
    the field's skills where heat pump and energy audit courses teach six, among them *provide
    first aid* and *building codes*, which most courses teaching them are not of the field.
    """
    held = held_skills(profile, specificity.taxonomy)
    fresh = [s for s in belonging if s not in held and specificity.is_core(s, weights)]
    items = [Item(ref(s, specificity.taxonomy), share=belonging[s]) for s in fresh]
    if not items:
        return None
    return replace(Wants.of(items, [True] * len(items), related=True), cap=weights.field_cap)


def fallback_wants(profile: Profile, specificity: Specificity, weights: MatchWeights) -> Wants:
    """What to look for when the gap is empty: the goal, wanted skills, the job, held skills.

    The first of these the profile has wins, so the answer stays about what the person said.
    """
    taxonomy = specificity.taxonomy
    target = taxonomy.occupations.get(profile.target or "")
    if target:
        return occupation_wants(target, profile, specificity, weights)
    if profile.wanted_skills:
        wanted = [Item(ref(v, taxonomy)) for v in profile.wanted_skills]
        return Wants.of(wanted, [True] * len(wanted), related=True)
    current = taxonomy.occupations.get(profile.occupation or "")
    if current:
        return occupation_wants(current, profile, specificity, weights)
    held = sorted(profile.skills)
    core = [specificity.is_core(s, weights) for s in held]
    return Wants.of([Item(ref(s, taxonomy)) for s in held], core, related=True)


def need_wants(
    named: Sequence[SkillRef],
    roles: Sequence[str],
    specificity: Specificity,
    weights: MatchWeights,
    kinds: Kinds | None = None,
) -> Wants:
    """A firm's need: the skills it named (each its core), and the essential skills of
    ``roles`` not named already, core when specific.

    Beside named skills each role's skills together are worth one named skill, shared among
    them as they are specific ("TIG welders" had MAG and MIG courses first, for the welder's
    other essential skills they teach); a role named alone counts its skills as a goal's are.
    A named skill is also taught by its ``kinds`` (:func:`kinds_teaching`), as a person's skill
    asked for is: a firm needing welding had only the MAG courses, never its town's TIG course,
    and the staff's list of needs no offer covers counted it unmet.
    """
    taxonomy = specificity.taxonomy
    items, core = [Item(r) for r in named], [True] * len(named)
    taken = {r.uri for r in named}
    for uri in dict.fromkeys(roles):
        occupation = taxonomy.occupations.get(uri)
        skills = [s for s in occupation.essential_skills if s in taxonomy.skills] if occupation else []
        total = sum(specificity(s) for s in skills) if named else 1.0
        fresh = [s for s in skills if s not in taken]
        taken.update(fresh)
        items += [Item(ref(s, taxonomy), share=specificity(s) / total) for s in fresh]
        core += [specificity.is_core(s, weights) for s in fresh]
    found = [kinds_teaching(r.uri, kinds, specificity) if kinds else () for r in named]
    return Wants.of(items, core, kinds=found + [()] * (len(items) - len(named)))
