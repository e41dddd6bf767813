"""Everyday language the ESCO labels lack: abbreviations, spellings, and a colloquial lexicon.

ESCO labels are written by classification experts ("maintain robotic equipment"); people in a
chat say "I fix the robots". Two kinds of shipped knowledge bridge the gap:

* :data:`ABBREVIATIONS` and :data:`SPELLINGS` rewrite words on both sides (labels and input)
  before stemming, so "PLC" and "programmable logic controller" become the same words.
* ``data/lexicon/colloquial.csv`` lists everyday phrasings with the ESCO URI they mean. Its
  phrases are indexed as extra labels of that concept. It is general language knowledge about
  the sectors an industrial cluster covers, written by hand, never fitted to a test set.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"
#: Word-level synonyms (``recognition_thesaurus``), not phrase -> concept rows: no lexicon file.
THESAURUS_NAME = "thesaurus.csv"
TALK_NAME = "talk.csv"  # lines of work talk and of chat: :mod:`recognition_talk`, not a lexicon

#: Abbreviation -> the words it stands for (unambiguous in a work/skills conversation).
ABBREVIATIONS: dict[str, str] = {
    "plc": "programmable logic controller", "plcs": "programmable logic controller",
    "cnc": "computer numerical control", "cad": "computer aided design",
    "cam": "computer aided manufacturing", "pv": "photovoltaic", "ev": "electric vehicle",
    "evs": "electric vehicle", "hvac": "heating ventilation air conditioning",
    "haccp": "hazard analysis critical control point", "erp": "enterprise resource planning",
    "crm": "customer relationship management", "seo": "search engine optimisation",
    "ux": "user experience", "ui": "user interface", "ai": "artificial intelligence",
    "ml": "machine learning", "qa": "quality assurance", "qc": "quality control",
    "hr": "human resources", "ict": "information communication technology",
    "bim": "building information modelling", "ppe": "personal protective equipment",
    "osh": "occupational safety health", "hse": "health safety environment",
    "mig": "metal inert gas", "tig": "tungsten inert gas", "mag": "metal active gas",
    "ndt": "non destructive testing", "scada": "supervisory control data acquisition",
    "hmi": "human machine interface", "iot": "internet of things",
    "gis": "geographic information system", "cpr": "cardiopulmonary resuscitation",
    "pcb": "printed circuit board", "pcbs": "printed circuit board",
    "smt": "surface mount technology", "cmm": "coordinate measuring machine",
    "gmp": "good manufacturing practice", "hgv": "heavy goods vehicle",
    "lgv": "large goods vehicle", "kpi": "key performance indicator",
    "kpis": "key performance indicator", "bi": "business intelligence", "js": "javascript",
    "k8s": "kubernetes", "ms": "microsoft", "nc": "numerical control", "ot": "occupational therapy",
    "lv": "low voltage", "hv": "high voltage", "mv": "medium voltage", "ehs": "environment health safety",
    "fmea": "failure mode effect analysis", "spc": "statistical process control",
    "cpd": "continuing professional development", "ecdl": "european computer driving licence",
    "wms": "warehouse management system", "flt": "forklift", "flts": "forklift",
    "mewp": "aerial work platform", "mewps": "aerial work platform", "ipaf": "aerial work platform",
    "coshh": "control substances hazardous health", "smaw": "arc welding", "fcaw": "arc welding",
    "gmaw": "metal inert gas", "gtaw": "tungsten inert gas", "cms": "content management system",
    "qms": "quality management system", "oop": "object oriented programming",
    "ifrs": "international financial reporting standards", "vr": "virtual reality", "aed": "defibrillation",
    "ashp": "heat pump", "gshp": "heat pump", "ehr": "electronic health records",
    "emr": "electronic health records", "ide": "integrated development environment",
    "vpn": "virtual private network", "rdbms": "relational database management system",
    "cmms": "computerised maintenance management system",
}

#: Abbreviations only when written in capitals: in lower case they are everyday words ("IT
#: support" is ICT support, "fix it" is not). Replaced by a lower-case key of ABBREVIATIONS.
CASED_ABBREVIATIONS: dict[str, str] = {"IT": "ict"}
_CASED = re.compile(r"\b(?:" + "|".join(CASED_ABBREVIATIONS) + r")\b")


def cased_abbreviation(typed: str, text: str) -> str | None:
    """The ABBREVIATIONS key ``typed`` stands for in ``text`` ("IT" -> "ict"), or None.

    None too when the whole text is in capitals ("I DID IT"): there capitals say nothing.
    """
    return None if _shouted(text) else CASED_ABBREVIATIONS.get(typed)


def _shouted(text: str) -> bool:
    """True when ``text`` is several words all in capitals, so its capitals say nothing."""
    return text.isupper() and " " in text.strip()


def in_full(typed: str, text: str) -> str | None:
    """What ``typed``, a word of ``text``, stands for when written in capitals ("CNC" ->
    "computer numerical control", "IT" -> "information communication technology"), or None.

    Why: the encoder reads a chat line so; lower-case short words are words ("it", "ms")."""
    if not (typed.isupper() and len(typed) > 1):
        return None
    return ABBREVIATIONS.get(cased_abbreviation(typed, text) or typed.lower())


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def written_out(text: str) -> str:
    """``text`` with its capitalised abbreviations written out (:func:`in_full`), as the encoder
    reads a chat line ("program a CNC controller" -> "program a computer numerical control
    controller").

    Why: a label that writes an abbreviation as letters gets a row written out too
    (:func:`recognition_semantic.embed_labels`), so it meets a line the encoder read written out.
    """
    return _WORD.sub(lambda match: in_full(match.group(), text) or match.group(), text)


#: Everyday words that also name a computer product, and what they stand for among computer
#: words (:func:`products`): ESCO's *operating systems* are "Linux, Windows, MacOS", and Outlook
#: is a program of *use microsoft office*. Elsewhere they keep their own sense.
PRODUCTS: dict[str, str] = {"windows": "operating system", "outlook": "microsoft office", "office": "microsoft office"}
#: Words that put a product word among computers, within :data:`PRODUCT_REACH` words of it.
_COMPUTING = frozenset({
    "microsoft", "ms", "excel", "powerpoint", "linux", "mac", "macos", "ubuntu", "unix", "android", "ios",
    "pc", "pcs", "computer", "computers", "laptop", "laptops", "desktop", "desktops", "software", "email",
    "emails", "server", "servers", "ict",
})  # fmt: skip
#: What names a version right after a product word ("windows 10", "windows xp").
_VERSIONS = frozenset({"95", "98", "2000", "me", "nt", "xp", "vista", "7", "8", "10", "11", "server", "365"})
PRODUCT_REACH = 3


def products(tokens: list[str], named: list[bool]) -> dict[int, str]:
    """Position -> what the folded token there stands for (:data:`PRODUCTS`) where it names a
    computer product: a version follows it, a computer word is near, or it is ``named`` (written
    with a capital inside a sentence); then also a product word near one of those.

    Why: "Windows and Office" and "I know windows 10 and outlook" name no *assemble windows*,
    while "I fit windows and doors" and "I clean office windows" name no software; the words
    around say which. Product words vouch for each other only once one of them is sure.
    """

    candidates = [i for i, token in enumerate(tokens) if token in PRODUCTS]
    sure = {
        i
        for i in candidates
        if named[i] or (i + 1 < len(tokens) and tokens[i + 1] in _VERSIONS) or _near(tokens, i, _COMPUTING)
    }
    found = {tokens[i] for i in sure}
    return {i: PRODUCTS[tokens[i]] for i in candidates if i in sure or _near(tokens, i, found)}


def _near(tokens: list[str], position: int, cues: set[str] | frozenset[str]) -> bool:
    """True when one of ``cues`` lies within :data:`PRODUCT_REACH` words of ``position``."""
    around = tokens[max(0, position - PRODUCT_REACH) : position] + tokens[position + 1 : position + 1 + PRODUCT_REACH]
    return not cues.isdisjoint(around)


#: Trade words with two senses, the one among their cue words, and those cues (:func:`senses`):
#: an electrician's "switchboards" are what ESCO's *install electrical and electronic equipment*
#: describes, not a telephone switchboard; a warehouse's "scanning" is barcodes, not photos.
_ELECTRICAL = frozenset({
    "electrician", "electricians", "electrical", "electrics", "knx", "wiring", "wire", "wired", "wires",
    "cable", "cables", "cabling", "circuit", "circuits", "fuse", "fuses", "breakers", "sockets", "distribution",
    "voltage", "busbars", "rcd", "rcds", "mcb", "mcbs", "plc", "plcs", "motors",
})  # fmt: skip
_STOCK = frozenset({
    "picking", "pick", "picked", "picker", "orders", "warehouse", "pallet", "pallets", "parcel", "parcels",
    "stock", "forklift", "packing", "goods", "inventory", "dispatch", "shelves", "shelf", "handheld", "barcode",
    "barcodes", "deliveries", "loading", "stocktake",
})  # fmt: skip
SENSES: dict[str, tuple[str, frozenset[str]]] = {
    "switchboard": ("electrical switchboard", _ELECTRICAL), "switchboards": ("electrical switchboard", _ELECTRICAL),
    "scanning": ("barcode scanning", _STOCK), "scan": ("barcode scanning", _STOCK),
    "scanned": ("barcode scanning", _STOCK), "scans": ("barcode scanning", _STOCK),
}  # fmt: skip


def senses(tokens: list[str]) -> dict[int, str]:
    """Position -> what the folded token there means (:data:`SENSES`) where one of its cue
    words lies within :data:`PRODUCT_REACH` words; elsewhere the word keeps its plain reading.

    Why: "switchboards, KNX" is an electrician's, "scanning, picking orders" a warehouse's; the
    encoder alone read them as *answer incoming calls* and *scan photos*, the senses a
    receptionist's "switchboard" and "I scan old photos" keep.
    """
    return {i: SENSES[token][0] for i, token in enumerate(tokens) if token in SENSES and _near(tokens, i, SENSES[token][1])}


def uncased(text: str) -> str:
    """``text`` with its capitals-only abbreviations written as their ABBREVIATIONS key."""
    return text if _shouted(text) else _CASED.sub(lambda m: CASED_ABBREVIATIONS[m.group()], text)


#: American or variant spellings -> the British spelling ESCO uses.
SPELLINGS: dict[str, str] = {
    "center": "centre", "centers": "centres", "meter": "metre", "meters": "metres",
    "fiber": "fibre", "aluminum": "aluminium", "tire": "tyre", "tires": "tyres",
    "analog": "analogue", "catalog": "catalogue", "labor": "labour", "color": "colour",
    "colors": "colours", "modeling": "modelling", "modeled": "modelled", "traveling": "travelling",
    "emails": "email", "programme": "program",
    "programmes": "program", "favor": "favour", "behavior": "behaviour", "license": "licence",
    "defense": "defence", "gray": "grey", "mold": "mould", "molding": "moulding",
    "molds": "moulds", "plow": "plough", "jewelry": "jewellery",
}


@dataclass(frozen=True)
class LexiconEntry:
    """One everyday phrasing of an ESCO concept."""

    phrase: str
    uri: str
    label: str  # the concept's ESCO preferred label, for people reading the file


def data_rows(path: Path, columns: list[str]) -> Iterator[tuple[int, list[str]]]:
    """``(line number, cells)`` of a hand-written CSV after its header (``#`` lines are comments).

    Why one reader: the thesaurus and the talk lines report a missing file and a wrong header
    the same way, with the file and line a person fixes.

    Raises:
        LexiconError: the file is missing, has no header row, or its first row is not ``columns``.
    """
    if not path.is_file():
        raise LexiconError(path.name, 0, "file not found")
    header = False
    with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: a spreadsheet's byte-order mark
        for line, row in enumerate(csv.reader(handle), start=1):
            if not row or row[0].startswith("#"):
                continue
            if not header:
                if [c.strip() for c in row] != columns:
                    raise LexiconError(path.name, line, f"header must be {','.join(columns)}, not {','.join(row)}")
                header = True
                continue
            yield line, row
    if not header:
        raise LexiconError(path.name, 0, f"no header row {','.join(columns)}: the file is empty")


def lexicon_files(folder: Path = LEXICON_DIR) -> list[Path]:
    """The shipped lexicon CSVs (``phrase,uri,label``), in a stable order."""
    others = (THESAURUS_NAME, TALK_NAME)
    return sorted(p for p in folder.glob("*.csv") if p.name not in others) if folder.is_dir() else []


def load_lexicon(folder: Path = LEXICON_DIR) -> list[LexiconEntry]:
    """Read every lexicon CSV (columns ``phrase,uri,label``; ``#`` lines are comments)."""
    entries: list[LexiconEntry] = []
    for path in lexicon_files(folder):
        with path.open(encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            for row in csv.DictReader(lines):
                phrase, uri = (row.get("phrase") or "").strip(), (row.get("uri") or "").strip()
                if phrase and uri:
                    entries.append(LexiconEntry(phrase, uri, (row.get("label") or "").strip()))
    return entries


def lexicon_digest(folder: Path = LEXICON_DIR) -> str:
    """Hash of the lexicon files' contents and of the tables above, part of the recogniser's
    cache key (labels are indexed through them)."""
    digest = hashlib.sha1(repr((ABBREVIATIONS, CASED_ABBREVIATIONS, SPELLINGS)).encode())
    for path in lexicon_files(folder):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]
