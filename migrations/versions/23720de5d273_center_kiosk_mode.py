"""center kiosk mode: shared computers at a center log their user out when idle

Revision ID: 23720de5d273
Revises: 238077923d76
Create Date: 2026-11-25 23:42:36.940901

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '23720de5d273'
down_revision = '238077923d76'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('center', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kiosk_mode', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('kiosk_idle_minutes', sa.Integer(), server_default='5', nullable=False))
        batch_op.create_check_constraint(op.f('ck_center_kiosk_idle_range'), 'kiosk_idle_minutes BETWEEN 1 AND 60')


def downgrade():
    with op.batch_alter_table('center', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_center_kiosk_idle_range'), type_='check')
        batch_op.drop_column('kiosk_idle_minutes')
        batch_op.drop_column('kiosk_mode')
