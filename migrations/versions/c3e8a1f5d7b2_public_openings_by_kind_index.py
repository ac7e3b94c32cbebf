"""the courses page at national scale (issue 18): whether an opening of a kind is public, from
one index

Revision ID: c3e8a1f5d7b2
Revises: b5e2d7a9c418
Create Date: 2026-12-07 22:20:00

The courses page counts and orders every public course. At 50,000 openings (6,000 public
courses) SQLite found them through ix_opening_kind and read each whole row (descriptions and
all) to check its status, closing date, organization and reports: 14 ms to count them, 15 ms
more to order their ids. This index holds those columns after the kind, so both read the index
alone (about 4 ms each). It starts with the kind, so it replaces ix_opening_kind.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'c3e8a1f5d7b2'
down_revision = 'b5e2d7a9c418'
branch_labels = None
depends_on = None

COLUMNS = ['kind', 'status', 'closing_date', 'organization_id', 'hidden_by_reports_at',
           'province_code']


def upgrade():
    op.create_index('ix_opening_public_by_kind', 'opening', COLUMNS)
    op.drop_index('ix_opening_kind', table_name='opening')


def downgrade():
    op.create_index('ix_opening_kind', 'opening', ['kind'])
    op.drop_index('ix_opening_public_by_kind', table_name='opening')
