"""Every slot, entity, intent, response, form and action name the actions use, defined once.

The domain files under ``bot/domain/`` use the same strings; ``tests/test_actions/test_meta.py``
checks both ways (every name here exists in the domain, no action module spells a name as a bare
string), so a rename is one edit here plus one in the YAML.
"""

from __future__ import annotations

# ---------------------------------------------------------------- slots

REQUESTED_SLOT = "requested_slot"
CONSENT = "consent_given"  # True / False / None (not asked yet)
CONSENT_TIME = "consent_time"  # ISO timestamp (UTC) of the answer
OCCUPATION = "occupation"  # ESCO occupation URI, or NOT_GIVEN
OCCUPATION_LABEL = "occupation_label"
OCCUPATION_OPTIONS = "occupation_options"  # [{"uri", "label"}] offered as buttons
SKILLS = "skills"  # confirmed (once SKILLS_CONFIRMED) ESCO skill URIs
SKILL_LABELS = "skill_labels"  # {uri: label} for echoing skills back
SKILLS_CONFIRMED = "skills_confirmed"
GOAL = "goal"  # a short summary: the target's label, "skills" or NOT_GIVEN
GOAL_OPTIONS = "goal_options"  # [{"uri", "label"}] in-demand occupations offered as buttons
TARGET = "target"  # ESCO occupation URI aimed for
TARGET_LABEL = "target_label"
WANTED_SKILLS = "wanted_skills"  # ESCO skill URIs the person wants to learn
PLACE = "place"  # resolved place name, or NOT_GIVEN
PLACE_SUGGESTIONS = "place_suggestions"  # names offered after an unknown place
LATITUDE = "latitude"
LONGITUDE = "longitude"
MODE = "mode"  # one of MODE_CHOICES
MAX_DISTANCE = "max_distance_km"  # float or ANY
LANGUAGE = "language"  # ISO 639-1 code or ANY
BUDGET = "max_cost_eur"  # float (0 = free only) or ANY
START = "available_from"  # ISO date or ANY
OFFSET = "results_offset"
SHOWN_OFFERS = "shown_offers"  # [{"offer_id", "title"}] of the last result page
OFFER_ID = "offer_id"
HANDOFF = "handoff_requested"

PROFILE_SLOTS = (
    OCCUPATION,
    OCCUPATION_LABEL,
    OCCUPATION_OPTIONS,
    SKILLS,
    SKILL_LABELS,
    SKILLS_CONFIRMED,
    GOAL,
    GOAL_OPTIONS,
    TARGET,
    TARGET_LABEL,
    WANTED_SKILLS,
    PLACE,
    PLACE_SUGGESTIONS,
    LATITUDE,
    LONGITUDE,
    MODE,
    MAX_DISTANCE,
    LANGUAGE,
    BUDGET,
    START,
    OFFSET,
    SHOWN_OFFERS,
    OFFER_ID,
)

# ---------------------------------------------------------------- slot values

ANY = "any"
NOT_GIVEN = "none"
MODE_IN_PERSON = "in_person"
MODE_ONLINE = "online"
MODE_CHOICES = (MODE_IN_PERSON, MODE_ONLINE, ANY)
GOAL_SKILLS = "skills"
CONSENT_PURPOSE = "share_interest_with_training_partner"

# ---------------------------------------------------------------- entities

CHOICE = "choice"  # the value a button carries: a URI, a place, a mode, a limit
OFFER_ENTITY = "offer_id"

# ---------------------------------------------------------------- intents

INTENT_AFFIRM = "affirm"
INTENT_DENY = "deny"
INTENT_SKIP = "skip"
INTENT_NOT_SURE = "not_sure"
INTENT_ADD_SKILL = "add_skill"
INTENT_REMOVE_SKILL = "remove_skill"
INTENT_GIVE_CONSENT = "give_consent"
INTENT_REFUSE_CONSENT = "refuse_consent"
INTENT_ONLY_ONLINE = "only_online"
INTENT_CLOSER = "closer"
INTENT_ONLY_FREE = "only_free"
INTENT_INFORM = "inform"
INTENT_MORE_RESULTS = "more_results"
INTENT_OFFER_DETAILS = "offer_details"
INTENT_EXPRESS_INTEREST = "express_interest"
INTENT_RELAX = "relax"
INTENT_START_SEARCH = "start_search"
INTENT_START_OVER = "start_over"
INTENT_PRIVACY = "privacy_notice"
INTENT_HUMAN = "human_handoff"
INTENT_HELP = "help"

# ---------------------------------------------------------------- responses (domain)

UTTER_WHAT_NEXT = "utter_what_next"
UTTER_CONTINUE = "utter_continue"

# ---------------------------------------------------------------- forms and actions

PROFILE_FORM = "profile_form"
VALIDATE_PROFILE_FORM = "validate_profile_form"
ACTION_ASK_OCCUPATION = "action_ask_occupation"
ACTION_ASK_SKILLS_CONFIRMED = "action_ask_skills_confirmed"
ACTION_ASK_GOAL = "action_ask_goal"
ACTION_ASK_PLACE = "action_ask_place"
ACTION_RECORD_CONSENT = "action_record_consent"
ACTION_FORGET_ME = "action_forget_me"
ACTION_RECOMMEND = "action_recommend"
ACTION_MORE_RESULTS = "action_more_results"
ACTION_REFINE = "action_refine_search"
ACTION_RELAX = "action_relax_limit"
ACTION_OFFER_DETAILS = "action_offer_details"
ACTION_EXPRESS_INTEREST = "action_express_interest"
ACTION_START_OVER = "action_start_over"
ACTION_CLARIFY = "action_clarify"
ACTION_HUMAN_HANDOFF = "action_human_handoff"
