"""Cheap checks that the actions and the domain agree (names, registrations, validators, buttons)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rasa_sdk.executor import ActionExecutor

from actions import names, texts
from actions.firm_form import ValidateFirmNeedForm
from actions.firm_manage import ValidateFirmManageForm
from actions.profile_form import ValidateProfileForm
from tests.test_actions.conftest import DOMAIN

ACTIONS_DIR = Path(__file__).resolve().parents[2] / "actions"
SLOTS = set(DOMAIN["slots"])
RESPONSES = set(DOMAIN["responses"])
DOMAIN_ACTIONS = set(DOMAIN["actions"])
FORMS = DOMAIN["forms"]
INTENTS = set(DOMAIN["intents"]) | {"nlu_fallback"}
#: strings that are also slot names but mean a field of the card contract (docs/messages.md)
CONTRACT_FIELDS = {"offer_id", "mode", "ecosystem"}


def registered() -> set[str]:
    executor = ActionExecutor()
    executor.register_package("actions")
    return set(executor.actions)


def constants(prefix: str) -> set[str]:
    return {value for key, value in vars(names).items() if key.startswith(prefix) and isinstance(value, str)}


def test_every_domain_action_is_registered() -> None:
    assert DOMAIN_ACTIONS - registered() == set()


def test_every_registered_action_is_in_the_domain() -> None:
    assert registered() - DOMAIN_ACTIONS == set()


def test_every_response_the_actions_use_exists() -> None:
    assert constants("UTTER_") - RESPONSES == set()


def test_every_action_and_form_name_exists() -> None:
    assert constants("ACTION_") - DOMAIN_ACTIONS == set()
    assert {names.PROFILE_FORM} <= set(FORMS) and names.VALIDATE_PROFILE_FORM in DOMAIN_ACTIONS


def test_every_intent_the_actions_name_exists() -> None:
    assert constants("INTENT_") - INTENTS == set()
    assert set(texts.INTENT_TITLES) - INTENTS == set()


def test_every_slot_is_named_once_in_names() -> None:
    slot_constants = {
        v
        for k, v in vars(names).items()
        if k.isupper() and isinstance(v, str) and v in SLOTS | {names.REQUESTED_SLOT}
    }
    assert SLOTS - slot_constants == set(), "slots without a constant in actions/names.py"
    assert set(names.PROFILE_SLOTS) <= SLOTS


VALIDATORS = {
    names.PROFILE_FORM: ValidateProfileForm,
    names.FIRM_NEED_FORM: ValidateFirmNeedForm,
    names.FIRM_MANAGE_FORM: ValidateFirmManageForm,
}


def test_every_form_has_a_validator_in_the_domain() -> None:
    assert set(FORMS) == set(VALIDATORS)
    assert {v().name() for v in VALIDATORS.values()} <= DOMAIN_ACTIONS


@pytest.mark.parametrize(
    ("form", "slot"), [(f, s) for f in FORMS for s in FORMS[f]["required_slots"]], ids=lambda v: v
)
def test_every_form_slot_has_a_validator_and_a_question(form: str, slot: str) -> None:
    assert callable(getattr(VALIDATORS[form], f"validate_{slot}", None)), f"no validate_{slot}"
    assert f"action_ask_{slot}" in registered() or f"utter_ask_{slot}" in RESPONSES


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    }


@pytest.mark.parametrize(
    "path", sorted(p for p in ACTIONS_DIR.glob("*.py") if p.name != "names.py"), ids=lambda p: p.name
)
def test_no_domain_name_is_spelled_outside_names(path: Path) -> None:
    spelled = _string_literals(path) & ((SLOTS - CONTRACT_FIELDS) | RESPONSES | DOMAIN_ACTIONS | set(FORMS))
    assert spelled == set(), f"use actions.names instead of {sorted(spelled)}"


def _payload_intents() -> set[str]:
    payloads = [
        b["payload"]
        for value in vars(texts).values()
        for b in (value if isinstance(value, list) else [value])
        if isinstance(b, dict) and "payload" in b
    ]
    for response in DOMAIN["responses"].values():
        payloads += [b["payload"] for variant in response for b in variant.get("buttons", [])]
    return {re.match(r"/(\w+)", p).group(1) for p in payloads}


def test_every_button_sends_a_known_intent() -> None:
    assert _payload_intents() - INTENTS == set()
