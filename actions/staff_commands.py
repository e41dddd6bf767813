"""Which staff command a message names, typos forgiven, and the talk between staff that names none.

Why: in a shared staff room every message reached the bot, and every one that was no command
("Ana, I'll call Acme Stahl tomorrow", "ok thanks Bo", "thanks!") got the eight lines of help,
while a command with a typo ("exprot needs", "demnad reprot by contry") was read as another
command or as nothing (QA Matrix M9 and lows). Pure functions of the text: the NLU guard routes
with them, and the actions read the corrected words.
"""

from __future__ import annotations

import re

from actions import names
from skills_catalog.text import STOPWORDS

#: command words, the first group a message holds wins: "export needs" is an export, "unmet
#: needs" no list of new needs, "welding page 2" a search
COMMAND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(words, re.I))
    for intent, words in (
        (names.INTENT_STAFF_WITHDRAW, r"\bwithdraw\w*\b"),
        (names.INTENT_STAFF_EXPORT, r"\b(?:export\w*|csv|download\w*|spreadsheet)\b"),
        (names.INTENT_STAFF_UNMET, r"\b(?:unmet|uncovered|gaps?|(?:no|without)\s+(?:an?\s+)?(?:\w+\s+){0,2}offers?"
                                   r"|not\s+covered)\b"),
        (names.INTENT_STAFF_REPORT, r"\b(?:demand|reports?|charts?|graphs?|stats|statistics)\b|\bhow\s+many\b.*\bneed"
                                    r"|\b(?:firms|companies|who|which\s+firm)\s+(?:needs?|wants?|seeks?)\b"),
        (names.INTENT_STAFF_NEW_SECRET, r"\bsecrets?\b"),
        (names.INTENT_STAFF_NEW_NEEDS, r"\bneeds\b"),
        (names.INTENT_STAFF_SHOW_NEED, r"\bneed\b"),
        (names.INTENT_STAFF_SEARCH, r"\b(?:search\w*|catalog(?:ue)?s?|courses?|offers?|partners?|providers?|online"
                                    r"|blended|in[- ]person|page\s+\d+)\b"),
        (names.INTENT_STAFF_HELP, r"\b(?:help|commands?)\b|\bwhat\s+can\s+you\b|\bhow\s+do\s+i\b"),
    )
)  # fmt: skip
#: the words a typo is read as; each is long enough that one slip cannot make another word
_SPELLED = (
    "export", "download", "unmet", "uncovered", "demand", "report", "chart", "secret", "needs", "search",
    "catalogue", "catalog", "courses", "offers", "partner", "provider", "online", "blended", "country", "ecosystem",
    "quarter", "month", "withdraw", "since",
)  # fmt: skip
#: real words one slip away from a command word: never "corrected" ("ask an expert" is no export)
_REAL_WORDS = frozenset({"need", "seed", "feed", "weed", "heed", "reed", "nerd", "expert", "deport", "resort", "chat",
                         "seeds", "nerds", "reeds", "feeds", "heeds", "weeds"})  # fmt: skip
_WORD = re.compile(r"[A-Za-z][a-z]+")


def _one_slip(typed: str, word: str) -> bool:
    """True when ``typed`` is ``word`` with two neighbouring letters swapped, or (five letters or
    more) one letter left out or typed twice or extra, or (eight or more) one letter wrong.

    Why these slips only: a wrong letter in a short word makes another word ("expert", "resort").
    """
    if typed == word:
        return False
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == word[diff[1]]
            and typed[diff[1]] == word[diff[0]]
        )
        return swapped or (len(diff) == 1 and len(word) >= 8)
    short, long = sorted((typed, word), key=len)
    if len(long) - len(short) != 1 or len(short) < 4 or len(long) < 5:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _corrected_word(token: str) -> str:
    lowered = token.lower()
    if lowered in _SPELLED or lowered in _REAL_WORDS or len(lowered) < 4 or not token[1:].islower():
        return token
    near = [word for word in _SPELLED if _one_slip(lowered, word)]
    return near[0] if len(near) == 1 else token


def corrected(text: str) -> str:
    """``text`` with misspelt command words written right: "exprot needs" -> "export needs",
    "demnad reprot by contry" -> "demand report by country". Words of other casing (names,
    "CSV") and real words one slip away ("expert") are left as typed."""
    return _WORD.sub(lambda m: _corrected_word(m.group()), text)


def command_named(text: str) -> str | None:
    """The staff intent the command words of ``text`` name (typos forgiven), or None."""
    fixed = corrected(text)
    return next((intent for intent, words in COMMAND_WORDS if words.search(fixed)), None)


def has_typo(text: str) -> bool:
    """True when :func:`corrected` changes a word of ``text``."""
    return corrected(text) != text


# ---------------------------------------------------------------- what is asked of one need

#: what a message naming a need asks of it, the first that fits: "close N-…", "mark N-… as filled"
#: (fulfilled), "which courses match N-…?", "assign N-… to …", "change N-… to 4 people"; else
#: its details. Why: all of these had shown the need, still "(open)", with nothing said (QA13).
NEED_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (asked, re.compile(words, re.I))
    for asked, words in (
        ("fulfil", r"\b(?:close[sd]?|closing|fill(?:ed)?|fulfill?(?:ed|s|ment)?|done|complete[sd]?|finished)\b"),
        ("match", r"\b(?:match\w*|courses?|offers?|trainings?|partners?|providers?|who\s+(?:can\s+)?(?:train|teach))\b"),
        ("assign", r"\b(?:re)?assign\w*\b|\b(?:owner|hand\s+over|take\s+over|responsible)\b"),
        ("edit", r"\b(?:change\w*|edit\w*|updat\w*|set|modif\w*|correct\w*|rename|increase|decrease)\b"),
    )
)  # fmt: skip


def need_asked(text: str) -> str:
    """What a message naming a need asks of it: "fulfil", "match", "assign", "edit" or "show"."""
    return next((asked for asked, words in NEED_ASKS if words.search(text)), "show")


# ---------------------------------------------------------------- demand for a skill or role

_UNTIL_PLACE = r"(?=\s+(?:in|near|around|at|by|per|since|from|between|until|till|within|during|this|last|over)\b|[?!.,;]|$)"
#: the questions of demand for a skill or role, the skill or role in ``what``: "how many welders do
#: firms need", "which firms need PLC programmers", "demand for welders", "people needed for welding"
_DEMAND_FOR = tuple(
    re.compile(words + _UNTIL_PLACE, re.I)
    for words in (
        r"\bhow\s+many\s+(?:more\s+)?(?P<what>[\w+#./ -]+?)\s+(?:do|does|did|are|is|were|will)\b.*?\bneed\w*",
        r"\b(?:firms|companies|who|which\s+firm|anyone|anybody)\s+(?:needs?|wants?|seeks?|(?:is|are)\s+looking\s+for)"
        r"\s+(?:for\s+|of\s+)?(?P<what>[\w+#./ -]+?)",
        r"\b(?:demand|needs?|needed|people|workers)\s+(?:for|of)\s+(?P<what>[\w+#./ -]+?)",
    )
)  # fmt: skip
#: words that name no skill or role: "how many people do firms need for welding" is about welding
_ANYONE = re.compile(r"^(?:the\s+)?(?:people|persons?|workers?|staff|employees|hires|new\s+hires|firms?|needs?|all|"
                     r"them|skills?|roles?|jobs?)$", re.I)  # fmt: skip


def demand_asked(text: str) -> tuple[str, str]:
    """The skill or role a demand question is about, and the rest of the question (its place
    and dates): "how many welders do firms need in Styria?" -> ("welders", "… in Styria?");
    ("", text) when it names none. "demand for Bilbao" names a place, which the caller, knowing
    places, tells apart. Why: the skill had been read as a place ("demand for welders") or the
    question as a need's reference (QA13)."""
    for pattern in _DEMAND_FOR:
        for found in pattern.finditer(text):
            what = found.group("what").strip()
            if what and not _ANYONE.match(what) and command_named(what) is None:
                return what, text[: found.start()] + " " + text[found.end() :]
    return "", text


# ---------------------------------------------------------------- talk between staff

_ACK_WORDS = (
    r"ok|okay|k|kk|thanks|thank\s+you|thank|thx|ty|cheers|great|cool|nice|perfect|good|fine|sure|yes|yeah|yep|yup|"
    r"no|nope|np|got\s+it|noted|done|alright|right|lol|haha|sounds\s+good|will\s+do|on\s+it|agreed|exactly|indeed|"
    r"much|very|so|a\s+lot|lots|again|too|all|everyone|guys|folks|team|hi|hello|hey|morning|good\s+morning|bye|later|"
    r"see\s+you(?:\s+(?:tomorrow|later|soon|on\s+\w+))?|have\s+a\s+(?:good|nice)\s+(?:day|evening|weekend)"
)
#: a message of acknowledgements and thanks alone, to someone named or to nobody: "thanks!",
#: "ok thanks Bo", "great, thank you Ana 👍", "morning all"
_ACKNOWLEDGES = re.compile(rf"^(?:\W*\b(?:{_ACK_WORDS})\b)+(?:\W+[A-Za-z]+)?\W*$", re.I)
#: a greeting to nobody in particular is for the bot ("hi"); "good morning", "hi all" are for the room
_GREETING_ALONE = re.compile(r"^\W*(?:hi|hello|hey)\W*$", re.I)
#: a person addressed by name first: "Ana, I'll call them", "Bo can you check the Bilbao one"
_ADDRESSED = re.compile(
    r"^\W*@?(?P<name>[A-Z][a-z]+)(?:\s*[,:]|\s+(?:can|could|would|will|did|do|have|are|pls|please)\b)"
)
#: the speaker's own doing, told to the others: "I'll look into it", "fyi they called"
_OWN_DOING = re.compile(
    r"^\W*(?:i'?ll|i\s+will|i'?ve|i\s+have\s+(?:just|already)|i'?m\s+going\s+to|i\s+think|i\s+guess|we'?ll|"
    r"we\s+will|we\s+should|we'?ve|fyi|btw|brb|just\s+(?:called|spoke|talked|sent))\b",
    re.I,
)
#: a suggestion to the others: chatter unless it names a command ("let's see the demand report")
_SUGGESTS = re.compile(r"^\W*let'?s\b", re.I)
_BOT = re.compile(r"\bbot\b", re.I)


def _addressed(text: str) -> bool:
    """True when the message opens with a colleague's name (not a word such as "Please", "What")."""
    found = _ADDRESSED.match(text)
    if found is None:
        return False
    word = found.group("name").lower()
    return word not in STOPWORDS and word not in _NOT_NAMES and command_named(word) is None


#: capitalised openers that are no one's name
_NOT_NAMES = frozenset({"sorry", "well", "oh", "hmm", "great", "cool", "nice", "perfect", "sure", "right", "fine",
                        "good", "show", "list", "give", "find", "tell", "send", "get", "anyone", "someone",
                        "everyone", "maybe", "also", "now", "new", "latest"})  # fmt: skip


def is_chatter(text: str) -> bool:
    """True for a message between staff that asks the bot nothing: thanks and acknowledgements,
    a colleague addressed by name, the speaker's own plans. A lone greeting ("hi") is for the
    bot, and so is anything that names it ("bot: new needs")."""
    text = text.replace("\u2019", "'").strip()
    if _BOT.search(text) or _GREETING_ALONE.match(text):
        return False
    if _addressed(text) or _OWN_DOING.match(text):
        return True
    return bool(_ACKNOWLEDGES.match(text) or _SUGGESTS.match(text)) and command_named(text) is None
