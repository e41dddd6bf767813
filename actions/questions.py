"""The questions of the profile form: one ``action_ask_<slot>`` per required slot.

A question either asks afresh or, when the validator left choices in a slot (ambiguous jobs,
jobs in demand, suggested towns), offers those choices as buttons. Questions read slots only,
but for the languages, which are those taught near the person in the catalogue in use.
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.common import guarded
from actions.goal_answers import something_to_build_on
from skills_catalog.catalog_search import languages_near
from skills_catalog.explain import language_name
from skills_catalog.models import GeoPoint

LANGUAGES_OFFERED = 3  # buttons besides "Any language": a fourth is typed


class _Question(Action, metaclass=ABCMeta):
    """Asks ``text`` with ``buttons`` for ``slot`` (abstract until a subclass names its slot)."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot this question asks for."""

    text = ""
    buttons: list[dict[str, str]] = []

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        """The text and buttons to send (override to depend on slots)."""
        return self.text, self.buttons

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text, buttons = self.question(tracker)
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


class AskConsent(_Question):
    """The consent question, which the greeting opens: from here the conversation was greeted."""

    slot, text, buttons = names.CONSENT, texts.ASK_CONSENT, texts.CONSENT_BUTTONS

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return [*await super().run(dispatcher, tracker, domain), SlotSet(names.GREETED, True)]


class AskOccupation(_Question):
    slot = names.OCCUPATION

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        options = tracker.get_slot(names.OCCUPATION_OPTIONS) or []
        if not options:
            return texts.ASK_OCCUPATION, [texts.SKIP_BUTTON]
        return texts.ASK_OCCUPATION_CHOICE, [texts.choice(o["label"], o["uri"]) for o in options] + [
            texts.NONE_OF_THESE
        ]


class AskSkills(_Question):
    slot, text, buttons = names.SKILLS, texts.ASK_SKILLS, [texts.SKIP_BUTTON]


class AskSkillsConfirmed(_Question):
    """Echoes the recognised skills back with a remove button for each."""

    slot = names.SKILLS_CONFIRMED

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        labels = tracker.get_slot(names.SKILL_LABELS) or {}
        uris = tracker.get_slot(names.SKILLS) or []
        shown = [labels.get(uri, uri) for uri in uris]
        text = texts.ASK_SKILLS_CONFIRMED.format(
            skills="\n".join(f"• {s}" for s in shown), first=shown[0] if shown else ""
        )
        remove = [
            texts.button(f"Not “{labels.get(uri, uri)}”", names.INTENT_REMOVE_SKILL, **{names.CHOICE: uri})
            for uri in uris[:6]
        ]
        return text, [texts.CORRECT_BUTTON, *remove]


class AskGoal(_Question):
    slot = names.GOAL

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        options = tracker.get_slot(names.GOAL_OPTIONS) or []
        if not options:
            return texts.ASK_GOAL, [texts.NOT_SURE_BUTTON]
        # "Keep it open" only with a job or skills to build on (QA12: it led nowhere without)
        keep_open = [texts.KEEP_OPEN] if something_to_build_on(tracker) else []
        return texts.ASK_GOAL_CHOICE, [texts.choice(o["label"], o["uri"]) for o in options] + keep_open


class AskPlace(_Question):
    slot = names.PLACE

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        suggestions = tracker.get_slot(names.PLACE_SUGGESTIONS) or []
        if not suggestions:
            return texts.ASK_PLACE, [texts.choice("I'd only learn online", names.NOT_GIVEN)]
        return texts.ASK_PLACE_CHOICE, [texts.choice(name, name) for name in suggestions[:5]]


class AskMode(_Question):
    slot, text, buttons = names.MODE, texts.ASK_MODE, texts.MODE_BUTTONS


class AskDistance(_Question):
    slot, text, buttons = names.MAX_DISTANCE, texts.ASK_DISTANCE, texts.DISTANCE_BUTTONS


class AskLanguage(_Question):
    """The languages courses near the person (or online) are taught in, the most taught first.
    Why: a worker in Bilbao was offered only English and German."""

    slot, text = names.LANGUAGE, texts.ASK_LANGUAGE

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        lat, lon = tracker.get_slot(names.LATITUDE), tracker.get_slot(names.LONGITUDE)
        point = GeoPoint(lat, lon) if lat is not None and lon is not None else None
        mode = tracker.get_slot(names.MODE)
        codes = languages_near(services.engine().catalog, point, mode=mode)[:LANGUAGES_OFFERED]
        if not codes:
            return self.text, texts.LANGUAGE_BUTTONS
        return self.text, [texts.choice(language_name(code), code) for code in codes] + [texts.ANY_LANGUAGE]


class AskBudget(_Question):
    slot, text, buttons = names.BUDGET, texts.ASK_BUDGET, texts.BUDGET_BUTTONS


class AskStart(_Question):
    slot, text, buttons = names.START, texts.ASK_START, texts.START_BUTTONS
