"""Turn a chat message into the words recognition matches: stems with their place in the text.

Chat input is messy: typos ("weldng"), split compounds ("fork lift"), abbreviations ("PLC"),
and filler ("some", "bit of"). Each content word keeps its character offsets so a match can
report the exact span the person typed, and its sentence number so a label is never matched
across two sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .recognition_index import word_stems
from .recognition_lexicon import cased_abbreviation, in_full, products, senses
from .recognition_thesaurus import Thesaurus, shipped_thesaurus
from .text import STOPWORDS, stem, token_spans

_SENTENCE_END = re.compile(r"[.;!?\n]+(?:\s|$)|\s[-–]\s")

_GENERIC = """
    work worked working works job jobs name named live living lived sure want wanted need needed
    help helped good great nice new old time day days year years month months week place home
    up down out off over
    people person company firm team last first next get got go went going come came look
    looking find found interest interested learn learned course courses train
    experience experienced skill skills able think thought love know knew knowing well
    better best start started stop stopped try tried use used using call called say said tell
    told ask asked give gave take took make made keep kept let mean meant feel felt fine
    right left back way part side end week weekend morning today tomorrow yesterday town city
    country near far big small long short high low hard easy free full open close closed line
    lines level levels area areas main basic general different various other own real whole
    maybe probably perhaps already still always never often sometimes usually mostly
    email mail phone number numbers change changes sound sounds cool com www http age born kid
    kids cause course near frame frames car cars house houses thing anything something
    career careers
"""
# the talk with a careers service itself, line by line: money; time; access and the chat; its
# offers and the job; getting there; family; feelings ("is there any funding?", "can I delete
# my account?", "skip", "I'm really stressed"). Words job ads use for skills were left out: "employees"
# (*manage staff*) and "salary" (*determine salaries*) each cost a HOUSE sentence.
_SERVICE = """
    pay pays paid paying fee fees funding funded grant grants loan loans instalment instalments euro euros
    hour hours evening evenings afternoon
    account password passwords login username link links chat chats message messages skip
    offer offers employer employers contract contracts
    parking bus buses tram
    baby babies family parents husband wife
    stressed tired bored worried nervous scared upset sick
"""
# what chat adds around a statement: when, how long, how sure, and its interjections ("can
# program in Java for about 6 years now", "I'm really organised lol"); left as content words,
# they kept labels from explaining a line, and the talk detector vetoed it (0.03)
_FILLER = """
    now nowadays currently lately recently previously formerly since ago ever almost around approx
    approximately roughly yr yrs ish mainly especially actually basically honestly literally anyway
    pretty guess suppose reckon kinda sorta lol haha hehe tbh btw imo hmm um uh erm cheers asap fyi idk
    pls plz thx dunno
"""
#: Words so common in chat that they can never be the only evidence for a skill.
GENERIC = frozenset(_GENERIC.split()) | frozenset(_SERVICE.split()) | frozenset(_FILLER.split())
#: what a misspelt word may be read as when it is no label word: a stopword or a chat word ("mostlly")
_CHAT_WORDS = STOPWORDS | GENERIC

#: What is left of a contraction once the apostrophe splits it, or when it is typed without
#: one ("we're", "I've", "dont"): function words, never content ("we're" is no *RE*).
CONTRACTED = frozenset({
    "re", "ve", "ll", "im", "ive", "youre", "theyre", "dont", "doesnt", "didnt", "cant", "isnt", "arent",
    "wasnt", "werent", "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "thats", "whats", "theres",
    "hows", "whos", "wheres", "whens", "heres", "shes", "youve", "youll", "weve", "theyve", "youd", "theyd",
})  # fmt: skip
#: Words that start a noun phrase: what comes before them does not modify a job title after them
#: ("become a nurse"), unless a preposition also stands between ("car mechanic at a garage": the
#: mechanic's words still count against *garage manager*).
_DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "as"})
_PREPOSITIONS = frozenset({"at", "in", "on", "for", "with", "of", "from", "by", "near", "into", "within"})
_NOT = ("'t", "\u2019t")  # "wasn't", "don't": the word before is an auxiliary

#: Letters that a hyphen or a capital joins to the word after them (:func:`_join_compounds`)
_JOINED_LETTERS = frozenset("bcdfghjklmnpqrstuvwxyz")
#: What joins two coordinated words with nothing else between them (:func:`_shared_modifiers`).
_CONJUNCTIONS = frozenset({frozenset({"and"}), frozenset({"or"})})
#: Auxiliaries of the passive with "get" and of the past passive, and what may stand between
#: them and the participle: "I got fired", "my contract wasn't renewed", "we were just sacked".
_PASSIVE = frozenset({"get", "gets", "getting", "got", "gotten", "was", "were", "been", "wasn", "weren"})
_PASSIVE_GAP = frozenset({"not", "never", "just", "also", "even", "really", "t"})
#: Irregular past participles (regular ones end in "-ed").
_PARTICIPLES = frozenset({
    "paid", "laid", "sold", "told", "made", "let", "hurt", "cut", "sent", "taught", "caught", "hit", "given",
    "taken", "shown", "seen", "built", "broken", "stolen", "chosen", "kept", "left", "lost", "put", "thrown",
})  # fmt: skip
#: A number before a noun makes it a quantity: "back in 5 minutes", "we have 12 employees"
_NUMBERS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "few", "couple",
})  # fmt: skip
#: The speaker as the object of a verb: someone else does it ("they trained me", "it drives me mad")
_SPEAKER = frozenset({"me", "us"})
#: Phrasal verbs of using a website: "sign up" is no *sign language*
_ACCESS = frozenset({("sign", "up"), ("sign", "in"), ("log", "in"), ("log", "on"), ("log", "out")})
#: What "to be" makes a remark on the talk itself: "to be honest" claims no *trustworthiness*
_REMARKS = frozenset({"honest", "fair", "frank"})


@dataclass(frozen=True)
class Word:
    """One content word of the input."""

    stems: tuple[str, ...]
    start: int
    end: int
    sentence: int
    comma_before: bool = False
    corrected: bool = False
    generic: bool = False
    correction: str = ""  # the word a typo was corrected to
    related: tuple[str, ...] = ()  # stems labels use for this word or its phrase ("fix" -> repair)
    after_determiner: bool = False  # an article or possessive, and no preposition, comes between it and the word before
    form: str = ""  # the word as typed: with its correction, what a name's label must equal ("polishing" is no "Polish")
    shared: tuple[str, ...] = ()  # stems of a modifier shared with a coordinated word ("food safety or quality": food)


class Speller:
    """Corrects a misspelt word to the nearest word that occurs in some label.

    Why limited: a name ("Maria") must not turn into a skill word ("marina"), so a capitalised
    word inside a sentence is only corrected towards a word labels themselves capitalise
    ("Spansh" -> "spanish", "Itaian" -> "italian"), and real English words are never touched.
    Words of five letters or more get at most one edit (two from nine letters); swapping two
    neighbouring letters ("forklfit") is one edit. Four-letter words get one edit that keeps
    their first letter ("exel" -> "excel", "wedl" -> "weld"): with fewer letters a changed
    first letter makes too many words equally near.
    """

    def __init__(
        self,
        words: Mapping[str, int],
        english: frozenset[str] = frozenset(),
        proper: frozenset[str] = frozenset(),
        stems: frozenset[str] = frozenset(),
    ) -> None:
        self.words = words  # word -> number of labels using it (the commoner of two equally near words wins)
        self.stems = stems  # stems labels use: an unseen inflection of a label word is no typo ("injections")
        self.english = english  # real words no label uses ("later"): never "corrected" ("laser")
        self.proper = proper  # words labels write capitalised: languages, products ("Spanish", "Excel")
        self.by_length = _ByLength(words)
        self.proper_by_length = _ByLength(proper)
        # real words that are no label's: a typo nearer one of them is not a skill word
        # ("Hellow" is "hello", not "fellow")
        self.plain_by_length = _ByLength(w for w in english if w not in words)
        self.correct = lru_cache(maxsize=20_000)(self._correct)
        self.correct_capitalised = lru_cache(maxsize=5_000)(self._correct_capitalised)
        self.split = lru_cache(maxsize=20_000)(self._split)

    def cache_clear(self) -> None:
        """Forget every correction and split made so far (a benchmark's new pass, as new messages)."""
        for cached in (self.correct, self.correct_capitalised, self.split):
            cached.cache_clear()

    def _correct(self, token: str) -> str | None:
        return self._nearest(token, self.by_length, chat=True)

    def _split(self, word: str) -> tuple[str, str] | None:
        """Two label words that ``word`` joins, when labels write them apart far more often than
        together ("heatpumps" -> heat, pumps; "cybersecurity" -> cyber, security: ESCO's skill is
        *cyber security*); ``None`` otherwise ("database") and for a real English word, which
        means what it says ("useless" is not *use* and *LESS*, "highlights" not *high lights*).

        Why: the inverse of joining "fork lift"; people run words together as often as they
        split them. Each part has three letters or more and is no stopword.
        """
        if word in self.english:
            return None
        together = self.words.get(word, 0)
        best: tuple[int, str, str] | None = None
        for at in range(_MIN_PART, len(word) - _MIN_PART + 1):
            first, second = word[:at], word[at:]
            apart = min(self.words.get(first, 0), self.words.get(second, 0))
            if first in STOPWORDS or second in STOPWORDS or apart <= _APART_FACTOR * together:
                continue
            if best is None or apart > best[0]:
                best = (apart, first, second)
        return best[1:] if best else None

    def _correct_capitalised(self, token: str) -> str | None:
        """A capitalised word is a name unless it is one edit from a capitalised label word."""
        return self._nearest(token, self.proper_by_length) if len(token) >= 5 else None

    def _nearest(self, token: str, by_length: _ByLength, chat: bool = False) -> str | None:
        """The word of ``by_length`` nearest ``token``; ``None`` when a real word no label uses
        is nearer, unless ``chat`` and that word is a stopword or a chat word: then that word
        ("mostlly" -> "mostly").

        Why the chat word: a misspelt filler word left as typed is a content word no label
        explains, so the line is read for meaning and judged by the talk detector ("I code in
        python mostlly" named nothing). Why no other real word: the encoder's vocabulary lacks
        many ("leaky"), whose nearest entry may be a rare one ("leary")."""
        if len(token) < 4 or not token.isalpha() or token in self.english:
            return None
        best = self._best(token, by_length)
        nearest_plain = self._best(token, self.plain_by_length)
        if nearest_plain is not None and (best is None or nearest_plain[1] < best[1]):
            return nearest_plain[0] if chat and nearest_plain[0] in _CHAT_WORDS else None
        return None if best is None else best[0]

    def _best(self, token: str, by_length: _ByLength) -> tuple[str, tuple[object, ...]] | None:
        """The nearest word of ``by_length`` and its rank (lower is likelier), or None."""
        limit = 2 if len(token) >= 9 else 1
        choices = by_length.near(token, limit)
        if len(token) == 4:
            choices = [w for w in choices if w[0] == token[0]]
        found = process.extract(token, choices, scorer=OSA.distance, score_cutoff=limit, limit=20)
        if not found:
            return None
        # among the nearest: the same letters swapped ("wedl" -> "weld", not "well"), then a key
        # next to the intended one ("ohones" -> "phones"), a letter left out or one typed twice
        # ("presure" -> "pressure", not "presume"), then a word that keeps the first and last
        # letter ("acounting" -> "accounting", not "counting"; "excavatr" -> "excavator", not
        # "excavate"), then the word more labels use ("soial" -> "social", not the rare "scial")
        ranked = [
            (str(word), (distance, sorted(word) != sorted(token),
                         not (_neighbour_key(token, word) or _slip(token, word)),
                         word[0] != token[0], word[-1] != token[-1]))
            for word, distance, _index in found
        ]  # fmt: skip
        return min(ranked, key=lambda r: (*r[1], -self.words.get(r[0], 0), r[0]))


_MIN_PART = 3
_APART_FACTOR = 2  # a joined word is split only when its parts are this much commoner in labels


class _ByLength:
    """Words ordered by length, with their letter counts: what may lie within a few edits of a
    typed word, found without measuring the distance to every word of a similar length.

    Why: the speller measured ~10k words for each typo, ~1-2 ms a word (two look-ups: label
    words and plain English); the typos were the slowest chat lines. An edit changes the letter
    counts by at most two (a swap by none), so a word whose counts differ from the typed word's
    by more than twice the edits allowed is no candidate; what passes is measured as before, in
    the same order, so the same word is chosen.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = sorted(words, key=len)  # stable: each length keeps the order given
        self.lengths = np.array([len(w) for w in self.words], dtype=np.int64)
        # one column per word: the window of lengths is one slice, summed down its 26 rows
        self.counts = np.zeros((26, len(self.words)), np.int8)
        for i, word in enumerate(self.words):
            self.counts[:, i] = _letter_counts(word)

    def near(self, token: str, edits: int) -> list[str]:
        """The words within ``edits`` letters of ``token``'s length whose letter counts could be."""
        first, last = np.searchsorted(self.lengths, [len(token) - edits, len(token) + edits + 1])
        apart = np.abs(self.counts[:, first:last] - _letter_counts(token)[:, None]).sum(axis=0)
        return [self.words[first + i] for i in np.flatnonzero(apart <= 2 * edits)]


def _letter_counts(word: str) -> np.ndarray:
    """How often each of a-z occurs in ``word`` (other characters are not counted, which only
    lets more words through :meth:`_ByLength.near`)."""
    codes = np.frombuffer(word.encode("ascii", "ignore"), np.uint8).astype(np.int64) - ord("a")
    return np.bincount(codes[(codes >= 0) & (codes < 26)], minlength=26).astype(np.int8)


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
#: letter -> the letters next to it in its row of a QWERTY keyboard
_NEIGHBOURS = {
    row[i]: set(row[max(0, i - 1) : i] + row[i + 1 : i + 2]) for row in _KEYBOARD for i in range(len(row))
}


def _slip(typed: str, word: str) -> bool:
    """True when ``typed`` is ``word`` with one letter left out, or with one letter typed twice."""
    short, long = sorted((typed, word), key=len)
    if len(long) != len(short) + 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(short, long[: len(short)], strict=True)) if a != b), len(short))
    return long[:at] + long[at + 1 :] == short and (typed == short or long[at] == long[at - 1 if at else 1])


def _neighbour_key(typed: str, word: str) -> bool:
    """True when ``typed`` is ``word`` with one letter replaced by the key beside it."""
    if len(typed) != len(word):
        return False
    diff = [(a, b) for a, b in zip(typed, word, strict=True) if a != b]
    return len(diff) == 1 and diff[0][0] in _NEIGHBOURS.get(diff[0][1], set())


def analyse(text: str, speller: Speller, thesaurus: Thesaurus | None = None) -> list[Word]:
    """Content words of ``text`` with stems, offsets, sentence numbers, flags and synonyms.

    ``thesaurus`` defaults to the shipped one (:func:`shipped_thesaurus`).
    """
    thesaurus = shipped_thesaurus() if thesaurus is None else thesaurus
    boundaries = [m.start() for m in _SENTENCE_END.finditer(text)]
    raw = _join_compounds(list(token_spans(text)), speller.words, text)
    related, absorbed = _synonyms(raw, thesaurus)
    named = [text[start].isupper() and not _sentence_start(text, start) for _, start, *_ in raw]
    tokens = [token for token, *_ in raw]
    sensed = products(tokens, named) | senses(tokens)  # "Windows and Office": software; "switchboards, KNX"
    words: list[Word] = []
    joins: list[frozenset[str]] = []  # per content word, the words left out before it
    previous_end = 0
    skipped: set[str] = set()  # the words left out since the last content word
    for position, (token, start, end, parts) in enumerate(raw):
        gap = text[previous_end:start]
        previous_end = end
        abbreviation = cased_abbreviation(text[start:end], text)  # "IT support" (not "fix it")
        token = abbreviation or token
        product = None if abbreviation else sensed.get(position)
        if (
            token in STOPWORDS
            or (len(token) == 1 and not text[start].isupper())
            or position in absorbed
            or token in CONTRACTED
            or text[end : end + 2] in _NOT
        ):
            skipped.add(token)
            continue
        determiner = bool(skipped & _DETERMINERS) and not skipped & _PREPOSITIONS  # "become | a nurse"
        left_out = frozenset(skipped) | ({","} if "," in gap else frozenset())
        skipped = set()
        sentence = sum(1 for b in boundaries if b < start)
        corrected = None
        split = None if parts or abbreviation or product else speller.split(token)
        if split and token not in speller.words and (_inflection(token, speller) or speller.correct(token)):
            split = None  # a typo or a new inflection, not two words run together: "rotaion", "automating"
        if split:
            parts = split  # "heatpumps": its parts, not a correction ("heatups")
        elif not abbreviation and token not in speller.words and token not in thesaurus.words:
            inflection = _inflection(token, speller)
            first = _sentence_start(text, start)
            if text[start].isupper() and not (first and inflection):
                # a name ("Graz") must not stem into a word ("grazing")
                corrected = speller.correct_capitalised(token)
                if corrected is None and len(token) >= 5 and first:
                    corrected = speller.correct(token)  # "Weldign on site": capitalised as first word
                if corrected is None:
                    joins.append(left_out)
                    words.append(
                        Word(
                            (token,), start, end, sentence, "," in gap, False, True, after_determiner=determiner,
                            form=text[start:end],
                        )
                    )  # fmt: skip
                    continue
            elif not inflection:
                corrected = speller.correct(token)
        if corrected in STOPWORDS:  # "thier", "whith"
            skipped.add(corrected)
            continue
        if corrected and not parts:
            parts = speller.split(corrected) or ()  # "cybersecurty" -> cybersecurity -> cyber, security
        unrelated: tuple[frozenset[str], int, tuple[str, ...]] = (frozenset(), end, ())
        synonyms, phrase_end, rest = unrelated if product else related.get(position, unrelated)  # none for "windows"
        if corrected and not synonyms:  # a typo of an everyday word means the same ("maintenence")
            synonyms = thesaurus.related.get((stem(corrected),), frozenset())
        stems = _product_stems(product) if product else word_stems(corrected or token)
        # a joined compound also stands for its parts ("school teacher"), a phrase for its words
        for part in (*parts, *rest):
            stems += tuple(s for s in word_stems(part) if s not in stems)
        # "Goood morning" is chat, not goods; "look" is chat, "look after" is not; "fired" in
        # "I got fired" is what happened to the person, not a skill of theirs
        generic = (token in GENERIC or corrected in GENERIC or _chat_sense(raw, position)) and phrase_end == end
        end = phrase_end
        extra = tuple(sorted(synonyms - set(stems)))
        joins.append(left_out)
        words.append(
            Word(
                stems, start, end, sentence, "," in gap, corrected is not None, generic, corrected or product or "",
                extra, after_determiner=determiner, form=text[start:end],
            )
        )  # fmt: skip
    return _shared_modifiers(words, joins)


def _product_stems(meaning: str) -> tuple[str, ...]:
    """Stems of what a product or trade word stands for ("operating system", "electrical
    switchboard"), not of the word itself."""
    return tuple(dict.fromkeys(s for w in meaning.split() for s in word_stems(w)))


def _shared_modifiers(words: list[Word], joins: list[frozenset[str]]) -> list[Word]:
    """``words`` with the last of "A B and/or C" sharing A's stems (:attr:`Word.shared`), when
    C ends its phrase: "food safety or quality" is food safety or *food* quality, "I fit windows
    and doors" fits the doors too.

    Why: a label of A and C ("ensure food quality") found its words only around B, which counted
    against it, so the second of two coordinated things was lost or read weakly. Shared stems
    count where a label has them and weigh nothing where it does not ("cutting" in "sheet metal
    bending and cutting" is no heavier for *use cutting equipment*).
    """
    out = list(words)
    for k in range(2, len(words)):
        a, b, c = words[k - 2], words[k - 1], words[k]
        ends = k + 1 == len(words) or bool(joins[k + 1]) or words[k + 1].sentence != c.sentence
        if (
            joins[k] in _CONJUNCTIONS
            and not joins[k - 1]
            and ends
            and a.sentence == c.sentence
            and not (a.generic or b.generic or c.generic)
        ):
            out[k] = replace(c, shared=tuple(s for s in a.stems if s not in c.stems))
    return out


def _inflection(token: str, speller: Speller) -> bool:
    """True when ``token`` is an unseen inflection of a word labels use, so no typo: "injections"
    (not "infections")."""
    stems = word_stems(token)
    return stems != (token,) and set(stems) <= speller.stems


def _chat_sense(raw: list[tuple[str, int, int, tuple[str, ...]]], position: int) -> bool:
    """True when the word at ``position`` is used in a sense that names no skill of the person:
    the passive (:func:`_undergone`), a verb done to the speaker ("my boss is driving me
    crazy"), a quantity ("5 minutes" are no *minutes of a meeting*), logging in to a website, or a
    remark on the talk ("to be honest")."""
    token = raw[position][0]
    after = raw[position + 1][0] if position + 1 < len(raw) else ""
    if (token, after) in _ACCESS or after in _SPEAKER:
        return True
    before = raw[position - 1][0] if position else ""
    if token in _REMARKS and before == "be" and position > 1 and raw[position - 2][0] == "to":
        return True
    return before.isdigit() or before in _NUMBERS or _undergone(raw, position)


def _undergone(raw: list[tuple[str, int, int, tuple[str, ...]]], position: int) -> bool:
    """True when the word at ``position`` is a participle of the passive ("I got *fired*").

    Why: in the passive the person, or their thing, undergoes the verb; someone else does it,
    so it names no skill of theirs ("my car got repaired", "I was sacked"). Only "get" and the
    past of "be": in "I'm organised" the participle describes the person.
    """
    token = raw[position][0]
    if not (token in _PARTICIPLES or (token.endswith("ed") and len(token) > 4)):
        return False
    before = position - 1
    while before >= 0 and raw[before][0] in _PASSIVE_GAP:
        before -= 1
    return before >= 0 and raw[before][0] in _PASSIVE


def _synonyms(
    raw: list[tuple[str, int, int, tuple[str, ...]]], thesaurus: Thesaurus
) -> tuple[dict[int, tuple[frozenset[str], int, tuple[str, ...]]], set[int]]:
    """Where the thesaurus knows a word or phrase: position -> (related stems, end offset, its
    other content words), and the positions of those other words.

    A phrase becomes one word at its first content word, spanning the whole phrase and holding
    the stems of all its words ("keep an eye on" is one word, not "keep" and "eye"), because
    its words mean something together that they do not mean apart. So it is also no chat word:
    "look" is chat, "look after" is not.
    """
    out: dict[int, tuple[frozenset[str], int, tuple[str, ...]]] = {}
    absorbed: set[int] = set()
    for first, last, stems in thesaurus.find([stem(token) for token, *_ in raw]):
        content = [i for i in range(first, last) if raw[i][0] not in STOPWORDS and len(raw[i][0]) > 1]
        if content:
            out[content[0]] = (stems, raw[last - 1][2], tuple(raw[i][0] for i in content[1:]))
            absorbed.update(content[1:])
    return out, absorbed


def _sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` opens the text or a sentence (so its capital says nothing)."""
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n"


def _join_compounds(
    spans: list[tuple[str, int, int]], known: Mapping[str, int], text: str
) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """Join two adjacent tokens that labels write as one word ("fork lift" -> "forklift"), and
    a letter before a hyphen or in capitals ("G-code", "G code" -> "gcode"; not the "e-" of
    "e-commerce", which labels write apart too).

    The joined token keeps its parts, because other labels write them apart ("school teacher"
    is *schoolteacher* in one label and "primary school teacher" in another).
    """
    out: list[tuple[str, int, int, tuple[str, ...]]] = []
    i = 0
    while i < len(spans):
        token, start, end = spans[i]
        if i + 1 < len(spans) and spans[i + 1][1] - end <= 1:
            joined = token + spans[i + 1][0]
            letter = (
                token in _JOINED_LETTERS
                and (text[end : end + 1] == "-" or text[start].isupper())
                and spans[i + 1][0] not in STOPWORDS
            )
            if (len(joined) >= 6 or letter) and joined in known and (letter or token not in STOPWORDS):
                out.append((joined, start, spans[i + 1][2], (token, spans[i + 1][0])))
                i += 2
                continue
        out.append((token, start, end, ()))
        i += 1
    return out


def spelled_out(text: str, words: list[Word], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with typos corrected and capitalised abbreviations written out, for the encoder.

    Why: the sentence encoder has never seen "forklfit" and knows "PLC" only vaguely; the
    lexical side already knows what they stand for ("PLC programming" -> "programmable logic
    controller programming"). Lower-case short words are left alone ("it", "ms").
    """
    end = len(text) if end is None else end
    parts: list[str] = []
    last = start
    for word in words:
        if word.start < start or word.end > end:
            continue
        typed = text[word.start : word.end]
        replacement = word.correction or in_full(typed, text)  # "IT" stands for "ict", not "it"
        if replacement:
            parts.extend((text[last : word.start], replacement))
            last = word.end
    return "".join(parts) + text[last:end]
