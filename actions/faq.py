"""Questions about the courses and the words the assistant uses, answered where they are asked.

"what is ESCO?", "why do you need my town?", "is it free?" got "Sorry, I can't help with that —
I can only help with finding training" in the middle of the form, though they are questions
about finding training. Intent ``faq``; a rule answers it, then the form (if any) asks its
question again. The answer is picked by the words of the question (the first topic that
matches); the languages are read from the catalogue in use, not written down.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import cards, names, services, texts
from actions.common import guarded, latest_text
from skills_catalog.catalog_search import languages_taught
from skills_catalog.explain import join_words, language_name
from skills_catalog.models import Offer

_EQF = r"\beqf\b|\blevel\b"
_LANGUAGES = r"\blanguages?\b|\benglish\b|\bgerman\b|\bspanish\b"
_COST = r"\b(?:free|cost\w*|price\w*|pay\w*|fees?|funding|funded|funds|subsid\w*|cheap\w*|expensive)\b"
_WHEN = r"\b(?:start\w*|begin\w*|when)\b"
_MODE = r"\b(?:online|in person|blended|difference)\b"
#: (words of a question, its answer), the first that matches wins: "what does EQF mean?" is
#: about EQF, not about what something means
TOPICS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(words, re.I), answer)
    for words, answer in (
        (r"\besco\b", texts.FAQ_ESCO),
        (_EQF, texts.FAQ_EQF),
        (r"\bpact\b", texts.FAQ_PACT),
        (r"\b(?:town|city|where i live|postcode|location)\b", texts.FAQ_TOWN),
        (_LANGUAGES, texts.FAQ_LANGUAGES),
        (_COST, texts.FAQ_COST),
        (_WHEN, texts.FAQ_START),
        (r"\b(?:certificate\w*|diploma|qualification)\b", texts.FAQ_CERTIFICATE),
        (_MODE, texts.FAQ_MODE),
    )
)
#: what a question asks of one course, and that course's answer in words: asked right after its
#: details ("how much does it cost?"), it had got the general answer about costs
_OF_A_COURSE: tuple[tuple[re.Pattern[str], Callable[[Offer], str]], ...] = tuple(
    (re.compile(words, re.I), answer)
    for words, answer in (
        (_COST, lambda offer: cards.cost_words(offer.cost_eur, offer.funding)),
        (
            _WHEN + r"|\b(?:end\w*|finish\w*|how long|hours|duration)\b",
            lambda offer: cards.dates_words(cards.iso(offer.start_date), cards.iso(offer.end_date))
            + (f", {offer.duration_hours:g} h" if offer.duration_hours else ""),
        ),
        (_LANGUAGES, lambda offer: "in " + join_words([language_name(c) for c in offer.languages], "or")),
        (_MODE, lambda offer: cards.MODE_WORDS.get(offer.mode, offer.mode)),
        (_EQF, lambda offer: f"EQF level {offer.eqf_level}" if offer.eqf_level else "no EQF level given"),
    )
)


def answer_to(question: str, languages: list[str]) -> str:
    """The answer to ``question``, with the catalogue's ``languages`` named; the general one
    when no topic matches."""
    for words, answer in TOPICS:
        if words.search(question):
            return answer.format(languages=join_words(languages, "and"))
    return texts.FAQ_GENERAL


def about_course(question: str, offer: Offer) -> str | None:
    """The answer to ``question`` from the course itself ("how much does it cost?" right after its
    details: it had got the general answer about costs); ``None`` when it asks none of these."""
    said = [figure(offer) for words, figure in _OF_A_COURSE if words.search(question)]
    return texts.FAQ_THIS_COURSE.format(title=offer.title, facts="; ".join(said)) if said else None


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
        question, opened = latest_text(tracker), tracker.get_slot(names.OFFER_ID)
        found = services.engine().catalog.offers.get(opened) if opened else None
        course = about_course(question, found) if found is not None else None
        dispatcher.utter_message(text=course or answer_to(question, catalogue_languages()))
        if tracker.active_loop_name is None:
            dispatcher.utter_message(response=names.UTTER_WHAT_NEXT)
        return []
