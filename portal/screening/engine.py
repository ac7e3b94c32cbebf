"""screen(posting) -> Screening: the red flags of one posting, with the words that raised them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from portal import phones
from portal.screening import facts as fact_checks
from portal.screening.rules import Rule, indicators, negation_rules, rules, scanned_rules
from portal.screening.text import Folded, fold_text
from portal.screening.types import Posting, Reason, Screening, Span

NONE, REVIEW, HIGH = "none", "review", "high"
REVIEW_AT = 3  # a score from here needs a counselor's look before the opening is public
HIGH_AT = 7  # from here (or one rule this heavy) it is held, never published automatically
# A reason lighter than REVIEW_AT is a weak sign (a Gmail address, "attractive salary", "urgent"):
# one alone never reaches review, and weak signs never make a posting high.
WEAK_REVIEW_AT = 5  # weak signs alone: three of them (a Gmail + "attractive salary": not enough)
KNOWN_BAD_CONTACT = "known_bad_contact"
NEGATION_WINDOW = 30  # characters before (or after) a match where a negation undoes it
KHMER_NEGATION_WINDOW = 12  # Khmer packs more in fewer characters, and has no spaces here
TEXT_FIELDS = ("title", "description", "skills", "organization_name", "contact")
# What a posting asks of people is in its own words, not in names: "Pretty Nails Studio" asks
# nothing of anyone's looks.
NOT_IN_NAMES = frozenset({"discrimination"})
FIELD_BREAK = "\n\n"
# Indicators whose weak signs are separate requirements that add up (sex and age and looks);
# the rows of other indicators say one thing in several ways (a Telegram handle, "Telegram only").
ADDING_UP = frozenset({"discrimination"})
BEFORE, AFTER = "negation:before", "negation:after"
# Who pays, who keeps: a fee or a document in a sentence about the job's own work (DUTY rows:
# customers, loans, invoices, files) is a duty of the job, unless the sentence speaks of the
# applicant or worker (APPLICANT rows: you, candidates, before you start).
DUTY, APPLICANT = "negation:duty", "negation:applicant"
DUTIES_OF_THE_JOB = frozenset({"fees", "documents_held"})


def screen(
    posting: Posting, extra_contacts: Iterable[str] = (), disabled: Iterable[str] = ()
) -> Screening:
    """The risk level, score and reasons of `posting`. `extra_contacts`: phone numbers, e-mail
    addresses and handles of confirmed bad postings; any of them in the posting makes it high.
    `disabled`: names of indicators an admin switched off; they neither fire nor count."""
    texts = [fold_text(name, _field_text(posting, name)) for name in TEXT_FIELDS]
    hits = _pattern_hits(texts)
    facts = fact_checks.facts(posting, texts, hits)
    reasons = _reasons(list(_fired(hits, facts)))
    known = _known_contacts(texts, extra_contacts)
    if known:
        reasons.append(_reason(KNOWN_BAD_CONTACT, HIGH_AT, known, None))
    if disabled:
        off = frozenset(disabled)
        reasons = [reason for reason in reasons if reason.name not in off]
    score = sum(reason.weight for reason in reasons)
    return Screening(level=_level(score, reasons), score=score, reasons=tuple(_by_weight(reasons)))


def level_of(score: int) -> str:
    """The level a score reaches (see REVIEW_AT and HIGH_AT)."""
    if score >= HIGH_AT:
        return HIGH
    return REVIEW if score >= REVIEW_AT else NONE


def _level(score: int, reasons: list[Reason]) -> str:
    """The level of `score`, "high" only on specific evidence: the reasons that are not weak
    signs must reach HIGH_AT by themselves; weak signs add to the score, up to review, and
    alone they need WEAK_REVIEW_AT."""
    specific = sum(reason.weight for reason in reasons if reason.weight >= REVIEW_AT)
    if score >= HIGH_AT and specific >= HIGH_AT:
        return HIGH
    return REVIEW if score >= (REVIEW_AT if specific else WEAK_REVIEW_AT) else NONE


def _field_text(posting: Posting, name: str) -> str:
    if name == "skills":
        return "; ".join(str(skill) for skill in posting.skills or ())
    return getattr(posting, name) or ""


def _pattern_hits(texts: list[Folded]) -> dict[Rule, list[Span]]:
    """Where each phrase or regex row matched, negated matches left out. The fields are searched
    as one text (faster), a blank line between two; a match across two fields does not count."""
    texts = [text for text in texts if text.text]
    whole = FIELD_BREAK.join(text.text for text in texts)
    starts = list(accumulate((len(t.text) + len(FIELD_BREAK) for t in texts[:-1]), initial=0))
    found: dict[Rule, list[Span]] = {}
    for rule in scanned_rules():
        spans = []
        for match in rule.regex.finditer(whole):
            which = bisect_right(starts, match.start()) - 1
            text, start, end = texts[which], *(p - starts[which] for p in match.span())
            if end > len(text.text):
                continue  # runs into the next field
            if rule.target in NOT_IN_NAMES and text.field == "organization_name":
                continue
            if not (rule.negatable and _undone(rule, text, start, end)):
                spans.append(text.cite(start, end))
        if spans:
            found[rule] = spans
    return found


def _undone(rule: Rule, text: Folded, start: int, end: int) -> bool:
    """A negatable match undone: negated next to it, or (fees, documents) a duty of the job."""
    if _negated(text, start, end, negation_rules()):
        return True
    return rule.target in DUTIES_OF_THE_JOB and _a_duty(_sentence(text.text, start, end))


def _a_duty(sentence: str) -> bool:
    """The sentence is about the job's own work (customers' deposits, a bank's loans, the
    company's files and costs) and says nothing of what the applicant or worker must do."""
    return _says(DUTY, sentence) and not _says(APPLICANT, sentence)


def _says(target: str, sentence: str) -> bool:
    return any(r.regex and r.regex.search(sentence) for r in negation_rules() if r.target == target)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or list item) around text[start:end]."""
    return (
        _sentence_part(text[:start], last=True)
        + text[start:end]
        + _sentence_part(text[end:], last=False)
    )


def _negated(text: Folded, start: int, end: int, negations: tuple[Rule, ...]) -> bool:
    for rule in negations:
        if rule.target not in (BEFORE, AFTER):
            continue
        size = KHMER_NEGATION_WINDOW if rule.lang == "km" else NEGATION_WINDOW
        if rule.target == BEFORE:
            window = _sentence_part(text.text[max(0, start - size) : start], last=True)
        else:
            window = _sentence_part(text.text[end : end + size], last=False)
        if rule.regex is not None and rule.regex.search(window):
            return True
    return False


def _sentence_part(window: str, last: bool) -> str:
    """The part of `window` in the same sentence as the match next to it."""
    for stop in ".!?។\n;":
        window = window.rsplit(stop, 1)[-1] if last else window.split(stop, 1)[0]
    return window


def _fired(hits: dict[Rule, list[Span]], facts: dict[str, tuple[Span, ...]]):
    """(rule, spans) for every indicator row that holds, with the spans of what it needed."""
    for rule in rules():
        if rule.cue or rule.is_negation:
            continue
        spans = facts.get(rule.pattern) if rule.kind == "check" else hits.get(rule)
        if spans is None or not all(_holds(need, facts) for need in rule.needs):
            continue
        needed = [s for need in rule.needs if not need.startswith("!") for s in facts[need]]
        yield rule, [*spans, *needed]


def _holds(need: str, facts: dict[str, tuple[Span, ...]]) -> bool:
    return need[1:] not in facts if need.startswith("!") else need in facts


def _reasons(fired: list[tuple[Rule, list[Span]]]) -> list[Reason]:
    """One reason per indicator: its heaviest row's weight and words, and every word it cites."""
    by_indicator: dict[str, list[tuple[Rule, list[Span]]]] = {}
    for rule, spans in fired:
        by_indicator.setdefault(rule.target, []).append((rule, spans))
    reasons = []
    for name, rows in by_indicator.items():
        heaviest = max(rows, key=lambda row: row[0].weight)[0]
        spans = _unique(span for _, row_spans in rows for span in row_spans)
        signs = len({tuple(s.text.lower() for s in row_spans) for _, row_spans in rows})
        weight = _weight(heaviest.weight, signs) if name in ADDING_UP else heaviest.weight
        reasons.append(_reason(name, weight, spans, heaviest))
    return reasons


def _weight(heaviest: int, signs: int) -> int:
    """An indicator of ADDING_UP weighs its heaviest row; several of its rows citing different
    words, each a weak sign (sex, age and looks asked together), weigh as one ordinary sign."""
    return REVIEW_AT if signs > 1 and 0 < heaviest < REVIEW_AT else heaviest


def _reason(name: str, weight: int, spans: Iterable[Span], rule: Rule | None) -> Reason:
    indicator = indicators()[name]
    return Reason(
        indicator=indicator.id,
        name=name,
        weight=weight,
        matches=_merged(sorted(_unique(spans), key=_reading_order)),
        explanation_en=(rule and rule.explanation_en) or indicator.explanation_en,
        explanation_km=(rule and rule.explanation_km) or indicator.explanation_km,
    )


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Overlapping spans of one field (in reading order) as one: the words are cited once."""
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and last.field == span.field and span.start < last.end and last.text:
            if span.end > last.end:
                text = last.text + span.text[last.end - span.start :]
                merged[-1] = Span(last.field, last.start, span.end, text)
        else:
            merged.append(span)
    return tuple(merged)


def _reading_order(span: Span) -> tuple[int, int]:
    place = TEXT_FIELDS.index(span.field) if span.field in TEXT_FIELDS else len(TEXT_FIELDS)
    return place, span.start


def _unique(spans: Iterable[Span]) -> list[Span]:
    return list(dict.fromkeys(spans))


def _by_weight(reasons: list[Reason]) -> list[Reason]:
    return sorted(reasons, key=lambda r: (-r.weight, r.indicator))


def _known_contacts(texts: list[Folded], contacts: Iterable[str]) -> list[Span]:
    """Where the posting gives one of the known bad phone numbers, e-mails or handles."""
    numbers = {phones.match_key(c) for c in contacts if _digit_count(c) >= phones.MIN_DIGITS}
    words = {c.strip().lower().lstrip("@") for c in contacts if c.strip()} - {""}
    found = []
    for text in texts:
        found.extend(
            text.cite(start, end)
            for start, end in phones.find_in_text(text.text)
            if phones.match_key(text.text[start:end]) in numbers
        )
        found.extend(_word_spans(text, words))
    return found


def _digit_count(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _word_spans(text: Folded, words: set[str]) -> list[Span]:
    """Where an e-mail address or handle is written, whole (not inside a longer one)."""
    spans = []
    for word in words:
        if _digit_count(word) >= phones.MIN_DIGITS:
            continue  # a phone number: compared by its digits above
        pattern = re.compile(rf"(?<![\w.@-])@?{re.escape(word)}(?![\w@-]|\.\w)")
        spans.extend(text.cite(m.start(), m.end()) for m in pattern.finditer(text.text))
    return spans
