"""Who counts as cluster staff, and the chart and CSV messages that the staff channels understand.

Staff functions (demand reports, unmet needs, alerts) answer only on the staff channels,
Slack and Matrix, and only to senders in an allow-list read from the environment:

- ``STAFF_SLACK_USERS``: Slack member ids, comma separated (``U012AB3CD,U045EF6GH``);
- ``STAFF_MATRIX_USERS``: Matrix user ids, comma separated (``@ana:cluster.eu,@bo:cluster.eu``).

The check is a pure function, so the actions (which must not import the Rasa server) and the
input channels (which drop non-staff messages early) share one definition. An unset or empty
list means *nobody* is staff: access fails closed.

The environment is read on every call, not at import, so a changed list needs no code reload
(the processes still need a restart to see a changed environment, as always).
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping
from dataclasses import dataclass

SLACK = "slack"
MATRIX = "matrix"
STAFF_CHANNELS = frozenset({SLACK, MATRIX})
STAFF_USER_VARIABLES = {SLACK: "STAFF_SLACK_USERS", MATRIX: "STAFF_MATRIX_USERS"}
CHART_KEY = "chart"
#: set by the staff channels on each message they pass to Rasa: whether its sender is staff.
#: The NLU guard reads it to keep staff out of the worker's and firm's conversations; the staff
#: actions still check :func:`is_staff` (metadata may be forged on other channels).
STAFF_METADATA_KEY = "staff"
#: message metadata a channel sets True when only staff read the conversation (a Matrix room
#: whose every joined or invited member is staff or the bot): contact details may be shown there
PRIVATE_TO_STAFF_KEY = "private_to_staff"


def staff_ids(channel: str | None, environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """The allow-listed sender ids of one staff channel; empty for any other channel."""
    variable = STAFF_USER_VARIABLES.get(channel or "")
    if variable is None:
        return frozenset()
    env = os.environ if environ is None else environ
    return frozenset(part.strip() for part in env.get(variable, "").split(",") if part.strip())


def slack_user_id(sender_id: str) -> str:
    """The Slack member id inside a Rasa sender id.

    Rasa's Slack channel appends ``_<channel>`` (and ``_<thread>``) to the member id when
    ``conversation_granularity`` is ``channel`` or ``thread``; member ids never contain ``_``.
    """
    return sender_id.split("_", 1)[0]


def is_staff(channel: str | None, sender_id: str | None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a message that came in on ``channel`` from ``sender_id`` may use staff functions.

    Args:
        channel: the input channel name, as ``tracker.get_latest_input_channel()`` returns it.
        sender_id: the conversation's sender id (Slack member id, or Matrix user id).
        environ: the environment to read (default ``os.environ``); tests pass a dict.
    """
    if channel not in STAFF_CHANNELS or not sender_id:
        return False
    user = slack_user_id(sender_id) if channel == SLACK else sender_id
    return user in staff_ids(channel, environ)


@dataclass(frozen=True)
class ChartImage:
    """A PNG chart that an action sends to a staff channel as a ``custom`` payload."""

    png: bytes
    title: str
    filename: str = "chart.png"


def chart_message(png: bytes, title: str, filename: str = "chart.png") -> dict[str, dict[str, str]]:
    """The ``custom`` payload for ``dispatcher.utter_message(json_message=...)``.

    Rasa responses carry JSON only, so the PNG travels base64-encoded; the Slack channel
    uploads it as a file and the Matrix channel as an ``m.image``.
    """
    data = base64.b64encode(png).decode("ascii")
    return {CHART_KEY: {"png_base64": data, "title": title, "filename": filename}}


def parse_chart_message(payload: Mapping[str, object]) -> ChartImage | None:
    """The chart in a ``custom`` payload made by :func:`chart_message`, or ``None``."""
    chart = payload.get(CHART_KEY)
    if not isinstance(chart, Mapping) or not isinstance(chart.get("png_base64"), str):
        return None
    try:
        png = base64.b64decode(str(chart["png_base64"]), validate=True)
    except (binascii.Error, ValueError):
        return None
    title = str(chart.get("title") or "chart")
    return ChartImage(png=png, title=title, filename=str(chart.get("filename") or "chart.png"))


# ---------------------------------------------------------------- CSV exports

MAX_CSV_CHARS = 30_000  # a Slack message holds 40,000 characters, a Matrix event ~64 KB
CSV_FENCE = "```"
CSV_KEY = "csv_file"


@dataclass(frozen=True)
class CsvFile:
    """A CSV export that an action sends to a staff channel as a ``custom`` payload."""

    text: str
    title: str
    filename: str = "needs.csv"


def csv_message(csv_text: str, title: str, filename: str = "needs.csv") -> dict[str, object]:
    """The ``custom`` payload of a CSV export: a file for the staff channels, text for the rest.

    Slack uploads ``csv_file`` as a file and Matrix as an ``m.file`` (connectors/slack.py,
    connectors/matrix.py), with every row. ``text`` is the fallback any other channel (or a
    failed upload) shows: the title, then the CSV in a code block, cut at a row boundary when
    too long for one message. :func:`parse_csv_file` and :func:`parse_csv_message` read them back.
    """
    shown, note = csv_text, ""
    if len(csv_text) > MAX_CSV_CHARS:
        shown = csv_text[: csv_text.rfind("\n", 0, MAX_CSV_CHARS) + 1]
        note = "\n(cut: the export is longer than one message; the CLI exports every row)"
    return {
        "text": f"{title}\n{CSV_FENCE}\n{shown.rstrip()}\n{CSV_FENCE}{note}",
        CSV_KEY: {"csv": csv_text, "title": title, "filename": filename},
    }


def parse_csv_file(payload: Mapping[str, object]) -> CsvFile | None:
    """The CSV file in a ``custom`` payload made by :func:`csv_message`, or ``None``."""
    found = payload.get(CSV_KEY)
    if not isinstance(found, Mapping) or not isinstance(found.get("csv"), str):
        return None
    title = str(found.get("title") or "CSV export")
    return CsvFile(text=str(found["csv"]), title=title, filename=str(found.get("filename") or "needs.csv"))


def parse_csv_message(text: str) -> str | None:
    """The CSV inside the text fallback of :func:`csv_message` (as a channel shows it), or ``None``."""
    start = text.find(CSV_FENCE + "\n")
    end = text.rfind("\n" + CSV_FENCE)
    if start < 0 or end <= start:
        return None
    return text[start + len(CSV_FENCE) + 1 : end] + "\r\n"
