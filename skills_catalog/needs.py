"""Skill needs posted by firms: the data, its validation, and the store every backend implements.

A firm tells the assistant what it needs (skills, an occupation, how many people, where); the
need is stored under a short ``reference`` (``N-7K3QX``) and a ``secret`` shown to the firm once,
so it can later change or withdraw the need without an account. Only a salted scrypt hash of the
secret is kept. Cluster staff read needs through :meth:`NeedStore.list` and the reports module.

Errors raised here, besides :class:`~skills_catalog.errors.ProfileError` and
:class:`~skills_catalog.errors.StoreError` from ``errors.py``::

    SkillsCatalogError
    ├── ProfileError
    │   └── NeedValidationError   a field of a need is missing or malformed; carries ``field``
    └── NeedError                 a need cannot be reached by its owner
        ├── NeedNotFoundError     no need has this reference
        ├── WrongSecretError      the secret does not match the reference
        └── NeedClosedError       the need was withdrawn and cannot change any more
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, datetime, timezone
from typing import Any, Protocol

from skills_catalog.errors import ProfileError, SkillsCatalogError
from skills_catalog.models import ECOSYSTEMS, MODES, GeoPoint, SkillRef

logger = logging.getLogger(__name__)

SIZES = frozenset({"micro", "small", "medium", "large"})
KINDS = frozenset({"upskilling", "new_hires"})
STATUSES = frozenset({"open", "withdrawn", "fulfilled"})
#: how an ecosystem the firm was not sure of ("" in the store) reads in reports and exports; why:
#: "not sure" at its question had no way out but describing the firm (QA13c)
NOT_SAID = "not said"
# Crockford-like: no 0/O, 1/I/L or U, so a reference read aloud or retyped stays unambiguous.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "N-"
REFERENCE_LENGTH = 5  # 30**5 = 24 million references; collisions are retried by the stores
SECRET_GROUPS = 3  # XXXX-XXXX-XXXX: 30**12 (~59 bits) before scrypt slows guessing further
#: an e-mail address: letters (any script), digits and the usual marks, no markup ("<b>john</b>@acme.com")
EMAIL_ADDRESS = r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+"
EMAIL = re.compile(rf"^{EMAIL_ADDRESS}$")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The default clock of the stores (injectable so tests control time)."""
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- errors


class NeedValidationError(ProfileError):
    """A need field is missing or malformed; ``field`` names it so a form can ask again."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class NeedError(SkillsCatalogError):
    """A need cannot be read or changed by the one asking; ``reference`` says which."""

    def __init__(self, reference: str, message: str) -> None:
        self.reference = reference
        super().__init__(f"need {reference}: {message}")


class NeedNotFoundError(NeedError):
    """No need has this reference (mistyped, or deleted on request)."""

    def __init__(self, reference: str) -> None:
        super().__init__(reference, "no such need")


class WrongSecretError(NeedError):
    """The secret given does not match the need; nothing was shown or changed."""

    def __init__(self, reference: str) -> None:
        super().__init__(reference, "the secret does not match")


class NeedClosedError(NeedError):
    """A withdrawn need is final: the firm posts a new one instead of reopening it."""

    def __init__(self, reference: str) -> None:
        super().__init__(reference, "the need was withdrawn and can no longer change")


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class NeedLimits:
    """Caps on what a firm may type, so one message cannot fill the database or a report."""

    text: int = 200  # company, town, names, labels
    email: int = 254  # RFC 5321 path limit
    purpose: int = 500
    skills: int = 25
    people: int = 100_000


LIMITS = NeedLimits()


@dataclass(frozen=True)
class NeedDraft:
    """What a firm submits. ``region`` defaults to ``country`` and is what reports group by.

    ``skills`` or ``occupation`` must name something; ``mode`` is a preference from
    :data:`~skills_catalog.models.MODES` or empty for any; ``sender_id`` is the conversation
    id, kept so that a "forget me" request can delete everything the person posted.
    """

    company: str
    town: str
    country: str
    ecosystem: str  # "": not said (:data:`NOT_SAID`)
    size: str
    contact_name: str
    contact_email: str
    consent_at: datetime
    consent_purpose: str
    sender_id: str
    skills: tuple[SkillRef, ...] = ()
    occupation: SkillRef | None = None
    people: int = 1
    kind: str = "upskilling"
    by_when: date | None = None
    mode: str = ""
    point: GeoPoint | None = None
    region: str = ""


DRAFT_FIELDS = tuple(f.name for f in fields(NeedDraft))
UPDATABLE = frozenset(DRAFT_FIELDS) - {"sender_id", "consent_at", "consent_purpose"} | {"status"}


@dataclass(frozen=True)
class FirmNeed(NeedDraft):
    """A stored need: the draft as validated, plus its reference, status and timestamps (UTC);
    ``withdrawn_by`` the staff member who withdrew it for its firm or marked it fulfilled ("" otherwise)."""

    reference: str = ""
    status: str = "open"
    created_at: datetime = datetime.min.replace(tzinfo=timezone.utc)
    updated_at: datetime = datetime.min.replace(tzinfo=timezone.utc)
    withdrawn_by: str = ""

    def draft(self) -> NeedDraft:
        """The submitted part alone, e.g. to validate changes against."""
        return NeedDraft(**_fields(self))


def new_need(draft: NeedDraft, reference: str, now: datetime) -> FirmNeed:
    """A freshly stored need; ``draft`` must already be validated."""
    return FirmNeed(**_fields(draft), reference=reference, created_at=now, updated_at=now)


def _fields(draft: NeedDraft) -> dict[str, Any]:
    # not dataclasses.asdict: that would turn the SkillRefs and GeoPoint into dicts
    return {name: getattr(draft, name) for name in DRAFT_FIELDS}


# ---------------------------------------------------------------- validation


def validate_draft(draft: NeedDraft, limits: NeedLimits = LIMITS) -> NeedDraft:
    """Check every field and return the normalised draft (trimmed, country upper-case, ...).

    Raises:
        NeedValidationError: naming the first field that is wrong. Messages never repeat the
            value, so they can be logged without personal data.
    """
    text: dict[str, Any] = {name: _text(name, getattr(draft, name), limits.text) for name in _REQUIRED_TEXT}
    text["country"] = text["country"].upper()
    _check_choices(draft)
    return replace(
        draft,
        **text,
        region=_text("region", draft.region or text["country"], limits.text),
        contact_email=_email(draft.contact_email, limits.email),
        consent_at=_aware("consent_at", draft.consent_at),
        consent_purpose=_text("consent_purpose", draft.consent_purpose, limits.purpose),
        skills=_skills(draft.skills, draft.occupation, limits),
        occupation=_ref("occupation", draft.occupation, limits) if draft.occupation else None,
        people=_people(draft.people, limits.people),
    )


_REQUIRED_TEXT = ("company", "town", "country", "contact_name", "sender_id")


def _text(name: str, value: object, cap: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise NeedValidationError(name, "must not be empty")
    value = " ".join(value.split())
    if len(value) > cap:
        raise NeedValidationError(name, f"is longer than {cap} characters")
    return value


def _check_choices(draft: NeedDraft) -> None:
    choices = {
        "ecosystem": (draft.ecosystem, ECOSYSTEMS | {""}),  # "": the firm was not sure
        "size": (draft.size, SIZES),
        "kind": (draft.kind, KINDS),
        "mode": (draft.mode, MODES | {""}),
    }
    for name, (value, allowed) in choices.items():
        if value not in allowed:
            raise NeedValidationError(name, f"must be one of {', '.join(sorted(a for a in allowed if a))}")
    if draft.by_when is not None and (not isinstance(draft.by_when, date) or isinstance(draft.by_when, datetime)):
        raise NeedValidationError("by_when", "must be a date")
    if draft.point is not None and not isinstance(draft.point, GeoPoint):
        raise NeedValidationError("point", "must be a GeoPoint")


def _email(value: object, cap: int) -> str:
    if not isinstance(value, str) or not EMAIL.match(value.strip()):
        raise NeedValidationError("contact_email", "is not an e-mail address like name@firm.eu")
    if len(value.strip()) > cap:
        raise NeedValidationError("contact_email", f"is longer than {cap} characters")
    return value.strip().lower()


def _aware(name: str, value: object) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise NeedValidationError(name, "must be a timezone-aware date and time")
    return value.astimezone(timezone.utc)


def _ref(name: str, ref: object, limits: NeedLimits) -> SkillRef:
    if not isinstance(ref, SkillRef):
        raise NeedValidationError(name, "must be a SkillRef(uri, label)")
    label = _text(name, ref.label, limits.text)
    uri = ref.uri.strip() if isinstance(ref.uri, str) else ""
    if len(uri) > limits.text:
        raise NeedValidationError(name, f"URI is longer than {limits.text} characters")
    return SkillRef(uri=uri, label=label)


def _skills(skills: Iterable[SkillRef], occupation: SkillRef | None, limits: NeedLimits) -> tuple[SkillRef, ...]:
    unique: dict[str, SkillRef] = {}
    for ref in skills:
        checked = _ref("skills", ref, limits)
        unique.setdefault(checked.uri or checked.label.lower(), checked)
    if not unique and occupation is None:
        raise NeedValidationError("skills", "name at least one skill or an occupation")
    if len(unique) > limits.skills:
        raise NeedValidationError("skills", f"at most {limits.skills} skills per need")
    return tuple(unique.values())


def _people(value: object, cap: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise NeedValidationError("people", "must be a whole number of at least 1")
    if value > cap:
        raise NeedValidationError("people", f"must be at most {cap}")
    return value


def apply_changes(need: FirmNeed, changes: Mapping[str, object], now: datetime) -> FirmNeed:
    """The need with ``changes`` applied and validated again; ``updated_at`` becomes ``now``.

    Raises:
        NeedClosedError: the need was withdrawn.
        NeedValidationError: a field cannot be changed (consent, sender) or gets a bad value.
    """
    if need.status == "withdrawn":
        raise NeedClosedError(need.reference)
    for name in changes:
        if name not in UPDATABLE:
            raise NeedValidationError(name, "cannot be changed; post a new need instead")
    status = changes.get("status", need.status)
    if status not in {"open", "fulfilled"}:
        raise NeedValidationError("status", "must be open or fulfilled (withdraw to close a need)")
    draft_changes: dict[str, Any] = {k: v for k, v in changes.items() if k != "status"}
    if "country" in changes and "region" not in changes and need.region == need.country:
        draft_changes["region"] = ""  # the region was the country by default: follow it
    draft = validate_draft(replace(need.draft(), **draft_changes))
    return FirmNeed(**_fields(draft), reference=need.reference, status=str(status),
                    created_at=need.created_at, updated_at=now)


def withdrawn(need: FirmNeed, now: datetime, by: str = "") -> FirmNeed:
    """The need withdrawn at ``now`` (``by`` a staff member, or its firm); one withdrawn before
    stays as it was."""
    if need.status == "withdrawn":
        return need
    return replace(need, status="withdrawn", updated_at=now, withdrawn_by=by)


def fulfilled(need: FirmNeed, now: datetime, by: str) -> FirmNeed:
    """The need marked fulfilled at ``now`` by a staff member (kept, as a withdrawn one is, for
    reports until deleted); one fulfilled before stays as it was.

    Raises:
        NeedClosedError: the need was withdrawn (it never became demand met).
    """
    if need.status == "withdrawn":
        raise NeedClosedError(need.reference)
    if need.status == "fulfilled":
        return need
    return replace(need, status="fulfilled", updated_at=now, withdrawn_by=by)


# ---------------------------------------------------------------- references, secrets, keys


def new_reference() -> str:
    """A random reference such as ``N-7K3QX``."""
    return REFERENCE_PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(REFERENCE_LENGTH))


def normalise_reference(text: str) -> str:
    """Accept what people type (``n7k3qx``, ``N-7K3 QX``) and return the stored form."""
    compact = re.sub(r"[\s\-_]", "", text).upper()
    if compact.startswith(REFERENCE_PREFIX[0]) and len(compact) == REFERENCE_LENGTH + 1:
        compact = compact[1:]
    return REFERENCE_PREFIX + compact


def new_secret() -> str:
    """A secret a person can copy or type: ``XXXX-XXXX-XXXX`` from the unambiguous alphabet."""
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(SECRET_GROUPS))
    return "-".join(groups)


def _secret_bytes(secret: str) -> bytes:
    return re.sub(r"[\s\-]", "", secret).upper().encode()


@dataclass(frozen=True)
class SecretHasher:
    """Salted scrypt; parameters travel with each hash so defaults can rise without a migration.

    The defaults (n=2**14, r=8) cost ~50 ms, enough to make guessing a stolen hash slow and cheap
    enough for a chat turn. Tests pass a smaller ``n`` to stay fast.
    """

    n: int = 2**14
    r: int = 8
    p: int = 1
    salt_bytes: int = 16

    def hash(self, secret: str) -> str:
        """``scrypt$n$r$p$salt$digest`` in hex, for storage."""
        salt = secrets.token_bytes(self.salt_bytes)
        digest = self._digest(_secret_bytes(secret), salt, self.n, self.r, self.p)
        return f"scrypt${self.n}${self.r}${self.p}${salt.hex()}${digest.hex()}"

    def verify(self, secret: str, stored: str) -> bool:
        """True when ``secret`` produced ``stored``; constant-time comparison."""
        try:
            scheme, n, r, p, salt, digest = stored.split("$")
            expected = bytes.fromhex(digest)
            actual = self._digest(_secret_bytes(secret), bytes.fromhex(salt), int(n), int(r), int(p))
        except ValueError:
            return False
        return scheme == "scrypt" and hmac.compare_digest(expected, actual)

    def check(self, reference: str, secret: str, stored: str) -> None:
        """Raise WrongSecretError, logged by reference only, unless ``secret`` produced ``stored``."""
        if not self.verify(secret, stored):
            logger.warning("need %s: wrong secret", reference)
            raise WrongSecretError(reference)

    @staticmethod
    def _digest(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
        return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def idempotency_digest(draft: NeedDraft, key: str | None) -> str:
    """What makes two submissions "the same": the client's key, else the content, per sender.

    A client that retries after a timeout sends the same key; without a key, the same content
    from the same conversation counts as a repeat (consent time is left out, since a resent form
    may carry a new one).
    """
    if key:
        material = json.dumps(["key", draft.sender_id, key])
    else:
        content = {k: v for k, v in asdict(draft).items() if k != "consent_at"}
        material = json.dumps(["content", content], sort_keys=True, default=str)
    return hashlib.sha256(material.encode()).hexdigest()


# ---------------------------------------------------------------- store


class NeedStore(Protocol):
    """Where needs live. Every method returns after its change is committed, or raises
    ``StoreError`` (database unreachable: nothing was saved)."""

    def add(self, draft: NeedDraft, idempotency_key: str | None = None) -> tuple[FirmNeed, str | None]:
        """Validate and store; ``(need, secret)``, or ``(existing need, None)`` for a repeat."""

    def get(self, reference: str) -> FirmNeed | None:
        """The need for staff views, or None; a firm sees its need through get_for_owner."""

    def get_for_owner(self, reference: str, secret: str, unlocked_by: str = "") -> FirmNeed:
        """The need if ``secret`` matches; NeedNotFoundError / WrongSecretError otherwise.

        ``unlocked_by``, a conversation id, is recorded as one where the owner proved itself
        with the secret: "forget me" there erases the need too (:meth:`delete_for_sender`). Why:
        a firm comes back in a new conversation, and "forget me" there deleted nothing.
        """

    def update(self, reference: str, secret: str, changes: Mapping[str, object]) -> FirmNeed:
        """Change fields of :data:`UPDATABLE`; see :func:`apply_changes` for the rules."""

    def withdraw(self, reference: str, secret: str) -> FirmNeed:
        """Close the need for good (idempotent); it stays for reports until deleted."""

    def withdraw_for_staff(self, reference: str, staff_id: str) -> FirmNeed:
        """Close the need for good for a staff member who checked with its firm, without its
        secret, and record who (idempotent: one withdrawn before stays as it was);
        NeedNotFoundError when there is no such need. Why: firms are told to "ask the cluster
        team" to withdraw a need, and staff had no way to (QA Matrix M11)."""

    def fulfil_for_staff(self, reference: str, staff_id: str) -> FirmNeed:
        """Mark the need fulfilled for a staff member, without its secret, and record who
        (idempotent); NeedNotFoundError when there is no such need, NeedClosedError when it was
        withdrawn. Why: "close N-…", "mark N-… as filled" showed the need, still open (QA13)."""

    def new_secret_for(self, reference: str) -> str:
        """Replace the need's secret with a new one, returned once; NeedNotFoundError when
        there is no such need. For staff, after checking with the need's contact: the secret
        is kept only as a hash, so a firm that lost it had no way back to its need."""

    def delete_for_sender(self, sender_id: str) -> int:
        """Delete every need posted from a conversation or unlocked in it with its secret (GDPR
        erasure); how many went."""

    def for_sender(self, sender_id: str) -> list[FirmNeed]:
        """The needs posted from a conversation or unlocked in it, oldest first: what
        :meth:`delete_for_sender` would delete."""

    def conversations_of(self, sender_id: str) -> set[str]:
        """The conversations the needs of :meth:`for_sender` came from: those that posted them
        and those that unlocked them with the secret. Why: "forget me" erases them too — the
        firm typed its contact details where it posted, and came back with the secret elsewhere."""

    def export_rows(self, since: datetime | None = None) -> list[dict[str, str]]:
        """:func:`~skills_catalog.reports.need_row` of each need created since ``since``, oldest first."""

    def close(self) -> None:
        """Release connections (the store is not usable afterwards)."""

    def list(
        self, since: datetime | None = None, *, until: datetime | None = None,
        ecosystem: str | None = None, region: str | None = None, status: str | None = None,
    ) -> list[FirmNeed]:
        """Needs created in ``[since, until)`` matching the filters, oldest first."""
