"""Reasons in words: each (code, params) reason of a Match as short sentences in the reader's
language. Young people read these, so they stay short and plain."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _

from portal.matching.scoring import Reason
from portal.youth.forms import EDUCATION_LABELS, KIND_LABELS, LANGUAGE_LABELS


def explain(reasons: Iterable[Reason], for_youth: bool = True) -> list[str]:
    """One sentence per reason, in the current language (`for_youth`: "your"; else "their")."""
    sentences: list[str] = []
    for code, params in reasons:
        if code == "skills":
            sentences.extend(
                _skill_pair(theirs, ", ".join(ours), for_youth)
                for theirs, ours in _by_their_skill(params["pairs"]).items()
            )
        elif code == "place":
            sentences.append(_place(params["tier"], for_youth))
        elif code == "kind":
            sentences.append(_("Kind wanted: %(kind)s", kind=_label(KIND_LABELS, params["kind"])))
        elif code == "needs":
            sentences.append(_("Needs: %(what)s", what=", ".join(_need(w) for w in params["what"])))
    return sentences


def _by_their_skill(pairs) -> dict[str, list[str]]:
    """One line per skill of the person: 'sewing ↔ sewing machine, garment sewer', not three."""
    grouped: dict[str, list[str]] = {}
    for theirs, ours in pairs:
        if ours not in grouped.setdefault(theirs, []):
            grouped[theirs].append(ours)
    return grouped


def _skill_pair(theirs: str, ours: str, for_youth: bool) -> str:
    if for_youth:
        return _("Your skill %(skill)s ↔ %(wanted)s", skill=theirs, wanted=ours)
    return _("Their skill %(skill)s ↔ %(wanted)s", skill=theirs, wanted=ours)


def _place(tier: str, for_youth: bool) -> str:
    if tier == "same_province":
        return _("In your province") if for_youth else _("In their province")
    if tier == "work_province":
        if for_youth:
            return _("In a province you would work in")
        return _("In a province they would work in")
    if tier == "neighbour":
        return _("Next to your province") if for_youth else _("Next to their province")
    return _("In another province")


def _need(code: str) -> str:
    if code in EDUCATION_LABELS:
        return str(EDUCATION_LABELS[code])
    return _label(LANGUAGE_LABELS, code)


def _label(labels: dict, code: str) -> str:
    return str(labels.get(code, code))
