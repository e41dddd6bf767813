"""Matching people and firms to offers: hard limits, ranking and explanations.

``OfferIndex`` is built once per catalogue: an inverted index from skill URI (and occupation
URI, and normalised unmapped label) to the sorted positions of the offers that teach it, over
numpy columns of every offer (``ranking.OfferTable``). What a request wants covered (the skill
gap, its core, the closest when nothing teaches it) is worked out in :mod:`wants`. A request
touches only the offers that cover at least one needed skill, filters them with vector masks
and scores them in one pass, so top-5 over 100,000 offers stays in the low milliseconds (see
docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from . import explain
from .ecosystems import ecosystems_named
from .models import (
    Catalog,
    GeoPoint,
    Occupation,
    Partner,
    Profile,
    Recommendation,
    Recommendations,
    SkillRef,
    Taxonomy,
)
from .postings import Item, Postings
from .ranking import ONLINE, Limits, OfferTable, all_pass, coverage, far_behind, rank_order, relevant, scores
from .relax import beyond_hints, relax_hints
from .wants import (
    Kinds,
    Specificity,
    Wants,
    fallback_wants,
    field_wants,
    gap_wants,
    need_wants,
    occupation_wants,
    ref,
    skill_gap,
)


@dataclass(frozen=True)
class MatchWeights:
    """How much each factor counts in a score (weighted mean, 0..1); hard limits are not here.

    Defaults, and why:
        coverage 1.0 — the share of the gap an offer teaches dominates: a near, free offer
            that teaches nothing the person lacks is useless.
        distance 0.5, distance_scale_km 10, distance_horizon_km 2000 — proximity falls by
            the same step each time the distance doubles past ``distance_scale_km``, to 0 at
            the horizon (``ranking.proximity``): 10 km 0.87, 40 km 0.70, 100 km 0.55, 500 km
            0.26, 1,500 km 0.05. People commute within a region, not across it: with no
            distance limit, a course 455 km away beats one in town only when it covers about
            a third more of the gap, and among far courses the nearer still comes first.
        online_proximity 0.6 — an online offer counts as if about 70 km away: always
            reachable, but many learners in industry do better in a workshop in their region.
        mode_fit 0.05 — used only without a location: in-person offers that cannot be placed
            relative to the person count half.
        cost 0.15, cost_scale_eur 500, funding_relief 0.5 — free is best; €500 ≈ 0.37; a named
            funding scheme (ESF+ voucher, …) gives back half the penalty; unknown cost 0.5.
        soonness 0.05, soon_scale_days 90 — sooner starts help a person between jobs; rolling
            offers count as starting now.
        eqf 0.05 — closeness of the offer's EQF level to the person's (when known); unknown 0.5.
        pact_member 0.03, pact_partnership 0.04, twin_transition 0.03 — the cluster's policy
            bonus for Pact for Skills partners and partnerships and green/digital offers;
            small on purpose, it breaks ties rather than overriding fit.
        seats 0.1 — firm requests only: seats ≥ people is full marks, fewer scale down.
        in_time 0.15 — firm requests with a date only: a course ending by then is full marks,
            one ending later none, one with no end date half; never a hard limit, because a
            course a little late may still be the only one.
        coverage_cap 5.0 — coverage is the share of the request an offer teaches, out of at
            most this much of it (in the units below: about five skills): one course teaches a
            handful of skills, so on full ESCO, where a goal lacks 20-35, three of them had
            counted 0.14 and distance and cost had decided.
        wanted_skill_share 1.5, goal_share 0.25 — how much covering each part of a person's
            gap counts: a skill of the goal as much as it is specific (log(jobs / jobs that
            need it), 1 for a skill ten of ESCO's jobs need: "install photovoltaic systems"
            1.3, "use measurement instruments" 0.7, "troubleshoot" 0.4), a skill the person
            asked for 1.5, and an offer preparing for the goal occupation itself a quarter of
            the goal's skills together (at least 1, at most half the coverage cap). On full ESCO a goal lacks 20-35 skills,
            and courses sharing two generic ones with it had come first.
        min_relevance 1.0, generic_skill_worth 0.5, min_relevance_share 0.25 — not a weight
            but a floor: an offer is listed only if it teaches skills of the request worth one
            specific skill, or two generic ones (ESCO's transversal skills, such as
            "troubleshoot", count half), or a quarter of a small request (see
            ``ranking.relevant``). Not cross-sector skills: in ESCO "install heat pump" is one.
        core_specificity 0.75 — the other half of that floor: an offer must also teach one
            item of the request's core — a skill asked for or named, the goal occupation
            itself, or a skill of the goal or role at least this specific (on full ESCO: one
            that at most about 40 of its 3,000 jobs need, and not transversal). "Use
            measurement instruments" (66 jobs) and construction safety (108) are no core of
            a solar energy technician: drywall and bricklaying courses teaching just those had
            been the answer within 40 km, the photovoltaic course being online. A request
            with no specific item at all keeps all of them as its core.
        wanted_part 0.5 — with skills asked for beside a goal, the share of coverage those
            skills make (the goal's items make the rest): "TIG welding" asked for, with welder
            the goal, had the MAG course first, because six of a welder's skills filled the
            coverage cap as TIG did.
        incidental_worth 0.75, kind_alone_worth 0.5 — a skill asked for is taught in full by a
            course on it (two of its skills about it: itself, its kinds, skills named with its
            head word), by ``incidental_worth`` by a course that has it as one skill among
            others when courses on it exist (a nurse asking for first aid got the tourism guide
            course first, the first aid course 41 km away fourth; "programming" got the
            building electrician course before Python), and by ``kind_alone_worth`` by one that
            teaches a single kind of it (``wants.Kinds``: a battery pack course teaching spot
            welding among ten other skills is no welding course, but the TIG course is).
        kinds_on_it_worth 0.9 — a course on a skill asked for that teaches only kinds of it (TIG,
            not *operate welding equipment* itself) comes after one naming the skill, all else
            equal: a firm needing welding had the TIG course before the MAG course of the same
            academy, for costing €220 less.
        relax_share 0.75 — when nothing fits, the relax hints speak of the offers teaching at
            least this share of what the best open offer teaches: "no offer costs €500 or
            less — 1 cost under €800" had pointed someone wanting to learn welding at a sheet
            metal course with spot welding in it, 1,400 km away, while the welding courses
            start at €1,200.
        better_beyond_factor 2.0 — not a weight either: when offers outside the limits teach at
            least this many times as much of the request as the best offer within them (and
            at least one skill more), the first page says which limit keeps them out. A welder's
            goal behind a €1,500 budget had listed bricklaying and crane courses as "what fits
            you best", silent on the welding courses at €1,770 17 km away.
        far_km 300 — beyond a cluster's region (as ``places.PlaceTuning.far_km``): an in-person
            offer farther than this comes after every offer teaching as much that is online or
            at most half as far (``ranking.far_behind``), whatever its cost or Pact bonus; with no
            distance limit a free course 1,425 km away had come before the same one at 468 km.
            Not a hard limit: such an offer is still listed, with its distance.
        field_cap 2.0 — a field asked for (its words name an ecosystem, no course names it):
            each of the skills its courses teach counts as much as it belongs to the field (the
            share of the courses teaching it that are the field's), and a course teaching skills
            of it worth this much (two wholly of the field, as two skills about a skill make a
            course on it) is in full a course of the field (``wants.field_wants``).
    """

    coverage: float = 1.0
    distance: float = 0.5
    distance_scale_km: float = 10.0
    distance_horizon_km: float = 2000.0
    online_proximity: float = 0.6
    mode_fit: float = 0.05
    cost: float = 0.15
    cost_scale_eur: float = 500.0
    funding_relief: float = 0.5
    soonness: float = 0.05
    soon_scale_days: float = 90.0
    eqf: float = 0.05
    pact_member: float = 0.03
    pact_partnership: float = 0.04
    twin_transition: float = 0.03
    seats: float = 0.1
    in_time: float = 0.15
    coverage_cap: float = 5.0
    wanted_skill_share: float = 1.5
    goal_share: float = 0.25
    min_relevance: float = 1.0
    generic_skill_worth: float = 0.5
    min_relevance_share: float = 0.25
    core_specificity: float = 0.75
    wanted_part: float = 0.5
    incidental_worth: float = 0.75
    kind_alone_worth: float = 0.5
    kinds_on_it_worth: float = 0.9
    relax_share: float = 0.75
    better_beyond_factor: float = 2.0
    far_km: float = 300.0
    field_cap: float = 2.0


DEFAULT_WEIGHTS = MatchWeights()


@dataclass(frozen=True)
class _Request:
    """Everything one ranking pass needs besides the index."""

    wants: Wants
    limits: Limits
    weights: MatchWeights
    from_name: str = ""
    eqf_level: int | None = None
    people: int | None = None
    first_reason: str | None = None  # a fallback's: why these offers, said first on each
    needed_by: date | None = None  # a firm's date: courses ending later say so


class OfferIndex:
    """A catalogue indexed for matching; immutable after construction, so thread-safe."""

    def __init__(self, catalog: Catalog, taxonomy: Taxonomy, today: Callable[[], date] = date.today) -> None:
        self.catalog = catalog
        self.taxonomy = taxonomy
        self._today = today
        offers = sorted(catalog.offers.values(), key=lambda o: o.offer_id)
        members = frozenset(p.partner_id for p in catalog.partners.values() if p.pact_for_skills_member)
        self.table = OfferTable(offers, members)
        self.postings = Postings(offers)
        self.specificity = Specificity(taxonomy)
        self.kinds = Kinds(taxonomy)
        self._ecosystems = np.array([o.ecosystem for o in offers])

    def recommend(
        self,
        profile: Profile,
        top: int = 5,
        offset: int = 0,
        weights: MatchWeights = DEFAULT_WEIGHTS,
        eqf_level: int | None = None,
    ) -> Recommendations:
        """Offers for one person, best first, never breaking a hard limit of ``profile``.

        When nothing fits, ``relax`` says which single limit to relax (and what that would
        give). When the person already has every skill asked for, or no course teaches the core
        of what they lack, the closest offers are returned, each saying so in its first reason.
        """
        gap = skill_gap(profile, self.taxonomy)
        wants, first_reason = self._wants(profile, gap, weights)
        limits = Limits(
            today=self._today(),
            location=profile.location,
            max_distance_km=profile.max_distance_km,
            modes=profile.modes,
            languages=profile.languages,
            max_cost_eur=profile.max_cost_eur,
            available_from=profile.available_from,
        )
        request = _Request(wants, limits, weights, profile.location_name, eqf_level, None, first_reason)
        found, relax, beyond = self._rank(request, top, offset)
        return Recommendations(gap=gap, recommendations=found, relax=relax, beyond=beyond)

    def _wants(
        self, profile: Profile, gap: Sequence[SkillRef], weights: MatchWeights
    ) -> tuple[Wants, str | None]:
        """What to look for, and the reason to say first when it is not the gap itself.

        An empty gap looks further (``fallback_wants``). A gap whose core no open offer teaches
        looks for the closest, and says so: the goal's own field, else (with no goal) the
        person's job. A nurse aiming at specialist nursing got "no course in the catalogue
        teaches these skills", though nursing courses were there. The rest of the gap is no
        closest: it is what many jobs share (a pastry chef got warehouse and construction site
        courses for *manage staff*, a hairdresser IT help desk for *communicate with
        customers*), so with nothing specific taught the answer is honestly none. A core taught
        only outside the person's limits is no reason to look elsewhere: the relax hints say
        which limit keeps it out.
        """
        target = self.taxonomy.occupations.get(profile.target or "")
        if not gap:
            return fallback_wants(profile, self.specificity, weights), explain.fallback_reason(
                target.label if target else ""
            )
        named = target is not None and self._taught(Item(SkillRef(target.uri, target.label), occupation=True))
        wants = gap_wants(gap, profile, self.specificity, named, weights, self.kinds)
        if self._teaches_core(wants):
            return wants, None
        field = target or self.taxonomy.occupations.get(profile.occupation or "")
        closest = self._asked_field(gap, profile, weights) or (
            occupation_wants(field, profile, self.specificity, weights) if field else None
        )
        if closest is None or not self._teaches_core(closest):
            return wants, None
        return closest, explain.closest_reason(gap, target.label if target else "")

    def _asked_field(self, gap: Sequence[SkillRef], profile: Profile, weights: MatchWeights) -> Wants | None:
        """The field of the skills asked for, when their words name an ecosystem: what its open
        courses teach (``field_wants``). An electrician asking for *renewable energy
        technologies*, a knowledge no course names and ESCO puts nothing under, had the
        mechatronics course first and the photovoltaic one third, as the job's closest."""
        wanted = set(profile.wanted_skills)
        named = [e for r in gap if (r.uri or r.label) in wanted for e in ecosystems_named(r.label)]
        if not named:
            return None
        inside = np.isin(self._ecosystems, named)
        positions = self._open(np.flatnonzero(inside).astype(np.int32))
        taught = dict.fromkeys(uri for pos in positions for uri in self.table.offers[pos].skills)
        belonging = {}
        for uri in taught:
            teaching = self._open(self.postings.of(Item(SkillRef(uri, ""))))
            belonging[uri] = float(inside[teaching].mean()) if teaching.size else 0.0
        return field_wants(belonging, profile, self.specificity, weights)

    def _teaches_core(self, wants: Wants) -> bool:
        """Whether an offer not ended yet covers a core item of ``wants`` (or a kind of it)."""
        return any(
            self._taught(item) or any(self._taught(Item(SkillRef(k, ""))) for k in wants.kinds_of(at))
            for at, (item, is_core) in enumerate(zip(wants.items, wants.core, strict=True))
            if is_core
        )

    def _taught(self, item: Item) -> bool:
        """Whether an offer not ended yet covers ``item``."""
        return bool(self._open(self.postings.of(item)).size)

    def for_need(
        self,
        skill_uris: Sequence[str],
        people: int,
        location: GeoPoint | None,
        max_distance_km: float | None = None,
        modes: Iterable[str] = (),
        top: int = 5,
        offset: int = 0,
        weights: MatchWeights = DEFAULT_WEIGHTS,
        location_name: str = "",
        needed_by: date | None = None,
        roles: Sequence[str] = (),
    ) -> Recommendations:
        """Offers for a firm's need: the skills to build, for how many people, near where.

        ``roles`` (occupation URIs) add their essential skills (``wants.need_wants``). An offer
        is listed only when it teaches a named skill or a specific skill of a role: courses
        sharing only generic skills with the role ("filler") are not; with none left, none.

        Unlike a person's gap nothing is subtracted; seats against ``people`` enter the score
        and the reasons. A course starting or ending after ``needed_by`` says so in its reasons.
        """
        named = tuple(dict.fromkeys(ref(u, self.taxonomy) for u in skill_uris))
        wants = need_wants(named, roles, self.specificity, weights, self.kinds)
        gap = tuple(item.ref for item in wants.items)
        limits = Limits(self._today(), location, max_distance_km, frozenset(modes))
        request = _Request(wants, limits, weights, location_name, None, max(people, 0), needed_by=needed_by)
        found, relax, beyond = self._rank(request, top, offset)
        return Recommendations(gap=gap, recommendations=found, relax=relax, beyond=beyond)

    def partners_teaching(
        self,
        skill_uris: Sequence[str],
        location: GeoPoint | None = None,
        roles: Sequence[str] = (),
        weights: MatchWeights = DEFAULT_WEIGHTS,
    ) -> list[tuple[Partner, tuple[SkillRef, ...], float | None]]:
        """Partners with open offers teaching a firm's need: (partner, skills, km or None).

        The need is read as :meth:`for_need` reads it (``wants.need_wants``), and a course counts
        as the course list counts it (:meth:`_postings`): a named skill is taught by its kinds
        too, a role's skills are not, and only core items count (a role's specific skills, not
        what many jobs share). A partner is listed for a skill only on the strength of a course
        that teaches it at least ``incidental_worth``: a drive-systems academy whose battery
        course has spot welding among ten skills was listed as delivering a firm's welding
        (QA13), and a building electrician's role had added a kind of a role's skill. A row names
        the kinds it teaches, said to be such ("perform tungsten inert gas welding (a kind of
        operate welding equipment)"). Sorted by how many of the skills they teach, then distance,
        then how many of them themselves rather than by kinds, then name — the list a cluster
        manager reads to decide whom to call.
        """
        named = tuple(dict.fromkeys(ref(u, self.taxonomy) for u in skill_uris))
        wants = need_wants(named, roles, self.specificity, weights, self.kinds)
        lists, fits = self._postings(wants, weights)
        # partner -> skill -> what shows it taught there: the skill itself, or its kinds
        taught: dict[str, dict[SkillRef, dict[SkillRef, None]]] = {}
        for at, (item, found, fit) in enumerate(zip(wants.items, lists, fits, strict=True)):
            strong = found[np.broadcast_to(fit, found.shape) >= weights.incidental_worth]
            for pos in self._open(strong) if wants.core[at] else ():
                offer = self.table.offers[pos]
                shows = taught.setdefault(offer.partner_id, {}).setdefault(item.ref, {})
                if self.postings.covers(item, int(pos), offer):
                    shows.clear()
                    shows[item.ref] = None
                elif item.ref not in shows:
                    for kind in (k for k in wants.kinds_of(at) if k in offer.skills):
                        label = explain.kind_label(self.taxonomy.skills[kind].label, item.ref.label)
                        shows[SkillRef(kind, label)] = None
        ranked = []
        for partner_id, skills in taught.items():
            partner = self.catalog.partners[partner_id]
            km = _km(location, partner.point) if location else None
            itself = sum(skill in shows for skill, shows in skills.items())
            key = (-len(skills), km if km is not None else 0.0, -itself, partner.name)
            ranked.append((key, (partner, tuple(r for shows in skills.values() for r in shows), km)))
        ranked.sort(key=lambda r: r[0])
        return [row for _, row in ranked]

    def _open(self, positions: np.ndarray) -> np.ndarray:
        """The offers at ``positions`` not ended yet."""
        return positions[self.table.end[positions] >= self._today().toordinal()]

    def in_demand_occupations(self, n: int = 5) -> list[tuple[Occupation, int]]:
        """Occupations the catalogue prepares for best: (occupation, offers that help), best first.

        Offered to a worker who is "not sure" of their goal. An occupation ranks by the offers
        that name it plus how many of its essential skills some offer teaches.
        """
        ranked = []
        for occ in self.taxonomy.occupations.values():
            named = len(self.postings.of(Item(SkillRef(occ.uri, occ.label), occupation=True)))
            taught = sum(1 for s in occ.essential_skills if self.postings.has_skill(s))
            if named or taught:
                ranked.append(
                    (-(named + taught), -taught / max(len(occ.essential_skills), 1), occ.label, occ)
                )
        ranked.sort(key=lambda r: r[:3])
        return [(occ, self._helpful_offers(occ)) for *_, occ in ranked[:n]]

    def _helpful_offers(self, occ: Occupation) -> int:
        """Offers that name ``occ`` or teach one of its essential skills."""
        items = [Item(SkillRef(occ.uri, occ.label), occupation=True)]
        items += [Item(SkillRef(s, "")) for s in occ.essential_skills]
        return len(np.unique(np.concatenate([self.postings.of(i) for i in items])))

    # ------------------------------------------------------------ ranking pass

    def _rank(
        self, request: _Request, top: int, offset: int
    ) -> tuple[tuple[Recommendation, ...], tuple[str, ...], tuple[str, ...]]:
        """Candidates → hard masks → scores → the page asked for, or relax hints if empty; on a
        first page, also what keeps out offers that teach far more (``beyond_hints``)."""
        wants, weights = request.wants, request.weights
        lists, fits = self._postings(wants, weights)
        if not lists:
            return (), (), ()
        idx, counts = _candidates(lists, len(self.table))
        worth = [self._worth(item, weights) for item in wants.items]
        keep = relevant(idx, lists, worth, wants.core, weights, fits)
        shares = [item.share for item in wants.items]
        covered = coverage(idx, lists, shares, wants.asked, weights, fits, wants.cap)
        idx, counts, covered = idx[keep], counts[keep], covered[keep]
        limits = request.limits
        dist = self.table.distances(idx, limits.location) if limits.location else None
        masks = self.table.masks(idx, limits, dist)
        ok = all_pass(masks)
        if not ok.any():
            near = covered >= weights.relax_share * float(covered[masks["open"]].max(initial=0.0))
            near_dist = dist[near] if dist is not None else None
            return (
                (),
                relax_hints(self.table, idx[near], {k: v[near] for k, v in masks.items()}, limits, near_dist),
                (),
            )
        beyond = (
            beyond_hints(self.table, idx, counts, masks, limits, dist, weights.better_beyond_factor)
            if offset <= 0
            else ()
        )
        idx, dist = idx[ok], (dist[ok] if dist is not None else None)
        score = scores(
            self.table,
            idx,
            covered[ok],
            dist,
            limits,
            weights,
            request.eqf_level,
            request.people,
            request.needed_by,
        )
        page = max(offset, 0) + max(top, 0)
        score = far_behind(score, covered[ok], dist, self.table.mode[idx], weights.far_km, page)
        order = rank_order(score, dist, idx)[max(offset, 0) : page]
        return (
            tuple(self._recommendation(int(idx[i]), float(score[i]), dist, i, request) for i in order),
            (),
            beyond,
        )

    def _postings(
        self, wants: Wants, weights: MatchWeights
    ) -> tuple[list[np.ndarray], list[np.ndarray | float]]:
        """Each item's offers, and how fully each of them teaches it (1 for most items).

        A skill asked for (or named in a firm's need, when it has kinds) is also taught by its
        kinds' offers (``Wants.kinds``), and a course *on* it (teaching two skills about it,
        ``Kinds.about``) teaches it in full (``kinds_on_it_worth`` when it names only kinds);
        one that has it as one skill among others ``incidental_worth`` when courses on it
        exist, and one that has a single kind of it ``kind_alone_worth`` (see ``MatchWeights``).
        """
        lists: list[np.ndarray] = []
        fits: list[np.ndarray | float] = []
        for at, item in enumerate(wants.items):
            exact, kinds = self.postings.of(item), wants.kinds_of(at)
            if not ((wants.asked[at] or kinds) and item.ref.uri and not item.occupation):
                lists.append(exact)
                fits.append(1.0)
                continue
            found = np.unique(
                np.concatenate([exact, *(self.postings.of(Item(SkillRef(k, ""))) for k in kinds)])
            )
            lists.append(found.astype(np.int32))
            about = np.zeros(len(found), dtype=np.int64)
            for uri in self.kinds.about(item.ref.uri, kinds):
                if self.postings.has_skill(uri):
                    about += np.isin(found, self.postings.of(Item(SkillRef(uri, ""))))
            on_it, named = about >= 2, np.isin(found, exact)
            incidental = weights.incidental_worth if on_it.any() else 1.0
            fits.append(
                np.where(
                    on_it,
                    np.where(named, 1.0, weights.kinds_on_it_worth),
                    np.where(named, incidental, weights.kind_alone_worth),
                )
            )
        return lists, fits

    def _worth(self, item: Item, weights: MatchWeights) -> float:
        """What covering ``item`` counts towards relevance: less for a generic ESCO skill.

        Occupations and free texts count in full: the person or firm named them."""
        return item.share * (weights.generic_skill_worth if self.specificity.is_generic(item) else 1.0)

    def _recommendation(
        self, pos: int, score: float, dist: np.ndarray | None, i: int, request: _Request
    ) -> Recommendation:
        """One result with the gap skills it covers and its reasons in words."""
        offer = self.table.offers[pos]
        partner = self.catalog.partners[offer.partner_id]
        km = None if dist is None or self.table.mode[pos] == ONLINE else round(float(dist[i]), 1)
        wants = request.wants
        hits, as_kinds = [], []
        for at, item in enumerate(wants.items):
            if self.postings.covers(item, pos, offer):
                hits.append(item)
            elif taught := [k for k in wants.kinds_of(at) if k in offer.skills]:
                hits.append(item)
                as_kinds.append(
                    explain.kinds_reason(item.ref.label, [self.taxonomy.skills[k].label for k in taught])
                )
        covers = tuple(item.ref for item in hits if not item.occupation)
        reasons = self._reasons(offer, partner, km, covers, hits, request, as_kinds)
        return Recommendation(offer, partner, round(score, 4), km, covers, tuple(r for r in reasons if r))

    def _reasons(self, offer, partner, km, covers, hits, request: _Request, as_kinds=()) -> list[str]:  # noqa: ANN001
        """Reasons, most decisive first: fit (and the kinds that make it), place, cost, start,
        then the rest."""
        reasons = [request.first_reason or ""]
        if request.wants.related:
            reasons += [explain.prepares_reason(i.ref.label) for i in hits if i.occupation]
            reasons.append(explain.related_reason(covers) if covers else "")
        else:
            prepares = [explain.prepares_reason(i.ref.label) for i in hits if i.occupation]
            if covers or not prepares:  # "covers 0 of the 32 skills" said nothing of a care course
                skills = sum(not item.occupation for item in request.wants.items)
                reasons.append(explain.coverage_reason(covers, skills, need=request.people is not None))
            reasons += prepares
        reasons += as_kinds
        reasons += [explain.place_reason(offer, partner, km, request.from_name), explain.cost_reason(offer)]
        reasons.append(explain.start_reason(offer, request.needed_by))
        if request.people is not None:
            reasons.append(explain.seats_reason(offer.seats, request.people))
        asked = [c for c in offer.languages if c in request.limits.languages]
        reasons.append(explain.languages_reason(asked) if asked else "")
        reasons.append(f"EQF level {offer.eqf_level}" if offer.eqf_level else "")
        return reasons + explain.pact_reasons(offer, partner)


def _candidates(lists: list[np.ndarray], n_offers: int) -> tuple[np.ndarray, np.ndarray]:
    """Offers on any posting list, and on how many lists each is (sorted by position).

    Sorting a few thousand postings beats scanning a counter as long as the catalogue; past
    an eighth of the catalogue the counter wins.
    """
    postings = np.concatenate(lists)
    if len(postings) * 8 < n_offers:
        return np.unique(postings, return_counts=True)
    counts = np.bincount(postings, minlength=n_offers)
    idx = np.flatnonzero(counts)
    return idx, counts[idx]


def _km(a: GeoPoint, b: GeoPoint) -> float:
    """Haversine distance in km (the gazetteer's own ``distance_km`` may not exist yet)."""
    lat1, lat2 = np.radians(a.lat), np.radians(b.lat)
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin(np.radians(b.lon - a.lon) / 2) ** 2
    )
    return round(float(2 * 6371.0088 * np.arcsin(np.sqrt(min(h, 1.0)))), 1)
