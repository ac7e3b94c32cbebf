"""The text of one SMS: what a notification says, made to fit in a few parts (SMS_MAX_SEGMENTS,
two by default) without cutting a word in half.

The line holds the facts (a code included), so it stays whenever it fits: with the title, link and
all, unless leaving the title out saves a part (each part is paid for). When the line is too long,
the title and link; else the line shortened at a word boundary (khmercut finds Khmer words, which
have no spaces between them) and the link."""

from __future__ import annotations

import re

from portal.khmer import has_khmer
from portal.sms.segments import count, plain

ELLIPSIS = "…"


def fits(text: str, max_segments: int) -> bool:
    return count(text).segments <= max_segments


def compose(title: str, line: str, url: str | None, max_segments: int = 2) -> str:
    """The SMS for a notification's title, line and link, within `max_segments` parts."""
    title, line = title.strip(), line.strip()
    tail = "\n" + url if url else ""
    with_line = [plain(f"{title}\n{line}{tail}"), plain(f"{line}{tail}")]
    fitting = [text for text in with_line if fits(text, max_segments)]
    if fitting:  # the fewest parts; the one with the title when it costs nothing more
        return min(fitting, key=lambda text: count(text).segments)
    title_only = plain(f"{title}{tail}")
    if fits(title_only, max_segments):
        return title_only
    return shorten(line, tail, max_segments)


def shorten(text: str, tail: str, max_segments: int) -> str:
    """As many whole words of `text` as fit before `tail` (the link), then an ellipsis."""
    words = _words(text)
    kept = ""
    for word in words:
        trial = plain((kept + word).rstrip() + ELLIPSIS + tail)
        if not fits(trial, max_segments):
            break
        kept += word
    if not kept.strip():  # not even one word: the link alone tells her where to read it
        return plain(tail.strip()) if tail.strip() else ""
    return plain(kept.rstrip() + ELLIPSIS + tail)


def _words(text: str) -> list[str]:
    """Words with the spaces after them, Khmer runs cut into words; joined, they give `text`."""
    pieces = re.findall(r"\S+\s*", text)
    words: list[str] = []
    for piece in pieces:
        if has_khmer(piece):
            words.extend(_khmer_words(piece))
        else:
            words.append(piece)
    return words


def _khmer_words(piece: str) -> list[str]:
    import khmercut

    tokens = khmercut.tokenize(piece)
    return tokens if "".join(tokens) == piece else [piece]
