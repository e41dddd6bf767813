"""One search and its page of results: the profile from the slots, the cards, the summary and
the next steps it offers, or — when nothing fits — which limit to relax.

Every action that searches (the first page, more results, refining, relaxing, a new town or
goal) ends in :func:`show_results`, which makes one ``engine.recommend`` call and sends one
offer card per result plus a results summary. Apart from ``recommendations`` so that the offer
actions can search too ("what about plumbing instead?" is read as a request about an offer).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, cards, languages_said, names, parsing, services, texts
from skills_catalog.explain import NOTHING_TEACHES, join_words
from skills_catalog.models import GeoPoint, Offer, Profile, Recommendation, Recommendations, modes_suiting
from skills_catalog.untaught import nearest_taught, untaught

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResultsTuning:
    """Paging and refining.

    Attributes:
        page: offers per page (the brief asks for 3–5).
        closer_factor: "closer" shrinks the travel limit to this share of the current one.
        closer_floor_km: ... but never below this.
        default_km: the limit "closer" starts from when none was set ("any distance"), or the
            farthest offer shown if that is nearer: half of an offer 517 km away is no "closer".
    """

    page: int = cards.PAGE_SIZE
    closer_factor: float = 0.5
    closer_floor_km: float = 5.0
    default_km: float = 50.0


TUNING = ResultsTuning()


def limit(value: Any) -> float | None:
    """A numeric slot value, or None for "any"/unset."""
    return None if value in (None, names.ANY, "") else float(value)


def profile_from_slots(slots: Mapping[str, Any]) -> Profile:
    """The worker profile the slots describe (placeholders such as "any"/"none" → no limit)."""
    lat, lon = slots.get(names.LATITUDE), slots.get(names.LONGITUDE)
    mode, language, start = slots.get(names.MODE), slots.get(names.LANGUAGE), slots.get(names.START)
    languages = languages_said.language_codes(language) if language not in (None, names.ANY) else []
    occupation, place = slots.get(names.OCCUPATION), slots.get(names.PLACE)
    return Profile(
        skills=frozenset(slots.get(names.SKILLS) or ()),
        occupation=None if occupation in (None, names.NOT_GIVEN) else occupation,
        target=slots.get(names.TARGET) or None,
        wanted_skills=tuple(slots.get(names.WANTED_SKILLS) or ()),
        location=GeoPoint(float(lat), float(lon)) if lat is not None and lon is not None else None,
        location_name=place if isinstance(place, str) and place != names.NOT_GIVEN else "",
        max_distance_km=limit(slots.get(names.MAX_DISTANCE)),
        modes=modes_suiting(mode) if mode in (names.MODE_ONLINE, names.MODE_IN_PERSON) else frozenset(),
        languages=frozenset(languages),
        max_cost_eur=limit(slots.get(names.BUDGET)),
        available_from=date.fromisoformat(start) if start not in (None, names.ANY) else None,
    )


@dataclass(frozen=True)
class Search:
    """One search's answer, and the skills asked for by name that no course teaches (labels);
    ``closest`` when nothing of the request is taught (no goal job, no skill asked for taught), so
    what comes is the closest, and is said to be.
    Apart: "become a software developer" found courses teaching computer programming, asked for,
    under "No course teaches provide technical documentation yet. These are the closest:" (QA13)."""

    found: Recommendations
    untaught: tuple[str, ...] = ()
    closest: bool = False


def search(profile: Profile, top: int, offset: int = 0) -> Search:
    """``engine.recommend``; when no course teaches what was asked for by name, whatever the
    limits, the closest courses instead (:func:`closest_profile`). Every search of a person's
    results goes through here, so its pages, numbers and relax hints stay those of one search.

    Why: a hairdresser wanting "an office job, maybe HR" got "I found no course in the catalogue
    for these skills yet" and no way on, never the free office-skills courses (QA13).
    """
    engine = services.engine()
    found = engine.recommend(profile, top=top, offset=offset)
    asked = asked_skills(profile)
    untaught = untaught_asked(asked)
    if found.relax == (NOTHING_TEACHES,) and untaught:
        closer = closest_profile(profile, [uri for uri, _ in untaught])
        found = engine.recommend(closer, top=top, offset=offset) if closer else found
    # nothing of the request taught: what comes is the closest, found here or by the engine itself
    closest = bool(untaught) and len(untaught) == len(asked) and not profile.target
    return Search(found, tuple(label for _, label in untaught), closest)


def asked_skills(profile: Profile) -> list[str]:
    """The URIs of the skills asked for by name; a wish no skill was found for is no claim."""
    return [ref.uri for ref in services.engine().skill_refs(profile.wanted_skills) if ref.uri]


def untaught_asked(asked: Sequence[str]) -> list[tuple[str, str]]:
    """The skills ``asked`` for by name (URI, label) that no course of the catalogue teaches,
    nor a kind of them."""
    engine = services.engine()
    missing = untaught(asked, engine.index.postings.has_skill, engine.index.kinds)
    return [(ref.uri, ref.label) for ref in engine.skill_refs(missing)]


def closest_profile(profile: Profile, sought: Sequence[str]) -> Profile | None:
    """``profile`` looking for the taught skills nearest to those ``sought``, which no course
    teaches (``untaught.nearest_taught``); ``None`` when there are none. The engine then ranks
    the courses by how many they teach."""
    engine = services.engine()
    index = engine.index
    best = nearest_taught(
        engine.taxonomy.occupations, sought, index.postings.has_skill, profile.skills,
        needed_by=index.specificity.needed_by,
    )  # fmt: skip
    return replace(profile, target=None, wanted_skills=best) if best else None


def show_results(
    dispatcher: CollectingDispatcher, tracker: Tracker, changes: dict[str, Any], offset: int = 0
) -> list[EventType]:
    """Recommend with ``changes`` applied to the slots; send cards, summary or relax hints."""
    slots = {**tracker.current_slot_values(), **changes}
    events = [SlotSet(slot, value) for slot, value in changes.items()]
    lifted = limit(tracker.get_slot(names.MAX_DISTANCE)) if changes.get(names.MAX_DISTANCE) == names.ANY else None
    if lifted is not None:  # kept: "closer" after "any distance" is closer than the person's own limit
        events.append(SlotSet(names.KM_BEFORE_ANY, lifted))
    job = slots.get(names.OCCUPATION) not in (None, names.NOT_GIVEN)  # courses for the job itself (QA9: a
    # job with no skills and "keep it open" got "I need a few answers" again and again)
    if not (slots.get(names.SKILLS) or slots.get(names.TARGET) or slots.get(names.WANTED_SKILLS) or job):
        dispatcher.utter_message(text=texts.PROFILE_INCOMPLETE, buttons=[texts.DEFAULT_CLARIFY_BUTTONS[0]])
        return events
    # one more than a page: whether "more results" would show anything
    profile = profile_from_slots(slots)
    searched = search(profile, top=TUNING.page + 1, offset=offset)
    if offset and not searched.found.recommendations:
        first = search(profile, top=TUNING.page + 1)
        if not first.found.recommendations:  # more of a search that found nothing: said so, and what to
            # relax, as for that search (QA13: "More results" after a late consent said "That's all
            # I have for this search")
            dispatcher.utter_message(text=texts.NO_MORE_OF_NONE)
            searched, offset = first, 0
    found = searched.found
    if not found.recommendations:
        _nothing(dispatcher, found.relax, offset, slots, searched)
        # the cards shown stay, numbered as they were: "number 7", "which one is free?" are about
        # them (QA8 D5: they got "Let me find some courses for you first" after a search found nothing);
        # a first search that found nothing still was one: "any distance" typed then had got "What
        # would you like to do next?" (QA9)
        sought = [SlotSet(names.OFFSET, 0.0)] if slots.get(names.OFFSET) is None else []
        return events + sought
    page = [result_card(offset + i + 1, rec, slots) for i, rec in enumerate(found.recommendations[: TUNING.page])]
    first_reason = next(iter(found.recommendations[0].reasons), "")
    dispatcher.utter_message(text=page_heading(offset, len(page), searched.untaught, first_reason, searched.closest))
    for card in page:
        dispatcher.utter_message(text=card["text"], buttons=card["buttons"], json_message=card)
    shown = [_shown(c["offer"]) for c in page]
    more = len(found.recommendations) > TUNING.page
    steps = next_steps(slots, shown, more)
    summary = summary_text(slots, offset, shown, steps)
    buttons = step_buttons(steps)
    if found.beyond:  # a limit keeps out what teaches far more of the goal: say which
        summary += " " + hints_words(found.beyond, better=True)
        buttons = _relax_buttons(found.beyond, slots) + buttons
    if searched.untaught:  # the closest only: a goal of another kind is a way on too
        buttons = [*buttons, CHANGE_GOAL]
    dispatcher.utter_message(text=summary, buttons=buttons, json_message=cards.summary_payload(page, summary))
    logger.info(
        "sender %s shown offers %s (offset %d)", tracker.sender_id, [s["offer_id"] for s in shown], offset
    )
    # a new page: "that one" no longer means an offer opened from an earlier one
    return events + [
        SlotSet(names.OFFSET, float(offset)),
        SlotSet(names.SHOWN_OFFERS, shown),
        SlotSet(names.OFFER_ID, None),
    ]


def result_card(rank: int, rec: Recommendation, slots: Mapping[str, Any]) -> dict[str, Any]:
    """The card of ``rec``: every skill the course teaches, and its reasons said of what the
    person asked for by name, of their goal and of their job."""
    jobs = services.engine().taxonomy.occupations
    goal, job = jobs.get(slots.get(names.TARGET) or ""), jobs.get(slots.get(names.OCCUPATION) or "")
    asked = frozenset(slots.get(names.WANTED_SKILLS) or ())
    return cards.recommendation_card(
        rank, rec, taught_by(rec.offer), asked, goal.label if goal else "", job=job.label if job else ""
    )


def taught_by(offer: Offer) -> tuple[tuple[str, str], ...]:
    """Every skill ``offer`` teaches as (URI, label); a label never mapped has no URI."""
    refs = services.engine().skill_refs(offer.skills)
    return tuple((ref.uri, ref.label) for ref in refs) + tuple(("", label) for label in offer.unmapped_skills)


def numbered_offer(slots: Mapping[str, Any], number: int) -> str | None:
    """The offer card ``number`` of this search showed, on whichever page: the same search again,
    from that card. Why: "number 7" on the third page (cards 11-15) got "Which course do you
    mean?" (QA12)."""
    if number < 1 or slots.get(names.OFFSET) is None:
        return None
    found = search(profile_from_slots(slots), top=1, offset=number - 1).found
    return found.recommendations[0].offer.offer_id if found.recommendations else None


def page_heading(
    offset: int, count: int, untaught: Sequence[str] = (), first_reason: str = "", closest: bool = True
) -> str:
    """ "Here is what fits you best:" above the first page, "More courses (6–10):" above the next.
    A first page says first what no course teaches: the skills asked for by name (``untaught``),
    above the closest courses (``closest``) or above those teaching the rest of the request, or
    what the engine's closest reason (the first card's ``first_reason``) names. Why: "learn about
    hydrogen fuel cells" got "Here is what fits you best" above energy management courses, silent
    that none teaches fuel cells (QA13)."""
    if not offset:
        if untaught and not closest:
            return card_texts.REST_HEADING.format(what=join_words(list(untaught), "or"))
        what = join_words(list(untaught), "or") if untaught else card_texts.closest_of(first_reason)
        return card_texts.CLOSEST_HEADING.format(what=what) if what else texts.SEARCHING
    first, last = offset + 1, offset + count
    return (card_texts.MORE_COURSE if count == 1 else card_texts.MORE_COURSES).format(first=first, last=last)


def hints_words(hints: Sequence[str], better: bool, closest: bool = False) -> str:
    """The engine's relax hints as plain sentences (``card_texts.hint_words``), said of the
    ``closest`` courses when they are of those."""
    return " ".join(
        card_texts.hint_words(h, texts.RELAX_BUTTON_TITLES, parsing.relax_limit(h), better, closest)
        for h in hints
    )


def _shown(offer: Mapping[str, Any]) -> dict[str, Any]:
    """What is kept of a card shown: enough to name it, compare distances and choose next steps."""
    keys = ("offer_id", "title", "distance_km", "mode", "cost_eur")
    return {key: offer.get(key) for key in keys}


def next_steps(slots: Mapping[str, Any], shown: Sequence[Mapping[str, Any]], more: bool) -> list[str]:
    """The refinements (intents) that would change the page ``shown``: "more results" only when
    there are more, "only online" and "closer" not when every card is online already (nor
    "closer" without a town or at its floor), "free ones" not when every card is free.

    Why: the summary named all four, and the buttons offered "Closer" under online courses and
    "More results" after the last page (QA8 L3, L7, L10)."""
    online = (
        all(o.get("mode") == names.MODE_ONLINE for o in shown) or slots.get(names.MODE) == names.MODE_ONLINE
    )
    free = all(o.get("cost_eur") == 0 for o in shown) or limit(slots.get(names.BUDGET)) == 0
    nearest = (
        slots.get(names.LATITUDE) is None or limit(slots.get(names.MAX_DISTANCE)) == TUNING.closer_floor_km
    )
    useful = {
        names.INTENT_MORE_RESULTS: more,
        names.INTENT_ONLY_ONLINE: not online,
        names.INTENT_CLOSER: not (online or nearest),
        names.INTENT_ONLY_FREE: not free,
    }
    return [intent for intent in texts.STEP_WORDS if useful[intent]]


def step_buttons(steps: list[str]) -> list[dict[str, str]]:
    """The buttons of ``steps``, and "Start over"."""
    wanted = {*steps, names.INTENT_START_OVER}
    return [b for b in texts.AFTER_RESULTS_BUTTONS if b["payload"].lstrip("/") in wanted]


def summary_text(
    slots: Mapping[str, Any], offset: int, shown: Sequence[Mapping[str, Any]], steps: list[str]
) -> str:
    """ "5 courses shown (1–5). Ask for …": the next steps named are those offered as buttons."""
    first, last = offset + 1, offset + len(shown)
    said = [
        texts.SUMMARY_ONE.format(first=first)
        if len(shown) == 1
        else texts.SUMMARY.format(count=len(shown), first=first, last=last),
        texts.SUMMARY_ASK.format(steps=join_words([texts.STEP_WORDS[s] for s in steps], "or"))
        if steps
        else texts.SUMMARY_TAP,
    ]
    if limit(slots.get(names.BUDGET)) == 0:
        said.append(texts.FREE_ONLY_NOTE)
    return " ".join(said)


def what_next(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """ "What would you like to do next?" with the buttons of the results last shown, or the
    general ones before any. Why: it offered "Find training for me" and "More results" under
    the last page (QA8 L10)."""
    buttons = shown_buttons(tracker)
    if buttons is None:
        dispatcher.utter_message(response=names.UTTER_WHAT_NEXT)
        return
    dispatcher.utter_message(text=texts.WHAT_NEXT, buttons=buttons)


def thanked(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """ "You're welcome!", with the buttons of the results shown, none before any. Why: it always
    offered "More results", also after a search that found nothing (QA13c)."""
    dispatcher.utter_message(text=texts.WELCOME, buttons=shown_buttons(tracker) or [])


def shown_buttons(tracker: Tracker) -> list[dict[str, str]] | None:
    """The next steps of the results last shown, and "Start over"; ``None`` before any."""
    shown = tracker.get_slot(names.SHOWN_OFFERS) or []
    if not shown:
        return None
    steps = next_steps(tracker.current_slot_values(), shown, more=len(shown) >= TUNING.page)
    return [*step_buttons(steps), texts.DEFAULT_CLARIFY_BUTTONS[-1]]


#: a way on when no course teaches what was asked for: the goal question again
CHANGE_GOAL = texts.button(card_texts.CHANGE_GOAL, names.INTENT_RELAX, **{names.CHOICE: names.GOAL})


def none_shown(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A question about the cards (which is cheapest, the first one's details) when the search
    made showed none: says so, with the ways on of that search (its relax buttons); False when
    cards are shown or no search was made. Why: after "I found nothing that fits" these got "Let
    me find some courses for you first" and a button to search anew (QA13)."""
    slots = tracker.current_slot_values()
    if slots.get(names.OFFSET) is None or slots.get(names.SHOWN_OFFERS):
        return False
    searched = search(profile_from_slots(slots), top=1)
    if searched.found.recommendations:  # the catalogue changed since: a new search finds some
        return False
    _nothing(dispatcher, searched.found.relax, 0, slots, searched, card_texts.NONE_SHOWN)
    return True


def _nothing(
    dispatcher: CollectingDispatcher,
    relax: tuple[str, ...],
    offset: int,
    slots: Mapping[str, Any],
    searched: Search | None = None,
    lead: str = "",
) -> None:
    """No (more) results: say so (after ``lead``), and which limit to relax with one button per
    limit; a new search that found nothing says that the cards shown before are still there.

    When the engine names no single limit (relaxing one is not enough), every limit the
    person set gets a button, so they can drop them one by one. When no course teaches what
    was asked for (``searched.untaught``), nor the closest (or none of the closest fits), the
    goal can be changed; the hints are then said of the closest courses, not as teaching what was
    asked for ("No course teaches weld underwater yet … One course that teaches what you asked
    for costs under €1300", QA13).
    """
    shown = slots.get(names.SHOWN_OFFERS) or []
    if offset > 0:
        dispatcher.utter_message(
            text=texts.NO_MORE, buttons=step_buttons(next_steps(slots, shown, more=False))
        )
        return
    first = int(slots.get(names.OFFSET) or 0) + 1
    numbers = card_texts.card_numbers(first, first + len(shown) - 1)
    stay = " " + card_texts.CARDS_STAY.format(numbers=numbers) if shown else ""
    lead = lead + " " if lead else ""
    start_over = texts.button("Start over", names.INTENT_START_OVER)
    if not relax or relax == (NOTHING_TEACHES,):  # (dead end: "Start over" alone, QA13)
        dispatcher.utter_message(text=lead + card_texts.NOTHING_TAUGHT + stay, buttons=[CHANGE_GOAL, start_over])
        return
    untaught, closest = (searched.untaught, searched.closest) if searched else ((), False)
    hints = hints_words(relax, better=False, closest=closest)
    if untaught:
        what = join_words(list(untaught), "or")
        template = card_texts.NOTHING_CLOSE_FITS if closest else card_texts.NOTHING_REST_FITS
        said = template.format(what=what, hints=hints)
    else:
        said = card_texts.NOTHING_FITS.format(hints=hints)
    extra = [CHANGE_GOAL] if untaught else []
    dispatcher.utter_message(
        text=lead + said + stay, buttons=_relax_buttons(relax, slots) + extra + [start_over]
    )


def _relax_buttons(hints: tuple[str, ...], slots: Mapping[str, Any]) -> list[dict[str, str]]:
    """One button per limit the engine's hints name; every limit set when they name none."""
    limits = [s for s in dict.fromkeys(parsing.relax_limit(h) for h in hints) if s]
    limits = limits or [s for s in texts.RELAX_BUTTON_TITLES if slots.get(s) not in (None, names.ANY)]
    return [
        texts.button(texts.RELAX_BUTTON_TITLES[s], names.INTENT_RELAX, **{names.CHOICE: s}) for s in limits
    ]
