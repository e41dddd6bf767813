"""Which events and invitations the bridge acts on (stdlib only: tested without matrix-nio).

- **Events.** A message sent while the bridge runs is forwarded. One that arrives in the first
  sync after a restart, from the saved sync token, was sent while the bridge was down: it is
  forwarded when at most ``MAX_CATCH_UP_S`` old, else counted as missed, and the room is told.
  Why: messages sent while the bridge or Rasa restarted had been lost without a word; a
  15-minute-old question answered out of the blue would confuse more than help. Anything older
  than the bridge's start in another sync is history (a room joined late): never answered.
- **Invitations.** To the staff room, and to a direct message from staff (``is_direct`` set by
  the inviter, the inviter on ``STAFF_MATRIX_USERS``), so staff can talk to the bot where only
  they read what it says (contact details, new secrets). Others are logged and left pending.
"""

from __future__ import annotations

from collections.abc import Mapping

FORWARD, MISSED, HISTORY = "forward", "missed", "history"
MAX_CATCH_UP_S = 15 * 60


def event_verdict(
    sent_ms: int, now_ms: int, started_ms: int, catching_up: bool, max_age_s: float = MAX_CATCH_UP_S
) -> str:
    """FORWARD, MISSED (sent while down, too old to answer now) or HISTORY (never answered)."""
    if sent_ms >= started_ms:
        return FORWARD
    if not catching_up:
        return HISTORY
    return FORWARD if now_ms - sent_ms <= max_age_s * 1000 else MISSED


def staff_ids(environ: Mapping[str, str]) -> frozenset[str]:
    """``STAFF_MATRIX_USERS`` as a set. The same reading as ``skills_catalog.staff_access``,
    repeated here because the bridge runs on its own, without the assistant's packages."""
    return frozenset(
        part.strip() for part in environ.get("STAFF_MATRIX_USERS", "").split(",") if part.strip()
    )


def accepts_invitation(
    room_id: str, inviter: str, is_direct: bool, staff_room: str, staff: frozenset[str]
) -> bool:
    """Whether to join ``room_id``: the staff room, or a direct message from a staff member."""
    return room_id == staff_room or (is_direct and inviter in staff)
