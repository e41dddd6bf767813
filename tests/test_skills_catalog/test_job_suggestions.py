"""Jobs suggested to someone unsure of their goal follow from what they can do (QA13)."""

from __future__ import annotations

from skills_catalog.job_suggestions import jobs_sharing_skills
from skills_catalog.models import Occupation, Taxonomy
from tests.test_skills_catalog.conftest import make_taxonomy, o, s

PREPARED = [o("mechatronics"), o("welder"), o("solar"), o("analyst")]  # the best prepared first


def uris(jobs: list[Occupation]) -> list[str]:
    return [job.uri for job in jobs]


def test_the_jobs_sharing_most_skills_come_first_and_none_unrelated() -> None:
    # a welder's skills (weld, blueprint, safety): mechatronics shares weld and blueprint, the solar
    # installer blueprint and safety (as specific); the data analyst shares nothing
    held = [s("weld"), s("blueprint"), s("safety")]
    got = uris(jobs_sharing_skills(make_taxonomy(), held, PREPARED, besides=[o("welder")]))
    assert got == [o("solar"), o("mechatronics")]  # 2 of 3 needed ahead of 2 of 4


def test_different_people_get_different_jobs() -> None:
    taxonomy = make_taxonomy()
    coder = uris(jobs_sharing_skills(taxonomy, [s("python")], PREPARED))
    welder = uris(jobs_sharing_skills(taxonomy, [s("weld")], PREPARED))
    assert coder == [o("analyst")]
    assert welder == [o("welder"), o("mechatronics")]


def test_a_skill_few_jobs_need_counts_for_more_than_one_many_need() -> None:
    # PLC programming only the mechatronics technician needs; safety the welder and the installer
    got = uris(jobs_sharing_skills(make_taxonomy(), [s("plc"), s("safety")], PREPARED))
    assert got == [o("mechatronics"), o("welder"), o("solar")]


def test_ties_keep_the_catalogues_order() -> None:
    got = uris(jobs_sharing_skills(make_taxonomy(), [s("blueprint")], PREPARED))
    assert got == [o("welder"), o("solar"), o("mechatronics")]  # 1 of 3 twice (catalogue's order), then 1 of 4


def test_a_job_with_nothing_left_to_learn_and_jobs_not_prepared_for_are_left_out() -> None:
    held = [s("python"), s("data"), s("weld")]
    got = uris(jobs_sharing_skills(make_taxonomy(), held, [o("analyst"), o("welder")]))
    assert got == [o("welder")]  # every analyst skill is held; mechatronics is not in ``prepared``


def test_at_most_n_and_unknown_uris_ignored() -> None:
    got = jobs_sharing_skills(make_taxonomy(), [s("blueprint")], ["nope", *PREPARED], n=1)
    assert uris(got) == [o("welder")]


def test_nothing_held_suggests_nothing() -> None:
    assert jobs_sharing_skills(make_taxonomy(), [], PREPARED) == []
    assert jobs_sharing_skills(Taxonomy({}, {}), [s("weld")], PREPARED) == []
