"""Which of the EU's 14 industrial ecosystems a firm's own words for its sector name.

Why: a firm answers "what's your sector?" in everyday words ("we do metalworking, mostly for
the car industry"), while offers are tagged with ecosystem keys. Matching is on light stems of
whole words, so plurals, hyphens and inflections meet ("agri-food", "care homes") while
"card" never hits "car". Acronyms that are also English words ("IT" and "it") count only in
capitals, and a stopword ("it", "mine") never counts on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from .text import STOPWORDS, stem, token_spans

#: Key -> everyday words and phrases a firm uses for its sector. "energy" sits under two keys
#: on purpose: alone it is ambiguous, and the caller offers both; so do the words of
#: manufacturing in general (:data:`_MAKING`), under the five ecosystems that make goods, and
#: the words of machines (:data:`_MACHINES`) under the four that build or use them: textiles is no
#: "machinery manufacturing" (QA13).
_MAKING = ("manufacturing", "manufacturer", "factory", "shop floor")
_MACHINES = (
    "machinery", "machine building", "machine builder", "machine shop", "machining", "job shop",
    "precision engineering", "CNC",
)  # fmt: skip
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "aerospace_defence": (
        "aerospace", "aeronautics", "avionics", "aircraft", "aeroplane", "airplane",
        "aviation", "airline", "helicopter", "space industry", "space sector", "spacecraft",
        "satellite", "rocket", "defence", "defense", "military", "drone", "missile", *_MAKING, *_MACHINES,
    ),
    "agri_food": (
        "agri", "agrifood", "agriculture", "agricultural", "farm", "farmer", "livestock", "dairy",
        "meat", "butcher", "bakery", "brewery", "winery", "vineyard", "wine", "beverage", "drinks",
        "food", "fishing", "fishery", "aquaculture", "horticulture", "forestry",
    ),
    "construction": (  # "building" only in phrases: it stems as the verb ("we build drones")
        "construction", "builder", "building sector", "building industry", "building company",
        "building site", "housing", "civil engineering", "architecture", "architect",
        "roofing", "plumbing", "plumber", "carpentry", "carpenter", "joinery", "joiner",
        "bricklaying", "scaffolding", "renovation", "real estate",
    ),
    "cultural_creative": (
        "cultural", "culture", "creative", "media", "film", "music", "publishing", "publisher",
        "games", "videogames", "advertising", "design studio", "graphic design",
        "performing arts", "visual arts", "art gallery", "museum", "theatre", "theater",
        "broadcasting", "broadcaster", "TV", "television", "radio", "photography", "print shop",
        "printing",
    ),
    "digital": (
        "digital", "software", "IT", "ICT", "telecoms", "telecommunications", "data", "cloud",
        "cybersecurity", "cyber security", "web", "website", "apps", "SaaS", "computing",
        "computer", "internet", "tech", "server farm", "AI", "artificial intelligence",
    ),
    "electronics": (
        "electronics", "electronic components", "microelectronics", "semiconductor", "chip",
        "microchip", "PCB", "circuit board", "sensor", "optoelectronics", "photonics", *_MAKING, *_MACHINES,
    ),
    "energy_intensive": (
        "energy intensive", "energy", "steel", "steelworks", "metal", "metalworking", "foundry",
        "aluminium", "aluminum", "iron", "chemical", "chemistry", "petrochemical", "plastics",
        "cement", "glass", "ceramics", "paper", "pulp", "refinery", "mining", "quarrying", *_MAKING,
        *_MACHINES,
    ),
    "renewable_energy": (
        "renewable", "renewable energy", "energy", "solar", "solar farm", "photovoltaic", "PV",
        "wind", "wind farm", "wind turbine", "hydro", "hydropower", "hydroelectric", "geothermal",
        "biomass", "biogas", "heat pump", "green energy", "clean energy", "green hydrogen",
    ),
    "health": (
        "health", "healthcare", "hospital", "clinic", "pharma", "pharmaceutical", "pharmacy",
        "medical", "medtech", "dental", "dentist", "nursing", "care home", "nursing home",
        "elderly care", "biotech", "laboratory", "diagnostics", "physiotherapy",
    ),
    "mobility_transport_automotive": (
        "mobility", "transport", "automotive", "car", "vehicle", "EV", "truck", "lorry",
        "logistics", "haulage", "haulier", "freight", "shipping", "maritime", "shipbuilding",
        "shipyard", "rail", "railway", "bus", "delivery", "courier", "warehousing", "body shop",
        "car repair", "auto repair", "car repair shop", "auto repair shop", "garage", *_MAKING,
        *_MACHINES,
    ),
    "proximity_social_economy": (
        "proximity", "social economy", "social enterprise", "cooperative", "co-op", "coop",
        "charity", "non-profit", "nonprofit", "NGO", "community services", "crafts",
        "craftsmanship", "artisan", "repair shop", "cleaning services", "cleaning company",
        "security services", "hairdressing", "hairdresser", "barber", "beauty salon",
    ),
    "retail": (
        "retail", "retailer", "shop", "store", "supermarket", "grocery", "wholesale", "wholesaler",
        "e-commerce", "ecommerce", "online shop", "webshop", "boutique",
    ),
    "textiles": (
        "textile", "clothing", "garment", "apparel", "fashion", "leather", "footwear",
        "shoes", "sewing", "knitting", "weaving", "fabric", "yarn", "tailor", *_MAKING,
    ),
    "tourism": (
        "tourism", "tourist", "hotel", "hospitality", "restaurant", "cafe", "catering", "caterer",
        "travel", "travel agency", "holiday", "camping", "campsite", "ski resort", "resort",
        "events", "guesthouse", "bed and breakfast", "fish and chips", "coffee shop", "pub",
    ),
}  # fmt: skip

#: Acronyms that are (or look like) English words: they count only when typed in capitals.
_CAPITALS_ONLY = frozenset({"it", "pv", "ev", "ai"})


def _key(word: str) -> str:
    """Stem ``word`` twice: one pass leaves "chemicals" at "chemical" but takes "chemical" to
    "chemic"; the second pass makes singular and plural meet."""
    return stem(stem(word))


def _keys(text: str) -> Iterator[str]:
    """Match keys of the words of ``text``, in order.

    An acronym in capitals keys as itself in capitals ("IT", "EVs" -> "EV"), which no
    lower-case stem equals; a stopword keys as "=word", which matches only where a phrase of
    the table holds that very word ("e-commerce"), so "it" or "mine" never names anything.
    """
    for token, start, end in token_spans(text):
        written = text[start:end]
        bare = token[:-1] if token.endswith("s") and written[:-1].isupper() else token
        if bare in _CAPITALS_ONLY and written[: len(bare)].isupper():
            yield bare.upper()
        elif token in STOPWORDS:
            yield "=" + token
        else:
            yield _key(token)


def _phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Phrase (as a tuple of match keys) -> the ecosystems it names, in table order."""
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for ecosystem, words in SECTOR_WORDS.items():
        for words_of_phrase in words:
            phrase = tuple(_keys(words_of_phrase))
            phrases[phrase] = (*phrases.get(phrase, ()), ecosystem)
    return phrases


_PHRASES = _phrases()
_LONGEST = max(len(phrase) for phrase in _PHRASES)


def _spans(keys: list[str]) -> Iterator[tuple[str, ...]]:
    """Ecosystems named by each phrase found, left to right, the longest phrase at each word
    winning, so "wind farm" is renewable energy and not farming."""
    i = 0
    while i < len(keys):
        for length in range(min(_LONGEST, len(keys) - i), 0, -1):
            named = _PHRASES.get(tuple(keys[i : i + length]))
            if named:
                yield named
                i += length
                break
        else:
            i += 1


def ecosystems_named(text: str) -> tuple[str, ...]:
    """Ecosystem keys the text names, in the order first named; () when none.

    A word naming several ecosystems ("energy") yields to those of them the text names
    unambiguously elsewhere ("solar energy" is renewable energy only); alone it names them all.
    When every word names several, only those they all name count: "machinery manufacturing"
    names the makers of machines, not textiles, which "manufacturing" alone also names.
    """
    spans = list(_spans(list(_keys(text))))
    sure = {named[0] for named in spans if len(named) == 1}
    shared = set.intersection(*(set(named) for named in spans)) if spans else set()
    found: dict[str, None] = {}
    for named in spans:
        for ecosystem in [e for e in named if e in (sure or shared)] or named:
            found.setdefault(ecosystem)
    return tuple(found)
