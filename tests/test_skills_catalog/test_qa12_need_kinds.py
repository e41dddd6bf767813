"""A firm's need for a general skill is met by courses and partners teaching its kinds, as a
person's skill asked for is (QA12: a firm needing welding was shown only the MAG courses, no
partner with a TIG course, and the staff's list of needs no offer covers would have counted a
town with only a TIG course as having none); courses naming the skill itself stay first."""

from __future__ import annotations

from dataclasses import replace

from skills_catalog.models import SkillRef
from skills_catalog.reports import offer_coverage, unmet_needs
from tests.test_skills_catalog.conftest import PLACES, s
from tests.test_skills_catalog.test_qa12_matching_kinds import MAG, SOLDER, TIG, _index, _offer, ids
from tests.test_skills_catalog.test_reports import need

GRAZ = PLACES["graz"].point
WELDING = SkillRef(s("weld"), "operate welding equipment")


def test_a_need_for_welding_lists_the_tig_course_and_says_why() -> None:
    found = _index(TIG, SOLDER).for_need((s("weld"),), 2, GRAZ)
    assert ids(found) == ["TIG"]  # soldering is no welding
    tig = found.recommendations[0]
    assert [r.uri for r in tig.covers] == [s("weld")]
    assert "teaches perform tungsten inert gas welding, a kind of operate welding equipment" in tig.reasons


def test_a_course_naming_the_skill_comes_before_one_teaching_only_its_kinds() -> None:
    # same academy, the TIG course cheaper: the firm asked for welding, which the MAG course names
    mag = _offer("MAG", ("weld", "mag"), "leoben", cost_eur=400.0)
    tig = _offer("TIG", ("tig", "inspect"), "leoben", cost_eur=0.0)
    assert ids(_index(tig, mag).for_need((s("weld"),), 2, GRAZ)) == ["MAG", "TIG"]


def test_partners_teaching_only_kinds_teach_it_and_say_which_kinds() -> None:
    index = _index(
        replace(MAG, partner_id="P3"), replace(TIG, partner_id="P4"), replace(SOLDER, partner_id="P1")
    )
    rows = index.partners_teaching((s("weld"),), GRAZ)
    # Leoben's TIG course is nearer than Vienna's MAG course; Graz's soldering is no welding
    assert [(p.partner_id, [r.label for r in refs]) for p, refs, _ in rows] == [
        ("P4", ["perform tungsten inert gas welding (a kind of operate welding equipment)"]),
        ("P3", ["operate welding equipment"]),
    ]
    assert rows[0][1][0].uri == s("tig")


def test_at_the_same_distance_a_partner_naming_the_skill_comes_first() -> None:
    # no place given: by name "Danube Online Campus" (TIG) would come before "Leoben University"
    index = _index(replace(TIG, partner_id="P3"), replace(MAG, partner_id="P4"))
    assert [p.partner_id for p, _, _ in index.partners_teaching((s("weld"),))] == ["P4", "P3"]


def test_a_partner_teaching_the_skill_itself_is_not_also_listed_by_its_kinds() -> None:
    rows = _index(MAG, TIG).partners_teaching((s("weld"),), GRAZ)  # both at P1
    assert [[r.label for r in refs] for _, refs, _ in rows] == [["operate welding equipment"]]


def test_a_need_for_welding_with_a_tig_course_in_reach_is_not_unmet() -> None:
    welding = need("N-WELD1", WELDING, point=GRAZ)
    assert unmet_needs([welding], offer_coverage(_index(TIG, SOLDER), max_distance_km=100)) == []
    unmet = unmet_needs([welding], offer_coverage(_index(SOLDER), max_distance_km=100))
    assert [u.uncovered for u in unmet] == [(WELDING,)]
