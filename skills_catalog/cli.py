"""``skills-catalog``: the matching engine without the chat (spec: ../shared/spec/cli.md).

Commands: validate, stats, skills, occupations, recommend, need (the spec's), plus retention
(operations: deletes personal data past its retention period, see docs/privacy.md). Results go to stdout (JSON
with ``--json``); progress and errors go to stderr. Exit status: 0 success, 2 bad input (a
refused catalogue, a malformed profile, an unknown place, a missing or unreadable file or
ESCO export, bad JSON, bad arguments), 1 anything else.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from . import cli_output as out
from .engine import Engine, label_reader
from .errors import (
    CatalogError,
    CatalogProblem,
    LexiconError,
    ProfileError,
    SettingsError,
    TaxonomyError,
    UnknownPlaceError,
)
from .models import Catalog
from .privacy import RETENTION_DAYS, apply_retention
from .profiles import SkillRecognizer
from .progress import Progress
from .settings import Settings

T = TypeVar("T")
BAD_INPUT, FAILURE = 2, 1


class InputError(Exception):
    """A file or value given on the command line cannot be used (exit status 2)."""


# ---------------------------------------------------------------- loaders (tests replace these)


def load_engine(settings: Settings, progress: Callable[[str], None]) -> Engine:
    """Taxonomy, gazetteer and catalogue of ``settings``, ready to answer."""
    return Engine.from_settings(settings, progress)


def load_recognizer(settings: Settings, progress: Callable[[str], None]) -> SkillRecognizer:
    """Only what ``skills``/``occupations`` need: the taxonomy and the recogniser."""
    from .recognition import Recognizer
    from .taxonomy import load_taxonomy

    progress(f"loading taxonomy from {settings.taxonomy_dir}")
    taxonomy = load_taxonomy(settings.taxonomy_dir, settings.cache_dir, progress)
    progress("building the recogniser")
    return Recognizer.build(taxonomy, settings.cache_dir, runtime=settings.encoder_runtime)


def check(
    settings: Settings, progress: Callable[[str], None]
) -> tuple[Catalog | None, tuple[CatalogProblem, ...]]:
    """Every error and warning of the catalogue of ``settings`` (never raises CatalogError).

    Skill labels that are no ESCO label are read by the recogniser, as the assistant reads
    them when it loads the catalogue; it is built only when such a label comes up."""
    from .catalog import check_catalog
    from .places import Gazetteer
    from .recognition import Recognizer
    from .taxonomy import load_taxonomy

    progress(f"loading taxonomy from {settings.taxonomy_dir}")
    taxonomy = load_taxonomy(settings.taxonomy_dir, settings.cache_dir, progress)
    progress(f"checking catalogue {settings.catalog_dir}")

    @functools.cache
    def recognizer() -> SkillRecognizer:
        progress("building the recogniser to read skill labels that are no ESCO label")
        return Recognizer.build(taxonomy, settings.cache_dir, runtime=settings.encoder_runtime)

    reader = label_reader(taxonomy, recognizer)
    return check_catalog(settings.catalog_dir, taxonomy, Gazetteer.default(settings.cache_dir), reader)


def _loaded(loader: Callable[[Settings, Callable[[str], None]], T], settings: Settings) -> T:
    """Run a loader with a progress indicator that is gone before anything is printed."""
    with Progress() as progress:
        return loader(settings, progress)


# ---------------------------------------------------------------- commands


def cmd_validate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    catalog, problems = _loaded(check, settings)
    errors = sum(p.severity == "error" for p in problems)
    demo = out.demo_dates_json(catalog)
    if args.json:
        _json(
            {
                "source": str(settings.catalog_dir),
                "ok": not errors,
                "errors": errors,
                "warnings": len(problems) - errors,
                "problems": [out.problem_json(p) for p in problems],
                "demo_dates": demo,
            }
        )
    else:
        _lines([demo["note"]] if demo else [])
        _lines(out.problems_text(str(settings.catalog_dir), problems))
    return BAD_INPUT if errors else 0


def cmd_stats(args: argparse.Namespace) -> int:
    engine = _loaded(load_engine, _settings(args))
    stats = out.stats_json(engine.catalog, engine.taxonomy)
    _json(stats) if args.json else _lines(out.stats_text(stats))
    return 0


def cmd_skills(args: argparse.Namespace) -> int:
    return _recognise(args, "skills")


def cmd_occupations(args: argparse.Namespace) -> int:
    return _recognise(args, "occupations")


def _recognise(args: argparse.Namespace, what: str) -> int:
    recognizer = _loaded(load_recognizer, _settings(args))
    matches = (
        recognizer.skills(args.text, top=args.top)
        if what == "skills"
        else recognizer.occupations(args.text, top=args.top)
    )
    _json([out.match_json(m) for m in matches]) if args.json else _lines(out.matches_text(matches, what))
    return 0


def cmd_recommend(args: argparse.Namespace) -> int:
    data = _read_json(args.profile)
    if isinstance(data, dict) and data.get("max_distance_km") is not None and not data.get("location"):
        # Why: the limit was silently ignored and courses 600 km away came back (QA8)
        raise ProfileError(
            'max_distance_km needs a location: add "location": "Town, CC" or {"lat": .., "lon": ..}'
        )
    engine = _loaded(load_engine, _settings(args))
    profile, unrecognised = engine.profile_from_json(data)
    found = engine.recommend(profile, top=args.top, unrecognised=unrecognised)
    _json(out.recommendations_json(found)) if args.json else _lines(out.recommendations_text(found))
    return 0


def cmd_need(args: argparse.Namespace) -> int:
    texts = [t for t in re.split(r"[;,\n]", args.skills) if t.strip()]
    if not texts:
        raise ProfileError('--skills names no skill; give e.g. --skills "welding; PLC programming"')
    engine = _loaded(load_engine, _settings(args))
    place = engine.place(args.location)
    found = engine.for_need(texts, args.people, place, top=args.top)
    partners = engine.partners_teaching(texts, place)[: args.top]  # read as for_need reads them
    if args.json:
        _json(
            {
                "skills": [out.ref_json(r) for r in found.gap],
                "people": args.people,
                "location": place.name,
                "recommendations": [out.recommendation_json(r) for r in found.recommendations],
                "partners": out.partner_rows_json(partners),
                "unrecognised": out.unmatched(found),
                "relax": list(found.relax),
            }
        )
    else:
        title = f"Skills needed for {args.people} people near {place.name}"
        _lines(out.recommendations_text(found, gap_title=title, partners=partners))
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """Delete (or with --dry-run count) what is older than --days in the tracker and needs databases."""
    settings = Settings.from_env()
    report = apply_retention(args.days, settings.tracker_db_url, settings.needs_db_url, dry_run=args.dry_run)
    if args.json:
        _json({"cutoff": report.cutoff.isoformat(), "dry_run": report.dry_run, "rows": report.counts})
    else:
        verb = "would delete" if report.dry_run else "deleted"
        _lines([f"older than {report.cutoff:%Y-%m-%d %H:%M} UTC:"])
        _lines(f"  {table}: {verb} {count} row(s)" for table, count in report.counts.items())
    return 0


# ---------------------------------------------------------------- helpers


def _settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment, overridden by ``--catalog`` and ``--esco``."""
    settings = Settings.from_env()
    if args.catalog:
        if not Path(args.catalog).exists():
            raise InputError(f"no catalogue at {args.catalog}")
        settings = replace(settings, catalog_dir=Path(args.catalog))
    if args.esco:
        if not Path(args.esco).is_dir():
            raise InputError(f"no ESCO export folder at {args.esco}")
        settings = replace(settings, esco_dir=Path(args.esco))
    return settings


def _read_json(path: str) -> Any:
    """A JSON file, or stdin for "-"; InputError says what is wrong and where."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from error
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path} is not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}"
        ) from error


def _json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _lines(lines: Iterable[str]) -> None:
    for line in lines:
        print(line)


def _positive(text: str) -> int:
    """argparse type: an integer ≥ 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


RELAX_HELP = (
    'JSON output: {"gap", "recommendations", "unrecognised", "relax"}; when nothing fits, '
    '"relax" lists, in words, which hard limit to relax (the spec\'s "reasons").'
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every command takes --catalog, --esco, --json, --help; those that
    list results --top."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--catalog",
        metavar="DIR_OR_XLSX",
        help="catalogue folder or workbook (default: the shipped demo catalogue)",
    )
    common.add_argument(
        "--esco", metavar="DIR", help="official ESCO CSV export to use instead of the default taxonomy"
    )
    common.add_argument("--json", action="store_true", help="print machine-readable JSON on stdout")
    parser = argparse.ArgumentParser(
        prog="skills-catalog", description="Match workers and firms of a cluster to reskilling offers (ESCO)."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, handler, text in (
        ("validate", cmd_validate, "check a catalogue: every error and warning; exit 2 when it has errors"),
        ("stats", cmd_stats, "counts of partners, offers, skills, ecosystems and regions"),
        ("skills", cmd_skills, "ESCO skills recognised in a free text"),
        ("occupations", cmd_occupations, "ESCO occupations recognised in a free text"),
        ("recommend", cmd_recommend, "offers for one person described by a JSON profile"),
        ("need", cmd_need, "offers and partners for a firm's skill need"),
        (
            "retention",
            cmd_retention,
            "delete conversations, leads, consents and closed needs older than --days",
        ),
    ):
        epilog = RELAX_HELP if name in ("recommend", "need") else None
        sub = commands.add_parser(name, parents=[common], help=text, description=text, epilog=epilog)
        sub.set_defaults(handler=handler, parser=sub)
        if name in ("skills", "occupations", "recommend", "need"):
            sub.add_argument(
                "--top", type=_positive, default=5, metavar="N", help="how many results (default 5)"
            )
        _command_arguments(name, sub)
    return parser


def _command_arguments(name: str, sub: argparse.ArgumentParser) -> None:
    if name in ("skills", "occupations"):
        sub.add_argument("text", metavar="TEXT", help='free text, e.g. "I weld and program PLCs"')
    elif name == "recommend":
        sub.add_argument("--profile", required=True, metavar="FILE", help='profile JSON file ("-" for stdin)')
    elif name == "need":
        sub.add_argument(
            "--skills", required=True, help="skills needed, free text or ESCO URIs, ';'- or ','-separated"
        )
        sub.add_argument(
            "--people", required=True, type=_positive, metavar="N", help="how many people to train"
        )
        sub.add_argument("--location", required=True, help='where the firm is, e.g. "Graz, AT"')
    elif name == "retention":
        sub.add_argument(
            "--days", type=_positive, default=RETENTION_DAYS, metavar="N",
            help=f"keep the last N days (default {RETENTION_DAYS})",
        )  # fmt: skip
        sub.add_argument("--dry-run", action="store_true", help="count what would be deleted, delete nothing")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``skills-catalog`` console script; returns the exit status."""
    args, extra = build_parser().parse_known_args(argv)
    if extra:  # the command's own usage, not the top-level one
        args.parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # `validate | head`: the reader stopped; was "unexpected BrokenPipeError"
        _quiet_stdout()
        return FAILURE
    except CatalogError as error:
        _lines_err([str(p) for p in error.problems] + [f"error: {error}"])
        return BAD_INPUT
    except (InputError, ProfileError, UnknownPlaceError, TaxonomyError, SettingsError, LexiconError) as error:
        _lines_err([f"error: {error}"])
        return BAD_INPUT
    except KeyboardInterrupt:
        _lines_err(["interrupted"])
        return FAILURE
    except Exception as error:  # noqa: BLE001 - the boundary: one line, never a traceback
        _lines_err([f"error: unexpected {type(error).__name__}: {error}"])
        return FAILURE


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush into a closed pipe is silent."""
    with contextlib.suppress(OSError, ValueError):  # no file descriptor (captured): nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _lines_err(lines: Iterable[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)
