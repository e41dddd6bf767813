"""The needs store in a dict: for tests and for running the bot with nothing installed.

It keeps the same promises as the SQL store (validation, hashed secrets, idempotent adds,
owner checks) so the shared test suite runs unchanged against both; data lives as long as the
process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from skills_catalog.needs import (
    Clock,
    FirmNeed,
    NeedDraft,
    NeedNotFoundError,
    SecretHasher,
    apply_changes,
    fulfilled,
    idempotency_digest,
    new_need,
    new_reference,
    new_secret,
    normalise_reference,
    utc_now,
    validate_draft,
    withdrawn,
)
from skills_catalog.reports import need_row

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Stored:
    need: FirmNeed
    secret_hash: str
    digest: str


class MemoryNeedStore:
    """:class:`~skills_catalog.needs.NeedStore` in process memory; safe across threads."""

    def __init__(self, hasher: SecretHasher | None = None, clock: Clock = utc_now) -> None:
        self._hasher = hasher or SecretHasher()
        self._clock = clock
        self._needs: dict[str, _Stored] = {}
        self._unlocked: set[tuple[str, str]] = set()  # (sender id, reference)
        self._lock = threading.Lock()

    def add(self, draft: NeedDraft, idempotency_key: str | None = None) -> tuple[FirmNeed, str | None]:
        draft = validate_draft(draft)
        digest = idempotency_digest(draft, idempotency_key)
        secret = new_secret()
        secret_hash = self._hasher.hash(secret)
        with self._lock:
            for stored in self._needs.values():
                if stored.digest == digest:
                    logger.info("need %s submitted again; kept once", stored.need.reference)
                    return stored.need, None
            reference = new_reference()
            while reference in self._needs:
                reference = new_reference()
            need = new_need(draft, reference, self._clock())
            self._needs[reference] = _Stored(need, secret_hash, digest)
        logger.info("need %s stored (ecosystem %s, %d people)", need.reference, need.ecosystem, need.people)
        return need, secret

    def get(self, reference: str) -> FirmNeed | None:
        stored = self._needs.get(normalise_reference(reference))
        return stored.need if stored else None

    def get_for_owner(self, reference: str, secret: str, unlocked_by: str = "") -> FirmNeed:
        need = self._owned(normalise_reference(reference), secret).need
        if unlocked_by:
            with self._lock:
                self._unlocked.add((unlocked_by, need.reference))
        return need

    def update(self, reference: str, secret: str, changes: Mapping[str, object]) -> FirmNeed:
        return self._change(reference, secret, lambda need: apply_changes(need, changes, self._clock()))

    def withdraw(self, reference: str, secret: str) -> FirmNeed:
        return self._change(reference, secret, lambda need: withdrawn(need, self._clock()))

    def withdraw_for_staff(self, reference: str, staff_id: str) -> FirmNeed:
        return self._for_staff(
            reference, "withdrawn", lambda need: withdrawn(need, self._clock(), by=staff_id)
        )

    def fulfil_for_staff(self, reference: str, staff_id: str) -> FirmNeed:
        return self._for_staff(reference, "fulfilled", lambda need: fulfilled(need, self._clock(), staff_id))

    def _for_staff(self, reference: str, what: str, change: Callable[[FirmNeed], FirmNeed]) -> FirmNeed:
        """``change`` the need for staff, without its secret."""
        reference = normalise_reference(reference)
        with self._lock:
            stored = self._needs.get(reference)
            if stored is None:
                raise NeedNotFoundError(reference)
            changed = change(stored.need)
            self._needs[reference] = replace(stored, need=changed)
        if changed != stored.need:
            logger.info("need %s %s by staff %s", reference, what, changed.withdrawn_by)
        return changed

    def new_secret_for(self, reference: str) -> str:
        reference, secret = normalise_reference(reference), new_secret()
        secret_hash = self._hasher.hash(secret)
        with self._lock:
            stored = self._needs.get(reference)
            if stored is None:
                raise NeedNotFoundError(reference)
            self._needs[reference] = replace(stored, secret_hash=secret_hash)
        return secret

    def delete_for_sender(self, sender_id: str) -> int:
        with self._lock:
            gone = [ref for ref, stored in self._needs.items() if self._of(sender_id, stored.need)]
            for reference in gone:
                del self._needs[reference]
            self._unlocked = {(s, ref) for s, ref in self._unlocked if s != sender_id and ref not in gone}
        logger.info("erasure request: %d need(s) deleted", len(gone))
        return len(gone)

    def for_sender(self, sender_id: str) -> list[FirmNeed]:
        with self._lock:
            mine = [stored.need for stored in self._needs.values() if self._of(sender_id, stored.need)]
        return sorted(mine, key=lambda need: need.created_at)

    def conversations_of(self, sender_id: str) -> set[str]:
        with self._lock:
            mine = [stored.need for stored in self._needs.values() if self._of(sender_id, stored.need)]
            references = {need.reference for need in mine}
            unlocked = {s for s, ref in self._unlocked if ref in references}
        return {sender for sender in (*(need.sender_id for need in mine), *unlocked) if sender}

    def _of(self, sender_id: str, need: FirmNeed) -> bool:
        """True when the need was posted from this conversation or unlocked in it."""
        return need.sender_id == sender_id or (sender_id, need.reference) in self._unlocked

    def export_rows(self, since: datetime | None = None) -> list[dict[str, str]]:
        return [need_row(need) for need in self.list(since)]

    def close(self) -> None:
        """Nothing to release."""

    def _owned(self, reference: str, secret: str) -> _Stored:
        stored = self._needs.get(reference)
        if stored is None:
            raise NeedNotFoundError(reference)
        self._hasher.check(reference, secret, stored.secret_hash)
        return stored

    def _change(self, reference: str, secret: str, change: Callable[[FirmNeed], FirmNeed]) -> FirmNeed:
        reference = normalise_reference(reference)
        with self._lock:
            stored = self._owned(reference, secret)
            changed = change(stored.need)
            self._needs[reference] = replace(stored, need=changed)
        if changed != stored.need:
            logger.info("need %s changed (status %s)", reference, changed.status)
        return changed

    def list(
        self, since: datetime | None = None, *, until: datetime | None = None,
        ecosystem: str | None = None, region: str | None = None, status: str | None = None,
    ) -> list[FirmNeed]:
        wanted = {"ecosystem": ecosystem, "region": region, "status": status}
        with self._lock:
            needs = [stored.need for stored in self._needs.values()]
        return sorted(
            (
                need for need in needs
                if (since is None or need.created_at >= since)
                and (until is None or need.created_at < until)
                and all(value is None or getattr(need, name) == value for name, value in wanted.items())
            ),
            key=lambda need: need.created_at,
        )
