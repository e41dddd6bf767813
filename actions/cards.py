"""Offers as the widget's custom payloads (docs/messages.md) and as readable text.

Pure functions from ``skills_catalog`` results to dicts and strings; the recommendation and
offer actions send what these return. Every card's ``text`` says in words what the card
shows, so channels that ignore custom payloads lose nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from actions import names, texts
from actions.texts import button
from skills_catalog.explain import distance_words, language_name, pact_words
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
) -> dict[str, Any]:
    """The ``offer`` object of an offer card."""
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
        "reasons": list(reasons),
    }


def offer_buttons(offer_id: str) -> list[dict[str, str]]:
    """Details / I'm interested, with the payloads of docs/messages.md."""
    return [
        button("Details", names.INTENT_OFFER_DETAILS, **{names.OFFER_ENTITY: offer_id}),
        button("I'm interested", names.INTENT_EXPRESS_INTEREST, **{names.OFFER_ENTITY: offer_id}),
    ]


def recommendation_card(rank: int, rec: Recommendation) -> dict[str, Any]:
    """The ``offer_card`` custom payload of one recommendation (``rank`` counts from 1)."""
    covers = tuple((ref.uri, ref.label) for ref in rec.covers)
    offer = offer_payload(rec.offer, rec.partner, rec.distance_km, covers, rec.reasons)
    return {
        "type": "offer_card",
        "text": card_text(rank, offer),
        "offer": offer,
        "buttons": offer_buttons(rec.offer.offer_id),
    }


def summary_payload(cards: list[dict[str, Any]], text: str) -> dict[str, Any]:
    """The ``results_summary`` custom payload sent after a page of cards."""
    return {"type": "results_summary", "text": text, "offers": [card["offer"] for card in cards]}


def card_text(rank: int | None, offer: dict[str, Any]) -> str:
    """Everything a card shows, in a few readable lines."""
    partner, venue = offer["partner"], offer.get("venue") or offer["partner"]["city"]
    where = venue + (f" ({distance_words(offer['distance_km'])})" if offer["distance_km"] is not None else "")
    if venue != partner["city"]:  # the distance is the venue's: "Leoben (12 km)", not Weiz's
        where = f"{partner['city']}; held in {where}"
    head = f"{rank}. " if rank else ""
    lines = [f"{head}{offer['title']} — {partner['name']}, {where}", "   " + " · ".join(_facts(offer))]
    if offer["covers"]:
        lines.append("   Teaches what's needed: " + ", ".join(c["label"] for c in offer["covers"]))
    if offer["reasons"]:
        lines.append("   Why: " + "; ".join(offer["reasons"]))
    lines.append("   Contact: " + contact_line(partner, offer["url"]))
    return "\n".join(lines)


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
        facts.append(f"EQF level {offer['eqf_level']}")
    if offer["ecosystem"]:
        facts.append("ecosystem: " + texts.ECOSYSTEM_TITLES.get(offer["ecosystem"], offer["ecosystem"].replace("_", " ")))
    if offer["pact_partnership"]:
        facts.append(pact_words(offer["pact_partnership"]))
    return facts


def dates_words(start: str | None, end: str | None) -> str:
    """When an offer runs, as cards and comparisons say it."""
    if not start:
        return "start any time (rolling)"
    return f"starts {start}" + (f", ends {end}" if end else "")


def cost_words(cost: float | None, funding: str) -> str:
    """What an offer costs and who funds it, as cards and comparisons say it; a funding that
    says "free" already is said alone (a card read "free (free of charge (public programme))").
    A price beside a funding is the price before it. Why: "€270 (Lanbide / Hobetuz funded)" left
    open whether the person pays €270 (QA8 L13)."""
    text = "cost not given" if cost is None else ("free" if cost == 0 else f"€{cost:g}")
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


def details_text(offer: Offer, partner: Partner) -> str:
    """The details of one offer: the card text plus description, seats and address."""
    payload = offer_payload(offer, partner)
    lines = [card_text(None, payload)]
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
