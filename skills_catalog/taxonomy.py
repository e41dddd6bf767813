"""Load an ESCO taxonomy from the Commission's CSV export, with a cache for fast restarts.

Reading the full export (about 40 MB of CSV inside two zips) takes a few seconds; the
assistant restarts far more often than the export changes, so the parsed :class:`Taxonomy` is
pickled under ``cache_dir`` with a key made of the source files' names, sizes and modification
times plus :data:`CACHE_VERSION`. Any change to the export or to this code's output format
gives a new key, so a stale cache is never read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from .cache_files import mark_used
from .errors import TaxonomyError
from .esco_files import SourceFile, find_sources, guess_version, source_paths
from .models import Occupation, Skill, Taxonomy
from .text import normalise

logger = logging.getLogger(__name__)

#: Bump when the shape of the cached Taxonomy changes, so old caches are ignored.
CACHE_VERSION = "taxonomy-1"

_COLLECTIONS = ("green", "digital", "transversal", "language")
_SKILL_COLUMNS = ("conceptUri", "preferredLabel")
_OCCUPATION_COLUMNS = ("conceptUri", "preferredLabel")
_RELATION_COLUMNS = ("occupationUri", "relationType", "skillUri")

Progress = Callable[[str], None]


def load_taxonomy(folder: Path, cache_dir: Path | None = None, progress: Progress | None = None) -> Taxonomy:
    """Read the ESCO export in ``folder`` (zips as downloaded, or their CSVs).

    Args:
        folder: folder holding the export; v1.1.x and v1.2.x file names are both accepted.
        cache_dir: where to keep the parsed taxonomy; ``None`` disables caching.
        progress: called with short messages while a cold load runs (for a CLI spinner).

    Raises:
        TaxonomyError: a required file or column is missing, or a file cannot be read.
    """
    folder = Path(folder)
    say = progress or (lambda _message: None)
    sources = find_sources(folder)
    cache_file = _cache_file(cache_dir, sources) if cache_dir else None
    cached = _read_cache(cache_file) if cache_file else None
    if cached is not None:
        return replace(cached, source=str(folder))
    started = time.perf_counter()
    taxonomy = _parse(folder, sources, say)
    logger.info(
        "taxonomy loaded: %d skills, %d occupations in %.1fs",
        len(taxonomy.skills), len(taxonomy.occupations), time.perf_counter() - started,
    )
    if cache_file:
        _write_cache(cache_file, taxonomy)
    return taxonomy


def label_lookup(taxonomy: Taxonomy) -> dict[str, str]:
    """Map normalised preferred and alternative skill labels to skill URIs.

    Preferred labels win over alternative labels when two skills claim the same text, so a
    catalogue that writes an ESCO preferred label always gets that exact skill.
    """
    lookup: dict[str, str] = {}
    for skill in taxonomy.skills.values():
        for alt in skill.alt_labels:
            lookup.setdefault(normalise(alt), skill.uri)
    for skill in taxonomy.skills.values():
        lookup[normalise(skill.label)] = skill.uri
    lookup.pop("", None)
    return lookup


# ---------------------------------------------------------------- parsing


def _parse(folder: Path, sources: dict[str, SourceFile], say: Progress) -> Taxonomy:
    """Build the Taxonomy from the located source files."""
    say("reading skill collections and hierarchy")
    collections = _collections(sources)
    broader = _broader(sources)
    say(f"reading {sources['skills'].name}")
    skills = _skills(sources["skills"], collections, broader)
    say(f"reading {sources['occupation_skill_relations'].name}")
    essential, optional = _relations(sources["occupation_skill_relations"], skills)
    say(f"reading {sources['occupations'].name}")
    occupations = _occupations(sources["occupations"], essential, optional)
    return Taxonomy(skills, occupations, source=str(folder), version=guess_version(folder, sources))


def _checked_rows(source: SourceFile, columns: Iterable[str]) -> Iterable[dict[str, str]]:
    """Rows of ``source`` after checking that the header holds ``columns``."""
    rows = source.rows()
    try:
        first = next(rows)
    except StopIteration:
        return iter(())
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"cannot read {source.name}: {exc}") from exc
    missing = [c for c in columns if c not in first]
    if missing:
        raise TaxonomyError(f"{source.name} lacks column(s) {', '.join(missing)}")
    return _chain(first, rows)


def _chain(first: dict[str, str], rest: Iterable[dict[str, str]]) -> Iterable[dict[str, str]]:
    yield first
    yield from rest


def _split(cell: str | None) -> tuple[str, ...]:
    """ESCO packs several labels in one cell, one per line."""
    return tuple(dict.fromkeys(s.strip() for s in (cell or "").splitlines() if s.strip()))


def _collections(sources: dict[str, SourceFile]) -> dict[str, set[str]]:
    """Skill URI -> names of the collections (green, digital, ...) it belongs to."""
    member_of: dict[str, set[str]] = defaultdict(set)
    for name in _COLLECTIONS:
        if name in sources:
            for row in _checked_rows(sources[name], ("conceptUri",)):
                member_of[row["conceptUri"]].add(name)
    return member_of


def _broader(sources: dict[str, SourceFile]) -> dict[str, list[str]]:
    """Concept URI -> URIs of its broader skills or skill groups."""
    broader: dict[str, list[str]] = defaultdict(list)
    if "broader_skills" in sources:
        for row in _checked_rows(sources["broader_skills"], ("conceptUri", "broaderUri")):
            broader[row["conceptUri"]].append(sys.intern(row["broaderUri"]))
    return broader


def _skills(source: SourceFile, collections: dict[str, set[str]], broader: dict[str, list[str]]) -> dict[str, Skill]:
    """Skill URI -> Skill for every row of skills_en.csv."""
    skills: dict[str, Skill] = {}
    for row in _checked_rows(source, _SKILL_COLUMNS):
        uri = sys.intern(row["conceptUri"].strip())
        label = (row.get("preferredLabel") or "").strip()
        if not uri or not label:
            continue
        skills[uri] = Skill(
            uri=uri,
            label=label,
            alt_labels=tuple(a for a in _split(row.get("altLabels")) if a != label),
            description=(row.get("description") or "").strip(),
            skill_type=sys.intern((row.get("skillType") or "").strip()),
            reuse_level=sys.intern((row.get("reuseLevel") or "").strip()),
            collections=frozenset(collections.get(uri, ())),
            broader=tuple(broader.get(uri, ())),
        )
    if not skills:
        raise TaxonomyError(f"{source.name} holds no skills")
    return skills


def _relations(source: SourceFile, skills: dict[str, Skill]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Occupation URI -> essential and optional skill URIs (reusing the skills' URI strings)."""
    essential: dict[str, list[str]] = defaultdict(list)
    optional: dict[str, list[str]] = defaultdict(list)
    for row in _checked_rows(source, _RELATION_COLUMNS):
        skill = skills.get(row["skillUri"])
        uri = skill.uri if skill else sys.intern(row["skillUri"])
        kind = row["relationType"].strip().lower()
        (essential if kind == "essential" else optional)[row["occupationUri"]].append(uri)
    return essential, optional


def _occupations(
    source: SourceFile, essential: dict[str, list[str]], optional: dict[str, list[str]]
) -> dict[str, Occupation]:
    """Occupation URI -> Occupation for every row of occupations_en.csv."""
    occupations: dict[str, Occupation] = {}
    for row in _checked_rows(source, _OCCUPATION_COLUMNS):
        uri = row["conceptUri"].strip()
        label = (row.get("preferredLabel") or "").strip()
        if not uri or not label:
            continue
        occupations[uri] = Occupation(
            uri=uri,
            label=label,
            alt_labels=tuple(a for a in _split(row.get("altLabels")) if a != label),
            description=(row.get("description") or "").strip(),
            isco_group=(row.get("iscoGroup") or "").strip(),
            essential_skills=tuple(essential.get(uri, ())),
            optional_skills=tuple(optional.get(uri, ())),
        )
    return occupations


# ---------------------------------------------------------------- cache


def source_key(sources: dict[str, SourceFile], salt: str = CACHE_VERSION) -> str:
    """A short hash of the source files' names, sizes and mtimes (and ``salt``).

    Also used by the recogniser to key its own index cache on the same export.
    """
    digest = hashlib.sha1(salt.encode())
    for path in source_paths(sources):
        stat = path.stat()
        digest.update(f"{path.name}|{stat.st_size}|{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def _cache_file(cache_dir: Path, sources: dict[str, SourceFile]) -> Path:
    return Path(cache_dir) / f"taxonomy-{source_key(sources)}.pickle"


def _read_cache(path: Path) -> Taxonomy | None:
    """The cached taxonomy, or None when absent or unreadable (then it is rebuilt)."""
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file must never stop a start
        logger.warning("ignoring unreadable taxonomy cache %s", path)
        return None
    if not isinstance(cached, Taxonomy):
        return None
    mark_used(path)
    return cached


def _write_cache(path: Path, taxonomy: Taxonomy) -> None:
    """Write atomically (temp file + rename) so a crash never leaves a half-written cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        with temp.open("wb") as handle:
            pickle.dump(taxonomy, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError as exc:
        logger.warning("cannot write taxonomy cache %s: %s", path, exc)
