"""Matrix text both ways: what a person typed in an event, and the bot's text as room messages.

Pure functions of text, so they are tested without a homeserver:

- :func:`typed_text` drops the quote a client puts before a reply. Why: Bo used "Reply" on the
  alert "New firm need N-FK6ET…" and typed "new secret for N-8C6A7"; the body holds the quote
  first, and the bot gave N-FK6ET a new secret (QA on Matrix).
- :func:`text_contents` turns one text into ``m.text`` contents: cut at line ends to stay far
  below the homeserver's 64 KB event limit (a long answer had been refused with 413 and lost),
  a code block cut in two closed and opened again, and an HTML ``formatted_body`` beside the
  plain ``body`` when the text has a ``` code block (Element showed the fences, and a report's
  table in a proportional font). The staff texts use no other markup.
- :func:`unmarked` drops the marks of Markdown and Slack's mrkdwn around words (*bold*,
  **bold**, _italic_, `code`, ~strike~, ```blocks```): a body holds them as typed, and "search
  catalogue `welding`" had searched for the backticks (QA13). Slack's channel reads with it too.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

FENCE = "```"
HTML_FORMAT = "org.matrix.custom.html"
MAX_PART_BYTES = 24_000  # of body as JSON: with its HTML twin the event stays under ~50 KB
MAX_CONTENT_BYTES = 60_000  # a part whose HTML would pass this goes as plain text only


_CODE_BLOCK = re.compile(r"```\n?(.*?)\n?```", re.S)
#: a mark around words: *bold*, _italic_, `code`, ~strike~, not inside a word ("/staff_report")
_MARK = re.compile(r"(?<![\w*_~`])([*_~`])(?=\S)(.+?)(?<=\S)\1(?![\w*_~`])")


def unmarked(text: str) -> str:
    """``text`` without markup marks, the words kept: "*demand report* by _ecosystem_" ->
    "demand report by ecosystem"."""
    text = _CODE_BLOCK.sub(r"\1", text)
    for _ in range(3):  # nested marks: *_both_*
        text, count = _MARK.subn(r"\2", text)
        if not count:
            break
    return text


def typed_text(content: Mapping[str, Any]) -> str:
    """The body without a reply's fallback quote, nor markup marks (:func:`unmarked`): when
    the event replies to another (``m.relates_to.m.in_reply_to``), its body opens with the
    quoted lines ("> <@bot:hs> …"), then a blank line, then what was typed."""
    body = content.get("body")
    if not isinstance(body, str):
        return ""
    relation = content.get("m.relates_to")
    if not isinstance(relation, Mapping) or "m.in_reply_to" not in relation:
        return unmarked(body)
    lines = body.split("\n")
    quoted = 0
    while quoted < len(lines) and lines[quoted].startswith(">"):
        quoted += 1
    return unmarked("\n".join(lines[quoted:]).lstrip("\n") if quoted else body)


def json_size(text: str) -> int:
    """Bytes ``text`` takes inside a JSON event (quotes, escapes and ``\\uXXXX`` counted)."""
    return len(json.dumps(text)) - 2


def _pieces(text: str, limit: int) -> Iterator[str]:
    """The lines of ``text``; one too long for a part alone is cut into pieces that fit."""
    for line in text.split("\n"):
        if json_size(line) <= limit:
            yield line
            continue
        start, size = 0, 0
        for end, char in enumerate(line):
            cost = json_size(char)
            if size + cost > limit:
                yield line[start:end]
                start, size = end, 0
            size += cost
        yield line[start:]


def is_fence(line: str) -> bool:
    return line.lstrip().startswith(FENCE)


def text_parts(text: str, limit: int = MAX_PART_BYTES) -> list[str]:
    """``text`` cut at line ends into parts of at most ``limit`` bytes as JSON. A code block cut
    in two is closed (```) at the end of one part and opened again, with its opening line
    (```csv), at the start of the next, so each part shows as code on its own."""
    reserve = json_size("\n" + FENCE)  # room to close a block the part ends in
    parts: list[str] = []
    current: list[str] = []
    size = 0
    opener: str | None = None  # the fence line of the code block the current line is in
    for line in _pieces(text, limit - 2 * reserve):
        after = (line if opener is None else None) if is_fence(line) else opener
        needed = json_size(line) + 2 + (reserve if after else 0)  # the line, its "\n", a closing fence
        if current and current != [opener] and size + needed > limit:
            parts.append("\n".join([*current, FENCE] if opener else current))
            current = [opener] if opener else []
            size = sum(json_size(kept) + 2 for kept in current)
        current.append(line)
        size += json_size(line) + 2
        opener = after
    parts.append("\n".join(current))
    return parts


def html_of(text: str) -> str | None:
    """``text`` as Matrix HTML when it has a code block (``<pre><code>``, escaped), else None."""
    if FENCE not in text:
        return None
    out: list[str] = []
    prose: list[str] = []
    code: list[str] | None = None
    language = ""
    for line in text.split("\n"):
        if is_fence(line):
            if code is None:
                out.append("<br>".join(html.escape(kept, quote=False) for kept in prose))
                prose, code = [], []
                language = line.lstrip()[len(FENCE) :].strip()
            else:
                out.append(_code_block(code, language))
                code = None
        elif code is None:
            prose.append(line)
        else:
            code.append(line)
    if code is not None:  # a block never closed runs to the end
        out.append(_code_block(code, language))
    out.append("<br>".join(html.escape(kept, quote=False) for kept in prose))
    return "".join(out)


def _code_block(lines: list[str], language: str) -> str:
    css = f' class="language-{html.escape(language)}"' if language else ""
    return f"<pre><code{css}>{html.escape(chr(10).join(lines), quote=False)}\n</code></pre>"


def text_contents(text: str) -> list[dict[str, Any]]:
    """The ``m.text`` contents that carry ``text``: one per part, with HTML when it has code."""
    contents: list[dict[str, Any]] = []
    for part in text_parts(text):
        content: dict[str, Any] = {"msgtype": "m.text", "body": part}
        formatted = html_of(part)
        if formatted is not None and json_size(part) + json_size(formatted) <= MAX_CONTENT_BYTES:
            content.update(format=HTML_FORMAT, formatted_body=formatted)
        contents.append(content)
    return contents
