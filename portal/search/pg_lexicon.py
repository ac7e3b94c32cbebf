"""The words of the PostgreSQL backend's documents, as planning a query asks for them.

It answers what the Whoosh catalog answers (catalog.py: `document_frequency`, `memo`,
`spelling_candidates`, `khmer_terms_containing`, `terms_among`, `khmer_terms_read_as`) from the
`search_term` table, one query for a few words at a time, so that corrections.py, khmer.py,
khmer_spelling.py and expansion.py plan a query the same way on both backends. A lexicon lives
for one search: what it learnt is never stale.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from portal.search.analysis import is_khmer

# Typo candidates share at least this part of their trigrams with the word typed ("bakr" and
# "baker" 0.38, "chf" and "chef" 0.29); rapidfuzz then keeps those within the allowed typos.
TRIGRAM_SIMILARITY = 0.2


class Frequencies:
    """term -> how many text fields of the documents hold it, looked up on demand (the part
    of the Mapping interface the planning modules use)."""

    def __init__(self, lexicon: PgLexicon) -> None:
        self._lexicon = lexicon

    def __contains__(self, term: str) -> bool:
        return self._lexicon.frequency(term) > 0

    def __getitem__(self, term: str) -> int:
        found = self._lexicon.frequency(term)
        if not found:
            raise KeyError(term)
        return found

    def get(self, term: str, default=None):
        return self._lexicon.frequency(term) or default


class PgLexicon:
    lists_every_term = False  # spelling candidates depend on the word: cache by word

    def __init__(self, session: Session) -> None:
        self.session = session
        self.known: dict[str, int] = {}  # term -> frequency (0: not in any document)
        self.document_frequency = Frequencies(self)
        self._memos: dict[str, dict] = {}
        self._threshold_set = False

    def memo(self, name: str, size: int = 0) -> dict:
        return self._memos.setdefault(name, {})

    def frequency(self, term: str) -> int:
        if term not in self.known:
            self.learn([term])
        return self.known[term]

    def learn(self, terms: Iterable[str]) -> None:
        """Look the frequencies of `terms` up at once (those not known yet)."""
        wanted = sorted({t for t in terms if t not in self.known})
        if not wanted:
            return
        self.known.update(dict.fromkeys(wanted, 0))
        self._remember(
            "SELECT term, frequency FROM search_term WHERE term = ANY(:terms)", terms=wanted
        )

    def spelling_candidates(self, word: str, lengths: range) -> list[str]:
        """Latin words sharing trigrams with `word`, of those lengths (pg_trgm's index)."""
        if not self._threshold_set:  # for this transaction only
            self.session.execute(
                text("SELECT set_config('pg_trgm.similarity_threshold', :value, true)"),
                {"value": str(TRIGRAM_SIMILARITY)},
            )
            self._threshold_set = True
        found = self._remember(
            "SELECT term, frequency FROM search_term WHERE term % :word AND frequency > 0 "
            "AND char_length(term) BETWEEN :shortest AND :longest",
            word=word,
            shortest=lengths.start,
            longest=lengths.stop - 1,
        )
        return [term for term in found if term.isalpha() and not is_khmer(term)]

    def khmer_terms_containing(self, term: str) -> list[str]:
        """The documents' Khmer words containing `term` (not `term` itself)."""
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = self._remember(
            "SELECT term, frequency FROM search_term WHERE term LIKE :pattern "
            "AND term <> :term AND frequency > 0",
            pattern=pattern,
            term=term,
        )
        return [word for word in found if is_khmer(word)]

    def terms_among(self, pieces) -> set[str]:
        self.learn(pieces)
        return {piece for piece in pieces if self.known[piece]}

    def khmer_terms_read_as(self, expression: str, minimum: int) -> tuple[str, ...]:
        """The Khmer words in at least `minimum` fields that read as `expression`, in order."""
        found = self._remember(
            "SELECT term, frequency FROM search_term WHERE khmer_expression = :expression "
            "AND frequency >= :minimum",
            expression=expression,
            minimum=minimum,
        )
        return tuple(sorted(found))

    def _remember(self, sql: str, **params) -> list[str]:
        rows = self.session.execute(text(sql), params).all()
        self.known.update({term: frequency for term, frequency in rows})
        return [term for term, _frequency in rows]
