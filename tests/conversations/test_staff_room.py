"""A shared staff room on the trained model: talk between staff gets no answer, help comes when
asked, and the staff's own words for a search are a search (QA Matrix M9, M12)."""

from __future__ import annotations

import uuid

import pytest

from skills_catalog.staff_access import STAFF_METADATA_KEY

pytestmark = pytest.mark.slow
STAFF = {STAFF_METADATA_KEY: True}


async def answers(agent, text: str, metadata: dict | None = STAFF) -> list[dict]:  # noqa: ANN001
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    out = CollectingOutputChannel()
    await agent.handle_message(UserMessage(text, out, f"staff-{uuid.uuid4().hex}", metadata=metadata))
    return out.messages


@pytest.mark.parametrize(
    "text", ["ok thanks Bo", "Ana, I'll call Acme Stahl tomorrow about their welders", "thanks!"]
)
async def test_talk_between_staff_gets_no_answer(agent, text: str) -> None:  # noqa: ANN001
    assert await answers(agent, text) == []


async def test_help_when_asked(agent) -> None:  # noqa: ANN001
    said = await answers(agent, "help")
    assert len(said) == 1 and said[0]["text"].startswith("Hi! For cluster staff I can:")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("online courses", "staff_search"), ("list online courses", "staff_search"), ("blended courses", "staff_search"),
     ("exprot needs", "staff_export"), ("demnad reprot", "staff_report"), ("withdraw N-JWQ2H", "staff_withdraw_need"),
     ("yes, withdraw N-JWQ2H", "staff_withdraw_need")],
)  # fmt: skip
async def test_staff_words_are_their_command(agent, text: str, intent: str) -> None:  # noqa: ANN001
    from rasa.core.channels.channel import UserMessage

    parsed = await agent.processor.parse_message(UserMessage(text, metadata=STAFF))
    assert parsed["intent"]["name"] == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("online courses please", "only_online"), ("welding", "inform"), ("I withdraw my consent", "refuse_consent")],
)
async def test_a_worker_saying_the_same_is_still_a_worker(agent, text: str, intent: str) -> None:  # noqa: ANN001
    from rasa.core.channels.channel import UserMessage

    parsed = await agent.processor.parse_message(UserMessage(text))
    assert parsed["intent"]["name"] == intent
