"""From the words of a query to what is looked up: groups of alternatives.

Each run of words naming one thing ("motorbike mechanic", "ជាងកាត់ដេរ", or one word) is a
group; an opening matches the query when it matches every group. A group matches through any of
its alternatives, each with a rank: the words as typed first, then for Khmer the index words
containing the typed word (khmercut may cut a long title differently from a short query), then
typo corrections (one typo above two), then the other terms of the vocabulary concept the words
name (so "moto repair" finds "Motorbike Mechanic", below literal matches).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from portal.search.analysis import STOPWORDS, is_khmer, terms
from portal.search.catalog import Catalog
from portal.search.corrections import Correction, corrections
from portal.search.query_parse import Word

LITERAL, KHMER_INSIDE, SYNONYM = 6, 5, 2  # ranks of alternatives (see scoring.py)
CORRECTED = {1: 4, 2: 3}  # by number of typos
TOP_RANK = LITERAL
KHMER_MIN_INSIDE = 3  # Khmer words shorter than this (code points) are only matched whole
KHMER_INSIDE_KEPT = 40  # containing words kept, most common first


@dataclass(frozen=True)
class Alternative:
    slots: tuple[frozenset[str], ...]  # an opening needs each slot: any one of its terms
    rank: int  # LITERAL, KHMER_INSIDE, CORRECTED[typos] or SYNONYM


@dataclass
class Group:
    words: list[Word]
    alternatives: list[Alternative] = field(default_factory=list)
    concept: str | None = None
    correction: str | None = None  # what the words were corrected to, for "did you mean"
    span: tuple[int, int] = (0, 0)  # where the corrected words are in the folded query

    def __post_init__(self) -> None:
        if self.words and self.span == (0, 0):
            self.span = (self.words[0].start, self.words[-1].end)


@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[tuple[str, ...], frozenset[str]]  # analyzed term or misspelling -> concepts
    terms_of: dict[str, tuple[tuple[str, ...], ...]]  # concept -> its analyzed terms
    names_of: dict[str, tuple[str, ...]]  # concept -> its terms as written (did you mean)
    known: frozenset[str]  # every word of every term: never typo-corrected
    longest: int


@cache
def vocabulary() -> Vocabulary:
    """S4's occupation vocabulary, analyzed like the index (read once)."""
    try:
        from portal.search.vocabulary import concepts
    except ImportError:  # pragma: no cover - the vocabulary ships with the package
        return Vocabulary({}, {}, {}, frozenset(), 0)
    phrases: dict[tuple[str, ...], set[str]] = {}
    terms_of, names_of = {}, {}
    for concept in concepts():
        analyzed = [tuple(terms(t)) for t in concept.terms]
        terms_of[concept.id] = tuple(dict.fromkeys(t for t in analyzed if t))
        names_of[concept.id] = concept.terms
        for phrase in [*analyzed, *(tuple(terms(m)) for m in concept.misspellings)]:
            if phrase:
                phrases.setdefault(phrase, set()).add(concept.id)
    known = frozenset(t for phrases_ in terms_of.values() for p in phrases_ for t in p)
    longest = max((len(p) for p in phrases), default=0)
    return Vocabulary(
        {p: frozenset(c) for p, c in phrases.items()}, terms_of, names_of, known, longest
    )


def plan(words: list[Word], catalog: Catalog) -> list[Group]:
    """The groups the query's words make (stopwords dropped unless part of a vocabulary term)."""
    vocab = vocabulary()
    fixes = [corrections(catalog, w.term, w.text, vocab.known) for w in words]
    best = [fix[0].term if fix else w.term for w, fix in zip(words, fixes, strict=True)]
    groups: list[Group] = []
    i = 0
    while i < len(words):
        size, concepts = _longest_phrase(words, best, i, vocab)
        if concepts:
            groups.append(_concept_group(words[i : i + size], best[i : i + size], concepts, vocab))
            i += size
            continue
        if words[i].term not in STOPWORDS:
            groups.append(_word_group(words[i], fixes[i], catalog))
        i += 1
    return _merge_same_concept(groups)


def _longest_phrase(words, best, start, vocab: Vocabulary):
    for size in range(min(vocab.longest, len(words) - start), 0, -1):
        for forms in (words[start : start + size], best[start : start + size]):
            phrase = tuple(w.term if isinstance(w, Word) else w for w in forms)
            if phrase in vocab.phrases:
                return size, vocab.phrases[phrase]
    return 0, frozenset()


def _concept_group(words: list[Word], best: list[str], concepts, vocab: Vocabulary) -> Group:
    typed = tuple(w.term for w in words)
    group = Group(words, concept=min(concepts))
    group.alternatives.append(_alternative(typed, LITERAL))
    if tuple(best) != typed:
        group.alternatives.append(_alternative(tuple(best), CORRECTED[1]))
    if not any(typed == p for c in concepts for p in vocab.terms_of.get(c, ())):
        # Typed as a listed misspelling or with typos: the nearest term is what was meant.
        group.correction = _closest_name(words, concepts, vocab)
        if group.correction:
            group.alternatives.append(_alternative(tuple(terms(group.correction)), CORRECTED[1]))
    for concept in sorted(concepts):
        for phrase in vocab.terms_of.get(concept, ()):
            group.alternatives.append(_alternative(phrase, SYNONYM))
    return group


def _alternative(phrase: tuple[str, ...], rank: int) -> Alternative:
    meaningful = tuple(t for t in phrase if t not in STOPWORDS) or phrase
    return Alternative(tuple(frozenset({t}) for t in meaningful), rank)


def _closest_name(words: list[Word], concepts, vocab: Vocabulary) -> str | None:
    """The concept's term nearest to what was typed (a listed misspelling or a corrected word)."""
    typed = " ".join(w.text for w in words)
    names = [n for c in sorted(concepts) for n in vocab.names_of.get(c, ())]
    names = [n for n in names if is_khmer(n) == words[0].khmer] or names
    return max(names, key=lambda n: fuzz.ratio(typed, n.lower()), default=None)


def _word_group(word: Word, fixes: list[Correction], catalog: Catalog) -> Group:
    group = Group([word])
    if word.term in catalog.document_frequency:
        group.alternatives.append(_alternative((word.term,), LITERAL))
    for fix in fixes:
        group.alternatives.append(_alternative((fix.term,), CORRECTED[fix.distance]))
    if fixes:
        group.correction = fixes[0].term
    if word.khmer:
        group.alternatives.extend(_khmer_alternatives(word.term, catalog))
    return group


def _khmer_alternatives(term: str, catalog: Catalog) -> list[Alternative]:
    """Index words containing `term`, and `term` cut into index words when it is not one."""
    found = []
    if len(term) >= KHMER_MIN_INSIDE:
        inside = khmer_words_containing(catalog, term)
        if inside:
            found.append(Alternative((frozenset(inside),), KHMER_INSIDE))
    if term not in catalog.document_frequency:
        pieces = split_into_known(term, catalog)
        if len(pieces) > 1:
            found.append(_alternative(tuple(pieces), KHMER_INSIDE))
    return found


def khmer_words_containing(catalog: Catalog, term: str) -> list[str]:
    memo = catalog.memo("khmer_inside")
    if term not in memo:
        frequency = catalog.document_frequency
        longer = [w for w in catalog.khmer_terms if term in w and w != term]
        longer.sort(key=lambda w: -frequency[w])
        memo[term] = longer[:KHMER_INSIDE_KEPT]
    return memo[term]


def split_into_known(text: str, catalog: Catalog) -> list[str]:
    """`text` cut into the fewest index words (longest first), or [text] when it cannot be."""
    known = catalog.document_frequency
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - 30), end):
            if best[start] is not None and text[start:end] in known:
                candidate = [*best[start], text[start:end]]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[len(text)] or [text]


def _merge_same_concept(groups: list[Group]) -> list[Group]:
    """ "motorbike mechanic ជាងម៉ូតូ" asks for one thing twice: one group, not two."""
    merged: list[Group] = []
    by_concept: dict[str, Group] = {}
    for group in groups:
        same = by_concept.get(group.concept) if group.concept else None
        if same is None:
            merged.append(group)
            if group.concept:
                by_concept[group.concept] = group
            continue
        same.words.extend(group.words)
        same.alternatives.extend(a for a in group.alternatives if a not in same.alternatives)
    return merged
