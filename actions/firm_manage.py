"""A firm views, changes or withdraws its need with the reference and the secret.

The secret is checked once, when it is given (``store.get_for_owner``); a wrong secret and an
unknown reference get the same refusal, so nothing tells a guesser which was wrong, and the
form ends, as does an answer that holds no reference (a worker sent here by mistake). The change
itself goes through ``store.update`` / ``store.withdraw``, which check the secret again. Every
way out says something: the refusal, "Okay, nothing changed" when the firm wants nothing more
or stops, or what was changed. The manage slots (the secret among them) are cleared when the
form ends.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import firm_texts, names, services, texts
from actions.common import guarded, latest_intent, latest_text
from actions.firm_codes import lost_secret, reference_in, reference_mistyped, secret_in
from actions.firm_conversation import asks_what_now, firm_what_now, marked_firm_side
from actions.firm_counts import counted_title, parse_people, people_changed_by, same_title
from actions.firm_need_text import need_fields
from actions.firm_parsing import (
    field_named,
    parse_by_when,
    parse_manage_action,
    parse_manage_change,
    parse_manage_changes,
    parse_need_mode,
    town_named,
)
from actions.firm_people_words import plural
from actions.firm_saved_need import held
from actions.form_answers import Slots, answer_text, answers
from actions.parsing import yes_or_no
from actions.staff_alerts import alert_staff
from skills_catalog.errors import StoreError
from skills_catalog.needs import FirmNeed, NeedClosedError, NeedError, NeedValidationError

logger = logging.getLogger(__name__)

_PARSERS: dict[str, Callable[[str], Any]] = {names.MANAGE_PEOPLE: parse_people, names.MANAGE_BY_WHEN: parse_by_when,
            names.MANAGE_MODE: parse_need_mode}  # fmt: skip
#: intents that answer "Withdraw the need for good?": "No, keep it" reads as forget me's "keep it"
_SURE = {names.INTENT_AFFIRM: True, names.INTENT_DENY: False, names.INTENT_FORGET_ME_CANCEL: False}


class ValidateFirmManageForm(FormValidationAction):
    """Validates ``firm_manage_form``: reference, secret (checked), what to do, the new value."""

    def name(self) -> str:
        return names.VALIDATE_FIRM_MANAGE_FORM

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate the answers; when the form starts, first take the reference (and the secret)
        from the message that started it ("can I see our need N-ZSSPG? secret 4J93-…"), which had
        been ignored and asked for."""
        kept: Slots = {}
        text = latest_text(tracker)
        opening = tracker.get_slot(names.REQUESTED_SLOT) is None
        if opening and reference_in(text) is None and lost_secret(text):
            kept = {names.MANAGE_SECRET: names.SECRET_LOST}  # "we lost our secret": not asked for it later
        elif opening and reference_in(text):
            kept = await self._reference_given(reference_in(text) or "", text, dispatcher, tracker)
            if kept.get(names.MANAGE_SECRET) and names.MANAGE_ACTION not in kept:
                # "withdraw our need N-… secret …": the need was shown and the withdrawal ignored
                tracker.add_slots([SlotSet(slot, value) for slot, value in kept.items()])
                kept.update(await self._action_said(text, dispatcher, tracker, opening=True))
        elif opening and held(tracker) and not text.startswith("/"):
            kept = await self._held(text, dispatcher, tracker)
        events = [SlotSet(slot, value) for slot, value in kept.items()]
        # seen by required_slots: a form ended here (a lost secret, a withdrawn need) asked on
        tracker.add_slots(events)
        return [*marked_firm_side(tracker), *events, *await super().run(dispatcher, tracker, domain)]

    async def _held(self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """The need saved in this conversation, whose reference and secret the chat holds, opened by
        words about it typed with no reference ("I want to change the need I just saved: 5 people
        instead of 3"): the change said is applied, or the need shown. Why: the firm was asked for
        the reference and the secret it had just been given, or a new need form opened (QA13b)."""
        reference, secret = held(tracker) or ("", "")
        kept: Slots = {names.MANAGE_REFERENCE: reference, names.MANAGE_SECRET: secret}
        tracker.add_slots([SlotSet(slot, value) for slot, value in kept.items()])
        said = await self._action_said(text, dispatcher, tracker, opening=True)
        if not said:
            said = await self._shown(reference, secret, dispatcher, tracker)
        return {**kept, **said}

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Nothing more to ask once the firm is done (or was refused)."""
        if tracker.get_slot(names.MANAGE_ACTION) == names.MANAGE_DONE:
            return [names.MANAGE_ACTION]
        return domain_slots

    @answers(names.MANAGE_REFERENCE)
    async def validate_manage_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """The reference in the answer ("my reference is n-xs87d"); none ends the form before the
        secret is asked ("what reference? I just want to fix my skills" was taken as one)."""
        text = answer_text(value, tracker)
        reference = reference_in(text)
        if reference is None and reference_mistyped(text):  # "N-3WF2" had ended the form
            dispatcher.utter_message(text=firm_texts.REFERENCE_MISTYPED)
            return {names.MANAGE_REFERENCE: None}
        if reference is None and asks_what_now(text, latest_intent(tracker)):  # had ended the form as no reference
            dispatcher.utter_message(text=firm_what_now(tracker))
            return {names.MANAGE_REFERENCE: None}
        if reference is None:  # "I lost it too": the way to the team, not "that's no reference"
            lost = lost_secret(text)
            dispatcher.utter_message(text=texts.MANAGE_LOST_REFERENCE if lost else texts.MANAGE_NO_REFERENCE)
            return {names.MANAGE_REFERENCE: None, names.MANAGE_ACTION: names.MANAGE_DONE}
        return await self._reference_given(reference, text, dispatcher, tracker)

    async def _reference_given(
        self, reference: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Slots:
        """``reference``, said in ``text``, with the need shown when the secret is there too
        ("N-7K3QX, secret ABCD-EFGH-JKMN"), or the way to the cluster team when the secret is said
        lost."""
        if lost_secret(text) or tracker.get_slot(names.MANAGE_SECRET) == names.SECRET_LOST:
            return await self._lost(reference, dispatcher, tracker)
        secret = secret_in(text)
        if secret is None:
            return {names.MANAGE_REFERENCE: reference}
        return {names.MANAGE_REFERENCE: reference, **await self._shown(reference, secret, dispatcher, tracker, again=True)}

    @staticmethod
    async def _lost(reference: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """A lost secret: the cluster team is told of the reference, and the form ends (it was
        checked as a wrong secret). Why: the firm was sent to "talk to a person", whose alert
        carried no reference, so the team could not tell which need or whom to ask. The reply
        is the same whether the reference exists, as a refusal is; the alert says which."""
        try:
            known = await asyncio.to_thread(services.needs().get, reference) is not None
        except StoreError:  # the team can still look, later
            logger.exception("need %s not looked up for a lost secret", reference)
            known = True
        stored = (texts.LOST_SECRET_STORED if known else texts.LOST_SECRET_UNKNOWN).format(reference=reference)
        alert = texts.LOST_SECRET_ALERT.format(reference=reference, sender=tracker.sender_id, stored=stored)
        await alert_staff(alert, f"lost secret of {reference}")
        dispatcher.utter_message(text=texts.MANAGE_LOST_SECRET.format(reference=reference))
        return {names.MANAGE_SECRET: None, names.MANAGE_ACTION: names.MANAGE_DONE, names.FIRM_SECRET_LOST_OF: reference}

    @answers(names.MANAGE_SECRET)
    async def validate_manage_secret(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        text = answer_text(value, tracker)
        if lost_secret(text):  # "I don't have it"
            return await self._lost(tracker.get_slot(names.MANAGE_REFERENCE), dispatcher, tracker)
        secret = secret_in(text)  # "the secret is CZQZ-…" was checked whole, and refused
        typed = reference_in(text)  # both typed again, after a refusal
        if typed and secret is None:  # the reference typed again, fixed: the secret is asked for it
            return {names.MANAGE_REFERENCE: typed, names.MANAGE_SECRET: None}
        reference = typed or tracker.get_slot(names.MANAGE_REFERENCE)
        shown = await self._shown(reference, secret or text.strip(), dispatcher, tracker, again=secret is not None)
        return {**({names.MANAGE_REFERENCE: typed} if typed else {}), **shown}

    @staticmethod
    async def _shown(
        reference: str, secret: str, dispatcher: CollectingDispatcher, tracker: Tracker, again: bool = False
    ) -> Slots:
        """The need shown to its owner once the secret is checked. On a refusal the secret is
        asked ``again`` when one was typed (a typo fixed next, "oh sorry it's TAAZ-…", had fallen
        into the worker's greeting), else the form ends; either way nothing tells which was wrong."""
        try:
            # scrypt; the conversation is noted as the owner's, so "forget me" here erases the need
            need = await asyncio.to_thread(services.needs().get_for_owner, reference, secret, tracker.sender_id)
        except NeedError:
            logger.info("need view refused for sender %s", tracker.sender_id)
            dispatcher.utter_message(text=texts.MANAGE_REFUSED)
            return {names.MANAGE_SECRET: None, **({} if again else {names.MANAGE_ACTION: names.MANAGE_DONE})}
        except StoreError:
            logger.exception("need view failed for sender %s", tracker.sender_id)
            dispatcher.utter_message(text=texts.MANAGE_FAILED)
            return {names.MANAGE_SECRET: None, names.MANAGE_ACTION: names.MANAGE_DONE}
        logger.info("need %s shown to its owner, sender %s", need.reference, tracker.sender_id)
        dispatcher.utter_message(text=firm_texts.MANAGE_SHOW.format(**need_fields(need)))
        if need.status == "withdrawn":
            dispatcher.utter_message(text=texts.MANAGE_CLOSED)
            return {names.MANAGE_SECRET: secret, names.MANAGE_ACTION: names.MANAGE_DONE}
        return {names.MANAGE_SECRET: secret}

    @answers(names.MANAGE_ACTION)
    async def validate_manage_action(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        """What to do; "Nothing, thanks" is answered here, as the form ends on it with nothing to apply.
        A new value said with the change is taken, not asked for ("change the number of people to
        12" asked "How many people?")."""
        return await self._action_said(answer_text(value, tracker), dispatcher, tracker)

    async def _action_said(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, opening: bool = False
    ) -> Slots:
        """The manage slots for what ``text`` asks: a change said with its value is applied at
        once, and the form asks what else; a withdrawal is asked to confirm. ``opening``: the
        message that opened the form, which may ask nothing ("view my need …, thanks")."""
        action = parse_manage_action(text)
        if opening and action in (None, names.MANAGE_DONE):
            return {}
        if action is None and asks_what_now(text, latest_intent(tracker)):  # the form asks on after it
            dispatcher.utter_message(text=firm_what_now(tracker))
        elif action is None:
            other = field_named(text) not in (None, *_PARSERS)  # "change the company name to …"
            dispatcher.utter_message(text=texts.MANAGE_OTHER_FIELDS if other else texts.NOT_UNDERSTOOD)
        elif action == names.MANAGE_DONE and not tracker.get_slot(names.MANAGE_CHANGED):
            dispatcher.utter_message(text=texts.MANAGE_UNCHANGED)
        if action in (None, names.MANAGE_DONE, names.MANAGE_WITHDRAW):
            return {names.MANAGE_ACTION: action}
        changes, other = parse_manage_changes(text)
        if any(field == names.MANAGE_PEOPLE for field, _ in changes) and await _other_role(text, dispatcher, tracker):
            changes, other = [(field, value) for field, value in changes if field != names.MANAGE_PEOPLE], False
            if not changes:  # the form asks what to change
                return {names.MANAGE_ACTION: None}
            action = changes[0][0]
        said = dict(await _counted_from_need(changes, text, tracker))
        if said.get(action) is None:
            return {names.MANAGE_ACTION: action}
        changed = await self._changed(said, dispatcher, tracker)
        if other:  # "we need three now, and also a cnc programmer": the 3 is taken, the rest said
            dispatcher.utter_message(text=texts.MANAGE_OTHER_FIELDS)
        return changed

    @staticmethod
    async def _changed(said: dict[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        """Changes applied at once (those with a value), said, and staff told; the form then asks
        what else. Why: a follow-up ("and make it online too") after the form had ended fell into
        the worker's greeting, the secret gone. A failure ends the form, saying so."""
        reference, secret = tracker.get_slot(names.MANAGE_REFERENCE), tracker.get_slot(names.MANAGE_SECRET)
        change: dict[str, object] = {}
        for action, value in said.items():
            if value is not None:
                change.update(change_of(action, value))
        outcome, need = await asyncio.to_thread(_applied, reference, secret, change, tracker.sender_id)
        dispatcher.utter_message(text=outcome)
        if need is None:
            return {names.MANAGE_ACTION: names.MANAGE_DONE, names.MANAGE_VALUE: None}
        await alert_staff(firm_texts.NEED_CHANGED_ALERT.format(**need_fields(need)), f"need {reference} changed")
        return {names.MANAGE_ACTION: None, names.MANAGE_VALUE: None, names.MANAGE_CHANGED: True}

    @answers(names.MANAGE_VALUE)
    async def validate_manage_value(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        action, text = tracker.get_slot(names.MANAGE_ACTION), answer_text(value, tracker)
        if action == names.MANAGE_WITHDRAW:
            change = _change_instead(text)
            if change is not None:  # "yes, only 2": a change, not a yes to withdrawing
                return change
            parsed: Any = _SURE.get(latest_intent(tracker), yes_or_no(text))
        else:
            parsed = _PARSERS[action](text)
            if parsed is not None:
                return await self._changed({action: parsed}, dispatcher, tracker)
        if parsed is None:
            dispatcher.utter_message(text=texts.NOT_UNDERSTOOD)
        return {names.MANAGE_VALUE: parsed}


def _change_instead(text: str) -> Slots | None:
    """The change an answer to "Withdraw the need for good?" asks for instead ("yes, only 2",
    "no, make it online"), as the manage slots; None when it carries none. Why: "yes, only 2"
    withdrew the need for good."""
    change = parse_manage_change(text)
    if change is None and not text.startswith("/"):
        people = parse_people(text)
        change = (names.MANAGE_PEOPLE, people) if people is not None else None
    if change is None or change[1] is None:
        return None
    return {names.MANAGE_ACTION: change[0], names.MANAGE_VALUE: change[1]}


def change_of(action: str, value: Any) -> dict[str, object]:
    """The store's change for an answer: ``people`` int, ``by_when`` date, ``mode`` ("" = any)."""
    if action == names.MANAGE_BY_WHEN:
        return {action: None if value == names.ANY else date.fromisoformat(value)}
    if action == names.MANAGE_MODE:
        return {action: "" if value == names.ANY else value}
    return {action: value}


async def _stored_need(tracker: Tracker) -> FirmNeed | None:
    """The need the form opened, as stored; None when it cannot be read."""
    try:
        return await asyncio.to_thread(services.needs().get, tracker.get_slot(names.MANAGE_REFERENCE))
    except StoreError:
        logger.exception("need of sender %s not read for a change", tracker.sender_id)
        return None


async def _other_role(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """True, said, when the people ``text`` counts are of another role than the need's ("we're in
    Kapfenberg now and need 2 bakers" on a data analyst need): no count of this need, and its role,
    skills and town are no change made here. Why: the count was taken silently (QA12)."""
    title = counted_title(text)
    need = await _stored_need(tracker) if title else None
    if title is None or need is None or need.occupation is None or same_title(title, need.occupation.label):
        return False
    town = town_named(text)
    said = firm_texts.MANAGE_OTHER_ROLE.format(reference=need.reference, role=need.occupation.label, people=plural(title))
    dispatcher.utter_message(text=said + (" " + firm_texts.MANAGE_TOWN_KEPT.format(town=town) if town else ""))
    return True


async def _counted_from_need(
    changes: list[tuple[str, object | None]], text: str, tracker: Tracker
) -> list[tuple[str, object | None]]:
    """``changes`` with a change of the number of people by some ("add one more person") made the
    need's new number, counted from the stored one; left None (asked) when it cannot be read."""
    by = people_changed_by(text)
    if by is None or (names.MANAGE_PEOPLE, None) not in changes:
        return changes
    need = await _stored_need(tracker)
    people = need.people + by if need is not None and need.people + by >= 1 else None
    return [(action, people if action == names.MANAGE_PEOPLE else value) for action, value in changes]


def _applied(
    reference: str, secret: str, change: dict[str, object] | None, sender: str
) -> tuple[str, FirmNeed | None]:
    """A change (None: the withdrawal) applied through the store, which checks the secret again:
    what to say, and the need as it now is (None when nothing was done)."""
    store = services.needs()
    try:
        if change is None:
            need = store.withdraw(reference, secret)
        else:
            need = store.update(reference, secret, change)
    except NeedClosedError:
        return texts.MANAGE_CLOSED, None
    except NeedError:
        return texts.MANAGE_REFUSED, None
    except (StoreError, NeedValidationError):
        logger.exception("need change failed for sender %s", sender)
        return texts.MANAGE_FAILED, None
    logger.info("need %s: %s by its owner, sender %s", need.reference, sorted(change or {"withdrawn": 1}), sender)
    template = texts.MANAGE_WITHDRAWN if change is None else firm_texts.MANAGE_UPDATED
    return template.format(**need_fields(need)), need


class ActionFirmManageApply(Action):
    """End the manage form: withdraw the need when confirmed, say what else the firm may do,
    and forget the secret. (Changes are applied as the form takes them.)"""

    def name(self) -> str:
        return names.ACTION_FIRM_MANAGE_APPLY

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        outcome = await self._outcome(tracker)
        if outcome is not None:
            dispatcher.utter_message(text=outcome)
        # every way out offers what a firm may do next: it had ended in silence
        dispatcher.utter_message(text=texts.MANAGE_NEXT, buttons=texts.FIRM_AFTER_SAVE_BUTTONS)
        return [SlotSet(s, None) for s in names.MANAGE_SLOTS]

    @staticmethod
    async def _outcome(tracker: Tracker) -> str | None:
        """What was done, in words; None when it was said already (a change, "done")."""
        slot = tracker.get_slot
        action, value = slot(names.MANAGE_ACTION), slot(names.MANAGE_VALUE)
        if action == names.MANAGE_DONE or (action is None and slot(names.MANAGE_CHANGED)):
            return None
        if action is None or value is None or value is False:
            return texts.MANAGE_UNCHANGED
        reference = slot(names.MANAGE_REFERENCE)
        change = None if action == names.MANAGE_WITHDRAW else change_of(action, value)
        outcome, need = await asyncio.to_thread(_applied, reference, slot(names.MANAGE_SECRET), change, tracker.sender_id)
        if need is not None:  # staff were told of a new need, so of its end too (no contact details)
            alert = texts.NEED_WITHDRAWN_ALERT if action == names.MANAGE_WITHDRAW else firm_texts.NEED_CHANGED_ALERT
            await alert_staff(alert.format(**need_fields(need)), f"need {reference} {action}")
        return outcome
