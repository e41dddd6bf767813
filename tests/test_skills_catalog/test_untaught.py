"""What no course teaches, and the taught skills nearest to it (``skills_catalog.untaught``)."""

from __future__ import annotations

from skills_catalog.untaught import NearestTuning, nearest_taught, untaught
from skills_catalog.wants import Kinds
from tests.test_skills_catalog.conftest import make_taxonomy, s

TAXONOMY = make_taxonomy()
TAUGHT = {s("weld"), s("cnc"), s("blueprint")}


def test_untaught_keeps_what_no_course_teaches() -> None:
    asked = [s("plc"), s("weld"), s("data")]
    assert untaught(asked, TAUGHT.__contains__, Kinds(TAXONOMY)) == [s("plc"), s("data")]


def test_nearest_taught_are_what_the_jobs_needing_it_also_need_rarest_first() -> None:
    # only the mechatronics technician needs PLC; of its other skills the CNC one is the rarest
    near = nearest_taught(TAXONOMY.occupations, [s("plc")], TAUGHT.__contains__)
    assert near == (s("cnc"), s("weld"), s("blueprint"))


def test_nearest_taught_leaves_out_what_is_held_and_stops_at_the_tuned_count() -> None:
    near = nearest_taught(
        TAXONOMY.occupations, [s("plc")], TAUGHT.__contains__, held=[s("cnc")], tuning=NearestTuning(skills=1)
    )
    assert near == (s("weld"),)


def test_nothing_near_what_no_job_needs() -> None:
    assert nearest_taught(TAXONOMY.occupations, ["http://example.org/none"], TAUGHT.__contains__) == ()
