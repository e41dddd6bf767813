"""Results: first page, offer cards as in docs/messages.md, paging, refining, relaxing, errors."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, names, results, services, texts
from actions.cards import card_text, cost_words
from actions.recommendations import (
    ActionFreeText,
    ActionMoreResults,
    ActionRecommend,
    ActionRefineSearch,
    ActionRelaxLimit,
    ActionStartOver,
)
from actions.results import _nothing, profile_from_slots
from skills_catalog.explain import NOTHING_TEACHES
from tests.test_actions.conftest import DOMAIN, greeted, o, s, slots_of, texts_of, tracker

GRAZ = {names.PLACE: "Graz", names.LATITUDE: 47.0707, names.LONGITUDE: 15.4395}
PROFILE = {
    names.CONSENT: True,
    names.OCCUPATION: names.NOT_GIVEN,
    names.SKILLS: [s("blueprint")],
    names.SKILLS_CONFIRMED: True,
    names.GOAL: "mechatronics technician",
    names.TARGET: o("mechatronics"),
    names.WANTED_SKILLS: [],
    **GRAZ,
    names.MODE: names.ANY,
    names.MAX_DISTANCE: names.ANY,
    names.LANGUAGE: names.ANY,
    names.BUDGET: names.ANY,
    names.START: names.ANY,
}
OFFER_KEYS = {
    "teaches",
    "offer_id",
    "title",
    "partner",
    "venue",
    "distance_km",
    "mode",
    "languages",
    "start_date",
    "end_date",
    "duration_hours",
    "cost_eur",
    "funding",
    "eqf_level",
    "ecosystem",
    "pact_partnership",
    "url",
    "covers",
    "reasons",
}


def customs(dispatcher: CollectingDispatcher, kind: str) -> list[dict[str, Any]]:
    return [m["custom"] for m in dispatcher.messages if (m.get("custom") or {}).get("type") == kind]


async def test_profile_from_slots_maps_placeholders_to_no_limit() -> None:
    profile = profile_from_slots(
        {**PROFILE, names.MODE: names.MODE_IN_PERSON, names.BUDGET: 0.0, names.START: "2027-01-01"}
    )
    assert profile.target == o("mechatronics") and profile.occupation is None
    assert profile.modes == {"in_person", "blended"} and profile.max_cost_eur == 0.0
    assert profile.max_distance_km is None and profile.languages == frozenset()
    assert str(profile.available_from) == "2027-01-01" and profile.location_name == "Graz"


async def test_recommend_sends_cards_and_a_summary(dispatcher: CollectingDispatcher) -> None:
    events = await ActionRecommend().run(dispatcher, tracker(PROFILE), {})
    cards = customs(dispatcher, "offer_card")
    assert 1 <= len(cards) <= 5
    for card in cards:
        assert set(card) == {"type", "text", "offer", "buttons"}
        assert set(card["offer"]) == OFFER_KEYS
        assert set(card["offer"]["partner"]) == {"partner_id", "name", "city", "website", "email", "phone"}
        offer_id = card["offer"]["offer_id"]
        assert [b["payload"] for b in card["buttons"]] == [
            f'/offer_details{{"offer_id":"{offer_id}"}}',
            f'/express_interest{{"offer_id":"{offer_id}"}}',
        ]
        assert card["offer"]["title"] in card["text"] and card["offer"]["partner"]["name"] in card["text"]
    summary = customs(dispatcher, "results_summary")
    assert len(summary) == 1 and summary[0]["offers"] == [c["offer"] for c in cards]
    shown = slots_of(events)[names.SHOWN_OFFERS]
    assert [x["offer_id"] for x in shown] == [c["offer"]["offer_id"] for c in cards]
    assert slots_of(events)[names.OFFER_ID] is None  # an offer opened before is no longer "that one"


async def test_card_text_names_the_missing_skills_it_covers(dispatcher: CollectingDispatcher) -> None:
    await ActionRecommend().run(dispatcher, tracker(PROFILE), {})
    card = customs(dispatcher, "offer_card")[0]
    assert card["offer"]["covers"]
    assert "Teaches: for you: " + card["offer"]["covers"][0]["label"] in card["text"]  # QA12: all it teaches


@pytest.mark.parametrize(("venue", "where"), [("Leoben", "Graz; held in Leoben (12 km)"), ("", "Graz (12 km)")])
def test_a_card_gives_the_distance_of_the_town_the_course_is_held_in(venue: str, where: str) -> None:
    # QA3: a card said "Weiz (12 km)" for a course held in Leoben, 12 km away, by a partner in Weiz
    partner = {"name": "Academy", "city": "Graz", "website": "", "email": "", "phone": ""}
    offer = {"title": "Welding", "partner": partner, "venue": venue or "Graz", "distance_km": 12.0, "mode": "in_person",
             "languages": [], "start_date": None, "end_date": None, "duration_hours": None, "cost_eur": 0,
             "funding": "", "eqf_level": None, "ecosystem": "", "pact_partnership": "", "covers": [],
             "reasons": [], "url": ""}  # fmt: skip
    assert card_text(1, offer).splitlines()[0] == f"1. Welding — Academy, {where}"


async def test_more_results_moves_the_offset(dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results, "TUNING", results.ResultsTuning(page=2))
    events = await ActionMoreResults().run(dispatcher, tracker({**PROFILE, names.OFFSET: 0.0}), {})
    assert slots_of(events)[names.OFFSET] == 2.0


async def test_more_results_past_the_end_says_so_and_keeps_the_cards(dispatcher: CollectingDispatcher) -> None:
    events = await ActionMoreResults().run(dispatcher, tracker({**PROFILE, names.OFFSET: 50.0}), {})
    assert texts_of(dispatcher) == [texts.NO_MORE]
    # QA7: the offset moved on all the same, and the cards shown were renumbered 6, 7
    assert names.OFFSET not in slots_of(events) and names.SHOWN_OFFERS not in slots_of(events)


@pytest.mark.parametrize(
    ("intent", "slot", "value"),
    [
        (names.INTENT_ONLY_ONLINE, names.MODE, names.MODE_ONLINE),
        (names.INTENT_ONLY_FREE, names.BUDGET, 0.0),
        (names.INTENT_CLOSER, names.MAX_DISTANCE, 25.0),
    ],
    ids=["online", "free", "closer"],
)
async def test_refine_tightens_one_limit_and_searches_again(
    intent: str, slot: str, value: Any, dispatcher: CollectingDispatcher
) -> None:
    events = await ActionRefineSearch().run(
        dispatcher, tracker({**PROFILE, names.MAX_DISTANCE: 50.0}, intent=intent), {}
    )
    assert slots_of(events)[slot] == value
    assert slots_of(events)[names.OFFSET] == 0.0


async def test_only_online_cards_are_online(dispatcher: CollectingDispatcher) -> None:
    await ActionRefineSearch().run(dispatcher, tracker(PROFILE, intent=names.INTENT_ONLY_ONLINE), {})
    assert {c["offer"]["mode"] for c in customs(dispatcher, "offer_card")} == {"online"}


@pytest.mark.parametrize(
    ("slots", "said"),
    [({names.MODE: names.MODE_ONLINE}, texts.CLOSER_ONLINE), ({names.MAX_DISTANCE: 5.0}, texts.CLOSER_AT_FLOOR.format(km=5))],
    ids=["online-only", "at-the-floor"],
)
async def test_closer_where_it_changes_nothing_says_why(
    slots: dict[str, Any], said: str, dispatcher: CollectingDispatcher
) -> None:
    # QA4 6, 14: on an online-only search "closer" dropped "online" without a word and showed
    # courses in person; at 5 km it said "within 5 km" and showed the same cards again
    searched = tracker({**PROFILE, names.OFFSET: 0.0, **slots}, intent=names.INTENT_CLOSER)
    assert await ActionRefineSearch().run(dispatcher, searched, {}) == []
    assert texts_of(dispatcher) == [said]


async def test_closer_without_a_place_explains(dispatcher: CollectingDispatcher) -> None:
    no_place = {**PROFILE, names.PLACE: names.NOT_GIVEN, names.LATITUDE: None, names.LONGITUDE: None}
    assert await ActionRefineSearch().run(dispatcher, tracker(no_place, intent=names.INTENT_CLOSER), {}) == []
    assert texts_of(dispatcher) == [texts.CLOSER_NEEDS_PLACE]


async def test_a_limit_the_catalogue_does_not_record_is_answered_after_results(dispatcher: CollectingDispatcher) -> None:
    # QA8: "evenings only" after results got only "What would you like to do next?"
    searched = tracker({**PROFILE, names.OFFSET: 0.0}, text="evenings only please")
    await ActionFreeText().run(dispatcher, searched, {})
    assert texts_of(dispatcher)[0] == texts.UNRECORDED_LIMIT


SHOWN_BEFORE = {names.SHOWN_OFFERS: [{"offer_id": "O1", "title": "Welding", "distance_km": 0.0}], names.OFFER_ID: "O1"}


@pytest.mark.parametrize("text", ["number 1", "the first one please", "1"])
async def test_a_card_named_in_free_text_after_results_opens_it(text: str, dispatcher: CollectingDispatcher) -> None:
    # QA4 7: "number 8", "the second one" read as free text got "What would you like to do next?"
    searched = tracker({**PROFILE, **SHOWN_BEFORE, names.OFFSET: 0.0, names.OFFER_ID: None}, text=text)
    assert slots_of(await ActionFreeText().run(dispatcher, searched, {})) == {names.OFFER_ID: "O1"}
    assert dispatcher.messages[0]["custom"]["offer"]["offer_id"] == "O1"


async def test_nothing_fits_offers_limits_to_relax(dispatcher: CollectingDispatcher) -> None:
    strict = {
        **PROFILE,
        names.MODE: names.MODE_IN_PERSON,
        names.MAX_DISTANCE: 1.0,
        names.BUDGET: 0.0,
        names.LANGUAGE: "en",
    }
    events = slots_of(await ActionRecommend().run(dispatcher, tracker({**strict, **SHOWN_BEFORE}), {}))
    message = dispatcher.messages[-1]
    assert message["text"].startswith("I found nothing that fits all your limits")
    assert any(b["payload"].startswith("/relax") for b in message["buttons"])
    # QA8 D5: the cards shown before were forgotten, and "number 7" or "which one is free?" got
    # "Let me find some courses for you first"; they stay, and the answer says so (QA4 2: "the
    # first one" had passed the person on for a card of the page before without a word)
    assert message["text"].endswith(card_texts.CARDS_STAY.format(numbers="1"))  # QA12: not "(1–1)"
    assert names.SHOWN_OFFERS not in events and names.OFFER_ID not in events


async def test_a_first_search_that_finds_nothing_is_a_search(dispatcher: CollectingDispatcher) -> None:
    # QA9: "any distance" typed after a first search found nothing got "What would you like to do
    # next?", as if no search had been made
    strict = {**PROFILE, names.MODE: names.MODE_IN_PERSON, names.MAX_DISTANCE: 1.0, names.BUDGET: 0.0}
    events = slots_of(await ActionRecommend().run(dispatcher, tracker(strict), {}))
    assert events[names.OFFSET] == 0.0


async def test_relax_button_drops_that_limit(dispatcher: CollectingDispatcher) -> None:
    t = tracker(
        {**PROFILE, names.MAX_DISTANCE: 1.0},
        intent=names.INTENT_RELAX,
        entities={names.CHOICE: names.MAX_DISTANCE},
    )
    events = await ActionRelaxLimit().run(dispatcher, t, {})
    assert slots_of(events)[names.MAX_DISTANCE] == names.ANY


async def test_relax_without_a_limit_named_asks_which(dispatcher: CollectingDispatcher) -> None:
    assert (
        await ActionRelaxLimit().run(
            dispatcher, tracker(PROFILE, text="relax", intent=names.INTENT_RELAX), {}
        )
        == []
    )
    assert texts_of(dispatcher) == [texts.RELAX_QUESTION]


async def test_a_relax_title_typed_after_a_search_drops_that_limit(dispatcher: CollectingDispatcher) -> None:
    # "Any price" typed instead of tapped got "What would you like to do next?"
    searched = tracker({**PROFILE, names.OFFSET: 0.0, names.BUDGET: 0.0}, text="Any price", intent=names.INTENT_INFORM)
    events = await ActionFreeText().run(dispatcher, searched, {})
    assert slots_of(events)[names.BUDGET] == names.ANY
    assert texts_of(dispatcher)[0] == texts.RELAXED


@pytest.mark.parametrize(
    "action", [ActionFreeText, ActionRelaxLimit], ids=["free-text", "relax-intent"]
)
async def test_a_new_limit_typed_after_nothing_fits_sets_it(
    action: type, dispatcher: CollectingDispatcher
) -> None:
    # "I can pay up to 500 euros" after "no free offers" dropped the limit: offers at €730+ followed
    searched = tracker(
        {**PROFILE, names.OFFSET: 0.0, names.BUDGET: 0.0},
        text="I can pay up to 500 euros",
        intent=names.INTENT_RELAX,
    )
    events = await action().run(dispatcher, searched, {})
    assert slots_of(events)[names.BUDGET] == 500.0
    assert texts_of(dispatcher)[0] == texts.SEARCHING_AGAIN.format(limits="up to 500 €")
    costs = [c["offer"]["cost_eur"] for c in customs(dispatcher, "offer_card")]
    assert costs and all(cost <= 500 for cost in costs)


async def test_several_languages_each_count(dispatcher: CollectingDispatcher) -> None:
    assert profile_from_slots({**PROFILE, names.LANGUAGE: "en,de"}).languages == {"en", "de"}
    searched = tracker(
        {**PROFILE, names.OFFSET: 0.0}, text="English or German is fine", intent=names.INTENT_INFORM
    )
    events = await ActionFreeText().run(dispatcher, searched, {})
    assert slots_of(events)[names.LANGUAGE] == "en,de"
    assert texts_of(dispatcher)[0] == texts.SEARCHING_AGAIN.format(limits="courses in English or German")
    languages = [set(c["offer"]["languages"]) for c in customs(dispatcher, "offer_card")]
    assert languages and all(langs & {"en", "de"} for langs in languages)


@pytest.mark.parametrize(
    ("slots", "text"),
    [({**PROFILE, names.OFFSET: 0.0}, "I like trains"), (PROFILE, "any price")],
    ids=["not-a-limit", "no-search-yet"],
)
async def test_other_free_text_asks_what_next(slots: dict[str, Any], text: str, dispatcher: CollectingDispatcher) -> None:
    assert await ActionFreeText().run(dispatcher, greeted(tracker(slots, text=text, intent=names.INTENT_INFORM)), {}) == []
    assert dispatcher.messages[0]["response"] == names.UTTER_WHAT_NEXT


@pytest.mark.parametrize(
    ("text", "notices"),
    [("Hello, I am a welder", [texts.JOB_TAKEN.format(job="welder")]), ("hola", [texts.english_only("es")])],
)
async def test_a_first_message_that_is_no_greeting_gets_the_greeting(
    text: str, notices: list[str], dispatcher: CollectingDispatcher
) -> None:
    # QA4 4: "Hello, I am a welder", "hola" got "What would you like to do next?" with "More
    # results", and no word that this is a bot, nor the consent question
    events = await ActionFreeText().run(dispatcher, tracker(FRESH, text=text, intent=names.INTENT_INFORM), {})
    assert dispatcher.messages[0]["response"] == names.UTTER_GREET and texts_of(dispatcher)[1:] == notices
    assert events[-1] == FollowupAction(names.PROFILE_FORM)


async def test_results_need_a_profile(dispatcher: CollectingDispatcher) -> None:
    await ActionMoreResults().run(dispatcher, tracker(), {})
    assert texts_of(dispatcher) == [texts.PROFILE_INCOMPLETE]


async def test_a_job_alone_is_enough_to_search(dispatcher: CollectingDispatcher) -> None:
    # QA9: a job, no skills and "keep it open" got "I need a few answers from you first" forever
    only_a_job = {**PROFILE, names.OCCUPATION: o("welder"), names.SKILLS: [], names.TARGET: None, names.GOAL: None}
    await ActionRecommend().run(dispatcher, tracker(only_a_job), {})
    assert texts.PROFILE_INCOMPLETE not in texts_of(dispatcher)
    assert any((m.get("custom") or {}).get("type") == "offer_card" for m in dispatcher.messages)


async def test_engine_error_is_an_apology(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, dispatcher: CollectingDispatcher
) -> None:
    class Broken:
        def recommend(self, *args: Any, **kwargs: Any) -> None:
            raise OSError("catalogue file vanished")

    monkeypatch.setattr(services, "engine", lambda: Broken())
    assert await ActionRecommend().run(dispatcher, tracker(PROFILE), {}) == []
    assert texts_of(dispatcher) == [texts.APOLOGY]
    assert "action action_recommend failed" in caplog.text


async def test_start_over_keeps_consent_and_clears_the_profile(dispatcher: CollectingDispatcher) -> None:
    events = slots_of(await ActionStartOver().run(dispatcher, tracker(PROFILE), {}))
    assert names.CONSENT not in events
    assert all(
        events[slot] is None for slot in (names.SKILLS, names.TARGET, names.PLACE, names.REQUESTED_SLOT)
    )


async def test_start_over_forgets_that_results_were_sought(dispatcher: CollectingDispatcher) -> None:
    # after "start over", a limit typed outside the form must not be taken for a new search
    events = slots_of(await ActionStartOver().run(dispatcher, tracker({**PROFILE, names.OFFSET: 5.0}), {}))
    assert events[names.OFFSET] is None


async def test_when_no_single_limit_helps_every_limit_set_gets_a_button(
    monkeypatch: pytest.MonkeyPatch, engine: Any, dispatcher: CollectingDispatcher
) -> None:
    from dataclasses import replace

    real = engine.recommend
    monkeypatch.setattr(
        engine,
        "recommend",
        lambda *a, **k: replace(
            real(*a, **k),
            recommendations=(),
            relax=(
                "relaxing one limit alone is not enough — 4 teach these skills without any limits",
            ),
        ),
    )
    await ActionRecommend().run(
        dispatcher, tracker({**PROFILE, names.MAX_DISTANCE: 10.0, names.BUDGET: 0.0}), {}
    )
    payloads = [b["payload"] for b in dispatcher.messages[-1]["buttons"]]
    assert payloads[:2] == ['/relax{"choice":"max_distance_km"}', '/relax{"choice":"max_cost_eur"}']


FRESH = {slot: spec.get("initial_value") for slot, spec in DOMAIN["slots"].items()}


async def test_a_preference_before_any_search_is_no_new_search(dispatcher: CollectingDispatcher) -> None:
    # a first message "I'm looking for an online welding course in September" got "Okay, searching again
    # with …" and "I need a few answers from you first" (QA w24, f04)
    # with "What would you like to do next?" once fixed; now it starts the search with what it says
    first = tracker(FRESH, text="I'm looking for an online welding course in September")
    events = await ActionFreeText().run(dispatcher, first, {})
    assert events[-1] == FollowupAction(names.PROFILE_FORM) and slots_of(events)[names.MODE] == names.MODE_ONLINE
    assert not any("searching again" in (t or "").lower() for t in texts_of(dispatcher))


async def test_two_limits_typed_after_nothing_fits_each_take_their_number(
    dispatcher: CollectingDispatcher,
) -> None:
    # "ok I can travel 50 km and pay up to 600 euros" searched with 50 km and €50 (QA w30)
    searched = tracker(
        {**PROFILE, names.OFFSET: 0.0, names.MAX_DISTANCE: 30.0, names.BUDGET: 200.0},
        text="ok I can travel 50 km and pay up to 600 euros",
    )
    events = slots_of(await ActionFreeText().run(dispatcher, searched, {}))
    assert (events[names.MAX_DISTANCE], events[names.BUDGET]) == (50.0, 600.0)


@pytest.mark.parametrize("text", ["free", "only the free stuff"])
async def test_free_typed_after_results_searches_free_ones(
    text: str, dispatcher: CollectingDispatcher
) -> None:
    # both got "What would you like to do next?" (QA w09, w22)
    searched = tracker({**PROFILE, names.OFFSET: 0.0}, text=text)
    events = slots_of(await ActionFreeText().run(dispatcher, searched, {}))
    assert events[names.BUDGET] == 0.0
    costs = [c["offer"]["cost_eur"] for c in customs(dispatcher, "offer_card")]
    assert costs and set(costs) == {0}


@pytest.mark.parametrize(
    ("intent", "action"),
    [
        (names.INTENT_ONLY_ONLINE, ActionRefineSearch),
        (names.INTENT_INFORM, ActionFreeText),
        (names.INTENT_RELAX, ActionRelaxLimit),
    ],
    ids=["only-online", "inform", "relax"],
)
async def test_online_accepted_too_widens_the_search(
    intent: str, action: type, dispatcher: CollectingDispatcher
) -> None:
    # "online would be ok too" after nothing fits in person narrowed the search to online only (QA w17)
    searched = tracker(
        {**PROFILE, names.OFFSET: 0.0, names.MODE: names.MODE_IN_PERSON},
        text="online would be ok too",
        intent=intent,
    )
    events = slots_of(await action().run(dispatcher, searched, {}))
    assert events[names.MODE] == names.ANY
    assert texts_of(dispatcher)[0] == texts.RELAXED


async def test_closer_after_any_distance_stays_near(dispatcher: CollectingDispatcher) -> None:
    # "closer" after "any distance" said "Looking closer to you — within 259 km" (QA w01)
    shown = [
        {"offer_id": x, "title": x, "distance_km": km} for x, km in (("a", 0.9), ("b", 43.6), ("c", 517.4))
    ]
    searched = tracker(
        {**PROFILE, names.OFFSET: 0.0, names.SHOWN_OFFERS: shown}, text="closer", intent=names.INTENT_CLOSER
    )
    events = slots_of(await ActionRefineSearch().run(dispatcher, searched, {}))
    # QA5 N9: a fixed 25 km dropped the only relevant course nearby (80 km): the nearer cards stay
    assert events[names.MAX_DISTANCE] == 45.0
    assert texts_of(dispatcher)[0] == "Looking closer to you — within 45 km."


async def test_closer_after_any_distance_is_closer_than_the_limit_it_lifted(dispatcher: CollectingDispatcher) -> None:
    # QA12: 40 km, then "any distance", then "closer" set 50 km, farther than the person's own 40
    relaxed = tracker({**PROFILE, names.OFFSET: 0.0, names.MAX_DISTANCE: 40.0}, text="any distance")
    events = slots_of(await ActionRelaxLimit().run(dispatcher, relaxed, {}))
    assert (events[names.MAX_DISTANCE], events[names.KM_BEFORE_ANY]) == (names.ANY, 40.0)
    shown = [{"offer_id": x, "title": x, "distance_km": km} for x, km in (("a", 12.0), ("b", 90.0), ("c", 110.0))]
    closer = tracker({**PROFILE, **events, names.SHOWN_OFFERS: shown}, text="closer", intent=names.INTENT_CLOSER)
    assert slots_of(await ActionRefineSearch().run(dispatcher, closer, {}))[names.MAX_DISTANCE] == 20.0


async def test_cheaper_under_free_courses_says_they_are_free_already(dispatcher: CollectingDispatcher) -> None:
    # QA12: "cheaper?" when only free courses were sought said "Only free courses, then." and searched again
    free = tracker({**PROFILE, names.OFFSET: 0.0, names.BUDGET: 0.0}, text="cheaper?", intent=names.INTENT_ONLY_FREE)
    assert await ActionRefineSearch().run(dispatcher, free, {}) == []
    assert texts_of(dispatcher) == [card_texts.FREE_ALREADY]


async def test_a_new_way_of_learning_is_said_back_in_a_sentence(dispatcher: CollectingDispatcher) -> None:
    # "Okay, searching again with online." (QA report #20)
    searched = tracker({**PROFILE, names.OFFSET: 0.0}, text="online courses please")
    await ActionFreeText().run(dispatcher, searched, {})
    assert texts_of(dispatcher)[0] == "Okay, searching again — online."


async def test_a_wish_before_any_search_starts_it(dispatcher: CollectingDispatcher) -> None:
    # "I'd like to learn CNC programming" as a first message got "What would you like to do next?"
    t = tracker({names.OFFSET: None}, text="I'd like to learn PLC programming online", intent=names.INTENT_INFORM)
    events = await ActionFreeText().run(dispatcher, t, {})
    assert slots_of(events)[names.WANTED_SKILLS] == [s("plc")] and slots_of(events)[names.MODE] == names.MODE_ONLINE
    assert events[-1] == FollowupAction(names.PROFILE_FORM)


def test_a_card_and_its_reason_say_a_distance_the_same_way() -> None:
    # QA4 firm 14: the card said "6613.9 km", its reason "6614 km"
    partner = {"name": "Academy", "city": "Weiz", "website": "", "email": "", "phone": ""}
    offer = {"title": "Welding", "partner": partner, "venue": "Weiz", "distance_km": 6613.9, "mode": "in_person",
             "languages": [], "start_date": None, "end_date": None, "duration_hours": None, "cost_eur": 0,
             "funding": "", "eqf_level": None, "ecosystem": "", "pact_partnership": "", "covers": [],
             "reasons": ["6614 km from Springfield"], "url": ""}  # fmt: skip
    assert card_text(1, offer).splitlines()[0] == "1. Welding — Academy, Weiz (6614 km)"


async def test_the_summary_says_which_limit_keeps_out_what_teaches_far_more(dispatcher: CollectingDispatcher) -> None:
    # QA6: behind a budget, filler courses came as "what fits you best", with no word of the
    # course just over it that teaches the whole goal
    slots = {**PROFILE, names.SKILLS: [], names.BUDGET: 500.0}
    await ActionRecommend().run(dispatcher, tracker(slots), {})
    summary = dispatcher.messages[-1]
    # QA12: in a plain sentence, with what to say ("among them no offer costs €500 or less — 1 cost under €1600")
    assert 'One course that teaches far more of what you asked for costs under €1600: say "up to €1600"' in summary["text"]
    assert summary["buttons"][0] == texts.button("Any price", names.INTENT_RELAX, **{names.CHOICE: names.BUDGET})
    assert summary["buttons"][1:] == texts.AFTER_RESULTS_BUTTONS[1:]  # a short page: no "More results"


@pytest.mark.parametrize(
    ("changes", "left_out"),
    [
        ({names.BUDGET: 0.0}, {"More results", "Free ones"}),
        ({names.MODE: names.MODE_ONLINE}, {"More results", "Only online", "Closer"}),
        ({}, {"More results"}),
    ],
    ids=["free-only", "online-only", "short-page"],
)
async def test_the_next_steps_leave_out_what_would_change_nothing(
    changes: dict[str, Any], left_out: set[str], dispatcher: CollectingDispatcher
) -> None:
    # QA6: "More results" after the last short page answered "That's all I have for this search",
    # and "Free ones" was offered on a free-only search
    await ActionRecommend().run(dispatcher, tracker({**PROFILE, **changes}), {})
    after = {b["title"] for b in texts.AFTER_RESULTS_BUTTONS}
    titles = {b["title"] for b in dispatcher.messages[-1]["buttons"]} & after  # relax buttons aside
    assert titles == after - left_out


async def test_a_town_told_after_the_results_searches_again_from_there(dispatcher: CollectingDispatcher) -> None:
    # QA6: "I moved to Graz" after the results got "What would you like to do next?"
    slots = {**PROFILE, names.PLACE: "Linz", names.LATITUDE: 48.3069, names.LONGITUDE: 14.2858, names.OFFSET: 0.0}
    events = await ActionFreeText().run(dispatcher, tracker(slots, text="actually I live in Graz now"), {})
    assert texts_of(dispatcher)[0] == texts.PLACE_CHANGED.format(place="Graz", country="AT")
    assert slots_of(events)[names.PLACE] == "Graz" and names.SHOWN_OFFERS in slots_of(events)


@pytest.mark.parametrize(
    ("cost", "funding", "said"),
    [
        (0.0, "free of charge (public programme)", "free of charge (public programme)"),
        (0.0, "", "free"),
        (450.0, "ESF+ training voucher covers 80%", "€450 before funding (ESF+ training voucher covers 80%)"),
        (None, "", "cost not given"),
    ],
    ids=["free-funding-said-alone", "free", "funded", "unknown"],
)
def test_cost_words(cost: float | None, funding: str, said: str) -> None:
    # a card read "free (free of charge (public programme))"; QA8 L13: "€270 (Lanbide / Hobetuz
    # funded)" left open whether the person pays €270
    assert cost_words(cost, funding) == said


async def test_the_summary_names_the_next_steps_its_buttons_offer(dispatcher: CollectingDispatcher) -> None:
    # QA8 L3, L7: "1 course(s) shown", and "only online", "closer" named (and offered) under online courses
    online_goal = {**PROFILE, names.TARGET: o("analyst"), names.GOAL: "data analyst"}
    await ActionRecommend().run(dispatcher, tracker(online_goal), {})
    summary = dispatcher.messages[-1]
    assert summary["text"] == " ".join([texts.SUMMARY_ONE.format(first=1), texts.SUMMARY_TAP])
    assert [b["title"] for b in summary["buttons"]] == ["Start over"]


async def test_more_results_is_offered_only_when_there_are_more(
    dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA8 L10: "More results" under the last page answered "That's all I have"
    monkeypatch.setattr(results, "TUNING", results.ResultsTuning(page=2))
    for offset, more in ((0, True), (2, False)):  # four courses fit: two full pages
        results.show_results(dispatcher, tracker(PROFILE), {}, offset)
        summary = dispatcher.messages[-1]
        assert ("More results" in {b["title"] for b in summary["buttons"]}) is more
        assert ('"more results"' in summary["text"]) is more


async def test_free_only_says_what_it_leaves_out(dispatcher: CollectingDispatcher) -> None:
    # QA8 L13: "free only" left out the courses free for employees of member firms without a word
    await ActionRecommend().run(dispatcher, tracker({**PROFILE, names.BUDGET: 0.0}), {})
    assert texts.FREE_ONLY_NOTE in dispatcher.messages[-1]["text"]


async def test_what_next_after_results_offers_what_would_change_something(dispatcher: CollectingDispatcher) -> None:
    # QA8 L10: it offered "Find training for me" and "More results" under the last page
    shown = [{"offer_id": "O6", "title": "Python for data", "distance_km": None, "mode": "online", "cost_eur": 0}]
    slots = {**PROFILE, names.OFFSET: 0.0, names.SHOWN_OFFERS: shown}
    await ActionFreeText().run(dispatcher, tracker(slots, text="hmm okay"), {})
    [message] = dispatcher.messages
    assert message["text"] == texts.WHAT_NEXT
    assert [b["title"] for b in message["buttons"]] == ["Start over", "Talk to a person"]


def test_nothing_taught_is_said_once(dispatcher: CollectingDispatcher) -> None:
    # QA12: a pastry chef keeping the goal open read "I found no course in the catalogue for
    # these skills yet: no offer in the catalogue teaches these skills."
    _nothing(dispatcher, (NOTHING_TEACHES,), 0, {})
    assert texts_of(dispatcher) == [card_texts.NOTHING_TAUGHT]
