"""What a line's function words say about whether it names a skill of the writer's.

Why: recognition works on content words, and the sentence vector is dominated by them, so
"I don't drive" and "I'd like to learn PLC" look like "I drive" and "I know PLC" to both. The
small words that turn them around are easy to see in the text itself: negations, questions
(marked or not), wishes, denials, dislikes, free time, stepping away from the chat. Whose doing
a line tells of ("my husband is a plumber") is :mod:`recognition_others`'.
"""

from __future__ import annotations

import re

from .recognition_others import SENTENCE_END, WRITER, lead, others_doing
from .recognition_semantic import clauses

#: A negation: "not", "never", "no", and the "-n't" forms, typed with an apostrophe (straight,
#: curly, or the accent of German keyboards: "don´t") or without one ("dont").
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|cannot|dont|doesnt|didnt|cant|wont|isnt|arent|wasnt|werent|havent|hasnt|hadnt"
    r"|couldnt|wouldnt|shouldnt)\b|n['\u2019\u00b4`]t\b",
    re.IGNORECASE,
)

#: A leading "no" that answers the bot rather than negating the line ("No, I did welding"), and
#: "no" in a phrase that means "easily" ("can read blueprints no bother").
_ANSWER = re.compile(
    r"^\W*(?:no|nope|nah)\s*(?:[,.!;:]|$)|\bno\s+(?:problems?|probs|worries|bother|trouble|sweat|fuss)\b"
    r"|\bnot\s+a\s+problem\b",
    re.IGNORECASE,
)

#: A clause opening with a wish, a job search ("I applied for", "I had an interview") or a need
#: for someone or something ("we need someone to fix our heating", "I need a forklift licence";
#: not "I need to"), after a leading "and", "one day" and the like (see :func:`wishes`).
_WISH = re.compile(
    lead(r"and|but|so|also|now|then|one day|some day|eventually|really|honestly|ideally|maybe|later") +
    r"(?:i\s*(?:'?d|would)\s+(?:really\s+)?(?:like|love|want|prefer)\b|i\s+(?:really\s+)?want\b"
    r"|(?:(?:really|just)\s+)?(?:want(?:ed)?\s+to|wanna|would\s+(?:like|love)\s+to)\s+(?:learn|try|get|start|do|become|be|work|retrain|move|switch|go|transition|change)\b"
    r"|i\s+(?:hope|plan|wish)\s+to\b|i\s+dream\s+of\b|(?:i'?m\s+|i\s+am\s+)?(?:hoping|planning|looking|aiming)\s+(?:to|for)\b"
    r"|(?:i'?m\s+|i\s+am\s+)?(?:(?:thinking|wondering)\s+(?:about|of|whether|if)|considering)\b"
    r"|my\s+(?:goal|dream|aim|plan|wish)\b"
    r"|(?:i|we)\s+(?:really\s+|urgently\s+|just\s+)?need\s+(?:a|an|someone|somebody|anyone|anybody|help|some\s+help)\b"
    r"|i(?:'?ve|\s+have)?\s+(?:applied\s+(?:for|to\s+(?:be|become|join|work))|(?:had|have|got)\s+an\s+interview)\b"
    r"|i\s+(?:was|got)\s+(?:rejected|turned\s+down)\b)",
    re.IGNORECASE,
)

#: A question typed without its mark, by its opening words ("whats the average salary for a
#: bookkeeper", "is there a welsh version of this"); not "what I do is welding", "how I started",
#: "What you'll do: ..." (a job advert's heading).
_UNMARKED_QUESTION = re.compile(
    lead(r"and|but|so|ok|okay|hi|hey|hello|also|sorry|well|oh|btw|just|quick\s+question") +
    r"(?:what(?:'?s)?|which|where|why|is\s+there|are\s+there|do\s+you|does|can\s+(?:you|i|we)|could\s+(?:you|we|i)"
    r"|will\s+(?:i|you|there)|would\s+(?:you|i)|should\s+i|how\s+(?:do|does|did|can|much|many|long|often))\b"
    r"(?!\s+(?:i|we|im|i'm|you|they|he|she|it)\b)",
    re.IGNORECASE,
)

#: The same when it opens with a verb before its subject: "is it ok if i answer these later",
#: "do I need maths GCSE to do an accounting course"; not "did" ("did IT support for a school": "IT"
#: in capitals is no pronoun, and "did ..." opens claims).
_UNMARKED_INVERTED = re.compile(
    lead(r"and|but|so|ok|okay|hi|hey|also|sorry|well|oh|btw|just|quick\s+question") +
    r"(?:do|does|is|are|was|can|could|will|would|should|shall|am)\s+(?:i|you|we|(?-i:it|It)|there|they|he|she)\b",
    re.IGNORECASE,
)

#: The writer stepping away from the chat: "brb making a cuppa", "hang on a sec, someone's at the door",
#: "back in 5"; not "back in 2015 I did welding".
_AWAY = re.compile(
    r"^\W*(?:brb|afk|gtg|g2g|hang\s+on|hold\s+on|one\s+sec|one\s+moment|just\s+a\s+(?:sec|second|minute|moment)"
    r"|give\s+me\s+a\s+(?:sec|second|minute|moment)|back\s+in\s+(?:a\s+(?:sec|second|minute|moment|bit|few)"
    r"|\d{1,2}\b(?!\s*(?:years?|yrs?)\b)))\b",
    re.IGNORECASE,
)

#: After a clause: a question mark before any other punctuation (see :func:`asks`).
_ASKED_AFTER = re.compile(r"[^\w.,;:!\n]*\?")

#: A clause that opens a question in words: a question word or a verb before its subject
#: ("who teaches ...", "is there ...", "do you need ...", "any courses ..."), after a leading
#: "and", "ok", "sorry" and the like; "maybe welding?" and "welding, PLC?" open none.
_INTERROGATIVE = re.compile(
    lead(r"and|but|so|ok|okay|hi|hey|hello|also|sorry|well|oh|btw|then|just|quick question") +
    r"(?:who|whom|whose|what|whats|which|where|when|why|how|is|isnt|are|arent|am|was|were|do|does|did"
    r"|dont|doesnt|didnt|can|cant|could|couldnt|will|wont|would|should|shall|may|might|must|have|has"
    r"|won(?=['\u2019]t)|any|anything|anyone|anybody|anywhere)(?:n?['\u2019]\w+)?\b",
    re.IGNORECASE,
)

#: A clause in which the writer denies having done or known something ("I've never used
#: Excel", "I have no idea what PLC means", "no experience in care"), after a leading "but",
#: "honestly" and the like; not "I don't mind heavy lifting", "I never miss a deadline", "I
#: don't just weld" nor "no problem with night shifts", which claim, nor "No, I did welding".
_DENIAL = re.compile(
    lead(r"and|but|so|also|honestly|sadly|unfortunately|tbh|sorry") +
    r"(?:i(?:\s*'?\s*(?:ve|m|d))?\s+(?:(?:have|am|had|do|did|got|really|just|honestly|actually|still)\s+)*"
    r"(?:never|not|no|dont|don't|do\s+not|didnt|didn't|did\s+not|cant|can't|cannot|can\s+not|couldnt"
    r"|couldn't|havent|haven't|have\s+not|hardly|barely)"
    r"|dont|don't|didnt|didn't|havent|haven't|cant|can't|cannot|couldnt|couldn't|(?:i\s+)?(?:failed|flunked)"
    r"|never|no\s+(?:experience|idea|clue|knowledge|training)|not\s+sure\s+(?:what|how|where|which|whether|if|about))\b"
    r"(?!\W+(?:just|only|mind|miss|missed|fail|failed|forget|forgot|let|lose|lost|stop|stopped|quit|give|gave"
    r"|afraid|scared|worried|remember|problem|bother|complain|complained|late|absent|off\s+sick)\b)",
    re.IGNORECASE,
)

#: A clause in which the writer says they dislike something or are bad at it ("I hate
#: spreadsheets", "i'm useless at maths"): no skill they claim, though it may be their job.
_DISLIKE = re.compile(
    lead(r"and|but|so|also|honestly|tbh") + r"(?:(?:i(?:\s*'?\s*m|\s+am)\s+)?(?:(?:really|so|just|totally"
    r"|completely)\s+)?(?:useless|rubbish|terrible|hopeless|awful|crap|bad)\s+(?:at|with)|(?:i\s+)?(?:(?:really|just)\s+)?"
    r"(?:hate|hated|detest|loathe|cant\s+stand|can't\s+stand|cannot\s+stand|struggle\s+with|struggled\s+with)"
    r"|(?:i\s+)?never\s+got\s+on\s+with)\b",
    re.IGNORECASE,
)

#: Conditions the writer may tell of: health, a disability, pain, tiredness.
_CONDITIONS = (
    r"dyslexi[ac]|dyspraxi[ac]|adhd|autis(?:m|tic)|diabet(?:es|ic)|arthritis|asthma|epilep(?:sy|tic)|migraines?"
    r"|depression|anxiety|long\s+covid|a\s+hernia|a\s+disability|disabled|deaf|blind|partially\s+sighted"
    r"|hard\s+of\s+hearing|injured|ill|unwell|sick|pregnant|exhausted|knackered|shattered|tired|worn\s+out"
    r"|burn[te]d?\s+out|in\s+pain|on\s+sick\s+leave|off\s+sick|(?:too|getting|quite)\s+old|older\s+now"
)

#: A part of the body that aches or gives trouble: "back pain", "bad knees", "my back is shot".
_AILMENT = (
    r"(?:(?:my|bad|sore|dodgy|chronic|severe|lower|upper|constant|terrible|some|a)\s+)*"
    r"(?:back|knees?|neck|shoulders?|hips?|joints?|wrists?|feet|legs?|arms?|hands?|eyes|eyesight|hearing|health|heart"
    r"|lungs?)(?:\s*(?:pain|pains|ache|aches|problems?|issues?|injur(?:y|ies)|trouble|condition)"
    r"|\s*(?:is|are|isn't|isnt|aren't|arent|'s|s)\s+(?:(?:not|so|really|very|totally|completely|pretty)\s+)*"
    r"(?:bad|gone|shot|going|wrecked|killing\s+me|great|good|what\s+it\s+was))"
    r"|(?:a\s+)?(?:bad|sore|dodgy)\s+(?:back|knees?|neck|shoulders?|hips?|wrists?|feet|legs?|eyes|hearing|health)"
    r"|backache|headaches"
)

#: A clause in which the writer tells of their own condition: "back pain" alone, "I am dyslexic
#: so reading is hard for me", "I have a bad back", "I'm 59 and tired", "at my age".
_CONDITION = re.compile(
    lead(r"and|but|so|also|plus|now|though|with|because|cause|cos|sadly|unfortunately|honestly|tbh") +
    rf"(?:(?:i(?:\s*'?\s*m|\s+am)|im)\s+(?:(?:a\s+bit|quite|very|so|really|severely|mildly|also|now|registered"
    rf"|permanently|totally|completely|getting)\s+)*(?:{_CONDITIONS})"
    rf"|(?:i(?:\s*'?\s*ve|\s+have)?\s+(?:got\s+|had\s+|have\s+)?|i\s+)?(?:suffer(?:ed)?\s+(?:from|with)|live\s+with"
    rf"|(?:was\s+)?diagnosed\s+with|have|had|got)\s+(?:{_CONDITIONS}|{_AILMENT})"
    rf"|(?:{_AILMENT})\W*$|at\s+my\s+age|burn[te]d?\s+out|worn\s+out|exhausted|knackered|shattered)\b",
    re.IGNORECASE,
)

#: A line that tells of treating other people's ailments: a physio's "treating back pain", "I help
#: patients with back pain and neck pain".
_TREATING = re.compile(
    r"\b(?:treat|treats|treating|treated(?!\s+for)|patients?|clients?|(?:a|as)\s+physio"
    r"|(?<!my\s)(?:physio|massage\s+)?therapists?|(?<!my\s)(?:osteopath|chiropractor)s?)\b",
    re.IGNORECASE,
)

#: An ailment alone in its clause, no one's in words ("back pain", "and neck pain", "with back pain"):
#: in a line that tells of treating (:data:`_TREATING`), what is treated, not the writer's.
_AILMENT_ALONE = re.compile(
    lead(r"and|or|but|also|plus|with|mostly|mainly|especially|including|like") + rf"(?!.*\bmy\b)(?:{_AILMENT})\W*$",
    re.IGNORECASE,
)

#: What wears the writer down, within a clause: "early shifts killing my back", "the lifting is
#: too much for me", "reading is hard for me", "sick of night shifts". The clause is set aside
#: from its subject on: from the last "which", "and it", "so" ... before it (:data:`_SUBJECT`).
_WEARING = re.compile(
    r"\b(?:(?:killing|wrecking|ruining|destroying|hurting|murdering|doing\s+in|breaking|taking\s+a\s+toll\s+on)"
    r"\s+(?:my|me)\b|(?:too|so|very|really)\s+(?:hard|heavy|much|physical|demanding|stressful|exhausting|tiring)"
    r"\s+(?:for|on)\s+(?:me|my)\b|(?:hard|difficult|tough|impossible|a\s+struggle)\s+for\s+me\b"
    r"|(?:tired|sick|fed\s+up|had\s+enough|bored)\s+(?:of|with)\b)",
    re.IGNORECASE,
)

#: Where the subject of a complaint inside a clause starts: "I bake bread at 4am which is killing me".
_SUBJECT = re.compile(
    r"\b(?:which|that|who|so|because|cause|cos|as|but|and|it|its|it's|this|they|these)\b", re.IGNORECASE
)

#: The fate of the writer's job or skills, told as a worry: "its being replaced by AI", "my job
#: will be automated", "robots are taking over", "its probably all outdated now". Not "I automated
#: the reports" or "I replaced the pumps": the writer's doing.
_FATE = re.compile(
    r"\b(?:being|getting|will\s+be|(?:going\s+to|gonna|about\s+to)\s+be|could\s+be|might\s+be|may\s+be)"
    r"\s+(?:(?:slowly|all|completely|fully|gradually|soon)\s+)?(?:replaced|automated|phased\s+out|outsourced"
    r"|made\s+redundant|axed|closed(?:\s+down)?|shut\s+down|taken\s+over)\b"
    r"|\b(?:replaced|taken\s+over)\s+by\s+(?:ai|a\.i\.?|robots?|machines?|computers?|automation|software|apps?"
    r"|self[-\s]?(?:service|checkouts?)|chat\s*bots?|chatgpt|technology|tech)\b"
    r"|\b(?:ai|robots?|automation|machines|computers|self[-\s]?checkouts?|apps?|chat\s*bots?)\s+(?:(?:is|are|will"
    r"|could|might|may|gonna|going\s+to|'ll)\s+)?(?:(?:take|taking|replace|replacing|steal|stealing)\s+(?:over|my|our"
    r"|the|all|everyone|jobs?|us|\w+(?:ers|ists|ants|ors))\b"
    r"|(?:is|are)\s+(?:coming|on\s+(?:the|its)\s+way)(?:\s+for\s+\w+(?:\s+\w+)?)?$)"
    r"|\bfuture[-\s]?proof\b|\bno\s+future\s+(?:in|for)\b"
    r"|\b(?:it|its|it's|it\s+is|that|that's|thats|they|they're|theyre|this|everything|all\s+(?:of\s+)?(?:that|this|it)"
    r"|my\s+(?:skills|knowledge|training|qualifications?|certificates?|experience))\s+(?:(?:is|are|was|were|'s|'re"
    r"|s|re|be|must|might|may|will|probably|prob|all|a|bit|pretty|so|very|totally|completely|quite|really|now|kind"
    r"|of|kinda)\s+)*(?:outdated|out\s+of\s+date|obsolete|old[-\s]fashioned|dated|rusty|ancient|behind\s+the\s+times)\b",
    re.IGNORECASE,
)

#: Free time said in words: "in my spare time", "as a hobby", "for fun". Not "at weekends" nor
#: "on Saturdays": "I do bar work on Saturdays" is a job.
_LEISURE = re.compile(
    r"\b(?:in\s+(?:my|our|his|her)\s+(?:spare|free|own)\s+time|as\s+a\s+(?:hobby|pastime)|for\s+fun|hobb(?:y|ies)"
    r"|in\s+(?:my|our)\s+(?:own\s+)?(?:flat|house|garden|back\s+garden|kitchen|bathroom|loft|garage"
    r"|shed|spare\s+room|hallway)|in\s+the\s+(?:back\s+garden|hallway|loft|spare\s+room)"
    r"|pastimes?|for\s+(?:my|the|our)\s+(?:family|friends|son|daughter|kids|children|grandkids|mum|mom|dad|wife|husband)(?!['\u2019]s)(?=\s*(?:[,.!;:]|$|and\b|at\b|on\b|every\b)))",
    re.IGNORECASE,
)

#: A clause that only qualifies the one before it: "..., just for the family", "..., as a hobby".
_TRAILING = re.compile(lead(r"and|but|just|only|mostly|mainly|purely|all") + r"(?:for|as|in)\b", re.IGNORECASE)

#: A clause with a subject of its own: it does not carry on the wish or denial before it.
_OWN_SUBJECT = re.compile(
    lead(r"and|but|so|also|then|now|though") + r"(?:i|im|ive|id|ill|we|were|weve|my|our|me)(?:['\u2019]\w+)?\b",
    re.IGNORECASE,
)


def asks(text: str, start: int, end: int) -> bool:
    """True when the clause ``text[start:end]`` is a question: a question mark follows it
    before any other punctuation ("can I cancel my booking?"; not the first clause of "I did
    welding for years, can I do the advanced course?")."""
    return _ASKED_AFTER.match(text, end) is not None


def leisure(text: str, start: int, end: int) -> bool:
    """True when the clause ``text[start:end]`` tells of free time ("football is my hobby", "in
    my spare time I build websites"): it tells of work only when the talk detector leans to work
    talk, as a question does; a hobby is no skill to train on."""
    return _LEISURE.search(text, start, end) is not None


def trails(text: str, start: int, end: int) -> bool:
    """True when the clause ``text[start:end]`` only qualifies the clause before it, with no
    subject or verb of its own ("I bake bread at the weekend, just for the family")."""
    clause = text[start:end]
    return _TRAILING.match(clause) is not None and not WRITER.search(clause)


def questions(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that ask a question in words: from the last clause before a
    question mark that opens with a question word or an inverted verb (:data:`_INTERROGATIVE`),
    within its sentence, to that mark. "can weld, is that ok?": only "is that ok"; "what's the
    difference between MIG and TIG welding?": all of it; "maybe welding?": nothing. A text with no
    mark whose first clause opens like a question (:data:`_UNMARKED_QUESTION`) asks in that clause:
    "whats the average salary for a bookkeeper", not in "is there anything for a plumber, I've done
    plumbing for 10 years".

    Why: such a question tells nothing the writer can do, yet the talk detector, which reads a
    line's topic, gives questions about a trade's courses, pay or papers 0.6-0.98 ("who pays for
    the HACCP certificate?" 0.98) as it gives lines that tell of work.
    """
    parts = _parts(text)
    spans = []
    opening = text[parts[0][0] : parts[0][1]].replace("\u2019", "'") if parts else ""
    if "?" not in text and (_UNMARKED_QUESTION.match(opening) or _UNMARKED_INVERTED.match(opening)):
        spans.append(parts[0])
    for mark in re.finditer(r"\?", text):
        begins = max((m.end() for m in SENTENCE_END.finditer(text, 0, mark.start())), default=0)
        openers = [a for a, b in parts if begins <= a < mark.start() and _INTERROGATIVE.match(text[a:b])]
        if openers:
            spans.append((openers[-1], mark.start()))
    return spans


def unclaimed(text: str, dislikes: bool = True) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that tell nothing the writer can do: its questions asked in
    words (:func:`questions`), what it tells of other people, things or the media
    (:func:`recognition_others.others_doing`: "the cleaners never showed up", "the lift has been
    broken for a week"), its wishes and needs (:func:`wishes`), denials (:data:`_DENIAL`: "I've
    never used Excel", "not sure what to write"), the writer stepping away (:data:`_AWAY`: "brb
    making a cuppa") and, when ``dislikes``, dislikes (:data:`_DISLIKE`: "I hate spreadsheets"),
    each of the last four running on over the clauses after it in its sentence that open with no
    subject of their own ("I'd like to learn PLC, CNC and welding": all of it; "I'd like to
    learn PLC, I did welding": the first clause); when ``dislikes``, also the writer's complaints,
    clause by clause (:func:`complaints`: "back pain", "its being replaced by AI").
    ``dislikes=False`` for the job question: "I hate being a cashier" and "my cashier job is
    being automated" still tell the job.
    """
    openers = (_DENIAL, _AWAY, _DISLIKE) if dislikes else (_DENIAL, _AWAY)
    spans = questions(text) + others_doing(text) + (complaints(text) if dislikes else [])
    running: tuple[int, int] | None = None  # the wish or denial being read, as far as it goes
    for start, end in _parts(text):
        clause = text[start:end].replace("\u2019", "'")
        if wishes(text, start, end) or any(opener.match(clause) for opener in openers):
            spans += [running] if running else []
            running = (start, end)
        elif (
            running
            and not _OWN_SUBJECT.match(text[start:end])
            and not SENTENCE_END.search(text, running[1], start)
        ):
            running = (running[0], end)
        elif running:
            spans.append(running)
            running = None
    found = list(dict.fromkeys(spans + ([running] if running else [])))  # a part two cues name, once
    return [(a, b) for a, b in found if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in found)]


def complaints(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` in which the writer tells of their own situation, not of
    what they can do: their health, a condition, pain or age (:data:`_CONDITION`: "back pain",
    "I am dyslexic so reading is hard for me"), what wears them down (:data:`_WEARING`: "early
    shifts killing my back"), the fate of their job or skills (:data:`_FATE`: "its being
    replaced by AI", "its probably all outdated now"). Each is its clause alone: "I'm 59,
    forklift, picking" still names the forklift. An ailment alone in a line that tells of
    treating people is what the writer treats ("physio: back pain, sports injuries").

    Why: the words of a complaint are work words ("shifts", "AI", "reading", "back pain"), so the
    lexical side and the encoder read them as skills (*work in shifts*, *principles of artificial
    intelligence*, *provide physiotherapy diagnosis*), and the line as a whole is work talk, so
    the talk detector lets them through.
    """
    spans = []
    treating = _TREATING.search(text) is not None
    for start, end in _parts(text):
        clause = text[start:end].replace("\u2019", "'")
        wearing = _WEARING.search(clause)
        treated = treating and _AILMENT_ALONE.match(clause) is not None
        if (_CONDITION.match(clause) and not treated) or _FATE.search(clause):
            spans.append((start, end))
        elif wearing:
            subject = [m.start() for m in _SUBJECT.finditer(clause, 0, wearing.start())]
            spans.append((start + (subject[-1] if subject else 0), end))
    return spans


def _parts(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` one by one (:func:`clauses` without the whole text first)."""
    parts = clauses(text)
    return parts[1:] if len(parts) > 1 else parts


def wishes(text: str, start: int, end: int) -> bool:
    """True when the clause ``text[start:end]`` opens with a wish: what the writer wants or
    needs, not what they do ("I'd like to work with animals", "looking for a job in logistics",
    "I applied for a warehouse job", "I need a plumber")."""
    return _WISH.match(text[start:end].replace("\u2019", "'")) is not None


def negated(text: str) -> bool:
    """True when ``text`` holds a negation (which no label match accounts for); a leading
    "no" answering the bot and "no problem" do not count."""
    return _NEGATION.search(_ANSWER.sub(" ", text)) is not None


def asked(text: str) -> bool:
    """True when ``text`` asks something ("is the welding course still on? 🙂")."""
    return "?" in text


def clause_of(text: str, start: int, end: int) -> str:
    """The smallest clause of ``text`` holding the characters ``start:end`` (else the text)."""
    return next((text[a:b] for a, b in reversed(clauses(text)) if a <= start and end <= b), text)
