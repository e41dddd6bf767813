"""Slots copied directly are the copies ``copy.copy`` made; a slot class that customises its
copying still gets it."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from rasa.shared.core.slots import AnySlot, BooleanSlot, CategoricalSlot, FloatSlot, ListSlot, Slot, TextSlot

from connectors.speedups import copy_slots_directly

MAPPINGS: list[dict[str, Any]] = [{"type": "custom"}]
SLOTS = {
    "text": TextSlot("place", MAPPINGS, initial_value="Graz"),
    "bool": BooleanSlot("consent", MAPPINGS, initial_value=True),
    "float": FloatSlot("radius", MAPPINGS, initial_value=80.0, max_value=500.0),
    "list": ListSlot("skills", MAPPINGS, initial_value=["welding"]),
    "categorical": CategoricalSlot("mode", MAPPINGS, values=["online", "on site"], initial_value="online"),
    "any": AnySlot("requested_slot", MAPPINGS, initial_value={"a": 1}),
}


class RecordingSlot(TextSlot):
    """A slot class that customises its copying."""

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, restored=True)


def as_copy_did(slot: Slot) -> Slot:
    """What ``copy.copy`` returned before: its reduction, rebuilt."""
    return copy._reconstruct(slot, None, *slot.__reduce_ex__(4))  # type: ignore[attr-defined]


@pytest.mark.parametrize("slot", [*SLOTS.values(), RecordingSlot("x", MAPPINGS)], ids=[*SLOTS, "custom"])
def test_a_slot_copy_is_what_copy_copy_made(slot: Slot) -> None:
    copy_slots_directly()
    copied, expected = copy.copy(slot), as_copy_did(slot)
    assert type(copied) is type(expected) and copied.__dict__ == expected.__dict__
    copied.value = "changed"
    assert slot.value != "changed", "the copy is a separate slot"
