"""A course's cost paid by someone else: "my employer pays", "my company will cover it".

Apart because the NLU guard and the price question both read it: said by a worker it is an
answer about cost, never a firm's need (the classifier read "my employer pays" as
``firm_start`` at 0.996, and the worker's form was dropped for the firm's).
"""

from __future__ import annotations

import re

#: who pays, as a worker names them, then paying ("my boss will pay", "our company covers it")
_PAID_BY = re.compile(
    r"\b(?:(?:my|our|the)\s+)?(?:employer|company|firm|boss|manager|workplace|job\s*cent(?:re|er)|agency|ams"
    r"|employment\s+(?:office|agency|service)|unemployment\s+office)s?\s+"
    r"(?:(?:will|would|can|could|does|is\s+going\s+to|is|are)\s+)?(?:pay|cover|fund|sponsor)(?:s|ing)?\b"
    r"|\b(?:paid|covered|funded|sponsored)\s+(?:for\s+)?by\s+(?:my|our|the)\s+(?:employer|company|firm|boss)\b"
    r"|\bemployer[-\s](?:paid|funded|sponsored)\b",
    re.I,
)
#: paying hoped for, not said: "i dont have money, maybe AMS pays?" is free only
_HOPED = re.compile(r"\b(?:maybe|perhaps|hopefully|might|if|whether|possibly)\b|\?", re.I)
#: said back at the price question: what the answer was taken as
COST_COVERED = "Since someone else pays, I won't limit the price."


def paid_by_others(text: str) -> bool:
    """True when a message says someone else pays for the course (an employer, a job centre):
    for that person a paid course is fine, so the price is no limit."""
    return _PAID_BY.search(text) is not None and _HOPED.search(text) is None

