"""A firm's need told in its own words, over the REST channel against the real servers: the
sector in everyday words, the number of people inside the need, a deadline in words."""

from __future__ import annotations

from datetime import date

from actions.firm_parsing import parse_by_when
from actions.firm_submit import REACH_KM
from launcher.stack import Stack
from skills_catalog.engine import Engine
from skills_catalog.explain import day
from skills_catalog.places import distance_km
from tests.e2e.conftest import RestUser


def words(replies: list[dict]) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def test_a_need_in_the_firms_own_words(stack: Stack) -> None:
    firm = RestUser(stack)
    for turn in ["/firm_start", "/affirm", "Alpine Metal", "Leoben"]:
        firm.say(turn)
    replies = firm.say("we do metalworking, mostly for the car industry")
    offered = [b["title"] for r in replies for b in r.get("buttons", [])]
    assert offered == ["Energy-intensive industries", "Mobility, transport & automotive", "Another one…"], replies
    assert "How big is your firm?" in words(firm.say("automotive"))
    for turn in ['/inform{"choice":"small"}', "Peter Huber", "peter@alpine.example"]:
        firm.say(turn)
    firm.say("we need two people who can do TIG welding")
    assert "new hires, or upskilling" in words(firm.say("/affirm"))  # "how many?" was answered
    firm.say('/inform{"choice":"upskilling"}')
    firm.say("by the end of June")
    summary = words(firm.say("in person"))
    end_of_june = day(date.fromisoformat(parse_by_when("by the end of June")))  # as the cards write dates
    assert f"People: 2 (upskilling), by {end_of_june}, training: in person" in summary, summary
    assert "Mobility, transport & automotive" in summary

    saved = firm.say("/firm_save")
    cards = [r["custom"]["offer"] for r in saved if r.get("custom", {}).get("type") == "offer_card"]
    assert cards and "Training that could cover this need:" in words(saved), saved
    engine = Engine.from_settings(stack.settings)
    leoben = engine.place("Leoben").point
    for card in cards:
        offer, _partner = engine.offer(card["offer_id"])
        assert offer.mode == "online" or distance_km(leoben, offer.point) <= REACH_KM + 0.5
