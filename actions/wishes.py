"""What someone wants to learn or become, read from what they type: no Rasa, no engine, no I/O.

A wish ("I'd like to move into robotics") names a goal, not a skill one has; only its wanted
part counts: no hedges ("idk, maybe"), no clause that wants less or not, no languages spoken.
Words that open a correction or hesitate ("sorry, …") are no part of a town typed after them.
"""

from __future__ import annotations

import re

from actions.languages_said import SPEAKS
from actions.parsing import unrecorded_limit

_WISH = re.compile(
    r"\b(?:i(?:'?d|\s+would)\s+(?:really\s+)?(?:like|love|want)\s+to|i\s+(?:really\s+)?(?:want|hope|plan)\s+to"
    # its "to" left out: "I want learn english", "I want work as electrician" (QA12: no goal read)
    r"|i\s+(?:really\s+)?want\s+(?=(?:learn|become|be|work|study|train|retrain|do|move|switch|change)\b)"
    # "roofer, need something lighter": "lighter" had become the skill *manage the lightering operation*
    r"|(?:i\s+)?(?:need|want|looking\s+for)\s+(?:something|anything)(?=\s+\w))\b"
    r"(?!\s+(?:add|remove|delete|drop|include|change|correct|say)\b)"
    r"|\b(?:i'?m\s+(?:hoping|planning|looking)\s+to|i\s+want\s+an?|my\s+(?:goal|dream|aim)|retrain(?:ing)?\s+as)\b"
    # "my garage says I need to learn about electric cars": a need to learn is a wish too
    r"|\bi\s+(?:really\s+)?(?:need|have|ought)\s+to\s+(?:learn|train|study|retrain|qualify|become)\b"
    r"|^\W*(?:learn|become|(?:move|get|go|switch|transition|change)\s+(?:in)?to|train\s+as)\b"  # "learn about heat pumps", said alone
    # a wish after the job, its "I" left out: "welder in graz, want to learn tig", "I work in a call
    # centre but want to switch to solar" (QA9: lost, or read as a skill the person has)
    r"|(?:,|;|[.!?]\s|\band\b|\bbut\b)\s*(?:really\s+)?(?:would\s+like|'d\s+like|want|hope|plan)\s+to\s+"
    r"(?:learn|become|train|move|get|switch|study|retrain|work|go|transition|change)\b"
    # broken English: "kitchen 10 year. want work hotel better", "me want learn welding" (QA13: no goal)
    r"|(?:^|,|;|[.!?]\s|\band\b|\bbut\b)\s*(?:(?:i|me)\s+)?(?:really\s+)?(?:want|wanna)\s+(?:to\s+)?"
    r"(?:learn|become|be|work|study|train|retrain)\b"
)

#: a sentence's end: a wish told in a first message ends there ("now I want to work in a factory. I speak …")
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")


def wish_span(text: str) -> tuple[int, int] | None:
    """Where a wish, or a question what a workplace needs (:func:`asks_what_is_needed`), begins
    and its sentence ends in ``text``, or where the subject of a change at work is named that the
    text asks the training for (:func:`change_span`), which comes first; ``None`` without any.

    Why: "…, now I want to work in a factory. I speak Arabic and a little German. I live in
    Pforzheim." had the goal *Arabic, interact verbally in Arabic, …*: all after the wish was read
    as the wish, and the town after it was lost."""
    changed, at = change_span(text), wish_start(text)  # "… so what do I need to learn?" is no wish of its own
    if changed is not None:
        return changed
    if at is None:  # "what will I need for the new battery plant?": its jobs are offered
        asked = _ASKS_NEEDED.search(text)
        if asked is None:
            return None
        at = asked.start()
    end = _SENTENCE_END.search(text, at)
    return at, end.start() if end else len(text)


#: a question for the training one needs: "what training do I need?", "what do I have to learn?"
_ASKS_TRAINING = re.compile(
    r"\bwhat\s+(?:(?:kind|sort)\s+of\s+)?(?:training|courses?|skills?|qualifications?|certificates?)\s+"
    r"(?:do|will|would|should|might|must)\s+(?:i|we)\s+(?:need|have\s+to|want)\b"
    r"|\bwhat\s+(?:do|will|would|should|must)\s+(?:i|we)\s+(?:need|have)\s+to\s+(?:learn|know|study|do)\b",
    re.I,
)
#: a change at work and what it is to ("the company is switching to *electric buses*", "they are
#: bringing in *cobots*"), not a move to a new place ("we are moving to a new office")
_CHANGE_END = r"(?=\s*(?:[,.;!?]|$|\b(?:and|so|but|what|which)\b))"
_CHANGE_AT_WORK = re.compile(
    r"\b(?:switch|mov|chang|convert|shift|transition)\w*\s+(?:over\s+|all\s+)?(?:in)?to\s+"
    r"(?!(?:an?|the|our|their)\s+(?:new\s+)?(?:office|site|building|location|place|town|city)\b)"
    rf"(?P<to>[^,.;!?]+?){_CHANGE_END}"
    rf"|\b(?:introduc\w+|bringing\s+in|brings?\s+in|install\w*|adopt\w*)\s+(?P<new>[^,.;!?]+?){_CHANGE_END}",
    re.I,
)


def change_span(text: str) -> tuple[int, int] | None:
    """Where ``text`` names what a change at work is to, when it asks what training one needs
    ("the company is switching to *electric buses*, what training do I need?"); ``None`` otherwise.
    Why: a bus driver's question had no goal, though the change named what to learn (QA13)."""
    if _ASKS_TRAINING.search(text) is None:
        return None
    change = _CHANGE_AT_WORK.search(text)
    if change is None:
        return None
    return change.span("to") if change.group("to") else change.span("new")


#: a clause that does not want something: "where I don't need computers", "not office work"
#: "less physical", "fewer night shifts", "something lighter": a clause that wants less of something
#: names no goal either (QA12: "LESS, physics")
_NEGATED = re.compile(
    r"\b(?:not|no|don'?t|doesn'?t|do not|never|without|nothing|avoid|hate|can'?t|cannot|less|fewer|lighter|easier)\b"
)


#: words that hedge or fill, no part of what is wanted: "idk, something with computers", "maybe
#: maintenance i guess", "not sure, perhaps IT" (QA12: "idk" had made the field of work a skill,
#: *have computer literacy*). A hedge with a negation ("i don't know", "not sure") only before
#: the clause's end or another hedge: "I don't know anything about computers" is no hedge.
_FILLER = (
    r"idk|dunno|i\s+dunno|i\s+guess|i\s+suppose|i\s+reckon|i\s+think|maybe|perhaps|possibly|probably"
    r"|um+|uh+|hmm+|erm|honestly|tbh|kinda|sort\s+of"
)
_NOT_KNOWING = r"i\s+(?:don'?t|do\s+not)\s+know|(?:i'?m\s+)?not\s+(?:really\s+|quite\s+|so\s+|too\s+)?sure|no\s+idea|who\s+knows"
_HEDGES = rf"(?:(?:{_FILLER})\b|(?:{_NOT_KNOWING})\b(?=\W*(?:$|(?:{_FILLER})\b)))"
_HEDGE = re.compile(rf"^(?:\W*{_HEDGES})+\W*|(?:\W+{_HEDGES})+\W*$", re.I)
#: a wish's verb of changing, no part of what is wanted: "(I want to) move into intensive care",
#: "switch to cyber security" (QA12: "move into" became the skill *move objects*, and "I want to
#: move into cyber security" named nothing)
_CHANGE_TO = re.compile(
    r"^\W*(?:(?:and|so|now|then)\s+)?(?:(?:i\s*(?:'?d|would)\s+(?:really\s+)?(?:like|love)|(?:i\s+)?(?:really\s+)?"
    r"(?:want|hope|plan|wanna)|i'?m\s+(?:hoping|planning|looking))\s+(?:to\s+)?)?"
    r"(?:make\s+the\s+(?:move|switch|jump|change)|move|switch|get|go|transition|change|step|branch|cross)"
    r"(?:\s+(?:over|out|across))?\s+(?:in)?to\s+",
    re.I,
)


#: a question for what a workplace's change needs, no part of what it is: "what will I need for the new
#: green steel plant?" (QA13: "Sorry, I can't help with that")
_NEEDED_FOR_WORDS = (
    r"what\s+(?:will|would|do|does|should|must|might)\s+(?:i|we|people)\s+(?:need|have)\s+"
    r"(?:to\s+(?:learn|know|do|study)\s+)?(?:for|at|in|with|on)\s+"
    r"(?:(?:the|a|an|this|that|our|my|their)\s+)?(?:(?:new|coming|planned|future)\s+)?"
)
_NEEDED_FOR = re.compile(rf"^\W*(?:(?:and|so|ok|okay)\s+)?{_NEEDED_FOR_WORDS}", re.I)
_ASKS_NEEDED = re.compile(rf"\b{_NEEDED_FOR_WORDS}", re.I)


def asks_what_is_needed(text: str) -> bool:
    """True when ``text`` asks what a workplace or its change needs ("what will I need for the new
    battery plant?"): its jobs are offered to pick from, not one taken."""
    return _ASKS_NEEDED.search(text) is not None


#: words that open a correction or hesitate, no part of a town typed after them ("sorry, …", "actually …")
_LEAD_IN = re.compile(r"^\W*(?:(?:sorry|actually|oh|wait|well|hmm+|um+|so|i mean|correction)\b\W*)+", re.I)


def without_lead_in(text: str) -> str:
    """``text`` without the words opening it that correct or hesitate ("sorry, make that …" →
    "make that …"). Why: "sorry" was looked up as a town, and suggested *Sori, IT*."""
    return _LEAD_IN.sub("", text).strip()


def wished_part(text: str) -> str:
    """The clauses of a wish that say what is wanted: without the negated ones ("something where
    I don't need computers, maybe maintenance" → "maybe maintenance") nor the languages one
    speaks; "" when nothing is left.

    Why: "don't need computers" had the goal *computer equipment*, and the first course shown
    was the office course the person had ruled out. Limits the catalogue does not record ("but
    only part-time") are no part of it either."""
    parts = re.split(r"[,;.!?]|\bbut\b", SPEAKS.sub(" ", text.replace("\u2019", "'")))
    wanted = (_NEEDED_FOR.sub("", _CHANGE_TO.sub("", _HEDGE.sub("", part))).strip() for part in parts)
    kept = (part for part in wanted if not _NEGATED.search(part.lower()) and not unrecorded_limit(part))
    return ", ".join(part for part in kept if part)


def wish_start(text: str) -> int | None:
    """Where a wish begins in ``text`` ("yes, and I'd like to …" → 10); ``None`` without one.

    A wish is what the person wants to do or become ("I'd like to move into robotics"), a goal,
    not a skill they have; "I want to add welding" is a correction, not a wish."""
    found = _WISH.search(text.lower().replace("\u2019", "'"))
    if found is None:
        return None
    return found.start() + len(found.group()) - len(found.group().lstrip(",;.!? "))  # after ". want to"


#: a question for jobs to choose from, or a wish only for better pay: "what jobs are in demand?",
#: "idk anything that pays better" (QA13: the goal *job market offers*, and "any price" noted)
_ASKS_FOR_JOBS = re.compile(
    r"\b(?:in\s+(?:high\s+|great\s+)?demand|(?:most\s+)?(?:needed|wanted|sought\s+after)\s+(?:jobs?|here|now)"
    r"|(?:who|which\s+\w+)\s+(?:is|are)\s+hiring|pays?\s+(?:better|more|well)|(?:better|best|well)[- ]paid"
    r"|(?:more|better)\s+money)\b|\bwhat\s+(?:kind\s+of\s+)?(?:jobs?|work|careers?|trades?)\b",
    re.I,
)


def asks_for_jobs(text: str) -> bool:
    """True when ``text`` asks which jobs to aim for rather than naming one ("what jobs are in
    demand?", "anything that pays better"): jobs are suggested, as to someone not sure."""
    return _ASKS_FOR_JOBS.search(text) is not None
