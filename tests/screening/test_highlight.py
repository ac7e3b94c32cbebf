"""A page marks the words that raised a flag, and only those."""

from portal.screening import Posting, highlight, screen


def test_segments_give_the_text_back_and_mark_the_cited_words():
    text = "Easy job. Pay a deposit of $100 and leave this week! Apply at our office."
    result = screen(Posting(title="Helper", description=text))
    segments = highlight(text, result.reasons)
    assert "".join(s.text for s in segments) == text
    marked = [(s.text, s.indicators) for s in segments if s.flagged]
    assert ("Pay a deposit", ("fees",)) in marked
    assert any("leave this week" in piece for piece, names in marked if names == ("urgency",))
    assert not any("Apply" in piece for piece, _ in marked)


def test_words_of_another_field_are_not_marked_here():
    result = screen(Posting(title="Pay a deposit first", description="Helper wanted."))
    assert not any(s.flagged for s in highlight("Helper wanted.", result.reasons))
    assert any(s.flagged for s in highlight("Pay a deposit first", result.reasons, "title"))


def test_khmer_words_are_marked_as_written():
    text = "សូមបង់ ប្រាក់កក់ ៥០ដុល្លារ។"
    result = screen(Posting(title="ការងារ", description=text))
    flagged = "".join(s.text for s in highlight(text, result.reasons) if s.flagged)
    assert "ប្រាក់កក់" in flagged
