"""data that means what it says (issue 17): education may be "not said" (NULL), profiles record
when gender and schooling were confirmed, openings carry their ISCO-08 minor group

Revision ID: a17d4e2c9b01
Revises: 3bb665b73179
Create Date: 2026-12-07 11:20:00

Existing rows keep their values (they may have come from an old form's default): their
details_confirmed_at stays NULL, so each young person is asked once to confirm on her next login.
Openings' ISCO groups are filled by `flask openings isco` (a migration does not load the vocabulary).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a17d4e2c9b01'
down_revision = '3bb665b73179'
branch_labels = None
depends_on = None

EDUCATION = sa.Enum(
    'none', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university',
    name='educationlevel', native_enum=False, create_constraint=True, length=20,
)


def upgrade():
    with op.batch_alter_table('youth_profile', schema=None) as batch_op:
        batch_op.alter_column('education_level', existing_type=EDUCATION, nullable=True)
        batch_op.add_column(sa.Column('details_confirmed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('details_asked_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.add_column(sa.Column('isco_minor_group', sa.String(length=3), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_opening_isco_minor_group'), ['isco_minor_group'], unique=False
        )


def downgrade():
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opening_isco_minor_group'))
        batch_op.drop_column('isco_minor_group')
    # "Not said" has no place in the old schema: the old default ("none") comes back.
    op.execute("UPDATE youth_profile SET education_level = 'none' WHERE education_level IS NULL")
    with op.batch_alter_table('youth_profile', schema=None) as batch_op:
        batch_op.drop_column('details_asked_at')
        batch_op.drop_column('details_confirmed_at')
        batch_op.alter_column('education_level', existing_type=EDUCATION, nullable=False)
