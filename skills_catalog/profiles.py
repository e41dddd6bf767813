"""A worker profile as JSON (the shape of docs/../spec/cli.md) → a resolved ``Profile``.

The CLI, scripts and the bot's tests write profiles by hand, so every mistake gets a message
that names the key and the value (``ProfileError``), and free text that names no skill or
occupation is not an error: it is returned in the ``unrecognised`` list so the caller can
say "I did not understand …". Values that are ESCO URIs are used as they are, after checking
that the taxonomy in use has them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from .errors import ProfileError
from .models import MODES, GeoPoint, Match, Place, Profile, Taxonomy

PROFILE_KEYS = (
    "skills",
    "occupation",
    "target",
    "wanted_skills",
    "location",
    "max_distance_km",
    "modes",
    "languages",
    "max_cost_eur",
    "available_from",
)
URI_PREFIXES = ("http://", "https://")


class SkillRecognizer(Protocol):
    """What profiles need of ``recognition.Recognizer``."""

    def skills(self, text: str, top: int = 5, *, claimed: bool = True) -> list[Match]: ...

    def occupations(self, text: str, top: int = 5, *, claimed: bool = False) -> list[Match]: ...


class PlaceFinder(Protocol):
    """What profiles need of ``places.Gazetteer``."""

    def lookup(self, query: str, country: str | None = None) -> Place: ...


def profile_from_json(
    data: Any, taxonomy: Taxonomy, recognizer: SkillRecognizer, gazetteer: PlaceFinder
) -> tuple[Profile, list[str]]:
    """Validate and resolve a profile dict; return it with the inputs that named nothing.

    Raises:
        ProfileError: an unknown key, a value of the wrong type, a negative limit, an unknown
            mode, a bad date, an unknown ESCO URI, or none of skills/target/wanted_skills.
        UnknownPlaceError: ``location`` names no place the gazetteer knows.
    """
    if not isinstance(data, Mapping):
        raise ProfileError('a profile must be a JSON object, e.g. {"skills": ["welding"]}')
    unknown = sorted(set(data) - set(PROFILE_KEYS))
    if unknown:
        raise ProfileError(f"unknown key {unknown[0]!r} in profile; keys are: {', '.join(PROFILE_KEYS)}")
    if not any(data.get(k) for k in ("skills", "target", "wanted_skills")):
        raise ProfileError("a profile needs at least one of 'skills', 'target' or 'wanted_skills'")
    unrecognised: list[str] = []
    resolver = _Resolver(taxonomy, recognizer, unrecognised)
    place = resolve_location(data.get("location"), gazetteer)
    profile = Profile(
        skills=frozenset(u for u in (resolver.skill(t, "skills") for t in _texts(data, "skills")) if u),
        occupation=resolver.occupation(data.get("occupation"), "occupation"),
        target=resolver.occupation(data.get("target"), "target"),
        wanted_skills=tuple(
            dict.fromkeys(resolver.skill(t, "wanted_skills", claimed=False) or t for t in _texts(data, "wanted_skills"))
        ),
        location=place.point if place else None,
        location_name=place.name if place else "",
        max_distance_km=_limit(data, "max_distance_km"),
        modes=frozenset(_choices(data, "modes", MODES)),
        languages=frozenset(_languages(data)),
        max_cost_eur=_limit(data, "max_cost_eur"),
        available_from=_date(data.get("available_from")),
    )
    return profile, unrecognised


class _Resolver:
    """Turns one profile value (URI or free text) into a taxonomy URI, noting misses."""

    def __init__(self, taxonomy: Taxonomy, recognizer: SkillRecognizer, unrecognised: list[str]) -> None:
        self.taxonomy, self.recognizer, self.unrecognised = taxonomy, recognizer, unrecognised

    def skill(self, value: str, key: str, claimed: bool = True) -> str | None:
        """A skill URI for ``value``; None (and noted) when free text names no skill.
        ``claimed`` as in :meth:`SkillRecognizer.skills`: ``False`` for a skill wanted, not had."""
        if value.startswith(URI_PREFIXES):
            if value in self.taxonomy.skills:
                return value
            kind = (
                "an occupation, not a skill"
                if value in self.taxonomy.occupations
                else "not in the taxonomy in use"
            )
            raise ProfileError(f"{key}: {value} is {kind}")
        return self._best(self.recognizer.skills(value, top=1, claimed=claimed), value)

    def occupation(self, value: Any, key: str) -> str | None:
        """An occupation URI for ``value`` (a string or null)."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ProfileError(f"{key} must be a text or an ESCO occupation URI, not {value!r}")
        value = value.strip()
        if value.startswith(URI_PREFIXES):
            if value in self.taxonomy.occupations:
                return value
            kind = (
                "a skill, not an occupation"
                if value in self.taxonomy.skills
                else "not in the taxonomy in use"
            )
            raise ProfileError(f"{key}: {value} is {kind}")
        return self._best(self.recognizer.occupations(value, top=1), value)

    def _best(self, matches: list[Match], text: str) -> str | None:
        if matches:
            return matches[0].uri
        self.unrecognised.append(text)
        return None


def resolve_skill_texts(
    texts: list[str], taxonomy: Taxonomy, recognizer: SkillRecognizer
) -> tuple[list[str], list[str]]:
    """Skill URIs named in free texts (a firm's need), and the texts that named none.

    A text may name several skills ("welding and PLC programming"): besides the best match,
    every further match whose span does not overlap one already taken is kept.
    """
    unrecognised: list[str] = []
    resolver = _Resolver(taxonomy, recognizer, unrecognised)
    uris: dict[str, None] = {}
    for text in (t.strip() for t in texts):
        if not text:
            continue
        if text.startswith(URI_PREFIXES):
            uris[resolver.skill(text, "skills") or ""] = None
            continue
        taken: list[tuple[int, int]] = []
        for match in recognizer.skills(text, top=5, claimed=False):  # a need, not a skill had
            if not taken or (match.start >= 0 and all(match.end <= a or match.start >= b for a, b in taken)):
                uris[match.uri] = None
                taken.append((match.start, match.end))
        if not taken:
            unrecognised.append(text)
    return [u for u in uris if u], unrecognised


def _texts(data: Mapping[str, Any], key: str) -> list[str]:
    """A list of non-empty strings (a single string counts as a list of one)."""
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{key} must be a list of texts, not {value!r}")
    return [v.strip() for v in value if v.strip()]


def resolve_location(value: Any, gazetteer: PlaceFinder) -> Place | None:
    """ "Graz, AT", "Graz", or {"lat": .., "lon": ..} → a Place (coordinates get no name)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        name, _, country = value.rpartition(",")
        if name.strip() and len(country.strip()) == 2 and country.strip().isalpha():
            return gazetteer.lookup(name.strip(), country.strip().upper())
        return gazetteer.lookup(value.strip())
    if isinstance(value, Mapping) and set(value) == {"lat", "lon"}:
        lat, lon = _number(value["lat"], "location.lat"), _number(value["lon"], "location.lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ProfileError(f"location {lat}, {lon} is not a latitude/longitude pair")
        return Place("", "", GeoPoint(lat, lon))
    raise ProfileError(f'location must be a text like "Graz, AT" or {{"lat": .., "lon": ..}}, not {value!r}')


def _number(value: Any, key: str) -> float:
    """A JSON number (booleans are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ProfileError(f"{key} must be a number, not {value!r}")
    return float(value)


def _limit(data: Mapping[str, Any], key: str) -> float | None:
    """A non-negative number or null."""
    if data.get(key) is None:
        return None
    number = _number(data[key], key)
    if number < 0:
        raise ProfileError(f"{key} must not be negative, got {data[key]!r}")
    return number


def _choices(data: Mapping[str, Any], key: str, allowed: frozenset[str]) -> list[str]:
    """Values of a list that must each be one of ``allowed``."""
    values = _texts(data, key)
    for value in values:
        if value not in allowed:
            raise ProfileError(f"{key}: unknown value {value!r}; use {', '.join(sorted(allowed))}")
    return values


def _languages(data: Mapping[str, Any]) -> list[str]:
    """ISO 639-1 codes, lower-cased."""
    codes = [c.lower() for c in _texts(data, "languages")]
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise ProfileError(f"languages: {code!r} is not a two-letter ISO 639-1 code such as 'de' or 'en'")
    return codes


def _date(value: Any) -> date | None:
    """An ISO 8601 date ("2027-01-10") or null."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: Any) -> date:
    raise ProfileError(f"available_from must be a date like 2027-01-10, not {value!r}")
