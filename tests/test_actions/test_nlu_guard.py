"""The NLU guard's corrections of the intent classifier, without Rasa."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions.nlu_guard import FALLBACK, guarded_ranking

ROOT = Path(__file__).resolve().parents[2]


def ranked(*names: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 / (i + 1)} for i, name in enumerate(names)]


def test_blank_and_huge_messages_go_to_the_fallback() -> None:
    assert guarded_ranking("  ", "greet", ranked("greet")) == [FALLBACK]
    assert guarded_ranking("x" * 5000, "inform", ranked("inform")) == [FALLBACK]


def test_start_over_stands_only_when_said() -> None:
    assert guarded_ranking("start over please", "start_over", ranked("start_over", "inform")) is None
    assert guarded_ranking("I can begin at once", "start_over", ranked("start_over", "inform"))[0]["name"] == "inform"


def test_a_hand_off_needs_words_asking_for_a_person() -> None:
    # QA13d: "human resources" at the goal question was human_handoff at 0.995 and alerted staff
    assert guarded_ranking("human resources", "human_handoff", ranked("human_handoff", "inform"))[0]["name"] == "inform"
    for text in ["talk to a person", "human please", "let me talk to an advisor", "/human_handoff"]:
        assert guarded_ranking(text, "human_handoff", ranked("human_handoff", "inform")) is None, text


def test_a_stated_preference_is_an_answer_not_off_topic() -> None:
    # "from January" once lost start_over and fell to out_of_scope: "Sorry, I can't help with that"
    guarded = guarded_ranking("from January", "start_over", ranked("start_over", "out_of_scope", "inform"))
    assert [r["name"] for r in guarded] == ["inform", "out_of_scope"]
    assert guarded_ranking("max 30 km", "nlu_fallback", ranked("nlu_fallback", "inform"))[0]["name"] == "inform"


def test_off_topic_without_a_preference_stays() -> None:
    assert guarded_ranking("what's the weather like?", "out_of_scope", ranked("out_of_scope", "inform")) is None
    assert guarded_ranking("German", "inform", ranked("inform", "out_of_scope")) is None


def test_another_language_called_off_topic_goes_to_the_fallback() -> None:
    # "ja" got "Sorry, I can't help with that"; the fallback's clarification says English only
    assert guarded_ranking("ja", "out_of_scope", ranked("out_of_scope", "affirm")) == [FALLBACK]
    assert guarded_ranking("Bauer und Partner KG", "inform", ranked("inform")) is None


@pytest.mark.parametrize(
    ("text", "top"),
    [
        ("we're hiring 5 electricians by March", "nlu_fallback"),
        ("we're hiring 5 electricians by March", "inform"),
        ("We are hiring welders", "out_of_scope"),
        ("we need 3 welders in Kapfenberg", "inform"),
        ("we are looking for 2 CNC operators", "start_search"),
        ("our company needs two welders", "inform"),
        ("we're a bakery in Bilbao hiring 2 bakers", "inform"),  # QA4 firm 3: the worker's consent question
        # QA8: the need was kept only after "we need" / "we're hiring"
        ("Our plant in Weiz needs two PLC technicians by April", "inform"),
        ("we need nurses", "greet"),  # QA9: no count, and the worker's journey opened
        ("Our care home in Bruck an der Mur needs 5 nurses trained in dementia care", "inform"),
        ("we're an automotive supplier in Graz and we want to upskill around twenty of our maintenance techs", "inform"),
    ],
    ids=str,
)
def test_a_firm_opening_its_need_starts_the_firm_journey(text: str, top: str) -> None:
    # f04/f05: "we're hiring 5 electricians by March" went to the worker ("by March" made it inform)
    guarded = guarded_ranking(text, top, ranked(top, "firm_start"))
    assert [r["name"] for r in guarded] == ["firm_start", top]


@pytest.mark.parametrize(
    "text", ["we are looking for a welding course", "we need to change our posted need", "I need 3 courses"]
)
def test_a_need_of_no_firm_stands(text: str) -> None:
    assert guarded_ranking(text, "inform", ranked("inform", "firm_start")) is None


def examples(intent: str) -> list[str]:
    """The training examples of ``intent`` in bot/data/nlu/firm.yml."""
    blocks = yaml.safe_load((ROOT / "bot" / "data" / "nlu" / "firm.yml").read_text())["nlu"]
    lines = (line for b in blocks if b.get("intent") == intent for line in b["examples"].splitlines())
    return [line.strip()[2:] for line in lines if line.strip()]


def top(text: str, ranking: list[dict[str, object]], staff: bool = False) -> str:
    """The intent that stands after the guard (``staff``: from staff on a staff channel)."""
    return (guarded_ranking(text, str(ranking[0]["name"]), ranking, staff) or ranking)[0]["name"]


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        ("my company is hiring welders and I want to get the certificate so they take me",
         ranked("out_of_scope", "firm_start", "inform")),
        ("I'm looking for a job, are any firms hiring CNC operators?", ranked("firm_start", "inform")),
        ("I want to work for a company that is hiring robot programmers", ranked("firm_start", "inform")),
        ("my company is hiring welders", ranked("inform", "firm_start")),
        ("Graz, lots of firms are hiring there", ranked("firm_start", "inform")),
        ("we are two brothers looking for jobs as welders, can you help us?", ranked("firm_start", "inform")),
        ("we need a welding course for ourselves, my husband and I are unemployed", ranked("firm_start", "inform")),
        ("my company needs me to learn PLC programming", ranked("firm_start", "inform")),
        ("my boss said we are hiring welders, but I want to retrain as a robot technician", ranked("firm_start", "inform")),
    ],
    ids=["n03-guard", "n03d-classifier", "n03f-classifier", "my-company", "n03g-town", "qa4-brothers", "qa4-ourselves",
         "qa5-needs-me-to", "qa5-boss"],
)  # fmt: skip
def test_a_worker_talking_of_firms_that_hire_gets_no_firm_journey(text: str, ranking: list) -> None:
    # QA2 A: the firm welcome and "I've kept that need" for a worker who mentioned hiring
    assert top(text, ranking) != "firm_start"


@pytest.mark.parametrize("text", examples("firm_start"))
def test_every_firm_start_example_stands(text: str) -> None:
    assert top(text, ranked("firm_start", "inform")) == "firm_start"


@pytest.mark.parametrize(
    "text",
    [
        "Hi, we're a machining shop in Bilbao with 250 employees and we need half a dozen CNC programmers"
        " asap",
        "I'm the HR manager at a bakery chain and we want to train our staff in food safety",
    ],
    ids=["n05", "n13"],
)
def test_a_firm_that_introduces_itself_first_starts_the_firm_journey(text: str) -> None:
    # QA2 N: "Sorry, I need a yes or a no here", and the yes that followed started the worker form
    assert top(text, ranked("inform", "firm_start")) == "firm_start"


@pytest.mark.parametrize(
    "text", ["wait, I need to change my skills", "I need to change my answers", "I want to change my goal"]
)
def test_changing_an_answer_is_no_firm_need(text: str) -> None:
    # QA2 B (n16-chg3): firm_manage 0.93 asked a worker for the reference of a need
    assert top(text, ranked("firm_manage", "start_search", "firm_start")) == "start_search"


@pytest.mark.parametrize(
    "text",
    [
        "I want to view my need",
        "/firm_manage",
        "I'd like to change the need I posted last week",
        "my reference is N-CDNJ5",
        "withdraw the job ad we posted",
        "change what we posted",
        "we found people, withdraw it",
        *examples("firm_manage"),
    ],
)
def test_a_firm_asking_for_its_posted_need_stands(text: str) -> None:
    assert guarded_ranking(text, "firm_manage", ranked("firm_manage", "inform")) is None


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("Mecanizados Ibaizabal S.L.", "out_of_scope"),
        ("Talleres Urbieta S.A.", "out_of_scope"),
        ("Eólica Norte S.L", "chitchat"),
        ("Industrias Goierri S.Coop.", "chitchat"),
        ("Officine Meccaniche Rossi S.p.A.", "out_of_scope"),
        # QA4: these stopped the form, alerted staff, asked to delete everything, said goodbye
        ("Stop & Go GmbH", "stop"),
        ("Human Touch GmbH", "human_handoff"),
        ("Confirm GmbH", "forget_me_confirm"),
        ("Bye Bye Rost KG", "goodbye"),
        ("Thanks Catering OG", "thank"),
        ("Restart GmbH", "start_over"),
    ],
    ids=str,
)
def test_a_company_name_with_its_legal_form_is_an_answer(text: str, guess: str) -> None:
    # QA2 G: "Sorry, I can't help with that" at the company question, and the next answers shifted
    assert top(text, ranked(guess, "inform")) == "inform"


def test_a_company_name_leaves_other_guesses_alone() -> None:
    assert top("Nordic Steel AB", ranked("start_search", "inform")) == "start_search"


@pytest.mark.parametrize(
    ("text", "guess", "expected"),
    [("we need nurses", "staff_show_need", "firm_start"), ("Our clinic needs 5 nurses", "staff_unmet_needs", "firm_start"),
     ("our plant needs new welders", "staff_new_needs", "firm_start"), ("new needs since monday", "staff_new_needs", "firm_start"),
     ("/staff_report", "staff_report", "staff_report")],
    ids=str,
)  # fmt: skip
def test_typed_words_are_no_staff_command_off_the_staff_channels(text: str, guess: str, expected: str) -> None:
    # QA8: "we need nurses", "our plant needs new welders" got "Sorry, that's only for cluster staff";
    # a forged /staff_… stays, for its action to refuse
    assert top(text, ranked(guess, "firm_start")) == expected


@pytest.mark.parametrize(
    ("text", "ranking", "expected"),
    [("need N-7K3QX", ranked("firm_manage", "staff_show_need"), "staff_show_need"),
     ("details for n-7k3qx please", ranked("firm_manage"), "staff_show_need"),
     ("new secret for N-7K3QX", ranked("firm_manage", "staff_new_secret"), "staff_new_secret"),
     ("hi", ranked("greet", "chitchat"), "staff_help"),
     ("what can you do?", ranked("help", "faq"), "staff_help"),
     ("demand for welding", ranked("firm_start", "staff_report", "start_search"), "staff_report"),
     ("uncovered needs", ranked("staff_unmet_needs"), "staff_unmet_needs")],
    ids=str,
)  # fmt: skip
def test_staff_on_their_channel_get_staff_intents_only(text: str, ranking: list[dict[str, object]], expected: str) -> None:
    # QA8: "hi" opened the worker's consent question, which held every staff command after it;
    # "demand for welding" opened the firm's form, "new secret for N-…" the firm's manage form
    assert top(text, ranking, staff=True) == expected


@pytest.mark.parametrize("text", ["IT", "IT services", "we do it all ourselves"])
def test_cancelling_a_need_stands_only_when_said(text: str) -> None:
    # QA4: "IT" at the sector question read as "cancel it", and the firm's form stopped
    assert top(text, ranked("firm_cancel", "inform")) == "inform"
    assert top("cancel it", ranked("firm_cancel", "inform")) == "firm_cancel"


def test_a_secret_in_a_sentence_is_an_answer() -> None:
    # QA4: "the secret is F6N9-367Q-B6RH" got "Sorry, I can't help with that"
    assert top("the secret is F6N9-367Q-B6RH", ranked("out_of_scope", "inform")) == "inform"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Will Baker", "inform"), ("Privacy Policy", "privacy_notice"), ("who sees our data", "privacy_notice")],
)
def test_a_name_read_as_a_privacy_question_is_a_name(text: str, intent: str) -> None:
    # QA7: "Will Baker" at the contact question got the privacy notice, and the next answer
    # ("bricklaying") was stored as the contact
    assert top(text, ranked("privacy_notice", "inform")) == intent


@pytest.mark.parametrize(("text", "stands"), [("blended", False), ("online", False), ("what does blended mean", True), ("is it free?", True)])
def test_a_question_about_courses_stands_only_when_asked(text: str, stands: bool) -> None:
    # QA5 firm 1: "blended" typed at the mode question got the modes explained, and the question looped
    assert (top(text, ranked("faq", "inform")) == "faq") is stands


@pytest.mark.parametrize("text", ["remove the deadline", "delete the date", "cancel the online training, in person now"])
def test_dropping_a_field_of_a_need_is_no_cancel(text: str) -> None:
    # QA6 #2: "delete the date" read as firm_cancel ended the manage form, nothing changed
    assert top(text, ranked("firm_cancel", "inform")) == "inform"


@pytest.mark.parametrize(
    ("text", "guess", "expected"),
    [
        ("N-ZSSPG", "staff_show_need", "firm_manage"),
        ("N\u2013ZSSPG", "staff_show_need", "firm_manage"),
        ("I lost the secret for our need N-ZSSPG, what can I do?", "staff_show_need", "firm_manage"),
        ("hi, can I see our need N-ZSSPG? secret 4J93-3QVS-Q84X", "greet", "firm_manage"),
        ("Hallo, ich möchte unseren Bedarf N-ZSSPG ändern", "out_of_scope", "firm_manage"),
        ("need N-7K3QX", "staff_show_need", "firm_manage"),
        ("we lost our secret", "firm_start", "firm_manage"),
        ("I lost my job", "inform", "inform"),
        ("can we get a new secret for N-ZSSPG?", "staff_new_secret", "firm_manage"),
        ("secret: 4J93-3QVS-Q84X.", "chitchat", "inform"),
    ],
    ids=str,
)
def test_a_firm_quoting_its_reference_gets_its_need(text: str, guess: str, expected: str) -> None:
    # QA6 #10: a firm typing its reference got "only for cluster staff" or the worker's greeting
    assert top(text, ranked(guess, "inform")) == expected


@pytest.mark.parametrize(("text", "guess", "expected"), [("yes, withdraw it", "forget_me_confirm", "inform"),
                                                        ("withdraw it please", "forget_me", "inform"),
                                                        ("I withdraw my consent, delete my data", "forget_me", "forget_me")])  # fmt: skip
def test_withdrawing_a_need_is_no_erasure(text: str, guess: str, expected: str) -> None:
    # QA8: "yes, withdraw it" at "What would you like to do?" asked to delete everything, and the need went
    assert top(text, ranked(guess, "inform")) == expected


@pytest.mark.parametrize("text", ["I withdraw my consent", "i changed my mind, no consent", "I revoke my consent"])
def test_a_consent_taken_back_is_no_consent_given(text: str) -> None:
    # QA8: "I withdraw my consent" got "Thank you" and a new consent record
    assert top(text, ranked("give_consent", "inform")) == "refuse_consent"


@pytest.mark.parametrize("text", ["I changed my mind, you can tell them", "ok yes you can pass it on"])
def test_a_late_consent_in_words_stands(text: str) -> None:
    # QA12: "I changed my mind, you can tell them" after a no got "Sorry, I can't help with that"
    assert top(text, ranked("give_consent", "inform")) == "give_consent"


@pytest.mark.parametrize(
    ("text", "intent", "kept"),
    [("get my HGV licence", "forget_me", "inform"), ("get my CE licence", "forget_me_confirm", "inform"),
     ("delete my data", "forget_me", "forget_me"), ("erase everything about me", "forget_me", "forget_me"),
     ("/forget_me", "forget_me", "forget_me")],
)  # fmt: skip
def test_forget_me_stands_only_with_a_word_that_erases(text: str, intent: str, kept: str) -> None:
    # QA8 D9: "get my HGV licence" at the goal question asked "Delete everything?"
    guarded = guarded_ranking(text, intent, ranked(intent, "out_of_scope", "inform"))
    assert (guarded or ranked(intent))[0]["name"] == kept


@pytest.mark.parametrize(
    ("text", "intent", "kept"),
    [("evenings only", "only_online", "inform"), ("only online", "only_online", "only_online"),
     ("an hour by car", "out_of_scope", "inform"), ("no car, bus only", "nlu_fallback", "inform"),
     ("part-time only because of my kids", "out_of_scope", "inform")],
)  # fmt: skip
def test_a_limit_the_catalogue_cannot_search_by_is_an_answer(text: str, intent: str, kept: str) -> None:
    # QA8 L5/L8: "an hour by car" got the off-topic apology; "evenings only" was read as "only online"
    guarded = guarded_ranking(text, intent, ranked(intent, "out_of_scope", "inform"))
    assert (guarded or ranked(intent))[0]["name"] == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [("data analysts with python + sql + power bi", "inform"), ("is my data safe", "privacy_notice"),
     ("privacy", "privacy_notice"), ("who sees our need?", "privacy_notice")],
    ids=str,
)  # fmt: skip
def test_the_privacy_notice_needs_a_question_or_its_words(text: str, expected: str) -> None:
    # QA8: a firm's data analysts got the privacy notice at the skills question, in a loop
    assert top(text, ranked("privacy_notice", "inform")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("i don't want to pay anything", "inform"), ("i don't want to drive to kapfenberg", "inform"),
     ("no, don't pass it on", "refuse_consent"), ("just browse", "refuse_consent"), ("/refuse_consent", "refuse_consent")],
    ids=str,
)  # fmt: skip
def test_a_consent_refused_speaks_of_consent(text: str, expected: str) -> None:
    # QA9: "i don't want to pay anything" after results withdrew the consent, silently
    assert top(text, ranked("refuse_consent", "inform")) == expected


@pytest.mark.parametrize(
    ("text", "ranking"),
    [("i don't want online courses", ranked("only_online", "refuse_consent", "deny")),
     ("i don't want to pay anything", ranked("refuse_consent", "deny"))],
    ids=["online-refused", "paying-refused"],
)  # fmt: skip
def test_a_preference_refused_is_an_answer_not_the_next_guess(text: str, ranking: list[dict[str, object]]) -> None:
    # QA9: the guess after a dropped one was taken unchecked: "i don't want online courses" fell to
    # refuse_consent and withdrew the consent; the preference itself went unheard
    assert top(text, ranking) == "inform"


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("what if I don't have one?", "not_sure"),  # QA13: "couldn't match that to a job"
        ("do I have to pay?", "nlu_fallback"),  # QA13: what the consent means
        ("why do you need my job?", "privacy_notice"),  # QA13: the whole privacy notice
        ("what do you mean by skills?", "help"),
        ("what if I say no?", "deny"),
    ],
)
def test_a_question_about_the_question_asked_is_a_question(text: str, guess: str) -> None:
    assert guarded_ranking(text, guess, ranked(guess, "inform"))[0]["name"] == "faq"


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("why do you need my data?", "privacy_notice"),
        ("why do you keep my answers?", "privacy_notice"),
        ("why do you need my email?", "privacy_notice"),
        ("no", "deny"),
        ("I don't have one", "not_sure"),
    ],
)
def test_a_privacy_question_or_an_answer_stays(text: str, guess: str) -> None:
    assert guarded_ranking(text, guess, ranked(guess, "inform")) is None
