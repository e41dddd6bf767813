"""Low-confidence messages, empty or huge ones, and "talk to a person".

The clarifying question never guesses: it offers the two or three intents NLU thought most
likely as buttons, plus a way out. Inside the form it apologises and repeats the question.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import languages_said, names, parsing, texts
from actions.common import greet, greeted, guarded, latest_text
from actions.faq import answered_about_course
from actions.goal_change import goal_changed
from actions.staff_alerts import alert_staff

logger = logging.getLogger(__name__)
SUGGESTIONS = 3


def likely_intents(tracker: Tracker) -> list[str]:
    """The intents NLU ranked highest that have a button title, best first."""
    ranking = (tracker.latest_message or {}).get("intent_ranking") or []
    ranked = [item.get("name") for item in ranking]
    return [name for name in ranked if name in texts.INTENT_TITLES][:SUGGESTIONS]


class ActionClarify(Action):
    """Ask what was meant, with buttons — or refuse an empty or over-long message politely."""

    def name(self) -> str:
        return names.ACTION_CLARIFY

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        problem = parsing.message_problem(latest_text(tracker))
        in_form = bool((tracker.active_loop or {}).get("name"))
        if not in_form and not problem and not greeted(tracker):  # "hola" first: the greeting (a bot; consent)
            greet(dispatcher, latest_text(tracker))
            return [FollowupAction(names.PROFILE_FORM)]
        # "how long is number 3": read as no intent, yet it names a card shown (QA11)
        if not in_form and not problem and answered_about_course(dispatcher, tracker):
            return []
        # "no wait, sorry, PLC programming is what I want" after the results: no intent read (QA13)
        changed = None if in_form or problem else goal_changed(dispatcher, tracker)
        if changed is not None:
            return changed
        if problem:
            dispatcher.utter_message(text=texts.EMPTY if problem == "empty" else texts.TOO_LONG)
        elif languages_said.not_english(latest_text(tracker)):
            dispatcher.utter_message(text=texts.english_only(languages_said.foreign_language(latest_text(tracker))))
        elif in_form:
            dispatcher.utter_message(text=texts.CLARIFY_IN_FORM)
        else:
            buttons = [texts.button(texts.INTENT_TITLES[i], i) for i in likely_intents(tracker)]
            dispatcher.utter_message(
                text=texts.CLARIFY,
                buttons=(buttons + [texts.SOMETHING_ELSE]) if buttons else texts.DEFAULT_CLARIFY_BUTTONS,
            )
        logger.info("clarification asked of sender %s (%s)", tracker.sender_id, problem or "low confidence")
        return [FollowupAction(tracker.active_loop["name"])] if in_form else []


class ActionHumanHandoff(Action):
    """Note that the person wants a human and tell staff (the alert carries the conversation id only)."""

    def name(self) -> str:
        return names.ACTION_HUMAN_HANDOFF

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        logger.info("sender %s asked to talk to a person", tracker.sender_id)
        await alert_staff(texts.HANDOFF_ALERT.format(sender=tracker.sender_id), "hand-off")
        return [SlotSet(names.HANDOFF, True)]
