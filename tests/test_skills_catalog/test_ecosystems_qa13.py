"""QA13: a firm's "machinery manufacturing" was offered Textiles among its ecosystems. The words
of manufacturing in general name every maker of goods; the words of machines only the makers of
machines, and where every word names several ecosystems only those they all name count."""

from __future__ import annotations

import pytest

from skills_catalog.ecosystems import ecosystems_named

MOBILITY = "mobility_transport_automotive"
MACHINES = ("aerospace_defence", "electronics", "energy_intensive", MOBILITY)  # the makers of machines


@pytest.mark.parametrize(
    "text",
    ["machinery manufacturing", "we're a machine builder", "a machine shop", "CNC job shop",
     "precision engineering factory", "machine building", "we do machining on the shop floor"],
)  # fmt: skip
def test_the_words_of_machines_name_the_makers_of_machines_only(text: str) -> None:
    assert ecosystems_named(text) == MACHINES


@pytest.mark.parametrize("text", ["manufacturing", "a manufacturer", "factory", "shop floor"])
def test_manufacturing_in_general_names_textiles_too(text: str) -> None:
    assert ecosystems_named(text) == (*MACHINES, "textiles")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("energy", ("energy_intensive", "renewable_energy")), ("energy and machinery", ("energy_intensive",)),
     ("a textile factory", ("textiles",)), ("a factory making car parts", (MOBILITY,))],
    ids=["alone-both", "shared", "sure-wins", "sure-wins-2"],
)  # fmt: skip
def test_words_naming_several_keep_those_they_share(text: str, expected: tuple[str, ...]) -> None:
    assert ecosystems_named(text) == expected
