"""Misreadings QA found on full ESCO (twenty-second night, docs/recognition.md): "Windows" the
operating system read as *assemble windows*, "G-code" and "HMI programming" as *computer
programming*, a baker's ovens as *install oven*, the "quality" of "food safety or quality" lost,
and a physio's "back pain" set aside as the writer's own."""

from __future__ import annotations

from collections import Counter

import pytest

from skills_catalog.models import Match
from skills_catalog.recognition import Recognizer
from skills_catalog.recognition_cues import complaints
from skills_catalog.recognition_lexicon import products
from skills_catalog.recognition_text import Speller, analyse
from tests.test_skills_catalog import test_recognition

full = test_recognition.full  # the full-ESCO recogniser, built once per module (skipped without ../shared)


def _labels(matches: list[Match]) -> list[str]:
    return [m.label for m in matches]


@pytest.mark.parametrize(
    ("text", "sensed"),
    [("Windows and Office", {0: "operating system", 2: "microsoft office"}),
     ("I know windows 10 and outlook", {2: "operating system", 5: "microsoft office"}),
     ("good with computers, windows and outlook", {3: "operating system", 5: "microsoft office"}),
     ("I use Windows", {2: "operating system"}),
     ("I fit windows and doors", {}),
     ("I clean office windows", {}),
     ("office cleaner, windows and floors", {}),
     ("I have a positive outlook", {})],
    ids=["beside-a-named-product", "a-version", "a-computer-word", "a-capital", "a-fitter", "a-cleaner",
         "a-cleaners-list", "an-outlook"],
)  # fmt: skip
def test_a_product_word_is_software_only_among_computer_words(text: str, sensed: dict[int, str]) -> None:
    words = text.replace(",", "").lower().split()
    named = [w[:1].isupper() and i > 0 for i, w in enumerate(text.replace(",", "").split())]
    assert products(words, named) == sensed


def test_the_last_of_two_coordinated_words_shares_the_modifier_before_them() -> None:
    words = analyse("food safety or quality", Speller(Counter()))
    assert [w.shared for w in words] == [(), (), ("food",)]
    assert analyse("food safety or quality control", Speller(Counter()))[2].shared == ()  # no phrase end


def test_a_letter_before_a_hyphen_joins_the_word_labels_write_with_it() -> None:
    speller = Speller(Counter({"gcode": 1, "code": 9, "commerce": 3, "ecommerce": 1}))
    assert analyse("I write G-code", speller)[1].stems[0] == "gcod"
    assert analyse("g-code", speller)[0].stems[0] == "gcod"
    assert analyse("e-commerce", speller)[0].stems == ("commerc",)  # labels write "e-commerce" apart


@pytest.mark.parametrize(
    ("line", "aside"),
    [("I treat back pain and neck pain", []),
     ("I help patients with back pain and neck pain", []),
     ("I'm a physio, back pain, sports injuries", []),
     ("warehous worker 30 yers, im 59, back pain", ["back pain"]),
     ("im 59, physio appointments, back pain", ["back pain"]),
     ("I got treated for back pain, bad knees", ["bad knees"])],
    ids=["treats-two-ailments", "helps-patients", "a-physios-list", "the-writers-own", "a-patient", "treated-for"],
)  # fmt: skip
def test_an_ailment_the_writer_treats_is_not_their_complaint(line: str, aside: list[str]) -> None:
    assert [line[a:b] for a, b in complaints(line)] == aside


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Windows and Office", {"operating systems", "use microsoft office"}),
     ("I know windows 10 and outlook", {"operating systems", "use microsoft office"}),
     ("I use windows and linux", {"operating systems"})],
    ids=["windows-and-office", "windows-10-and-outlook", "windows-and-linux"],
)  # fmt: skip
def test_windows_among_computer_words_is_the_operating_system(full: Recognizer, text: str, wanted: set[str]) -> None:
    read = _labels(full.skills(text))
    assert wanted <= set(read[: len(wanted)])
    assert "assemble windows" not in read


@pytest.mark.slow
def test_a_window_fitters_windows_are_still_windows(full: Recognizer) -> None:
    read = _labels(full.skills("I fit windows and doors"))
    assert "set window" in read[:2]
    assert "operating systems" not in read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("G-code", "program a CNC controller"),
     ("I write G-code", "program a CNC controller"),
     ("G code programming", "program a CNC controller"),
     ("HMI programming", "design user interface"),
     ("I do HMI programming for Siemens panels", "design user interface")],
    ids=["gcode-hyphen", "gcode-claimed", "gcode-spaced", "hmi", "hmi-claimed"],
)  # fmt: skip
def test_machine_programming_is_not_computer_programming(full: Recognizer, text: str, label: str) -> None:
    assert full.skills(text)[0].label == label


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["I work the ovens", "loading the deck oven", "ovens", "oven work", "I'm a baker, I work the ovens"]
)
def test_a_bakers_ovens_are_worked_not_installed(full: Recognizer, text: str) -> None:
    assert full.skills(text)[0].label in {"tend bakery ovens", "operate industrial ovens"}


@pytest.mark.slow
def test_a_fitters_ovens_are_still_installed(full: Recognizer) -> None:
    assert full.skills("I install ovens")[0].label == "install oven"


@pytest.mark.slow
@pytest.mark.parametrize("text", ["food safety or quality", "I'd like to work in food safety or quality"])
def test_a_goal_of_food_safety_or_quality_keeps_both(full: Recognizer, text: str) -> None:
    """A goal reads with ``claimed=False`` and keeps one match per mention (``skill_answers.skills_in``):
    the food-quality match must be a mention of its own, on words the food-safety one does not hold."""
    read = full.skills(text, claimed=False)
    safety = next(m for m in read if m.label == "food safety standards")
    quality = [m for m in read if m.label in {"ensure food quality", "supervise food quality"}]
    assert any(m.start >= safety.end and m.span == "quality" for m in quality)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["treating back pain", "I help patients with back pain", "I'm a physiotherapist, treating back pain",
     "I'm a physio. back pain, sports injuries, rehab"],
)  # fmt: skip
def test_a_physios_back_pain_is_a_skill(full: Recognizer, text: str) -> None:
    assert "orthopaedic manual physiotherapy" in _labels(full.skills(text))[:2]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["I'm 59 with back pain", "back pain", "I have back pain"])
def test_the_writers_own_back_pain_names_nothing(full: Recognizer, text: str) -> None:
    assert full.skills(text) == []
