"""Finding phone numbers, e-mail addresses, chat handles and birth dates in free text, and
hiding them. No HTTP, no database: `mask(text, marker)` is the one verb.

Numbers are matched on a copy where Khmer digits became ASCII ones (one character for one, so
positions stay the same), then the original text is cut at those positions. Ordinary numbers
stay: "2 years", "$250", "300,000 riel", "grade 12", "2019-2021"."""

from __future__ import annotations

import re

from portal import phones
from portal.khmer import latin_digits

_EMAIL = re.compile(r"[\w.+\-]+\s?@\s?[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
_HANDLE = re.compile(
    r"(?:https?://)?(?:t\.me|telegram\.me|m\.me|facebook\.com|fb\.com)/[\w.\-]+"
    r"|(?<![\w@])@[A-Za-z]\w{4,31}\b"
)

_YEAR = r"(?:19|20)\d{2}"
_EN_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_KM_MONTHS = "(?:មករា|កុម្ភៈ|កុម្ភះ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ)"
_DATES = [
    # 12/03/2009, 12-3-09, 12.03.2009
    rf"(?<![\d/.\-])\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:{_YEAR}|\d{{2}})(?![\d/\-]|\.\d)",
    # 2009-03-12, 2009/3/12
    rf"(?<![\d/.\-]){_YEAR}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}(?![\d/\-]|\.\d)",
    # 12 March 2009, 12th of Mar. 2009
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{_EN_MONTHS}\s*,?\s*{_YEAR}\b",
    # March 12, 2009 / March 2009
    rf"\b{_EN_MONTHS}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*)?{_YEAR}\b",
    # ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០០៩ (digits already ASCII in the copy), ខែមីនា ២០០៩
    rf"(?:ថ្ងៃទី\s*)?(?:\d{{1,2}}\s*)?ខែ\s*{_KM_MONTHS}\s*(?:ឆ្នាំ\s*)?{_YEAR}",
    # born in 2009, born 2009, កើតឆ្នាំ២០០៩, កើតនៅឆ្នាំ ២០០៩
    rf"\bborn\s+(?:in\s+|on\s+)?{_YEAR}\b(?![/.\-]\d)",
    rf"កើត\s*(?:នៅ\s*)?(?:ឆ្នាំ\s*){_YEAR}",
]
_DATE = re.compile("|".join(f"(?:{pattern})" for pattern in _DATES), re.IGNORECASE)
_PATTERNS = (
    _EMAIL,
    _HANDLE,
    _DATE,
    phones.IN_TEXT,
)  # numbers: Cambodian, as portal.phones finds them


def personal_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each phone number, e-mail address, chat handle or date in `text`,
    sorted and merged where they overlap."""
    plain = latin_digits(text)
    spans = sorted(
        (match.start(), match.end())
        for pattern in _PATTERNS
        for match in pattern.finditer(plain)
        if match.group().strip()
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and plain[start].isspace():
            start += 1
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask(text: str | None, marker: str = "•••") -> str:
    """`text` with every phone number, e-mail address, chat handle and date replaced by
    `marker`; the rest unchanged."""
    if not text:
        return text or ""
    pieces, last = [], 0
    for start, end in personal_spans(text):
        pieces += [text[last:start], marker]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def has_personal(text: str | None) -> bool:
    """True when `mask` would hide something in `text`."""
    return bool(text) and bool(personal_spans(text))
