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
OCCUPATION_UNCLEAR = "occupation_unclear"  # answers to the jobs offered that picked none
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
KM_BEFORE_ANY = "km_before_any"  # the travel limit "any distance" lifted: "closer" starts from it
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
    OCCUPATION_UNCLEAR,
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
OTHER = "other"  # "another one…": none of the choices offered
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
INTENT_FALLBACK = "nlu_fallback"  # low confidence, or set by actions.nlu_guard
INTENT_DENY = "deny"
INTENT_SKIP = "skip"
INTENT_FAQ = "faq"
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
INTENT_AFTER_INTEREST = "after_interest"  # "what happens now? will they call me?"
INTENT_COMPARE = "compare_results"  # "which one is the cheapest?" of the cards shown
INTENT_RELAX = "relax"
INTENT_START_SEARCH = "start_search"
INTENT_START_OVER = "start_over"
INTENT_PRIVACY = "privacy_notice"
INTENT_CONTINUE = "continue"
INTENT_FORGET_ME = "forget_me"
INTENT_FORGET_ME_CONFIRM = "forget_me_confirm"  # the button under the "delete everything?" question
INTENT_FORGET_ME_CANCEL = "forget_me_cancel"
INTENT_HUMAN = "human_handoff"
INTENT_HELP = "help"

# ---------------------------------------------------------------- responses (domain)

UTTER_WHAT_NEXT = "utter_what_next"
UTTER_HELP = "utter_help"
UTTER_GREET = "utter_greet"
GREETED = "greeted"  # the greeting and its consent question were given
UTTER_CONTINUE = "utter_continue"

# ---------------------------------------------------------------- forms and actions

PROFILE_FORM = "profile_form"
VALIDATE_PROFILE_FORM = "validate_profile_form"
ACTION_ASK_OCCUPATION = "action_ask_occupation"
ACTION_ASK_SKILLS_CONFIRMED = "action_ask_skills_confirmed"
ACTION_ASK_GOAL = "action_ask_goal"
ACTION_ASK_PLACE = "action_ask_place"
ACTION_RECORD_CONSENT = "action_record_consent"
ACTION_ASK_FORGET_ME = "action_ask_forget_me"  # "forget me" asks first; only a yes runs ACTION_FORGET_ME
ACTION_FORGET_ME = "action_forget_me"  # connectors/tracker_store.py erases the conversation on it
ACTION_KEEP_DATA = "action_keep_data"  # the answer "no" to that question
WIDGET_CHANNEL = "socketio"  # the input channel of the website widget
PAYLOAD_CONVERSATION_ERASED = "conversation_erased"  # custom payload: the widget drops its copy
ACTION_WHAT_STORED = "action_what_stored"
ACTION_RECOMMEND = "action_recommend"
ACTION_MORE_RESULTS = "action_more_results"
ACTION_THANK = "action_thank"
ACTION_REFINE = "action_refine_search"
ACTION_RELAX = "action_relax_limit"
ACTION_FREE_TEXT = "action_free_text"
ACTION_FIRM_FREE_TEXT = "action_firm_free_text"
ACTION_FIRM_OFFERS = "action_firm_offers"
ACTION_FAQ = "action_answer_faq"
ACTION_OFFER_DETAILS = "action_offer_details"
ACTION_EXPRESS_INTEREST = "action_express_interest"
ACTION_AFTER_INTEREST = "action_after_interest"
ACTION_COMPARE = "action_compare_results"
ACTION_START_OVER = "action_start_over"
ACTION_CLARIFY = "action_clarify"
ACTION_HUMAN_HANDOFF = "action_human_handoff"

# ================================================================ firms (firm_*.py)

FIRM_CONSENT = "firm_consent"  # True / False: may we keep the contact details for this need
FIRM_CONSENT_TIME = "firm_consent_time"
COMPANY = "company"
FIRM_TOWN = "firm_town"  # resolved place name
FIRM_COUNTRY = "firm_country"
FIRM_LATITUDE = "firm_latitude"
FIRM_LONGITUDE = "firm_longitude"
FIRM_TOWN_SUGGESTIONS = "firm_town_suggestions"
ECOSYSTEM_CHOICES = "ecosystem_choices"  # the keys a firm's words named, when more than one
ECOSYSTEM = "ecosystem"  # one of skills_catalog.models.ECOSYSTEMS
COMPANY_SIZE = "company_size"  # micro / small / medium / large
CONTACT_NAME = "contact_name"
CONTACT_EMAIL = "contact_email"
NEED_SKILLS = "need_skills"  # ESCO skill URIs ("" + label never happens: only recognised ones)
NEED_SKILL_LABELS = "need_skill_labels"  # {uri: label}
NEED_OCCUPATION = "need_occupation"  # {"uri", "label"} when the firm named a role
NEED_SKILLS_CONFIRMED = "need_skills_confirmed"
NEED_SKILLS_BEFORE = "need_skills_before"  # the need's skill slots while "Skills / role" is changed
NEED_PEOPLE = "need_people"  # int
NEED_KIND = "need_kind"  # new_hires / upskilling
NEED_BY_WHEN = "need_by_when"  # ISO date, or ANY
NEED_MODE = "need_mode"  # in_person / online / blended, or ANY
FIRM_CONFIRMED = "firm_confirmed"  # True (save), FIRM_CANCELLED, None (asking / changing)
FIRM_CHANGING = "firm_changing"  # True while the summary offers the fields to change
NEED_REFERENCE = "need_reference"  # the reference of the need saved last in this conversation
FIRM_SIDE = "firm_side"  # the conversation is a firm's: a firm form ran (rules/firm.yml route on it)
FIRM_REACH_KM = "firm_reach_km"  # how far "closer" narrowed the courses for the firm's saved need
#: the answers (button payloads) to the question the bot asked a staff member last (withdraw a need,
#: mark it filled): a bare "yes" or "no" right after picks among them (the action server is sent
#: no event before the latest message)
STAFF_ASKED = "staff_asked"
NEED_SECRET = "need_secret"  # the secret of the need saved in this chat: a change right after saving needs no asking
FIRM_SECRET_LOST_OF = "firm_secret_lost_of"  # the reference whose secret the firm lost ("what happens now?")

NEED_SLOTS = (
    NEED_SKILLS, NEED_SKILL_LABELS, NEED_OCCUPATION, NEED_SKILLS_CONFIRMED, NEED_PEOPLE, NEED_KIND,
    NEED_BY_WHEN, NEED_MODE, FIRM_CONFIRMED, FIRM_CHANGING, NEED_SKILLS_BEFORE,
)  # fmt: skip
#: summary fields a firm may change before saving: the slot that is asked again
FIRM_CHANGEABLE = (
    COMPANY, FIRM_TOWN, ECOSYSTEM, COMPANY_SIZE, CONTACT_NAME, CONTACT_EMAIL, NEED_SKILLS,
    NEED_PEOPLE, NEED_KIND, NEED_BY_WHEN, NEED_MODE,
)  # fmt: skip

MANAGE_REFERENCE = "manage_reference"
MANAGE_SECRET = "manage_secret"
SECRET_LOST = "lost"  # manage_secret while the reference is asked of a firm that said it lost the secret
MANAGE_ACTION = "manage_action"  # one of MANAGE_ACTIONS
MANAGE_VALUE = "manage_value"  # the new value of the field chosen, or True to confirm withdrawing
MANAGE_CHANGED = "manage_changed"  # True once a change was applied in this manage form
MANAGE_SLOTS = (MANAGE_REFERENCE, MANAGE_SECRET, MANAGE_ACTION, MANAGE_VALUE, MANAGE_CHANGED)

FIRM_CANCELLED = "cancelled"
KIND_NEW_HIRES = "new_hires"
KIND_UPSKILLING = "upskilling"
MODE_BLENDED = "blended"
SIZES = ("micro", "small", "medium", "large")
MANAGE_PEOPLE = "people"
MANAGE_BY_WHEN = "by_when"
MANAGE_MODE = "mode"
MANAGE_WITHDRAW = "withdraw"
MANAGE_DONE = "done"
MANAGE_ACTIONS = (MANAGE_PEOPLE, MANAGE_BY_WHEN, MANAGE_MODE, MANAGE_WITHDRAW, MANAGE_DONE)
FIRM_CONSENT_PURPOSE = "contact_about_skills_need_by_cluster_and_training_partners"

INTENT_FIRM_START = "firm_start"
INTENT_FIRM_MANAGE = "firm_manage"
INTENT_FIRM_SAVE = "firm_save"
INTENT_FIRM_CHANGE = "firm_change"
INTENT_FIRM_CANCEL = "firm_cancel"

FIRM_NEED_FORM = "firm_need_form"
VALIDATE_FIRM_NEED_FORM = "validate_firm_need_form"
FIRM_MANAGE_FORM = "firm_manage_form"
VALIDATE_FIRM_MANAGE_FORM = "validate_firm_manage_form"
ACTION_FIRM_SUBMIT = "action_firm_submit"
ACTION_FIRM_MANAGE_APPLY = "action_firm_manage_apply"

# ================================================================ staff (staff_*.py)

INTENT_STAFF_NEW_NEEDS = "staff_new_needs"
INTENT_STAFF_SHOW_NEED = "staff_show_need"
INTENT_STAFF_NEW_SECRET = "staff_new_secret"
INTENT_STAFF_REPORT = "staff_report"
INTENT_STAFF_UNMET = "staff_unmet_needs"
INTENT_STAFF_SEARCH = "staff_search"
INTENT_STAFF_EXPORT = "staff_export"
INTENT_STAFF_HELP = "staff_help"
INTENT_STAFF_WITHDRAW = "staff_withdraw_need"
#: the staff's talk among themselves, answered with silence (actions/staff_commands.py)
INTENT_STAFF_CHATTER = "staff_chatter"

ACTION_STAFF_NEW_NEEDS = "action_staff_new_needs"
ACTION_STAFF_SHOW_NEED = "action_staff_show_need"
ACTION_STAFF_CHATTER = "action_staff_chatter"  # talk between staff: nothing in a shared room, an answer in a DM
ACTION_STAFF_NEW_SECRET = "action_staff_new_secret"
ACTION_STAFF_REPORT = "action_staff_report"
ACTION_STAFF_UNMET = "action_staff_unmet_needs"
ACTION_STAFF_SEARCH = "action_staff_search"
ACTION_STAFF_EXPORT = "action_staff_export"
ACTION_STAFF_WITHDRAW = "action_staff_withdraw_need"

# ================================================================ firms (appended)

#: one key per need confirmed at the summary, the store's idempotency key: a second run of the
#: save for the same confirmation stores once, a need posted again (after a withdrawal) is new
NEED_DRAFT_KEY = "need_draft_key"
