"""The ``skills-catalog`` command line: commands, exit codes, JSON shapes (spec/cli.md)."""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skills_catalog import cli
from skills_catalog.engine import Engine
from skills_catalog.errors import CatalogError, CatalogProblem
from skills_catalog.progress import Progress
from skills_catalog.settings import DEMO_CATALOG_DIR, PROJECT_ROOT
from tests.test_skills_catalog.conftest import (
    TODAY,
    FakeGazetteer,
    FakeRecognizer,
    make_catalog,
    make_taxonomy,
    o,
    s,
)

WARNING = CatalogProblem("offers.csv", 4, "skills", "label 'x' maps to no ESCO skill", "warning")
ERROR = CatalogProblem("offers.csv", 7, "mode", "unknown mode 'remote'")


@pytest.fixture(autouse=True)
def offline(monkeypatch):  # noqa: ANN001
    """Replace the loaders with the in-memory fixtures."""
    taxonomy = make_taxonomy()
    engine = Engine(taxonomy, FakeRecognizer(taxonomy), FakeGazetteer(), make_catalog(), today=lambda: TODAY)
    monkeypatch.setattr(cli, "load_engine", lambda settings, progress: engine)
    monkeypatch.setattr(cli, "load_recognizer", lambda settings, progress: FakeRecognizer(taxonomy))
    monkeypatch.setattr(cli, "check", lambda settings, progress: (make_catalog(), (WARNING,)))


def run(capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def profile_file(tmp_path):  # noqa: ANN001, ANN201
    def write(data) -> str:  # noqa: ANN001
        path = tmp_path / "profile.json"
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return str(path)

    return write


def test_skills_json_shape(capsys):  # noqa: ANN001
    code, out, _ = run(capsys, "skills", "I did welding and PLC programming", "--json")
    matches = json.loads(out)
    assert code == 0 and {m["uri"] for m in matches} == {s("weld"), s("plc")}
    assert all(set(m) == {"uri", "label", "score", "span"} for m in matches)
    assert {m["span"] for m in matches} == {"welding", "PLC programming"}


@pytest.mark.parametrize("command", ["skills", "occupations", "stats"], ids=str)
def test_human_output_shows_esco_attribution(capsys, command):  # noqa: ANN001
    argv = [command] if command == "stats" else [command, "welder welding"]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "ESCO classification, © European Union" in out


def test_top_limits_results(capsys):  # noqa: ANN001
    _, out, _ = run(capsys, "skills", "welding, PLC programming, python", "--json", "--top", "2")
    assert len(json.loads(out)) == 2


def test_recommend_json_shape(capsys, profile_file):  # noqa: ANN001
    path = profile_file(
        {"target": o("mechatronics"), "skills": ["juggling"], "location": "Graz, AT", "max_cost_eur": 0}
    )
    code, out, _ = run(capsys, "recommend", "--profile", path, "--json")
    result = json.loads(out)
    assert code == 0 and set(result) == {"gap", "recommendations", "unrecognised", "relax"}
    assert result["unrecognised"] == ["juggling"] and len(result["gap"]) == 4
    rec = result["recommendations"][0]
    assert set(rec) == {
        "offer_id",
        "title",
        "score",
        "partner",
        "distance_km",
        "mode",
        "start_date",
        "cost_eur",
        "covers",
        "reasons",
    }
    assert set(rec["partner"]) == {"partner_id", "name", "city", "website"}
    assert (rec["offer_id"], rec["start_date"], rec["cost_eur"], rec["distance_km"]) == (
        "O1",
        "2027-02-01",
        0,
        0.0,
    )
    assert rec["reasons"][:3] == [
        "covers 2 of the 4 skills you are missing: weld metal parts, read blueprints",
        "under 1 km from Graz",
        "free",
    ]


def test_recommend_nothing_fits_says_what_to_relax(capsys, profile_file):  # noqa: ANN001
    path = profile_file({"wanted_skills": ["python"], "modes": ["in_person"]})
    code, out, _ = run(capsys, "recommend", "--profile", path)
    assert (
        code == 0
        and "Nothing fits. Try relaxing one limit:" in out
        and "no offer in person — 1 online" in out
    )


def test_need_json_shape(capsys):  # noqa: ANN001
    code, out, _ = run(
        capsys,
        "need",
        "--skills",
        "welding; PLC programming",
        "--people",
        "8",
        "--location",
        "Graz, AT",
        "--json",
    )
    result = json.loads(out)
    assert code == 0 and [r["uri"] for r in result["skills"]] == [s("weld"), s("plc")]
    assert result["people"] == 8 and result["location"] == "Graz"
    assert result["recommendations"][0]["offer_id"] == "O8"
    assert result["partners"][0]["partner_id"] == "P4" and len(result["partners"][0]["skills"]) == 2


def test_need_human_output_lists_partners(capsys):  # noqa: ANN001
    code, out, _ = run(capsys, "need", "--skills", "welding", "--people", "2", "--location", "Graz")
    assert (
        code == 0
        and "Partners teaching these skills:" in out
        and "Mur Valley Technical Academy, Graz (under 1 km)" in out
    )


def test_need_partners_read_the_need_as_its_course_list(capsys, monkeypatch):  # noqa: ANN001
    """The partners get the need as typed, so a role is read as a role (``Engine._need_parts``),
    not as its skills named one by one (which would add their kinds)."""
    asked: list[list[str]] = []
    real = Engine.partners_teaching
    monkeypatch.setattr(
        Engine,
        "partners_teaching",
        lambda self, skills, place: asked.append(list(skills)) or real(self, skills, place),
    )
    code, _, _ = run(
        capsys, "need", "--skills", f"{o('welder')}; PLC programming", "--people", "2", "--location", "Graz"
    )
    assert code == 0 and asked == [[o("welder"), " PLC programming"]]


def test_stats_json(capsys):  # noqa: ANN001
    code, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and (stats["partners"], stats["offers"], stats["skills_covered"]) == (4, 9, 8)
    assert stats["skill_labels"] == {"mapped": 16, "unmapped": 2, "mapped_share": 0.8889}


@pytest.mark.parametrize(
    ("problems", "code", "verdict"),
    [((WARNING,), 0, "OK: "), ((WARNING, ERROR), 2, "REFUSED: ")],
    ids=["warnings-only", "with-error"],
)
def test_validate_exit_status(capsys, monkeypatch, problems, code, verdict):  # noqa: ANN001
    monkeypatch.setattr(cli, "check", lambda settings, progress: (None, problems))
    status, out, _ = run(capsys, "validate")
    assert status == code and verdict in out and "offers.csv:4 [skills] warning:" in out


def test_validate_json(capsys, monkeypatch):  # noqa: ANN001
    monkeypatch.setattr(cli, "check", lambda settings, progress: (None, (ERROR,)))
    code, out, _ = run(capsys, "validate", "--json")
    result = json.loads(out)
    assert code == 2 and (result["ok"], result["errors"], result["warnings"]) == (False, 1, 0)
    assert result["problems"][0] == {
        "file": "offers.csv",
        "row": 7,
        "column": "mode",
        "message": "unknown mode 'remote'",
        "severity": "error",
    }


def _refuse(settings, progress):  # noqa: ANN001, ANN202
    raise CatalogError([ERROR])


def _boom(settings, progress):  # noqa: ANN001, ANN202
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize(
    ("argv", "patch", "message"),
    [
        (["recommend", "--profile", "missing.json"], None, "cannot read missing.json"),
        (["recommend", "--profile", "{bad"], None, "is not valid JSON: line 1"),
        (
            ["recommend", "--profile", {"skills": ["welding"], "modes": ["x"]}],
            None,
            "modes: unknown value 'x'",
        ),
        (
            ["recommend", "--profile", {"skills": ["welding"], "location": "Atlantis"}],
            None,
            "unknown place 'Atlantis'",
        ),
        (["need", "--skills", " ; ", "--people", "2", "--location", "Graz"], None, "--skills names no skill"),
        (["stats", "--catalog", "/no/such/catalogue"], None, "no catalogue at /no/such/catalogue"),
        (["skills", "x", "--esco", "/no/such/esco"], None, "no ESCO export folder at /no/such/esco"),
        (["stats"], _refuse, "offers.csv:7 [mode] error: unknown mode 'remote'"),
    ],
    ids=[
        "missing-file",
        "bad-json",
        "bad-profile",
        "unknown-place",
        "empty-need",
        "no-catalog",
        "no-esco",
        "refused-catalog",
    ],
)
def test_bad_input_exits_2(capsys, monkeypatch, profile_file, argv, patch, message):  # noqa: ANN001
    if patch:
        monkeypatch.setattr(cli, "load_engine", patch)
    argv = [profile_file(a) if isinstance(a, dict) or a == "{bad" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err and out == ""


def test_unexpected_error_exits_1(capsys, monkeypatch):  # noqa: ANN001
    monkeypatch.setattr(cli, "load_engine", _boom)
    code, _, err = run(capsys, "stats")
    assert code == 1 and err.strip().endswith("error: unexpected RuntimeError: disk on fire")


@pytest.mark.parametrize(
    "argv",
    [
        ["recommend"],
        ["need", "--skills", "x", "--people", "0", "--location", "Graz"],
        ["skills", "x", "--top", "-1"],
        ["frobnicate"],
    ],
    ids=["missing-profile", "zero-people", "negative-top", "unknown-command"],
)
def test_bad_arguments_exit_2(capsys, argv):  # noqa: ANN001
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2


@pytest.mark.parametrize(
    "command", ["validate", "stats", "skills", "occupations", "recommend", "need"], ids=str
)
def test_every_command_has_help_and_data_options(capsys, command):  # noqa: ANN001
    with pytest.raises(SystemExit) as caught:
        cli.main([command, "--help"])
    out = capsys.readouterr().out
    assert caught.value.code == 0 and all(opt in out for opt in ("--catalog", "--esco", "--json"))
    assert ("--top" in out) == (command not in ("validate", "stats"))  # only where it limits results


def test_python_dash_m_help():
    done = subprocess.run(
        [sys.executable, "-m", "skills_catalog", "--help"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
    )
    assert done.returncode == 0
    assert all(c in done.stdout for c in ("validate", "stats", "skills", "occupations", "recommend", "need"))


@pytest.mark.skipif(
    importlib.util.find_spec("skills_catalog.catalog") is None or not Path(DEMO_CATALOG_DIR).is_dir(),
    reason="catalogue loader or demo catalogue not there yet",
)
@pytest.mark.slow
def test_demo_catalogue_validates(capsys, monkeypatch):  # noqa: ANN001
    monkeypatch.undo()
    code, out, _ = run(capsys, "validate")
    assert code == 0, out


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "expected"),
    [(False, "loading taxonomy…\nindexing…\n"), (True, "\r\x1b[K")],
    ids=["pipe-plain-lines", "terminal-spinner-cleared"],
)
def test_progress_indicator(tty, expected):  # noqa: ANN001
    stream = _Stream(tty)
    with Progress(stream, interval=0.01) as progress:
        progress("loading taxonomy")
        time.sleep(0.05)
        progress("indexing")
    text = stream.getvalue()
    assert text == expected if not tty else (text.endswith(expected) and "loading taxonomy… " in text)


# ---------------------------------------------------------------- QA8


def test_validate_groups_a_finding_repeated_on_many_rows(capsys, monkeypatch):  # noqa: ANN001
    """QA8: 2,640 lines for a big catalogue, mostly the same 15 labels."""
    same = [
        CatalogProblem("offers.csv", row, "skills", "'x' matches no ESCO skill", "warning")
        for row in range(2, 10)
    ]
    monkeypatch.setattr(cli, "check", lambda settings, progress: (None, (*same, ERROR)))
    _, out, _ = run(capsys, "validate")
    assert out.splitlines()[:2] == [
        "offers.csv (8 rows: 2, 3, 4, 5, 6 …) [skills] warning: 'x' matches no ESCO skill",
        "offers.csv:7 [mode] error: unknown mode 'remote'",
    ]
    assert "1 error(s), 8 warning(s)" in out


def test_validate_json_gives_no_row_for_a_whole_file_problem(capsys, monkeypatch):  # noqa: ANN001
    missing = CatalogProblem("offers.csv", 0, "", "file offers.csv is missing")
    monkeypatch.setattr(cli, "check", lambda settings, progress: (None, (missing,)))
    _, out, _ = run(capsys, "validate", "--json")
    assert json.loads(out)["problems"][0]["row"] is None


def test_text_matched_by_an_offer_label_is_not_called_unrecognised(capsys, profile_file):  # noqa: ANN001
    """QA8: "covers … SAP S/4HANA basics" and then "Not recognised: SAP S/4HANA basics"."""
    code, out, _ = run(
        capsys,
        "recommend",
        "--profile",
        profile_file({"wanted_skills": ["photovoltaic roof mounting"]}),
        "--json",
    )
    result = json.loads(out)
    assert code == 0 and result["recommendations"] and result["unrecognised"] == []
    _, text, _ = run(
        capsys, "recommend", "--profile", profile_file({"wanted_skills": ["photovoltaic roof mounting"]})
    )
    assert "Not recognised" not in text


def test_max_distance_without_location_is_bad_input(capsys, profile_file):  # noqa: ANN001
    code, _, err = run(
        capsys, "recommend", "--profile", profile_file({"skills": ["welding"], "max_distance_km": 50})
    )
    assert code == 2 and "max_distance_km needs a location" in err


def test_unknown_option_shows_the_commands_usage(capsys):  # noqa: ANN001
    with pytest.raises(SystemExit) as caught:
        cli.main(["skills", "welding", "--bogus"])
    assert caught.value.code == 2 and "usage: skills-catalog skills" in capsys.readouterr().err


def test_closed_pipe_ends_quietly(capsys, monkeypatch):  # noqa: ANN001
    """QA8: `validate | head -2` printed "unexpected BrokenPipeError"."""

    def closed(args):  # noqa: ANN001, ANN202
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "cmd_validate", closed)
    code, _, err = run(capsys, "validate")
    assert code == 1 and err == ""


def test_stats_counts_offers_past_their_start(capsys):  # noqa: ANN001
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and "past_start" in json.loads(out)
