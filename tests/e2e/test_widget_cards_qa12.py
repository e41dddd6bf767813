"""The widget's offer cards say what the bot's card texts say (QA12, docs/widget.md), in a real browser.

The widget builds a card from the payload and hides its text version, so after the bot's cards
were reworded (actions/cards.py, actions/card_texts.py) it has to say the same: what the course
teaches ("for you: …" first), "Online (partner in …)", distances rounded as the bot rounds them,
dates as "16 Sep 2027", "free" once, a price beside a funding as the price before it, the EQF
level and the Pact for Skills in plain words. Cards made here by the bot's own functions from
offers that reach each of those cases are stored as a conversation and shown after a reload;
``card_agrees`` compares a card in the page with its text, and test_widget_qa12.py uses it on the
cards of a real journey too.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from playwright.sync_api import Locator, Page, expect

from actions.cards import card_text, details_text, offer_buttons, offer_payload
from skills_catalog.models import GeoPoint, Offer, Partner
from tests.e2e.widget_support import Visit

pytest_plugins = ["tests.e2e.widget_support"]

DAY = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b")  # "16 Sep 2027", as the bot writes dates
ISO_DAY = re.compile(r"\b\d{4}-\d\d-\d\d\b")
KM = re.compile(r"\((under 1 km|\d+ km)\)$")

PARTNER = Partner(
    partner_id="t-mvt", name="Mur Valley Training", kind="training centre", city="Weiz", country="AT",
    point=GeoPoint(47.22, 15.62), website="https://mvt.example.org", email="info@mvt.example.org",
    phone="+43 3172 0000",
)  # fmt: skip
SKILLS = [(f"http://example.org/skill/{i}", label) for i, label in enumerate(
    ["install solar panels", "read technical drawings", "wire electrical systems", "test batteries",
     "apply health and safety standards", "use hand tools", "inspect roofs", "plan installations",
     "advise customers"])]  # fmt: skip
# In Leoben (not the partner's Weiz) at 12.5 km, which the bot rounds to 12 (to even, as Python
# does); September, which en-GB shortens to "Sept"; €1200 before a funding; 2 skills for the
# person of 9 ("and 3 more"); EQF 4 and the Pact named with its prefix.
HELD_ELSEWHERE = Offer(
    offer_id="t-solar", partner_id="t-mvt", title="Solar installer course", skills=(),
    ecosystem="renewable_energy", mode="in_person", languages=("de", "en"), point=GeoPoint(47.38, 15.09),
    city="Leoben", eqf_level=4, pact_partnership="Pact for Skills in Renewable Energy", duration_hours=40,
    start_date=date(2027, 9, 16), end_date=date(2027, 10, 2), cost_eur=1200, funding="AMS Weiterbildungsgeld",
    description="Panels, wiring and batteries on real roofs.", seats=12,
)  # fmt: skip
# Online, free with a funding that says "free" already, none of its skills asked for.
ONLINE = Offer(
    offer_id="t-drawings", partner_id="t-mvt", title="Technical drawings online", skills=(),
    ecosystem="construction", mode="online", languages=("en",), point=PARTNER.point, city="Weiz",
    start_date=date(2027, 6, 16), duration_hours=12, cost_eur=0, funding="free of charge (public programme)",
)  # fmt: skip
# In the partner's town, under 1 km away, a price in cents and no funding.
NEARBY = Offer(
    offer_id="t-safety", partner_id="t-mvt", title="Safety on site", skills=(), ecosystem="construction",
    mode="blended", languages=("de",), point=PARTNER.point, city="Weiz", start_date=date(2027, 1, 4),
    cost_eur=270.5,
)  # fmt: skip
CARDS = [  # (offer, distance, skills for the person, every skill taught, reasons)
    (HELD_ELSEWHERE, 12.5, SKILLS[:2], SKILLS, ("teaches what you asked for: install solar panels and 1 more",
                                                "starts 16 Sep 2027")),
    (ONLINE, 310.0, [], SKILLS[1:4], ("online",)),
    (NEARBY, 0.4, SKILLS[4:5], SKILLS[4:5], ()),
]  # fmt: skip


def result_card(
    rank: int, offer: Offer, km: float, for_you: list, taught: list, reasons: tuple, firm: bool = False
) -> dict:
    """The bot's ``offer_card`` payload of a result, as actions/cards.py recommendation_card makes it
    (a ``firm``'s card is marked ``"for": "firm"``)."""
    payload = offer_payload(offer, PARTNER, km, tuple(for_you), reasons, tuple(taught))
    card = {"type": "offer_card", "text": card_text(rank, payload, firm), "offer": payload,
            "buttons": offer_buttons(offer.offer_id)}  # fmt: skip
    return {**card, "for": "firm"} if firm else card


def details_card(offer: Offer, for_you: list, taught: list) -> dict:
    """The reply to "Details", as actions/offers.py makes it (no Details button)."""
    return {"type": "offer_card", "text": details_text(offer, PARTNER, tuple(taught), tuple(for_you)),
            "offer": offer_payload(offer, PARTNER, covers=tuple(for_you), taught=tuple(taught)),
            "buttons": offer_buttons(offer.offer_id)[1:]}  # fmt: skip


def show_stored(visit: Visit, customs: list[dict], query: str = "") -> Page:
    """The page with a stored conversation of these cards, rendered as live ones are."""
    messages = [{"from": "bot", "data": {"text": c["text"], "custom": c}} for c in customs]
    state = {"v": 1, "sessionId": None, "open": True, "outbox": [], "messages": messages}
    page = visit.open_page(visit.web_url + query)
    page.evaluate("s => localStorage.setItem('cluster-chat', s)", json.dumps(state))
    page.reload()
    expect(page.locator("article.cc-card")).to_have_count(len(customs))
    return page


def shown(card: Locator) -> dict[str, Any]:
    """What a card in the page says: its facts (term → value) and its reasons."""
    return card.evaluate(
        """c => ({facts: Object.fromEntries([...c.querySelectorAll('dt')].map(dt =>
                    [dt.textContent, dt.nextElementSibling.textContent])),
                  reasons: [...c.querySelectorAll('.cc-reasons li')].map(li => li.textContent)})"""
    )


def said(text: str) -> dict[str, Any]:
    """What a card's text says: where (the end of its first line), its facts, skills and reasons."""
    lines = [line.strip() for line in text.split("\n")]
    rest = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in lines[2:] if ": " in line}
    return {"head": lines[0], "facts": lines[1].split(" · "), "teaches": rest.get("Teaches", ""),
            "why": rest.get("Why", "")}  # fmt: skip


def card_agrees(card: Locator, custom: dict) -> dict[str, Any]:
    """Asserts that the widget's card says what the card's text says; returns what the card shows."""
    widget, bot, offer = shown(card), said(custom["text"]), custom["offer"]
    facts = widget["facts"]
    assert facts.get("Teaches", "") == bot["teaches"], (facts, custom["text"])
    where = facts["Where"]
    if offer["mode"] == "online":
        assert where.startswith("Online (partner in "), where
        assert bot["head"].endswith(", " + where), (where, bot["head"])
    elif km := KM.search(bot["head"]):
        assert where.endswith(km.group(1)), (where, bot["head"])
    if offer["venue"] != offer["partner"]["city"] and offer["mode"] != "online":
        assert f"held in {offer['venue']}" in where, (where, bot["head"])
    dates = [fact for fact in bot["facts"] if fact.startswith("start")]
    hours = [fact for fact in bot["facts"] if re.fullmatch(r"[\d.]+ h", fact)]
    if dates and DAY.search(dates[0]):
        assert facts["When"] == " · ".join([" – ".join(DAY.findall(dates[0])), *hours]), (facts, bot["facts"])
    assert facts["Cost"] in bot["facts"], (facts["Cost"], bot["facts"])
    assert facts["Format"].startswith(bot["facts"][0]), (facts["Format"], bot["facts"])
    if bot["why"]:
        assert "; ".join(widget["reasons"]) == bot["why"], (widget["reasons"], bot["why"])
    if "Level" in facts:  # level and sector: on the details card
        assert facts["Level"] in bot["facts"], (facts["Level"], bot["facts"])
    pact = [fact for fact in bot["facts"] if "Pact for Skills" in fact]
    if pact and "Sector" in facts:
        assert pact[0] in facts["Sector"].split(" · "), (facts["Sector"], pact)
    everything = card.inner_text()
    assert not ISO_DAY.search(everything), f"a date not in the bot's format:\n{everything}"
    return widget


def test_cards_say_what_their_texts_say(visit: Visit) -> None:
    customs = [result_card(rank, *card) for rank, card in enumerate(CARDS, 1)]
    customs.append(details_card(HELD_ELSEWHERE, SKILLS[:2], SKILLS))
    page = show_stored(visit, customs)
    cards = page.locator("article.cc-card")
    shown_cards = [card_agrees(cards.nth(i), custom) for i, custom in enumerate(customs)]

    held, online, nearby, details = (card["facts"] for card in shown_cards)
    assert held["Teaches"] == (
        "for you: install solar panels, read technical drawings; also wire electrical systems, test batteries, "
        "apply health and safety standards, use hand tools and 3 more"
    )
    assert held["Where"] == "Weiz · held in Leoben · 12 km"
    assert held["When"] == "16 Sep 2027 – 2 Oct 2027 · 40 h"
    assert held["Cost"] == "€1200 before funding (AMS Weiterbildungsgeld)"
    assert online["Where"] == "Online (partner in Weiz)"
    assert online["Teaches"] == "read technical drawings, wire electrical systems, test batteries"
    assert online["Cost"] == "free of charge (public programme)"
    assert nearby["Where"] == "Weiz · under 1 km"
    assert nearby["Cost"] == "€270.5"
    # the details: its payload's skills, the results' distance, the level and the Pact in words
    assert details["Teaches"] == held["Teaches"] and details["Where"] == held["Where"]
    assert details["Level"] == "EQF level 4 (vocational, skilled worker)"
    assert details["Sector"] == "renewable energy · part of the EU Pact for Skills (Renewable Energy)"


def test_a_german_card_says_its_words_in_german_and_marks_the_bots_english(visit: Visit) -> None:
    """WCAG 3.1.2: "für Sie:" is the widget's German; the skills and the Pact's name, the bot's English."""
    customs = [result_card(rank, *card) for rank, card in enumerate(CARDS[:2], 1)]
    customs.append(details_card(HELD_ELSEWHERE, SKILLS[:2], SKILLS))
    page = show_stored(visit, customs, "?lang=de")
    cards = page.locator("article.cc-card")
    held, online, details = (shown(cards.nth(i))["facts"] for i in range(3))
    assert held["Vermittelt"].startswith("für Sie: install solar panels, read technical drawings; außerdem ")
    assert held["Vermittelt"].endswith(" und 3 weitere")
    assert held["Kosten"] == "1200 € vor Förderung (AMS Weiterbildungsgeld)".replace(" €", "\xa0€")
    assert not ISO_DAY.search(held["Wann"]) and held["Wann"].startswith("16. Sep"), held["Wann"]
    assert online["Wo"] == "Online (Anbieter in Weiz)"
    assert details["Niveau"].startswith("EQR-Niveau 4 (")
    teaches = cards.first.locator("dd").nth(4)  # after Where, When, Cost, Format
    langs = teaches.evaluate(
        """dd => { const walk = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT), said = [];
                   while (walk.nextNode()) said.push([walk.currentNode.textContent,
                                                      walk.currentNode.parentElement.closest('[lang]').lang]);
                   return said; }"""
    )
    assert langs == [
        ["für Sie: ", "de"], ["install solar panels, read technical drawings", "en"], ["; außerdem ", "de"],
        ["wire electrical systems, test batteries, apply health and safety standards, use hand tools", "en"],
        [" und 3 weitere", "de"],
    ], langs  # fmt: skip
    pact = cards.nth(2).locator("dd").filter(has_text="Kompetenzpakt")
    expect(pact.get_by_text("Renewable Energy", exact=True)).to_have_attribute("lang", "en")


def test_a_firms_card_says_for_your_need_as_its_text_does(visit: Visit) -> None:
    """A firm's card text says "for your need: …" (card_texts.teaches); the widget's card too, in German
    "für Ihren Bedarf: …", and a person's card beside it still "for you: …"."""
    customs = [result_card(1, *CARDS[0], firm=True), result_card(2, *CARDS[0])]
    page = show_stored(visit, customs)
    cards = page.locator("article.cc-card")
    firm, person = (card_agrees(cards.nth(i), custom)["facts"] for i, custom in enumerate(customs))
    assert firm["Teaches"].startswith("for your need: install solar panels, read technical drawings; also ")
    assert person["Teaches"].startswith("for you: install solar panels")
    german = show_stored(visit, customs, "?lang=de").locator("article.cc-card")
    assert shown(german.first)["facts"]["Vermittelt"].startswith("für Ihren Bedarf: install solar panels, ")
    assert shown(german.nth(1))["facts"]["Vermittelt"].startswith("für Sie: install solar panels, ")
