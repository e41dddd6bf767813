"""What the staff commands say: lists of needs and their pages, one need in full, reports'
notes, unmet needs, catalogue searches, exports.

Kept apart from ``texts.py`` (the worker's and firm's words) because they change with the staff
commands alone; the alerts staff receive stay there, beside the firm's texts that trigger them.
"""

from __future__ import annotations

#: a list of new needs: newest first, and which of them this page shows (QA Matrix M7)
NEW_NEEDS = "{count} new {needs}{where} {when}{order}{shown}:\n{lines}"
NEWEST_FIRST = ", newest first"
#: a page past the last one ("new needs page 9" with 30 needs)
PAGE_PAST = 'Nothing on page {page}: {total} in all; say "{command}" for the first page.'
UNMET = "{count} open {needs}{where} with skills no offer within {within} teaches{order}{shown}:\n{lines}"
UNMET_NONE = "Every open need{where} has an offer within {within} for all its skills."
#: "need N-FK6E" had got "Which need?", as if no reference had been given
BAD_REFERENCE = '"{typed}" is no need\'s reference: they are N- and five letters or digits, e.g. N-7K3QX.'
#: a town named in a search limits it to a distance, said in the answer (Brescia, 436 km away,
#: had been listed "near Graz")
WITHIN = "within {within} of {place}"
#: where an online course is, in a list of courses near a town: it has no distance
ONLINE = "online"
PARTNERS = 'Partners named "{name}": {partners}, {offers}{shown}:'
PARTNER_LINE = "• {name} ({city}), {offers}:"
#: staff withdraw a need for its firm, which was told to "ask the cluster team" (QA Matrix M11)
WITHDRAW_ASK = (
    "Withdraw this need for its firm?\n{line}\nIt closes the need for good: its firm can no longer change it. "
    'Say "yes, withdraw {reference}" to go ahead.'
)
WITHDRAW_WHICH = 'Which need? Say e.g. "withdraw N-7K3QX".'
WITHDRAW_YES = "Yes, withdraw {reference}"
WITHDRAW_NO = "No, keep {reference}"
WITHDRAWN = "{reference} is withdrawn; staff were told."
WITHDRAW_KEPT = "OK, {reference} stays as it is ({status})."
ALREADY_WITHDRAWN = "{reference} was withdrawn already, on {day}{by}."
WITHDRAWN_BY = " by {staff}"
#: the alert a firm's own withdrawal sends (texts.NEED_WITHDRAWN_ALERT), naming who of the staff
#: did it, as a mention on Slack (it had said "by U0STAFF1", QA13)
WITHDRAWN_BY_STAFF_ALERT = (
    "Need {reference} was withdrawn for its firm by {staff} ({people} × {wanted}, {town})."
)
#: several needs named at once ("withdraw N-… and N-…"): each is asked about (one had been dropped)
WITHDRAW_EACH = 'Say "yes" or "no" in a direct message, or answer each question.'
#: staff mark a need filled ("close N-…", "mark N-… as filled"), asked first as a withdrawal is (QA13)
FULFIL_ASK = (
    "Mark this need filled?\n{line}\nIt closes the need as met (it still counts in reports); to withdraw it "
    'instead, say "withdraw {reference}". Say "yes, mark {reference} filled" to go ahead.'
)
FULFIL_YES = "Yes, mark {reference} filled"
FULFIL_NO = "No, keep {reference} open"
FULFILLED = "{reference} is marked filled; staff were told."
ALREADY_FULFILLED = "{reference} was marked filled already, on {day}{by}."
FULFIL_WITHDRAWN = "{reference} was withdrawn on {day}{by}, so it can't be marked filled."
FULFILLED_ALERT = "Need {reference} was marked filled by {staff} ({people} × {wanted}, {town})."
#: what staff cannot do to a need, and what to do instead (QA13: it had shown the need in silence)
CANNOT_ASSIGN = (
    "I can't assign needs to a staff member: I keep no owner for a need. Say in the room who takes "
    '{reference}; you can still close it ("mark {reference} as filled") or withdraw it.'
)
CANNOT_EDIT = (
    "I can't change a need's details for its firm. The firm changes {reference} itself: it tells me "
    '"change my need" and gives its reference and secret (if it lost the secret, say "new secret for '
    '{reference}" in a direct message). You can mark it filled or withdraw it.'
)
#: "which courses match N-…": the offers and partners the firm was shown for its need (QA13)
MATCH_HEAD = "Offers for {reference} ({line}):"
MATCH_NONE = "No offer in the catalogue teaches what {reference} asks for."
MATCH_NO_SKILLS = "{reference} names no skill or role I know, so no offer can be matched to it."
MATCH_PARTNERS = "Partners teaching its skills:"
#: a message in a direct message that asks nothing: answered all the same (QA13: "yes" got nothing)
STAFF_CHATTER_DM = 'OK. Say "help" for what I can do.'

# ---------------------------------------------------------------- needs, reports, searches

STAFF_NO_NEEDS = "No new needs{where} {when}."
#: needs listed by their needed-by date ("open needs in Graz with deadline before April"): not
#: "new", and the deadline in the heading (QA13: "No new needs … before 2026-04-01")
NEEDS_DUE = "{count} {needs}{where} {when}{order}{shown}:\n{lines}"
STAFF_NO_NEEDS_DUE = "No needs{where} {when}."
DEADLINE_BEFORE = "with a deadline before {end}"
DEADLINE_FROM = "with a deadline from {start}"
DEADLINE_FROM_TO = "with a deadline from {start} to {end}"
DEADLINE_UNREAD = (
    'I can narrow needs by a deadline ("with deadline before April", "due by 1 March"), not by '
    '"{words}"; this covers needs of any deadline.'
)
STAFF_NEED_LINE = "• {reference} {created} — {people} × {wanted} · {firm}, {town} ({status})"
STAFF_NEED_FULL = (
    "Need {reference} ({status}), posted {created}, updated {updated}\n"
    "Company: {company} — {size}, {ecosystem}, {town} ({country})\n"
    "Contact: {contact_name} <{contact_email}> (consent {consent})\n"
    "Skills: {wanted}\nRole: {occupation}\n"
    "People: {people} ({kind}), {by_when}, training: {mode}"
)
STAFF_NEED_UNKNOWN = "No need has the reference {reference}."
STAFF_WHICH_NEED = "Which need? Say e.g. \"need N-7K3QX\"."
STAFF_WHICH_SECRET = "Which need's secret? Say e.g. \"new secret for N-7K3QX\"."
STAFF_NEW_SECRET = (
    "New secret for {reference}: {secret}\nThe old secret no longer works, and this one is shown "
    "only here. Send it to the need's contact, {contact}, and to nobody else."
)
# contact details and secrets only in a direct message: a shared channel may hold guests (QA8 L6)
STAFF_CONTACT_IN_DM = "Contact details only in a direct message: message me \"need {reference}\" there."
STAFF_SECRET_IN_DM = "I give a need a new secret only in a direct message: message me \"new secret for {reference}\" there."
# said before an answer that covers less or more than was asked (QA8 M1: filters ignored in silence)
STAFF_TIME_UNREAD = "I couldn't read the dates in that; this covers needs {when}."
STAFF_PLACE_UNKNOWN = (
    "I can narrow to a country or a town, and I don't know \"{place}\" as either; this covers every firm."
)
#: after STAFF_PLACE_UNKNOWN, the close towns a misspelt name may be (QA13)
STAFF_PLACE_CHOICE = " Did you mean {options}?"
#: a demand question about a skill or role: "how many welders do firms need?" (QA13)
STAFF_DEMAND_FOR = 'Demand for "{what}"{where} {when}: {needs}, {people}, {firms}.'
STAFF_DEMAND_FOR_NONE = 'No needs for "{what}"{where} {when}.'
STAFF_GROUP_UNKNOWN = (
    "I can't group by \"{asked}\"; I group by ecosystem, country, town, company size, kind "
    "(new hires or upskilling), month, quarter or week."
)
STAFF_GROUP_REGION = "By country: the needs keep each firm's country and town, not its region (say \"by town\" for towns)."
STAFF_UNMET_LINE = "• {reference} ({town}, {people} people{mode}): {missing}"
STAFF_UNMET_ROLE = "{role} (role: {taught} of its {of} essential skills taught in reach)"
STAFF_UNMET_NOTE = "Online courses count wherever the firm is, unless the need asks for training in person."
STAFF_SEARCH_HOW = (
    "Try \"search catalogue welding\", \"welding online in Graz\", \"free welding courses\", "
    "\"offers in Graz\", \"blended courses\" or \"partner Mur Valley\"."
)
STAFF_SEARCH_NONE = "Nothing in the catalogue for {what}."
STAFF_SEARCH_HEAD = "{what}: {first}–{last} of {total}{order}."
STAFF_SEARCH_MORE = "Say \"{command} page {page}\" for the next {size}."
STAFF_OFFER_LINE = "• {offer_id} {title} — {partner}, {city}{km} · {facts}"
STAFF_EXPORT_TITLE = "Needs export: {count} {needs}{where} {when}, as CSV."
#: in a room others read, the file leaves out the contact columns, and says so (QA13)
STAFF_EXPORT_SHARED = (
    'Without contact names and e-mails here: ask me "export needs" in a direct message for them.'
)
STAFF_EXPORT_NONE = "No needs{where} {when}: nothing to export."
STAFF_STORE_DOWN = "The needs database isn't answering right now; please try again in a moment."
STAFF_EVER = "since the start"
STAFF_SINCE = "since {start}"
STAFF_UNTIL = "before {end}"
STAFF_FROM_TO = "from {start} to {end}"
