"""Texts of the firm journey for needs outside the taxonomy, counts given as a range, and a sector
or a skill typed for the company's name.

Beside ``texts`` (shared by every journey), as the firm modules that say them are their only users.
"""

from __future__ import annotations

#: the need's role kept as the firm typed it: not in the taxonomy ("role: baker (as you typed it)")
ROLE_TYPED_LINE = "{line} (as you typed it)"
#: said with the need's confirmation when its role was kept as typed: honest about what follows
ROLE_TYPED_NOTE = (
    "“{role}” is not in the skills taxonomy I match courses with, so no offer of the catalogue will "
    "match it yet. I'll keep it as you typed it, and the cluster team sees it among the needs no offer covers."
)
#: after saving a need whose role was kept as typed
FIRM_NO_MATCHES_TYPED = (
    "No offer of the catalogue matches “{role}” yet: your need is saved as you typed it, and the cluster "
    "team sees it among the needs no offer covers."
)
#: a role typed and not in the taxonomy, as staff read it in alerts and lists
STAFF_ROLE_TYPED = "{role} (as the firm typed it: not in the taxonomy)"
#: a count of people given as a range or a choice ("1 or 2"): its upper bound is taken
PEOPLE_UPPER = "I've put down {people} people, the most of “{said}”; you can change it before saving."
#: a sector or a skill typed for the company's name, not taken; the question follows
COMPANY_IS_SECTOR = "That sounds like your sector, not your company's name{noted}. {insist}"
COMPANY_SECTOR_NOTED = ": I've noted {sector} as your sector"
COMPANY_IS_SKILL = "That sounds like a skill or a job, not your company's name. {insist}"
COMPANY_INSIST = "If “{typed}” is its name, say “the name is {typed}”."
