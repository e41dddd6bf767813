"""What the assistant says to a worry ("am I too old?", "is there an exam? I'm dyslexic"), to a
question about the length of courses, and to a question about one of the profile form's questions
("what do you mean by skills?", "why do you need my job?", "what if I don't have one?").

Why a module of their own: such worries got the stock "I can tell you about the courses …" (QA12),
as if they were off topic. Each answer says what the catalogue records and what it does not
(docs/catalogue-format.md: no age limits, exams, accessibility or recognition of diplomas), and
who can tell: never a promise the catalogue cannot keep.
"""

from __future__ import annotations

from actions import names, texts

#: who can tell what the catalogue does not say: the partner of the course asked about, if any
WHO_GENERAL = "the training partner (its contact is on each course's card)"
WHO_OF_COURSE = "{partner}, who runs “{title}” ({contact})"
#: the cluster's office, reached through the hand-off
OFFICE = 'the cluster\'s office can help too: say "talk to a person"'
#: a job search: the assistant finds training, and no vacancies (QA13: "are any firms hiring CNC
#: operators?" at the consent question got what the consent means)
VACANCIES = (
    "I find training, not jobs: the catalogue lists courses, and no firm's vacancies, so I can't "
    'tell who is hiring. The cluster\'s office may know which member firms are: say "talk to a '
    'person". A course can help you get such a job, and I can look for one.'
)

AGE = (
    "Many people retrain later in their working life. The catalogue doesn't record age limits or "
    "entry conditions, so I can't promise there are none: {who} can tell you, and {office}. "
    "I'll suggest courses that build on what you already know."
)
EXAMS = (
    "The catalogue doesn't say whether a course ends with an exam, nor what support it offers for "
    "dyslexia or other needs (more time, spoken tests, help with reading): ask {who} before you "
    "sign up."
)
RECOGNITION = (
    "I can't tell whether a diploma from another country is accepted: the catalogue doesn't deal with "
    "recognising qualifications. The national recognition centre for foreign qualifications (the "
    "ENIC-NARIC network has one in each EU country) or the employment office can tell you how; "
    "{office}. Meanwhile, I can find courses that build on what you already know."
)
ACCESS = (
    "The catalogue doesn't record whether a course's place is accessible (step-free access, toilets, "
    "help on site), so I can't promise it: {who} can tell you — ask them before you sign up. Online "
    "courses can be done from home; I can look for them."
)
#: how long courses last, read from the catalogue in use
DURATION = (
    "Courses here last from {shortest} to {longest} hours; each card shows its hours and its dates, "
    "and I show only courses that start when you can."
)
DURATION_UNKNOWN = (
    "Each card shows how many hours its course takes and its dates, when the partner gave them."
)
#: what the catalogue says of one course's certificate (it records the EQF level only)
COURSE_CERTIFICATE = (
    "the catalogue doesn't say what certificate it leads to{level} — {partner} can tell you: {contact}"
)

# ---------------------------------------------------------------- the profile form's questions
#: what each question of the profile form asks for, why, and how to answer it (with a way out);
#: said to a question about it, and to an answer read as none of its options. Why: "what do you
#: mean by skills?" got "I can tell you about the courses …", "why do you need my job?" the whole
#: privacy notice, "what if I don't have one?" "couldn't match that to a job", and "near" at the
#: in person / online question "Sorry, I didn't understand that answer" (QA13)
ABOUT_QUESTION = {
    names.CONSENT: texts.CONSENT_EXPLAINED,
    names.OCCUPATION: (
        "Your job tells me which skills you probably have already, so I can look for courses that "
        "fill the gap to your goal instead of teaching what you know. No job right now? Tell me the "
        'last one you did (any work counts, paid or not) or what you studied, or tap "Skip this '
        'question".'
    ),
    names.SKILLS: (
        'Skills are things you can do, in your own words: machines and tools ("forklift", "TIG '
        'welding"), tasks ("reading technical drawings", "stock taking"), software ("Excel"). '
        "I use them to suggest courses that build on what you know. Nothing comes to mind? Tap "
        '"Skip this question".'
    ),
    names.SKILLS_CONFIRMED: (
        "I matched your words to skills in ESCO, the EU's list of skills, to compare them with what "
        'courses teach. Say "yes" if the list fits, "not …" to remove a skill, or "also …" to add one.'
    ),
    names.GOAL: (
        'Your goal is where you\'d like to get to: a job ("electrician") or skills to learn ("PLC '
        "programming\"). I look for courses that lead there from what you know. Don't know yet? Say "
        '"not sure" and I\'ll suggest jobs.'
    ),
    names.PLACE: texts.FAQ_TOWN,
    names.MODE: (
        "In person means classes at a training partner's place near you (I ask next how far you "
        'could travel); online means from home; blended courses mix both. Say "in person", '
        '"online" or "either".'
    ),
    names.MAX_DISTANCE: (
        'I show only courses held within that distance of your town. Say a number ("30 km"), or '
        '"any distance".'
    ),
    names.LANGUAGE: (
        'The language the course is taught in: one you can follow. Name it ("German"), several '
        '("German or English"), or say "any".'
    ),
    names.BUDGET: (
        "What you could pay yourself: many courses are free or funded (by employment services, the "
        'region or the cluster), and each card shows the cost and any funding. Say "free only", an '
        'amount ("up to 500 €") or "any price".'
    ),
    names.START: (
        'I show only courses that start once you can. Say "right away", a month ("in '
        'September") or a date ("01.03.2027").'
    ),
}
#: "near", "close to home" at the in person / online question: in person, said back
NEARBY_IN_PERSON = "In person near you, then."
