"""Whose doing a line tells of: someone else's, a thing's, or the writer's own."""

from __future__ import annotations

import pytest

from skills_catalog.recognition_others import others_doing, someone_elses


@pytest.mark.parametrize(
    ("line", "theirs"),
    [("my husband is a plumber", "my husband is a plumber"),
     ("My Sister works as a nurse in Germany", "My Sister works as a nurse in Germany"),
     ("also my neighbour drives a truck", "also my neighbour drives a truck"),
     ("Well, my husband is a plumber", "my husband is a plumber"),
     ("my husband's a plumber", "my husband's a plumber"),
     ("my brother-in-law is a baker", "my brother-in-law is a baker"),
     ("my husband is a plumber, welding is my trade", "my husband is a plumber"),
     ("my mates dad is a carpenter, makes oak tables", "my mates dad is a carpenter, makes oak tables"),
     ("i\u2019m a welder, my husband is a plumber", "my husband is a plumber"),
     ("my wife is a nurse. did welding for two years", "my wife is a nurse"),
     ("my landlord needs to fix the boiler", "my landlord needs to fix the boiler"),
     ("we had the roof fixed last week and it still leaks", "we had the roof fixed last week and it still leaks"),
     ("I got my gas boiler serviced, I'm a chef", "I got my gas boiler serviced"),
     ("we had a builder put up a new fence", "we had a builder put up a new fence"),
     ("had a guy in to rewire the kitchen last week", "had a guy in to rewire the kitchen last week"),
     ("had my eyes tested yesterday", "had my eyes tested yesterday"),
     ("neighbour's a night nurse at the hospital", "neighbour's a night nurse at the hospital"),
     ("our eldest got a weekend job at the chippy", "our eldest got a weekend job at the chippy"),
     ("our neighbours son just qualified as a dental nurse", "our neighbours son just qualified as a dental nurse")],
    ids=["subject", "capitals", "interjection", "after-comma", "s-is-is", "in-law", "writer-clause-after", "runs-on",
         "writer-clause-before", "two-sentences", "landlord", "had-it-fixed", "got-it-serviced", "had-someone-do-it",
         "had-someone-in", "had-it-tested", "no-my", "our-eldest", "our-neighbour"],
)  # fmt: skip
def test_someone_elses_work_is_theirs_clause_by_clause(line: str, theirs: str) -> None:
    assert [line[a:b] for a, b in someone_elses(line)] == [theirs]


@pytest.mark.parametrize(
    ("line", "work"),
    [("my husband and I run a plumbing firm", "plumbing"), ("my dad taught me to weld", "weld"),
     ("milking cows on my uncle's farm", "milking"), ("my brother-in-law's bakery needs staff", "bakery"),
     ("my kids' school needs a cook", "cook"), ("our colleagues need forklift training", "forklift"),
     ("my job was welding", "welding"), ("I help my mum in her shop", "shop"),
     ("I always get my work done on time", "work"), ("I fixed the roof and got the gutters sorted", "roof"),
     ("our colleagues need forklift training", "forklift")],
    ids=["writer-and", "writer-object", "possessive", "in-law-possessive", "plural-possessive", "firm-our",
         "no-person", "writer-subject", "get-it-done", "fixed-it-myself", "our-colleagues-are-a-firm"],
)  # fmt: skip
def test_the_writers_work_or_a_firms_is_no_one_elses(line: str, work: str) -> None:
    at = line.index(work)
    assert not any(a <= at < b for a, b in someone_elses(line))


@pytest.mark.parametrize(
    "line",
    ["the builder gets me in for all his plastering", "the nurses on the ward rely on me for hoist transfers",
     "the care home's medication round is mine on day shifts", "the shop's tills are my job most days",
     "my foreman reckons my brickwork is the neatest on the job", "my knees are wrecked from years of tiling floors",
     "my students always said my maths lessons made sense", "my cousin's removal firm has me driving the 7.5 tonner"],
    ids=["gets-me-in", "rely-on-me", "is-mine", "my-job", "praised-by-a-foreman", "years-of", "students-about-my-work",
         "has-me-doing"],
)  # fmt: skip
def test_the_writers_work_told_through_others_or_things_is_claimed(line: str) -> None:
    assert others_doing(line) == [] and someone_elses(line) == []


@pytest.mark.parametrize(
    "line",
    ["the physio gave me some stretches", "a gardener comes once a month to trim the hedges for us",
     "a colleague of mine just got promoted to team leader", "so my partner's sourdough starter has its own name"],
    ids=["gave-me", "for-us", "of-mine", "a-relatives-thing"],
)  # fmt: skip
def test_what_others_do_for_the_writer_is_no_claim(line: str) -> None:
    assert others_doing(line) == [(0, len(line))]
