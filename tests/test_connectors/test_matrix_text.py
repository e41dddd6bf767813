"""Matrix text both ways (connectors/matrix_text.py): the typed part of a reply, and long or
code-holding answers as room messages that fit an event and show code as code."""

from __future__ import annotations

import json

import pytest

from connectors.matrix_text import HTML_FORMAT, html_of, json_size, text_contents, text_parts, typed_text

REPLY = {"m.relates_to": {"m.in_reply_to": {"event_id": "$alert"}}}
ALERT_QUOTE = '> <@bot:localhost> New firm need N-FK6ET: 4 × welding (upskilling)\n> Say "need N-FK6ET".'


@pytest.mark.parametrize(
    ("content", "typed"),
    [
        ({"body": f"{ALERT_QUOTE}\n\nnew secret for N-8C6A7", **REPLY}, "new secret for N-8C6A7"),
        (
            {"body": "> <@bot:localhost> • N-AAAAA\n> • N-BBBBB\n\nneed N-8C6A7 please", **REPLY},
            "need N-8C6A7 please",
        ),
        (
            {"body": "> <@bot:localhost> long\n\nexport needs\nsince monday", **REPLY},
            "export needs\nsince monday",
        ),
        ({"body": "new secret for N-8C6A7", **REPLY}, "new secret for N-8C6A7"),  # a client without fallback
        ({"body": f"{ALERT_QUOTE}\n\n", **REPLY}, ""),
        ({"body": "> 3 welders, not 4"}, "> 3 welders, not 4"),  # no reply: a quote the person typed
        ({"msgtype": "m.text"}, ""),
    ],
    ids=[
        "reply-to-alert",
        "reply-to-list",
        "two-lines-typed",
        "no-fallback",
        "quote-only",
        "not-a-reply",
        "no-body",
    ],
)
def test_typed_text_leaves_out_the_quote_of_a_reply(content: dict, typed: str) -> None:
    assert typed_text(content) == typed


def table(rows: int) -> str:
    return (
        "Needs export\n```csv\n"
        + "\n".join(f'N-{i:05d},"Firm & Co <x>",{i}' for i in range(rows))
        + "\n```\n(end)"
    )


def test_a_short_text_is_one_part_as_it_is() -> None:
    assert text_parts("Hello staff!\n1. Skills") == ["Hello staff!\n1. Skills"]


def test_long_text_is_cut_at_line_ends_into_parts_that_fit() -> None:
    text = "\n".join(f"• N-{i:05d} Graz — 4 × welding" for i in range(3000))
    parts = text_parts(text, limit=20_000)
    assert len(parts) > 1 and all(json_size(part) <= 20_000 for part in parts)
    assert "\n".join(parts) == text


def test_a_code_block_cut_in_two_is_closed_and_opened_again() -> None:
    parts = text_parts(table(3000), limit=20_000)
    assert len(parts) > 2 and all(json_size(part) <= 20_000 for part in parts)
    assert parts[0].startswith("Needs export\n```csv\n") and parts[-1].endswith("\n```\n(end)")
    for part in parts[1:]:
        assert part.startswith("```csv\nN-")
    for part in parts[:-1]:
        assert part.endswith("\n```")
    rows = [line for part in parts for line in part.split("\n") if line.startswith("N-")]
    assert len(rows) == 3000 and rows[-1].startswith("N-02999")


def test_a_line_longer_than_a_part_is_cut_too() -> None:
    parts = text_parts("x" * 50_000, limit=20_000)
    assert "".join(parts) == "x" * 50_000 and all(json_size(part) <= 20_000 for part in parts)


def test_code_is_sent_as_html_too_and_the_plain_body_kept() -> None:
    text = "Demand by town\n```\nGraz   <4> & 2\n```\nA need counts once."
    [content] = text_contents(text)
    assert content["body"] == text and content["format"] == HTML_FORMAT
    assert content["formatted_body"] == (
        "Demand by town<pre><code>Graz   &lt;4&gt; &amp; 2\n</code></pre>A need counts once."
    )


def test_a_language_is_kept_and_an_unclosed_block_runs_to_the_end() -> None:
    assert html_of("```csv\na,b") == '<pre><code class="language-csv">a,b\n</code></pre>'


def test_text_without_code_has_no_html() -> None:
    assert text_contents("Contact: Bob Stone <bob@acme.at>") == [
        {"msgtype": "m.text", "body": "Contact: Bob Stone <bob@acme.at>"}
    ]


def test_every_message_of_a_long_export_stays_far_below_the_event_limit() -> None:
    contents = text_contents(table(5000))
    assert len(contents) > 1 and all(c["format"] == HTML_FORMAT for c in contents)
    assert all(len(json.dumps(c).encode()) < 60_000 for c in contents)  # Synapse refuses 64 KB events
