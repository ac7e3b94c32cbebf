"""search on PostgreSQL (issue 18): the documents and terms of SEARCH_BACKEND=postgres

Revision ID: c4f1e8a2d6b3
Revises: c18a5f0e7d21
Create Date: 2026-12-07 12:40:00

On PostgreSQL: pg_trgm (a trusted extension: the database's owner may create it), the tables,
a GIN index on the weighted words and a trigram GIN index on the terms. On SQLite the same two
tables are created with plain columns and indexes and stay empty (the Whoosh backend does not
use them). The tables are filled by `flask search reindex` (or at start, when empty).
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'c4f1e8a2d6b3'
down_revision = 'c18a5f0e7d21'
branch_labels = None
depends_on = None


def _words_type():
    return sa.Text().with_variant(postgresql.TSVECTOR(), 'postgresql')


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    op.create_table(
        'search_document',
        sa.Column('opening_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('province', sa.String(length=2), nullable=False),
        sa.Column('organization_id', sa.Integer(), nullable=False),
        sa.Column('salary_min_usd', sa.Integer(), nullable=False),
        sa.Column('closing_date', sa.Date(), nullable=False),
        sa.Column('published_at', sa.BigInteger(), nullable=False),
        sa.Column('words', _words_type(), nullable=False),
        sa.PrimaryKeyConstraint('opening_id', name=op.f('pk_search_document')),
    )
    op.create_index(
        'ix_search_document_words', 'search_document', ['words'], postgresql_using='gin'
    )
    op.create_index(
        'ix_search_document_listing', 'search_document', ['status', 'published_at']
    )
    op.create_table(
        'search_term',
        sa.Column('term', sa.Text(), nullable=False),
        sa.Column('frequency', sa.Integer(), nullable=False),
        sa.Column('khmer_expression', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('term', name=op.f('pk_search_term')),
    )
    op.create_index(
        'ix_search_term_trigrams', 'search_term', ['term'],
        postgresql_using='gin', postgresql_ops={'term': 'gin_trgm_ops'},
    )
    op.create_index('ix_search_term_khmer_expression', 'search_term', ['khmer_expression'])


def downgrade():
    # pg_trgm stays: other databases' objects may use it, and it costs nothing.
    op.drop_index('ix_search_term_khmer_expression', table_name='search_term')
    op.drop_index('ix_search_term_trigrams', table_name='search_term')
    op.drop_table('search_term')
    op.drop_index('ix_search_document_listing', table_name='search_document')
    op.drop_index('ix_search_document_words', table_name='search_document')
    op.drop_table('search_document')
