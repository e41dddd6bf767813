"""Jobs to suggest to someone unsure of their goal: those closest to what they can already do.

Why: "not sure" at the goal question got the same jobs in demand for everyone, a welder and a
data analyst alike (QA13). A careers adviser starts from the person: the jobs that need most of
what they know already are the shortest step, and the catalogue's courses teach the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .models import Occupation, Taxonomy
from .wants import jobs_needing


def jobs_sharing_skills(
    taxonomy: Taxonomy,
    held: Iterable[str],
    prepared: Sequence[str],
    n: int = 5,
    besides: Iterable[str] = (),
    needed_by: Callable[[str], int] | None = None,
) -> list[Occupation]:
    """At most ``n`` jobs of ``prepared`` (occupation URIs the catalogue prepares for, the best
    prepared first) that share essential skills with ``held`` (skill URIs the person has, or
    their job implies), closest first: by the skills shared, each counting as ``1 / the jobs
    that need it`` (a welder shares *cut metal products* with a sheet metal worker, and only
    protective gear with a building cleaner), then by the share of the job's essential skills
    held, then as ``prepared`` ranks them. Left out: ``besides`` (the person's own job), jobs
    sharing none, and jobs whose every essential skill is held (nothing to train for).
    ``needed_by``: how many jobs need a skill, as the engine counted it once
    (``Specificity.needed_by``); counted here when not given."""
    have = frozenset(held)
    skip = frozenset(besides)
    needing = needed_by or jobs_needing(taxonomy.occupations.values()).__getitem__
    ranked = []
    for rank, uri in enumerate(prepared):
        job = taxonomy.occupations.get(uri)
        if job is None or uri in skip:
            continue
        needed = frozenset(job.essential_skills)
        shared = needed & have
        if shared and shared != needed:
            closeness = sum(1 / needing(skill) for skill in shared)
            ranked.append((-closeness, -len(shared) / len(needed), rank, job))
    ranked.sort(key=lambda row: row[:3])
    return [job for *_, job in ranked[:n]]
