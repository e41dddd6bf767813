"""Questions about the courses and the words the assistant uses, answered where they are asked.

"what is ESCO?", "why do you need my town?", "is it free?" got "Sorry, I can't help with that —
I can only help with finding training" in the middle of the form, though they are questions
about finding training. Intent ``faq``; a rule answers it, then the form (if any) asks its
question again. The answer is picked by the words of the question (the first topic that
matches); the languages are read from the catalogue in use, not written down.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, services, texts
from actions.common import guarded, latest_text
from skills_catalog.catalog_search import languages_taught
from skills_catalog.explain import join_words, language_name

#: (words of a question, its answer), the first that matches wins: "what does EQF mean?" is
#: about EQF, not about what something means
TOPICS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(words, re.I), answer)
    for words, answer in (
        (r"\besco\b", texts.FAQ_ESCO),
        (r"\beqf\b|\blevel\b", texts.FAQ_EQF),
        (r"\bpact\b", texts.FAQ_PACT),
        (r"\b(?:town|city|where i live|postcode|location)\b", texts.FAQ_TOWN),
        (r"\blanguages?\b|\benglish\b|\bgerman\b|\bspanish\b", texts.FAQ_LANGUAGES),
        (r"\b(?:free|cost\w*|price\w*|pay|fees?|funding|funded|subsid\w*|cheap\w*|expensive)\b", texts.FAQ_COST),
        (r"\b(?:start\w*|begin\w*|when)\b", texts.FAQ_START),
        (r"\b(?:certificate\w*|diploma|qualification)\b", texts.FAQ_CERTIFICATE),
        (r"\b(?:online|in person|blended|difference)\b", texts.FAQ_MODE),
    )
)


def answer_to(question: str, languages: list[str]) -> str:
    """The answer to ``question``, with the catalogue's ``languages`` named; the general one
    when no topic matches."""
    for words, answer in TOPICS:
        if words.search(question):
            return answer.format(languages=join_words(languages, "and"))
    return texts.FAQ_GENERAL


def catalogue_languages() -> list[str]:
    """The names of the languages courses of the catalogue in use are taught in, commonest first."""
    return [language_name(code) for code in languages_taught(services.engine().catalog)]


class ActionAnswerFaq(Action):
    """Answer a question about the courses or a word the assistant uses; the form goes on."""

    def name(self) -> str:
        return names.ACTION_FAQ

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=answer_to(latest_text(tracker), catalogue_languages()))
        if tracker.active_loop_name is None:
            dispatcher.utter_message(response=names.UTTER_WHAT_NEXT)
        return []
