"""The Washington Group Short Set on functioning (WG-SS): six optional questions a young person
may answer about difficulties doing basic activities, so that the center can count people with
a disability the way every country does (https://www.washingtongroup-disability.com/).

The wording is the official short set's; each answer is 1 (no difficulty) to 4 (cannot do at
all), or None when not answered or when she preferred not to say. The answers are for the
center's figures only: never shown to employers (no employer page, CV or API reads them).
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice
from wtforms.validators import Optional

from portal.youth.models import NOT_SAID, WG_DOMAINS

WG_INTRODUCTION = _l(
    "The next questions ask about difficulties you may have doing certain activities because "
    "of a health problem. Answering is up to you. Your answers are never shown to employers: "
    "the center uses them only to count, so that it can help everyone fairly."
)
WG_QUESTIONS = dict(
    zip(
        WG_DOMAINS,
        (
            _l("Do you have difficulty seeing, even if wearing glasses?"),
            _l("Do you have difficulty hearing, even if using a hearing aid?"),
            _l("Do you have difficulty walking or climbing steps?"),
            _l("Do you have difficulty remembering or concentrating?"),
            _l("Do you have difficulty (with self-care such as) washing all over or dressing?"),
            _l(
                "Using your usual language, do you have difficulty communicating, for example "
                "understanding or being understood?"
            ),
        ),
        strict=True,
    )
)
WG_ANSWERS = [
    SelectChoice("1", _l("No difficulty")),
    SelectChoice("2", _l("Some difficulty")),
    SelectChoice("3", _l("A lot of difficulty")),
    SelectChoice("4", _l("Cannot do at all")),
    SelectChoice(NOT_SAID, _l("Prefer not to say")),
]


def _question(domain: str) -> RadioField:
    return RadioField(WG_QUESTIONS[domain], choices=WG_ANSWERS, validators=[Optional()])


class FunctioningMixin:
    """The six WG-SS questions as optional radio groups named after YouthProfile's columns."""

    wg_seeing = _question("wg_seeing")
    wg_hearing = _question("wg_hearing")
    wg_walking = _question("wg_walking")
    wg_remembering = _question("wg_remembering")
    wg_self_care = _question("wg_self_care")
    wg_communicating = _question("wg_communicating")

    def functioning_fields(self):
        """The six radio groups, in the official order."""
        return [getattr(self, domain) for domain in WG_DOMAINS]


def stored_answer(answer: str | int | None) -> int | None:
    """A WG-SS answer as stored: 1-4, or None (not answered, or "prefer not to say")."""
    if answer in (None, "", NOT_SAID):
        return None
    value = int(answer)
    if value not in (1, 2, 3, 4):
        raise ValueError(f"not a WG-SS answer: {answer!r}")
    return value
