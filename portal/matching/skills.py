"""How close a young person's skills are to what an opening asks for.

Two ways to match, the better one wins for each pair of texts:
- through the bilingual vocabulary: both texts name the same concept ("sewing" and "garment
  sewer", "ជួសជុលម៉ូតូ" and "motorbike repair") -> CONCEPT;
- fuzzily, on the analyzed words (folded, stemmed, stopwords dropped): typos and word order
  ("motorbike repiar", "repair motorbike") score by rapidfuzz's ratio / token_sort_ratio, kept
  from FUZZY_THRESHOLD up; all the words of one inside the other ("sewing" in "sewing machine")
  gives SUBSET. That is token_set_ratio's idea without its 100 for any shared subset, which
  would make "repair" as good a match for "phone repair" as "phone repair" itself.

What is costly (analysis, concept ids) is computed once per distinct text and cached, and so is
the similarity of each distinct pair of texts: skills repeat a lot across 50,000 openings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from portal.search.analysis import STOPWORDS, terms

EXACT = 1.0  # the same words once analyzed
CONCEPT = 0.9  # the same vocabulary concept, in other words or the other language
FUZZY_THRESHOLD = 0.8  # below this a fuzzy likeness is noise ("cook" vs "cake")
SUBSET = 0.85  # all of one text's words inside the other ("sewing" in "sewing machine")
# Concepts too broad to say two trades are alike ("repair", "course", "internship").
_BROAD_SECTORS = frozenset({"general"})


@dataclass(frozen=True, eq=False)
class SkillText:
    """A skill or title, analyzed once: what it says as written, its words, its concepts.

    Compared by identity (prepare() hands out one per text), which keeps the similarity cache
    and the per-person memos cheap to look up."""

    text: str
    form: str  # the analyzed words joined by spaces, for fuzzy comparison
    words: frozenset[str]
    concepts: frozenset[str]


@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[tuple[str, ...], frozenset[str]]  # analyzed term (words sorted) -> concepts
    longest: int


@cache
def _vocabulary() -> Vocabulary:
    from portal.search.vocabulary import concepts

    phrases: dict[tuple[str, ...], set[str]] = {}
    for concept in concepts():
        if concept.sector in _BROAD_SECTORS:
            continue
        for term in concept.terms + concept.misspellings:
            phrase = tuple(sorted(terms(term)))
            if phrase:
                phrases.setdefault(phrase, set()).add(concept.id)
    return Vocabulary(
        phrases={p: frozenset(c) for p, c in phrases.items()},
        longest=max((len(p) for p in phrases), default=0),
    )


def _concepts_in(words: tuple[str, ...]) -> frozenset[str]:
    """The concepts named in `words`: longest vocabulary phrase first, left to right, words in
    any order within a phrase ("repair motorbike")."""
    vocab = _vocabulary()
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(min(vocab.longest, len(words) - i), 0, -1):
            key = tuple(sorted(words[i : i + size]))
            if key in vocab.phrases:
                found |= vocab.phrases[key]
                i += size
                break
        else:
            i += 1
    return frozenset(found)


@lru_cache(maxsize=200_000)
def prepare(text: str) -> SkillText:
    """`text` analyzed for matching (cached: the same skills come back again and again)."""
    words = tuple(terms(text))
    meaningful = tuple(w for w in words if w not in STOPWORDS) or words
    return SkillText(
        text=text,
        form=" ".join(meaningful),
        words=frozenset(meaningful),
        concepts=_concepts_in(words),
    )


@lru_cache(maxsize=100_000)  # ~20 MB at most
def similarity(theirs: SkillText, wanted: SkillText) -> float:
    """0..1: how well a skill of theirs answers a skill (or the title) of an opening; 0 below
    FUZZY_THRESHOLD."""
    if not theirs.form or not wanted.form:
        return 0.0
    if theirs.form == wanted.form or theirs.words == wanted.words:
        return EXACT
    best = CONCEPT if theirs.concepts & wanted.concepts else 0.0
    cutoff = FUZZY_THRESHOLD * 100
    close = max(
        fuzz.ratio(theirs.form, wanted.form, score_cutoff=cutoff),
        fuzz.token_sort_ratio(theirs.form, wanted.form, score_cutoff=cutoff),
    )
    if theirs.words <= wanted.words or wanted.words <= theirs.words:
        close = max(close, SUBSET * 100)
    return max(best, min(close / 100, CONCEPT))


@dataclass(frozen=True)
class SkillMatch:
    """Which of their skills answer which of the opening's skills or title, and how well."""

    score: float  # 0..1
    pairs: tuple[tuple[str, str], ...]  # (their skill, the opening's skill or title)


NO_MATCH = SkillMatch(0.0, ())
BEST_WEIGHT = 0.6  # the single best pair; the rest of the score is the share of skills covered


Best = Callable[[SkillText], tuple[float, SkillText]]


def best_of(theirs: tuple[SkillText, ...]) -> Best:
    """item -> (likeness, which of `theirs` is most like it), memoized: one person's skills
    against many openings meet the same opening skills again and again."""
    memo: dict[SkillText, tuple[float, SkillText]] = {}

    def best(item: SkillText) -> tuple[float, SkillText]:
        found = memo.get(item)
        if found is None:
            found = memo[item] = max(((similarity(t, item), t) for t in theirs), key=_first)
        return found

    return best


def _first(pair: tuple[float, SkillText]) -> float:
    return pair[0]


def match_skills(
    theirs: tuple[SkillText, ...],
    skills: tuple[SkillText, ...],
    title: SkillText,
    best: Best | None = None,
) -> SkillMatch:
    """Their skills against an opening's skills and title: 0..1 and the matched pairs.

    The score mixes the best single pair (someone who can sew fits a sewing job) with how many
    of the opening's skills they have (the title stands in when it lists none). `best` is
    best_of(theirs), passed in to reuse its memo across openings."""
    if not theirs:
        return NO_MATCH
    best = best or best_of(theirs)
    wanted = skills or (title,)
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()  # a title saying what a skill says adds no pair
    covered = top = 0.0
    items = (*skills, title)
    for position, item in enumerate(items):
        likeness, who = best(item)
        if likeness <= 0:
            continue
        top = max(top, likeness)
        # The title counts toward the share covered only when the opening lists no skills.
        # By position: a skill worded like the title is the same (cached) object.
        is_title = position == len(items) - 1
        if not is_title or not skills:
            covered += likeness
        if (who.text, item.form) not in seen:
            seen.add((who.text, item.form))
            pairs.append((who.text, item.text))
    if not pairs:
        return NO_MATCH
    score = BEST_WEIGHT * top + (1 - BEST_WEIGHT) * covered / len(wanted)
    return SkillMatch(round(score, 4), tuple(pairs))
