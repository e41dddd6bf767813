"""``MessageGuard``: an NLU component that sends empty and over-long messages to the fallback.

Why here and why built lazily: the guard runs inside the Rasa server (``bot/config.yml`` names
``actions.nlu_guard.MessageGuard``), so it must be importable wherever Rasa trains or runs —
``actions`` is an installed package. The action server imports every module of ``actions`` at
start, and importing Rasa there would cost seconds and memory, so the class is only defined
(and registered with Rasa's recipe) when Rasa asks for the attribute (PEP 562 ``__getattr__``).

Placed after ``FallbackClassifier``, it replaces the prediction for a message that is blank or
longer than ``parsing.MAX_MESSAGE_CHARS`` with ``nlu_fallback`` at full confidence; the
fallback rule runs ``action_clarify``, which answers "too long — say it in a sentence or two"
(or "I didn't get any text"). Inside the form the same answer comes from the validators.
It also keeps ``start_over``, which drops every answer at once, only for a message that says
to start again (``parsing.says_start_over``); otherwise the next intent of the ranking stands
("from March" answers "when could you start?"). And a message that states a preference
(``parsing.stated_preferences``: "from January", "30 km", "up to 2000 euros"), or a limit the
catalogue cannot search by ("an hour by car", "evenings only": ``parsing.limit_said``) is
``inform``, not ``out_of_scope`` nor the fallback, so the form takes it as the answer it is;
``only_online`` stands only for a message that speaks of learning online ("evenings only" was
read as it), ``closer`` only for one that speaks of distance ("need something less physical", a
first message, had the results' "closer"). ``forget_me`` and its confirmation stand only for a message with a word that erases
("get my HGV licence" asked "Delete everything?"); otherwise the message is ``inform``. A message in
another language that the classifier calls out of scope goes to the fallback, whose
clarification says the assistant speaks English only (``languages_said.not_english``). A message that
states a firm's need past doubt, in the firm's voice ("we're hiring 5 electricians by March", "we
need 3 welders": ``firm_need_said.states_need_surely``) is ``firm_start``, whatever else it states:
"by March" made it ``inform``, and the firm was sent down the worker's path. Short of that, a course
paid by someone else ("my employer pays": ``cost_paid_by_others``) is ``inform``, an answer about
cost, not ``firm_start``, which had dropped the worker's form at the price question. Two firm intents
that leave the worker's form stand only when the message fits them, as ``start_over`` does:
``firm_start`` only for a message in a firm's voice ("we", "our", "employer", "staff": "hi, I'm a
roofer, need something lighter" had begun a firm's need), and not for a worker who looks for work or
asks who hires (``firm_need_said.seeks_work``: "are any firms hiring CNC operators?"), ``firm_manage`` only for a message about a need a firm
posted (``firm_need_said.names_posted_need``: "wait, I need to change my skills" asked a worker for
a need's reference). A company's name with its legal form ("Talleres Urbieta S.A.", "Stop & Go GmbH", "Human Touch
GmbH") is ``inform`` whatever command the classifier reads in it (``firm_parsing.company_named``),
and so is a message holding a need's secret ("the secret is F6N9-367Q-B6RH") that it calls out of
scope. ``firm_cancel`` stands only for a message with a word that drops a need ("IT", the sector,
read as "cancel it"), and ``faq`` only for a question ("blended" typed as the answer read as one).
A question what something means ("I don't know, what does that mean?") is ``faq`` whatever
"don't know" or "no" the classifier read in it: at a consent question it had been taken as a no,
and the FAQ answer there says what the consent means. Not knowing what to do ("i dont know what i can do") is ``not_sure``, not help: at the goal
question it gets the jobs in demand. A request to erase what the person said
("can you delete what I told you", "wipe my info") is ``forget_me`` (which asks first), not help
or small talk; a question about erasing later stays a privacy question. A person's name with a
command word in it, capitalised as names are ("Ann Stop", "Help Martinez"), is ``inform``: the
contact's name had stopped the firm's form.
An e-mail or web address alone, or beside a name, is ``inform`` whatever words are inside it
(``typed_addresses``: "posted.elsewhere.q@example.org" at the e-mail question asked for a need's
reference); beside other words, only those words are read.
On a staff channel staff get staff intents only (``_for_staff``): talk between staff in a shared
room is ``staff_chatter``, which gets no answer, and a command's words, typos forgiven
("exprot needs"), overrule an unsure classifier (``actions/staff_commands.py``).
"""

# No ``from __future__ import annotations`` here: Rasa resolves the component's type hints at
# run time, and the names they use are local to ``_message_guard``.
import functools
import re
from datetime import date
from typing import Any

from actions.cost_paid_by_others import paid_by_others
from actions.firm_codes import lost_secret, reference_in, secret_in
from actions.firm_need_said import names_posted_need, seeks_work, states_need_surely
from actions.firm_parsing import NAME_WORDS, company_named, field_named, person_named
from actions.languages_said import not_english
from actions.names import (
    INTENT_CLOSER,
    INTENT_FALLBACK,
    INTENT_FAQ,
    INTENT_FIRM_CANCEL,
    INTENT_FIRM_MANAGE,
    INTENT_FIRM_START,
    INTENT_HUMAN,
    INTENT_INFORM,
    INTENT_ONLY_ONLINE,
    INTENT_STAFF_CHATTER,
    INTENT_STAFF_EXPORT,
    INTENT_STAFF_HELP,
    INTENT_STAFF_NEW_NEEDS,
    INTENT_STAFF_NEW_SECRET,
    INTENT_STAFF_REPORT,
    INTENT_STAFF_SEARCH,
    INTENT_STAFF_SHOW_NEED,
    INTENT_STAFF_UNMET,
    INTENT_STAFF_WITHDRAW,
    INTENT_START_OVER,
    NEED_BY_WHEN,
    NEED_MODE,
    NEED_PEOPLE,
)
from actions.parsing import (
    limit_said,
    message_problem,
    moved_to,
    says_online,
    says_start_over,
    stated_preferences,
)
from actions.staff_commands import command_named, has_typo, is_chatter
from actions.staff_parsing import says_withdraw
from actions.typed_addresses import beside_address, holds_address, without_addresses
from actions.wishes import asks_what_is_needed
from skills_catalog.staff_access import STAFF_METADATA_KEY

#: the fields of a saved need a firm may change (the manage form's)
_MANAGED_FIELDS = (NEED_PEOPLE, NEED_BY_WHEN, NEED_MODE)
FALLBACK = {"name": INTENT_FALLBACK, "confidence": 1.0}
#: guesses that a message states a preference overrules: "from January" is no request to leave
OFF_TOPIC = frozenset({INTENT_FALLBACK, "out_of_scope"})


#: words that drop a firm's need: "IT" (the sector) read as "cancel it", and the form stopped
_CANCELS = re.compile(
    r"\b(?:cancel\w*|discard|don'?t save|do not save|forget|delete|scrap|drop|abort|quit)\b", re.I
)


#: a firm speaking, as every way of starting a firm's need does ("we need", "our staff", "I'm an
#: employer", "I run a joinery"): without one, "hi, I'm a roofer, need something lighter" is a worker
_FIRM_VOICE = re.compile(
    r"\b(?:we|we'?re|we'?ve|our|us|employers?|compan(?:y|ies)|firms?|business\w*|staff|team|employees"
    r"|workers|lads|hiring|hire|recruit\w*|hr|post\w*|shortage|represent|(?:skills?|new|staff|training)\s+needs?|i\s+(?:run|own|operate|manage))\b",
    re.I,
)


def _firm_speaking(text: str) -> bool:
    """True for a firm's words, not a worker's: one who speaks as a firm and looks for no work."""
    return text.startswith("/") or (_FIRM_VOICE.search(text) is not None and not seeks_work(text))


#: how "closer" is said: "need something less physical" had the results' "closer" before any search
_NEARER = re.compile(
    r"\b(?:clos\w*|near\w*|far\w*|distance|km|kilomet\w*|miles?|travel\w*|town|city|home|local\w*)\b", re.I
)


def _says_nearer(text: str) -> bool:
    return text.startswith("/") or _NEARER.search(text) is not None


def _says_cancel(text: str) -> bool:
    """True for a word that drops the need, unless it drops a field of it ("delete the date",
    "remove the deadline" change a need: as firm_cancel they ended the manage form)."""
    return _CANCELS.search(text) is not None and field_named(text, _MANAGED_FIELDS) is None


#: a question, for ``faq``: "blended" typed at the mode question read as "what does blended mean?"
_ASKS = re.compile(
    r"\?|^\W*(?:what|why|how|when|which|who|where|is|are|do|does|can|could|will|would|should)\b", re.I
)


def _asks(text: str) -> bool:
    return _ASKS.search(text) is not None


#: privacy in so many words: "data" alone is a firm's data analysts, not a question about ours
_PRIVACY_WORDS = re.compile(
    r"\b(?:privacy|gdpr|polic\w*|notice|data\s+protection|delet\w*|stor\w*|contact\s+details|personal)\b",
    re.I,
)


def _asks_about_privacy(text: str) -> bool:
    """A question, or privacy named. Why: "data analysts with python + sql + power bi" got the
    privacy notice, again and again, at the firm's skills question (QA8)."""
    return text.startswith("/") or _asks(text) or _PRIVACY_WORDS.search(text) is not None


#: a person asked for: "talk to a person", "human please", "an advisor"; not "human resources" (QA13d:
#: a hairdresser's goal had alerted staff that she wanted to talk to someone)
_PERSON = re.compile(
    r"\b(?:person|people|someone|somebody|anyone|staff|counsell?or|consultant|team)\b"
    r"|\b(?:a|an|the|to|real|human)\s+(?:agent|advis[eo]r)\b"
    r"|\bhuman\b(?!\s+(?!please|being|instead|to\b|about\b)\w)",
    re.I,
)


def _asks_for_person(text: str) -> bool:
    """A button, or words naming a person to talk to. Why: "human resources" was read as a
    hand-off at 0.995 (QA13d)."""
    return text.startswith("/") or _PERSON.search(text) is not None


#: what a consent given or refused speaks of: "i don't want to pay anything" after results had
#: withdrawn the consent, and the next interest was not passed on (QA9); "I changed my mind, you
#: can tell them" had been dropped (QA12)
_CONSENT_WORDS = re.compile(
    r"\b(?:consent\w*|agree\w*|accept\w*|refuse\w*|pass\w*|shar\w*|details?|data|stor\w*|keep|kept|sav\w*"
    r"|privacy|brows\w*|anonym\w*|revok\w*|withdraw\w*|information|interest|partners?|tell\w*|told)\b",
    re.I,
)


def _speaks_of_consent(text: str) -> bool:
    return text.startswith("/") or _CONSENT_WORDS.search(text) is not None


#: intents that stand only when the message fits them, each with its test
_FITS = {
    INTENT_START_OVER: says_start_over,
    INTENT_FIRM_MANAGE: names_posted_need,
    INTENT_FIRM_START: _firm_speaking,
    INTENT_CLOSER: _says_nearer,
    INTENT_FIRM_CANCEL: _says_cancel,
    INTENT_FAQ: _asks,
    INTENT_ONLY_ONLINE: says_online,  # "evenings only" had dropped every course held in person
    "privacy_notice": _asks_about_privacy,
    INTENT_HUMAN: _asks_for_person,
    "give_consent": _speaks_of_consent,
    "refuse_consent": _speaks_of_consent,
}
#: guesses that a company's name overrules: its dots read as small talk ("Eólica Norte S.L"), its
#: words as commands ("Stop & Go GmbH", "Human Touch GmbH", "Confirm GmbH", "Hello Fresh SE")
NOT_A_NAME = OFF_TOPIC | {
    "chitchat", "stop", "continue", "greet", "goodbye", "thank", "help", "bot_challenge", "affirm", "deny",
    "human_handoff", "privacy_notice", "what_stored", "forget_me", "forget_me_confirm", "forget_me_cancel",
    INTENT_START_OVER, INTENT_FIRM_CANCEL,
}  # fmt: skip


_SECRET = re.compile(r"\bsecret\b", re.I)
_SECRET_WORDS = re.compile(r"\b(?:secret|code)\b", re.I)
#: a staff intent this likely is taken over the staff's help
_STAFF_FLOOR = 0.05
#: below this, the command words of a staff message (typos forgiven) overrule the classifier
_STAFF_SURE = 0.5
STAFF_INTENTS = frozenset({
    INTENT_STAFF_NEW_NEEDS, INTENT_STAFF_SHOW_NEED, INTENT_STAFF_NEW_SECRET, INTENT_STAFF_REPORT, INTENT_STAFF_UNMET,
    INTENT_STAFF_SEARCH, INTENT_STAFF_EXPORT, INTENT_STAFF_HELP, INTENT_STAFF_CHATTER, INTENT_STAFF_WITHDRAW,
})  # fmt: skip
#: a need withdrawn, not a consent: "yes, withdraw it" at the manage form read as forget me, and a
#: "yes" to "Delete everything?" erased the need instead of withdrawing it, staff unaware
_WITHDRAWS_NEED = re.compile(r"\bwithdraw\w*\b(?!.*\b(?:consent|permission|agreement|data)\b)", re.I)
_ERASING = frozenset({"forget_me", "forget_me_confirm"})
#: words that erase: without one, no "forget me" ("get my HGV licence" read as "get rid of my data")
_ERASES = re.compile(
    r"\b(?:forget\w*|forgot\w*|delet\w*|eras\w*|wip\w+|remov\w*|clear\w*|rid|purg\w*|destroy\w*)\b", re.I
)
#: a consent taken back: "I withdraw my consent", "changed my mind, no consent"
_TAKES_BACK = re.compile(
    r"\b(?:withdraw\w*|revok\w*|take\s+back|took\s+back|no\s+longer|not\s+any\s*more|anymore)\b"
    r"|\bchanged\s+my\s+mind\b(?=.*\b(?:no|not|don'?t)\b)",  # "I changed my mind, yes" gives it
    re.I,
)
#: what a privacy question speaks of: without it, a person's name read as one ("Will Baker") is a name
_OF_PRIVACY = re.compile(
    r"\b(?:privacy|data|gdpr|polic\w*|notice|stor\w*|delet\w*|e-?mail|contact\w*|keep|see|sees|who|why|how|what)\b",
    re.I,
)


#: a question what something said means: "I don't know, what does that mean?" at the consent
#: question was read as not sure, and taken as a no (QA12)
_ASKS_MEANING = re.compile(
    r"\bwhat\s+(?:does|do|did|would)\s+(?:[\w'-]+\s+){1,3}?mean\b"
    r"|\bwhat\s+(?:that|this|it)\s+means\b|\bexplain\s+(?:that|this|it|what|please)\b|^\W*explain\W*$"
    r"|\bmeaning\s+of\b",
    re.I,
)
#: a question about the question asked: what if there is no answer, why it is asked, whether one
#: must ("what if I don't have one?" read as not sure, "do I have to pay?" as the fallback, "why do
#: you need my job?" as the privacy notice: QA13)
_ASKS_ABOUT_ASKING = re.compile(
    r"\bwhat\s+if\b|\bwhy\s+(?:do|does|would|should)\s+(?:you|i)\s+(?:need|want|ask|have\s+to|tell)\b"
    r"|\bdo\s+i\s+(?:have|need)\s+to\b|\bwhat\s+do\s+you\s+mean\b",
    re.I,
)
#: guesses a question what something means overrules: its "I don't know" or "no" is no answer
_NOT_A_QUESTION = frozenset({
    "not_sure", "deny", "affirm", "give_consent", "refuse_consent", "help", "chitchat", "out_of_scope", INTENT_FALLBACK,
})  # fmt: skip
#: what a question about our data speaks of: "why do you need my job?" is about the job question
_OF_DATA = re.compile(
    r"\b(?:data|information|info|details|privacy|gdpr|polic\w*|notice|stor\w*|kept|keep|delet\w*|shar\w*|pass\w*"
    r"|personal|e-?mails?|names?|phone\w*|address\w*|contact\w*)\b",
    re.I,
)


def _asks_about_asking(text: str, guess: str) -> bool:
    """True for a question about the question asked, or what something means, that the
    classifier read as an answer, help, or (naming no data) the privacy notice."""
    if guess == "privacy_notice":
        return _ASKS_ABOUT_ASKING.search(text) is not None and not _OF_DATA.search(text)
    return guess in _NOT_A_QUESTION and (_ASKS_MEANING.search(text) or _ASKS_ABOUT_ASKING.search(text)) is not None
#: a request to erase what the person said ("can you delete what I told you", "remove everything
#: I said", "wipe my info"), not a question about erasing later ("can I delete my data later?")
_ERASE_REQUEST = re.compile(
    r"\b(?:delete|erase|remove|wipe|forget|clear|get\s+rid\s+of)\s+(?:all\s+(?:of\s+)?)?"
    r"(?:what\s+i(?:'ve|\s+have)?\s+(?:told|said|wrote|written|typed|gave|given)|everything|all\s+(?:that|this)"
    r"|(?:all\s+)?my\s+(?:data|info|information|details|answers|messages|profile|chat|conversation|history)"
    r"|this\s+(?:chat|conversation)|(?:everything\s+)?about\s+me)\b",
    re.I,
)
_LATER = re.compile(r"\b(?:later|afterwards|at\s+a\s+later|in\s+the\s+future|one\s+day)\b", re.I)
#: guesses a request to erase overrules: "can you delete what I told you" got the help (QA12)
_NOT_AN_ERASURE = frozenset({
    "help", "chitchat", "out_of_scope", INTENT_FALLBACK, "privacy_notice", "what_stored", INTENT_FAQ,
})  # fmt: skip


#: not knowing what to do or become: "i dont know what i can do" at the goal question got the help,
#: not the jobs in demand (QA12)
_UNSURE_WHAT = re.compile(
    r"\b(?:(?:i\s+)?(?:don'?t|do\s+not|dont)\s+know|no\s+idea|not\s+sure)\s+what\s+(?:else\s+)?"
    r"(?:i\s+(?:can|could|should|want|would|might)|to)\s+(?:do|be|become|learn|study|work)\b",
    re.I,
)
#: guesses not knowing what to do overrules
_NOT_UNSURE = frozenset({"help", "chitchat", "out_of_scope", INTENT_FALLBACK, "deny"})


def _asks_to_erase(text: str) -> bool:
    return _ERASE_REQUEST.search(text) is not None and not _LATER.search(text)


#: command words that are names too: "Ann Stop", "Bob Cancel", "Help Martinez" (QA12: the contact's
#: name stopped the firm's form)
_COMMAND_WORDS = frozenset({
    "stop", "cancel", "help", "quit", "pause", "wait", "continue", "skip", "exit", "end", "abort", "back",
    "next", "done", "reset", "restart", "menu", "forget", "delete", "confirm",
})  # fmt: skip
#: words that follow a command, never a name's: "Stop Now", "Cancel Everything"
_AFTER_COMMAND = frozenset({
    "now", "here", "there", "everything", "all", "again", "already", "anyway", "later",
})  # fmt: skip


def name_with_command(text: str) -> bool:
    """True for a person's name with a command word in it, every word capitalised as a name's is
    ("Ann Stop", "Help Martinez"): the words but the command's are a name, and none is a word of a
    sentence ("Stop It", "Help Me Please" are commands; "STOP NOW" is shouted, no name)."""
    words = text.split()
    if not 2 <= len(words) <= NAME_WORDS or not all(_capitalised(word) for word in words):
        return False
    bare = [word.lower().strip(".,!") for word in words]
    rest = [word for word, low in zip(words, bare, strict=True) if low not in _COMMAND_WORDS]
    return 0 < len(rest) < len(words) and not _AFTER_COMMAND & set(bare) and person_named(" ".join(rest))


def _capitalised(word: str) -> bool:
    """A word written as a name is: "Ann", "O'Brien", "J." (not "ann", not "STOP")."""
    letters = word.rstrip(".,!")
    return letters[:1].isupper() and (len(letters) == 1 or not letters.isupper())


def _name_read_as_privacy(text: str, guess: str | None) -> bool:
    """True for a first and last name the classifier took for a privacy question ("Will Baker"
    at the contact question got the privacy notice, and the next answer became the contact)."""
    return (
        guess == "privacy_notice"
        and len(text.split()) >= 2
        and person_named(text)
        and not _OF_PRIVACY.search(text)
    )


def guarded_ranking(
    text: str | None, intent: str | None, ranking: list[dict[str, Any]], staff: bool = False
) -> list[dict[str, Any]] | None:
    """The intent ranking to use instead of the classifier's, or ``None`` to keep it. ``staff``:
    the message came from staff on a staff channel (its metadata says so)."""
    text = text or ""
    if message_problem(text):
        return [FALLBACK]
    if staff:
        return _for_staff(text, ranking)
    given = ranking
    if not text.startswith("/") and any(r["name"] in STAFF_INTENTS for r in ranking):
        # typed words are no staff command here: "we need nurses", "our plant needs new welders"
        # got "Sorry, that's only for cluster staff" (a forged /staff_… is refused by its action)
        ranking = [r for r in ranking if r["name"] not in STAFF_INTENTS] or [FALLBACK]
        intent = ranking[0]["name"]
    if not text.startswith("/") and holds_address(text):
        beside = beside_address(text)
        if not beside or (person_named(beside) and not beside.islower()) or company_named(beside):
            # an address alone or beside a name is an answer: "posted.elsewhere.q@example.org" at
            # the e-mail question asked for a need's reference ("posted"), and the form went astray
            return None if intent == INTENT_INFORM and ranking is given else _first(INTENT_INFORM, ranking)
        text = without_addresses(text)  # what is said beside it: "cancel, wrong address: a@b.at"
    if intent != INTENT_FIRM_MANAGE and reference_in(text) and not text.startswith("/"):
        # "N-ZSSPG", "I lost the secret for our need N-ZSSPG": a firm quoting its reference got
        # "only for cluster staff", or the worker's greeting
        return _first(INTENT_FIRM_MANAGE, ranking)
    if intent != INTENT_FIRM_MANAGE and _SECRET.search(text) and lost_secret(text):
        return _first(INTENT_FIRM_MANAGE, ranking)  # "we lost our secret" had the welcome for a new need
    need_surely = states_need_surely(text)
    if intent != INTENT_FIRM_START and need_surely:
        return _first(INTENT_FIRM_START, ranking)
    if intent == INTENT_FIRM_START and not need_surely and paid_by_others(text):
        return _first(INTENT_INFORM, ranking)  # "my employer pays" at the price question began a firm's need
    kept = ranking
    while kept and kept[0]["name"] in _FITS and not _FITS[kept[0]["name"]](text):
        kept = kept[1:]  # the next guess must fit too: "i don't want online courses" fell to refuse_consent
    kept = kept or [FALLBACK]
    if kept is not ranking and kept[0]["name"] in OFF_TOPIC and not text.startswith("/") and _likelier(ranking, kept):
        # the classifier's guess did not fit, and the one left is off topic, less likely than those
        # dropped: an answer, which the form reads. A worker's need read as a firm's ("roofer from
        # Kapfenberg, my knees are done, need something lighter", QA12), a job answer read as a
        # question ("tour guide in San Sebastian, the season is short", QA13: faq at 0.92, then
        # out_of_scope at 0.05) had got "Sorry, I can't help with that"
        kept = _first(INTENT_INFORM, kept)
    if kept is not ranking and (stated_preferences(text, date.today()) or moved_to(text)):
        # "i don't want to pay anything" after results: free only; "I moved to Leoben, can you
        # search again?": a new town (QA12: read as starting over)
        kept = _first(INTENT_INFORM, kept)
    guess = kept[0]["name"]
    if guess == "give_consent" and _TAKES_BACK.search(text):
        return _first("refuse_consent", kept)  # "I withdraw my consent" had recorded a consent given
    if _asks_about_asking(text, guess):
        return _first(INTENT_FAQ, kept)  # answered where it is asked: at the consent question, what it means
    if guess in _NOT_UNSURE and _UNSURE_WHAT.search(text):
        return _first("not_sure", kept)  # the jobs in demand are offered, not the help
    if guess in _NOT_AN_ERASURE and _asks_to_erase(text):
        return _first("forget_me", kept)  # which asks to confirm before anything is deleted
    if guess in _ERASING and _WITHDRAWS_NEED.search(text):
        return _first(INTENT_INFORM, kept)  # "yes, withdraw it" had asked to delete everything
    if guess in _ERASING and not text.startswith("/") and not _ERASES.search(text):
        # "get my HGV licence" at the goal question asked "Delete everything?": an answer
        return _first(INTENT_INFORM, kept)
    if _name_read_as_privacy(text, guess):
        return _first(INTENT_INFORM, kept)
    if guess in NOT_A_NAME and name_with_command(text):
        return _first(INTENT_INFORM, kept)  # "Ann Stop" at the contact question had stopped the form
    if guess in NOT_A_NAME and company_named(text):
        # "Human Touch GmbH" alerted staff, "Stop & Go GmbH" stopped the form, "Confirm GmbH"
        # asked to delete everything: a name with its legal form is an answer
        return _first(INTENT_INFORM, kept)
    if guess not in (INTENT_INFORM, INTENT_FIRM_MANAGE) and secret_in(text):
        return _first(INTENT_INFORM, kept)  # "the secret is F6N9-367Q-B6RH", "secret: 4J93-…."
    if guess in OFF_TOPIC and not_english(text):
        return [FALLBACK]  # the clarification says the assistant speaks English
    if guess in OFF_TOPIC and (stated_preferences(text, date.today()) or limit_said(text) or asks_what_is_needed(text)):
        # "an hour by car", "no car, bus only", "what will I need for the new green steel plant?"
        # (QA13: "Sorry, I can't help with that"): answers, not off topic
        kept = _first(INTENT_INFORM, kept)
    return None if kept is given else kept


def _for_staff(text: str, ranking: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Staff on their channel get staff intents only: a need's reference is its withdrawal, its
    details or its new secret; talk between staff is chatter (no answer); then the command its
    words name when the classifier is unsure or a word was misspelt; else the likeliest staff
    intent, or the staff's help when none is likely.

    Why: "hi" opened the worker's consent question, which then held every staff command;
    "demand for welding" opened the firm's form; "new secret for N-…" the firm's manage form. In
    a shared room "ok thanks Bo" got eight lines of help, "exprot needs" listed new needs and
    "online courses" got the help (QA Matrix M9, M12)."""
    typed = not text.startswith("/")
    if typed and reference_in(text):
        if says_withdraw(text):
            return _first(INTENT_STAFF_WITHDRAW, ranking)  # "withdraw N-…" had shown the need
        return _first(
            INTENT_STAFF_NEW_SECRET if _SECRET_WORDS.search(text) else INTENT_STAFF_SHOW_NEED, ranking
        )
    if typed and is_chatter(text):
        return _first(INTENT_STAFF_CHATTER, ranking)
    best = next((r for r in ranking if r["name"] in STAFF_INTENTS - {INTENT_STAFF_CHATTER}), None)
    named = command_named(text) if typed else None
    if named and (best is None or best["confidence"] < _STAFF_SURE or has_typo(text)):
        return _first(named, ranking)
    if best is None or (best["confidence"] < _STAFF_FLOOR and typed):
        return _first(INTENT_STAFF_HELP, ranking)
    return None if ranking[0] is best else _first(best["name"], ranking)


def _likelier(ranking: list[dict[str, Any]], kept: list[dict[str, Any]]) -> bool:
    """True when the guesses dropped from ``ranking`` (those before ``kept``) were likelier, all
    told, than the first guess kept."""
    dropped = ranking[: len(ranking) - len(kept)]
    return sum(r.get("confidence") or 0.0 for r in dropped) > (kept[0].get("confidence") or 0.0)


def _first(intent: str, ranking: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``ranking`` with ``intent`` first, at full confidence."""
    return [{"name": intent, "confidence": 1.0}, *(r for r in ranking if r["name"] != intent)]


def __getattr__(name: str) -> Any:
    if name == "MessageGuard":
        return _message_guard()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _message_guard() -> type:
    """Define and register the component class (imports Rasa; called by Rasa only)."""
    from rasa.engine.graph import ExecutionContext, GraphComponent
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe
    from rasa.engine.storage.resource import Resource
    from rasa.engine.storage.storage import ModelStorage
    from rasa.nlu.classifiers.classifier import IntentClassifier
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    class MessageGuard(GraphComponent, IntentClassifier):
        """Applies :func:`guarded_ranking` to every message."""

        @classmethod
        def required_components(cls) -> list[type]:
            return [IntentClassifier]

        @classmethod
        def create(
            cls,
            config: dict[str, Any],
            model_storage: ModelStorage,
            resource: Resource,
            execution_context: ExecutionContext,
        ) -> GraphComponent:
            return cls()

        def process(self, messages: list[Message]) -> list[Message]:
            for message in messages:
                ranking = message.get(INTENT_RANKING_KEY) or []
                intent = (message.get(INTENT) or {}).get("name")
                staff = bool((message.get("metadata") or {}).get(STAFF_METADATA_KEY))
                guarded = guarded_ranking(message.get(TEXT), intent, ranking, staff)
                if guarded is not None:
                    message.data[INTENT], message.data[INTENT_RANKING_KEY] = guarded[0], guarded
            return messages

    MessageGuard.__module__ = __name__
    MessageGuard.__qualname__ = "MessageGuard"
    return DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)(
        MessageGuard
    )
