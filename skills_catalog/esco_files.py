"""Find and read the CSV files of an ESCO export, zipped as downloaded or unzipped.

The Commission ships ESCO as two zips (one per language, one language-independent) whose
file names changed between versions: v1.1.x has ``occupationSkillRelations.csv`` while v1.2.x
has ``occupationSkillRelations_en.csv``. Callers ask for a *logical* file ("skills",
"occupation_skill_relations"); this module finds it whatever the packaging and the version, so
the taxonomy loader never deals with paths.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import TaxonomyError

#: logical name -> file stem in the export, without the language suffix and ".csv"
LOGICAL_FILES = {
    "skills": "skills",
    "occupations": "occupations",
    "occupation_skill_relations": "occupationskillrelations",
    "broader_skills": "broaderrelationsskillpillar",
    "green": "greenskillscollection",
    "digital": "digitalskillscollection",
    "transversal": "transversalskillscollection",
    "language": "languageskillscollection",
}
REQUIRED = ("skills", "occupations", "occupation_skill_relations")

_LANG_SUFFIX = re.compile(r"_(en)$")
_VERSION = re.compile(r"v(\d+\.\d+(?:\.\d+)?)", re.IGNORECASE)


@dataclass(frozen=True)
class SourceFile:
    """One CSV of the export: a plain file, or a member of a zip."""

    path: Path  # the CSV itself, or the zip holding it
    member: str = ""  # name inside the zip; empty for a plain file

    def rows(self) -> Iterator[dict[str, str]]:
        """Yield the CSV's rows as dicts keyed by header (BOM stripped, UTF-8)."""
        if self.member:
            with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as raw:
                yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
        else:
            with self.path.open(encoding="utf-8-sig", newline="") as handle:
                yield from csv.DictReader(handle)

    @property
    def name(self) -> str:
        """File name as a person would look for it."""
        return self.member or self.path.name


def _logical_key(file_name: str) -> str:
    """``"occupationSkillRelations_en.csv"`` -> ``"occupationskillrelations"``."""
    stem = Path(file_name).name
    stem = stem[: -len(".csv")] if stem.lower().endswith(".csv") else stem
    return _LANG_SUFFIX.sub("", stem).lower()


def find_sources(folder: Path) -> dict[str, SourceFile]:
    """Map each logical name to the CSV that holds it, searching plain CSVs then zips.

    Raises:
        TaxonomyError: the folder does not exist or lacks a required file (the message names
            the missing files, so an operator can see what to download).
    """
    if not folder.is_dir():
        raise TaxonomyError(f"ESCO folder not found: {folder}")
    wanted = {stem: name for name, stem in LOGICAL_FILES.items()}
    found: dict[str, SourceFile] = {}
    for path in sorted(folder.glob("*.csv")):
        name = wanted.get(_logical_key(path.name))
        if name and name not in found:
            found[name] = SourceFile(path)
    for path in sorted(folder.glob("*.zip")):
        for member in _zip_members(path):
            name = wanted.get(_logical_key(member))
            if name and name not in found:
                found[name] = SourceFile(path, member)
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        files = ", ".join(f"{LOGICAL_FILES[m]}[_en].csv" for m in missing)
        raise TaxonomyError(f"ESCO export in {folder} lacks {files} (as CSV or inside a zip)")
    return found


def _zip_members(path: Path) -> list[str]:
    """CSV members of a zip; an unreadable zip is an error that names the file."""
    try:
        with zipfile.ZipFile(path) as archive:
            return [n for n in archive.namelist() if n.lower().endswith(".csv")]
    except zipfile.BadZipFile as exc:
        raise TaxonomyError(f"not a readable zip: {path}") from exc


def source_paths(sources: dict[str, SourceFile]) -> list[Path]:
    """The distinct files on disk that the sources come from (for cache keys)."""
    return sorted({source.path for source in sources.values()})


def guess_version(folder: Path, sources: dict[str, SourceFile]) -> str:
    """A human label for the export: a ``VERSION`` file, else "vX.Y.Z" found in file names."""
    for marker in ("VERSION", "version.txt"):
        if (folder / marker).is_file():
            return (folder / marker).read_text(encoding="utf-8").strip().splitlines()[0]
    for text in [p.name for p in source_paths(sources)] + [folder.name]:
        match = _VERSION.search(text)
        if match:
            return f"ESCO v{match.group(1)}"
    return "ESCO"
