"""A stored need in words: for the firm's own view, the staff answers and the staff alert.

Pure functions of a :class:`~skills_catalog.needs.FirmNeed`. Only :func:`need_in_full` shows
the contact person and e-mail: it answers a staff member asking for one need; alerts, lists
and logs never carry them.
"""

from __future__ import annotations

from datetime import datetime

from actions import firm_texts, names, staff_texts, texts
from actions.firm_corrections import by_when_words
from actions.firm_counts import headcount
from skills_catalog.models import SkillRef
from skills_catalog.needs import NOT_SAID, FirmNeed


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _role(role: SkillRef) -> str:
    """A need's role for staff; one the firm typed and the taxonomy lacks says so (no offer can match it)."""
    return role.label if role.uri else firm_texts.STAFF_ROLE_TYPED.format(role=role.label)


def need_fields(need: FirmNeed) -> dict[str, object]:
    """The values every need template uses (no contact details)."""
    wanted = [s.label for s in need.skills] + ([_role(need.occupation)] if need.occupation else [])
    return {
        "reference": need.reference,
        "status": need.status,
        "wanted": ", ".join(wanted),
        "people": need.people,
        "headcount": headcount(need.people),
        "kind": "new hires" if need.kind == names.KIND_NEW_HIRES else "upskilling",
        # a deadline of the day it was posted was "as soon as possible" ("by 2026-12-07" read oddly)
        "by_when": by_when_words(need.by_when.isoformat() if need.by_when else None, need.created_at.date()),
        "mode": firm_texts.MODE_WORDS.get(need.mode, texts.ANY_MODE),
        "size": need.size,
        "ecosystem": texts.ECOSYSTEM_TITLES.get(need.ecosystem, need.ecosystem or NOT_SAID),
        # "medium firm (sector not said)": a need saved with "Not sure / other" had read "medium  firm"
        "firm": f"{need.size} {texts.ECOSYSTEM_TITLES.get(need.ecosystem, need.ecosystem)} firm"
        if need.ecosystem
        else f"{need.size} firm (sector {NOT_SAID})",
        "town": need.town,
        "created": _when(need.created_at),
    }


def need_line(need: FirmNeed) -> str:
    """One line of a staff list."""
    return staff_texts.STAFF_NEED_LINE.format(**need_fields(need))


def need_alert(need: FirmNeed) -> str:
    """The alert staff get when a need is saved (goes to the log in local mode: no contact)."""
    return texts.NEED_ALERT.format(**need_fields(need))


def need_in_full(need: FirmNeed) -> str:
    """Everything about one need, contact included, for a staff member who asked for it."""
    return staff_texts.STAFF_NEED_FULL.format(
        **need_fields(need),
        updated=_when(need.updated_at),
        company=need.company,
        country=need.country,
        contact_name=need.contact_name,
        contact_email=need.contact_email,
        consent=_when(need.consent_at),
        occupation=need.occupation.label if need.occupation else "—",
    )
