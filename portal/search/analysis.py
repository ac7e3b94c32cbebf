"""How text becomes index terms. Placeholder: lowercase words (Khmer segmentation comes next)."""

from __future__ import annotations

from whoosh.analysis import Analyzer, LowercaseFilter, RegexTokenizer


def text_analyzer() -> Analyzer:
    return RegexTokenizer() | LowercaseFilter()
