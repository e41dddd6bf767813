"""A new goal said once results were shown ("actually I'd rather learn welding", "what about
plumbing instead?"): the goal is changed, said back, and searched again with the job, the
skills, the town and the limits as they were. Said at a preference question, after the goal
question, it is changed and said back, and the form goes on.

Why: after the results only "start over" changed the goal, and it drops every answer; the town
and the limits could be changed in words there already (QA8 D12). The goal is read as the goal
question reads it (``goal_answers``); a field ("something in healthcare instead") offers its
jobs as buttons, and the one tapped is the new goal.
"""

from __future__ import annotations

import logging
import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import job_answers, names, parsing, texts, wishes
from actions.choices import names_a_card
from actions.common import latest_choice, latest_text
from actions.form_answers import Slots
from actions.goal_answers import Goal, goal_read, target
from actions.results import show_results

logger = logging.getLogger(__name__)

#: what is wanted said last: "PLC programming is what I want", "what I really need is welding" (QA13:
#: "Sorry, I'm not sure what you mean")
_WANTED = r"(?:is|'s)\s+what\s+i(?:'d|\s+would)?\s+(?:really\s+)?(?:want|need|like)|what\s+i\s+(?:really\s+)?(?:want|need)\s+is"
#: words that say the goal changes: "… instead", "I'd rather …", "what about …", "my new goal is …"
_CHANGE = re.compile(
    rf"\b(?:instead|rather|change (?:my |the )?goal|new goal|switch(?:ing)? to|something (?:else|different)|{_WANTED})\b"
    r"|^\W*(?:(?:and|but|ok|okay|hmm+|actually)\W+)?(?:what|how) about\b",
    re.I,
)
#: those words, left out of what the goal is read from
_CUES = re.compile(
    r"\b(?:actually|instead|rather|maybe|perhaps|what about|how about|change (?:my |the )?goal(?: to)?"
    rf"|(?:my )?new goal(?: is)?|switch(?:ing)? to|something (?:else|different),?(?: like)?|{_WANTED})\b"
    # a correction's opening: "no wait, sorry, …"
    r"|^\W*(?:(?:no|oh|wait|sorry|hmm+|um+|well|i mean)\b\W*)+",
    re.I,
)
#: a card named by what it is about: "what about the welding one?", "how about that course?"
_A_CARD = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,3}(?:one|course|card)\b", re.I)
#: what a goal is made of in the slots: all of it changes, a job's target and skills alike
_NO_GOAL: Slots = {
    names.TARGET: None,
    names.TARGET_LABEL: None,
    names.WANTED_SKILLS: [],
    names.GOAL_OPTIONS: None,
}


def says_new_goal(text: str) -> bool:
    """True when ``text`` says what to learn or become instead ("what about plumbing instead?",
    "I want to become an electrician") rather than naming a card."""
    if names_a_card(text) or _A_CARD.search(text):
        return False
    return bool(_CHANGE.search(text)) or wishes.wish_start(text) is not None


def new_goal(text: str, tracker: Tracker) -> Goal | None:
    """The goal ``text`` names (or the goals it offers to pick from: "what about something in
    healthcare instead?"); ``None`` when it names none, or the goal the person has already."""
    if not says_new_goal(text):
        return None
    wish = wishes.wish_start(text)
    said = _CUES.sub(" ", text[wish:] if wish is not None else text)
    goal = goal_read(said, tracker.get_slot(names.OCCUPATION))
    if goal is None or goal.offered:
        return goal
    slots = {**_NO_GOAL, **goal.slots}
    if all(
        (tracker.get_slot(slot) or None) == (slots.get(slot) or None)
        for slot in (names.TARGET, names.WANTED_SKILLS)
    ):
        return None
    return Goal(slots, goal.said)


def goal_changed_in_form(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
    """The slots of a new goal said at a question asked after the goal ("actually I'd rather
    become an electrician" at the distance question), said back; a field's or a broad title's
    jobs become the goal question's options, asked next. {} when ``text`` says no new goal, or
    only limits ("how about online?"). Why: it was read as an unclear answer and dropped."""
    if tracker.get_slot(names.GOAL) is None or not parsing.without_preferences(text):
        return {}
    found = new_goal(text, tracker)
    if found is None:
        return {}
    if found.offered:
        dispatcher.utter_message(text=found.offered)
        return {**_NO_GOAL, **found.slots}
    dispatcher.utter_message(text=texts.GOAL_CHANGED.format(goal=found.said))
    logger.info("sender %s changed the goal in the form", tracker.sender_id)
    return found.slots


def _picked(tracker: Tracker) -> Goal | None:
    """The job picked among those a field offered after the results, tapped or its title typed."""
    options = tracker.get_slot(names.GOAL_OPTIONS) or []
    chosen = job_answers.chosen(latest_choice(tracker) or latest_text(tracker), options)
    return (
        Goal({**_NO_GOAL, **target(chosen["uri"], chosen["label"], [])}, chosen["label"]) if chosen else None
    )


def goal_changed(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Once results were sought: a new goal in the latest message, said back and searched for,
    or the jobs of a field it names offered as buttons; ``None`` when the message names none."""
    if tracker.get_slot(names.OFFSET) is None:
        return None
    found = _picked(tracker) or new_goal(latest_text(tracker), tracker)
    if found is None:
        return None
    if found.offered:  # "what about something with computers?": its jobs, to pick from
        options = found.slots.get(names.GOAL_OPTIONS) or []
        dispatcher.utter_message(
            text=found.offered, buttons=[texts.choice(o["label"], o["uri"]) for o in options]
        )
        return [SlotSet(names.GOAL_OPTIONS, options or None)]
    dispatcher.utter_message(text=texts.GOAL_CHANGED.format(goal=found.said))
    logger.info("sender %s changed the goal after results", tracker.sender_id)
    return show_results(dispatcher, tracker, found.slots, 0)
