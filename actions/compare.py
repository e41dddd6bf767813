"""ActionCompareResults: "which one is the cheapest?" of the cards last shown.

Before this, the question got "Sorry, I can't help with that" right under five cards that each
show their price. The answer names the best card(s) by number, says the figure, and says which
cards do not give it; several criteria in one question are each answered ("the cheapest and
nearest"). "Which ones are in Basque / online?" names the cards taught or held so
(:func:`over_shown`, also asked by ``faq`` whatever intent such a question was read as). The
comparing itself is ``skills_catalog.comparing``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import cards, languages_said, names, parsing, services, texts
from actions.common import guarded, latest_choice, latest_text
from actions.results import none_shown
from skills_catalog.comparing import Comparison, Criterion, Shown, compare, having
from skills_catalog.explain import distance_words, join_words, language_name

#: the words that ask for each criterion, as people ask it of a page of results
_WORDS: dict[Criterion, re.Pattern[str]] = {
    Criterion.COST: re.compile(
        r"\b(?:cheap\w*|cost\w*|price\w*|pricing|expensive|afford\w*|free|money|pay|value)\b", re.I
    ),
    Criterion.DISTANCE: re.compile(r"\b(?:near\w*|close(?:st|r)?|far\w*|distance|travel\w*|nearby)\b", re.I),
    Criterion.START: re.compile(r"\b(?:soon\w*|earl\w*|start\w*|begin\w*|first to)\b", re.I),
    Criterion.DURATION: re.compile(r"\b(?:short\w*|quick\w*|fast\w*|long\w*|hours|duration)\b", re.I),
}
_FREE = re.compile(r"\bfree\b", re.I)
#: how each criterion's best is named in the answer
_BEST = {
    Criterion.COST: "cheapest",
    Criterion.DISTANCE: "nearest",
    Criterion.START: "soonest to start",
    Criterion.DURATION: "shortest",
}
_WHAT = {
    Criterion.COST: "price",
    Criterion.DISTANCE: "distance",
    Criterion.START: "start date",
    Criterion.DURATION: "length in hours",
}


#: a card named by what it is best at: "I'm interested in the cheapest one", "details of the closest"
_SUPERLATIVE: dict[Criterion, re.Pattern[str]] = {
    Criterion.COST: re.compile(r"\b(?:cheapest|least expensive|lowest price)\b", re.I),
    Criterion.DISTANCE: re.compile(r"\b(?:closest|nearest)\b", re.I),
    Criterion.START: re.compile(r"\b(?:soonest|earliest|first to start)\b", re.I),
    Criterion.DURATION: re.compile(r"\b(?:shortest|quickest)\b", re.I),
}


def best_named(text: str, tracker: Tracker) -> str | None:
    """The offer id of the one card shown that ``text`` names by what it is best at ("the cheapest
    one"); ``None`` when it names none this way, or several cards tie. Why: "I'm interested in the
    cheapest one" passed the interest on to the card opened last, 993 km away."""
    named = [c for c, words in _SUPERLATIVE.items() if words.search(text)]
    if len(named) != 1:
        return None
    best = compare(shown_offers(tracker), named[0], date.today()).best
    return best[0].offer.offer_id if len(best) == 1 else None


def names_best(text: str) -> bool:
    """True when ``text`` names a card by what it is best at (:func:`best_named`)."""
    return any(words.search(text) for words in _SUPERLATIVE.values())


def criteria_in(text: str) -> list[Criterion]:
    """The criteria a question asks for, in the order it names them."""
    found = [(match.start(), c) for c, words in _WORDS.items() if (match := words.search(text))]
    return [c for _, c in sorted(found, key=lambda pair: pair[0])]


def shown_offers(tracker: Tracker) -> list[Shown]:
    """The offers of the last page of cards, numbered as the cards were, that the catalogue
    still holds."""
    first = int(tracker.get_slot(names.OFFSET) or 0) + 1
    engine, shown = services.engine(), []
    for i, card in enumerate(tracker.get_slot(names.SHOWN_OFFERS) or []):
        offer = engine.catalog.offers.get(card["offer_id"])
        if offer is not None:
            shown.append(Shown(first + i, offer, card.get("distance_km")))
    return shown


#: a question over all the cards shown: "which ones are in Basque?", "are any of them online?"
_ANY_OF = re.compile(r"\bany of (?:them|these|those|the courses)\b", re.I)  # no "any" limit
_WHICH = re.compile(r"\bwhich\b", re.I)
#: what the cards that have what was asked are said to be (in texts.py once the lead moves them)
_HAVING = "Of the courses shown, {named} {verb} {what}."
_NONE_HAVING = "None of the courses shown is {what}."


def trait_answer(shown: list[Shown], text: str) -> str | None:
    """Which cards shown are taught in the language(s) ``text`` names, or held in the mode it
    names ("which ones are in Basque?"); ``None`` when it names neither."""
    text = _ANY_OF.sub(" ", text)  # "are any of them in Basque?" says no "any language"
    language = parsing.parse_language(text)
    codes = languages_said.language_codes(language) if language and language != names.ANY else []
    mode = parsing.parse_mode(text)
    mode = mode if mode in cards.MODE_WORDS else None
    if not codes and mode is None:
        return None
    said = [cards.MODE_WORDS[mode]] if mode else []
    if codes:
        said.append("taught in " + join_words([language_name(c) for c in codes], "or"))
    what, found = " and ".join(said), having(shown, codes, mode)
    if not found:
        return _NONE_HAVING.format(what=what)
    named = join_words([f"{s.number}. {s.offer.title}" for s in found], "and")
    return _HAVING.format(named=named, verb="are" if len(found) > 1 else "is", what=what)


def over_shown(text: str, tracker: Tracker) -> str | None:
    """The answer to a question over the cards shown ("which ones are in Basque?", "which one is
    free?"), read from them; ``None`` when ``text`` asks none or no card is shown. Why: asked as
    a question about courses (``faq``), "which ones are in basque?" got the general answer about
    languages right under the cards."""
    shown = shown_offers(tracker)
    if not shown or not (_WHICH.search(text) or _ANY_OF.search(text)):
        return None
    said = [answer(compare(shown, c, date.today()), c, text) for c in criteria_in(text)]
    said += [found] if (found := trait_answer(shown, text)) else []
    return "\n".join(said) or None


def value_words(shown: Shown, criterion: Criterion) -> str:
    """The figure the answer gives: "free (AMS funded)", "12 km", "starts 2 Mar 2027", "40 h"."""
    offer = shown.offer
    if criterion is Criterion.COST:
        return cards.cost_words(offer.cost_eur, offer.funding)
    if criterion is Criterion.DISTANCE:
        return distance_words(shown.distance_km or 0.0)
    if criterion is Criterion.START:
        return cards.dates_words(cards.iso(offer.start_date), None)
    return f"{offer.duration_hours:g} h"


def answer(comparison: Comparison, criterion: Criterion, question: str = "") -> str:
    """One sentence per criterion: the best card(s), their figure, the cards that lack it; asked
    which is free when none is, it says so first."""
    if not comparison.best:
        if criterion is Criterion.DISTANCE:
            return texts.COMPARE_NO_DISTANCE
        return texts.COMPARE_NONE_GIVES.format(what=_WHAT[criterion])
    if criterion is Criterion.COST and _FREE.search(question) and (comparison.best[0].offer.cost_eur or 0) > 0:
        prefix = texts.COMPARE_NONE_FREE + " "  # "which one is free?" got the cheapest, at €1350
    else:
        prefix = ""
    named = join_words([f"{s.number}. {s.offer.title}" for s in comparison.best], "and")
    verb = "are" if len(comparison.best) > 1 else "is"
    text = prefix + texts.COMPARE_BEST.format(
        best=_BEST[criterion], named=named, verb=verb, value=value_words(comparison.best[0], criterion)
    )
    if comparison.unknown and criterion is not Criterion.DISTANCE:
        numbers = join_words([str(s.number) for s in comparison.unknown], "and")
        text += " " + texts.COMPARE_UNKNOWN.format(numbers=numbers, what=_WHAT[criterion])
    return text


class ActionCompareResults(Action):
    """Answer which card shown is the cheapest, nearest, soonest to start or shortest."""

    def name(self) -> str:
        return names.ACTION_COMPARE

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        shown = shown_offers(tracker)
        if not shown and none_shown(dispatcher, tracker):  # a search that found nothing: its ways on
            return []
        if not shown:
            dispatcher.utter_message(text=texts.NO_OFFER_SHOWN, buttons=[texts.DEFAULT_CLARIFY_BUTTONS[0]])
            return []
        chosen = latest_choice(tracker)
        criteria = (
            [Criterion(chosen)]
            if chosen in {c.value for c in Criterion}
            else criteria_in(latest_text(tracker))
        )
        trait = None if chosen else trait_answer(shown, latest_text(tracker))  # "which ones are in Basque?"
        if not criteria and trait is None:
            dispatcher.utter_message(text=texts.COMPARE_WHICH, buttons=texts.COMPARE_BUTTONS)
            return []
        comparisons = [(c, compare(shown, c, date.today())) for c in criteria]
        best = {s.offer.offer_id: s for _, comparison in comparisons for s in comparison.best}
        buttons = [
            cards.offer_buttons(offer_id)[0] | {"title": f"Details of {s.number}"}
            for offer_id, s in best.items()
        ]
        said = [answer(comparison, c, latest_text(tracker)) for c, comparison in comparisons]
        dispatcher.utter_message(
            text="\n".join(said + ([trait] if trait else [])),
            buttons=buttons + (texts.AFTER_RESULTS_BUTTONS[:1] if len(shown) >= cards.PAGE_SIZE else []),
        )
        return []
