"""Offers as the widget's custom payloads (docs/messages.md) and as readable text.

Pure functions from ``skills_catalog`` results to dicts and strings; the recommendation and
offer actions send what these return. Every card's ``text`` says in words what the card
shows, so channels that ignore custom payloads lose nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from actions import card_texts, names, texts
from actions.texts import button
from skills_catalog.explain import day, distance_words, euros, language_name
from skills_catalog.models import Offer, Partner, Recommendation

#: offers on one page of results (the brief asks for 3-5)
PAGE_SIZE = 5
MODE_WORDS = {"in_person": "in person", "online": "online", "blended": "blended (online + in person)"}


def offer_payload(
    offer: Offer,
    partner: Partner,
    distance_km: float | None = None,
    covers: tuple[tuple[str, str], ...] = (),
    reasons: tuple[str, ...] = (),
    taught: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """The ``offer`` object of an offer card; ``taught`` is every skill the course teaches (URI,
    label), ``covers`` those that answer the request."""
    return {
        "offer_id": offer.offer_id,
        "title": offer.title,
        "partner": {
            "partner_id": partner.partner_id,
            "name": partner.name,
            "city": partner.city,
            "website": partner.website,
            "email": partner.email,
            "phone": partner.phone,
        },
        "venue": offer.city or partner.city,  # where it takes place: not always the partner's town
        "distance_km": None if distance_km is None else round(distance_km, 1),
        "mode": offer.mode,
        "languages": list(offer.languages),
        "start_date": iso(offer.start_date),
        "end_date": iso(offer.end_date),
        "duration_hours": offer.duration_hours,
        "cost_eur": offer.cost_eur,
        "funding": offer.funding,
        "eqf_level": offer.eqf_level,
        "ecosystem": offer.ecosystem,
        "pact_partnership": offer.pact_partnership,
        "url": offer.url,
        "covers": [{"uri": uri, "label": label} for uri, label in covers],
        "teaches": teaches_payload(covers, taught),
        "reasons": list(reasons),
    }


def teaches_payload(
    covers: tuple[tuple[str, str], ...], taught: tuple[tuple[str, str], ...]
) -> list[dict[str, Any]]:
    """What the course teaches, those skills that answer the request first (``for_you``). Why:
    a forklift licence course "taught" only "warehouse operations", the one skill matched (QA12)."""
    mine = {label for _, label in covers}
    return [{"uri": uri, "label": label, "for_you": True} for uri, label in covers] + [
        {"uri": uri, "label": label, "for_you": False} for uri, label in dict.fromkeys(taught) if label not in mine
    ]


def offer_buttons(offer_id: str) -> list[dict[str, str]]:
    """Details / I'm interested, with the payloads of docs/messages.md."""
    return [
        button("Details", names.INTENT_OFFER_DETAILS, **{names.OFFER_ENTITY: offer_id}),
        button("I'm interested", names.INTENT_EXPRESS_INTEREST, **{names.OFFER_ENTITY: offer_id}),
    ]


def recommendation_card(
    rank: int,
    rec: Recommendation,
    taught: tuple[tuple[str, str], ...] = (),
    asked: frozenset[str] = frozenset(),
    goal: str = "",
    firm: bool = False,
    job: str = "",
) -> dict[str, Any]:
    """The ``offer_card`` custom payload of one recommendation (``rank`` counts from 1):
    ``taught`` is every skill of the course, ``asked`` the skills (URIs) the person asked for by
    name, ``goal`` the job they aim for and ``job`` the one they have, so the reasons say what it
    teaches of them; a ``firm``'s card says what it teaches "for your need" and is marked
    ``"for": "firm"`` so the widget says so too."""
    covers = tuple((ref.uri, ref.label) for ref in rec.covers)
    reasons = plain_reasons(rec, asked, goal, job)
    offer = offer_payload(rec.offer, rec.partner, rec.distance_km, covers, reasons, taught or covers)
    card = {
        "type": "offer_card",
        "text": card_text(rank, offer, firm),
        "offer": offer,
        "buttons": offer_buttons(rec.offer.offer_id),
    }
    return {**card, "for": "firm"} if firm else card


def plain_reasons(rec: Recommendation, asked: frozenset[str], goal: str, job: str = "") -> tuple[str, ...]:
    """The engine's reasons in a worker's words (``card_texts.plain_reason``): the coverage count
    becomes the skills taught of what was asked for, then of the goal; nothing missing says
    what the search built on (the skills asked for, or the ``job`` or skills of a goal left open)."""
    need = any(" skills you need" in r or r.startswith("covers the skill you need") for r in rec.reasons)
    named = [ref.label for ref in rec.covers if ref.uri in asked]
    of_goal = [ref.label for ref in rec.covers if ref.uri not in asked]
    covered = card_texts.coverage_words(named, of_goal, goal, need)
    built_on = card_texts.built_on(bool(asked), job)
    return tuple(card_texts.plain_reason(reason, covered, built_on) for reason in rec.reasons)


def summary_payload(cards: list[dict[str, Any]], text: str) -> dict[str, Any]:
    """The ``results_summary`` custom payload sent after a page of cards."""
    return {"type": "results_summary", "text": text, "offers": [card["offer"] for card in cards]}


def card_text(rank: int | None, offer: dict[str, Any], firm: bool = False) -> str:
    """Everything a card shows, in a few readable lines (a ``firm``'s: see ``card_texts.teaches``)."""
    partner = offer["partner"]
    head = f"{rank}. " if rank else ""
    lines = [f"{head}{offer['title']} — {partner['name']}, {where_words(offer)}", "   " + " · ".join(_facts(offer))]
    taught = offer.get("teaches") or [{**c, "for_you": True} for c in offer["covers"]]
    if taught:
        labels = [t["label"] for t in taught]
        mine = [t["label"] for t in taught if t["for_you"]]
        lines.append("   Teaches: " + card_texts.teaches(labels, mine, firm))
    if offer["reasons"]:
        lines.append("   Why: " + "; ".join(offer["reasons"]))
    lines.append("   Contact: " + contact_line(partner, offer["url"]))
    return "\n".join(lines)


def where_words(offer: dict[str, Any]) -> str:
    """Where a course is: "Kapfenberg (17 km)", "Weiz; held in Leoben (12 km)", and an online one
    "Online (partner in Bergamo)": it had said "Bergamo" with no sign it is online (QA12)."""
    partner, venue = offer["partner"], offer.get("venue") or offer["partner"]["city"]
    if offer["mode"] == "online":
        return card_texts.ONLINE_WHERE.format(town=partner["city"])
    where = venue + (f" ({distance_words(offer['distance_km'])})" if offer["distance_km"] is not None else "")
    if venue != partner["city"]:  # the distance is the venue's: "Leoben (12 km)", not Weiz's
        where = f"{partner['city']}; held in {where}"
    return where


def _facts(offer: dict[str, Any]) -> list[str]:
    """Mode, languages, dates, duration, cost, EQF, ecosystem and Pact partnership, as words."""
    facts = [MODE_WORDS.get(offer["mode"], offer["mode"])]
    if offer["languages"]:
        facts.append("in " + "/".join(language_name(c) for c in offer["languages"]))
    facts.append(dates_words(offer["start_date"], offer["end_date"]))
    if offer["duration_hours"]:
        facts.append(f"{offer['duration_hours']:g} h")
    facts.append(cost_words(offer["cost_eur"], offer["funding"]))
    if offer["eqf_level"]:
        facts.append(card_texts.eqf_words(offer["eqf_level"]))
    if offer["ecosystem"]:
        facts.append("ecosystem: " + texts.ECOSYSTEM_TITLES.get(offer["ecosystem"], offer["ecosystem"].replace("_", " ")))
    if offer["pact_partnership"]:
        facts.append(card_texts.pact_words(offer["pact_partnership"]))
    return facts


def dates_words(start: str | None, end: str | None) -> str:
    """When an offer runs, as cards, reasons and comparisons say it ("starts 16 Jun 2027"): a
    card had said "2027-06-16" and its reason "16 Jun 2027" (QA12)."""
    if not start:
        return "start any time (rolling)"
    return f"starts {day(date.fromisoformat(start))}" + (f", ends {day(date.fromisoformat(end))}" if end else "")


def cost_words(cost: float | None, funding: str) -> str:
    """What an offer costs and who funds it, as cards and comparisons say it; a funding that
    says "free" already is said alone (a card read "free (free of charge (public programme))").
    A price beside a funding is the price before it. Why: "€270 (Lanbide / Hobetuz funded)" left
    open whether the person pays €270 (QA8 L13)."""
    text = "cost not given" if cost is None else ("free" if cost == 0 else euros(cost))
    if cost == 0 and funding.lower().startswith("free"):
        return funding
    if cost and funding:
        return f"{text} before funding ({funding})"
    return f"{text} ({funding})" if funding else text


def contact_line(partner: dict[str, Any], url: str = "") -> str:
    """Website, e-mail and phone of a partner, whichever the catalogue has."""
    parts = [
        p
        for p in (url or partner.get("website", ""), partner.get("email", ""), partner.get("phone", ""))
        if p
    ]
    return ", ".join(parts) if parts else "see the partner's website"


def contact_of(offer: Offer, partner: Partner) -> str:
    """How to reach the partner about ``offer``, in words."""
    return contact_line(offer_payload(offer, partner)["partner"], offer.url)


def details_text(
    offer: Offer,
    partner: Partner,
    taught: tuple[tuple[str, str], ...] = (),
    for_you: tuple[tuple[str, str], ...] = (),
    firm: bool = False,
) -> str:
    """The details of one offer: the card text (with every skill ``taught``, ``for_you`` first:
    a ``firm``'s "for your need") plus description, seats and address."""
    payload = offer_payload(offer, partner, covers=for_you, taught=taught)
    lines = [card_text(None, payload, firm)]
    if offer.description:
        lines.append(offer.description)
    if offer.seats:
        lines.append(f"Seats: {offer.seats}")
    address = f"{partner.address}, {partner.postcode} {partner.city}".replace(" ,", ",") if partner.address else ""
    if offer.city and offer.city != partner.city:
        # QA8 L2: a course held in Weiz gave the partner's address in Leoben, and no word of Weiz
        lines.append(f"Held in {offer.city}" + (f" (the partner's own address: {address})" if address else ""))
    elif address:
        lines.append(f"Address: {address}")
    return "\n".join(lines)


def iso(day: date | None) -> str | None:
    """A date as payloads and cards write it (ISO), ``None`` for none."""
    return day.isoformat() if day else None
