"""telegram: linked chats, link codes, handled updates; follow-ups answered in Telegram, the
follow_up_question and work_problem notifications, and the not_paid / not_free_to_leave reasons

Revision ID: 2938916a1fe3
Revises: 56f497592f16
Create Date: 2026-12-07 09:33:52.037072

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2938916a1fe3'
down_revision = '56f497592f16'
branch_labels = None
depends_on = None

KINDS = ('status_change', 'new_application', 'new_suggestions', 'closing_reminder',
         'opening_reviewed', 'organization_reviewed', 'follow_up_due', 'profile_unused',
         'account_recovery', 'report_burst')
NEW_KINDS = KINDS + ('follow_up_question', 'work_problem')
REASONS = ('asked_for_money', 'not_a_real_company', 'different_work', 'kept_documents', 'other')
NEW_REASONS = REASONS + ('not_paid', 'not_free_to_leave')


def _enum(values, name, length):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=length)


def _change(table, column, name, old, new):
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.alter_column(column, existing_type=_enum(old, name, 30),
                              type_=_enum(new, name, 30), existing_nullable=False)


def upgrade():
    op.create_table('telegram_update',
    sa.Column('update_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('update_id', name=op.f('pk_telegram_update'))
    )
    with op.batch_alter_table('telegram_update', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_telegram_update_received_at'), ['received_at'], unique=False)

    op.create_table('telegram_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=True),
    sa.Column('linked_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_telegram_link_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_telegram_link')),
    sa.UniqueConstraint('chat_id', name=op.f('uq_telegram_link_chat_id')),
    sa.UniqueConstraint('user_id', name=op.f('uq_telegram_link_user_id'))
    )
    op.create_table('telegram_link_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_telegram_link_code_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_telegram_link_code')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_telegram_link_code_code_hash'))
    )
    with op.batch_alter_table('telegram_link_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_telegram_link_code_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answered_via', sa.String(length=20), nullable=True))

    _change('notification', 'kind', 'notificationkind', KINDS, NEW_KINDS)
    _change('opening_report', 'reason', 'reportreason', REASONS, NEW_REASONS)


def downgrade():
    op.execute("DELETE FROM notification WHERE kind IN ('follow_up_question', 'work_problem')")
    op.execute("UPDATE opening_report SET reason = 'other' "
               "WHERE reason IN ('not_paid', 'not_free_to_leave')")
    _change('opening_report', 'reason', 'reportreason', NEW_REASONS, REASONS)
    _change('notification', 'kind', 'notificationkind', NEW_KINDS, KINDS)
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_column('answered_via')

    with op.batch_alter_table('telegram_link_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_telegram_link_code_user_id'))

    op.drop_table('telegram_link_code')
    op.drop_table('telegram_link')
    with op.batch_alter_table('telegram_update', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_telegram_update_received_at'))

    op.drop_table('telegram_update')
