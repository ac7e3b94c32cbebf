"""opening requirements: hazardous work, lowest education, languages

Revision ID: e479d7f2e96d
Revises: a59eebc82b79
Create Date: 2026-11-25 23:12:45.555405

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e479d7f2e96d'
down_revision = 'a59eebc82b79'
branch_labels = None
depends_on = None

EDUCATION_LEVELS = ('none', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university')


def upgrade():
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hazardous', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('min_education', sa.Enum(*EDUCATION_LEVELS, name='min_education', native_enum=False, create_constraint=True, length=20), nullable=True))
        batch_op.add_column(sa.Column('languages', sa.JSON(), server_default='[]', nullable=False))
        # Cambodian law forbids hazardous work under 18.
        batch_op.create_check_constraint(op.f('ck_opening_hazardous_adults_only'), 'NOT hazardous OR min_age >= 18')


def downgrade():
    with op.batch_alter_table('opening', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_opening_hazardous_adults_only'), type_='check')
        batch_op.drop_constraint(op.f('ck_opening_min_education'), type_='check')
        batch_op.drop_column('languages')
        batch_op.drop_column('min_education')
        batch_op.drop_column('hazardous')
