"""sms and phone confirmation: the outbox's back-off and holds, SMS parts and delivery reports on
each copy, the confirmed phone of an account, its codes, the phone_confirmation notification

Revision ID: d5a8c3e1f7b9
Revises: 2938916a1fe3
Create Date: 2026-12-07 10:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'd5a8c3e1f7b9'
down_revision = '2938916a1fe3'
branch_labels = None
depends_on = None

KINDS = ('status_change', 'new_application', 'new_suggestions', 'closing_reminder',
         'opening_reviewed', 'organization_reviewed', 'follow_up_due', 'profile_unused',
         'account_recovery', 'report_burst', 'follow_up_question', 'work_problem')
NEW_KINDS = KINDS + ('phone_confirmation',)
REPORT = sa.Enum('delivered', 'failed', name='deliveryreport', native_enum=False,
                 create_constraint=True, length=20)


def _kind_type(values):
    return sa.Enum(*values, name='notificationkind', native_enum=False, create_constraint=True,
                   length=30)


def _change_kinds(old, new):
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind_type(old), type_=_kind_type(new),
                              existing_nullable=False)


def upgrade():
    with op.batch_alter_table('notification_delivery', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_attempt_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('held_reason', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('segments', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('provider_message_id', sa.String(length=100),
                                      nullable=True))
        batch_op.add_column(sa.Column('report', REPORT, nullable=True))
        batch_op.add_column(sa.Column('reported_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_notification_delivery_next_attempt_at'),
                              ['next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_delivery_provider_message_id'),
                              ['provider_message_id'], unique=False)
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone_confirmed_at', sa.DateTime(), nullable=True))
    op.create_table(
        'phone_confirmation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('phone', sa.String(length=20), nullable=False),
        sa.Column('code_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.Column('failed_tries', sa.Integer(), nullable=False),
        sa.Column('confirmed_at', sa.DateTime(), nullable=True),
        sa.Column('notification_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['notification_id'], ['notification.id'],
                                name=op.f('fk_phone_confirmation_notification_id_notification'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'],
                                name=op.f('fk_phone_confirmation_user_id_user_account'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_phone_confirmation')),
    )
    with op.batch_alter_table('phone_confirmation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phone_confirmation_user_id'), ['user_id'],
                              unique=False)
    _change_kinds(KINDS, NEW_KINDS)


def downgrade():
    op.execute("DELETE FROM notification WHERE kind = 'phone_confirmation'")
    _change_kinds(NEW_KINDS, KINDS)
    with op.batch_alter_table('phone_confirmation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phone_confirmation_user_id'))
    op.drop_table('phone_confirmation')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('phone_confirmed_at')
    with op.batch_alter_table('notification_delivery', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_delivery_provider_message_id'))
        batch_op.drop_index(batch_op.f('ix_notification_delivery_next_attempt_at'))
        batch_op.drop_constraint('deliveryreport', type_='check')
        batch_op.drop_column('reported_at')
        batch_op.drop_column('report')
        batch_op.drop_column('provider_message_id')
        batch_op.drop_column('segments')
        batch_op.drop_column('held_reason')
        batch_op.drop_column('next_attempt_at')
