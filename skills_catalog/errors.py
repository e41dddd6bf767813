"""Exceptions raised by the skills_catalog library.

Every error the library raises on purpose derives from :class:`SkillsCatalogError`, so callers
(the chat actions, the command line) can catch one type at the boundary and map subclasses to
messages a person understands::

    SkillsCatalogError
    ├── TaxonomyError            an ESCO export is missing files or has unreadable rows
    ├── LexiconError             a shipped lexicon file has a malformed row (file, line)
    ├── CatalogError             a catalogue was refused; carries every CatalogProblem found
    ├── UnknownPlaceError        a town or postcode that cannot be placed; carries suggestions
    ├── ProfileError             a profile or need is malformed (bad JSON key, value, or limit)
    ├── StoreError               the needs/leads store cannot be reached or rejected a write
    └── SettingsError            an environment setting has a value that cannot be used
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class SkillsCatalogError(Exception):
    """Base of every error this library raises on purpose."""


class TaxonomyError(SkillsCatalogError):
    """An ESCO export cannot be read (missing file, wrong columns)."""


class LexiconError(SkillsCatalogError):
    """A file under ``data/lexicon`` has a malformed row; says which file and line."""

    def __init__(self, file: str, line: int, message: str) -> None:
        self.file, self.line = file, line
        super().__init__(f"{file}:{line}: {message}")


@dataclass(frozen=True)
class CatalogProblem:
    """One finding about a catalogue cell, located as a spreadsheet user would look for it.

    ``row`` is the row number a spreadsheet shows (the header is row 1), or 0 for a whole-file
    problem such as a missing column.
    """

    file: str
    row: int
    column: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}" if self.row else self.file
        column = f" [{self.column}]" if self.column else ""
        return f"{where}{column} {self.severity}: {self.message}"


class CatalogError(SkillsCatalogError):
    """A catalogue was refused whole because it has at least one error."""

    def __init__(self, problems: Sequence[CatalogProblem]) -> None:
        self.problems = tuple(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"catalogue refused: {len(errors)} error(s); first: {errors[0] if errors else '-'}")


class UnknownPlaceError(SkillsCatalogError):
    """A place name or postcode that the gazetteer cannot find."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f" — did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown place {query!r}{hint}")


class ProfileError(SkillsCatalogError):
    """A worker profile or firm need has a malformed or contradictory value."""


class StoreError(SkillsCatalogError):
    """The needs or leads store is unreachable or refused a write; nothing was confirmed."""


class SettingsError(SkillsCatalogError):
    """A setting from the environment or ``.env`` has a value that cannot be used; names it."""
