"""What a line's function words say about whether it names a skill of the writer's.

Why: recognition works on content words, and the sentence vector is dominated by them, so
"I don't drive" and "my husband is a plumber" look like "I drive" and "I'm a plumber" to
both. The small words that turn them around are easy to see in the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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

_PEOPLE = (
    r"(?:brother|sister|son|daughter|father|mother)s?-in-law|step(?:dad|mum|mom|father|mother)s?|husband|wife"
    r"|partner|boyfriend|girlfriend|fianc[eé]e?|ex|sons?|daughters?|kids?|child|children|mum|mom|mother|landlord|landlady"
    r"|eldest|oldest|youngest"
    r"|dad|father|parents?|brothers?|sisters?|cousins?|uncles?|aunts?|nephews?|nieces?|grandma|grandmother"
    r"|grandpa|grandfather|granddad|friends?|mates?|neighbou?rs?|flatmates?|roommates?|colleagues?"
    r"|co-?workers?|boss|manager"
)
#: What may follow "'s" when it stands for "is" or "has" ("my husband's a plumber", "my dad's
#: been a welder"), not for a possessive ("my uncle's farm", "my kids' school").
_VERB_AFTER_S = (
    r"(?:a|an|the|been|got|always|never|not|just|also|still|now|really|very|working|doing|done|in|at|on)\b"
)
#: A clause whose subject is someone close to the writer: "my sister works as a nurse", "also my
#: neighbour drives a truck", "our neighbour's son is a nurse". Not "our" people at work: "our
#: colleagues need forklift training" is a firm.
_SOMEONE_ELSE = re.compile(
    rf"^\W*(?:(?:and|but|so|well|also|oh|ok|okay|btw|actually|yes|yeah|no|lol|haha|ugh|omg)\W+)*"
    rf"(?:(?:my|our(?!\s+(?:colleagues?|co-?workers?|boss|manager)\b))\s+(?:{_PEOPLE})(?![\w-])"
    rf"(?:['\u2019]s\s+{_VERB_AFTER_S}|(?!['\u2019]))|(?:{_PEOPLE})['\u2019]s\s+(?:a|an|been)\b)",
    re.IGNORECASE,
)
#: A stretch of text between punctuation: "and" does not end one ("my brother-in-law has a
#: painting and decorating business" is his all along; "my husband and I" is the writer too), nor
#: does the comma or point inside a number ("short of 40,000 nurses").
_PART = re.compile(r"[^.;!?,\s](?:(?:[^.;!?,\n]|(?<=\d)[.,](?=\d))*[^.;!?,\s])?")
#: The writer in the clause after all: "my dad taught me to weld", "my husband's firm, I do the books".
_WRITER = re.compile(r"\b(?:i|im|ive|me|myself|we|us)\b", re.IGNORECASE)
#: The writer's own things: a part that names them tells of the writer ("welding is my trade").
_MINE = re.compile(r"\b(?:my|our|(?<!\bof\s)(?:mine|ours))\b", re.IGNORECASE)
#: The writer as an object or an owner ("rely on me", "the round is mine").
_ME = re.compile(r"\b(?:me|us|(?<!\bof\s)mine)\b", re.IGNORECASE)
#: The writer's work named as theirs: "the shop's tills are my job most days".
_MY_WORK = re.compile(
    r"\bmy\s+(?:job|work|role|shifts?|patch|rounds?|side|responsibility|department|section|station|speciality)\b",
    re.IGNORECASE,
)
#: Years spent at something: "from years of tiling floors", "for 6 years".
_HISTORY = re.compile(
    r"\b(?:years?|yrs|decades?)\s+(?:of|as|in|doing)\b|\bfor\s+(?:\d+|a\s+few|many|several|two|three|four|five|six"
    r"|seven|eight|nine|ten|twenty)\s+(?:years?|yrs)\b",
    re.IGNORECASE,
)
#: What others do for the writer as a customer or patient: "gave me", "helped me", "told me",
#: "trims the hedges for us".
_SERVICE_VERBS = frozenset({
    "gave", "give", "gives", "giving", "helped", "help", "helps", "explained", "explains", "told", "tells", "tell",
    "sold", "sells", "charged", "charges", "ripped", "sent", "sends", "fixed", "fixes", "cut", "cuts", "for", "to", "at",
})  # fmt: skip
#: The writer as a subject, or taught: "the patients I look after", "the lads showed me how to weld";
#: not only helped or served ("the pharmacist explained my tablets to me").
_WRITER_DOING = re.compile(
    r"\b(?:i|im|ive|myself|we)\b|\b(?:taught|teach(?:es)?|showed|shows?|trained|trains?|employ(?:s|ed)?|hired?|hires"
    r"|pa(?:y|ys|id)|took|takes?)\s+(?:me|us)\b",
    re.IGNORECASE
)


#: A clause opening with a wish, a job search ("I applied for", "I had an interview") or a need
#: for someone or something ("we need someone to fix our heating", "I need a forklift licence";
#: not "I need to"), after a leading "and", "one day" and the like (see :func:`wishes`).
_WISH = re.compile(
    r"^\W*(?:(?:and|but|so|also|now|then|one day|some day|eventually|really|honestly|ideally|maybe|later)\W+)*"
    r"(?:i\s*(?:'?d|would)\s+(?:really\s+)?(?:like|love|want|prefer)\b|i\s+(?:really\s+)?want\b"
    r"|(?:(?:really|just)\s+)?(?:want(?:ed)?\s+to|wanna|would\s+(?:like|love)\s+to)\s+(?:learn|try|get|start|do|become|be|work|retrain|move)\b"
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
    r"^\W*(?:(?:and|but|so|ok|okay|hi|hey|hello|also|sorry|well|oh|btw|just|quick\s+question)\W+)*"
    r"(?:what(?:'?s)?|which|where|why|is\s+there|are\s+there|do\s+you|does|can\s+(?:you|i|we)|could\s+(?:you|we|i)"
    r"|will\s+(?:i|you|there)|would\s+(?:you|i)|should\s+i|how\s+(?:do|does|did|can|much|many|long|often))\b"
    r"(?!\s+(?:i|we|im|i'm|you|they|he|she|it)\b)",
    re.IGNORECASE,
)
#: The same when it opens with a verb before its subject: "is it ok if i answer these later",
#: "do I need maths GCSE to do an accounting course"; not "did" ("did IT support for a school": "IT"
#: in capitals is no pronoun, and "did ..." opens claims).
_UNMARKED_INVERTED = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|hi|hey|also|sorry|well|oh|btw|just|quick\s+question)\W+)*"
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
#: A clause whose subject is "they", "he" or "she": someone else's doing ("they've started building
#: flats next door"), unless the writer is in it ("they pay me to weld").
_THIRD_PERSON = re.compile(
    r"^\W*(?:(?:and|but|so|also|then|well|oh|btw|lol|ugh)\W+)*(?:they|he|she)(?:['\u2019](?:ve|re|ll|d|s))?\b",
    re.IGNORECASE,
)
#: After a clause: a question mark before any other punctuation (see :func:`asks`).
_ASKED_AFTER = re.compile(r"[^\w.,;:!\n]*\?")
#: A clause that opens a question in words: a question word or a verb before its subject
#: ("who teaches ...", "is there ...", "do you need ...", "any courses ..."), after a leading
#: "and", "ok", "sorry" and the like; "maybe welding?" and "welding, PLC?" open none.
_INTERROGATIVE = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|hi|hey|hello|also|sorry|well|oh|btw|then|just|quick question)\W+)*"
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
    r"^\W*(?:(?:and|but|so|also|honestly|sadly|unfortunately|tbh|sorry)\W+)*"
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
    r"^\W*(?:(?:and|but|so|also|honestly|tbh)\W+)*(?:(?:i(?:\s*'?\s*m|\s+am)\s+)?(?:(?:really|so|just|totally"
    r"|completely)\s+)?(?:useless|rubbish|terrible|hopeless|awful|crap|bad)\s+(?:at|with)|(?:i\s+)?(?:(?:really|just)\s+)?"
    r"(?:hate|hated|detest|loathe|cant\s+stand|can't\s+stand|cannot\s+stand)|(?:i\s+)?never\s+got\s+on\s+with)\b",
    re.IGNORECASE,
)
#: People at work the writer may tell of: "the cleaners at my old office never showed up".
_WORKERS = (
    r"guys?|lads?|staff|people|folks?|team|crew|workers?|employees?|boss(?:es)?|managers?|supervisors?"
    r"|foreman|customers?|clients?|cleaners?|drivers?|builders?|electricians?|plumbers?|mechanics?|nurses?"
    r"|doctors?|teachers?|chefs?|cooks?|waiters?|waitress(?:es)?|carers?|engineers?|technicians?|welders?"
    r"|painters?|decorators?|joiners?|carpenters?|gardeners?|farmers?|porters?|guards?|receptionists?"
    r"|cashiers?|apprentices?|trainees?|students?|man|men|woman|women|lady|ladies|girls?|boys?|patients?"
    r"|residents?|guests?|tenants?|landlords?|pharmacists?|physios?|physiotherapists?|therapists?|translators?"
    r"|interpreters?|dentists?|opticians?|vets?|hairdressers?|barbers?|postm[ae]n|couriers?|officers?|police"
    r"|paramedics?|midwi(?:fe|ves)|surgeons?|gps?|consultants?|inspectors?|surveyors?|agents?|solicitors?|lawyers?"
    r"|accountants?|advis[eo]rs?|coach(?:es)?|trainers?|instructors?|tutors?|lecturers?|caretakers?|bouncers?"
    r"|baristas?|bartenders?|butchers?|bakers?|assistants?|fitters?|installers?|roofers?|tradesm[ae]n"
    r"|colleagues?|co-?workers?|garage|bank|council|coach(?:es)?|helpdesk|kids|children|cats?|dogs?"
)
#: What a course is called: "the forklift course was too expensive" tells of the course.
_COURSES = r"courses?|class(?:es)?|lessons?|exams?|apprenticeships?|training|inductions?|workshops?"
#: People the writer serves or works for or with: when they call on "me" or praise "my" work it
#: tells of the writer's work ("the patients call me when they need their meds", "my foreman reckons
#: my brickwork is the neatest"), as when a provider serves "me" it does not.
_SERVED = re.compile(
    r"^\W*(?:\w+\W+)*?(?:customers?|clients?|patients?|residents?|guests?|tenants?|students?|pupils?|kids|children"
    r"|passengers?|visitors?|diners?|boss(?:es)?|managers?|supervisors?|foreman|foremen|colleagues?|team|crew|lads"
    r"|staff)\b",
    re.IGNORECASE,
)
#: A clause whose subject is such people, named by what they are to the writer's place or
#: work rather than as the writer's relatives ("the electrician who came round was so rude"),
#: or a course ("that excel class was a waste of time").
_THEIRS = re.compile(
    rf"^\W*(?:(?:and|but|so|also|then|well|oh|btw|honestly|anyway|lol|haha|ugh|omg)\W+)*(?:(?:the|those|these|that|this"
    rf"|all\s+the|a|an)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:(?:{_WORKERS})\b(?!['\u2019]s\b)|(?:{_COURSES})\b)|(?:someone|somebody)\b"
    rf"|(?:[\w-]+\s+){{0,2}}?(?:{_WORKERS})\s+(?:just\s+|always\s+|never\s+)?(?:\w+ed|gave|left|did|said|told|came|took"
    rf"|made|got|wants?|keeps?|kept|says|does|thinks?|reckons?|deserves?|knew|knows|tells?|built)\b)",
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
#: What the writer had someone else do: "we had the roof fixed", "I got my boiler serviced";
#: not "done" or "sorted": "I always get my work done on time" is the writer's.
_HAD_DONE = re.compile(
    r"\b(?:had|have|has|having|got|get|gets|getting)\s+(?:the|my|our|a|an|his|her|their|some|all\s+the)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:fixed|repaired|serviced|replaced|installed|redone|mended|painted|rewired|plastered"
    r"|tiled|decorated|fitted|towed|renovated|valeted|inspected|unblocked|looked\s+at)\b"
    r"|\b(?:had|having)\s+(?:the|my|our|a|an|his|her|their|some)\s+(?:[\w'-]+\s+){0,3}?(?:done|tested|checked|cut|seen\s+to"
    r"|examined|removed|taken\s+out)\b"
    rf"|\b(?:had|got|get|getting)\s+(?:(?:a|an|the|some|our|my)\s+)?(?:[\w-]+\s+)?(?:{_WORKERS}|someone|somebody)"
    r"\s+(?:(?:in|round|over|out)\s+)?(?:to\s+)?(?:come|put|fix|do|install|build|paint|check|look|sort|replace|repair|fit"
    r"|clean|service|rewire|plaster|tile|decorate|unblock)\b",
    re.IGNORECASE,
)
#: A topic met in the media: "I watched a documentary about wind turbines" names no skill.
_MEDIA = re.compile(
    r"\b(?:watch(?:ed|ing)?|saw|seen|read|heard|listen(?:ed|ing)?\s+to)\b[^.;!?,]*?\b(?:documentar(?:y|ies)|videos?"
    r"|programmes?|shows?|films?|movies?|articles?|podcasts?|stor(?:y|ies)|news|clips?|tv|telly|facebook|instagram"
    r"|tiktok|youtube|newspapers?|adverts?|ads?|listings?|vacanc(?:y|ies))\b|\b(?:on|in)\s+the\s+(?:news|papers?)\b"
    r"|\b(?:the\s+)?(?:news|papers?)\s+(?:said|says)\b"
    r"|\b(?:read|reading|finished|finishing)\s+(?:a|an|the|this)\s+book\s+(?:about|on)\b"
    r"|\bplaying\s+(?:a|an|the|this|some)?\s*(?:[\w-]+\s+)?(?:game|games|sim|simulator)\b"
    r"|\b(?:school\s+trip|trip|tour|visit|open\s+day)\s+(?:to|at|of|round|around)\b",
    re.IGNORECASE,
)
#: A complaint about a thing or a service, or an opinion: "the canteen food is terrible", "phone
#: lines drive me mad", "self checkouts are taking everyone's jobs imo".
_COMPLAINT = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:so|really|absolutely|just|always|still|totally)\s+)*"
    r"(?:terrible|awful|rubbish|disgusting|horrible|dreadful|a\s+joke|a\s+nightmare|shocking|the\s+worst)\b"
    r"|\b(?:drives?|driving)\s+(?:me|us)\s+(?:mad|crazy|nuts|insane|up\s+the\s+wall)\b|\bshould\s+be\s+banned\b"
    r"|\bimo\b|\bin\s+my\s+(?:honest\s+)?opinion\b",
    re.IGNORECASE,
)
#: What a subject may be when the clause still tells of the writer's work: "my job is welding",
#: "my background is in logistics", "the welding was mostly TIG" (an activity: a word in -ing).
_WORK_SUBJECT = re.compile(
    r"(?:jobs?|work|roles?|position|post|careers?|trades?|skills?|experience|background|special(?:i|t)y|specialism"
    r"|strengths?|expertise|duties|tasks|responsibilit(?:y|ies)|qualifications?|apprenticeship|degree|certificates?"
    r"|licen[cs]es?|cv|resume|profession|occupation|field|area|focus|shifts?|candidate|applicant"
    r"|(?!(?:building|ceiling|clothing|housing|evening|morning|wedding|parking|thing|something|nothing|king|ring"
    r"|spring|string|wing|plumbing|heating|wiring|lighting|flooring)$)[\w-]+ing)$",
    re.IGNORECASE,
)
#: A clause whose subject is a thing or a place, not the writer: "the lift in our building has been
#: broken for a week", "my feed is full of woodwork videos", "the plant is moving production". Not
#: "our": "our website has to work on phones" is a firm's need. The subject's words before any
#: preposition (group 1) are read by :func:`_thing_said_of`.
_THING = re.compile(
    r"^\W*(?:(?:and|but|so|also|then|well|oh|btw|honestly|anyway|now|lol|haha|ugh|omg)\W+)*"
    r"(?:the|my|his|her|their|this|that)\s+"
    r"((?:[\w'-]+\s+){0,4}?)(?:is|are|was|were|has|have|had|keeps?|kept|wants?|wanted|went|goes|broke|died|dies"
    r"|got|gets|said|says|looks?|seems?|needs?|needed|ate|came|comes|made|makes|blew|fell|ran|stopped|started|leaks?"
    r"|leaked|took|gave|did|does|grows?)\b|^\W*(?:the|my|his|her|their|this|that)\s+((?:[\w-]+\s+){0,3}?[\w-]+)['\u2019]s\s+"
    r"(?:at|in|on|been|so|really|full|broken|dead|fried|gone)\b",
    re.IGNORECASE,
)
#: A word naming people: a subject headed by one is no thing ("my students always said ..."); not
#: the places and firms among :data:`_WORKERS` ("the council's bin collection").
_PERSON = re.compile(rf"(?!(?:garage|bank|council|helpdesk)$)(?:{_PEOPLE}|{_WORKERS})$", re.IGNORECASE)
_ADVERB = re.compile(r"(?:always|just|never|really|also|still|all|finally|now|often|usually)$", re.IGNORECASE)
_PREPOSITION = re.compile(r"^(?:in|at|on|of|for|with|from|by|near|next|behind|round|around|outside)$", re.IGNORECASE)


def _thing_said_of(clause: str) -> bool:
    """True when ``clause`` opens with a subject that is neither the writer nor their work
    (:data:`_THING`, :data:`_WORK_SUBJECT`)."""
    found = _THING.match(clause)
    if found is None:
        return False
    head: list[str] = []
    for word in (found.group(1) if found.group(1) is not None else found.group(2)).split():
        if _PREPOSITION.match(word):
            break
        head.append(word.split("'")[0])
    nouns = [word for word in head if not _ADVERB.match(word)]
    return bool(nouns) and not _PERSON.match(nouns[-1]) and not any(_WORK_SUBJECT.match(word) for word in nouns)


#: A clause that only qualifies the one before it: "..., just for the family", "..., as a hobby".
_TRAILING = re.compile(r"^\W*(?:(?:and|but|just|only|mostly|mainly|purely|all)\W+)*(?:for|as|in)\b", re.IGNORECASE)
#: A clause with a subject of its own: it does not carry on the wish or denial before it.
_OWN_SUBJECT = re.compile(
    r"^\W*(?:(?:and|but|so|also|then|now|though)\W+)*(?:i|im|ive|id|ill|we|were|weve|my|our|me)(?:['\u2019]\w+)?\b",
    re.IGNORECASE,
)
#: Where a sentence ends: the clauses of a question are looked for after it.
_SENTENCE_END = re.compile(r"[.!?\n]")


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
    return _TRAILING.match(clause) is not None and not _WRITER.search(clause)


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
        begins = max((m.end() for m in _SENTENCE_END.finditer(text, 0, mark.start())), default=0)
        openers = [a for a, b in parts if begins <= a < mark.start() and _INTERROGATIVE.match(text[a:b])]
        if openers:
            spans.append((openers[-1], mark.start()))
    return spans


def unclaimed(text: str, dislikes: bool = True) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that tell nothing the writer can do: its questions asked in
    words (:func:`questions`), what it tells of other people at work or of a course
    (:data:`_THEIRS`: "the cleaners never showed up", "the forklift course was too expensive",
    "the pharmacist explained my tablets to me"), of things (:func:`_thing_said_of`: "the lift
    has been broken for a week"), of the media ("saw a documentary about wind turbines") and
    complaints about things ("the canteen food is terrible"), its wishes and
    needs (:func:`wishes`), denials (:data:`_DENIAL`: "I've never used Excel", "not sure what to
    write") and, when ``dislikes``, dislikes (:data:`_DISLIKE`: "I hate spreadsheets"), each of
    the last three running on over the clauses after it in its sentence that open with no
    subject of their own ("I'd like to learn PLC, CNC and welding": all of it; "I'd like to
    learn PLC, I did welding": the first clause). ``dislikes=False`` for the job question: "I
    hate being a cashier" still tells the job.
    """
    theirs = [(a, b) for a, b in _told_of(text, _THEIRS, _writers) if not _served_by_writer(text[a:b])]
    spans = questions(text) + _running_on(text, theirs + _told_of(text, _THIRD_PERSON, _writers))
    spans += _holding(text, _MEDIA)
    spans += _holding(text, _COMPLAINT)
    spans += [
        (a, b)
        for a, b in _told_of(text, _THING, _writers)
        if _thing_said_of(text[a:b]) and not _served_by_writer(text[a:b])
    ]
    running: tuple[int, int] | None = None  # the wish or denial being read, as far as it goes
    for start, end in _parts(text):
        clause = text[start:end].replace("\u2019", "'")
        if wishes(text, start, end) or _DENIAL.match(clause) or (dislikes and _DISLIKE.match(clause)) or _AWAY.match(clause):
            spans += [running] if running else []
            running = (start, end)
        elif (
            running
            and not _OWN_SUBJECT.match(text[start:end])
            and not _SENTENCE_END.search(text, running[1], start)
        ):
            running = (running[0], end)
        elif running:
            spans.append(running)
            running = None
    found = list(dict.fromkeys(spans + ([running] if running else [])))  # a part two cues name, once
    return [(a, b) for a, b in found if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in found)]


def _told_of(
    text: str, subject: re.Pattern[str], writers: Callable[[str], object] = _WRITER.search
) -> list[tuple[int, int]]:
    """Ranges of the parts of ``text`` between punctuation that open with ``subject`` and that
    ``writers`` does not find the writer's ("my dad taught me to weld", "the patients I look
    after" are the writer's)."""
    parts = [(m.start(), m.end()) for m in _PART.finditer(text)]
    return [(a, b) for a, b in parts if subject.match(text[a:b]) and not writers(text[a:b])]


def _writers(part: str) -> bool:
    """True when ``part`` tells of the writer's own doing though its subject is someone or
    something else: the writer as a subject or taught (:data:`_WRITER_DOING`), as an object
    not just served ("the builder gets me in for his plastering", "the nurses rely on me"; not
    "the physio gave me stretches"), "mine", "my job" and the like ("the tills are my job"), or
    years of work ("my knees are wrecked from years of tiling floors")."""
    if _WRITER_DOING.search(part) or _MY_WORK.search(part) or _HISTORY.search(part):
        return True
    for found in _ME.finditer(part):
        before = part[: found.start()].split()
        if not before or before[-1].lower() not in _SERVICE_VERBS:
            return True
    return False


def _served_by_writer(part: str) -> bool:
    """True when ``part`` tells of people the writer serves calling on them or loving their work
    (:data:`_SERVED`): "the patients call me", "the customers love my coffee"."""
    return _SERVED.match(part) is not None and (_WRITER.search(part) or _MINE.search(part)) is not None


def _running_on(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of someone else's doing, each run on over the parts after it in its sentence that
    hold no word of the writer's: "my mates dad is a carpenter, makes gorgeous oak tables", "the
    nurse on my mum's ward was brilliant, so patient"; not "my husband is a plumber, welding is my
    trade"."""
    parts = [(m.start(), m.end()) for m in _PART.finditer(text)]
    out = []
    for start, end in spans:
        for a, b in parts:
            if a < end:
                continue
            if _SENTENCE_END.search(text, end, a) or _WRITER.search(text[a:b]) or _MINE.search(text[a:b]):
                break
            end = b
        out.append((start, end))
    return out


def _holding(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Ranges of the parts of ``text`` between punctuation in which ``pattern`` occurs."""
    return [(m.start(), m.end()) for m in _PART.finditer(text) if pattern.search(m.group())]


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


def someone_elses(text: str) -> list[tuple[int, int]]:
    """Character ranges of the parts of ``text`` between punctuation that tell of a relative's, friend's or
    colleague's work and not of the writer's, or of work the writer had done by others ("we had
    the roof fixed"): their skills are no skills of the person chatting ("my husband is a
    plumber, I do the books": only the first part)."""
    return _running_on(text, _told_of(text, _SOMEONE_ELSE)) + _holding(text, _HAD_DONE)
