"""Session-wide fixtures: work that many test modules would otherwise repeat."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

#: Batches at least this large are the fixed sets every semantic recogniser build embeds (the
#: lexicon's ~16k phrases, the talk detector's ~2k lines); the encoder's own tests encode fewer
#: texts per call, so they always run the network.
SHARED_BATCH = 1000


@pytest.fixture(scope="session", autouse=True)
def large_batches_encoded_once() -> Iterator[None]:
    """A large batch of texts goes through the sentence encoder once per session, per model and
    runtime; the same batch again gets a copy of those vectors.

    Why: each semantic ``Recognizer.build`` without a warm cache directory (a fresh ``tmp_path``,
    or none) embeds the same ~18k lexicon phrases and talk lines, 30-110 s on two busy cores, and
    some eight tests and fixtures build one. The vectors are what the encoder gave for the very
    same texts, model (``Encoder.name``), runtime and batch size, so every recogniser is as before;
    the label-vector cache files are still looked for, written and read (``_vectors`` in
    ``skills_catalog/recognition_semantic.py``), since only the encoding is skipped.
    """
    from skills_catalog.embedding import Encoder

    encode = Encoder.encode
    seen: dict[tuple[str, str, int, tuple[str, ...]], np.ndarray] = {}

    def encode_once(self: Encoder, texts: list[str], batch: int = 32) -> np.ndarray:
        if len(texts) < SHARED_BATCH:
            return encode(self, texts, batch)
        key = (self.name, self.runtime, batch, tuple(texts))
        if key not in seen:
            seen[key] = encode(self, texts, batch)
        return seen[key].copy()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Encoder, "encode", encode_once)
        yield
