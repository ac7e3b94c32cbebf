"""search by province on PostgreSQL (issue 18): an index on search_document.province

Revision ID: a8d3f6c1e295
Revises: f7c2a9e4b1d3
Create Date: 2026-12-07 19:30:00

A search in one province ("tailor Siem Reap", or the province filter) matched the words through
the GIN index across the whole country, then read every matching row to drop the other
provinces' (9,244 rows read for 153 kept at 50,000 openings). With this index PostgreSQL ANDs the
two bitmaps and reads only the province's matches. Created on SQLite too (the table is empty
there): one schema on both databases.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'a8d3f6c1e295'
down_revision = 'f7c2a9e4b1d3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_search_document_province', 'search_document', ['province'])


def downgrade():
    op.drop_index('ix_search_document_province', table_name='search_document')
