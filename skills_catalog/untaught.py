"""Skills asked for that no course teaches, and the taught skills nearest to them.

Why: a hairdresser wanting "an office job, maybe HR" got "no course in the catalogue teaches
these skills" and no way on (QA13). What no course teaches is said; the courses shown instead
teach the skills that the jobs needing what was asked also need, most particular to those jobs
first (for HR: word processing and the office skills, not a tour guide's "welcome tour groups").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from skills_catalog.models import Occupation
from skills_catalog.wants import Kinds, jobs_needing


@dataclass(frozen=True)
class NearestTuning:
    """How the nearest taught skills are picked.

    Attributes:
        skills: how many of them a search looks for.
        damping: each counts as particular to the jobs needing what was sought as the share of
            the jobs needing it that are such jobs, counted as if this many more needed it: a
            skill few jobs need is no sign of the field on the strength of one job.
    """

    skills: int = 5
    damping: int = 10


def untaught(wanted: Iterable[str], teaches: Callable[[str], bool], kinds: Kinds) -> list[str]:
    """The skill URIs of ``wanted`` that no course teaches, nor a kind of them (a TIG course
    teaches welding)."""
    return [uri for uri in wanted if not teaches(uri) and not any(teaches(k) for k in kinds.of(uri))]


def nearest_taught(
    occupations: Mapping[str, Occupation],
    sought: Collection[str],
    teaches: Callable[[str], bool],
    held: Collection[str] = (),
    tuning: NearestTuning = NearestTuning(),
    needed_by: Callable[[str], int] | None = None,
) -> tuple[str, ...]:
    """The taught skills, not ``held`` nor ``sought``, that the occupations needing the skills
    ``sought`` (essential) also need, best first: a job counts once per skill sought it needs,
    and a skill by its square over the jobs needing it (plus ``tuning.damping``). ``needed_by``:
    how many jobs need a skill, as the engine counted it once (``Specificity.needed_by``);
    counted here when not given."""
    needed = needed_by or jobs_needing(occupations.values()).__getitem__
    field: Counter[str] = Counter()
    for job in occupations.values():
        asks = len(set(sought).intersection(job.essential_skills))
        if asks:
            field.update({uri: asks for uri in job.essential_skills if uri not in sought})
    fit = {
        uri: n * n / (needed(uri) + tuning.damping)
        for uri, n in field.items()
        if teaches(uri) and uri not in held
    }
    return tuple(sorted(fit, key=lambda uri: (-fit[uri], uri))[: tuning.skills])

