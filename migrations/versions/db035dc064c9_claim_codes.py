"""claim codes (a profile registered at a center, claimed by the young person), and messages to
a profile without an account (its claim code by SMS): notification.user_id may be empty when
notification.youth_id is given; the claim_code notification kind

Revision ID: db035dc064c9
Revises: d5a8c3e1f7b9
Create Date: 2026-12-07 09:36:48

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'db035dc064c9'
down_revision = 'd5a8c3e1f7b9'
branch_labels = None
depends_on = None

KINDS = ('status_change', 'new_application', 'new_suggestions', 'closing_reminder',
         'opening_reviewed', 'organization_reviewed', 'follow_up_due', 'profile_unused',
         'account_recovery', 'report_burst', 'follow_up_question', 'work_problem',
         'phone_confirmation')
NEW_KINDS = KINDS + ('claim_code',)


def _kind_type(values):
    return sa.Enum(*values, name='notificationkind', native_enum=False, create_constraint=True,
                   length=30)


def upgrade():
    op.create_table('claim_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('youth_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user_account.id'], name=op.f('fk_claim_code_issued_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['youth_id'], ['youth_profile.id'], name=op.f('fk_claim_code_youth_id_youth_profile'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_code')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_claim_code_code_hash'))
    )
    with op.batch_alter_table('claim_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_code_youth_id'), ['youth_id'], unique=False)

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('youth_id', sa.Integer(), nullable=True))
        batch_op.alter_column('user_id', existing_type=sa.INTEGER(), nullable=True)
        batch_op.alter_column('kind', existing_type=_kind_type(KINDS),
                              type_=_kind_type(NEW_KINDS), existing_nullable=False)
        batch_op.create_index(batch_op.f('ix_notification_youth_id'), ['youth_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_notification_youth_id_youth_profile'), 'youth_profile', ['youth_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint('has_recipient',
                                         'user_id IS NOT NULL OR youth_id IS NOT NULL')


def downgrade():
    op.execute("DELETE FROM notification WHERE user_id IS NULL OR kind = 'claim_code'")
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_constraint('has_recipient', type_='check')
        batch_op.drop_constraint(batch_op.f('fk_notification_youth_id_youth_profile'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_notification_youth_id'))
        batch_op.alter_column('kind', existing_type=_kind_type(NEW_KINDS),
                              type_=_kind_type(KINDS), existing_nullable=False)
        batch_op.alter_column('user_id', existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column('youth_id')

    with op.batch_alter_table('claim_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_code_youth_id'))

    op.drop_table('claim_code')
