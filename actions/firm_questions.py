"""The questions of the firm need form and of the manage form: one ``action_ask_<slot>`` each.

Questions read slots only (choices the validators left, the answers so far for the summary);
they never call the engine or a store.
"""

from __future__ import annotations

from rasa_sdk import Tracker

from actions import firm_texts, names, texts
from actions.firm_corrections import by_when_words
from actions.firm_need_reading import role_line, role_typed
from actions.questions import _Question

Buttons = list[dict[str, str]]


class AskFirmConsent(_Question):
    slot, text, buttons = names.FIRM_CONSENT, texts.ASK_FIRM_CONSENT, texts.FIRM_CONSENT_BUTTONS


class AskCompany(_Question):
    slot, text = names.COMPANY, texts.ASK_COMPANY


class AskFirmTown(_Question):
    slot = names.FIRM_TOWN

    def question(self, tracker: Tracker) -> tuple[str, Buttons]:
        suggestions = tracker.get_slot(names.FIRM_TOWN_SUGGESTIONS) or []
        if not suggestions:
            return texts.ASK_FIRM_TOWN, []
        return texts.ASK_FIRM_TOWN_CHOICE, [texts.choice(name, name) for name in suggestions[:5]]


class AskEcosystem(_Question):
    """All 14 ecosystems and "Not sure / other", which goes on without one; or only those the
    firm's words named, with a way to the whole list."""

    slot = names.ECOSYSTEM

    def question(self, tracker: Tracker) -> tuple[str, Buttons]:
        named = tracker.get_slot(names.ECOSYSTEM_CHOICES) or []
        if not named:
            return texts.ASK_ECOSYSTEM, [texts.choice(title, key) for key, title in ecosystem_buttons().items()]
        buttons = [texts.choice(texts.ECOSYSTEM_TITLES[key], key) for key in named if key in texts.ECOSYSTEM_TITLES]
        return texts.ASK_ECOSYSTEM_CHOICE, [*buttons, texts.choice(texts.ECOSYSTEM_OTHER, names.OTHER)]


def ecosystem_buttons() -> dict[str, str]:
    """The whole list's buttons by their choice: the 14 ecosystems, then none (:data:`names.ANY`)."""
    return {**texts.ECOSYSTEM_TITLES, names.ANY: firm_texts.ECOSYSTEM_SKIP}


class AskCompanySize(_Question):
    slot, text, buttons = names.COMPANY_SIZE, texts.ASK_COMPANY_SIZE, texts.SIZE_BUTTONS


class AskContactName(_Question):
    slot, text = names.CONTACT_NAME, texts.ASK_CONTACT_NAME


class AskContactEmail(_Question):
    slot, text = names.CONTACT_EMAIL, texts.ASK_CONTACT_EMAIL


class AskNeedSkills(_Question):
    slot, text = names.NEED_SKILLS, texts.ASK_NEED_SKILLS


def need_lines(tracker: Tracker, typed_said: bool = False) -> list[tuple[str, str]]:
    """(uri, shown line) of each recognised skill, then the role (its label for its URI when it
    was kept as typed, with none; ``typed_said``: its line says so), for echoing back."""
    labels = tracker.get_slot(names.NEED_SKILL_LABELS) or {}
    lines = [(uri, labels.get(uri, uri)) for uri in tracker.get_slot(names.NEED_SKILLS) or []]
    role = tracker.get_slot(names.NEED_OCCUPATION)
    if role:
        line = (
            role_line(role) if typed_said else texts.ROLE_LINE.format(label=role["label"]).removeprefix("• ")
        )
        lines.append((role["uri"] or role["label"], line))
    return lines


class AskNeedSkillsConfirmed(_Question):
    """Echoes the recognised skills and role back, with a remove button for each."""

    slot = names.NEED_SKILLS_CONFIRMED

    def question(self, tracker: Tracker) -> tuple[str, Buttons]:
        lines, typed = need_lines(tracker), role_typed(tracker)
        text = texts.ASK_NEED_SKILLS_CONFIRMED.format(
            skills="\n".join(f"• {line}" for _, line in lines), first=lines[0][1] if lines else ""
        )
        if typed:  # honest: no offer will match it, and staff see it (it was a dead end)
            text = f"{firm_texts.ROLE_TYPED_NOTE.format(role=typed)}\n{text}"
        remove = [
            texts.button(f"Not “{line}”", names.INTENT_REMOVE_SKILL, **{names.CHOICE: uri})
            for uri, line in lines[:6]
        ]
        return text, [texts.CORRECT_BUTTON, *remove]


class AskNeedPeople(_Question):
    slot, text = names.NEED_PEOPLE, texts.ASK_NEED_PEOPLE


class AskNeedKind(_Question):
    slot, text, buttons = names.NEED_KIND, texts.ASK_NEED_KIND, texts.KIND_BUTTONS


class AskNeedByWhen(_Question):
    slot, text, buttons = names.NEED_BY_WHEN, texts.ASK_NEED_BY_WHEN, texts.BY_WHEN_BUTTONS


class AskNeedMode(_Question):
    slot, text, buttons = names.NEED_MODE, texts.ASK_NEED_MODE, texts.NEED_MODE_BUTTONS


def summary(tracker: Tracker) -> str:
    """The firm's answers in one message."""
    slot = tracker.get_slot
    kind = "new hires" if slot(names.NEED_KIND) == names.KIND_NEW_HIRES else "upskilling"
    by_when = slot(names.NEED_BY_WHEN)
    ecosystem = slot(names.ECOSYSTEM) or ""  # "": the firm was not sure
    return texts.FIRM_SUMMARY.format(
        company=slot(names.COMPANY),
        size=slot(names.COMPANY_SIZE),
        ecosystem=texts.ECOSYSTEM_TITLES.get(ecosystem, ecosystem or firm_texts.ECOSYSTEM_NOT_SAID),
        town=slot(names.FIRM_TOWN),
        contact_name=slot(names.CONTACT_NAME),
        contact_email=slot(names.CONTACT_EMAIL),
        skills=", ".join(line for _, line in need_lines(tracker, typed_said=True)),
        people=slot(names.NEED_PEOPLE),
        kind=kind,
        by_when=by_when_words(by_when),
        mode=firm_texts.MODE_WORDS.get(slot(names.NEED_MODE) or "", texts.ANY_MODE),
    )


class AskFirmConfirmed(_Question):
    """The summary with Save / Change / Cancel, or the fields to change."""

    slot = names.FIRM_CONFIRMED

    def question(self, tracker: Tracker) -> tuple[str, Buttons]:
        if tracker.get_slot(names.FIRM_CHANGING):
            fields = [texts.choice(texts.FIRM_FIELD_TITLES[s], s) for s in names.FIRM_CHANGEABLE]
            return texts.FIRM_WHICH_CHANGE, fields
        return summary(tracker), texts.FIRM_SUMMARY_BUTTONS


# ---------------------------------------------------------------- view / change / withdraw


class AskManageReference(_Question):
    slot, text = names.MANAGE_REFERENCE, texts.ASK_MANAGE_REFERENCE


class AskManageSecret(_Question):
    slot, text = names.MANAGE_SECRET, texts.ASK_MANAGE_SECRET


class AskManageAction(_Question):
    """What to do with the need; after a change, what else (the form stays open for it)."""

    slot = names.MANAGE_ACTION

    def question(self, tracker: Tracker) -> tuple[str, Buttons]:
        changed = tracker.get_slot(names.MANAGE_CHANGED)
        return (texts.ASK_MANAGE_MORE if changed else texts.ASK_MANAGE_ACTION), texts.MANAGE_BUTTONS


class AskManageValue(_Question):
    slot = names.MANAGE_VALUE

    def question(self, tracker: Tracker) -> tuple[str, Buttons]:
        action = tracker.get_slot(names.MANAGE_ACTION)
        if action == names.MANAGE_PEOPLE:
            return texts.ASK_NEED_PEOPLE, []
        if action == names.MANAGE_BY_WHEN:
            return texts.ASK_NEED_BY_WHEN, texts.BY_WHEN_BUTTONS
        if action == names.MANAGE_MODE:
            return texts.ASK_NEED_MODE, texts.NEED_MODE_BUTTONS
        return texts.ASK_MANAGE_WITHDRAW, texts.WITHDRAW_BUTTONS
