"""Whether a conversation is a firm's, and what a firm is told where the shared actions answer a
worker: "I'm interested" under the courses that could cover its need, and its questions.

Why: a firm tapping "I'm interested" after saving got the worker's consent text ("As you chose not
to have your interest passed on …"), "is it free for us?" the worker's cost answer, and "what happens
now?" the worker's help (QA12). The shared actions (``offers``, ``faq``) ask :func:`firm_side`
and answer with :func:`firm_interest` / :func:`firm_answer`.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import firm_texts, names

_COST = re.compile(r"\b(?:free|cost\w*|price\w*|pay\w*|fees?|charge\w*|funding|funded)\b", re.I)
_CONFIRMATION = re.compile(r"\b(?:e-?mail\w*|mail|confirm\w*|receipt|copy|in writing)\b", re.I)
#: "what happens now?", "what's next?", "what are the next steps?"
_WHAT_NOW = re.compile(r"\bwhat(?:'?s)?\s+(?:happens\s+)?(?:now|next)\b|\bwhat happens after\b|\bnext steps?\b", re.I)


def firm_side(tracker: Tracker) -> bool:
    """True when the conversation is a firm's: one of its forms is open or ran (slot ``firm_side``),
    or it saved a need. Why the slot: a firm that lost its secret, or whose reference was refused,
    left no other slot behind, and its next words got a worker's answers (QA13)."""
    return bool(tracker.get_slot(names.FIRM_SIDE) or tracker.get_slot(names.NEED_REFERENCE)) or tracker.active_loop_name in (
        names.FIRM_NEED_FORM,
        names.FIRM_MANAGE_FORM,
    )


def marked_firm_side(tracker: Tracker) -> list[EventType]:
    """The event that marks the conversation as a firm's, unless it is marked already; the firm's
    forms return it whenever they run (the firm's opener, a need's reference or secret asked)."""
    return [] if tracker.get_slot(names.FIRM_SIDE) else [SlotSet(names.FIRM_SIDE, True)]


def firm_interest(partner: str, contact: str) -> str:
    """A firm's "I'm interested" in a course: the partner's contact, and that the team can help."""
    return firm_texts.FIRM_INTEREST.format(partner=partner, contact=contact)


def firm_answer(question: str) -> str | None:
    """A firm's question answered as a firm's: what it costs, whether a confirmation comes; None
    for any other, which the shared answers suit."""
    if _COST.search(question):
        return firm_texts.FIRM_COST
    if _CONFIRMATION.search(question):
        return firm_texts.FIRM_NO_CONFIRMATION
    return None


def asks_what_now(text: str, intent: str | None) -> bool:
    """True when a firm asks what happens next ("what happens now?"), by its intent or its words:
    in the manage form the intent is no answer the form maps, and it had said "Sorry, I didn't
    understand that answer" (QA12)."""
    return intent == names.INTENT_AFTER_INTEREST or _WHAT_NOW.search(text) is not None


def firm_what_now(tracker: Tracker) -> str:
    """What happens now for a firm: with a need saved (or opened with its secret), that the team
    was told and contacts the person named, and how to view or change it; after a secret said
    lost, what the team does about it; in the need form, what saving does; else, that nothing is
    under way. Why: a firm got the worker's help ("I ask a few questions about your job…", QA12),
    and after a lost secret the text of a need not saved yet (QA13b)."""
    opened = tracker.get_slot(names.MANAGE_SECRET) not in (None, names.SECRET_LOST)
    reference = tracker.get_slot(names.NEED_REFERENCE) or (opened and tracker.get_slot(names.MANAGE_REFERENCE))
    if reference:
        return firm_texts.FIRM_WHAT_NOW.format(reference=reference)
    lost = tracker.get_slot(names.FIRM_SECRET_LOST_OF)
    if lost:
        return firm_texts.LOST_SECRET_WHAT_NOW.format(reference=lost)
    return firm_texts.AFTER_SAVE_ANSWER if tracker.active_loop_name == names.FIRM_NEED_FORM else firm_texts.NOTHING_UNDER_WAY
