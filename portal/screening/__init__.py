"""Screening of postings for trafficking and scam red flags (issue 7).

`screen(posting)` reads an opening (a plain `Posting`, no database) in English, Khmer or both and
answers a `Screening`: a level ("none", "review", "high"), a score, and one `Reason` per red-flag
indicator that fired, each citing the exact words (field and offsets) that raised it, so a page
can mark them with `highlight(text, reasons, field)`. "High" needs specific evidence (the reasons
that are not weak signs reach HIGH_AT by themselves); a weak sign (weight under REVIEW_AT: a
Gmail address, "attractive salary", "urgent") adds to the score but never alone reaches review.
Fees and documents are read for who pays and who keeps (a bank's deposits and an accountant's
files are the job's own work, see engine.DUTIES_OF_THE_JOB). Minors: the form's min_age (15, the
law's working age) beside words of abroad, night or hazardous work is a weak sign; an under-18 age
written in the text, or the hazardous or night-work field, makes it high (facts.py).

The rules are data an admin can review, not code: `data/indicators.csv` (the ten indicators of
issue 7 and a known bad contact, with their explanations), `data/rules.csv` (one pattern a row:
indicator, language, phrase or regex or check, weight, what it needs, explanations) and
`data/pay_norms.csv` (usual pay per kind of work); see rules.py for the columns. The explanations
counselors read are in that data in English and Khmer, not in the gettext catalog: an admin who
edits a rule edits its words in both languages at the same place.

Pure functions: nothing here knows of Flask, the database or HTTP.
"""

from portal.screening.engine import HIGH, HIGH_AT, NONE, REVIEW, REVIEW_AT, level_of, screen
from portal.screening.highlight import Segment, highlight
from portal.screening.types import Posting, Reason, Screening, Span

__all__ = [
    "HIGH",
    "HIGH_AT",
    "NONE",
    "REVIEW",
    "REVIEW_AT",
    "Posting",
    "Reason",
    "Screening",
    "Segment",
    "Span",
    "highlight",
    "level_of",
    "screen",
]
