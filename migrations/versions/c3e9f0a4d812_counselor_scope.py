"""a counselor's scope (issue 19): the provinces each center serves, and national scope on a
counselor's account

Revision ID: c3e9f0a4d812
Revises: 13db995d6341
Create Date: 2026-12-07 12:45:00

Each existing center serves its own province to begin with; an admin adds the others on the
center's page.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3e9f0a4d812'
down_revision = '13db995d6341'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'center_province',
        sa.Column('center_id', sa.Integer(), nullable=False),
        sa.Column('province_code', sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ['center_id'], ['center.id'], name=op.f('fk_center_province_center_id_center'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('center_id', 'province_code', name=op.f('pk_center_province')),
    )
    with op.batch_alter_table('center_province', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_center_province_province_code'), ['province_code'], unique=False
        )
    op.execute(
        'INSERT INTO center_province (center_id, province_code) SELECT id, province_code FROM center'
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('national_scope', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('national_scope')
    with op.batch_alter_table('center_province', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_center_province_province_code'))
    op.drop_table('center_province')
