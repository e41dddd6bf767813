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

from actions import names, services, texts
from actions.choices import is_addition, is_removal, listed_by_words, picked, removed_words
from actions.common import latest_choice, latest_intent, latest_text
from actions.consent import firm_consent_slots
from actions.firm_corrections import (
    ASIDE_AT,
    CANCEL,
    NOT_SAVE,
    SAVE,
    WRONG,
    asides,
    changes_at_summary,
    noted,
    value_said,
)
from actions.firm_parsing import (
    COMPANY_WORDS,
    NAME_WORDS,
    company_in,
    deadline_stated,
    kind_stated,
    need_clause,
    no_name,
    parse_by_when,
    parse_ecosystem,
    parse_kind,
    parse_need_mode,
    parse_people,
    parse_size,
    people_named,
    person_named,
    town_named,
    without_count,
    without_deadline,
    without_firm_words,
    without_name_lead,
)
from actions.form_answers import Slots, Validator, answer_text, answers, place_named, town_answer
from actions.parsing import yes_or_no
from actions.skill_answers import skills_in
from skills_catalog.models import Match, Place
from skills_catalog.needs import EMAIL, EMAIL_ADDRESS
from skills_catalog.places_index import place_key

logger = logging.getLogger(__name__)

#: slots cleared together with a field the firm chose to change
_CLEARED_WITH = {
    names.FIRM_TOWN: (names.FIRM_COUNTRY, names.FIRM_LATITUDE, names.FIRM_LONGITUDE),
    names.NEED_SKILLS: (names.NEED_SKILL_LABELS, names.NEED_OCCUPATION, names.NEED_SKILLS_CONFIRMED),
}
#: the slots that hold the need's skills and role
_NEED_PARTS = (names.NEED_SKILLS, names.NEED_SKILL_LABELS, names.NEED_OCCUPATION)
#: the need cleared, so that the form asks for it from the start
_NEED_AGAIN = {names.NEED_SKILLS: None, names.NEED_OCCUPATION: None, names.NEED_SKILLS_CONFIRMED: None}


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
_FIRM_SENTENCE = re.compile(r"^\W*(?:we|we're|we'?ve|we are|i'm|i am|i need|need|looking for|hiring)\b", re.IGNORECASE)
_ROLES_READ = 8  # job titles read from a need, so that a second one is seen past the first's variants
_SECOND_ROLE_MIN = 0.6  # a second job title joined to the first this surely is told to need its own need
#: what joins two job titles named together ("welders and an electrician", "a cook, two waiters")
_JOINING = re.compile(
    r"\s*(,|&|\band\b|\bplus\b|\bas well as\b)\s*(\b(an?|one|two|three|four|five|\d+|some)\b)?(\s*[\w-]+){0,2}\s*"
)


def _joined(one: Match, other: Match, text: str) -> bool:
    """True when two job titles are named side by side, joined by "and", a comma or the like;
    not one title and another reading of words after it ("an electrician who can install
    solar panels" is no *solar energy technician* as well)."""
    first, second = sorted((one, other), key=lambda m: m.start)
    return first.end <= second.start and bool(_JOINING.fullmatch(text[first.end : second.start]))


def _overlap(one: Match, other: Match) -> bool:
    """True when two matches were read in the same words."""
    return 0 <= one.start < other.end and 0 <= other.start < one.end


#: markup in a name ("<script>…"): refused, as a name has none
_MARKUP = re.compile(r"[<>]")
#: an e-mail address inside a longer answer
_EMAIL_IN = re.compile(EMAIL_ADDRESS)


def _email_in(text: str) -> str | None:
    """The one e-mail address an answer gives, as typed around it: "it's eva@x.at", "Eva Hofer
    <eva@x.at>", "eva@x.at." (they were refused); None for none, two, or markup ("<b>john</b>@acme.com")."""
    text = text.strip().rstrip(".")
    if EMAIL.match(text):
        return text
    found = _EMAIL_IN.findall(text)
    rest = _EMAIL_IN.sub(" ", text).replace("< >", " ")
    return found[0].rstrip(".") if len(found) == 1 and not _MARKUP.search(rest) else None


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
        if asked is None and latest_intent(tracker) == names.INTENT_FIRM_START:
            kept = (self._need_stated(text, dispatcher, tracker) if need_clause(text) else None) or {}
            if names.FIRM_TOWN not in kept:  # "a bakery in Bilbao hiring 2 bakers": the need unread, the town kept
                kept.update(_told_after_name(text, dispatcher, tracker, sector=False))
        elif asked in ASIDE_AT and latest_choice(tracker) is None:
            kept = await self._asides(text, asked, dispatcher, tracker, domain)
        validated = await super().run(dispatcher, tracker, domain)
        return [*(SlotSet(slot, value) for slot, value in kept.items()), *validated]

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
        if given is None:
            return self._need_ahead(names.FIRM_CONSENT, text, dispatcher, tracker, texts.CONSENT_UNCLEAR)
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
        named = None if _MARKUP.search(text) else company_in(text)
        if named is not None:  # "Stahlwerk Nord GmbH in Kapfenberg, metalworking, about 40 staff"
            name, rest = named
            need = need_clause(rest) or ""  # "Huber GmbH in Graz, we need 3 welders": 3 is no size
            told = _told_after_name(rest[: len(rest) - len(need)], dispatcher, tracker)
            return {names.COMPANY: name, **told, **((self._need_stated(need, dispatcher, tracker) if need else None) or {})}
        name = without_name_lead(text)  # "sorry, I mean Acme"
        if name and len(name.split()) <= COMPANY_WORDS and not _FIRM_SENTENCE.match(name) and not _MARKUP.search(name):
            return {names.COMPANY: name}
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
        email = _EMAIL_IN.search(name)  # "Anna Berg, anna@example.at": both, as asked next
        if email:
            # "Bob Stone <bob@acme.at>", as mail programs paste it, left "Bob Stone <>" (QA9)
            name = re.sub(r"[<(\[]\s*[>)\]]", "", name[: email.start()] + name[email.end() :]).strip(" ,;-–")
        off_topic = latest_intent(tracker) in _OFF_TOPIC and not person_named(name)
        fits = name and len(name.split()) <= NAME_WORDS and not re.search(r"[\d@<>]", name)
        if fits and not off_topic and not _no_contact(name, tracker):
            return {names.CONTACT_NAME: name, **({names.CONTACT_EMAIL: email.group().lower()} if email else {})}
        return self._need_ahead(names.CONTACT_NAME, name, dispatcher, tracker, texts.NAME_UNCLEAR)

    @answers(names.CONTACT_EMAIL)
    async def validate_contact_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        email = _email_in(answer_text(value, tracker))
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
        heard = CollectingDispatcher()
        place, suggestions = town_answer(text, suggested, heard, texts.FIRM_TOWN_NEEDED)
        if place is not None and suggested is None and _unsure_town(text, place):
            return {names.FIRM_TOWN: None, names.FIRM_TOWN_SUGGESTIONS: [place.name]}
        dispatcher.messages.extend(heard.messages)
        if place is None:
            return {names.FIRM_TOWN: None, names.FIRM_TOWN_SUGGESTIONS: suggestions}
        return {**_place_slots(place), names.FIRM_TOWN_SUGGESTIONS: None}

    @answers(names.ECOSYSTEM)
    async def validate_ecosystem(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """One ecosystem named: taken. Several: only those are offered. None: the whole list."""
        text = answer_text(value, tracker)
        named = parse_ecosystem(text) or parse_ecosystem(_ecosystem_picked(text, tracker))
        if len(named) == 1:
            return {names.ECOSYSTEM: named[0], names.ECOSYSTEM_CHOICES: None}
        titles = [texts.ECOSYSTEM_TITLES[key] for key in named]
        dispatcher.utter_message(
            text=texts.ECOSYSTEM_WHICH.format(titles=" or ".join(titles)) if named else texts.ECOSYSTEM_UNKNOWN
        )
        return {names.ECOSYSTEM: None, names.ECOSYSTEM_CHOICES: list(named) or None}

    validate_company_size = _parsed_answer(names.COMPANY_SIZE, parse_size)
    validate_need_people = _parsed_answer(names.NEED_PEOPLE, parse_people, texts.PEOPLE_INVALID)

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
        found = self._recognise(text, dispatcher)
        if found is None:
            dispatcher.utter_message(text=texts.NEED_SKILLS_UNKNOWN)
            return {names.NEED_SKILLS: None}
        before = tracker.get_slot(names.NEED_SKILLS_BEFORE)
        if before and is_addition(text):  # "also scaffolding" after Change → Skills had replaced them
            found = _added_to(before, found)
        people = people_named(text)  # "5 CNC operators" said when the skills are changed counts too
        ahead = {**_told_ahead(text, tracker), **({names.NEED_PEOPLE: people} if people else {})}  # "… before summer"
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
            return self._without([choice], tracker)
        removing = intent in (names.INTENT_REMOVE_SKILL, names.INTENT_DENY) or yes_or_no(text) is False
        if removing or is_removal(text):
            return self._remove(text, dispatcher, tracker)
        return self._with(text, dispatcher, tracker)

    def _need_ahead(
        self, slot: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, unclear: str
    ) -> Slots:
        """An answer that does not answer the question of ``slot`` (said: ``unclear``): when it
        states the need ("we need 3 people who can do PLC programming"), the need is kept for
        its confirmation later; either way the question is asked again."""
        stated = self._need_stated(text, dispatcher, tracker)
        if stated is None:
            dispatcher.utter_message(text=unclear)
        return {slot: None, **(stated or {})}

    def _need_stated(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots | None:
        """The need ``text`` states, with the people it counts and the town it names ("we need 3
        welders in Kapfenberg"), said to be kept; None when it states none or one is kept already.
        The need and its people are read where the firm states it: "we're a shop with 250 employees
        and we need 6 welders" needs no 250 people."""
        kept = tracker.get_slot(names.NEED_SKILLS) or tracker.get_slot(names.NEED_OCCUPATION)
        need = need_clause(text) or text
        found = None if kept else self._recognise(need, dispatcher)
        if found is None:
            return None
        dispatcher.utter_message(text=texts.FIRM_NEED_KEPT)
        town = None if tracker.get_slot(names.FIRM_TOWN) else _town_slots(town_named(text))
        return {**found, **_told_ahead(text, tracker, need), **(town or {})}

    def _recognise(self, text: str, dispatcher: CollectingDispatcher) -> Slots | None:
        """Skills and (at most) one role named in ``text``; None when it names neither. A second
        role named apart ("welders and an electrician") is said to need a need of its own, and
        the skills read in its words are left out."""
        # "3 welders" named no welder, "… by March" nothing, "our staff" *manage staff*
        need = without_count(without_deadline(without_firm_words(text)))
        skills = skills_in(need, claimed=False)  # a need
        roles = services.engine().recognise_occupations(need, top=_ROLES_READ)
        if not skills and not roles:
            return None
        other = next(
            (r for r in roles[1:] if r.score >= _SECOND_ROLE_MIN and _joined(roles[0], r, need)), None
        )
        role = roles[0] if roles else None
        if role is not None and other is not None:
            # the one named first is kept, as the count read is its ("2 cooks and a kitchen porter"
            # kept the porter, with the cooks' 2)
            role, other = sorted((role, other), key=lambda m: m.start)
            dispatcher.utter_message(text=texts.ROLE_ONE_PER_NEED.format(kept=role.label, other=other.label))
            skills = [m for m in skills if not _overlap(m, other)]
        return {
            names.NEED_SKILLS: [m.uri for m in skills],
            names.NEED_SKILL_LABELS: {m.uri: m.label for m in skills},
            names.NEED_OCCUPATION: {"uri": role.uri, "label": role.label} if role else None,
        }

    def _remove(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """ "not technical drawings", "no, remove …": drop what it names of the need (it cleared
        all of it). As in the worker form, what it names is read after the "not" (recognition
        names nothing in a negated line). The role goes when its title is said ("not welder"):
        recognised, a skill names a role too ("operate welding equipment": welder). Naming
        nothing listed asks which; a plain "no" asks for the need again."""
        said = removed_words(text)
        listed = tracker.get_slot(names.NEED_SKILLS) or []
        labels = {uri: label for uri, label in (tracker.get_slot(names.NEED_SKILL_LABELS) or {}).items() if uri in listed}
        written = [uri for uri, label in labels.items() if label.lower() in said.lower()]
        if written:  # "not cook meat dishes" is that skill, not the role *cook* its words hold (QA9)
            return self._without(written, tracker)
        role = tracker.get_slot(names.NEED_OCCUPATION)
        if role and role["label"].lower() in said.lower():
            return self._without([role["uri"]], tracker)
        named = [m.uri for m in skills_in(said, claimed=False)]
        targets = [uri for uri in listed if uri in named] or listed_by_words(said, labels)
        if targets:
            return self._without(targets, tracker)
        if named or latest_intent(tracker) == names.INTENT_REMOVE_SKILL or is_removal(text):
            dispatcher.utter_message(text=texts.SKILLS_NOT_LISTED if named else texts.SKILLS_WHICH)
            return {names.NEED_SKILLS_CONFIRMED: None}
        return dict(_NEED_AGAIN)

    @staticmethod
    def _without(uris: list[str], tracker: Tracker) -> Slots:
        """Drop these skills (or the role): a tapped "Not …" button or a typed "not …"; nothing
        left asks for the need again."""
        skills = [u for u in tracker.get_slot(names.NEED_SKILLS) or [] if u not in uris]
        role = tracker.get_slot(names.NEED_OCCUPATION)
        role = None if role and role.get("uri") in uris else role
        logger.info("%d need skill(s) removed by sender %s", len(uris), tracker.sender_id)
        if not skills and not role:
            return dict(_NEED_AGAIN)
        return {names.NEED_SKILLS: skills, names.NEED_OCCUPATION: role, names.NEED_SKILLS_CONFIRMED: None}

    def _with(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """ "also PLC programming": add what the text names."""
        found = self._recognise(text, dispatcher)
        if found is None:
            dispatcher.utter_message(text=texts.SKILLS_NOTHING_NEW)
            return {names.NEED_SKILLS_CONFIRMED: None}
        return {**_added_to(_need_parts(tracker), found), names.NEED_SKILLS_CONFIRMED: None}

    # ------------------------------------------------------------ the summary

    @answers(names.FIRM_CONFIRMED)
    async def validate_firm_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        intent, changing = latest_intent(tracker), tracker.get_slot(names.FIRM_CHANGING)
        if intent == names.INTENT_FIRM_SAVE or (intent == names.INTENT_AFFIRM and not changing):
            return _confirmed(tracker)
        if intent == names.INTENT_AFFIRM:  # "yes" to "what would you like to change?" had saved
            dispatcher.utter_message(text=texts.FIRM_FIELD_UNCLEAR)
            return {names.FIRM_CONFIRMED: None}
        text = answer_text(value, tracker)
        changes = changes_at_summary(text, tracker)
        if changes:
            changed: Slots = {}
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
        validate = getattr(self, f"validate_{field}", None)
        if not answer.strip() or validate is None:
            return {}
        quiet = CollectingDispatcher()  # a failed reading says nothing: the question comes next
        slots = await validate.__wrapped__(self, answer, quiet, tracker, domain)  # not the asked-slot check
        if slots.get(field) is None:
            return {}
        dispatcher.messages.extend(quiet.messages)
        return slots


def _cleared(field: str, tracker: Tracker) -> Slots:
    """The slots cleared so that ``field`` is asked again; the skills are kept aside, so that
    "also …" at the question adds to them."""
    cleared: Slots = dict.fromkeys((field, *_CLEARED_WITH.get(field, ())))
    if field == names.NEED_SKILLS:
        cleared[names.NEED_SKILLS_BEFORE] = _need_parts(tracker)
    return cleared


def _need_parts(tracker: Tracker) -> Slots:
    return {slot: tracker.get_slot(slot) for slot in _NEED_PARTS}


def _added_to(before: Slots, found: Slots) -> Slots:
    """The skills found added to those kept aside (``_cleared``): the new role, else the old."""
    skills = list(before.get(names.NEED_SKILLS) or [])
    return {
        names.NEED_SKILLS: skills + [u for u in found[names.NEED_SKILLS] if u not in skills],
        names.NEED_SKILL_LABELS: {**(before.get(names.NEED_SKILL_LABELS) or {}), **found[names.NEED_SKILL_LABELS]},
        names.NEED_OCCUPATION: found[names.NEED_OCCUPATION] or before.get(names.NEED_OCCUPATION),
    }


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
    keys = [*shown, names.OTHER] if shown else list(texts.ECOSYSTEM_TITLES)
    place = picked(text, [texts.ECOSYSTEM_TITLES.get(key, texts.ECOSYSTEM_OTHER) for key in keys])
    return "" if place is None else keys[place]


def _place_slots(place: Place) -> Slots:
    """The slots of the firm's town."""
    return {
        names.FIRM_TOWN: place.name,
        names.FIRM_COUNTRY: place.country,
        names.FIRM_LATITUDE: place.point.lat,
        names.FIRM_LONGITUDE: place.point.lon,
    }


def _told_after_name(rest: str, dispatcher: CollectingDispatcher, tracker: Tracker, sector: bool = True) -> Slots:
    """The town, sector and size a firm tells after its name (or, without ``sector``, the town a
    first message names), where not answered yet, said back ("Noted: Kapfenberg, Energy-intensive
    industries, small."). Why: they were read as a need (the 40 staff became 40 people needed)
    and the town as the company's name."""
    if not rest:
        return {}
    told: Slots = {}
    said: list[str] = []
    town = None if tracker.get_slot(names.FIRM_TOWN) else _town_slots(town_named(rest))
    if town:
        told.update(town)
        said.append(town[names.FIRM_TOWN])
    sectors = () if tracker.get_slot(names.ECOSYSTEM) or not sector else parse_ecosystem(rest)
    if len(sectors) == 1:
        told[names.ECOSYSTEM] = sectors[0]
        said.append(texts.ECOSYSTEM_TITLES.get(sectors[0], sectors[0]))
    size = None if tracker.get_slot(names.COMPANY_SIZE) or not sector else parse_size(rest)
    if size:
        told[names.COMPANY_SIZE] = size
        said.append(size)
    if said:
        dispatcher.utter_message(text=texts.ALSO_NOTED.format(noted=", ".join(said)))
    return told


def _town_slots(name: str | None) -> Slots | None:
    """The town slots for a town named in passing ("3 welders in Kapfenberg"); None when it names
    none we know: the question asks for it later, with suggestions."""
    place = place_named(name)
    return None if place is None else _place_slots(place)


def _told_ahead(text: str, tracker: Tracker, need: str | None = None) -> Slots:
    """The people, the kind and the deadline a need states ahead of their questions (``need``:
    the words that state the need, where its people are counted), those not answered yet."""
    stated = {
        names.NEED_PEOPLE: people_named(need or text),
        names.NEED_KIND: kind_stated(text),  # "we're hiring …", "… to upskill our staff"
        names.NEED_BY_WHEN: deadline_stated(text),  # "… by March", "… before summer"
    }
    return {slot: value for slot, value in stated.items() if value and tracker.get_slot(slot) is None}


_ROLE_SURE = 0.8  # a plural read as a job title this surely is no person's name ("cloud engineers")


def _no_contact(name: str, tracker: Tracker) -> bool:
    """True when an answer to the contact question is no person: a yes, a question, the firm's
    words for its people, its own company or town, or job titles ("yes", "new hires", "Graz",
    "cloud engineers" were stored as the contact person)."""
    if no_name(name) or name.lower() in {str(tracker.get_slot(s) or "").lower() for s in (names.COMPANY, names.FIRM_TOWN)}:
        return True
    roles = services.engine().recognise_occupations(name, top=1) if name.endswith("s") else []
    if roles and roles[0].score >= _ROLE_SURE:
        return True
    # a skill typed in lower case, no name: "welding" was stored as the contact person (QA9)
    skills = services.engine().recognise_skills(name, top=1) if name.islower() else []
    return bool(skills) and skills[0].score >= _ROLE_SURE


def _unsure_town(text: str, place: Place) -> bool:
    """True for a lower-case word read as a town under another name or far from every partner:
    likely a word of English ("save", "care"), to be offered rather than taken."""
    typed = text.strip()
    if not typed.islower() or not typed.isalpha():
        return False
    return place_key(typed) != place_key(place.name) or services.engine().is_far(place)
