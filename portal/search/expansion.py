"""From the words of a query to what is looked up: groups of alternatives.

Each run of words naming one thing ("motorbike mechanic", "ជាងកាត់ដេរ", or one word) is a
group; an opening matches the query when it matches every group. A group matches through any of
its alternatives:
- the words as typed (weight 1.0);
- the other terms of the vocabulary concept the words name (0.7), so "moto repair" finds
  "Motorbike Mechanic" below openings saying "moto repair"; words of the concept next to it join
  it ("mobile phone repair": "mobile" is optional);
- their typo corrections (1.0 for one typo, 0.9 for two), marked as not exact: an opening
  matching the words as typed always ranks above one found through a correction (scoring.py);
- for Khmer, the same words cut differently by khmercut (khmer.py), at 0.9 of their weight;
- Khmer words written as people often write them (ដែរ for ដេរ, khmer_spelling.py) are looked
  for as the term they read like, as a correction (1.0), with that term's synonyms (0.7).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from portal.search.analysis import STOPWORDS, is_khmer, terms
from portal.search.catalog import Catalog
from portal.search.corrections import Correction, corrections
from portal.search.khmer import cut_into_known, widened
from portal.search.khmer_spelling import Respelling, respellings
from portal.search.query_parse import Word

LITERAL, SYNONYM = 1.0, 0.7
CORRECTED = {1: 1.0, 2: 0.9}  # by number of typos
KHMER_RECUT = 0.9  # the same Khmer words in another cut
KHMER_CUT_KNOWN = 0.5  # a Khmer word the index holds, also found cut in pieces


@dataclass(frozen=True)
class Alternative:
    slots: tuple[frozenset[str], ...]  # an opening needs each slot: any one of its terms
    exact: bool  # reached without correcting a typo
    weight: float


@dataclass
class Group:
    words: list[Word]
    alternatives: list[Alternative] = field(default_factory=list)
    concept: str | None = None
    correction: str | None = None  # what the words were corrected to, for "did you mean"
    span: tuple[int, int] = (0, 0)  # where the corrected words are in the folded query
    replaces: str | None = None  # what `correction` replaces in the span (None: all of it)

    def __post_init__(self) -> None:
        if self.words and self.span == (0, 0):
            self.span = (self.words[0].start, self.words[-1].end)

    def add(self, alternatives: list[Alternative]) -> None:
        self.alternatives.extend(a for a in alternatives if a not in self.alternatives)


@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[tuple[str, ...], frozenset[str]]  # analyzed term or misspelling -> concepts
    terms_of: dict[str, tuple[tuple[str, ...], ...]]  # concept -> its analyzed terms
    names_of: dict[str, tuple[str, ...]]  # concept -> its terms as written (did you mean)
    unordered: dict[tuple[str, ...], frozenset[str]]  # the same, words sorted ("mechanic moto")
    words_of: dict[str, frozenset[str]]  # concept -> the words of its terms
    known: frozenset[str]  # every word of every term: never typo-corrected
    longest: int


@cache
def vocabulary() -> Vocabulary:
    """S4's occupation vocabulary, analyzed like the index (read once)."""
    try:
        from portal.search.vocabulary import concepts
    except ImportError:  # pragma: no cover - the vocabulary ships with the package
        return Vocabulary({}, {}, {}, {}, {}, frozenset(), 0)
    phrases: dict[tuple[str, ...], set[str]] = {}
    terms_of, names_of = {}, {}
    for concept in concepts():
        analyzed = [tuple(terms(t)) for t in concept.terms]
        terms_of[concept.id] = tuple(dict.fromkeys(t for t in analyzed if t))
        names_of[concept.id] = concept.terms
        for phrase in [*analyzed, *(tuple(terms(m)) for m in concept.misspellings)]:
            # Queries lose their stopwords ("លក់នៅផ្សារ" is searched as លក់ ផ្សារ).
            meaningful = tuple(t for t in phrase if t not in STOPWORDS)
            for key in {phrase, meaningful} - {()}:
                phrases.setdefault(key, set()).add(concept.id)
    unordered: dict[tuple[str, ...], set[str]] = {}
    for phrase, found in phrases.items():
        if len(phrase) > 1:
            unordered.setdefault(tuple(sorted(phrase)), set()).update(found)
    words_of = {c: frozenset(t for p in found for t in p) for c, found in terms_of.items()}
    return Vocabulary(
        phrases={p: frozenset(c) for p, c in phrases.items()},
        terms_of=terms_of,
        names_of=names_of,
        unordered={p: frozenset(c) for p, c in unordered.items()},
        words_of=words_of,
        known=frozenset(t for words in words_of.values() for t in words),
        longest=max((len(p) for p in phrases), default=0),
    )


def plan(words: list[Word], catalog: Catalog) -> list[Group]:
    """The groups the query's words make (stopwords dropped unless part of a vocabulary term)."""
    vocab = vocabulary()
    fixes = [corrections(catalog, w.term, w.text, vocab.known) for w in words]
    best = [fix[0].term if fix else w.term for w, fix in zip(words, fixes, strict=True)]
    respelled = respellings(words, catalog)
    groups: list[Group] = []
    i = 0
    while i < len(words):
        size, concepts, as_typed = _longest_phrase(words, best, i, vocab)
        khmer_fix = respelled.get(i)
        if khmer_fix and not (as_typed and size >= khmer_fix.size):
            span = slice(i, i + khmer_fix.size)
            groups.append(_respelled_group(catalog, words[span], khmer_fix, vocab))
            i += khmer_fix.size
            continue
        if concepts:
            span = slice(i, i + size)
            groups.append(
                _concept_group(catalog, words[span], best[span], concepts, as_typed, vocab)
            )
            i += size
            continue
        if words[i].term not in STOPWORDS:
            groups.append(_word_group(catalog, words[i], fixes[i]))
        i += 1
    return _merge_same_concept(_absorb_concept_words(groups, vocab))


def _longest_phrase(words: list[Word], best: list[str], start: int, vocab: Vocabulary):
    """(size, concepts, typed as a term) of the longest vocabulary phrase starting at `start`,
    in the words as typed or corrected, in any order."""
    for size in range(min(vocab.longest, len(words) - start), 0, -1):
        typed = tuple(w.term for w in words[start : start + size])
        corrected = tuple(best[start : start + size])
        for phrase in (typed, corrected):
            for table, key in ((vocab.phrases, phrase), (vocab.unordered, tuple(sorted(phrase)))):
                if key in table:
                    as_typed = phrase is typed and _is_term(phrase, table[key], vocab)
                    return size, table[key], as_typed
    return 0, frozenset(), False


def _is_term(phrase: tuple[str, ...], concepts, vocab: Vocabulary) -> bool:
    """True when `phrase` is one of the concepts' terms (in any order, stopwords aside), not a
    misspelling."""
    ordered = _meaningful_sorted(phrase)
    return any(
        _meaningful_sorted(t) == ordered for c in concepts for t in vocab.terms_of.get(c, ())
    )


def _meaningful_sorted(phrase: tuple[str, ...]) -> list[str]:
    return sorted(t for t in phrase if t not in STOPWORDS)


def _concept_group(catalog, words, best, concepts, as_typed: bool, vocab: Vocabulary) -> Group:
    group = Group(words, concept=min(concepts))
    group.add(_alternatives(catalog, tuple(w.term for w in words), True, LITERAL))
    if not as_typed:  # a listed misspelling or typos: the nearest term is what was meant
        group.correction = _closest_name(words, best, concepts, vocab)
        if group.correction:
            meant = tuple(terms(group.correction))
            group.add(_alternatives(catalog, meant, False, CORRECTED[1]))
    for concept in sorted(concepts):
        for phrase in vocab.terms_of.get(concept, ()):
            group.add(_alternatives(catalog, phrase, as_typed, SYNONYM))
    return group


def _closest_name(words: list[Word], best: list[str], concepts, vocab: Vocabulary):
    """The concept's term meant by what was typed: the one with the corrected words, else the
    nearest to the typed text (same script first)."""
    names = [n for c in sorted(concepts) for n in vocab.names_of.get(c, ())]
    for name in names:
        if sorted(terms(name)) == sorted(best):
            return name.lower() if not is_khmer(name) else name
    typed = " ".join(w.text for w in words)
    names = [n for n in names if is_khmer(n) == words[0].khmer] or names
    found = max(names, key=lambda n: fuzz.ratio(typed, n.lower()), default=None)
    return found.lower() if found and not is_khmer(found) else found


def _respelled_group(catalog, words: list[Word], fix: Respelling, vocab: Vocabulary) -> Group:
    """Khmer words written as people often write them: looked for as the term they read like
    (and its synonyms), all as corrections."""
    meant = tuple(terms(fix.text))
    concepts = vocab.phrases.get(meant, frozenset())
    group = Group(words, concept=min(concepts) if concepts else None)
    group.correction, group.replaces = fix.text, fix.typed
    group.add(_alternatives(catalog, meant, False, CORRECTED[1]))
    for concept in sorted(concepts):
        for phrase in vocab.terms_of.get(concept, ()):
            group.add(_alternatives(catalog, phrase, False, SYNONYM))
    return group


def _word_group(catalog: Catalog, word: Word, fixes: list[Correction]) -> Group:
    group = Group([word])
    if word.term in catalog.document_frequency or word.khmer:
        group.add(_alternatives(catalog, (word.term,), True, LITERAL))
    for fix in fixes:
        group.add(_alternatives(catalog, (fix.term,), False, CORRECTED[fix.distance]))
    if fixes:
        group.correction = fixes[0].term
    return group


def _alternatives(catalog: Catalog, phrase: tuple[str, ...], exact: bool, weight: float):
    """The alternative for `phrase` (stopwords dropped), and for Khmer its other cuts."""
    meaningful = tuple(t for t in phrase if t not in STOPWORDS) or phrase
    found = [Alternative(tuple(frozenset({t}) for t in meaningful), exact, weight)]
    if not any(is_khmer(t) for t in meaningful):
        return found
    loose = tuple(widened(catalog, t) if is_khmer(t) else frozenset({t}) for t in meaningful)
    if loose != found[0].slots:
        found.append(Alternative(loose, exact, weight * KHMER_RECUT))
    if len(meaningful) == 1:
        pieces = cut_into_known(catalog, meaningful[0])
        known = meaningful[0] in catalog.document_frequency
        if pieces:
            recut = weight * (KHMER_CUT_KNOWN if known else KHMER_RECUT)
            found.append(Alternative(tuple(frozenset({p}) for p in pieces), exact, recut))
    return found


def _absorb_concept_words(groups: list[Group], vocab: Vocabulary) -> list[Group]:
    """A lone word next to a concept that uses it ("mobile" before "phone repair") joins the
    concept's group instead of being required on its own."""
    kept: list[Group] = []
    for n, group in enumerate(groups):
        neighbours = [g for g in (groups[n - 1] if n else None, _at(groups, n + 1)) if g]
        host = next(
            (
                g
                for g in neighbours
                if g.concept and not group.concept and len(group.words) == 1
                and group.words[0].term in vocab.words_of.get(g.concept, ())
            ),
            None,
        )  # fmt: skip
        if host is None:
            kept.append(group)
        else:
            host.words.append(group.words[0])
    return kept


def _at(groups: list[Group], n: int) -> Group | None:
    return groups[n] if n < len(groups) else None


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
        same.add(group.alternatives)
    return merged
