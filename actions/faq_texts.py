"""What the assistant says to a worry ("am I too old?", "is there an exam? I'm dyslexic"), and to a
question about the length of courses.

Why a module of their own: such worries got the stock "I can tell you about the courses …" (QA12),
as if they were off topic. Each answer says what the catalogue records and what it does not
(docs/catalogue-format.md: no age limits, exams, accessibility or recognition of diplomas), and
who can tell: never a promise the catalogue cannot keep.
"""

from __future__ import annotations

#: who can tell what the catalogue does not say: the partner of the course asked about, if any
WHO_GENERAL = "the training partner (its contact is on each course's card)"
WHO_OF_COURSE = "{partner}, who runs “{title}” ({contact})"
#: the cluster's office, reached through the hand-off
OFFICE = 'the cluster\'s office can help too: say "talk to a person"'

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
