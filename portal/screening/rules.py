"""The screening rules as data: `data/indicators.csv`, `data/rules.csv`, `data/pay_norms.csv`.

indicators.csv, one row per red-flag indicator: `id` (1-10 as in issue 7, 11 for a known bad
contact), `name`, and the explanation counselors read, `explanation_en` and `explanation_km`.

rules.csv, one row per pattern:
- `indicator`: the indicator name the row raises (`fees`, `urgency`, ...); or `cue:<name>`, a
  fact other rows may need (`cue:easy_work`, `cue:abroad`, `cue:formal_contact`); or
  `negation:before` / `negation:after`, words that undo a `negatable` match next to them
  ("we do NOT charge any fee", "deposit: not required"); or `negation:duty`, words that make a
  negatable fee or document in their sentence a duty of the job (customers' deposits, a bank's
  loans, an accountant's files), unless a `negation:applicant` row finds the applicant or worker
  in that sentence too (you, candidates, "before you start").
- `lang`: `en`, `km` or `any` (which language the pattern is written in; every pattern is tried
  on every text, since ads mix both).
- `kind`: `phrase`, `regex` or `check`.
  A phrase is words as written, compared after folding (lowercase, Khmer without spaces, see
  text.py): words are separated by any punctuation or spaces, `*` ends a word with anything
  ("deposit*"), `...` stands for up to 40 characters within the sentence ("pay ... deposit").
  Khmer is matched as a plain substring of the folded text, so it is found however the words are
  cut or spaced. A regex is a Python regular expression on the folded (lowercase) text. A check
  names a fact: computed from the fields (`abroad`, `minor`, `pay_above_norm`, see facts.py) or
  a cue's.
- `weight`: what the row adds to the score (its indicator counts its heaviest row only).
- `needs`: facts that must hold too, space-separated, `!` for "must not" (`!formal_contact`).
- `negatable`: `yes` when a negation next to it undoes it.
- `explanation_en`, `explanation_km`: a more precise explanation than the indicator's, or empty.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from portal.khmer import is_khmer_letter
from portal.screening.text import fold_pattern

DATA = Path(__file__).parent / "data"
INDICATORS_FILE = DATA / "indicators.csv"
RULES_FILE = DATA / "rules.csv"
PAY_NORMS_FILE = DATA / "pay_norms.csv"

GAP = r"[^.!?។\n]{0,40}?"
LATIN_WORD = "[a-z0-9]"
SEPARATOR = r"[^a-z0-9\u1780-\u17ff]+"
KHMER_SEPARATOR = r"[^a-z0-9\u1780-\u17ff]*"


@dataclass(frozen=True)
class Indicator:
    id: int
    name: str
    explanation_en: str
    explanation_km: str


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: rules are loaded once
class Rule:
    line: int  # in rules.csv, for an admin to find the row
    target: str  # an indicator name, "cue:<fact>" or "negation:before|after|duty|applicant"
    lang: str
    kind: str
    pattern: str
    weight: int
    needs: tuple[str, ...]
    negatable: bool
    explanation_en: str
    explanation_km: str
    regex: re.Pattern[str] | None

    cue: str | None = None  # the fact this row defines, when it is a cue row

    @property
    def is_negation(self) -> bool:
        return self.target.startswith("negation:")


@dataclass(frozen=True)
class PayNorm:
    work: str
    keywords: re.Pattern[str]
    usual_min: int
    usual_max: int  # USD a month


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(line for line in f if not line.startswith("#"))
        ]


@cache
def indicators() -> dict[str, Indicator]:
    """Every indicator by name, in id order (read once)."""
    rows = _read(INDICATORS_FILE)
    found = (
        Indicator(int(r["id"]), r["name"], r["explanation_en"], r["explanation_km"]) for r in rows
    )
    return {indicator.name: indicator for indicator in sorted(found, key=lambda i: i.id)}


@cache
def rules() -> tuple[Rule, ...]:
    """Every row of rules.csv, its pattern compiled (read once)."""
    return tuple(_rule(line, row) for line, row in _numbered(_read(RULES_FILE)))


def _numbered(rows: list[dict[str, str]]):
    return enumerate(rows, start=2)  # line 1 is the header (comment lines aside)


def _rule(line: int, row: dict[str, str]) -> Rule:
    kind = row["kind"]
    return Rule(
        line=line,
        target=row["indicator"],
        lang=row["lang"],
        kind=kind,
        pattern=row["pattern"],
        weight=int(row["weight"] or 0),
        needs=tuple(row["needs"].split()),
        negatable=row["negatable"].lower() == "yes",
        explanation_en=row["explanation_en"],
        explanation_km=row["explanation_km"],
        regex=None if kind == "check" else compile_pattern(row["pattern"], kind),
        cue=row["indicator"].removeprefix("cue:") if row["indicator"].startswith("cue:") else None,
    )


@cache
def scanned_rules() -> tuple[Rule, ...]:
    """The phrase and regex rows looked for in the text (negations aside)."""
    return tuple(r for r in rules() if r.regex is not None and not r.is_negation)


@cache
def negation_rules() -> tuple[Rule, ...]:
    """The rows that undo a negatable match next to them."""
    return tuple(r for r in rules() if r.is_negation)


def compile_pattern(pattern: str, kind: str = "phrase") -> re.Pattern[str]:
    """A phrase or regex row as a regular expression on folded text (see the module docstring)."""
    if kind == "regex":
        return re.compile(pattern)
    if kind != "phrase":
        raise ValueError(f"unknown pattern kind {kind!r}")
    tokens = fold_pattern(pattern).split()
    if not tokens:
        raise ValueError("empty pattern")
    parts: list[str] = []
    previous = None
    for token in tokens:
        if token == "...":
            parts.append(GAP)
            previous = None
            continue
        if previous is not None:
            latin_join = _is_latin(previous[-1]) and _is_latin(token[0])
            parts.append(SEPARATOR if latin_join else KHMER_SEPARATOR)
        parts.append(_token(token))
        previous = token
    head = r"(?<![a-z0-9])" if _is_latin(tokens[0][0]) else ""
    tail = r"(?![a-z0-9])" if _is_latin(tokens[-1][-1]) or tokens[-1].endswith("*") else ""
    return re.compile(head + "".join(parts) + tail)


def _token(token: str) -> str:
    out: list[str] = []
    for char in token:
        if char == "*":
            out.append(f"{LATIN_WORD}*" if not out or not _khmer_piece(out[-1]) else ".{0,6}?")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _khmer_piece(piece: str) -> bool:
    return bool(piece) and is_khmer_letter(piece[-1])


def _is_latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "*")


@cache
def pay_norms() -> tuple[PayNorm, ...]:
    """Usual monthly pay per kind of work, the fallback (`other`, no keywords) last."""
    norms = [
        PayNorm(
            work=row["work"],
            keywords=_any_of(row["keywords"]),
            usual_min=int(row["usual_min"]),
            usual_max=int(row["usual_max"]),
        )
        for row in _read(PAY_NORMS_FILE)
    ]
    return tuple(sorted(norms, key=lambda norm: norm.work == "other"))


def _any_of(keywords: str) -> re.Pattern[str]:
    phrases = [k.strip() for k in keywords.split(";") if k.strip()]
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{compile_pattern(p).pattern})" for p in phrases))
