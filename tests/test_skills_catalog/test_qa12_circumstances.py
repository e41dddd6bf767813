"""Circumstances and worries are no skills (QA12, full ESCO): what a worker says of their health,
age, pain, tiredness, a job being automated or skills gone stale names nothing they can do, and
"skip" typed at a question is a command. See docs/recognition.md.
"""

from __future__ import annotations

from collections import Counter

import pytest

from skills_catalog.recognition import Recognizer
from skills_catalog.recognition_cues import complaints, unclaimed
from skills_catalog.recognition_text import Speller, analyse
from tests.test_skills_catalog import test_recognition

full = test_recognition.full  # the full-ESCO recogniser, built once per module (skipped without ../shared)


@pytest.mark.parametrize(
    ("line", "aside"),
    [("warehous worker 30 yers, im 59, back pain", ["back pain"]),
     ("kitchen porter. I am dyslexic so reading is hard for me", ["I am dyslexic so reading is hard for me"]),
     ("call center agent but its being replaced by AI", ["its being replaced by AI"]),
     ("im a baker, 20 yrs, bread and pastry, early shifts killing my back", ["early shifts killing my back"]),
     ("typing, filing, word and outlook but its probably all outdated now", ["its probably all outdated now"]),
     ("I lift heavy boxes all day which is killing my back", ["which is killing my back"]),
     ("I have a bad back, did welding 10 years", ["I have a bad back"]),
     ("I'm a nurse but burnt out from nights", ["burnt out from nights"]),
     ("self checkouts are replacing cashiers", ["self checkouts are replacing cashiers"]),
     ("forklift driver, but automation is coming", ["automation is coming"]),
     ("my job will be automated soon", ["my job will be automated soon"]),
     ("my back isn't great", ["my back isn't great"])],
    ids=["a-bare-ailment", "a-condition", "a-job-replaced", "shifts-as-a-complaint", "skills-gone-stale",
         "a-complaint-from-its-subject", "have-an-ailment", "burnt-out", "replacing-people", "automation-coming",
         "automated", "a-body-part-not-great"],
)  # fmt: skip
def test_a_complaint_is_set_aside(line: str, aside: list[str]) -> None:
    assert [line[a:b] for a, b in complaints(line)] == aside
    assert all(span in unclaimed(line) for span in complaints(line))


@pytest.mark.parametrize(
    "line",
    ["I give physiotherapy to patients with back pain", "I automated the reports", "I replaced the pumps",
     "I'm 59, forklift, picking", "I have a forklift licence", "I work with people who have back problems",
     "I look after patients with a bad back", "machines are coming in by truck and I unload them",
     "I install apps on phones", "I teach children with dyslexia", "I keep our systems from getting outdated"],
)  # fmt: skip
def test_work_told_near_such_words_is_no_complaint(line: str) -> None:
    assert complaints(line) == []


def test_a_complaint_still_tells_the_job() -> None:
    """At the job question ("dislikes" off) "my cashier job is being automated" names the job."""
    line = "my cashier job is being automated"
    assert unclaimed(line) == [(0, len(line))]
    assert unclaimed(line, dislikes=False) == []


def test_struggling_with_something_claims_nothing() -> None:
    line = "I struggle with spreadsheets"
    assert unclaimed(line) == [(0, len(line))]


def test_skip_is_a_chat_word() -> None:
    """ "skip" typed at the skills confirmation (which has a Skip button) gave *dispose waste*."""
    speller = Speller(Counter({"skip": 3, "hire": 2}))
    assert all(w.generic for w in analyse("skip", speller))
    assert not all(w.generic for w in analyse("skip hire", speller))


# ---------------------------------------------------------------- full ESCO (../shared)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "wrong", "kept"),
    [("warehous worker 30 yers, im 59, back pain", "provide physiotherapy diagnosis", "warehouse operations"),
     ("kitchen porter. I am dyslexic so reading is hard for me", "adapt teaching to student's capabilities", ""),
     ("call center agent but its being replaced by AI, i want something more future proof",
      "principles of artificial intelligence", "answer incoming calls"),
     ("call center agent but its being replaced by AI, i want something more future proof", "replace machines", ""),
     ("im a baker, 20 yrs, bread and pastry, early shifts killing my back", "work in shifts",
      "prepare bakery products"),
     ("typing, filing, answering phones, word and outlook but its probably all outdated now",
      "keep up-to-date to computer trends", "answer incoming calls")],
    ids=["back-pain", "dyslexic", "replaced-by-ai", "replaced", "shifts-killing-my-back", "outdated"],
)  # fmt: skip
def test_full_esco_circumstances_name_no_skill(full: Recognizer, text: str, wrong: str, kept: str) -> None:
    labels = [m.label for m in full.skills(text, top=10)]
    assert wrong not in labels
    assert not kept or kept in labels


@pytest.mark.slow
@pytest.mark.parametrize("claimed", [True, False])
def test_full_esco_skip_names_nothing(full: Recognizer, claimed: bool) -> None:
    assert full.skills("skip", claimed=claimed) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [("I work night shifts", "work in shifts"), ("I build AI models", "principles of artificial intelligence"),
     ("I replace machine parts", "replace machines"),
     ("I keep up to date with computer trends", "keep up-to-date to computer trends")],
)  # fmt: skip
def test_full_esco_the_same_words_told_as_work_still_name_skills(full: Recognizer, text: str, label: str) -> None:
    assert label in [m.label for m in full.skills(text, top=10)]
