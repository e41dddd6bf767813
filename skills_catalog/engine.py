"""The one object the chat actions and the command line talk to.

``Engine`` holds the taxonomy, the recogniser, the gazetteer, the catalogue and its offer
index, and answers every question the assistant asks of the domain. It is built once
(``Engine.from_settings``) and shared: reads take one reference to the current
catalogue+index pair, and ``reload_catalog`` swaps that pair under a lock only once the new
catalogue was accepted, so a request never sees half a catalogue and a refused catalogue
changes nothing. ``refresh_catalog``, called on use, reloads in the background when the
catalogue's files changed (:mod:`catalog_watch`).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from .catalog_skills import LabelReader
from .catalog_watch import CatalogWatch
from .errors import CatalogError
from .matching import DEFAULT_WEIGHTS, MatchWeights, OfferIndex
from .models import (
    Catalog,
    GeoPoint,
    Match,
    Occupation,
    Offer,
    Partner,
    Place,
    Profile,
    Recommendations,
    SkillRef,
    Taxonomy,
)
from .places import PLACE_TUNING, distance_km
from .profiles import PlaceFinder, SkillRecognizer, profile_from_json, resolve_location, resolve_skill_texts
from .settings import Settings

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
CatalogLoader = Callable[[Path, Taxonomy, Any], Catalog]


@dataclass(frozen=True)
class _State:
    """A catalogue and the index built from it, swapped together."""

    catalog: Catalog
    index: OfferIndex


class Engine:
    """Taxonomy + recogniser + gazetteer + catalogue, behind the calls the assistant makes.

    Build it with :meth:`from_settings`; the constructor takes ready parts so tests can pass
    in-memory fixtures. ``recognizer`` may be a zero-argument factory: it is then built on
    first use, so commands that never recognise text (``validate``, ``stats``) skip its cost.
    """

    def __init__(
        self,
        taxonomy: Taxonomy,
        recognizer: SkillRecognizer | Callable[[], SkillRecognizer],
        gazetteer: PlaceFinder,
        catalog: Catalog,
        settings: Settings | None = None,
        today: Callable[[], date] = date.today,
        catalog_loader: CatalogLoader | None = None,
        watch: CatalogWatch | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self._load_catalog = catalog_loader or self._load_read_catalog
        self._watch = watch
        self._demo_seen: date | None = None
        self._reload_lock = threading.Lock()
        self.gazetteer = gazetteer
        self.settings = settings or Settings()
        self._today = today
        self._recognizer = recognizer
        self._lock = threading.Lock()
        self._state = _State(catalog, OfferIndex(catalog, taxonomy, today))

    @classmethod
    def from_settings(cls, settings: Settings | None = None, progress: Progress | None = None) -> Engine:
        """Load everything the settings name: taxonomy, gazetteer, catalogue; recogniser lazily.

        Raises:
            TaxonomyError: the ESCO export cannot be read.
            CatalogError: the catalogue has errors (every problem is in the exception).
        """
        from .catalog import load_catalog
        from .places import Gazetteer
        from .taxonomy import load_taxonomy

        settings = settings or Settings.from_env()
        say = progress or (lambda _message: None)
        say(f"loading taxonomy from {settings.taxonomy_dir}")
        taxonomy = load_taxonomy(settings.taxonomy_dir, settings.cache_dir, progress)
        say("loading gazetteer")
        gazetteer = Gazetteer.default(settings.cache_dir)
        say(f"loading catalogue from {settings.catalog_dir}")
        watch = CatalogWatch(settings.catalog_dir) if settings.catalog_dir.exists() else None
        recognizer = functools.cache(lambda: _build_recognizer(taxonomy, settings))
        catalog = load_catalog(settings.catalog_dir, taxonomy, gazetteer, label_reader(taxonomy, recognizer))
        say(f"indexing {len(catalog.offers)} offers")
        engine = cls(taxonomy, recognizer, gazetteer, catalog, settings, watch=watch)
        logger.info("engine ready: %d partners, %d offers", len(catalog.partners), len(catalog.offers))
        return engine

    # ------------------------------------------------------------ state

    @property
    def catalog(self) -> Catalog:
        """The catalogue in use."""
        return self._state.catalog

    @property
    def index(self) -> OfferIndex:
        """The offer index of the catalogue in use."""
        return self._state.index

    @property
    def recognizer(self) -> SkillRecognizer:
        """The skill and occupation recogniser, built on first use."""
        if callable(self._recognizer) and not hasattr(self._recognizer, "skills"):
            with self._lock:
                if callable(self._recognizer) and not hasattr(self._recognizer, "skills"):
                    self._recognizer = self._recognizer()
        return self._recognizer  # type: ignore[return-value]

    def reload_catalog(self, path: Path | None = None) -> Catalog:
        """Load the catalogue at ``path`` (default: the settings' one) and use it from now on.

        Raises:
            CatalogError: the new catalogue was refused; the one in use stays in use.
        """
        catalog = self._load_catalog(Path(path or self.settings.catalog_dir), self.taxonomy, self.gazetteer)
        state = _State(catalog, OfferIndex(catalog, self.taxonomy, self._today))
        with self._lock:
            self._state = state
        logger.info("catalogue reloaded: %d partners, %d offers", len(catalog.partners), len(catalog.offers))
        return catalog

    def refresh_catalog(self) -> None:
        """Reload the catalogue in the background when its files changed since it was loaded
        (looked at, at most, every ``CatalogWatch.every_s`` seconds; free between looks).

        Why: nothing called :meth:`reload_catalog`, so a changed catalogue reached a running
        assistant only by a restart (QA8). A refused catalogue is logged with its problems and
        the one in use stays in use.
        """
        if self._watch is not None and (self._watch.changed() or self._demo_outdated()):
            source = self._watch.source
            threading.Thread(
                target=self._reload_logged, args=(source,), name="catalog-reload", daemon=True
            ).start()

    def _demo_outdated(self) -> bool:
        """True once a day when the demo catalogue in use was loaded before today and one of its
        dated offers has started since. Why: the demo's dates move forward at load
        (:mod:`demo_dates`), so a server left running for months would lose its courses one by
        one, with nothing changed on disk to reload it."""
        from .demo_dates import DemoCatalog  # late: importing this module loads nothing

        catalog, today = self.catalog, self._today()
        if not isinstance(catalog, DemoCatalog) or catalog.dates.today >= today or self._demo_seen == today:
            return False
        self._demo_seen = today
        return any(
            offer.start_date is not None and offer.start_date < today for offer in catalog.offers.values()
        )

    def _reload_logged(self, source: Path) -> None:
        """:meth:`reload_catalog` from ``source``, one at a time, every outcome logged."""
        with self._reload_lock:
            try:
                self.reload_catalog(source)
            except CatalogError as error:
                logger.error("changed catalogue refused, the one in use stays in use: %s", error)
                for problem in error.problems:
                    if problem.severity == "error":
                        logger.error("  %s", problem)
            except Exception:  # noqa: BLE001 - a background thread: log, keep the catalogue in use
                logger.exception("changed catalogue could not be loaded; the one in use stays in use")

    def _load_read_catalog(self, path: Path, taxonomy: Taxonomy, gazetteer: Any) -> Catalog:
        """The catalogue loader, reading labels with this engine's recogniser."""
        return _load_catalog(
            path, taxonomy, gazetteer, label_reader(taxonomy, lambda: self.recognizer), self._today()
        )

    # ------------------------------------------------------------ text and places

    def recognise_skills(self, text: str, top: int = 5, *, claimed: bool = True) -> list[Match]:
        """ESCO skills named in ``text``, best first; empty when it names none. ``claimed``:
        the text tells what the writer can do (see :meth:`Recognizer.skills`)."""
        return self.recognizer.skills(text, top=top, claimed=claimed)

    def recognise_occupations(self, text: str, top: int = 5, *, claimed: bool = False) -> list[Match]:
        """ESCO occupations named in ``text``, best first; empty when it names none. ``claimed``:
        the text tells the writer's own job (see :meth:`Recognizer.occupations`)."""
        return self.recognizer.occupations(text, top=top, claimed=claimed)

    def place(self, query: str, country: str | None = None) -> Place:
        """A town or postcode ("Graz" or "Graz, AT"); raises UnknownPlaceError with suggestions."""
        if country:
            return self.gazetteer.lookup(query, country)
        found = resolve_location(query, self.gazetteer)
        if found is None:
            return self.gazetteer.lookup(query)
        return found

    def is_far(self, place: Place) -> bool:
        """True for a place farther than ``PlaceTuning.far_km`` from every partner of the
        catalogue in use: a town taken there may not be the one meant ("Springfield" was
        Springfield, US, 5,500 km away), so it is said back."""
        km = self.partner_km(place)
        return km is not None and km > PLACE_TUNING.far_km

    def partner_km(self, place: Place) -> float | None:
        """How far ``place`` is from the nearest partner of the catalogue (``None``: none)."""
        return min((distance_km(place.point, p.point) for p in self.catalog.partners.values()), default=None)

    def skill_refs(self, uris: Iterable[str]) -> tuple[SkillRef, ...]:
        """URI → (URI, label) for display; unknown values are kept as labels."""
        skills = self.taxonomy.skills
        return tuple(SkillRef(u, skills[u].label) if u in skills else SkillRef("", u) for u in uris)

    # ------------------------------------------------------------ people

    def profile_from_json(self, data: Any) -> tuple[Profile, list[str]]:
        """A profile in the JSON shape of the CLI spec → (Profile, inputs that named nothing).

        Raises:
            ProfileError: a malformed key or value. UnknownPlaceError: an unknown location.
        """
        return profile_from_json(data, self.taxonomy, self.recognizer, self.gazetteer)

    def recommend(
        self,
        profile: Profile,
        top: int = 5,
        offset: int = 0,
        unrecognised: Sequence[str] = (),
        weights: MatchWeights = DEFAULT_WEIGHTS,
        eqf_level: int | None = None,
    ) -> Recommendations:
        """Offers for one person, best first; ``offset`` pages ("more results").

        ``unrecognised`` is passed through into the answer so one object carries what to say.
        """
        found = self.index.recommend(profile, top=top, offset=offset, weights=weights, eqf_level=eqf_level)
        return replace(found, unrecognised=tuple(unrecognised))

    def in_demand_occupations(self, n: int = 5) -> list[tuple[Occupation, int]]:
        """Occupations the catalogue prepares for best, with how many offers help; best first."""
        return self.index.in_demand_occupations(n)

    # ------------------------------------------------------------ firms

    def for_need(
        self,
        skills: Sequence[str],
        people: int,
        location: str | Place | GeoPoint | None = None,
        max_distance_km: float | None = None,
        modes: Iterable[str] = (),
        top: int = 5,
        offset: int = 0,
        needed_by: date | None = None,
    ) -> Recommendations:
        """Offers for a firm's need. ``skills`` are ESCO skill or occupation URIs or free texts,
        ``location`` a place name ("Graz, AT"), a Place or coordinates; texts naming no skill
        come back in ``unrecognised``. An occupation stands for its essential skills, so a need
        that names only a role ("two CNC operators") is matched by what that role must know, an
        offer teaching only skills many jobs share being no match; beside named skills, a role's
        skills together count as one of them, and a named general skill is taught by its kinds
        ("welding" by the TIG course, which says so; ``OfferIndex.for_need``).

        Raises:
            UnknownPlaceError: ``location`` is a name the gazetteer does not know.
        """
        roles, uris, unrecognised = self._need_parts(skills)
        point, name = self._point(location)
        found = self.index.for_need(
            uris, people, point, max_distance_km, modes, top, offset, location_name=name, needed_by=needed_by,
            roles=roles,
        )
        return replace(found, unrecognised=tuple(unrecognised))

    def partners_teaching(
        self, skills: Sequence[str], location: str | Place | GeoPoint | None = None
    ) -> list[tuple[Partner, tuple[SkillRef, ...], float | None]]:
        """Partners teaching a need's ``skills`` (read as in :meth:`for_need`: occupation URIs are
        roles, other values skill URIs or free texts), with the courses counted as its course
        list counts them: (partner, skills, km) (``OfferIndex.partners_teaching``)."""
        roles, uris, _ = self._need_parts(skills)
        point, _name = self._point(location)
        return self.index.partners_teaching(uris, point, roles=roles)

    def _need_parts(self, skills: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
        """A need's values → (role URIs, skill URIs, texts naming nothing): one reading for the
        course list and the partners, so the two count the same skills the same way."""
        roles = [item.strip() for item in skills if item.strip() in self.taxonomy.occupations]
        named = [item for item in skills if item.strip() not in self.taxonomy.occupations]
        uris, unrecognised = resolve_skill_texts(named, self.taxonomy, self.recognizer)
        return roles, uris, unrecognised

    def essential_skills(self, occupation_uri: str) -> tuple[str, ...]:
        """The URIs of an occupation's essential skills known to the taxonomy; () for anything else."""
        occupation = self.taxonomy.occupations.get(occupation_uri)
        if occupation is None:
            return ()
        return tuple(uri for uri in occupation.essential_skills if uri in self.taxonomy.skills)

    def offer(self, offer_id: str) -> tuple[Offer, Partner]:
        """One offer and its partner (for "details").

        Raises:
            KeyError: no offer has this id in the catalogue in use.
        """
        catalog = self.catalog
        offer = catalog.offers.get(offer_id)
        if offer is None:
            raise KeyError(f"no offer {offer_id!r} in the catalogue")
        return offer, catalog.partners[offer.partner_id]

    def _point(self, location: str | Place | GeoPoint | None) -> tuple[GeoPoint | None, str]:
        """A place name, a resolved place or coordinates → (point, name to show)."""
        if location is None or location == "":
            return None, ""
        if isinstance(location, GeoPoint):
            return location, ""
        if isinstance(location, Place):
            return location.point, location.name
        place = self.place(location)
        return place.point, place.name


def _build_recognizer(taxonomy: Taxonomy, settings: Settings) -> SkillRecognizer:
    """The real recogniser, imported late so importing this module loads nothing."""
    from .recognition import Recognizer

    return Recognizer.build(taxonomy, settings.cache_dir, runtime=settings.encoder_runtime)


def _load_catalog(
    path: Path, taxonomy: Taxonomy, gazetteer: Any, reader: LabelReader, today: date
) -> Catalog:
    """``catalog.load_catalog``, imported late (see ``_build_recognizer``)."""
    from .catalog import load_catalog

    return load_catalog(path, taxonomy, gazetteer, reader, today)


def label_reader(taxonomy: Taxonomy, recognizer: Callable[[], SkillRecognizer]) -> LabelReader:
    """Reads a catalogue's skill label exactly as a firm's or worker's typed skill is read
    (:func:`profiles.resolve_skill_texts`), so the same words reach the offer; the recogniser
    is built only when a label needs reading."""
    return lambda text: resolve_skill_texts([text], taxonomy, recognizer())[0]
