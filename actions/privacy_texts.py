"""The answer to "what do you store about me", built from the real stores and the slots.

Kept apart from ``texts.py`` because it is assembled from data rather than fixed wording; the
retention periods come from ``skills_catalog.privacy.RETENTION_DAYS`` so the answer and the
retention command cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from actions import names, texts
from actions.preferences import said_back
from skills_catalog.privacy import RETENTION_DAYS, StoredRecords

MONTHS = RETENTION_DAYS // 30
#: slots that hold what a person told the bot, in the order they are listed, with a plain label
TOLD = (
    (names.OCCUPATION_LABEL, "your job"),
    (names.SKILL_LABELS, "your skills"),
    (names.TARGET_LABEL, "your goal"),
    (names.WANTED_SKILLS, "skills you want to learn"),
    (names.PLACE, "your town"),
    (names.MODE, "your preferences"),  # with the four after it, in the words they were said back in
    (names.COMPANY, "company name"),
    (names.FIRM_TOWN, "company town"),
    (names.ECOSYSTEM, "sector"),
    (names.COMPANY_SIZE, "company size"),
    (names.CONTACT_NAME, "contact name"),
    (names.CONTACT_EMAIL, "contact e-mail"),
    (names.NEED_SKILL_LABELS, "skills your firm needs"),
    (names.NEED_PEOPLE, "people to train"),
)
EMPTY: tuple[object, ...] = (None, "", [], {}, names.NOT_GIVEN)

BUTTONS = [texts.button("Forget me", names.INTENT_FORGET_ME), texts.button("Continue", names.INTENT_CONTINUE)]
HEADER = "Here is everything I keep about you:"
CHAT = "• In this conversation (kept {months} months after your last message): {told}."
NOTHING_TOLD = "• In this conversation: nothing you told me yet, apart from the messages themselves."
LEAD = "• Interest passed on: offer {offer} to {partner} on {day} (kept {months} months)."
NEED = "• Skills need {reference} ({status}), posted {day} with the contact details you gave ({kept})."
#: how long a need and its contact details are kept, as ``skills_catalog.privacy.apply_retention``
#: deletes them (closed needs only); the firm's consent and privacy answer say the same
NEED_KEPT_OPEN = "kept while the need is open and {months} months after it is withdrawn or filled"
NEED_KEPT_CLOSED = "kept {months} months after it was {status}"
#: the conversations the needs came from (posted there, or opened there with the secret): "forget
#: me" here deletes them too, so they are listed (their contents are not repeated here)
OTHER_CHATS = (
    "• {count} other conversation(s) in which these needs were posted or opened with their secret, "
    "with what was told there and its consent records (kept {months} months after the last message)."
)
CONSENT = "• Your consent: {purpose}, given {day} via {channel}{withdrawn} (kept {months} months)."
WITHDRAWN = ", withdrawn {day}"
PURPOSES = {
    names.CONSENT_PURPOSE: "to pass your interest on to a training partner",
    names.FIRM_CONSENT_PURPOSE: "to contact your firm about its skills need",
}
STORE_DOWN = "• I can't read the stored contact notes right now; please ask again in a moment."
FOOTER = 'No phone number and nothing else. Type "forget me" to delete all of it (I ask you to confirm first).'


PREFERENCES = (names.MODE, names.MAX_DISTANCE, names.LANGUAGE, names.BUDGET, names.START)


def told_in_chat(slots: Mapping[str, Any], skill_labels: Mapping[str, str]) -> list[str]:
    """The plain-language items a person told, from the slots that are set; skills given as URIs
    are named by ``skill_labels`` (a URI it lacks stands as itself)."""
    items = []
    for slot, label in TOLD:
        if slot == names.MODE:
            value: Any = ", ".join(
                said_back(p, slots[p]) for p in PREFERENCES if slots.get(p) not in (*EMPTY, names.ANY)
            )
        else:
            value = slots.get(slot)
        if value in EMPTY or value == names.ANY:
            continue
        if isinstance(value, dict):
            value = ", ".join(str(v) for v in value.values())
        elif isinstance(value, list):
            value = ", ".join(skill_labels.get(v, str(v)) for v in value)
        items.append(f"{label}: {value}")
    return items


def what_stored(
    slots: Mapping[str, Any],
    records: StoredRecords | None,
    partner_names: Mapping[str, str],
    skill_labels: Mapping[str, str],
) -> str:
    """The whole answer; ``records`` is None when the stores could not be read."""
    told = told_in_chat(slots, skill_labels)
    lines = [HEADER, CHAT.format(months=MONTHS, told="; ".join(told)) if told else NOTHING_TOLD]
    if records is None:
        lines.append(STORE_DOWN)
    else:
        lines += [
            LEAD.format(offer=lead.offer_id, partner=partner_names.get(lead.partner_id, lead.partner_id),
                        day=f"{lead.created_at:%Y-%m-%d}", months=MONTHS)
            for lead in records.leads
        ]  # fmt: skip
        lines += [
            NEED.format(reference=n.reference, status=n.status, day=f"{n.created_at:%Y-%m-%d}", kept=_need_kept(n.status))
            for n in records.needs
        ]
        if records.conversations:
            lines.append(OTHER_CHATS.format(count=len(records.conversations), months=MONTHS))
        lines += [_consent_line(c) for c in records.consents]
    lines.append(FOOTER)
    return "\n".join(lines)


def _need_kept(status: str) -> str:
    """How long a need of ``status`` is kept. Why: a withdrawn need was said to be kept "12 months
    after it closes", while the consent had promised "until you withdraw the need"."""
    kept = NEED_KEPT_OPEN if status == "open" else NEED_KEPT_CLOSED
    return kept.format(months=MONTHS, status=status)


def _consent_line(record: Any) -> str:
    withdrawn = WITHDRAWN.format(day=f"{record.withdrawn_at:%Y-%m-%d}") if record.withdrawn_at else ""
    purpose = PURPOSES.get(record.purpose, record.purpose)
    return CONSENT.format(purpose=purpose, day=f"{record.given_at:%Y-%m-%d %H:%M} UTC", channel=record.channel,
                          withdrawn=withdrawn, months=MONTHS)  # fmt: skip
