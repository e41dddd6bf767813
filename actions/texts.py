"""What the actions say, in one place, and the buttons they offer.

Fixed answers that rules trigger live in ``bot/domain/*.yml``; the texts here are the ones an
action chooses or fills in (questions of the form, echoes, errors), kept out of the domain so
that ``rasa data validate`` has no response that no rule uses. One module also makes a later
translation a single-file job.
"""

from __future__ import annotations

import json

from actions import names


def button(title: str, intent: str, **entities: str) -> dict[str, str]:
    """A Rasa button whose payload sends ``intent`` with ``entities`` (no NLU involved)."""
    payload = f"/{intent}{json.dumps(entities, separators=(',', ':'))}" if entities else f"/{intent}"
    return {"title": title, "payload": payload}


def choice(title: str, value: str) -> dict[str, str]:
    """A button answering the form's current question with ``value``."""
    return button(title, names.INTENT_INFORM, **{names.CHOICE: value})


# ---------------------------------------------------------------- robustness

EMPTY = "I didn't get any text there — could you type your answer?"
TOO_LONG = (
    "That message is too long for me to process (over 2,000 characters). "
    "Could you say it in a sentence or two?"
)
APOLOGY = (
    "Sorry, something went wrong on my side while looking that up. "
    'Please try again in a moment, or say "talk to a person".'
)

# ---------------------------------------------------------------- consent

ASK_CONSENT = (
    "Before we start: may I keep your answers so that, if you say you're interested in a course, "
    "I can pass your interest on to the training partner? If you say no, you can still browse "
    "everything — nothing will be stored."
)
CONSENT_BUTTONS = [
    button("Yes, that's fine", names.INTENT_GIVE_CONSENT),
    button("No, just browse", names.INTENT_REFUSE_CONSENT),
    button("Read the privacy notice", names.INTENT_PRIVACY),
]
CONSENT_UNCLEAR = "Sorry, I need a yes or a no here."
CONSENT_YES = 'Thank you. You can change your mind at any time by typing "forget me".'
CONSENT_NO = "No problem — nothing about you will be stored. You can still browse all offers."
FORGOTTEN = (
    "Done: I deleted {count} contact note(s) and forgot your answers. You're welcome to start again any time."
)
FORGET_FAILED = (
    'Sorry, I couldn\'t delete your contact notes just now. Please try again, or say "talk to a person".'
)

# ---------------------------------------------------------------- the profile form

ASK_OCCUPATION = 'What is your current or last job? (e.g. "welder", "warehouse worker")'
ASK_OCCUPATION_CHOICE = "Which of these is closest to your job?"
OCCUPATION_UNKNOWN = (
    "I couldn't match that to a job I know. Could you put it differently, or skip this question?"
)
OCCUPATION_NONE = "Okay, I'll go on without a job title."
ASK_SKILLS = (
    "Which skills do you have? List them in your own words, for example: "
    '"welding, reading technical drawings, forklift driving".'
)
SKILLS_UNKNOWN = (
    'I couldn\'t recognise skills in that. Try short phrases like "welding, forklift driving, Excel".'
)
ASK_SKILLS_CONFIRMED = (
    'I understood these skills:\n{skills}\nIs that right? You can also say "not {first}" or "also …".'
)
SKILLS_WHICH = "Which one is wrong? Tap it to remove it, or tell me what to add."
SKILLS_NOTHING_NEW = "I couldn't recognise a new skill in that — try another word for it."
ASK_GOAL = (
    "What's your goal? A job you'd like to do (\"CNC programmer\"), skills you want to learn "
    '("learn PLC programming") — or say "not sure" and I\'ll suggest jobs in demand here.'
)
ASK_GOAL_CHOICE = "These jobs are in demand in our cluster — does one appeal to you?"
GOAL_UNKNOWN = 'I couldn\'t match that to a job or a skill. Could you say it differently, or say "not sure"?'
GOAL_NONE = "Fine — I'll look at courses that build on your skills."
ASK_PLACE = "Where do you live? A town or a postcode is enough."
PLACE_UNKNOWN = 'I couldn\'t find "{query}" — try a nearby town or a postcode.'
ASK_PLACE_CHOICE = "Did you mean one of these?"
ASK_MODE = "Would you like to learn in person or online?"
ASK_DISTANCE = "How far could you travel to a course, in km?"
ASK_LANGUAGE = "In which language would you like to learn?"
ASK_BUDGET = "What can you spend? Many courses are free or funded."
ASK_START = 'When could you start? (e.g. "right away", "in September", "2027-03-01")'
NOT_UNDERSTOOD = "Sorry, I didn't understand that answer."

MODE_BUTTONS = [
    choice("In person", names.MODE_IN_PERSON),
    choice("Online", names.MODE_ONLINE),
    choice("Either is fine", names.ANY),
]
DISTANCE_BUTTONS = [
    choice("10 km", "10"),
    choice("25 km", "25"),
    choice("50 km", "50"),
    choice("Distance doesn't matter", names.ANY),
]
LANGUAGE_BUTTONS = [choice("English", "en"), choice("German", "de"), choice("Any language", names.ANY)]
BUDGET_BUTTONS = [choice("Free only", "0"), choice("Up to 500 €", "500"), choice("Any price", names.ANY)]
START_BUTTONS = [choice("Right away", "now"), choice("Any time", names.ANY)]
SKIP_BUTTON = button("Skip this question", names.INTENT_SKIP)
NONE_OF_THESE = button("None of these", names.INTENT_DENY)
NOT_SURE_BUTTON = button("Not sure — show jobs in demand", names.INTENT_NOT_SURE)
KEEP_OPEN = button("Keep it open", names.INTENT_SKIP)
CORRECT_BUTTON = button("Yes, that's right", names.INTENT_AFFIRM)

# ---------------------------------------------------------------- results

SEARCHING = "Here is what fits you best:"
NO_MORE = "That's all I have for this search. You can refine it or start over."
NOTHING_FITS = "I found nothing that fits all your limits: {hints}."
NOTHING_TEACHES = (
    "I found no course in the catalogue for these skills yet: {hints}. Try different goals or skills."
)
RELAX_QUESTION = "Which limit shall I relax?"
SUMMARY = '{count} course(s) shown ({first}–{last}). Ask for "more results", "only online", "closer" or "free ones", or tap a course for details.'
PROFILE_INCOMPLETE = "I need a few answers from you first."
REFINED = {
    names.INTENT_ONLY_ONLINE: "Only online courses, then.",
    names.INTENT_CLOSER: "Looking closer to you — within {km:g} km.",
    names.INTENT_ONLY_FREE: "Only free courses, then.",
}
CLOSER_NEEDS_PLACE = (
    'To look closer I need your town — tell me where you live with "start over", or try "only online".'
)
RELAXED = "Okay, I've dropped that limit."
RELAX_BUTTON_TITLES = {
    names.MAX_DISTANCE: "Any distance",
    names.BUDGET: "Any price",
    names.MODE: "In person or online",
    names.LANGUAGE: "Any language",
    names.START: "Any start date",
}
AFTER_RESULTS_BUTTONS = [
    button("More results", names.INTENT_MORE_RESULTS),
    button("Only online", names.INTENT_ONLY_ONLINE),
    button("Closer", names.INTENT_CLOSER),
    button("Free ones", names.INTENT_ONLY_FREE),
    button("Start over", names.INTENT_START_OVER),
]

# ---------------------------------------------------------------- offers

WHICH_OFFER = "Which course do you mean?"
NO_OFFER_SHOWN = "Let me find some courses for you first."
UNKNOWN_OFFER = "I can't find that course any more — it may have been removed from the catalogue."
INTEREST_SAVED = "Great choice! I've passed your interest on to {partner}. They may reply here; you can also contact them directly:\n{contact}"
INTEREST_NO_CONSENT = "Great choice! As you chose not to have data stored, I haven't passed anything on — contact {partner} directly:\n{contact}"
INTEREST_NOT_SAVED = (
    "Sorry, I couldn't save your interest just now. Please contact {partner} directly:\n{contact}"
)
NO_CONTACT = "(no contact details in the catalogue)"

# ---------------------------------------------------------------- fallback and hand-off

CLARIFY = "Sorry, I'm not sure what you mean. Did you mean one of these?"
CLARIFY_IN_FORM = "Sorry, I didn't get that. Let's go on with the questions."
SOMETHING_ELSE = button("Something else", names.INTENT_HELP)
INTENT_TITLES = {
    "greet": "Say hello",
    "start_search": "Find training for me",
    "more_results": "More results",
    "only_online": "Only online courses",
    "closer": "Courses closer to me",
    "only_free": "Free courses",
    "offer_details": "Details of a course",
    "express_interest": "I'm interested in a course",
    "start_over": "Start over",
    "privacy_notice": "Privacy notice",
    "what_stored": "What you store about me",
    "forget_me": "Forget me",
    "human_handoff": "Talk to a person",
    "help": "What can you do?",
    "continue": "Continue the questions",
    "stop": "Pause the questions",
    "relax": "Relax my limits",
    "bot_challenge": "Are you a bot?",
    "goodbye": "Goodbye",
}
DEFAULT_CLARIFY_BUTTONS = [
    button("Find training for me", names.INTENT_START_SEARCH),
    button("What can you do?", names.INTENT_HELP),
    button("Talk to a person", names.INTENT_HUMAN),
]
