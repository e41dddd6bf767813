"""What the actions say, in one place, and the buttons they offer.

Fixed answers that rules trigger live in ``bot/domain/*.yml``; the texts here are the ones an
action chooses or fills in (questions of the form, echoes, errors), kept out of the domain so
that ``rasa data validate`` has no response that no rule uses. One module also makes a later
translation a single-file job.
"""

from __future__ import annotations

import json

from actions import names
from skills_catalog.needs import LIMITS


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
    "Before we start: I keep what you tell me in this chat (job, skills, goal, town, preferences) "
    "for up to 12 months, to suggest training. I don't ask for your name, e-mail or phone, so please "
    "don't type them here. May I also pass "
    "your interest on to the training partner when you say you're interested in a course? If you "
    'say no, you can still browse everything. Type "forget me" at any time to delete it all.'
)
CONSENT_BUTTONS = [
    button("Yes, that's fine", names.INTENT_GIVE_CONSENT),
    button("No, just browse", names.INTENT_REFUSE_CONSENT),
    button("Read the privacy notice", names.INTENT_PRIVACY),
]
#: "None of these" under the jobs offered: the job in other words, or a knowing skip (QA13: it went on without one)
OCCUPATION_OTHER_WORDS = (
    'Okay — then please tell me your job in your own words (what you do, and where), or tap "Skip this '
    'question" to go on without one.'
)
WELCOME = "You're welcome!"  # to thanks, with the ways on of the results shown
CONSENT_UNCLEAR = "Sorry, I need a yes or a no to this question first; the rest comes right after."
#: "what does that mean?" at the consent question: what is stored, why, how long, how to delete
CONSENT_EXPLAINED = (
    "Here is what it means. I keep what you tell me in this chat (job, skills, goal, town, "
    "preferences) to suggest training; nothing else, and no name, e-mail or phone. The question is "
    "only about one more thing: when you say you're interested in a course, may I tell its training "
    "partner that someone is interested (which course, when, and that you agreed; never who you are)? "
    "With a yes I do; with a no nobody is told, and you still see every course. Everything is kept "
    '12 months at most, and "forget me" deletes it all at once, at any time.'
)
#: the same at the firm's consent question
FIRM_CONSENT_EXPLAINED = (
    "Here is what it means. I'll ask for your company, a contact person and an e-mail address, so "
    "that the cluster's staff can contact you about this skills need; only they see them, and "
    "nothing else is done with them. They are kept while the need is open and 12 months after it is "
    'withdrawn or filled, and "forget me" deletes them at once, at any time. With a no, nothing is '
    "kept and no need is posted."
)
CONSENT_YES = 'Thank you. You can change your mind at any time by typing "forget me".'
CONSENT_NO = (
    "No problem — I won't pass anything on to anyone. You can still browse all offers; "
    'this chat is deleted after 12 months, or now if you type "forget me".'
)
CONSENT_NO_AFTER_LEADS = (
    "Okay — I won't pass anything more on. The interest you already passed on stays with {partners}: "
    'contact them to have it removed. Type "forget me" to delete what I keep here.'
)
ASK_FORGET_ME = (
    "This deletes everything I keep about you: this conversation with all you told me in it (job, "
    "skills, goal, town, preferences; a firm's company, contact name and e-mail), the notes of your "
    "interest passed on to training partners, your firm's skills needs posted here or opened here "
    "with their secret and the conversations they were posted or opened in, and your consent "
    "records. It cannot be undone. Delete everything?"
)
FORGET_ME_BUTTONS = [
    button("Yes, delete everything", names.INTENT_FORGET_ME_CONFIRM),
    button("No, keep it", names.INTENT_FORGET_ME_CANCEL),
]
NOTHING_DELETED = "Nothing was deleted."
FORGOTTEN = (
    "Done: I deleted this conversation{elsewhere} and {count} stored record(s) (contact notes, skills "
    "needs posted here or opened here with their secret, consents). "
    "Nothing of it can be retrieved. You're welcome to start again any time."
)
#: FORGOTTEN's ``elsewhere`` when "forget me" also erased the conversations the firm's needs came from
FORGOTTEN_ELSEWHERE = ", the {count} other conversation(s) in which those needs were posted or opened,"
FORGET_FAILED = (
    'Sorry, I couldn\'t delete your stored records just now. Please try again, or say "talk to a person".'
)

# ---------------------------------------------------------------- the profile form

ASK_OCCUPATION = 'What is your current or last job? (e.g. "welder", "warehouse worker")'
ASK_OCCUPATION_CHOICE = "Which of these is closest to your job?"
OCCUPATION_UNKNOWN = (
    "I couldn't match that to a job I know. Could you put it differently, or skip this question?"
)
OCCUPATION_NONE = "Okay, I'll go on without a job title."
#: a first message that says there is no job yet ("I'm a student looking for …")
NO_JOB_YET_TAKEN = "I've noted that you have no job yet."
OCCUPATION_LAST = (
    "That's fine — what was your last job? If you've never had one, or would rather not say, "
    "tap \"Skip this question\"."
)
OCCUPATION_PICK = 'Tap the job closest to yours, say "none of these", or tell me your job in other words.'
OCCUPATION_GIVEN_UP = "I'll go on without a job title for now — your skills and your goal will tell me what to look for."
OCCUPATION_SKILLS_ONLY = "I couldn't match a job title in that, so I'll go on with the skills you named."
ASK_SKILLS = (
    "Which skills do you have? List them in your own words, for example: "
    '"welding, reading technical drawings, forklift driving".'
)
SKILLS_UNKNOWN = (
    'I couldn\'t recognise skills in that. Try short phrases like "welding, forklift driving, Excel", '
    'or tap "Skip this question".'
)
SKILLS_NOTED_PICK_JOB = "Thanks, I've noted those skills. And your job — is it one of these?"
SKILLS_NOT_LISTED = "That one isn't in the list, so I've left it as it is. Which one is wrong?"
SKILL_NOT_LISTED_KEPT = "\"{said}\" isn't in the list, so nothing was removed for it."
SKILLS_NONE = "Okay, I'll go on without skills — your goal will tell me what to look for."
ASK_SKILLS_CONFIRMED = (
    'I understood these skills:\n{skills}\nIs that right? You can also say "not {first}" or "also …".'
)
SKILLS_WHICH = "Which one is wrong? Tap it to remove it, or tell me what to add."
SKILLS_NOTHING_NEW = "I couldn't recognise a new skill in that — try another word for it."
ASK_GOAL = (
    "What's your goal? A job you'd like to do (\"CNC programmer\"), skills you want to learn "
    '("learn PLC programming") — or say "not sure" and I\'ll suggest some jobs.'
)
#: said before the jobs in demand ("not sure" at the goal question, with no job or skills near them)
GOAL_IN_DEMAND = "These jobs are in demand in our cluster."
#: ... before the jobs that need most of what the person's job or skills hold (QA13: the same
#: jobs in demand for everyone)
GOAL_NEAR_JOB = (
    "These jobs are the closest to your job ({job}) by the skills they need, and our partners have "
    "courses towards them."
)
GOAL_NEAR_SKILLS = "These jobs are the closest to the skills you have, and our partners have courses towards them."
#: above every set of jobs offered as the goal: in demand, a field's or a broad title's
ASK_GOAL_CHOICE = "Does one of these appeal to you?"
CONSENT_FIRST = "I'll keep that in mind. First, a yes or a no to my question, please:"
JOB_TAKEN = "I've noted your job as {job}."
JOB_CORRECTED = "Noted: your job is {job}. Are the skills right?"
#: the job typed again at the skills confirmation: no skills read from its title
JOB_ALREADY = "{job} is the job you gave already. Are the skills right?"
#: a job corrected later in the form, and the form goes on (QA12: "didn't understand")
JOB_CHANGED = "I've changed your job to {job}."
JOB_AGAIN = "Sure, let's change your job."
#: "go back" in the form: the question before is asked again
GONE_BACK = "Sure, back to the question before."
GOAL_NOTED = "Noted as your goal: {goal}. I won't add it to the skills you have."
GOAL_TAKEN = "Your goal: {goal}."
GOAL_LATER = "I'll ask about your goal in a moment."
GOAL_UNKNOWN = 'I couldn\'t match that to a job or a skill. Could you say it differently, or say "not sure"?'
#: a request to the results ("closer", "more results") typed at the goal question, before any (QA13:
#: "I couldn't match that to a job or a skill")
GOAL_NOT_STEP = "That's something to ask once I show you courses. First I need your goal, so I know what to look for."
GOAL_NOT_LANGUAGE = 'To learn {language} itself, rather than learn in {language}, say "learn {language}".'
SKILL_NOT_LANGUAGE = 'To add {language} as a language you speak, rather than learn in {language}, say "I speak {language}".'
GOAL_NONE = "Fine — I'll look at courses that build on what you've told me."
#: a goal left open with no job and no skills: nothing to search on (QA12: "I need a few answers" for ever)
GOAL_NEEDED = (
    "With no job and no skills to start from, I need something to learn: name a job or a skill "
    "you'd like, or tap one of these."
)
ASK_PLACE = "Where do you live? A town or a postcode is enough."
PLACE_UNKNOWN = 'I couldn\'t find "{query}" — try a nearby town or a postcode.'
ASK_PLACE_CHOICE = "Did you mean one of these?"
PLACE_CHANGED = "I've changed your town to {place} ({country})."
PLACE_TAKEN = "I've taken that as {place} ({country})."
PLACE_NEEDED = "I need the name of your town (or a postcode) to find courses near you — or tap \"I'd only learn online\"."
PLACE_NOT_IN_SENTENCE = "I couldn't find the name of a town in that."
ASK_MODE = "Would you like to learn in person or online?"
ASK_DISTANCE = "How far could you travel to a course, in km?"
ASK_LANGUAGE = "In which language would you like to learn?"
ASK_BUDGET = "What can you spend? Many courses are free or funded."
#: free only, said by someone who hopes a funder pays ("i dont have money, maybe AMS pays?")
FUNDED_FREE = (
    "Free courses only, then. Many courses are funded by employment services such as the AMS: each "
    "card names its funding, and your adviser there can tell you what they would pay for."
)
ASK_START = 'When could you start? (e.g. "right away", "in September", "2027-03-01")'
NOT_UNDERSTOOD = "Sorry, I didn't understand that answer."
ALSO_NOTED = "Noted: {noted}."
#: what a preference question needs, said when an answer gave none ("not too far", "cheap", a past date)
#: not a question: the question itself follows (it had come twice, "When could you start?" after "When could you start?")
LIMIT_UNCLEAR = {
    names.MAX_DISTANCE: 'I need a rough number of km at most ("30 km"), a button, or "any distance".',
    names.BUDGET: 'I need a rough amount in euros at most ("up to 500 €"), "free only", or "any price".',
    names.START: 'I need a day still to come ("in March", "01.03.2027", "right away") or "any time".',
}
#: a travel time typed at the in person/online question: in person, and the km asked next
TRAVEL_TIME_IN_PERSON = (
    "In person, then. I can only search by distance, not by travel time: half an hour by car is "
    "often 25-40 km, an hour 50-80 km."
)
DISTANCE_BY_TIME = (
    "I can only search by distance, not by travel time. Roughly how many km is that? "
    "(An hour by car is often 50-80 km.)"
)
#: limits the catalogue records nothing about ("evenings only", "part-time", "no car")
UNRECORDED_LIMIT = (
    "I can't filter by that: the catalogue doesn't record the times of day, part-time options or "
    "how to get there by public transport. Each card gives the training partner's contact, so you "
    "can check with them."
)
CONTACT_NOT_NEEDED = (
    "I don't need your name, e-mail or phone number, and I don't pass them on to anyone. What you "
    'type stays in this chat for up to 12 months, though — type "forget me" to delete it now.'
)
PREFERENCE_CHANGED = "I've changed that: {noted}."
OTHER_LIMIT_LIFTED = "Noted: no limit there. And this one?"

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
ANY_LANGUAGE = choice("Any language", names.ANY)
LANGUAGE_BUTTONS = [choice("English", "en"), choice("German", "de"), ANY_LANGUAGE]  # with no catalogue languages
BUDGET_BUTTONS = [choice("Free only", "0"), choice("Up to 500 €", "500"), choice("Any price", names.ANY)]
START_BUTTONS = [choice("Right away", "now"), choice("Any time", names.ANY)]
SKIP_BUTTON = button("Skip this question", names.INTENT_SKIP)
NONE_OF_THESE = button("None of these", names.INTENT_DENY)
NOT_SURE_BUTTON = button("Not sure — suggest jobs", names.INTENT_NOT_SURE)
KEEP_OPEN = button("Keep it open", names.INTENT_SKIP)
CORRECT_BUTTON = button("Yes, that's right", names.INTENT_AFFIRM)

# ---------------------------------------------------------------- results

SEARCHING = "Here is what fits you best:"
WHAT_NEXT = "What would you like to do next?"  # as utter_what_next, with the results' own buttons
NO_MORE = "That's all I have for this search. You can refine it or start over."
#: "more results" when the search found no course at all (QA13: "That's all I have for this search")
NO_MORE_OF_NONE = "This search found no course, so there are no more results to show."
RELAX_QUESTION = "Which limit shall I relax?"
SUMMARY = "{count} courses shown ({first}–{last})."
SUMMARY_ONE = "1 course shown (number {first})."
#: the next steps the summary names: only those that would change something (as its buttons)
SUMMARY_ASK = "Ask for {steps}, or tap a course for details."
SUMMARY_TAP = "Tap a course for details."
STEP_WORDS = {
    names.INTENT_MORE_RESULTS: '"more results"',
    names.INTENT_ONLY_ONLINE: '"only online"',
    names.INTENT_CLOSER: '"closer"',
    names.INTENT_ONLY_FREE: '"free ones"',
}
#: a free-only search leaves out what is free for some people only (QA8 L13)
FREE_ONLY_NOTE = (
    "Free means free for everyone: courses free only for member firms' staff, or part-funded, are "
    'left out ("any price" shows them).'
)
PROFILE_INCOMPLETE = "I need a few answers from you first."
REFINED = {
    names.INTENT_ONLY_ONLINE: "Only online courses, then.",
    names.INTENT_CLOSER: "Looking closer to you — within {km:g} km.",
    names.INTENT_ONLY_FREE: "Only free courses, then.",
}
CLOSER_NEEDS_PLACE = (
    'To look closer I need your town — tell me where you live with "start over", or try "only online".'
)
CLOSER_ONLINE = (
    "You asked for online courses only, so distance changes nothing. To see courses held near you "
    'too, tap "In person too".'
)
CLOSER_AT_FLOOR = "These are the closest I have — within {km:g} km of you."
RELAXED = "Okay, I've dropped that limit."
RELAXED_SEVERAL = "Okay, I've dropped those limits."  # "any distance and any price"
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
COMPARE_BEST = "Of the courses shown, the {best} {verb} {named}: {value}."
COMPARE_NONE_FREE = "None of the courses shown is free."
COMPARE_UNKNOWN = "Not counted: {numbers} (no {what} given)."
COMPARE_NONE_GIVES = "None of the courses shown gives a {what}, so I can't compare them on that."
COMPARE_NO_DISTANCE = "I can't compare distances here: the courses shown are online, or I don't know your town."
COMPARE_WHICH = "The courses are listed best match first. Compare them by what?"
COMPARE_BUTTONS = [
    button("Cheapest", names.INTENT_COMPARE, **{names.CHOICE: "cost"}),
    button("Nearest", names.INTENT_COMPARE, **{names.CHOICE: "distance"}),
    button("Soonest to start", names.INTENT_COMPARE, **{names.CHOICE: "start"}),
    button("Shortest", names.INTENT_COMPARE, **{names.CHOICE: "duration"}),
]
GOAL_CHANGED = "I've changed your goal to {goal}."
UNKNOWN_OFFER = "I can't find that course any more — it may have been removed from the catalogue."
#: partners get no name or contact details and cannot write into this chat (QA8 D8: "They may reply here")
INTEREST_SAVED = (
    "Great choice! I've told {partner} that someone is interested in this course. They get no name or "
    "contact details from me and can't reply in this chat, so please contact them directly:\n{contact}"
)
INTEREST_SAVED_BEFORE = (
    "You told me already: {partner} knows of your interest in this course. They can't reply in this chat, "
    "so please contact them directly:\n{contact}"
)
INTEREST_NO_CONSENT = (  # consent was to passing the interest on; the chat itself is kept either way
    "Great choice! As you chose not to have your interest passed on, I haven't told anyone — "
    "contact {partner} directly:\n{contact}"
)
INTEREST_NOT_SAVED = (
    "Sorry, I couldn't save your interest just now. Please contact {partner} directly:\n{contact}"
)

# ---------------------------------------------------------------- fallback and hand-off

CLARIFY = "Sorry, I'm not sure what you mean. Did you mean one of these?"
#: "only English", said in the language a message was written in (QA6: Spanish got the German)
_ENGLISH_ONLY_IN = {
    "de": "Ich kann leider nur auf Englisch antworten.",
    "es": "Por ahora solo puedo responder en inglés.",
    "fr": "Pour l'instant, je ne peux répondre qu'en anglais.",
    "it": "Per ora posso rispondere solo in inglese.",
}


def english_only(language: str | None) -> str:
    """ "Sorry, I can only chat in English for now." with its translation into ``language``."""
    said = _ENGLISH_ONLY_IN.get(language or "")
    return "Sorry, I can only chat in English for now." + (f" ({said})" if said else "")


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

# ================================================================ firms

FIRM_START_BUTTON = button("I'm an employer — post a skills need", names.INTENT_FIRM_START)
ASK_FIRM_CONSENT = (
    "Welcome! I'll take your firm's skills need in a few questions. I'll ask for a contact "
    "person and e-mail so that the cluster team can contact you about this need — only the "
    "cluster's staff see them, and nothing else is done with them. We keep the need and the "
    "contact details while the need is open and 12 months after it is withdrawn or filled; "
    "\"forget me\" deletes them at once. Is that okay?"
)
FIRM_CONSENT_BUTTONS = [button("Yes, go ahead", names.INTENT_AFFIRM), button("No", names.INTENT_DENY)]
FIRM_NEED_KEPT = "Thanks — I've kept that need and will go through it with you in a moment. First:"
KIND_ONE_PER_NEED = (
    "I record one kind per need: pick the main one here; once it is saved, tap \"Post another "
    "need\" for the other."
)
ROLE_ONE_PER_NEED = (
    "I note one role per need, so I've kept \"{kept}\"; once it is saved, tap \"Post another "
    "need\" for \"{other}\"."
)
NAME_UNCLEAR = 'Just the name of the person to contact, please — for example "Maria Huber".'
COMPANY_UNCLEAR = 'Just the name of your company, please — for example "Huber Metalltechnik GmbH".'
#: a question at the company's question ("can we stay anonymous?" was stored as the name)
COMPANY_WHY = (
    "The need is posted under your company's name so the cluster team knows whom to contact; only "
    "the cluster's staff see it, training partners don't."
)
FIRM_CONSENT_NO = (
    "Understood — without contact details we can't post a need. You can still browse the "
    "catalogue, or write to the cluster team directly."
)
ASK_COMPANY = "What is the name of your company?"
ASK_FIRM_TOWN = "In which town is the work (or your site)? A town or postcode is enough."
ASK_FIRM_TOWN_CHOICE = "Did you mean one of these?"
FIRM_TOWN_NEEDED = "I need the town of the work or your site (or its postcode), to find training partners near it."
ASK_ECOSYSTEM = "Which industrial ecosystem is your firm in?"
ECOSYSTEM_TITLES = {
    "aerospace_defence": "Aerospace & defence",
    "agri_food": "Agri-food",
    "construction": "Construction",
    "cultural_creative": "Cultural & creative",
    "digital": "Digital",
    "electronics": "Electronics",
    "energy_intensive": "Energy-intensive industries",
    "renewable_energy": "Renewable energy",
    "health": "Health",
    "mobility_transport_automotive": "Mobility, transport & automotive",
    "proximity_social_economy": "Proximity & social economy",
    "retail": "Retail",
    "textiles": "Textiles",
    "tourism": "Tourism",
}
ECOSYSTEM_UNKNOWN = 'Please pick one of the ecosystems from the list, or "Not sure / other" to go on without one.'
ECOSYSTEM_WHICH = "That could be {titles}."
ASK_ECOSYSTEM_CHOICE = "Which one is closest to your firm's main business?"
ECOSYSTEM_OTHER = "Another one…"
ASK_COMPANY_SIZE = "How big is your firm?"
SIZE_BUTTONS = [
    choice("Micro (< 10 staff)", "micro"),
    choice("Small (10–49)", "small"),
    choice("Medium (50–249)", "medium"),
    choice("Large (250+)", "large"),
]
ASK_CONTACT_NAME = "Who should the cluster contact about this need? (a name)"
ASK_CONTACT_EMAIL = "And their e-mail address?"
EMAIL_INVALID = "That doesn't look like an e-mail address — something like name@firm.eu, please."
ASK_NEED_SKILLS = (
    "What do you need? Name the skills (\"welding, PLC programming\") or a role (\"CNC operator\")."
)
NEED_SKILLS_UNKNOWN = (
    "I couldn't match that to skills or a role I know. Try short phrases like \"welding\" or "
    "\"solar panel installer\"."
)
ASK_NEED_SKILLS_CONFIRMED = (
    "I understood:\n{skills}\nIs that right? You can also say \"not {first}\" or \"also …\"."
)
ROLE_LINE = "• role: {label}"
ASK_NEED_PEOPLE = "How many people?"
PEOPLE_INVALID = f"Please give a whole number of people from 1 to {LIMITS.people:,}, e.g. 4."
ASK_NEED_KIND = "Are these new hires, or upskilling of your current staff?"
KIND_BUTTONS = [
    choice("New hires", names.KIND_NEW_HIRES),
    choice("Upskilling current staff", names.KIND_UPSKILLING),
]
ASK_NEED_BY_WHEN = "By when do you need them? (e.g. \"in March\", \"2027-03-01\")"
BY_WHEN_BUTTONS = [choice("As soon as possible", "now"), choice("No deadline", names.ANY)]
ASK_NEED_MODE = "Which kind of training suits these people?"
NEED_MODE_BUTTONS = [
    choice("In person", names.MODE_IN_PERSON),
    choice("Online", names.MODE_ONLINE),
    choice("Blended", names.MODE_BLENDED),
    choice("Any", names.ANY),
]
FIRM_SUMMARY = (
    "Please check your need:\n"
    "• Company: {company} ({size}, {ecosystem}), {town}\n"
    "• Contact: {contact_name}, {contact_email}\n"
    "• Needs: {skills}\n"
    "• People: {people} ({kind}), {by_when}, training: {mode}"
)
FIRM_SUMMARY_BUTTONS = [
    button("Save", names.INTENT_FIRM_SAVE),
    button("Change", names.INTENT_FIRM_CHANGE),
    button("Cancel", names.INTENT_FIRM_CANCEL),
]
FIRM_WHICH_CHANGE = "What would you like to change?"
FIRM_FIELD_TITLES = {
    names.COMPANY: "Company",
    names.FIRM_TOWN: "Town",
    names.ECOSYSTEM: "Ecosystem",
    names.COMPANY_SIZE: "Size",
    names.CONTACT_NAME: "Contact person",
    names.CONTACT_EMAIL: "E-mail",
    names.NEED_SKILLS: "Skills / role",
    names.NEED_PEOPLE: "Number of people",
    names.NEED_KIND: "New hires / upskilling",
    names.NEED_BY_WHEN: "By when",
    names.NEED_MODE: "Training mode",
}
FIRM_SAVE_OR_CHANGE = "Please tap Save, Change or Cancel."
FIRM_SAVED = (
    "Saved! Your reference is {reference} and your secret is {secret} — keep this secret: you "
    "need it to view, change or withdraw the need. {staff}"
)
FIRM_SAVED_STAFF_TOLD = "The cluster team has been told."
FIRM_SAVED_STAFF_LATER = "The cluster team will be told as soon as our messaging is back."
FIRM_ALREADY_SAVED = "This need is already saved under reference {reference} (the secret was shown then)."
FIRM_NOT_SAVED = (
    "Sorry, we could not save it right now. Nothing was lost from your answers — try again in a moment."
)
FIRM_RETRY_BUTTON = button("Try again", names.INTENT_FIRM_SAVE)
FIRM_INVALID = "Something in your answers doesn't fit ({field}); let's fix it."
FIRM_CANCELLED_TEXT = "Okay, I've cancelled it — nothing was saved."
FIRM_NOTHING_TO_SAVE = "There's no need to save yet — tap \"I'm an employer\" to post one."
FIRM_MATCHES = "Training that could cover this need:"
FIRM_MATCHES_FAR = "No course within {km:g} km covers this need; the best beyond it, nearest first:"
FIRM_PARTNERS = "Training partners who teach these skills:\n{partners}"
FIRM_PARTNERS_FAR = "No training partner within {km:g} km teaches these skills; the nearest who do:\n{{partners}}"
FIRM_NO_MATCHES = "No offer in the catalogue covers this yet; the cluster team will look for partners."
#: no course covers the need, and partners teach some of its skills (listed after it)
FIRM_NO_COURSE = "No course in the catalogue covers this need yet; the cluster team will look for one."
FIRM_AFTER_SAVE_BUTTONS = [
    button("Post another need", names.INTENT_FIRM_START),
    button("View / change a need", names.INTENT_FIRM_MANAGE),
]
ASK_MANAGE_REFERENCE = "What is the reference of your need? (like N-7K3QX)"
ASK_MANAGE_SECRET = "And the secret you got when you saved it?"
MANAGE_REFUSED = "That reference and secret don't match a need I can show. Please check both and try again."
MANAGE_CLOSED = "This need was withdrawn and can no longer change."
ASK_MANAGE_ACTION = "What would you like to do?"
MANAGE_BUTTONS = [
    choice("Change number of people", names.MANAGE_PEOPLE),
    choice("Change by when", names.MANAGE_BY_WHEN),
    choice("Change training mode", names.MANAGE_MODE),
    choice("Withdraw the need", names.MANAGE_WITHDRAW),
    choice("Nothing, thanks", names.MANAGE_DONE),
]
ASK_MANAGE_WITHDRAW = "Withdraw the need for good? It can't be reopened."
WITHDRAW_BUTTONS = [button("Yes, withdraw it", names.INTENT_AFFIRM), button("No, keep it", names.INTENT_DENY)]
MANAGE_WITHDRAWN = "Need {reference} is withdrawn. Thank you for letting us know."
MANAGE_UNCHANGED = "Okay, nothing changed."
#: asked again after a change was applied: a follow-up ("and make it online too") had left the form
ASK_MANAGE_MORE = "Anything else to change in this need?"
#: a field the manage form cannot change ("change the company name to …"): it had got "didn't understand"
MANAGE_OTHER_FIELDS = (
    "Here I can change the number of people, the date or the training mode, or withdraw the need. "
    "For anything else (company, contact, skills), withdraw it and post the need again, or ask the "
    "cluster team."
)
MANAGE_NEXT = "Anything else I can do for your firm?"
MANAGE_FAILED = "Sorry, I couldn't change it right now — nothing was changed. Please try again later."
MANAGE_LOST_SECRET = (
    "I've told the cluster team that the secret of {reference} is lost. They will check with the "
    "contact person saved with that need that it is your firm's, and send that person a new "
    "secret. I can't send the old one: it is kept only in a form nobody can read back."
)
LOST_SECRET_ALERT = "Need {reference}: someone in the chat (conversation {sender}) says they lost its secret. {stored}"
LOST_SECRET_STORED = (
    "Check with the need's contact (\"need {reference}\"), then say \"new secret for {reference}\" "
    "and send the new one to that contact only."
)
LOST_SECRET_UNKNOWN = "No need has this reference."
MANAGE_LOST_REFERENCE = (
    "Without the reference I can't find the need here. The cluster team can find it by your firm's "
    "name: please contact the cluster office (its details are on this website)."
)
NO_DEADLINE = "no deadline"
ASAP = "as soon as possible"  # a need's deadline of the day it was said ("asap" read "by 2026-12-07")
BY_DATE = "by {date}"  # a need's deadline in the templates' "{by_when}" ("by no deadline" read oddly)
ANY_MODE = "any"

# ================================================================ staff

STAFF_ONLY = (
    "Sorry, that's only for cluster staff on the staff channels. I can help you find training, "
    "or post your firm's skills need."
)
HANDOFF_ALERT = "A person in the chat (conversation {sender}) asked to talk to someone from the cluster team."
NEED_ALERT = (
    "New firm need {reference}: {people} × {wanted} ({kind}) · {firm} in {town} · "
    "{by_when}. Say \"need {reference}\" for details."
)
#: staff were told of a new need, so of its withdrawal too (no contact details)
NEED_WITHDRAWN_ALERT = "Need {reference} was withdrawn by its firm ({people} × {wanted}, {town})."
#: a limit set in words once results were sought, said back ("Okay, searching again — online.")
SEARCHING_AGAIN = "Okay, searching again — {limits}."
#: ... when it turns an online search to in person: how far one could travel was never asked (QA13:
#: "actually in person is better" showed courses 542 km away)
REACH_UNASKED = "Okay — {limits}. As you had chosen online, I haven't asked how far you could travel yet."
#: "What would you like to change?" answered with no field the firm form knows
FIRM_FIELD_UNCLEAR = 'Which answer would you like to change? Tap it, or name it ("the skills", "the town").'
#: an answer to "What is the reference of your need?" that holds none: the manage form ends there
MANAGE_NO_REFERENCE = (
    "That doesn't look like a need's reference (they look like N-7K3QX), so I've stopped here — "
    "nothing was shown or changed. Say \"view my need\" to try again."
)

# ---------------------------------------------------------------- questions about courses and words (faq.py)

FAQ_ESCO = (
    "ESCO is the European Union's classification of skills and occupations. I map what you tell "
    "me onto it, so your experience, your goal and the courses of all our training partners are "
    "compared in the same words."
)
FAQ_EQF = (
    "EQF is the European Qualifications Framework: levels 1 to 8, from basic skills (1-2) to skilled "
    "work (3-4), technician and bachelor level (5-6) and beyond. A card's EQF level tells how "
    "advanced its course is."
)
FAQ_PACT = (
    "The Pact for Skills is the EU's call to firms, training centres and regions to upskill and "
    "reskill people together. Courses of a Pact partnership say so on their card."
)
FAQ_TOWN = (
    "Your town lets me find courses you can reach and say how far each is; I keep only the town, "
    'never an address. If you\'d rather not say, tap "I\'d only learn online".'
)
FAQ_LANGUAGES = "Our partners' courses are taught in {languages}. Tell me which you can follow, or \"any\"."
FAQ_COST = (
    "It depends on the course: many are free or funded (by employment services, the region or "
    "the cluster), others cost up to a few thousand euros. Each card shows the cost and any "
    'funding, and when I ask you can say "free only" or what you can spend.'
)
FAQ_START = (
    "Courses start on set dates, and some any time. I ask when you could start and show only "
    "courses that fit; each card shows its dates."
)
FAQ_CERTIFICATE = (
    "That depends on the course and the partner; the course page (the link on its card) says what "
    "you get at the end. The EQF level on a card tells how advanced it is."
)
FAQ_MODE = (
    "In person means a classroom or workshop at the partner's place; online means from home; "
    "blended mixes both. Courses in person are the ones I measure the distance to."
)
FAQ_SCHEDULE = (
    "The catalogue doesn't say at what time of day courses run, or whether they can be done part-time "
    "or in the evenings: the partner can tell you — each card has its contact."
)
FAQ_THIS_COURSE = "{title}: {facts}."
#: a card asked about that is not shown ("is the second one free?" under one card)
ONE_CARD_SHOWN = "There's only one course shown (number {number})."
CARDS_SHOWN = "Only {count} courses are shown (numbers {first}–{last})."
#: a question about a course's time of day or part-time: the catalogue has no such field
COURSE_SCHEDULE = (
    "the catalogue doesn't say at what time of day it runs or whether it can be done part-time — "
    "{partner} can tell you: {contact}"
)
FAQ_GENERAL = (
    "I can tell you about the courses (cost, funding, languages, dates, EQF levels) and the words I "
    'use (ESCO, the Pact for Skills). For anything else, say "talk to a person".'
)

# ---------------------------------------------------------------- goals and jobs too broad to take
#: a goal naming a field of work ("something with computers"), before the jobs its courses prepare for
GOAL_FIELD = (
    "That covers many jobs. Our partners' courses in that field prepare for these — or name a "
    "skill you'd like to learn."
)
GOAL_FIELD_NONE = (
    "Our partners have no courses in that field that prepare for a particular job. Could you name "
    'a job or a skill you\'d like, or say "not sure" to see the jobs in demand here?'
)
#: a job or goal typed as a title many jobs share ("machine operator", "an engineer"), before them
TITLE_BROAD = '"{title}" can mean many different jobs — tap the closest, or tell me a bit more about it.'
#: a goal said vaguely ("something creative"), before the jobs it was read as
GOAL_VAGUE = "That could be several jobs — is one of these it? If not, name a job or a skill you'd like to learn."
