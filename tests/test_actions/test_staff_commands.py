"""Staff in a shared room: talk between them gets no answer, a command with a typo is still the
command, help comes when asked or when a message looks like a failed command (QA Matrix M9,
M12 and the typos of its lows)."""

from __future__ import annotations

import pytest

from actions.names import INTENT_STAFF_CHATTER
from actions.nlu_guard import guarded_ranking
from actions.staff_commands import command_named, corrected, is_chatter
from actions.staff_parsing import parse_group


def staff_intent(text: str, *ranking: tuple[str, float]) -> str:
    """The intent the guard gives a staff message the classifier ranked so."""
    ranked = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    guarded = guarded_ranking(text, ranked[0]["name"], ranked, staff=True)
    return (guarded or ranked)[0]["name"]


@pytest.mark.parametrize(
    ("text", "ranking"),
    [("Ana, I'll call Acme Stahl tomorrow about their welders", [("inform", 0.6), ("staff_help", 0.01)]),
     ("ok thanks Bo", [("thank", 0.99), ("staff_new_needs", 0.06)]),
     ("thanks!", [("thank", 1.0)]), ("great, thank you 👍", [("thank", 0.9)]), ("ok", [("affirm", 1.0)]),
     ("Bo can you check the Bilbao one", [("inform", 0.4)]), ("Bo, can you check the new needs?", [("staff_new_needs", 0.7)]),
     ("I'll look into it", [("inform", 0.98)]), ("good morning", [("greet", 1.0)]), ("see you tomorrow", [("goodbye", 1.0)])],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_talk_between_staff_gets_no_answer(text: str, ranking: list[tuple[str, float]]) -> None:
    # each had got the eight lines of help in the shared room
    assert staff_intent(text, *ranking) == INTENT_STAFF_CHATTER


@pytest.mark.parametrize(
    ("text", "ranking"),
    [("help", [("help", 1.0)]), ("what can you do?", [("help", 0.9)]), ("hi", [("greet", 1.0)]),
     ("who are you?", [("bot_challenge", 0.6)]), ("how many welders did firms ask for this month?", [("faq", 0.4)]),
     ("dmnd rprt", [("inform", 0.5)]), ("hello bot", [("greet", 1.0)])],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_help_when_asked_or_for_what_looks_like_a_failed_command(
    text: str, ranking: list[tuple[str, float]]
) -> None:
    assert staff_intent(text, *ranking) == "staff_help"


@pytest.mark.parametrize(
    ("text", "ranking", "intent"),
    [("exprot needs", [("staff_new_needs", 0.66), ("staff_export", 0.32)], "staff_export"),  # had listed new needs
     ("demnad reprot", [("inform", 0.57)], "staff_report"),  # had got the help
     ("demnad reprot by contry", [("staff_report", 0.9)], "staff_report"),
     ("online courses", [("only_online", 1.0), ("staff_search", 0.001)], "staff_search"),  # M12: had got the help
     ("list online courses", [("only_online", 1.0), ("staff_search", 0.001)], "staff_search"),
     ("welding page 2", [("inform", 1.0)], "staff_search"),
     ("need fk6et", [("firm_manage", 1.0)], "staff_show_need"),
     ("bot: new needs today", [("staff_new_needs", 0.9)], "staff_new_needs"),
     ("unmet neds in graz", [("staff_unmet_needs", 0.9)], "staff_unmet_needs")],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_commands_with_typos_or_unsure_guesses_are_the_command(
    text: str, ranking: list[tuple[str, float]], intent: str
) -> None:
    assert staff_intent(text, *ranking) == intent


def test_a_confident_guess_stands_over_the_command_words() -> None:
    # "which needs have no training offer" names "needs" before "no training offer"
    assert staff_intent(
        "needs nobody can train for", ("staff_unmet_needs", 0.95), ("staff_new_needs", 0.04)
    ) == ("staff_unmet_needs")


def test_chatter_is_no_staff_intent_off_the_staff_channels() -> None:
    ranked = [{"name": INTENT_STAFF_CHATTER, "confidence": 0.9}, {"name": "out_of_scope", "confidence": 0.1}]
    assert (
        guarded_ranking("I'll call them tomorrow", INTENT_STAFF_CHATTER, ranked)[0]["name"] == "out_of_scope"
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("exprot needs", "export needs"), ("demnad reprot by contry", "demand report by country"),
     ("seach catalogue welding", "search catalogue welding"), ("new neds", "new needs")],
)  # fmt: skip
def test_misspelt_command_words_are_written_right(typed: str, meant: str) -> None:
    assert corrected(typed) == meant


@pytest.mark.parametrize(
    "text",
    ["ask an expert", "can we chat?", "we need staff", "CSV", "Graz", "Kapfenberg", "the firm needs it"],
)
def test_real_words_and_names_are_left_as_typed(text: str) -> None:
    assert corrected(text) == text


def test_a_misspelt_grouping_is_read() -> None:
    # "by contry" had been "I can't group by "contry""
    assert parse_group(corrected("demnad reprot by contry")).group_by == "country"


@pytest.mark.parametrize(
    ("text", "chatter"),
    [("Please show new needs", False), ("What can you do?", False), ("Show the demand report", False),
     ("let's see the demand report", False), ("let's discuss it at lunch", True),
     ("hi all", True), ("Hi Ana", True), ("hi", False)],
    ids=lambda v: v if isinstance(v, str) else None,
)  # fmt: skip
def test_what_is_talk_between_staff(text: str, chatter: bool) -> None:
    assert is_chatter(text) is chatter


def test_command_words_name_one_intent_in_order() -> None:
    assert [command_named(t) for t in ("export needs", "unmet needs", "new needs", "need N-1", "partner x")] == [
        "staff_export", "staff_unmet_needs", "staff_new_needs", "staff_show_need", "staff_search",
    ]  # fmt: skip
