"""``python -m skills_catalog`` — the same as the ``skills-catalog`` console script."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
