"""Questions about the courses and the words the assistant uses, answered where they are asked.

"what is ESCO?", "why do you need my town?", "is it free?" got "Sorry, I can't help with that —
I can only help with finding training" in the middle of the form, though they are questions
about finding training. Intent ``faq``; a rule answers it, then the form (if any) asks its
question again. The answer is picked by the words of the question (the first topic that
matches); the languages and the courses' hours are read from the catalogue in use, not written
down. A worry ("am I too old?", "is there an exam? I'm dyslexic") comes first: what the catalogue
does not record, and who can tell (``faq_texts``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import card_texts, cards, choices, faq_texts, languages_said, names, parsing, services, texts
from actions.common import guarded, latest_text
from actions.compare import over_shown, shown_offers, trait_answer
from actions.firm_conversation import firm_answer, firm_side
from actions.offers import requested_offer
from actions.results import what_next
from skills_catalog.catalog_search import languages_taught
from skills_catalog.explain import join_words, language_name
from skills_catalog.models import Catalog, Offer, Partner

_EQF = r"\beqf\b|\blevel\b"
_LANGUAGES = r"\blanguages?\b|\benglish\b|\bgerman\b|\bspanish\b"
_COST = r"\b(?:free|cost\w*|price\w*|pay\w*|fees?|funding|funded|funds|subsid\w*|cheap\w*|expensive)\b"
_WHEN = r"\b(?:start\w*|begin\w*|when)\b"
_HOW_LONG = r"\bhow long\b|\bduration\b|\bhow many (?:hours|days|weeks|months)\b"
_CERTIFICATE = r"\b(?:certif\w*|diploma|qualification)\b"
_MODE = r"\b(?:online|in person|blended|difference)\b"
#: the time of day or week, or part-time: the catalogue records none of it
_SCHEDULE = (
    r"\b(?:evenings?|mornings?|afternoons?|weekends?|nights?|part[- ]?time|full[- ]?time|time of day|"
    r"timetable|schedule\w*|after work|daytime|shifts?)\b"
)
#: a question that asks what a word means: the general answer, with the course's figure
_MEANING = re.compile(r"\bmean(?:s|ing)?\b|\bexplain\b|\bstand for\b", re.I)
#: a question about "it", the course last opened ("is it in English?", "how long is it?")
_ABOUT_IT = re.compile(r"\b(?:it|this|that|the course)\b", re.I)
#: "is there one in Basque?" under cards: which of them (``compare.trait_answer``), asked as ``faq`` only:
#: "is there one online?" read as "only online" searches again
_IS_THERE = re.compile(r"\b(?:is there (?:one|a course|any)|are there (?:any|ones?))\b", re.I)
_QUESTION = re.compile(
    r"\?\s*$|^\W*(?:is|are|does|can|could|will|would|has|how|what|when|where|which)\b", re.I
)
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
        (_HOW_LONG, faq_texts.DURATION),
        (_CERTIFICATE, texts.FAQ_CERTIFICATE),
        (_SCHEDULE, texts.FAQ_SCHEDULE),
        (_MODE, texts.FAQ_MODE),
    )
)
#: what a question asks of one course, and that course's answer in words: asked right after its
#: details ("how much does it cost?"), it had got the general answer about costs
_OF_A_COURSE: tuple[tuple[re.Pattern[str], Callable[[Offer, Partner, str], str]], ...] = tuple(
    (re.compile(words, re.I), answer)
    for words, answer in (
        (_COST, lambda offer, _, __: cards.cost_words(offer.cost_eur, offer.funding)),
        (
            _WHEN + r"|\b(?:end\w*|finish\w*|how long|hours|duration)\b",
            lambda offer, _, __: (
                cards.dates_words(cards.iso(offer.start_date), cards.iso(offer.end_date))
                + (f", {offer.duration_hours:g} h" if offer.duration_hours else "")
            ),
        ),
        (
            _SCHEDULE,
            lambda offer, partner, _: texts.COURSE_SCHEDULE.format(
                partner=partner.name, contact=cards.contact_of(offer, partner)
            ),
        ),
        (_LANGUAGES, lambda offer, _, question: languages_answer(question, offer)),
        (_MODE, lambda offer, _, __: cards.MODE_WORDS.get(offer.mode, offer.mode)),
        (
            _EQF,
            lambda offer, _, __: (
                card_texts.eqf_words(offer.eqf_level) if offer.eqf_level else "no EQF level given"
            ),
        ),
        (
            _CERTIFICATE,
            lambda offer, partner, _: faq_texts.COURSE_CERTIFICATE.format(
                level=f" (its level: EQF {offer.eqf_level})" if offer.eqf_level else "",
                partner=partner.name,
                contact=cards.contact_of(offer, partner),
            ),
        ),
        (
            r"\bwhere\b|\baddress\b",
            lambda offer, partner, _: (
                card_texts.ONLINE_WHERE.format(town=partner.city)
                if offer.mode == "online"
                else f"held in {offer.city or partner.city}"
            ),
        ),
    )
)

#: worries the catalogue cannot settle ("is it ok if I'm old?", "is there an exam? I'm dyslexic"),
#: each with its answer: what the catalogue does not record, and who can tell. First, as their
#: words are the surest: "my diploma from Syria, is it accepted?" is no question about certificates
WORRIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(words, re.I), answer)
    for words, answer in (
        (
            r"\b(?:recogni[sz]\w*|equivalen\w*|nostrifi\w*|homolog\w*)\b"
            r"|\b(?:diplomas?|degrees?|qualifications?|certificates?)\b.*\b(?:accept\w*|valid\w*|count|abroad|foreign)\b"
            r"|\b(?:accept\w*|valid\w*|foreign|abroad)\b.*\b(?:diplomas?|degrees?|qualifications?|certificates?)\b",
            faq_texts.RECOGNITION,
        ),
        (
            r"\b(?:firms?|compan(?:y|ies)|employers?|any(?:one|body)|who)\b[^.?!]*\bhiring\b"
            r"|\b(?:vacanc\w*|job (?:offers?|openings?|ads?|adverts?|listings?))\b"
            r"|\b(?:looking|searching|search) for (?:a |an )?(?:new )?(?:job|work|employment)\b|\bfind (?:me )?(?:a )?job\b",
            faq_texts.VACANCIES,
        ),
        (
            r"\b(?:wheel\s?chairs?|accessib\w*|disab\w*|handicap\w*|step[- ]free|blind|deaf|crutches)\b",
            faq_texts.ACCESS,
        ),
        (
            r"\b(?:exams?|examinations?|tests?|dyslex\w*|learning (?:difficult|disabilit)\w*|adhd)\b",
            faq_texts.EXAMS,
        ),
        (
            r"\b(?:too old|old|older|too late|my age|at my age|age limits?|retire\w*)\b"
            r"|\b(?:i'?m|i am|im)\s+\d{2}\b",
            faq_texts.AGE,
        ),
    )
)


def worry_answer(question: str, found: tuple[Offer, Partner] | None) -> str | None:
    """The answer to a worry ``question``, naming the partner of the course ``found`` (asked of
    a card) or the partners in general as who can tell; ``None`` when it voices none.
    Why: "I am 54. is it too late?" got "I can tell you about the courses …" (QA12)."""
    answer = next((answer for words, answer in WORRIES if words.search(question)), None)
    if answer is None:
        return None
    if found:
        offer, partner = found
        who = faq_texts.WHO_OF_COURSE.format(
            partner=partner.name, title=offer.title, contact=cards.contact_of(offer, partner)
        )
    else:
        who = faq_texts.WHO_GENERAL
    return answer.format(who=who, office=faq_texts.OFFICE)


def answer_to(question: str, languages: list[str], hours: tuple[float, float] | None = None) -> str:
    """The answer to ``question``, with the catalogue's ``languages`` named and its courses'
    shortest and longest ``hours``; the general one when no topic matches."""
    return topic_answer(question, languages, hours) or texts.FAQ_GENERAL


def topic_answer(question: str, languages: list[str], hours: tuple[float, float] | None = None) -> str | None:
    """The answer of the first topic ``question`` matches (see :func:`answer_to`); ``None`` when none does."""
    for words, answer in TOPICS:
        if words.search(question):
            if answer == faq_texts.DURATION and hours is None:
                return faq_texts.DURATION_UNKNOWN
            shortest, longest = hours or (0.0, 0.0)
            return answer.format(
                languages=join_words(languages, "and"), shortest=f"{shortest:g}", longest=f"{longest:g}"
            )
    return None


#: words naming a question of the profile form, for a question about it asked at another one
#: ("why do you need my job?" at the skills question)
_NAMES_QUESTION: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(words, re.I), slot)
    for words, slot in (
        (r"\b(?:jobs?|occupations?|professions?|job titles?)\b", names.OCCUPATION),
        (r"\bskills?\b", names.SKILLS),
        (r"\bgoals?\b", names.GOAL),
    )
)
#: a question about a question: why it is asked, what it means ("is there a course for my job?" is none)
_ABOUT_ASKING = re.compile(
    r"\bwhy\b|\bmean\w*|\bexplain\b|\bwhat\s+if\b|\bwhat(?:'s|\s+is|\s+are)\b|\bwhat\s+counts\b|\bdoes\b.*\bcount\b", re.I
)
#: a question whose subject names the one asked: "which skills?" at the skills' confirmation is about it
_SAME_QUESTION = {names.SKILLS_CONFIRMED: names.SKILLS}


def asked_in_profile(tracker: Tracker) -> str | None:
    """The slot the profile form is asking for; ``None`` outside it."""
    return tracker.get_slot(names.REQUESTED_SLOT) if tracker.active_loop_name == names.PROFILE_FORM else None


def named_question(question: str) -> str | None:
    """The form question ``question`` asks about by name ("what do you mean by skills?": the
    skills'); ``None`` when it names none or asks nothing about it."""
    if not _ABOUT_ASKING.search(question):
        return None
    return next((slot for words, slot in _NAMES_QUESTION if words.search(question)), None)


def question_explained(question: str, tracker: Tracker) -> str | None:
    """What the form question ``question`` names, else the one asked, is for and how to answer it
    (``faq_texts.ABOUT_QUESTION``); ``None`` outside the profile form when it names none. Why:
    "what do you mean by skills?", "what if I don't have one?" (a job) got the stock answer,
    "why do you need my job?" the privacy notice (QA13)."""
    asked, named = asked_in_profile(tracker), named_question(question)
    about = asked if named is not None and named == _SAME_QUESTION.get(asked or "") else named or asked
    return faq_texts.ABOUT_QUESTION.get(about or "")


def general_answer(question: str, tracker: Tracker) -> str:
    """The answer to a question on no course: its topic's, else what the question it names or
    the one asked means, else the stock answer."""
    languages, hours = catalogue_languages(), catalogue_hours(services.engine().catalog)
    return (
        topic_answer(question, languages, hours) or question_explained(question, tracker) or texts.FAQ_GENERAL
    )


def answer_in_form(question: str, tracker: Tracker) -> str:
    """The answer to a question typed where the profile form asked something ("do I have to
    pay?" at the consent question: what courses cost, not what the consent means; QA13), for a
    validator to say before the question comes again."""
    return (
        consent_explained(question, tracker)
        or worry_answer(question, None)
        or general_answer(question, tracker)
    )


def languages_answer(question: str, offer: Offer) -> str:
    """ "yes, in English" or "no, in German only" when ``question`` names languages ("is number 1
    in English?"), else the languages it is taught in. Why: that question got the list of every
    language of the catalogue (QA12)."""
    taught = join_words([language_name(c) for c in offer.languages], "or")
    named = parsing.parse_language(question)
    codes = languages_said.language_codes(named) if named and named != names.ANY else []
    if not codes:
        return "in " + taught
    matching = [language_name(c) for c in offer.languages if c in codes]
    if matching:
        return "yes, in " + join_words(matching, "and")
    return f"no, in {taught}" + (" only" if len(offer.languages) == 1 else "")


def about_course(question: str, offer: Offer, partner: Partner) -> str | None:
    """The answer to ``question`` from the course itself ("how much does it cost?" right after its
    details: it had got the general answer about costs); ``None`` when it asks none of these."""
    said = [figure(offer, partner, question) for words, figure in _OF_A_COURSE if words.search(question)]
    return texts.FAQ_THIS_COURSE.format(title=offer.title, facts="; ".join(said)) if said else None


def is_there_answer(question: str, tracker: Tracker) -> str | None:
    """Which cards shown are taught in the language or held in the mode ``question`` asks of
    ("is there one in Basque?"); ``None`` when it asks no such thing or no card is shown. Why:
    that question under the cards got the stock answer (QA12)."""
    shown = shown_offers(tracker) if _IS_THERE.search(question) else []
    return trait_answer(shown, question) if shown else None


def card_not_shown(text: str, tracker: Tracker) -> bool:
    """True when ``text`` names a card by a number or a place that no card shown bears ("is the
    second one free?" under one card), as "details of …" reads them (``offers.requested_offer``)."""
    shown = tracker.get_slot(names.SHOWN_OFFERS) or []
    if not shown or next(tracker.get_latest_entity_values(names.OFFER_ENTITY), None):
        return False
    card = choices.item_number(text)
    if card is not None:  # a number of an earlier page of the search is a card (``offers.requested_offer``)
        return card < 1 or card - 1 - int(tracker.get_slot(names.OFFSET) or 0) >= len(shown)
    number = choices.ordinal(text)
    return number is not None and not -len(shown) <= (number - 1 if number > 0 else number) < len(shown)


def beyond_shown(text: str, tracker: Tracker) -> str | None:
    """The answer to a question about a card not shown: how many are, and the question's answer
    for each of them; ``None`` when ``text`` names no such card. Why: "is the second one free?"
    under one card got that card's price, as if there were a second (QA12)."""
    if not card_not_shown(text, tracker):
        return None
    shown = shown_offers(tracker)
    if not shown:
        return None
    first, last = shown[0].number, shown[-1].number
    said = [
        texts.ONE_CARD_SHOWN.format(number=first)
        if len(shown) == 1
        else texts.CARDS_SHOWN.format(count=len(shown), first=first, last=last)
    ]
    partners = services.engine().catalog.partners
    for card in shown:
        partner = partners.get(card.offer.partner_id)
        facts = about_course(text, card.offer, partner) if partner else None
        if facts:
            said.append(facts if len(shown) == 1 else f"{card.number}. {facts}")
    return "\n".join(said)


def opened_course(tracker: Tracker) -> tuple[Offer, Partner] | None:
    """The course a question means, as "details of …" reads it (``offers.requested_offer``): the
    card it names ("is the first one free?", "how long is number 3"), else the one opened last,
    else the only card shown; ``None`` without. Why: "is the first one free?" after card 2 was
    opened got card 2's price."""
    offer_id = requested_offer(tracker)
    try:
        return services.engine().offer(offer_id) if offer_id else None
    except KeyError:  # gone from the catalogue since
        return None


def answered_about_course(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answer a question over the cards shown ("which ones are online?") from them, or one about
    "it" or a card named by its place ("is the second one free?") from that course, whatever
    intent it was read as; False when the message is no such question.

    Why: "is it online?" (read as "only online") and "is it in English?" (read as a new limit),
    asked of a card just opened, changed the search and searched again (QA8 D5); "which ones are
    online?" did so too.
    """
    text = latest_text(tracker)
    if not _QUESTION.search(text):
        return False
    answer = over_shown(text, tracker) or beyond_shown(text, tracker)
    if answer is None and (_ABOUT_IT.search(text) or choices.ordinal(text) is not None):
        found = opened_course(tracker)
        answer = about_course(text, *found) if found else None
    if answer is None:
        return False
    dispatcher.utter_message(text=answer)
    return True


#: what a consent question asked means, by the form asking it
_CONSENT_EXPLAINED = {
    (names.PROFILE_FORM, names.CONSENT): texts.CONSENT_EXPLAINED,
    (names.FIRM_NEED_FORM, names.FIRM_CONSENT): texts.FIRM_CONSENT_EXPLAINED,
}


def consent_explained(question: str, tracker: Tracker) -> str | None:
    """At a consent question, what it means, for a question on no topic of its own ("I don't
    know, what does that mean?") nor about another question; ``None`` elsewhere. Why: that was
    taken as a no (QA12)."""
    asked = (tracker.active_loop_name, tracker.get_slot(names.REQUESTED_SLOT))
    if asked not in _CONSENT_EXPLAINED or any(words.search(question) for words, _ in TOPICS + WORRIES):
        return None
    if named_question(question) is not None:  # "why do you need my job?": the job's why (QA13)
        return None
    return _CONSENT_EXPLAINED[asked]


def catalogue_hours(catalog: Catalog) -> tuple[float, float] | None:
    """The hours of the shortest and the longest course of ``catalog``; ``None`` when none gives
    them. Why: "how long does it take?" before any card got the stock answer (QA12)."""
    hours = [offer.duration_hours for offer in catalog.offers.values() if offer.duration_hours]
    return (min(hours), max(hours)) if hours else None


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
        question, found = latest_text(tracker), opened_course(tracker)
        consent = consent_explained(question, tracker)
        if consent is not None:  # the form asks its consent question again
            dispatcher.utter_message(text=consent)
            return []
        firms = firm_answer(question) if firm_side(tracker) else None
        if firms is not None:  # "is it free for us?" had got the worker's cost answer (QA12)
            dispatcher.utter_message(text=firms)
            return []
        course = (
            worry_answer(question, found)
            or over_shown(question, tracker)
            or is_there_answer(question, tracker)
            or beyond_shown(question, tracker)
            or (about_course(question, *found) if found else None)
        )
        if course is None or _MEANING.search(question):  # "what does EQF level 4 mean?": what EQF is
            course = general_answer(question, tracker) + (" " + course if course else "")
        dispatcher.utter_message(text=course)
        if tracker.active_loop_name is None:
            what_next(dispatcher, tracker)
        return []
