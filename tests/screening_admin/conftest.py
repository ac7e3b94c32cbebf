"""Openings with warning signs waiting for a counselor, for the screening decisions' stories."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.jobs.models import OpeningStatus, ScreeningLevel
from portal.screening.openings import screen_opening

# Asks for young unmarried women: a warning sign a counselor checks ("review"), not a hold.
PICKY = "Garment factory in Phnom Penh needs operators. Only young women, unmarried."
# The applicant pays to be hired: held ("high"), never published.
FEE = "Sewing operators wanted. Pay a $50 registration fee before the interview."


@pytest.fixture
def waiting_opening(make_opening):
    """make(description, level) -> an opening waiting for review, screened, at that level."""

    def make(description: str = PICKY, level: ScreeningLevel = ScreeningLevel.REVIEW, **fields):
        opening = make_opening(
            description=description, status=OpeningStatus.PENDING_REVIEW, **fields
        )
        screen_opening(opening)
        db.session.commit()
        assert opening.screening_level == level, opening.screening_reasons  # the story's premise
        return opening

    return make


def fired(opening) -> list[str]:
    """The names of the rules that fired on `opening` when it was last screened."""
    return [reason["name"] for reason in opening.screening_reasons]
