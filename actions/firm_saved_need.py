"""The need saved in this conversation: the chat holds its reference and secret, so a change said
right after saving applies to it without asking for them.

Why: "actually we need 5 not 3" right after saving opened a new need form, which then looped on
"Save" and "I want to change the need I just saved: 5 people instead of 3" (QA13b). A change said
after saving (a number of people, a date, a training mode) that names no role or skill the saved
need lacks is a change of that need; one naming other people ("we also need 2 electricians") is
a need of its own. The manage form (``firm_manage``) takes the reference and the secret from the
chat when such a change, or a typed message about the need with no reference, opens it.
"""

from __future__ import annotations

import asyncio
import logging
import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services
from actions.firm_need_reading import need_read
from actions.firm_need_said import need_clause
from actions.firm_parsing import parse_manage_changes
from skills_catalog.errors import StoreError
from skills_catalog.needs import FirmNeed

logger = logging.getLogger(__name__)

#: words naming a need saved or posted before: "the need I just saved", "our first need", "the posted one"
_SAVED_NEED = re.compile(
    r"\bneeds?\b[^.?!]{0,20}?\b(?:saved|posted|sent)\b|\b(?:saved|posted)\s+(?:need|one)\b"
    r"|\b(?:first|last|other|previous|earlier|old)\s+need\b",
    re.IGNORECASE,
)


def held(tracker: Tracker) -> tuple[str, str] | None:
    """The reference and the secret of the need saved in this conversation, or None."""
    reference, secret = tracker.get_slot(names.NEED_REFERENCE), tracker.get_slot(names.NEED_SECRET)
    return (reference, secret) if reference and secret else None


def saved_slots(reference: str, secret: str) -> list[EventType]:
    """The events that keep a need just saved in the conversation."""
    return [SlotSet(names.NEED_REFERENCE, reference), SlotSet(names.NEED_SECRET, secret)]


async def changes_saved_need(text: str, tracker: Tracker) -> bool:
    """True when ``text``, typed in a conversation that saved a need, changes that need: it says a
    new number of people, date or training mode, and names no role or skill the need lacks."""
    if held(tracker) is None or text.startswith("/"):
        return False
    changes, _ = parse_manage_changes(text)
    if not any(value is not None for _, value in changes):
        return False
    need = await _saved(tracker.get_slot(names.NEED_REFERENCE))
    return need is not None and not _names_more(text, need)


def said_of_saved_need(text: str) -> bool:
    """True when words name the need posted before, not the one being filled in ("change the need
    I just saved: 5 people instead of 3", "the first need we posted")."""
    return _SAVED_NEED.search(text) is not None


def to_manage_form(asked: str | None = None) -> list[EventType]:
    """What ends the need form (its question ``asked`` left unanswered: the raw words the form took
    are no answer) and opens the manage form instead, which reads the change from the same message."""
    unanswered = [SlotSet(asked, None)] if asked else []
    return [*unanswered, SlotSet(names.REQUESTED_SLOT, None), FollowupAction(names.FIRM_MANAGE_FORM)]


async def _saved(reference: str) -> FirmNeed | None:
    try:
        return await asyncio.to_thread(services.needs().get, reference)
    except StoreError:
        logger.exception("need %s not read to tell a change from a new need", reference)
        return None


def _names_more(text: str, need: FirmNeed) -> bool:
    """True when ``text`` names a role other than the need's, or a skill it lacks."""
    clause = need_clause(text)
    found = need_read(clause or text, CollectingDispatcher(), as_typed=clause is not None)
    if found is None:
        return False
    role, held_role = found[names.NEED_OCCUPATION], need.occupation
    if role is not None and (held_role is None or (role["uri"] or role["label"]) != (held_role.uri or held_role.label)):
        return True
    return not set(found[names.NEED_SKILLS]) <= {skill.uri for skill in need.skills}
