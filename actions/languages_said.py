"""The languages a message names, and the one it is written in: no Rasa, no engine, no I/O.

A language is named as the courses' language ("German please"), as one spoken ("I speak
Arabic") or learnt ("improve my English"), or is the language of the message itself ("ich
wohne in Graz"); each reads differently, and only the first limits the courses shown.
"""

from __future__ import annotations

import re

#: languages by their English, German or own names ("Deutsch", "español", "Euskara")
LANGUAGES = {
    "english": "en", "englisch": "en",
    "german": "de", "deutsch": "de",
    "french": "fr", "français": "fr", "francais": "fr", "französisch": "fr", "franzosisch": "fr",
    "spanish": "es", "español": "es", "espanol": "es", "castellano": "es", "castilian": "es", "spanisch": "es",
    "italian": "it", "italiano": "it", "italienisch": "it",
    "basque": "eu", "euskara": "eu", "euskera": "eu",
    "catalan": "ca", "català": "ca", "catala": "ca", "catalán": "ca",
    "galician": "gl", "galego": "gl", "gallego": "gl",
    "slovenian": "sl", "croatian": "hr", "polish": "pl", "czech": "cs", "hungarian": "hu", "dutch": "nl",
    "portuguese": "pt", "romanian": "ro", "slovak": "sk", "turkish": "tr", "greek": "el", "swedish": "sv",
    "bulgarian": "bg",
}  # fmt: skip
_LANGUAGE_NAME = re.compile(r"\b(" + "|".join(LANGUAGES) + r")\b(?!\s+country)")  # not the Basque Country
#: a language named as the one to learn in: "in German", "German please", "English would be better"
_AS_COURSE_LANGUAGE = re.compile(
    rf"\b(?:in|prefer\w*|language\W*)\s+(?:{'|'.join(LANGUAGES)})\b"
    rf"|\b(?:{'|'.join(LANGUAGES)})\s+(?:please|only|preferred|is fine|would be)\b",
    re.I,
)
_NAMES = "|".join(LANGUAGES)
#: a language named as one to learn or one worked in, not the courses' language: "I need to learn
#: German", "improve my english", "city tours in german and english" (QA12: each set a language
#: limit, the wish lost and the language question never asked)
NO_COURSE_LANGUAGE = re.compile(
    rf"\b(?:learn\w*|stud(?:y|ied|ying)|improv\w*|practi[cs]\w*|brush\w*\s+up(?:\s+on)?|better)\s+"
    rf"(?:(?:my|some|the|a|basic|more|good|proper)\s+)*(?:{_NAMES})\b"
    rf"|\b(?:{_NAMES})\s+(?:courses?|class\w*|lessons?|exams?|tests?|certificates?|levels?|skills?|teachers?|tuition)\b"
    rf"|\b(?:tours?|guid\w*|work\w*|serv\w*|talk\w*|translat\w*|interpret\w*|customers?|clients?|guests?|tourists?)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?in\s+(?:{_NAMES})(?:\s*(?:,|and|or|&)\s*(?:{_NAMES}))*\b",
    re.I,
)
#: a clause telling what languages one speaks: no wish, no course language ("I speak Arabic")
SPEAKS = re.compile(
    r"\b(?:i\s+(?:can\s+|also\s+)?speak|speaking|my\s+(?:mother\s+tongue|native\s+language|languages?)|native\s+speaker)\b[^,.;!?]*",
    re.I,
)


#: Common words of the cluster's other languages that are no English words, by language (jobs
#: too: "electricista" at the job question was offered *electrical engineer*), and English ones.
_FOREIGN = {
    "de": """ich und nicht ja nein bitte danke der das ist mit für auf ein eine einen habe möchte kann mein
        meine wir sie oder aber noch schon gerne gern keine kein nur sehr bei nach über wohne arbeite suche
        kurs kurse weiterbildung ausbildung jahre jahren bin aus brauchen suchen bis zu wie wo unser
        unsere guten morgen schweißer schweisser elektriker mechaniker tischler schlosser maurer köchin fahrer
        pfleger pflegerin krankenschwester verkäufer verkäuferin lagerarbeiter staplerfahrer arbeitslos""",
    "fr": """je suis et oui merci le les des une avec pour dans est pas travaille cherche bonjour nous avons
        besoin formation soudeur électricien electricien mécanicien mecanicien plombier menuisier maçon
        cuisinier cuisinière serveuse infirmier infirmière ouvrier""",
    "es": """hola gracias sí soy trabajo busco para una los las está necesitamos necesito en con del el quiero
        tengo somos estoy buenos días curso cursos electricista soldador mecánico mecanico fontanero carpintero albañil
        camarero camarera cocinero cocinera enfermero enfermera operario carretillero limpiadora""",
    "it": """ciao grazie sono lavoro cerco della buongiorno vorrei abbiamo corso corsi gli elettricista saldatore
        meccanico idraulico falegname muratore cameriere cuoco autista infermiere infermiera operaio magazziniere""",
}
_ENGLISH = """
i i'm im my me the and a an to of in is are was for with it you we at on have has had can do did want
like yes no please thanks thank this that what how where not don't would could be been as or from by
but so will just
"""
_FOREIGN_WORDS = {code: frozenset(words.split()) for code, words in _FOREIGN.items()}
_ENGLISH_WORDS = frozenset(_ENGLISH.split())


def foreign_language(text: str) -> str | None:
    """The language a message is written in when it is not English ("ja", "ich wohne in
    Graz", "Necesitamos 3 soldadores en Bilbao"): more of its words are common words of German,
    French, Spanish or Italian than of English, and a longer one has at least two; ``None`` for
    English. A name counts only when it holds such a word ("Bauer und Partner KG"), which is why
    it is asked only of messages the classifier calls out of scope.

    Why: the assistant understands English only; "ja" got "Sorry, I can't help with that".
    """
    words = re.findall(r"[^\W\d_]+(?:'[a-z]+)?", text.lower())
    counts = {code: sum(w in known for w in words) for code, known in _FOREIGN_WORDS.items()}
    language = max(counts, key=counts.__getitem__)
    foreign, english = sum(counts.values()), sum(w in _ENGLISH_WORDS for w in words)
    return language if foreign > english and (foreign >= 2 or (english == 0 and len(words) <= 4)) else None


def not_english(text: str) -> bool:
    """True when a message is written in another language (:func:`foreign_language`)."""
    return foreign_language(text) is not None


def language_preferred(text: str) -> bool:
    """True when a language is named as the one to learn in ("courses in German", "German
    please"), not as a skill ("welding, german") or a subject. Why: at the skills' confirmation
    "german" was one or the other, and only the skill was ever taken."""
    return bool(_AS_COURSE_LANGUAGE.search(text))


def only_languages(text: str) -> bool:
    """True when the text names languages and nothing else ("german", "in German please")."""
    rest = _LANGUAGE_NAME.sub(" ", text.lower())
    return rest != text.lower() and not re.sub(r"\b(?:in|or|and|please|only|the|language|languages)\b|\W", "", rest)


def language_codes(value: str) -> list[str]:
    """The codes a language slot holds (see :func:`parsing.parse_language`)."""
    return value.split(",")


def languages_named(text: str, asked: bool) -> str | None:
    """The languages named as words, comma-joined codes; unless the language was ``asked`` for,
    "polish" only with its capital (it is also a verb)."""
    codes = [
        LANGUAGES[found.group()]
        for found in _LANGUAGE_NAME.finditer(text.lower())
        if asked or found.group() != "polish" or text[found.start()] == "P"
    ]
    return ",".join(dict.fromkeys(codes)) or None
