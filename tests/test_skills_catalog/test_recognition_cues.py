"""Function-word cues: a negation, a question, a wish, a denial, a dislike, free time; and what tells of
other people, things or the media, set aside with them."""

from __future__ import annotations

import pytest

from skills_catalog.recognition_cues import (
    asked,
    clause_of,
    leisure,
    negated,
    questions,
    trails,
    unclaimed,
    wishes,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("I don't drive", True), ("I dont drive", True), ("I can\u2019t weld", True), ("I don\u00b4t drive", True),
     ("never learned to type", True), ("no forklift licence", True), ("I drive a forklift", False),
     ("I want to learn welding", False), ("event planning", False), ("No, I did welding for two years", False),
     ("nope, I weld", False), ("no problem, I can weld", False), ("I can read blueprints no bother", False),
     ("plastering, not a problem", False), ("no bother with me", False)],
    ids=["apostrophe", "no-apostrophe", "curly", "accent", "never", "no", "statement", "want-is-no-n't",
         "event-is-no-n't", "answer-no", "answer-nope", "no-problem", "no-bother", "not-a-problem", "no-bother-2"],
)  # fmt: skip
def test_a_negation_is_seen_however_it_is_typed(line: str, expected: bool) -> None:
    assert negated(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("is the welding course still on?", True), ("is the welding course still on? \U0001f642", True),
     ("still open?!", True), ("did welding for two years", False)],
    ids=["question", "emoji-after", "exclamation-after", "statement"],
)  # fmt: skip
def test_a_question_is_seen_wherever_its_mark_is(line: str, expected: bool) -> None:
    assert asked(line) is expected


@pytest.mark.parametrize(
    ("line", "asking"),
    [("who teaches the welding class on tuesdays?", "who teaches the welding class on tuesdays"),
     ("what's the difference between MIG and TIG welding?", "what's the difference between MIG and TIG welding"),
     ("can weld, is that ok?", "is that ok"), ("sorry, any forklift courses near Graz?", "any forklift courses near Graz"),
     ("I did welding for years, can I do the advanced course?", "can I do the advanced course"),
     ("is there a welding course? I did MIG for 5 years", "is there a welding course"),
     ("Hi there. Who teaches welding?", "Who teaches welding"), ("Doesn\u2019t the course cost anything?", "Doesn\u2019t the course cost anything"), ("won't it be full?", "won't it be full"),
     ("maybe welding?", ""), ("welding, PLC?", ""), ("I did welding for two years", "")],
    ids=["wh-word", "over-and", "last-opener", "after-sorry", "after-a-statement", "first-sentence",
         "second-sentence", "curly-negative", "wont", "unsure-answer", "list", "statement"],
)  # fmt: skip
def test_a_question_in_words_runs_from_its_opener_to_its_mark(line: str, asking: str) -> None:
    assert "".join(line[a:b] for a, b in questions(line)) == asking


@pytest.mark.parametrize(
    ("line", "expected"),
    [("I'd like to work with animals one day", True), ("I\u2019d love to learn PLC", True),
     ("I want a job where I can be outside", True), ("one day I would like to run a salon", True),
     ("I'm looking for a job in logistics", True), ("looking for work as a welder", True),
     ("I hope to move into sales", True), ("my goal is nursing", True),
     ("I plan the shifts for 20 people", False), ("looking after kids", False), ("I did welding", False),
     ("I hope it's not too late", False), ("I applied for a warehouse job", True),
     ("I had an interview for a welding job", True), ("I\u2019ve applied for a job at Magna", True), ("I was rejected for the forklift job", True),
     ("I applied the coating to the hull", False)],
    ids=["id-like", "curly-apostrophe", "i-want", "one-day", "looking-for-a-job", "no-subject", "hope-to",
         "my-goal", "plan-as-a-task", "looking-after", "statement", "hope-without-to", "applied-for-a-job",
         "interview", "ive-applied", "rejected", "applied-as-a-task"],
)  # fmt: skip
def test_a_wish_opens_its_clause(line: str, expected: bool) -> None:
    assert wishes(line, 0, len(line)) is expected


@pytest.mark.parametrize(
    ("line", "aside"),
    [("I'd like to learn PLC, CNC and welding", ["I'd like to learn PLC, CNC and welding"]),
     ("I'd like to learn PLC, I did welding", ["I'd like to learn PLC"]),
     ("I did welding for years and now I'd like to learn PLC", ["now I'd like to learn PLC"]),
     ("I want to learn Excel. Welding is my trade", ["I want to learn Excel"]),
     ("who teaches PLC? I want to learn it, and CAD", ["who teaches PLC", "I want to learn it, and CAD"]),
     ("I'm a bookkeeper, thinking about learning payroll", ["thinking about learning payroll"]),
     ("I did welding, is that ok?", ["is that ok"]), ("maybe welding?", []),
     ("I've never done welding, plumbing, or carpentry", ["I've never done welding, plumbing, or carpentry"]),
     ("I have no idea what PLC means", ["I have no idea what PLC means"]),
     ("I don\u2019t have papers but I did welding for ten years", ["I don\u2019t have papers"]),
     ("no experience in care work", ["no experience in care work"]), ("I don't mind heavy lifting", []),
     ("I never miss a deadline", []), ("I don't just weld, I also do the fitting", []),
     ("No, I did welding", []), ("no problem with night shifts", []),
     ("not sure what to write here", ["not sure what to write here"]), ("not sure, maybe welding?", []),
     ("the electrician who came round was rude, I wire houses myself", ["the electrician who came round was rude"]),
     ("the cleaners at my old office never showed up", ["the cleaners at my old office never showed up"]),
     ("the patients I look after have dementia", []), ("the welding was mostly TIG", []),
     ("I need a forklift licence but I can drive a reach truck", ["I need a forklift licence"]),
     ("I need to use Excel every day", []),
     ("the forklift course was too expensive", ["the forklift course was too expensive"]),
     ("I did the forklift course last year", []), ("I'm never late", []),
     ("I watched a documentary about wind turbines", ["I watched a documentary about wind turbines"]),
     ("I read an article on heat pumps, I install boilers", ["I read an article on heat pumps"]),
     ("I read blueprints all day", []),
     ("there was a story on the news about nurses striking", ["there was a story on the news about nurses striking"]),
     ("saw on facebook that the hospital is hiring porters", ["saw on facebook that the hospital is hiring porters"]),
     ("I make youtube videos for small firms", []),
     ("I hate spreadsheets, they make my head hurt", ["I hate spreadsheets, they make my head hurt"]),
     ("i'm useless at maths", ["i'm useless at maths"]), ("don't have a forklift licence", ["don't have a forklift licence"]),
     ("the pharmacist explained how to take my tablets", ["the pharmacist explained how to take my tablets"]),
     ("a translator helped me at the job centre", ["a translator helped me at the job centre"]),
     ("someone from the bank helped me set up online banking", ["someone from the bank helped me set up online banking"]),
     ("the lads showed me how to weld", []),
     ("the forklift training was a waste of time", ["the forklift training was a waste of time"]),
     ("the canteen food at work is terrible", ["the canteen food at work is terrible"]),
     ("customer service phone lines drive me mad", ["customer service phone lines drive me mad"]),
     ("I drive a taxi, the pay is awful", ["the pay is awful"]),
     ("the lift in our building has been broken for a week", ["the lift in our building has been broken for a week"]),
     ("my car broke down again", ["my car broke down again"]), ("my job was welding", []),
     ("my background is in logistics", []), ("the new welding job was hard", []),
     ("our website has to work on phones", []), ("the patients I look after are lovely", []),
     ("whats the average salary for a bookkeeper", ["whats the average salary for a bookkeeper"]),
     ("is there a welsh version of this", ["is there a welsh version of this"]),
     ("what I do is mostly welding", []), ("What you'll do: build landing pages", []),
     ("failed the forklift assessment last month", ["failed the forklift assessment last month"]),
     ("want to learn coding but dont know where to start", ["want to learn coding", "dont know where to start"]),
     ("saw an advert for a warehouse supervisor", ["saw an advert for a warehouse supervisor"]),
     ("news said the nurses are going on strike", ["news said the nurses are going on strike"]),
     ("reading a book about shipbuilding", ["reading a book about shipbuilding"]),
     ("physio gave me some stretches for my back", ["physio gave me some stretches for my back"]),
     ("delivery driver left my parcel in the bin", ["delivery driver left my parcel in the bin"]),
     ("driver for 10 years", []), ("the cash machine ate my card", ["the cash machine ate my card"]),
     ("self checkouts are taking everyone's jobs imo", ["self checkouts are taking everyone's jobs imo"]),
     ("kids football coach wants parents to help", ["kids football coach wants parents to help"]),
     ("is it ok if i answer these later", ["is it ok if i answer these later"]),
     ("did IT support for a school", []), ("brb making a cuppa", ["brb making a cuppa"]),
     ("back in 2015 I did welding", []), ("back in 5 mins", ["back in 5 mins"]),
     ("is there anything for a plumber, I've done plumbing", ["is there anything for a plumber"]),
     ("the patients call me when they need their meds", []), ("the council employed me as a gardener", []),
     ("hang on a sec, someone's at the door", ["hang on a sec, someone's at the door"]),
     ("they've started building flats next door", ["they've started building flats next door"]),
     ("they pay me to weld", []),
     ("the nurse on the ward was brilliant, so patient", ["the nurse on the ward was brilliant, so patient"]),
     ("my laptop's at the repair shop", ["my laptop's at the repair shop"]),
     ("been playing a farming sim all weekend", ["been playing a farming sim all weekend"]),
     ("we went on a school trip to a recycling plant", ["we went on a school trip to a recycling plant"]),
     ("the news said the nhs is short of 40,000 nurses", ["the news said the nhs is short of 40,000 nurses"])],
    ids=["wish-runs-on", "own-subject-ends-it", "after-and", "sentence-ends-it", "question-and-wish",
         "thinking-about", "question", "unsure-answer", "denial-runs-on", "no-idea", "denial-then-claim",
         "no-subject", "dont-mind", "never-miss", "not-just", "answering-no", "no-problem", "not-sure-what",
         "not-sure-then-answer", "someone-at-work", "people-at-my-work", "the-writers-people", "the-work-itself",
         "a-need-then-a-claim", "what-the-work-needs", "a-course", "the-writers-course", "never-late-claims",
         "seen-on-tv", "read-about-then-a-claim", "reading-as-work", "on-the-news", "saw-on-social-media",
         "making-videos", "a-dislike", "bad-at", "bare-dont", "a-role-serving-the-writer", "a-role-helping",
         "someone-from", "taught-by-others", "training", "a-complaint", "drives-me-mad", "a-claim-then-a-complaint",
         "a-thing-as-subject", "my-thing", "my-job-is-work", "my-background-is-work", "an-activity-is-work",
         "our-is-a-firm", "the-writer-in-the-clause", "unmarked-question", "unmarked-is-there",
         "what-i-do-is-no-question", "an-adverts-heading", "failed", "a-wish-without-i", "an-advert", "the-news-said",
         "a-book-about", "a-role-without-article", "a-role-with-a-modifier", "a-job-title-answer", "a-thing-ate",
         "an-opinion", "a-role-with-two-modifiers", "unmarked-inverted", "IT-is-no-pronoun", "brb", "back-in-a-year-is-no-break", "back-in-minutes",
         "an-unmarked-question-ends-at-its-clause", "people-served-call-me", "employed-me",
         "hang-on-runs-on",
         "they-subject", "they-with-the-writer", "runs-on-without-the-writer", "a-thing-s", "a-game", "a-trip",
         "a-number-with-a-comma"],
)  # fmt: skip
def test_questions_wishes_denials_and_others_at_work_claim_nothing(line: str, aside: list[str]) -> None:
    assert [line[a:b] for a, b in unclaimed(line)] == aside


def test_a_dislike_is_set_aside_only_when_asked() -> None:
    line = "I hate being a cashier"
    assert unclaimed(line) == [(0, len(line))]
    assert unclaimed(line, dislikes=False) == []


def test_a_wish_is_told_clause_by_clause() -> None:
    line = "I did welding for years, and now I want to learn PLC"
    assert not wishes(line, 0, 24)
    assert wishes(line, 25, len(line))


def test_the_clause_of_a_span_is_the_smallest_holding_it() -> None:
    line = "did welding for two years, never as a job"
    assert clause_of(line, 4, 11) == "did welding for two years"
    assert clause_of(line, 0, len(line)) == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [("football is my hobby", True), ("in my spare time I build websites", True), ("I fix bikes for fun", True),
     ("I do bar work on Saturdays", False), ("I work at weekends in a bakery", False), ("hobbit", False),
     ("just for the family", True), ("I cook for my family at weekends", True),
     ("I run a bakery for the family's firm", False), ("I work for a family business", False),
     ("need to book a dentist appointment for my son", True), ("put some shelves up in the hallway", True),
     ("I fitted a new bathroom in my own house", True), ("I fit bathrooms for a living", False)],
    ids=["hobby", "spare-time", "for-fun", "a-weekend-job", "weekends", "a-word-not-a-hobby", "for-the-family",
         "for-my-family-at", "family-firm", "family-business", "for-my-son", "in-the-hallway", "in-my-own-house",
         "for-a-living"],
)  # fmt: skip
def test_free_time_is_said_in_words(line: str, expected: bool) -> None:
    assert leisure(line, 0, len(line)) is expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [("just for the family", True), ("as a hobby", True), ("for fun", True), ("in my spare time I weld", False),
     ("football is my hobby", False)],
    ids=["just-for", "as-a", "for-fun", "own-subject", "own-verb"],
)  # fmt: skip
def test_a_clause_that_only_qualifies_the_one_before(clause: str, expected: bool) -> None:
    line = f"I bake bread, {clause}"
    assert trails(line, line.index(clause), len(line)) is expected
