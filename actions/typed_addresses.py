"""E-mail and web addresses in a typed message: answers, never read for the words inside them.

Why: "posted.elsewhere.qwertyson@example.org" at the firm's e-mail question read as a request to
view a posted need ("posted"), and the form went off track to "What is the reference of your
need?"; "delete.me@acme.at" read as "forget me", "online@shop.at" as "online courses only",
"www.posted-elsewhere.com" as a posted need.
"""

from __future__ import annotations

import re

from skills_catalog.needs import EMAIL_ADDRESS

#: endings of a web address typed without "www." or "https://" ("posted-elsewhere.com"), in lower
#: case: the endings of programming words ("Node.js", "ASP.NET") are none of them
_DOMAINS = (
    "com|org|net|info|biz|eu|io|at|de|ch|es|it|fr|nl|be|pl|uk|ie|pt|se|dk|fi|no|cz|sk|hu|si|hr|ro|bg|gr"
    "|lt|lv|ee|lu|us|ca|au"
)
_ADDRESS = re.compile(
    rf"{EMAIL_ADDRESS}|\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?-i:{_DOMAINS})\b(?:/\S*)?",
    re.IGNORECASE,
)
#: words said around an address that say nothing else: "my e-mail is …", "you can reach me at …",
#: "see www.acme.at"
_AROUND = frozenset({
    "my", "our", "the", "e-mail", "email", "mail", "mailto", "address", "is", "it's", "its", "it", "this",
    "here", "use", "please", "contact", "me", "us", "at", "reach", "can", "you", "write", "send", "to",
    "on", "via", "under", "website", "site", "web", "url", "homepage", "page", "link", "sure", "ok", "okay",
    "yes", "yeah", "thanks", "and", "work", "office", "business", "official", "see", "visit", "find",
    "more", "info", "details",
})  # fmt: skip


def holds_address(text: str) -> bool:
    """True when ``text`` holds an e-mail address or a web address."""
    return _ADDRESS.search(text) is not None


def without_addresses(text: str) -> str:
    """``text`` with its e-mail and web addresses blanked: the words said beside them."""
    return _ADDRESS.sub(" ", text)


def beside_address(text: str) -> str:
    """What a message says beside its addresses, without the words that only introduce one ("my
    e-mail is …"): "" for "it's anna@acme.at", "Anna Berg" for "Anna Berg, anna@acme.at"."""
    words = re.findall(r"[^\s,;:()<>\[\]\"]+", without_addresses(text))
    said = (word for word in words if word.lower().strip(".!-") not in _AROUND)
    return " ".join(word for word in said if word.strip(".!-"))
