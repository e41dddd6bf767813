"""Pure parsing of typed and tapped answers."""

from __future__ import annotations

from datetime import date

import pytest

from actions import languages_said, names, parsing, texts, wishes

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("online", "online"),
        ("I'd rather learn from home", "online"),
        ("in person please", "in_person"),
        ("in a classroom", "in_person"),
        ("either is fine", "any"),
        ("any", "any"),
        ("both online and in person", "any"),
        ("banana", None),
    ],
    ids=["online", "from-home", "in-person", "classroom", "either", "button-any", "both", "nonsense"],
)
def test_parse_mode(text: str, expected: str | None) -> None:
    assert parsing.parse_mode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25", 25.0),
        ("up to 50 km", 50.0),
        ("about 15 kilometres", 15.0),
        ("any", "any"),
        ("distance doesn't matter", "any"),
        ("10 miles", 16.1),
        ("far", "any"),
        ("no idea", None),
        ("0", None),
    ],
    ids=["button", "up-to", "about", "any", "doesnt-matter", "miles", "far", "no-number", "zero"],
)
def test_parse_distance(text: str, expected: float | str | None) -> None:
    assert parsing.parse_distance(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en", "en"),
        ("German please", "de"),
        ("French or English", "fr,en"),
        ("English, german or English", "en,de"),
        ("any language", "any"),
        ("Klingon", None),
    ],
    ids=["code", "name", "each-named", "each-once", "any", "unknown"],
)
def test_parse_language(text: str, expected: str | None) -> None:
    assert parsing.parse_language(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0.0),
        ("free only", 0.0),
        ("up to 300 euros", 300.0),
        ("1.5k", 1500.0),
        ("any price", "any"),
        ("I can't pay", 0.0),
        ("lots", None),
        ("anytime", None),
    ],
    ids=["button-free", "free", "up-to", "k-suffix", "any", "cant-pay", "no-number", "any-time-is-no-price"],
)
def test_parse_budget(text: str, expected: float | str | None) -> None:
    assert parsing.parse_budget(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "2026-11-22"),
        ("as soon as possible", "2026-11-22"),
        ("2027-02-01", "2027-02-01"),
        ("next month", "2026-12-01"),
        ("in September", "2027-09-01"),
        ("from March 2027", "2027-03-01"),
        ("in December", "2026-12-01"),
        ("in 2 weeks", "2026-12-06"),
        ("in three months", "2027-02-01"),
        ("any time", "any"),
        ("2027-13-01", None),
        ("whenever the moon is full", "any"),
        ("hmm", None),
    ],
    ids=[
        "now",
        "asap",
        "iso",
        "next-month",
        "month-next-year",
        "month-year",
        "month-this-year",
        "weeks",
        "months-word",
        "any",
        "bad-iso",
        "whenever",
        "nothing",
    ],
)
def test_parse_start(text: str, expected: str | None) -> None:
    assert parsing.parse_start(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 km", {names.MAX_DISTANCE: 30.0}),
        ("in person, max 20 kilometres", {names.MODE: "in_person", names.MAX_DISTANCE: 20.0}),
        ("German", {names.LANGUAGE: "de"}),
        ("up to 2000 euros, from January", {names.BUDGET: 2000.0, names.START: "2027-01-01"}),
        ("€300 and online", {names.BUDGET: 300.0, names.MODE: "online"}),
        ("free courses only, in German", {names.BUDGET: 0.0, names.LANGUAGE: "de"}),
        ("from May", {names.START: "2027-05-01"}),
        ("in three weeks", {names.START: "2026-12-13"}),
        ("I may be late", {}),
        ("I polish cars", {}),
        ("Polish", {names.LANGUAGE: "pl"}),
        ("30", {}),
        ("any", {}),
        ("right away", {}),
        ("online or in person, I don't mind", {}),
        ("Kapfenberg", {}),
        ("anytime", {names.START: "any"}),
        ("whenever, up to 500 euros", {names.BUDGET: 500.0, names.START: "any"}),
    ],
    ids=[
        "km", "mode-and-km", "language", "price-and-month", "euro-sign-and-mode", "free-courses", "may-after-from",
        "in-weeks", "may-the-verb", "polish-the-verb", "polish-the-language", "bare-number", "any",
        "now-is-unstated", "either-mode", "a-town", "any-time-says-when", "whenever-and-price",
    ],
)
def test_stated_preferences_only_what_is_unmistakable(text: str, expected: dict[str, object]) -> None:
    assert parsing.stated_preferences(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Graz, in person, max 30 km", "Graz"),
        ("in person, max 40 km", ""),
        ("Leoben and online in German", "Leoben"),
        ("Bruck an der Mur", "Bruck an der Mur"),
    ],
)
def test_without_preferences(text: str, left: str) -> None:
    assert parsing.without_preferences(text) == left


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yes", True), ("No thanks", True), ("ok!", True), ("yes, Graz", False), ("no, I live in Leoben", False),
     ("Nagykanizsa", False), ("8700", False)],
)  # fmt: skip
def test_only_yes_or_no(text: str, expected: bool) -> None:
    assert parsing.only_yes_or_no(text) is expected


def test_wish_start() -> None:
    assert wishes.wish_start("yes, and I\u2019d like to move into PLC") == 9
    assert wishes.wish_start("also forklift") is None


def test_parse_language_takes_polish_in_lower_case_when_asked() -> None:
    assert parsing.parse_language("polish") == "pl"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty"),
        ("   ", "empty"),
        (None, "empty"),
        ("x" * 2001, "too_long"),
        ("x" * 2000, None),
        ("<b>hi</b>", None),
    ],
    ids=["empty", "blank", "none", "too-long", "at-limit", "markup-is-text"],
)
def test_message_problem(text: str | None, expected: str | None) -> None:
    assert parsing.message_problem(text) == expected


@pytest.mark.parametrize(
    ("hint", "slot"),
    [
        ("no offer within 30 km — 3 within 80 km", names.MAX_DISTANCE),
        ("no free offers — 5 cost under €500", names.BUDGET),
        ("no offer costs €200 or less — 2 cost under €300", names.BUDGET),
        ("no offer in person — 4 online", names.MODE),
        ("no offer in German — 2 in English", names.LANGUAGE),
        ("no offer starts on or after 10 Jan 2027 — 2 start earlier, from 1 Dec 2026", names.START),
        ("relaxing one limit alone is not enough — 4 teach these skills without any limits", None),
    ],
    ids=["distance", "free", "cost", "mode", "language", "start", "several"],
)
def test_relax_limit_reads_the_engine_hints(hint: str, slot: str | None) -> None:
    assert parsing.relax_limit(hint) == slot


@pytest.mark.parametrize(
    ("text", "expected"),
    # "ya" was no yes: a worker was stuck at the skills' confirmation and at the consent question
    [("yes please", True), ("No", False), ("maybe", None), ("ya", True), ("yup, all good", True), ("see ya", None)],
    ids=["yes", "no", "neither", "ya", "yup", "see-ya"],
)
def test_yes_or_no(text: str, expected: bool | None) -> None:
    assert parsing.yes_or_no(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to move into robotics maintenance", True),
        ("I\u2019d love to work with robots", True),
        ("id like to do something with computers", True),
        ("my goal is CNC programming", True),
        ("I'm hoping to retrain as an electrician", True),
        ("I want a job in IT", True),
        ("I want to add welding", False),  # a correction of the list
        ("I'd like to remove Excel", False),
        ("I like to cook", False),  # what one does, not a wish
        ("I did TIG welding", False),
    ],
)
def test_wish(text: str, expected: bool) -> None:
    assert (wishes.wish_start(text) is not None) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("start over", True), ("let's begin again", True), ("from the beginning", True), ("new search", True),
     ("from March", False), ("I can start in March", False), ("overtime is fine", False),
     ("I want to start from scratch in IT", False)],  # QA7: a career change, not "start over"
)  # fmt: skip
def test_says_start_over(text: str, expected: bool) -> None:
    assert parsing.says_start_over(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("ich wohne in Graz", True),
        ("je cherche une formation", True),
        ("ich bin Schweißer", True),
        ("I live in Bruck an der Mur", False),
        ("Kapfenberg", False),
        ("Mürzzuschlag", False),
        ("Hallo", False),
        ("TIG welding and PLC programming", False),
        ("yes please", False),
        ("500 per course", False),
        ("yo", False),
        ("Bauer und Partner KG", True),  # so only out-of-scope messages are asked (nlu_guard)
    ],
)
def test_not_english(text: str, expected: bool) -> None:
    assert languages_said.not_english(text) is expected


DATES = ["from March 2027", "I can only start in January 2027", "in 2027", "2027-03-01", "from 1 March",
         "01.03.2027", "starting March 1st, 2027", "in 3 weeks", "from 01.03.2027", "2027/03/01", "15/03/2027",
         "1. März 2027", "Q3 2027", "spring 2027", "by the end of 2027"]  # fmt: skip


@pytest.mark.parametrize("text", DATES)
def test_a_date_is_no_price(text: str) -> None:
    # "from March 2027" at the price question set a budget of €2027 (QA w09, w28)
    assert parsing.parse_budget(text) is None


@pytest.mark.parametrize("text", DATES)
def test_a_date_is_no_distance(text: str) -> None:
    # "from March 2027" at the distance question set a limit of 2027 km (QA w10)
    assert parsing.parse_distance(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("up to 2027 euros", 2027.0), ("2027", 2027.0), ("from March, 40 €", 40.0)],
    ids=["year-like-price", "bare-number-asked", "month-then-price"],
)
def test_a_number_beside_a_month_may_still_be_a_price(text: str, expected: float) -> None:
    assert parsing.parse_budget(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from March 2027", {names.START: "2027-03-01"}),
        ("I can only start in January 2027", {names.START: "2027-01-01"}),
        ("2027-03-01", {names.START: "2027-03-01"}),
        ("up to 40 km and max 800 euros", {names.MAX_DISTANCE: 40.0, names.BUDGET: 800.0}),
        (
            "in person, I can pay 300 euros and travel 40 km",
            {names.MODE: "in_person", names.BUDGET: 300.0, names.MAX_DISTANCE: 40.0},
        ),
        ("ok I can travel 50 km and pay up to 600 euros", {names.MAX_DISTANCE: 50.0, names.BUDGET: 600.0}),
        ("20 miles, €300", {names.MAX_DISTANCE: 32.2, names.BUDGET: 300.0}),
        ("my budget is 400", {names.BUDGET: 400.0}),
        ("within 30 km, any price", {names.MAX_DISTANCE: 30.0}),
        ("only the free stuff", {names.BUDGET: 0.0}),
        ("free", {names.BUDGET: 0.0}),
        ("I'm free from March", {names.START: "2027-03-01"}),
        ("from 01.03.2027", {names.START: "2027-03-01"}),
        ("in spring, max 30 km", {names.START: "2027-03-01", names.MAX_DISTANCE: 30.0}),
        ("I had a summer job", {}),
    ],
    ids=[
        "month-year", "start-in-month-year", "iso", "km-and-euros", "euros-and-km", "km-and-pay-up-to",
        "miles-and-euro-sign", "budget-word", "km-and-any-price", "free-stuff", "free-alone", "free-as-available",
        "dotted-date", "season-and-km", "a-season-said-of-no-start",
    ],
)  # fmt: skip
def test_each_limit_takes_the_number_said_in_its_unit(text: str, expected: dict[str, object]) -> None:
    assert parsing.stated_preferences(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "distance", "budget"),
    [
        ("up to 40 km and max 800 euros", 40.0, 800.0),
        ("I can pay 300 euros and travel 40 km", 40.0, 300.0),
        ("within 30 km", 30.0, None),
        ("I can pay 300", None, 300.0),
        ("300", 300.0, 300.0),
    ],
    ids=["km-then-euros", "euros-then-km", "km-only", "pay-only", "bare-number-answers-the-question"],
)
def test_a_number_in_another_unit_answers_no_other_question(
    text: str, distance: float | None, budget: float | None
) -> None:
    assert (parsing.parse_distance(text), parsing.parse_budget(text)) == (distance, budget)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("don't care", "any"), ("I do not care", "any"), ("nothing over 300 euros", 300.0)],
    ids=["dont-care", "do-not-care", "nothing-over-a-price"],
)
def test_parse_budget_in_words(text: str, expected: float | str) -> None:
    assert parsing.parse_budget(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("online would be ok too", "any"),
        ("in person as well", "any"),
        ("online is also fine", "any"),
        ("only online", "online"),
        ("too busy to travel, online", "online"),
    ],
    ids=["online-too", "in-person-as-well", "also-fine", "only-online", "too-busy"],
)
def test_a_mode_accepted_besides_another_is_any(text: str, expected: str) -> None:
    # "online would be ok too" after nothing fit in person narrowed the search to online (QA w17)
    assert parsing.parse_mode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("N-CDNJ5", None), ("n-cdnj5", None), ("no-7k3qx", None), ("n", False), ("n.", False), ("y", True)],
    ids=["reference", "reference-lower", "reference-no", "n", "n-dot", "y"],
)
def test_a_reference_is_no_yes_or_no(text: str, expected: bool | None) -> None:
    # typing the need's reference at the consent question recorded a refusal (QA f01b, f07)
    assert parsing.yes_or_no(text) is expected
    assert parsing.only_yes_or_no(text) is (expected is not None)


@pytest.mark.parametrize("text", ["I live in 8700 Leoben, about 20 km from Bruck", "a village 10 km north of Graz"])
def test_a_distance_that_says_where_one_lives_is_no_limit(text: str) -> None:
    # "about 20 km from Bruck" at the town question was noted as "up to 20 km"
    assert names.MAX_DISTANCE not in parsing.stated_preferences(text, date(2026, 12, 7))


@pytest.mark.parametrize(
    ("text", "price"),
    [("up to 1.200 €", 1200.0), ("max 1,500 €", 1500.0), ("2.5k euros", 2500.0), ("12,50 €", 12.5), ("1.5 euros", 1.5)],
)  # fmt: skip
def test_a_thousands_separator_is_no_decimal_point(text: str, price: float) -> None:
    # "I can pay up to 1.200 €" was noted as "up to 1.2 €"
    assert parsing.parse_budget(text) == price


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Basque", "eu"), ("Euskara", "eu"), ("euskera", "eu"), ("español", "es"), ("espanol", "es"),
     ("castellano", "es"), ("spanisch", "es"), ("Italiano", "it"), ("italienisch", "it"), ("englisch", "en"),
     ("Deutsch", "de"), ("français", "fr"), ("francais", "fr"), ("französisch", "fr"), ("Catalan", "ca"),
     ("català", "ca"), ("Galician", "gl"), ("galego", "gl"), ("basque or spanish", "eu,es")],
    ids=str,
)  # fmt: skip
def test_a_language_by_its_own_or_german_name(text: str, expected: str) -> None:
    # "Basque", "español", "Deutsch" got "Sorry, I didn't understand that answer" (QA)
    assert parsing.parse_language(text) == expected


def test_the_basque_country_is_no_language() -> None:
    assert parsing.stated_preferences("I live in the Basque Country", TODAY) == {}


@pytest.mark.parametrize(
    "text",
    ["I don't know, not too far", "not too far", "how far is too far?", "not far", "anywhere nearby", "any?",
     "an hour by car", "1 hour by car", "30 minutes drive"],
    ids=["dont-know-not-too-far", "not-too-far", "a-question", "not-far", "anywhere-nearby", "any-asked",
         "an-hour", "hours-are-no-km", "minutes-are-no-km"],
)  # fmt: skip
def test_a_distance_without_its_number_is_no_limit_lifted(text: str) -> None:
    # "not too far" lifted the distance limit: it was read by "far" as "any distance" (QA)
    assert parsing.parse_distance(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("far", "any"), ("as far as needed", "any"), ("anything up to 30", 30.0), ("anything under 500", 500.0)],
    ids=["far", "as-far-as-needed", "a-number-beats-anything", "a-bare-number-beats-anything"],
)
def test_a_distance_said_without_a_limit(text: str, expected: float | str) -> None:
    assert parsing.parse_distance(text) == expected


@pytest.mark.parametrize(
    "text",
    ["cheap", "as cheap as possible", "low cost", "anything cheap", "whatever is cheapest", "nothing too expensive",
     "any price?"],
    ids=["cheap", "as-cheap-as-possible", "low-cost", "anything-cheap", "cheapest", "nothing-too-expensive",
         "a-question"],
)  # fmt: skip
def test_a_price_without_its_number_is_no_limit_lifted(text: str) -> None:
    # "anything cheap" lifted the price limit (QA)
    assert parsing.parse_budget(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("free", 0.0), ("free only", 0.0), ("up to 500 €", 500.0), ("1.200 €", 1200.0), ("any", "any"),
     ("don't care", "any"), ("nothing over 300", 300.0), ("anything under 500", 500.0)],
    ids=["free", "free-only", "up-to", "thousands", "any", "dont-care", "nothing-over-a-bare-number",
         "anything-under-a-bare-number"],
)  # fmt: skip
def test_a_price_said_plainly(text: str, expected: float | str) -> None:
    assert parsing.parse_budget(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hallo, ich bin Schweißer aus Graz", "de"),  # QA6: greeted without the notice
        ("Necesitamos 3 soldadores en Bilbao", "es"),  # QA6: not read as Spanish
        ("hola", "es"),
        ("ja", "de"),
        ("I want a course in Bilbao", None),
        ("Talleres Urbieta S.A.", None),
    ],
)
def test_the_language_of_a_message_in_another_language(text: str, language: str | None) -> None:
    assert languages_said.foreign_language(text) == language


def test_only_english_is_said_in_the_message_s_language() -> None:
    # QA6: a Spanish message was told "(Ich kann leider nur auf Englisch antworten.)"
    assert texts.english_only("es").endswith("(Por ahora solo puedo responder en inglés.)")
    assert texts.english_only(None) == "Sorry, I can only chat in English for now."


@pytest.mark.parametrize(
    ("text", "expected"),
    [("something where i don't need computers, maybe maintenance", "maintenance"),
     ("I want to work in a factory. I speak Arabic", "I want to work in a factory"),
     ("elderly care but only part-time", "elderly care"), ("no idea", "")],
)  # fmt: skip
def test_the_wished_part_of_a_goal(text: str, expected: str) -> None:
    # QA8 D10/D14: a negated part ("don't need computers") and a language spoken became the goal
    assert wishes.wished_part(text) == expected


def test_a_wish_ends_with_its_sentence() -> None:
    text = "I was a tailor, now I want to work in a factory. I live in Pforzheim."
    at, end = wishes.wish_span(text)
    assert text[at:end] == "I want to work in a factory"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I speak Arabic and a little German", {}), ("I have no money for courses", {names.BUDGET: 0.0}),
     ("I'm 45 and can't afford much", {names.BUDGET: 0.0})],
)  # fmt: skip
def test_languages_spoken_are_no_limit_and_no_money_is_free(text: str, expected: dict[str, object]) -> None:
    assert parsing.stated_preferences(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ana.lopez@gmail.com", True), ("+34 612 345 678", True), ("0664 1234567", True), ("01.03.2027", False),
     ("2027-03-01", False), ("8700 Leoben", False)],
)  # fmt: skip
def test_contact_details_are_seen(text: str, expected: bool) -> None:
    assert parsing.contact_details(text) is expected


@pytest.mark.parametrize("text", ["electricista", "soldador", "elettricista", "Schweißer"])
def test_a_job_in_another_language_is_not_english(text: str) -> None:
    # QA8 L11: "electricista" at the job question was offered *electrical engineer*
    assert languages_said.not_english(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("evenings only", True), ("part-time only because of my kids", True), ("no car, bus only", True),
     ("i was a receptionist, now cleaning part time", False), ("I work night shifts as a guard", False)],
)  # fmt: skip
def test_a_limit_the_catalogue_does_not_record(text: str, expected: bool) -> None:
    # QA8 L8: said as a limit, not as one's work
    assert parsing.unrecorded_limit(text) is expected


@pytest.mark.parametrize(
    ("text", "mode"),
    [("i don't want online courses", "in_person"), ("not online please", "in_person"), ("in person, not online", "in_person"),
     ("i wouldn't mind online", "online"), ("online only", "online")],
    ids=str,
)  # fmt: skip
def test_online_refused_is_in_person(text: str, mode: str) -> None:
    # QA9: "i don't want online courses" after results gave "Only online courses, then."
    assert parsing.parse_mode(text) == mode and parsing.says_online(text) is (mode == "online")


@pytest.mark.parametrize("text", ["i don't want to pay anything", "i dont want to pay", "I won't spend a cent"])
def test_paying_refused_is_free_only(text: str) -> None:
    # QA9: "i don't want to pay anything" was read as "any price" ("anything")
    assert parsing.parse_budget(text) == 0.0


def test_good_evening_is_no_limit() -> None:
    # QA9: "Good evening. I'm a car mechanic …" got "I can't filter by that: … times of day"
    assert not parsing.unrecorded_limit("Good evening. I need to learn about electric cars")
    assert parsing.unrecorded_limit("evenings only please")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("any distance", [names.MAX_DISTANCE]),
        ("ok any distance and any price", [names.MAX_DISTANCE, names.BUDGET]),
        ("relax the price and the language", [names.BUDGET, names.LANGUAGE]),
        ("whatever", []),
    ],
    ids=["one", "two-any", "two-named", "none"],
)
def test_relax_slots_from_text_reads_every_limit_named(text: str, expected: list[str]) -> None:
    assert parsing.relax_slots_from_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("any language is fine", [names.LANGUAGE]),
        ("ok any distance and any price", [names.MAX_DISTANCE, names.BUDGET]),
        ("either, max 40km, spanish or english", []),
        ("any, max 50 km", []),
        ("I can't pay anything", []),
    ],
    ids=["language", "distance-and-price", "either-with-km", "any-with-km", "free-only"],
)
def test_limits_lifted_by_name_not_by_a_number_beside_any(text: str, expected: list[str]) -> None:
    # "either, max 40km" at the mode question lifted the distance limit it sets
    assert parsing.limits_lifted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i dont want to pay much, 200 max", {names.BUDGET: 200.0}),
        ("i cant pay a lot, max 200", {names.BUDGET: 200.0}),
        ("i dont want to pay much", {names.BUDGET: 0.0}),
        ("I'm 45 and can't pay much", {names.BUDGET: 0.0}),
        ("i can't pay much, max 40 km", {names.MAX_DISTANCE: 40.0, names.BUDGET: 0.0}),
        ("I don't want to pay", {names.BUDGET: 0.0}),
    ],
    ids=["much-200-max", "a-lot-max-200", "much-alone", "an-age", "a-distance", "paying-refused"],
)
def test_paying_little_with_a_most_said_is_that_price(text: str, expected: dict[str, object]) -> None:
    # "i dont want to pay much, 200 max" said ahead was "free courses only"
    assert parsing.stated_preferences(text, TODAY) == expected
