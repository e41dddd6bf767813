"""What the staff commands say that ``texts.py`` does not hold yet: pages of long lists, distances
said as asked, a reference typed wrong, catalogue searches within a distance.

Kept apart from ``texts.py`` (the worker's and firm's words) because they change with the staff
commands alone.
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
#: the alert a firm's own withdrawal sends (texts.NEED_WITHDRAWN_ALERT), naming who of the staff did it
WITHDRAWN_BY_STAFF_ALERT = (
    "Need {reference} was withdrawn for its firm by {staff} ({people} × {wanted}, {town})."
)
