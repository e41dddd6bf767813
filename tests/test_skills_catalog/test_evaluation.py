"""The labelled evaluation sets are well-formed, and ``scripts/evaluate.py --quick`` runs end to end.

The URI checks and the end-to-end run need full ESCO in ``../shared/esco/v1.1.1``; without it
they are skipped with a message naming the missing path, except on CI (``CI=true``), where a
missing ESCO export is a failure.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests/data/eval"
DEV = ROOT / "tests/data/dev"
EVAL_CATALOG = ROOT / "tests/data/eval_catalog"
ESCO = ROOT.parent / "shared/esco/v1.1.1"
ESCO_PREFIX = "http://data.europa.eu/esco/"
KINDS = {"literal", "abbreviation", "typo", "paraphrase"}
PROFILE_KEYS = {
    "skills", "occupation", "target", "wanted_skills", "location", "max_distance_km",
    "modes", "languages", "max_cost_eur", "available_from",
}  # fmt: skip
MINIMUMS = {"skill_mentions.csv": 180, "skill_free.csv": 60, "job_titles.csv": 60}


def rows(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file with a header."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def uris(cell: str) -> list[str]:
    """The ``;``-separated URIs of a cell."""
    return [u.strip() for u in cell.split(";") if u.strip()]


def require_esco() -> None:
    """Skip (or, on CI, fail) when full ESCO is not beside the project."""
    if ESCO.is_dir():
        return
    message = f"full ESCO export not found at {ESCO} (the ../shared folder of the product side)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@cache
def esco_uris(name: str) -> frozenset[str]:
    """``conceptUri`` values of ``skills_en.csv`` or ``occupations_en.csv``, unzipped or in the zip."""
    loose = next(ESCO.rglob(name), None)
    if loose is not None:
        text = loose.read_text(encoding="utf-8")
    else:
        archive = next(p for p in ESCO.glob("*.zip") if " - en - " in p.name)
        with zipfile.ZipFile(archive) as zipped:
            member = next(m for m in zipped.namelist() if m.endswith(name))
            text = zipped.read(member).decode("utf-8")
    return frozenset(row["conceptUri"] for row in csv.DictReader(io.StringIO(text)))


def profiles() -> list[dict]:
    """The judged profiles."""
    return json.loads((EVAL / "profiles.json").read_text(encoding="utf-8"))["profiles"]


# ---------------------------------------------------------------- shape of the sets


@pytest.mark.parametrize("name, minimum", sorted(MINIMUMS.items()), ids=sorted(MINIMUMS))
def test_set_has_at_least_the_minimum_rows(name: str, minimum: int) -> None:
    assert len(rows(EVAL / name)) >= minimum


@pytest.mark.parametrize("name", sorted(MINIMUMS), ids=sorted(MINIMUMS))
def test_set_has_no_duplicate_or_empty_texts(name: str) -> None:
    texts = Counter(row["text"].strip().lower() for row in rows(EVAL / name))
    assert "" not in texts
    assert [t for t, n in texts.items() if n > 1] == []


def test_skill_mentions_have_columns_kinds_and_uris() -> None:
    for row in rows(EVAL / "skill_mentions.csv"):
        assert set(row) == {"text", "acceptable_uris", "kind"}
        assert row["kind"] in KINDS, row
        assert uris(row["acceptable_uris"]), row
        assert all(u.startswith(ESCO_PREFIX + "skill/") for u in uris(row["acceptable_uris"])), row


def test_about_a_fifth_of_skill_mentions_are_paraphrases() -> None:
    kinds = Counter(row["kind"] for row in rows(EVAL / "skill_mentions.csv"))
    assert 0.15 <= kinds["paraphrase"] / sum(kinds.values()) <= 0.3
    assert kinds["typo"] >= 20 and kinds["abbreviation"] >= 20


def test_dev_set_is_well_formed_and_apart_from_the_eval_set() -> None:
    """The dev lines (tuned on) must not repeat an eval line (measured on)."""
    mentions = rows(DEV / "skill_mentions.csv")
    assert len(mentions) >= 120 and len(rows(DEV / "skill_free.csv")) >= 30
    for row in mentions:
        assert set(row) == {"text", "acceptable_uris", "kind"} and row["kind"] in KINDS, row
        assert all(u.startswith(ESCO_PREFIX + "skill/") for u in uris(row["acceptable_uris"])), row
    for name in MINIMUMS:
        dev = {row["text"].strip().lower() for row in rows(DEV / name)}
        assert dev.isdisjoint(row["text"].strip().lower() for row in rows(EVAL / name)), name


def test_job_titles_name_occupation_uris() -> None:
    for row in rows(EVAL / "job_titles.csv"):
        assert uris(row["acceptable_uris"]), row
        assert all(u.startswith(ESCO_PREFIX + "occupation/") for u in uris(row["acceptable_uris"])), row


def test_profiles_use_only_cli_keys_and_judge_known_offers() -> None:
    offer_ids = {row["offer_id"] for row in rows(EVAL_CATALOG / "offers.csv")}
    judged = profiles()
    assert len(judged) >= 12
    assert len({p["id"] for p in judged}) == len(judged)
    for p in judged:
        assert set(p["profile"]) <= PROFILE_KEYS, p["id"]
        assert set(p["relevance"]) <= offer_ids, p["id"]
        assert all(grade in (0, 1, 2, 3) for grade in p["relevance"].values()), p["id"]


def test_profiles_set_hard_limits() -> None:
    limits = Counter(key for p in profiles() for key in p["profile"] if key in {
        "max_distance_km", "modes", "languages", "max_cost_eur", "available_from"})  # fmt: skip
    assert set(limits) == {"max_distance_km", "modes", "languages", "max_cost_eur", "available_from"}


def test_eval_catalog_has_the_intended_size() -> None:
    partners, offers = rows(EVAL_CATALOG / "partners.csv"), rows(EVAL_CATALOG / "offers.csv")
    assert len(partners) == 8
    assert 35 <= len(offers) <= 45
    assert {o["partner_id"] for o in offers} <= {p["partner_id"] for p in partners}
    assert all(p["latitude"] and p["longitude"] for p in partners)


# ---------------------------------------------------------------- against full ESCO


@pytest.mark.parametrize(
    "path, column, kind",
    [
        (EVAL / "skill_mentions.csv", "acceptable_uris", "skills_en.csv"),
        (EVAL / "job_titles.csv", "acceptable_uris", "occupations_en.csv"),
        (DEV / "skill_mentions.csv", "acceptable_uris", "skills_en.csv"),
        (DEV / "job_titles.csv", "acceptable_uris", "occupations_en.csv"),
        (EVAL_CATALOG / "offers.csv", "skills", "skills_en.csv"),
        (EVAL_CATALOG / "offers.csv", "occupations", "occupations_en.csv"),
    ],
    ids=["mentions", "job-titles", "dev-mentions", "dev-job-titles", "catalog-skills", "catalog-occupations"],
)
def test_every_uri_exists_in_full_esco(path: Path, column: str, kind: str) -> None:
    require_esco()
    known = esco_uris(kind)
    unknown = [u for row in rows(path) for u in uris(row[column]) if u not in known]
    assert unknown == []


def test_profile_uris_exist_in_full_esco() -> None:
    """URIs must exist; free-text values (profiles p17, p18) are resolved by the recogniser."""
    require_esco()
    skills, occupations = esco_uris("skills_en.csv"), esco_uris("occupations_en.csv")
    for p in profiles():
        values = p["profile"]
        for uri in values.get("skills", []) + values.get("wanted_skills", []):
            assert not uri.startswith("http") or uri in skills, (p["id"], uri)
        for key in ("occupation", "target"):
            value = values.get(key) or ""
            assert not value.startswith("http") or value in occupations, (p["id"], key)


def test_not_lexicon_figure_compares_with_phrase_lexicons_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thesaurus rows are words, not phrasings of a concept: "fix" is no lexicon phrase."""
    spec = importlib.util.spec_from_file_location("evaluate_script", ROOT / "scripts/evaluate.py")
    assert spec is not None and spec.loader is not None
    evaluate = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, evaluate)  # its dataclasses look themselves up there
    spec.loader.exec_module(evaluate)
    phrases = evaluate.lexicon_phrases()
    thesaurus = {r["everyday"] for r in rows_after_comments(ROOT / "data/lexicon/thesaurus.csv")}
    lexicon = {evaluate.normalised(r["phrase"]) for path in (ROOT / "data/lexicon").glob("*.csv")
               if path.name not in ("thesaurus.csv", "talk.csv") for r in rows_after_comments(path)}  # fmt: skip
    assert len(lexicon) > 1000
    assert phrases == lexicon
    assert "fix" in thesaurus and "fix" not in phrases


def rows_after_comments(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV whose ``#`` lines are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


@pytest.mark.slow
def test_evaluate_quick_runs_end_to_end() -> None:
    require_esco()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/evaluate.py"), "--quick", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["matching"]["violations"] == 0
    assert result["skills"]["n"] > 0 and result["occupations"]["n"] > 0
    assert 0.0 <= result["skills"]["recall@5"] <= 1.0
    assert result["matching"]["profiles"] == len(profiles())
