"""search on PostgreSQL (issue 18): an index of the title's words alone

Revision ID: b5e2d7a9c418
Revises: a8d3f6c1e295
Create Date: 2026-12-07 20:00:00

The best page of a common word is the newest openings holding it in their title; PostgreSQL
found them by reading every match's words (19,517 rows for "english" at 50,000 openings, 25 ms).
A GIN index on ts_filter(words, '{a}'), the title's lexemes (weight A, pg_index.FIELD_LETTERS),
finds them directly (portal/search/pg_engine.py, TITLE_WORDS). PostgreSQL only: on SQLite the
search_document table stays empty and `words` is plain text.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b5e2d7a9c418'
down_revision = 'a8d3f6c1e295'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE INDEX ix_search_document_title_words ON search_document "
            "USING gin (ts_filter(words, '{a}'))"
        )


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX ix_search_document_title_words")
