"""Texts of the firm journey for needs outside the taxonomy, counts given as a range, and a sector
or a skill typed for the company's name.

Beside ``texts`` (shared by every journey), as the firm modules that say them are their only users.
"""

from __future__ import annotations

#: the need's role kept as the firm typed it: not in the taxonomy ("role: baker (as you typed it)")
ROLE_TYPED_LINE = "{line} (as you typed it)"
#: said with the need's confirmation when its role was kept as typed: honest about what follows
ROLE_TYPED_NOTE = (
    "“{role}” is not in the skills taxonomy I match courses with, so no offer of the catalogue will "
    "match it yet. I'll keep it as you typed it, and the cluster team sees it among the needs no offer covers."
)
#: after saving a need whose role was kept as typed
FIRM_NO_MATCHES_TYPED = (
    "No offer of the catalogue matches “{role}” yet: your need is saved as you typed it, and the cluster "
    "team sees it among the needs no offer covers."
)
#: a role typed and not in the taxonomy, as staff read it in alerts and lists
STAFF_ROLE_TYPED = "{role} (as the firm typed it: not in the taxonomy)"
#: a count of people given as a range or a choice ("1 or 2"): its upper bound is taken
PEOPLE_UPPER = "I've put down {people} people, the most of “{said}”; you can change it before saving."
#: a sector or a skill typed for the company's name, not taken; the question follows
COMPANY_IS_SECTOR = "That sounds like your sector, not your company's name{noted}. {insist}"
COMPANY_SECTOR_NOTED = ": I've noted {sector} as your sector"
COMPANY_IS_SKILL = "That sounds like a skill or a job, not your company's name. {insist}"
COMPANY_INSIST = "If “{typed}” is its name, say “the name is {typed}”."

#: a need's way of learning in words: "in person" takes courses held in person in part too
#: (``models.modes_suiting``), so it says so ("in person or blended" was stored as blended only, QA13b)
MODE_WORDS = {"in_person": "in person or blended", "online": "online", "blended": "blended (online + in person)"}
#: a saved need as its owner and staff read it; "{headcount}" is "1 person" or "3 people" (they read "1 people")
MANAGE_SHOW = "Need {reference} ({status}): {wanted} — {headcount} ({kind}), {by_when}, training: {mode}."
MANAGE_UPDATED = "Done — need {reference} now: {headcount}, {by_when}, training: {mode}."
NEED_CHANGED_ALERT = "Need {reference} was changed by its firm: {headcount}, {by_when}, training: {mode}."
#: a question about saving asked at the summary, which is shown again: nothing is saved by asking
AFTER_SAVE_ANSWER = (
    "When you tap Save, I store the need and give you a reference and a secret: with them you can view, "
    "change or withdraw it here later. The cluster team is told of it, sees your contact person and may "
    "get in touch about training; I also show you courses and training partners that could cover it. "
    "Nothing is saved until you tap Save."
)
#: any other question asked at the summary
SUMMARY_QUESTION = (
    "I can't answer that here, but nothing is saved until you tap Save; to ask the cluster team, "
    "say \"talk to a person\"."
)
#: a reference with a typo, asked again
REFERENCE_MISTYPED = (
    "That reference doesn't look complete: references are N- and five characters, like N-7K3QX. "
    "Could you type it again?"
)
#: a firm's "I'm interested" under a course that could cover its need: no lead, the contact, the team
FIRM_INTEREST = (
    "{partner} runs this course — contact them directly to book places for your staff: {contact}. "
    "The cluster team knows your need and can help arrange it; say \"talk to a person\" to reach them."
)
#: a firm's questions, answered as a firm's (they got the worker's answers)
FIRM_COST = (
    "Posting a need here is free for your firm. What a course costs is up to its partner: each card shows "
    "its price and funding (many are free for employees of member firms, or funded), and the cluster team "
    "can help you find funding."
)
FIRM_NO_CONFIRMATION = (
    "I don't send e-mails: your need's reference and secret are in this chat, so please note them down. "
    "The cluster team has your contact person's e-mail and writes to them about training for your need."
)
#: "what happens now?" from a firm whose need is saved (the worker's help had answered it)
FIRM_WHAT_NOW = (
    "Your need {reference} is saved and the cluster team knows of it: they will contact the person you "
    "named about training for it. For a course on the cards, you can also contact its partner directly. "
    "To change it now, just say what changes (\"5 people instead of 3\"); later, in another chat, say "
    "\"manage my need\" and give its reference and the secret you got when you saved it."
)
#: "what happens now?" after the firm said it lost a need's secret
LOST_SECRET_WHAT_NOW = (
    "The cluster team knows that the secret of {reference} is lost: they check with the contact person "
    "saved with that need and send that person a new secret. With it, say \"view my need\" and give the "
    "reference and the new secret to view, change or withdraw the need. Nothing else is needed from you now."
)
#: "what happens now?" from a firm that has saved or opened no need in this conversation
NOTHING_UNDER_WAY = (
    "Nothing is under way from this conversation yet: no need was saved or opened here. Say \"post a need\" "
    "to post one (the cluster team is told when you save it), or \"view my need\" with its reference and "
    "secret to see one you posted."
)
#: a saved need changed with a count of people of another role ("need 2 bakers" on a data analyst need)
MANAGE_OTHER_ROLE = (
    "Need {reference} is for the role “{role}”, so I haven't changed its number of people: its role and skills can't "
    "be changed here. For {people}, post a new need (say \"post a need\")."
)
#: ... and a town said with it, which this form does not change either
MANAGE_TOWN_KEPT = (
    "Its town can't be changed here either: to move it to {town}, withdraw it and post it again, or ask "
    "the cluster team."
)
#: a company's name (with its legal form) typed at the consent question, kept for the company's question
COMPANY_KEPT_AT_CONSENT = "Noted: your company is {company}. First, though, I need a yes or a no here."
#: a need stated at a later question when one is kept already: said back, for the summary's "also …"
NEED_KEPT_ALREADY = (
    "I have a need from you already and will read it back to you in a moment: to add “{need}” to it, "
    "say \"also {need}\" then."
)

#: a town or a date typed at the consent question, taken for the need; the question follows again
NOTED_AT_CONSENT = "Noted for your need: {noted}. I still need a yes or a no to this first:"
TOWN_NOTED = "your town {town}"
#: "more results" / "closer" under the courses shown for a firm's saved need (actions/firm_offers.py)
NO_FIRM_OFFERS = (
    "I've shown no courses for a need of yours in this conversation. Post a need and I list the "
    "training that could cover it; to see a need you posted, I need its reference and secret."
)
MORE_BEYOND = "No more course within {km:g} km covers this need; the best beyond it:"
NO_MORE_FIRM_OFFERS = "That's every course I found for this need; the cluster team will look for more."
FIRM_CLOSER = "Training within {km:g} km (or online) that could cover this need:"
NO_COURSE_CLOSER = "No course within {km:g} km covers this need."
PARTNERS_CLOSER = "Training partners within {km:g} km who teach these skills, nearest first:\n{partners}"
NONE_CLOSER = "No course or training partner within {km:g} km covers this need; the ones shown are the nearest."
CLOSER_AT_FLOOR = "These are the nearest already: I don't narrow it below {km:g} km."
CLOSER_ONLINE_NEED = "This need is for online training, so how far a course is doesn't matter."
#: a firm's words outside its forms that ask for nothing the bot does for a firm
FIRM_FREE_TEXT = (
    "I'm not sure what to do with that for your firm. I can take a new skills need, or show, change "
    "or withdraw one you posted (with its reference and secret); under the courses for a need, say "
    "\"more results\" or \"closer\"."
)
#: "also …" at the need's check naming only what the need has already ("also Siemens TIA Portal and S7")
NEED_HAS_IT = "I read “{said}” as {labels}, which your need has already, so nothing was added."
#: an answer to a later question typed at the town's, the ecosystem's or the size's, kept for it
NOTED_FOR_LATER = "Noted for later: {noted}."
#: skills added to the need beside another question's answer (QA13c: "and we'd also like them to learn
#: robot welding" at the training mode's question got "Sorry, I didn't understand that answer")
NEED_SKILLS_ADDED = "Added to the need: {labels}."
#: ... when the need has them already
NEED_SKILLS_HELD = "Your need has {labels} already, so nothing was added."
#: a need stated beside another answer when its check comes next (QA13c: "… in a moment. First:" ran
#: straight into the check)
NEED_KEPT_CHECK = "Thanks — I've kept that need. Let's check it:"
#: "dunno" at the town's question (it was read as the town Duno): what the town is for, asked again
TOWN_UNSURE = (
    "I do need a town: I look for training near it. The town where the people work, or your site's "
    "postcode, is enough."
)
#: a need that names people or a place of work and no work ("workers for production"): which work?
NEED_NO_WORK = (
    "That doesn't tell me which work they'll do. What will they do — name the job or the skills, for "
    "example “sewing machine operators”, “cutting fabric” or “quality checks”."
)
#: the ecosystem question's way out: the need is saved with no ecosystem ("not said" to staff)
ECOSYSTEM_SKIP = "Not sure / other"
#: "not sure" at the ecosystem's question: the firm's own words are enough to narrow the list, or
#: it goes on without one (QA13c: there had been no way out but describing the firm)
ECOSYSTEM_UNSURE = (
    "No problem: tell me in your own words what your firm makes or does (\"we make car parts\", \"we "
    f"run hotels\", \"we sew garments\"), and I'll offer the ecosystems that fit. Or pick \"{ECOSYSTEM_SKIP}\" "
    "to go on without one."
)
#: how the firm's summary shows an ecosystem it was not sure of
ECOSYSTEM_NOT_SAID = "not said"
