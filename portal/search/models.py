"""The search outbox: which openings changed, written in the same transaction as the change
(Whoosh); the documents and terms of the PostgreSQL backend."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Index, String, Text, text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db, utcnow


class SearchOutbox(db.Model):
    """One row per opening changed by a committed transaction; the index applies rows in id order.

    No foreign key: the row of a deleted opening must outlive it, so the index drops it too.
    AUTOINCREMENT keeps SQLite from reusing the ids of pruned rows (the index's watermark is an id).
    """

    __tablename__ = "search_outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self) -> str:
        return f"<SearchOutbox {self.id} opening {self.opening_id}>"


class SearchDocument(db.Model):
    """An opening as the PostgreSQL search backend sees it (SEARCH_BACKEND=postgres): written in
    the transaction that changes the opening (pg_index.py). The columns mirror the Whoosh
    schema's (schema.py); `words` holds the analysed text fields, weighted A (title), B (skills),
    C (organization), D (description). On SQLite the table stays empty (`words` is plain text).
    """

    __tablename__ = "search_document"
    __table_args__ = (
        Index("ix_search_document_words", "words", postgresql_using="gin"),
        Index("ix_search_document_listing", "status", "published_at"),
        Index("ix_search_document_province", "province"),  # ANDed with the words' bitmap
        # The title's words alone (pg_engine.TITLE_WORDS): PostgreSQL only.
        Index(
            "ix_search_document_title_words",
            text("ts_filter(words, '{a}')"),
            postgresql_using="gin",
        ).ddl_if(dialect="postgresql"),
    )

    opening_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    province: Mapped[str] = mapped_column(String(2))
    organization_id: Mapped[int]
    salary_min_usd: Mapped[int]
    closing_date: Mapped[date]  # 9999-12-31 when the opening has none
    published_at: Mapped[int] = mapped_column(BigInteger)  # whole seconds since 1970, UTC
    words: Mapped[str] = mapped_column(Text().with_variant(TSVECTOR(), "postgresql"))


class SearchTerm(db.Model):
    """Every word of the PostgreSQL backend's documents, with how many text fields of all the
    documents hold it (as Whoosh counts it): typo candidates come from its trigram index, Khmer
    respellings from `khmer_expression` (khmer_spelling.py: how the word reads)."""

    __tablename__ = "search_term"
    __table_args__ = (
        Index(
            "ix_search_term_trigrams",
            "term",
            postgresql_using="gin",
            postgresql_ops={"term": "gin_trgm_ops"},
        ),
        Index("ix_search_term_khmer_expression", "khmer_expression"),
    )

    term: Mapped[str] = mapped_column(Text, primary_key=True)
    frequency: Mapped[int]  # 0: no document holds it any more (the row is kept)
    khmer_expression: Mapped[str | None] = mapped_column(Text)
