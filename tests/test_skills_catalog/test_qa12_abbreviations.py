"""QA12: abbreviations as the encoder reads them. A chat line reaches the encoder with its
capitalised abbreviations written out ("CNC" -> "computer numerical control"), so a label
that writes one as letters (*tend CNC grinding machine*) also gets a row written out, or the
two sides never meet (docs/recognition.md, twenty-first night)."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from skills_catalog.recognition import Recognizer
from skills_catalog.recognition_lexicon import written_out
from skills_catalog.recognition_semantic import embed_labels
from tests.test_skills_catalog import test_recognition

full = test_recognition.full  # the full-ESCO recogniser, built once per module (skipped without ../shared)


class WordsEncoder:
    """A stand-in encoder: the unit sum of one fixed random vector per lower-case word, so two
    texts are near exactly when they share words."""

    name = "words"
    dim = 64

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row] += np.random.default_rng(zlib.crc32(word.encode())).standard_normal(self.dim)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@pytest.mark.parametrize(
    ("label", "read"),
    [
        ("program a CNC controller", "program a computer numerical control controller"),
        ("apply HACCP", "apply hazard analysis critical control point"),
        ("manage IT security", "manage information communication technology security"),
        ("SQL", "SQL"),  # no abbreviation of the table: as written
        ("use cad software", "use cad software"),  # lower case: the encoder reads chat so too
        ("PLCs", "PLCs"),  # not all capitals: the chat side leaves it too
    ],
)
def test_a_label_is_written_out_as_the_encoder_reads_a_chat_line(label: str, read: str) -> None:
    assert written_out(label) == read


def test_a_label_writing_an_abbreviation_as_letters_meets_the_line_written_out() -> None:
    encoder = WordsEncoder()
    label = "program a CNC controller"
    vectors = embed_labels(encoder, [label, "computer programming"], cache_dir=None)  # type: ignore[arg-type]
    line = encoder.encode(["computer numerical control programming"])[0]  # "CNC programming", read
    as_written, spelled = encoder.encode([label, "program a computer numerical control controller"]) @ line
    assert vectors.scores(line[None])[0, 0] == pytest.approx(spelled, abs=1e-2)
    assert spelled > as_written + 0.3
    assert len(vectors.extra) == 1  # only the label with an abbreviation gets a second row


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I was on the CNC grinding machines for two years on the night shift", "tend CNC grinding machine"),
        ("I ran the CNC drilling machine and checked the holes", "tend CNC drilling machine"),
        ("we did the HACCP plan for the new kitchen line", "apply HACCP"),
    ],
    ids=["cnc-grinding", "cnc-drilling", "haccp-plan"],
)
def test_a_line_with_an_abbreviation_names_the_label_writing_it_as_letters(
    full: Recognizer, text: str, label: str
) -> None:
    assert full.skills(text)[0].label == label
