"""Changes a firm makes to its need's skills and role where they are echoed back: "not …", "also
…", a tapped "Not …" button.

Beside the form (``firm_form``) as one part of its answers with rules of their own: a role kept as
typed has no URI, so its label stands for it; nothing left asks for the need again.
"""

from __future__ import annotations

import logging
import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import firm_texts, names, texts
from actions.choices import correction_parts, is_removal, listed_by_words, removed_words
from actions.common import latest_intent
from actions.firm_need_reading import need_read
from actions.form_answers import Slots
from actions.skill_answers import skills_in

logger = logging.getLogger(__name__)

#: the slots that hold the need's skills and role
_NEED_PARTS = (names.NEED_SKILLS, names.NEED_SKILL_LABELS, names.NEED_OCCUPATION)
#: the words that open an addition ("also …"), left out when it is said back
_ADDING = re.compile(r"^\s*(?:and\s+)?(?:also|add|plus|as well as)\b\s*|\s*\b(?:as well|too)\W*$", re.IGNORECASE)
#: the need cleared, so that the form asks for it from the start
NEED_AGAIN = {names.NEED_SKILLS: None, names.NEED_OCCUPATION: None, names.NEED_SKILLS_CONFIRMED: None}


def need_removed(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """ "not technical drawings", "no, remove …": drop what it names of the need (it cleared
    all of it). As in the worker form, what it names is read after the "not" (recognition
    names nothing in a negated line). The role goes when its title is said ("not welder"):
    recognised, a skill names a role too ("operate welding equipment": welder). Naming
    nothing listed asks which; a plain "no" asks for the need again."""
    said = removed_words(text)
    listed = tracker.get_slot(names.NEED_SKILLS) or []
    labels = {
        uri: label
        for uri, label in (tracker.get_slot(names.NEED_SKILL_LABELS) or {}).items()
        if uri in listed
    }
    written = [uri for uri, label in labels.items() if label.lower() in said.lower()]
    if written:  # "not cook meat dishes" is that skill, not the role *cook* its words hold (QA9)
        return need_without(written, tracker)
    role = tracker.get_slot(names.NEED_OCCUPATION)
    if role and role["label"].lower() in said.lower():
        return need_without([role["uri"] or role["label"]], tracker)
    named = [m.uri for m in skills_in(said, claimed=False)]
    targets = [uri for uri in listed if uri in named] or listed_by_words(said, labels)
    if targets:
        return need_without(targets, tracker)
    if named or latest_intent(tracker) == names.INTENT_REMOVE_SKILL or is_removal(text):
        dispatcher.utter_message(text=texts.SKILLS_NOT_LISTED if named else texts.SKILLS_WHICH)
        return {names.NEED_SKILLS_CONFIRMED: None}
    return dict(NEED_AGAIN)


def need_without(uris: list[str], tracker: Tracker) -> Slots:
    """Drop these skills (or the role): a tapped "Not …" button or a typed "not …"; nothing
    left asks for the need again."""
    skills = [u for u in tracker.get_slot(names.NEED_SKILLS) or [] if u not in uris]
    role = tracker.get_slot(names.NEED_OCCUPATION)
    role = None if role and (role.get("uri") or role.get("label")) in uris else role  # typed: its label
    logger.info("%d need skill(s) removed by sender %s", len(uris), tracker.sender_id)
    if not skills and not role:
        return dict(NEED_AGAIN)
    return {names.NEED_SKILLS: skills, names.NEED_OCCUPATION: role, names.NEED_SKILLS_CONFIRMED: None}


def need_with(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """ "also PLC programming": add what the text names; what it names that the need has already
    is said ("also Siemens TIA Portal and S7" is *programmable logic controller*, listed: the need
    was echoed unchanged, with no word why, QA13b)."""
    found = need_read(text, dispatcher)
    if found is None:
        dispatcher.utter_message(text=texts.SKILLS_NOTHING_NEW)
        return {names.NEED_SKILLS_CONFIRMED: None}
    before = need_parts(tracker)
    after = added_to(before, found)
    if (after[names.NEED_SKILLS], after[names.NEED_OCCUPATION]) == (before[names.NEED_SKILLS], before[names.NEED_OCCUPATION]):
        role = found[names.NEED_OCCUPATION]
        labels = ", ".join([*found[names.NEED_SKILL_LABELS].values(), *([role["label"]] if role else [])])
        said = _ADDING.sub("", text).strip(" .,;!")
        dispatcher.utter_message(text=firm_texts.NEED_HAS_IT.format(said=said, labels=labels))
    return {**after, names.NEED_SKILLS_CONFIRMED: None}


def need_corrected(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots | None:
    """ "not role: structural ironworker. also data analyst": the removals, then the additions on
    what is left (the removal alone had left nothing and asked for the need again); None when
    ``text`` does not both remove and add."""
    parts = correction_parts(text)
    removed = " ".join(removed_words(part) for part in parts if is_removal(part))
    added = " ".join(part for part in parts if not is_removal(part))
    if not removed or not added.strip():
        return None
    left = need_removed("not " + removed, dispatcher, tracker)
    found = need_read(added, dispatcher)
    if found is None:
        dispatcher.utter_message(text=texts.SKILLS_NOTHING_NEW)
        return left
    before = {**need_parts(tracker), **{slot: left[slot] for slot in _NEED_PARTS if slot in left}}
    return {**left, **added_to(before, found), names.NEED_SKILLS_CONFIRMED: None}


def need_parts(tracker: Tracker) -> Slots:
    """The need's skills and role as the slots hold them."""
    return {slot: tracker.get_slot(slot) for slot in _NEED_PARTS}


def added_to(before: Slots, found: Slots) -> Slots:
    """The skills found added to those kept aside (when the firm changes the need at the summary):
    the new role, else the old."""
    skills = list(before.get(names.NEED_SKILLS) or [])
    return {
        names.NEED_SKILLS: skills + [u for u in found[names.NEED_SKILLS] if u not in skills],
        names.NEED_SKILL_LABELS: {
            **(before.get(names.NEED_SKILL_LABELS) or {}),
            **found[names.NEED_SKILL_LABELS],
        },
        names.NEED_OCCUPATION: found[names.NEED_OCCUPATION] or before.get(names.NEED_OCCUPATION),
    }
