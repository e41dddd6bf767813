"""Validation of the firm need form: consent, company, town, ecosystem, size, contact, the need.

Each ``validate_<slot>`` reads the answer (a tapped button's ``choice`` wins over the text),
makes at most one call into the engine, and returns slot values. The summary question
(``firm_confirmed``) takes Save / Change / Cancel; "Change" offers the fields as buttons and a
chosen field is cleared, so the form asks it again and then shows the summary once more.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import firm_texts, names, services, texts
from actions.choices import is_addition, is_removal, picked
from actions.common import latest_choice, latest_intent, latest_text
from actions.consent import firm_consent_slots
from actions.firm_company_answer import not_a_name
from actions.firm_contact import EMAIL_IN, MARKUP, email_in, no_contact
from actions.firm_conversation import marked_firm_side
from actions.firm_corrections import (
    AFTER_SAVE,
    ASIDE_AT,
    CANCEL,
    NEED_CHANGED_AT,
    NOT_SAVE,
    QUESTION,
    SAVE,
    WRONG,
    asides,
    changes_at_summary,
    noted,
    value_said,
)
from actions.firm_counts import (
    parse_people,
    parse_size,
    people_needed,
    range_said,
    staff_size,
    without_replaced,
)
from actions.firm_need_edits import (
    added_to,
    need_corrected,
    need_parts,
    need_removed,
    need_with,
    need_without,
)
from actions.firm_need_reading import names_no_work, need_read
from actions.firm_need_said import firm_intro, need_clause, without_need_lead
from actions.firm_parsing import (
    COMPANY_WORDS,
    NAME_WORDS,
    company_in,
    parse_by_when,
    parse_ecosystem,
    parse_kind,
    parse_need_mode,
    person_named,
    town_named,
    unsure,
    without_name_lead,
)
from actions.firm_questions import ecosystem_buttons
from actions.firm_saved_need import changes_saved_need, said_of_saved_need, to_manage_form
from actions.firm_told_ahead import (
    answered_ahead,
    firm_told,
    need_changed,
    need_kept_said,
    need_told,
    place_or_date_told,
    place_slots,
    same_need,
    town_slots,
    upper_said,
)
from actions.form_answers import Slots, Validator, answer_text, answers, town_answer
from actions.parsing import yes_or_no
from skills_catalog.models import Place
from skills_catalog.places_index import place_key

logger = logging.getLogger(__name__)

#: slots cleared together with a field the firm chose to change
_CLEARED_WITH = {
    names.FIRM_TOWN: (names.FIRM_COUNTRY, names.FIRM_LATITUDE, names.FIRM_LONGITUDE),
    names.NEED_SKILLS: (names.NEED_SKILL_LABELS, names.NEED_OCCUPATION, names.NEED_SKILLS_CONFIRMED),
}


def _parsed(slot: str, parsed: Any, dispatcher: CollectingDispatcher, problem: str = "") -> Slots:
    """The slot set to the parsed answer; None (asked again) after saying what was wrong."""
    if parsed is None:
        dispatcher.utter_message(text=problem or texts.NOT_UNDERSTOOD)
    return {slot: parsed}


def _parsed_answer(slot: str, parse: Callable[[str], Any], problem: str = "") -> Validator:
    """A ``validate_<slot>`` that only parses the answer text: one line per slot in the form."""

    @answers(slot)
    async def validate(
        self: Any, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return _parsed(slot, parse(answer_text(value, tracker)), dispatcher, problem)

    return validate


#: intents of messages that answer no question, which a person's name may be taken for ("Lisa
#: Hofer" is out of scope): the contact person's question reads these, where a name is expected
_OFF_TOPIC = frozenset({"out_of_scope", "chitchat"})
#: how a sentence about the firm opens, where its name was asked for ("we need three welders")
_FIRM_SENTENCE = re.compile(
    r"^\W*(?:we|we're|we'?ve|we are|i'm|i am|i need|need|looking for|hiring)\b", re.IGNORECASE
)

#: no ecosystem: the "Not sure / other" button (its choice is :data:`names.ANY`) or its words,
#: "none of them", "skip"; not "other", the short list's way to the whole list
_NO_ECOSYSTEM = re.compile(
    rf"^\W*(?:{names.ANY}|not\s+sure\s*/\s*other|none(?:\s+of\s+(?:them|these|those))?|skip)\W*$", re.IGNORECASE
)


def _one_line(text: str) -> str:
    """A name as typed, on one line with single spaces, at most 200 characters."""
    return " ".join(text.split())[:200]


class ValidateFirmNeedForm(FormValidationAction):
    """Validates every slot of ``firm_need_form``."""

    def name(self) -> str:
        return names.VALIDATE_FIRM_NEED_FORM

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate the answers; when the form starts, first keep the need stated by the message
        that started it ("we need 3 welders in Kapfenberg" at the worker's consent question was
        lost: only a need typed at one of the firm's questions was kept)."""
        text = latest_text(tracker)
        asked = tracker.get_slot(names.REQUESTED_SLOT)
        kept: Slots = {}
        if await _changes_saved(text, asked, tracker):  # the manage form makes the change, without asking for codes
            return [*marked_firm_side(tracker), *to_manage_form(asked)]
        changed = need_changed(text, tracker, dispatcher) if asked in NEED_CHANGED_AT and latest_choice(tracker) is None else {}
        if changed:  # "actually we need 4 welders, not 2" at the company's question was its name (QA13c)
            return [*marked_firm_side(tracker), *(SlotSet(slot, value) for slot, value in {**changed, asked: None}.items())]
        if asked is None and latest_intent(tracker) == names.INTENT_FIRM_START:
            kept = self._opener(text, dispatcher, tracker)
        elif asked in ASIDE_AT and latest_choice(tracker) is None:
            kept = await self._asides(text, asked, dispatcher, tracker, domain)
        said = len(dispatcher.messages)
        validated = await super().run(dispatcher, tracker, domain)
        need_kept_said(dispatcher, tracker, validated, domain)
        if kept and asked in ASIDE_AT:  # "blended is best" at the date: the mode is noted, no "Sorry, …"
            dispatcher.messages[said:] = [m for m in dispatcher.messages[said:] if m.get("text") != texts.NOT_UNDERSTOOD]
        return [*marked_firm_side(tracker), *(SlotSet(slot, value) for slot, value in kept.items()), *validated]

    def _opener(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """What the message that started the form tells: the firm's town, and what the firm says
        it is before its need (its name with its legal form, sector, size: "we're a small bakery",
        "we run a hotel in Bilbao"), said back, then the need it states. Why: "we're a carpentry
        shop in Weiz and need 1 or 2 carpenters" kept the town only."""
        need = CollectingDispatcher()  # said after what the firm is
        stated = (self.need_stated(text, need, tracker, town=False) if need_clause(text) else None) or {}
        intro = firm_intro(text) or ""
        named = None if tracker.get_slot(names.COMPANY) else company_in(intro)
        name = named[0] if named and named[0][:1].isupper() else ""  # "we're Huber GmbH from Graz and need …"
        told = firm_told(dispatcher, tracker, text, intro, staff_size, name=name)
        dispatcher.messages.extend(need.messages)
        return {**told, **stated}

    async def _asides(
        self, text: str, asked: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """The need's other short answers a message corrects or gives ahead beside the one asked,
        each validated as its own question's answer and said back ("Noted: 14 people.")."""
        taken: Slots = {}
        for field, words in asides(text, asked):
            new = await self._changed_to(field, words, CollectingDispatcher(), tracker, domain)
            if new.get(field) is not None:
                taken.update(new)
        if taken:
            said = ", ".join(noted(field, taken[field]) for field in ASIDE_AT if field in taken)
            dispatcher.utter_message(text=texts.ALSO_NOTED.format(noted=said))
        return taken

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Only the consent question when consent was refused: the form ends there."""
        if tracker.get_slot(names.FIRM_CONSENT) is False:
            return [names.FIRM_CONSENT]
        return domain_slots

    @answers(names.FIRM_CONSENT)
    async def validate_firm_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent = latest_intent(tracker)
        given = {names.INTENT_AFFIRM: True, names.INTENT_GIVE_CONSENT: True, names.INTENT_DENY: False,
                 names.INTENT_REFUSE_CONSENT: False}.get(intent)  # fmt: skip
        text = answer_text(value, tracker)
        if given is None:
            given = yes_or_no(text)
        named = company_in(text) if given is None and not need_clause(text) else None
        if named is not None and not named[1]:  # "Steel GmbH" had been kept as a need (structural ironworker)
            dispatcher.utter_message(text=firm_texts.COMPANY_KEPT_AT_CONSENT.format(company=named[0]))
            return {names.FIRM_CONSENT: None, names.COMPANY: named[0]}
        if given is None:  # a need, or its town or date ("Kapfenberg", "by june": QA13), kept; asked again
            stated = self.need_stated(text, dispatcher, tracker)
            told = place_or_date_told(text, dispatcher) if stated is None else {}
            if stated is None and not told:
                dispatcher.utter_message(text=texts.CONSENT_UNCLEAR)
            return {names.FIRM_CONSENT: None, **(stated or {}), **told}
        if not given:
            dispatcher.utter_message(text=texts.FIRM_CONSENT_NO)
        return firm_consent_slots(given, tracker)

    @answers(names.COMPANY)
    async def validate_company(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A company's name as typed; a sentence is none ("we need 3 people who can do PLC
        programming" was kept as the company's name, and the need lost)."""
        text = _one_line(answer_text(value, tracker).replace("\u2019", "'"))
        if "?" in text:  # "can we stay anonymous?" was stored as the company's name
            dispatcher.utter_message(text=texts.COMPANY_WHY)
            return {names.COMPANY: None}
        named = None if MARKUP.search(text) else company_in(text)
        if named is not None:  # "Stahlwerk Nord GmbH in Kapfenberg, metalworking, about 40 staff"
            name, rest = named
            need = need_clause(rest) or ""  # "Huber GmbH in Graz, we need 3 welders": 3 is no size
            firm = rest[: len(rest) - len(need)]
            told = firm_told(dispatcher, tracker, firm, firm)
            return {
                names.COMPANY: name,
                **told,
                **((self.need_stated(need, dispatcher, tracker) if need else None) or {}),
            }
        name = without_name_lead(text).strip('"“”„«»')  # "sorry, I mean Acme", "we're called “Solar”"
        if (
            name
            and len(name.split()) <= COMPANY_WORDS
            and not _FIRM_SENTENCE.match(name)
            and not MARKUP.search(name)
        ):
            # a sector or a skill is no name: "renewable energy" was stored as the company's
            return not_a_name(name, dispatcher, tracker) or {names.COMPANY: name}
        return self._need_ahead(names.COMPANY, text, dispatcher, tracker, texts.COMPANY_UNCLEAR)

    @answers(names.CONTACT_NAME)
    async def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A person's name: a few words without digits or "@" (a need or an address typed here
        was kept as the name). A message the classifier took for small talk or out of scope is
        a name only when it surely is one ("Lisa Hofer" was refused as off-topic, and the next
        answer kept as the name; "how are you?" is none)."""
        name = _one_line(answer_text(value, tracker))
        email = EMAIL_IN.search(name)  # "Anna Berg, anna@example.at": both, as asked next
        if email:
            # "Bob Stone <bob@acme.at>", as mail programs paste it, left "Bob Stone <>" (QA9)
            name = re.sub(r"[<(\[]\s*[>)\]]", "", name[: email.start()] + name[email.end() :]).strip(" ,;-–")
        off_topic = latest_intent(tracker) in _OFF_TOPIC and not person_named(name)
        fits = name and len(name.split()) <= NAME_WORDS and not re.search(r"[\d@<>]", name)
        if fits and not off_topic and not no_contact(name, tracker):
            return {
                names.CONTACT_NAME: name,
                **({names.CONTACT_EMAIL: email.group().lower()} if email else {}),
            }
        return self._need_ahead(names.CONTACT_NAME, name, dispatcher, tracker, texts.NAME_UNCLEAR)

    @answers(names.CONTACT_EMAIL)
    async def validate_contact_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        email = email_in(answer_text(value, tracker))
        if email is None:
            dispatcher.utter_message(text=texts.EMAIL_INVALID)
            return {names.CONTACT_EMAIL: None}
        return {names.CONTACT_EMAIL: email.lower()}

    @answers(names.FIRM_TOWN)
    async def validate_firm_town(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A town or postcode. A lower-case word matched to a town under another name or far away
        is offered, not taken ("save" had been taken as Savé, Benin; "care" as Cerveteri); a
        question is no town."""
        text, suggested = answer_text(value, tracker), tracker.get_slot(names.FIRM_TOWN_SUGGESTIONS)
        if "?" in text:
            dispatcher.utter_message(text=texts.FIRM_TOWN_NEEDED)
            return {names.FIRM_TOWN: None}
        if unsure(text):  # "dunno" had got "Did you mean Duno, IT?"
            dispatcher.utter_message(text=firm_texts.TOWN_UNSURE)
            return {names.FIRM_TOWN: None}
        if EMAIL_IN.search(text) or staff_size(text):  # an e-mail had got towns to choose from
            ahead = answered_ahead(text, tracker, dispatcher, names_too=False)
            if not ahead:  # given before
                dispatcher.utter_message(text=texts.FIRM_TOWN_NEEDED)
            return {names.FIRM_TOWN: None, **ahead}
        heard = CollectingDispatcher()
        place, suggestions = town_answer(text, suggested, heard, texts.FIRM_TOWN_NEEDED)
        if place is not None and suggested is None and _unsure_town(text, place):
            return {names.FIRM_TOWN: None, names.FIRM_TOWN_SUGGESTIONS: [place.name]}
        dispatcher.messages.extend(heard.messages)
        if place is None:
            return {names.FIRM_TOWN: None, names.FIRM_TOWN_SUGGESTIONS: suggestions}
        return {**place_slots(place), names.FIRM_TOWN_SUGGESTIONS: None}

    @answers(names.ECOSYSTEM)
    async def validate_ecosystem(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """One ecosystem named: taken. Several: only those are offered. None: the whole list.
        "Not sure / other" (its button, or "other"): none, "" (QA13c: "not sure" had no way out but
        describing the firm; it is still asked to, and offered the button). A need stated here is kept, and the ecosystem read from the
        words before it only."""
        text, stated = self._need_beside(answer_text(value, tracker), dispatcher, tracker)
        chosen = _ecosystem_picked(text, tracker)
        if _NO_ECOSYSTEM.match(text) or (chosen == names.ANY and not unsure(text)):  # "not sure": own words
            return {names.ECOSYSTEM: "", names.ECOSYSTEM_CHOICES: None, **stated}
        named = parse_ecosystem(text) or parse_ecosystem(chosen)
        if len(named) == 1:
            return {names.ECOSYSTEM: named[0], names.ECOSYSTEM_CHOICES: None, **stated}
        if stated or not text.strip():  # "we need a data analyst": no "digital" read of "data"; asked again
            return {names.ECOSYSTEM: None, **stated}
        ahead = {} if named else answered_ahead(text, tracker, dispatcher)  # "about 120 employees", a contact
        if ahead:
            return {names.ECOSYSTEM: None, **ahead}
        titles = [texts.ECOSYSTEM_TITLES[key] for key in named]
        unknown = firm_texts.ECOSYSTEM_UNSURE if unsure(text) else texts.ECOSYSTEM_UNKNOWN  # "not sure": own words
        dispatcher.utter_message(text=texts.ECOSYSTEM_WHICH.format(titles=" or ".join(titles)) if named else unknown)
        return {names.ECOSYSTEM: None, names.ECOSYSTEM_CHOICES: list(named) or None}

    @answers(names.COMPANY_SIZE)
    async def validate_company_size(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A size; a need stated here is kept, and the size read from the words before it only."""
        text, stated = self._need_beside(answer_text(value, tracker), dispatcher, tracker)
        size = parse_size(text)
        if size is None and (stated or not text.strip()):
            return {names.COMPANY_SIZE: None, **stated}
        ahead = answered_ahead(text, tracker, dispatcher, size_too=size is None)  # the contact typed here
        if ahead and size is None:
            return {names.COMPANY_SIZE: None, **ahead}
        return {**_parsed(names.COMPANY_SIZE, size, dispatcher, ""), **stated, **ahead}

    @answers(names.NEED_PEOPLE)
    async def validate_need_people(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """A number of people; a range or a choice ("1 or 2") is its upper bound, said back; a count
        replaced is none ("instead of 5, make it 3")."""
        text = without_replaced(answer_text(value, tracker))
        people = parse_people(text)
        upper_said(range_said(text, counted=False), people, dispatcher)
        return _parsed(names.NEED_PEOPLE, people, dispatcher, texts.PEOPLE_INVALID)

    @answers(names.NEED_KIND)
    async def validate_need_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """New hires or upskilling; "both" is told how to record both (one kind per need)."""
        text = answer_text(value, tracker)
        kinds = {parse_kind(part) for part in re.split(r"\band\b|\bplus\b|[,&/]", text)} - {None}
        both = len(kinds) > 1 or re.search(r"\b(both|either|mix|mixed|each)\b", text.lower())
        kind = None if len(kinds) > 1 else parse_kind(text)  # "new hires and upskilling" had been new hires
        return _parsed(names.NEED_KIND, kind, dispatcher, texts.KIND_ONE_PER_NEED if both else "")

    validate_need_mode = _parsed_answer(names.NEED_MODE, parse_need_mode)

    @answers(names.NEED_BY_WHEN)
    async def validate_need_by_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        answer = names.ANY if latest_intent(tracker) == names.INTENT_SKIP else answer_text(value, tracker)
        return _parsed(names.NEED_BY_WHEN, parse_by_when(answer), dispatcher)

    # ------------------------------------------------------------ the need: skills or a role

    @answers(names.NEED_SKILLS)
    async def validate_need_skills(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = answer_text(value, tracker)
        found = need_read(text, dispatcher)
        if found is None and names_no_work(text):  # "10 workers for production": which work? (its count kept)
            dispatcher.utter_message(text=firm_texts.NEED_NO_WORK)
            return {names.NEED_SKILLS: None, **need_told(text, tracker, dispatcher)}
        if found is None:
            dispatcher.utter_message(text=texts.NEED_SKILLS_UNKNOWN)
            return {names.NEED_SKILLS: None}
        before = tracker.get_slot(names.NEED_SKILLS_BEFORE)
        if before and is_addition(text):  # "also scaffolding" after Change → Skills had replaced them
            found = added_to(before, found)
        # "… before summer"; "5 CNC operators" said when the skills are changed counts too
        ahead = need_told(text, tracker, dispatcher, recount=True)
        return {**found, names.NEED_SKILLS_CONFIRMED: None, names.NEED_SKILLS_BEFORE: None, **ahead}

    @answers(names.NEED_SKILLS_CONFIRMED)
    async def validate_need_skills_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent, text = latest_intent(tracker), answer_text(value, tracker)
        if intent == names.INTENT_AFFIRM or (intent != names.INTENT_REMOVE_SKILL and yes_or_no(text)):
            return {names.NEED_SKILLS_CONFIRMED: True}
        choice = latest_choice(tracker)
        if intent == names.INTENT_REMOVE_SKILL and choice:
            return need_without([choice], tracker)
        corrected = need_corrected(text, dispatcher, tracker)  # "not X. also Y": both
        if corrected is not None:
            return corrected
        removing = intent in (names.INTENT_REMOVE_SKILL, names.INTENT_DENY) or yes_or_no(text) is False
        if removing or is_removal(text):
            return need_removed(text, dispatcher, tracker)
        return need_with(text, dispatcher, tracker)

    def _need_ahead(
        self, slot: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, unclear: str
    ) -> Slots:
        """An answer that does not answer the question of ``slot`` (said: ``unclear``): when it
        states the need ("we need 3 people who can do PLC programming"), the need is kept for
        its confirmation later; either way the question is asked again."""
        stated = self.need_stated(text, dispatcher, tracker)
        if stated is None:
            dispatcher.utter_message(text=unclear)
        return {slot: None, **(stated or {})}

    def _need_beside(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> tuple[str, Slots]:
        """The words of an answer before the need it states, and that need's slots: kept when none
        is, else said back (QA12: "we need a data analyst" at the ecosystem's question was lost)."""
        clause = need_clause(text)
        if not clause:
            return text, {}
        stated = self.need_stated(clause, dispatcher, tracker)
        if stated is None:
            dispatcher.utter_message(text=firm_texts.NEED_KEPT_ALREADY.format(need=without_need_lead(clause).strip()))
        return text[: len(text) - len(clause)], stated or {}

    def need_stated(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, town: bool = True
    ) -> Slots | None:
        """The need ``text`` states, with the people it counts and (with ``town``) the town it
        names ("we need 3 welders in Kapfenberg"), said to be kept; None when it states none or one
        is kept already. The need and its people are read where the firm states it: "we're a shop
        with 250 employees and we need 6 welders" needs no 250 people. A role the taxonomy lacks is
        kept as typed only when a need is stated ("we need bakers"): "Lisa Baker" is no need."""
        kept = tracker.get_slot(names.NEED_SKILLS) or tracker.get_slot(names.NEED_OCCUPATION)
        clause = need_clause(text)
        found = None if kept else need_read(clause or text, dispatcher, as_typed=clause is not None)
        if found is None:
            return None
        ahead = need_told(text, tracker, dispatcher, clause)
        place = town_slots(town_named(text)) if town and not tracker.get_slot(names.FIRM_TOWN) else None
        dispatcher.utter_message(text=texts.FIRM_NEED_KEPT)
        return {**found, **ahead, **(place or {})}

    # ------------------------------------------------------------ the summary

    @answers(names.FIRM_CONFIRMED)
    async def validate_firm_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent, changing = latest_intent(tracker), tracker.get_slot(names.FIRM_CHANGING)
        text = answer_text(value, tracker)
        changes = changes_at_summary(text, tracker)
        if latest_choice(tracker) is None and QUESTION.search(latest_text(tracker)):
            # "what happens after I save?" had saved the need; "can we make it 5 people?" changes it
            changed: Slots = {}
            for field, words in changes:
                changed.update(await self._changed_to(field, words, dispatcher, tracker, domain))
            if not changed:
                dispatcher.utter_message(
                    text=firm_texts.AFTER_SAVE_ANSWER if AFTER_SAVE.search(text) else firm_texts.SUMMARY_QUESTION
                )
            return {**changed, names.FIRM_CONFIRMED: None, names.FIRM_CHANGING: None}
        if intent == names.INTENT_FIRM_SAVE or (intent == names.INTENT_AFFIRM and not changing):
            return _confirmed(tracker)
        if intent == names.INTENT_AFFIRM:  # "yes" to "what would you like to change?" had saved
            dispatcher.utter_message(text=texts.FIRM_FIELD_UNCLEAR)
            return {names.FIRM_CONFIRMED: None}
        if changes:
            changed = {}
            for field, words in changes:  # "change the date to 2027-05-01 and the people to 8": both
                logger.info("firm sender %s changes %s", tracker.sender_id, field)
                new = await self._changed_to(field, words, dispatcher, tracker, domain)
                changed.update(new or _cleared(field, tracker))
            return {**changed, names.FIRM_CONFIRMED: None, names.FIRM_CHANGING: None}
        if intent == names.INTENT_FIRM_CANCEL or CANCEL.search(text):
            return {names.FIRM_CONFIRMED: names.FIRM_CANCELLED, names.FIRM_CHANGING: None}
        if SAVE.search(text) and not NOT_SAVE.search(text):  # "send it", "perfect, thanks"
            return _confirmed(tracker)
        if intent in (names.INTENT_FIRM_CHANGE, names.INTENT_DENY) or WRONG.search(text):
            # "no", "hmm not quite": something is wrong, so which? (it cancelled everything at once)
            return {names.FIRM_CONFIRMED: None, names.FIRM_CHANGING: True}
        dispatcher.utter_message(text=texts.FIRM_FIELD_UNCLEAR if changing else texts.FIRM_SAVE_OR_CHANGE)
        return {names.FIRM_CONFIRMED: None}

    async def _changed_to(
        self, field: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """The new value said with the field's name ("actually 10 people", "change the company
        name to Hofer KG"), validated as that question's answer; {} when none is said or it does
        not validate (then the question is asked). Why: the value was dropped and asked for."""
        answer = value_said(field, text, tracker)
        clause = need_clause(text) if field == names.NEED_SKILLS and latest_choice(tracker) is None else None
        if clause and not answer.strip():  # "… and we need 2 bakers": the need stated anew
            held = _need_recounted(clause, tracker)
            if held is not None:
                return held
            answer = clause
        validate = getattr(self, f"validate_{field}", None)
        if not answer.strip() or validate is None:
            return {}
        quiet = CollectingDispatcher()  # a failed reading says nothing: the question comes next
        slots = await validate.__wrapped__(self, answer, quiet, tracker, domain)  # not the asked-slot check
        if slots.get(field) is None:
            return {}
        dispatcher.messages.extend(quiet.messages)
        return slots


async def _changes_saved(text: str, asked: str | None, tracker: Tracker) -> bool:
    """True when a message to this form changes the need saved before in this chat: said as the form
    opens ("actually we need 5 not 3" right after saving opened a new need's form), or naming that
    need at a question of a new one ("I want to change the need I just saved: …" looped in it, QA13b)."""
    if asked is None:
        said = latest_intent(tracker) == names.INTENT_FIRM_START
    else:
        said = latest_choice(tracker) is None and said_of_saved_need(text)
    return said and await changes_saved_need(text, tracker)


def _need_recounted(clause: str, tracker: Tracker) -> Slots | None:
    """The need stated again at the summary, when it names nothing the need lacks ("we need 2
    bakers" of a need for bakers): its count alone; None when it names more (the need is then read
    anew). Why: "… and we need 2 bakers" cleared the need's skills and asked for them again."""
    found = need_read(clause, CollectingDispatcher())
    if found is None or not same_need(found, tracker):
        return None
    people = people_needed(clause)
    return {names.NEED_PEOPLE: people} if people is not None else {names.NEED_SKILLS: tracker.get_slot(names.NEED_SKILLS)}


def _cleared(field: str, tracker: Tracker) -> Slots:
    """The slots cleared so that ``field`` is asked again; the skills are kept aside, so that
    "also …" at the question adds to them."""
    cleared: Slots = dict.fromkeys((field, *_CLEARED_WITH.get(field, ())))
    if field == names.NEED_SKILLS:
        cleared[names.NEED_SKILLS_BEFORE] = need_parts(tracker)
    return cleared


def _confirmed(tracker: Tracker) -> Slots:
    """The need confirmed for saving, with its own idempotency key. Why: the store's digest of
    the content alone took the same need posted again after a withdrawal for a double tap, and
    stored nothing ("already saved under" the withdrawn reference)."""
    key = tracker.get_slot(names.NEED_DRAFT_KEY) or uuid.uuid4().hex
    return {names.FIRM_CONFIRMED: True, names.FIRM_CHANGING: None, names.NEED_DRAFT_KEY: key}


def _ecosystem_picked(text: str, tracker: Tracker) -> str:
    """The key of the ecosystem button an answer picks by its place ("the first one"), or "".
    Why: typed ordinals at the short list got the whole list, or a course search."""
    shown = tracker.get_slot(names.ECOSYSTEM_CHOICES) or []
    titles = ecosystem_buttons()
    keys = [*shown, names.OTHER] if shown else list(titles)
    place = picked(text, [titles.get(key, texts.ECOSYSTEM_OTHER) for key in keys])
    return "" if place is None else keys[place]


def _unsure_town(text: str, place: Place) -> bool:
    """True for a lower-case word read as a town under another name or far from every partner:
    likely a word of English ("save", "care"), to be offered rather than taken."""
    typed = text.strip()
    if not typed.islower() or not typed.isalpha():
        return False
    return place_key(typed) != place_key(place.name) or services.engine().is_far(place)
