"""matching change log (issue 18): which openings and profiles changed, written in the same
transaction; its newest id is the cheap counter the matching caches read before each use

Revision ID: c18a5f0e7d21
Revises: a17d4e2c9b01
Create Date: 2026-12-07 13:30:00

Empty at first: each worker builds its indexes once from the tables, then follows the log.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c18a5f0e7d21'
down_revision = 'a17d4e2c9b01'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('matching_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matching_change')),
    sqlite_autoincrement=True
    )


def downgrade():
    op.drop_table('matching_change')
