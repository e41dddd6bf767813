"""Plain-English reasons for a recommendation and hints about which limit to relax.

Kept apart from the ranking arithmetic so the wording can be reviewed (and changed) by someone
who never touches numpy. Every function here is pure: numbers and dataclasses in, a short
sentence out. Sentences are lower-case fragments ("12 km from Graz", "free") because the bot
and the CLI join them into a list; they never contain personal data beyond the place name the
person typed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date

from .models import Offer, Partner, SkillRef

LANGUAGE_NAMES = {
    "bg": "Bulgarian",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "hr": "Croatian",
    "hu": "Hungarian",
    "it": "Italian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mt": "Maltese",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sv": "Swedish",
    "uk": "Ukrainian",
    "tr": "Turkish",
    "ar": "Arabic",
    "ru": "Russian",
    "no": "Norwegian",
    "sr": "Serbian",
    "eu": "Basque",
    "ca": "Catalan",
    "gl": "Galician",
}
MODE_WORDS = {"in_person": "in person", "online": "online", "blended": "blended"}
_MAX_LABELS = 3


def day(d: date) -> str:
    """A date as people read it in a chat: "1 Feb 2027"."""
    return f"{d.day} {d:%b %Y}"


def language_name(code: str) -> str:
    """English name of an ISO 639-1 code, the code itself when unknown."""
    return LANGUAGE_NAMES.get(code.lower(), code)


def join_words(words: Sequence[str], conjunction: str = "or") -> str:
    """ "a", "a or b", "a, b or c" — lists as a sentence says them."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


#: words spelt with a vowel but said with a consonant first ("a unit", "a European", "a one-off"),
#: and with an "h" not said ("an hour")
_CONSONANT_SOUND = re.compile(r"^(?:uni|use|usu|ure|uro|eu|one\b|once\b)", re.I)
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)
#: letters said with a vowel first when an abbreviation is spelt out ("an HGV driver", "an SQL …")
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")


def with_article(phrase: str) -> str:
    """ "a welder", "an automotive electrician", "a university lecturer", "an HGV driver": the
    indefinite article a phrase takes. Why: "teaches skills a automotive electrician needs" (QA13)."""
    first = phrase.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        vowel = first[0] in _VOWEL_LETTERS
    else:
        vowel = (first[:1].lower() in "aeiou" and not _CONSONANT_SOUND.match(first)) or bool(_SILENT_H.match(first))
    return f"{'an' if vowel else 'a'} {phrase}"


def _labels(refs: Sequence[SkillRef]) -> str:
    """First few labels of ``refs``; an ellipsis says there are more."""
    shown = ", ".join(r.label for r in refs[:_MAX_LABELS])
    return shown + ("…" if len(refs) > _MAX_LABELS else "")


def coverage_reason(covers: Sequence[SkillRef], total: int, need: bool = False) -> str:
    """ "covers 3 of the 4 skills you are missing: welding, PLC programming, …".

    ``need`` switches to a firm's wording ("skills you need"), because a firm is not
    "missing" skills in the sense a person is.
    """
    what = "you need" if need else "you are missing"
    labels = _labels(covers)
    if total == 1:
        return f"covers the skill {what}: {labels}"
    if len(covers) == total:
        return f"covers all {total} skills {what}: {labels}"
    return f"covers {len(covers)} of the {total} skills {what}: {labels}"


def fallback_reason(target_label: str) -> str:
    """Said when the person already has every skill their goal needs (the gap is empty)."""
    if target_label:
        return f"you already have the skills {target_label} needs — this offer goes further"
    return "you already have the skills you named — this offer goes further"


def closest_reason(missing: Sequence[SkillRef], goal_label: str) -> str:
    """Said when no course teaches the core of what the person lacks, so the closest are shown:
    "no course in the catalogue teaches the skills you lack for specialist nurse yet — this one
    is the closest"."""
    what = f"the skills you lack for {goal_label}" if goal_label else _labels(missing)
    return f"no course in the catalogue teaches {what} yet — this one is the closest"


def distance_words(km: float) -> str:
    """A distance as cards, reasons and lists say it: "under 1 km", "12 km", "6614 km". Why one
    way: a card said "6613.9 km" and its reason "6614 km"."""
    return "under 1 km" if km < 1 else f"{km:.0f} km"


def place_reason(offer: Offer, partner: Partner, distance_km: float | None, from_name: str) -> str:
    """Where it happens: "online", "12 km from Graz", "blended, 12 km from Graz", "in Linz"."""
    if offer.mode == "online":
        return "online"
    prefix = "blended, " if offer.mode == "blended" else ""
    if distance_km is None:
        return f"{prefix}in {offer.city or partner.city}"
    km = distance_words(distance_km)
    return f"{prefix}{km} from {from_name or 'you'}"


def cost_reason(offer: Offer) -> str:
    """ "free", "€450, ESF+ voucher covers 80%", or that the cost was not given."""
    if offer.cost_eur is None:
        return f"cost not given{', ' + offer.funding if offer.funding else ''}"
    if offer.cost_eur == 0:
        return "free"
    amount = euros(offer.cost_eur)
    return f"{amount}, {offer.funding}" if offer.funding else amount


def euros(amount: float) -> str:
    """An amount as every text writes it: "€1770", "€270.5" (the card and its reasons had said
    "€1770" and "€1,770")."""
    return f"€{amount:g}"


def start_reason(offer: Offer, needed_by: date | None = None) -> str:
    """ "starts 1 Feb 2027" or "start any time" for rolling and self-paced offers; for a firm's
    need with a date, whether the course ends after it ("ends 9 Jun 2027, after 1 Jun 2027")."""
    if not offer.start_date:
        return "start any time"
    if needed_by and offer.start_date > needed_by:
        return f"starts {day(offer.start_date)}, after {day(needed_by)} when you need them"
    if needed_by and offer.end_date and offer.end_date > needed_by:
        return f"starts {day(offer.start_date)}, ends {day(offer.end_date)}, after {day(needed_by)} when you need them"
    return f"starts {day(offer.start_date)}"


def pact_words(partnership: str) -> str:
    """A Pact for Skills partnership as a fact: "Pact for Skills: Automotive Skills Alliance",
    and a name that says it already as it is ("Pact for Skills in Renewable Energy")."""
    return (
        partnership
        if partnership.lower().startswith("pact for skills")
        else f"Pact for Skills: {partnership}"
    )


def pact_reasons(offer: Offer, partner: Partner) -> list[str]:
    """Pact for Skills and twin-transition facts worth a cluster's mention."""
    reasons = []
    if offer.pact_partnership:
        reasons.append(pact_words(offer.pact_partnership))
    elif partner.pact_for_skills_member:
        reasons.append("partner has signed the Pact for Skills")
    twin = [t for t in ("green", "digital") if t in offer.transitions]
    if twin:
        reasons.append(f"{' and '.join(twin)} transition")
    return reasons


def seats_reason(seats: int | None, people: int) -> str:
    """Seats against the firm's head count; empty when the catalogue does not say."""
    if seats is None or people <= 0:
        return ""
    whom = "1 person" if people == 1 else f"{people} people"  # "for your 1 people" (QA8)
    if seats >= people:
        return f"{seats} seats for your {whom}"
    return f"only {seats} seats for your {whom}"


def nice_ceiling(value: float, step: float) -> float:
    """Round up to a step people use ("80 km", "€500"), never below one step."""
    return max(step, math.ceil(value / step) * step)


def distance_hint(limit_km: float, count: int, radius_km: float) -> str:
    """ "no offer within 30 km — 3 within 80 km"."""
    return f"no offer within {limit_km:g} km — {count} within {radius_km:g} km"


def cost_hint(limit_eur: float, count: int, under_eur: float) -> str:
    """ "no free offers — 5 cost under €500" (or "no offer costs €200 or less — …")."""
    head = "no free offers" if limit_eur == 0 else f"no offer costs €{limit_eur:g} or less"
    return f"{head} — {count} cost under €{under_eur:g}"


def modes_hint(modes: Sequence[str], counts: dict[str, int]) -> str:
    """ "no offer in person — 4 online, 1 blended"."""
    wanted = join_words([MODE_WORDS.get(m, m) for m in sorted(modes)])
    others = ", ".join(f"{n} {MODE_WORDS.get(m, m)}" for m, n in sorted(counts.items()) if n)
    return f"no offer {wanted} — {others}"


def languages_hint(languages: Sequence[str], counts: dict[str, int]) -> str:
    """ "no offer in German — 2 in English"."""
    wanted = join_words([language_name(code) for code in sorted(languages)])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    others = ", ".join(f"{n} in {language_name(code)}" for code, n in ranked if n)
    return f"no offer in {wanted} — {others}"


def start_hint(available_from: date, count: int, earliest: date) -> str:
    """ "no offer starts on or after 10 Jan 2027 — 2 start earlier, from 1 Dec 2026"."""
    return f"no offer starts on or after {day(available_from)} — {count} start earlier, from {day(earliest)}"


def several_limits_hint(count: int) -> str:
    """Said when no single limit, relaxed alone, would give a result."""
    return f"relaxing one limit alone is not enough — {count} teach these skills without any limits"


NOTHING_TEACHES = "no offer in the catalogue teaches these skills"


def related_reason(covers: Sequence[SkillRef]) -> str:
    """Skills an offer adds when there was no gap to fill: "teaches related skills: …"."""
    return f"teaches related skills: {_labels(covers)}"


def kinds_reason(general_label: str, kinds: Sequence[str]) -> str:
    """How an offer teaches a general skill asked for: "teaches perform tungsten inert gas
    welding, a kind of operate welding equipment" (the TIG course, to "I want to learn
    welding")."""
    return f"teaches {join_words(list(kinds[:_MAX_LABELS]), 'and')}, {'kinds' if len(kinds) > 1 else 'a kind'} of {general_label}"


def kind_label(kind_label: str, general_label: str) -> str:
    """A kind named where a general skill was asked for: "perform tungsten inert gas welding
    (a kind of operate welding equipment)", in a partner's row for a firm needing welding."""
    return f"{kind_label} (a kind of {general_label})"


def prepares_reason(occupation_label: str) -> str:
    """The offer names the person's goal occupation among those it prepares for."""
    return f"prepares for {occupation_label}"


def languages_reason(languages: Sequence[str]) -> str:
    """ "taught in German or English" — only the languages the person asked for."""
    return f"taught in {join_words([language_name(c) for c in languages])}"
