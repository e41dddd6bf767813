"""'What do you store about me', answered from the real stores (see ``privacy_texts.py``)."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names, privacy_texts, services
from actions.common import guarded
from skills_catalog.errors import SkillsCatalogError, StoreError
from skills_catalog.privacy import StoredRecords, stored_about

logger = logging.getLogger(__name__)


class ActionWhatStored(Action):
    """List what the conversation, leads, needs and consent stores hold about this sender."""

    def name(self) -> str:
        return names.ACTION_WHAT_STORED

    @guarded
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        records: StoredRecords | None
        try:
            records = stored_about(tracker.sender_id, services.leads(), services.needs(), services.consents())
        except StoreError:
            logger.exception("stored records of sender %s not read", tracker.sender_id)
            records = None
        text = privacy_texts.what_stored(tracker.slots, records, partner_names(records), skill_labels(tracker))
        dispatcher.utter_message(text=text, buttons=privacy_texts.BUTTONS)
        logger.info("what-stored shown to sender %s", tracker.sender_id)
        return []


def skill_labels(tracker: Tracker) -> dict[str, str]:
    """URI → label of the skills a person wants to learn (those it has carry their labels)."""
    wanted = tracker.get_slot(names.WANTED_SKILLS) or []
    return {ref.uri: ref.label for ref in services.engine().skill_refs(wanted)} if wanted else {}


def partner_names(records: StoredRecords | None) -> dict[str, str]:
    """Partner id → name for the leads, from the catalogue (ids stay when it cannot load)."""
    if not records or not records.leads:
        return {}
    names_by_id: dict[str, str] = {}
    try:
        engine = services.engine()
        for lead in records.leads:
            names_by_id[lead.partner_id] = engine.offer(lead.offer_id)[1].name
    except (KeyError, SkillsCatalogError):
        logger.warning("partner names not found for %d lead(s)", len(records.leads))
    return names_by_id
