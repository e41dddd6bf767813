"""The small domain the tracker-store and action-call tests share: a form asking for a place and skills."""

from __future__ import annotations

from rasa.shared.core.domain import Domain

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, inform, stop]
slots:
  place: {type: text, mappings: [{type: from_text}]}
  skills: {type: text, mappings: [{type: from_text}]}
  requested_slot: {type: any, mappings: [{type: custom}]}
forms:
  profile_form: {required_slots: [place, skills]}
responses:
  utter_greet: [{text: hi}]
"""
)
