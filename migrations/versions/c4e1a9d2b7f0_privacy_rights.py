"""privacy: erasure requests, anonymised profiles, dormant warnings, minors' CV release, the
profile_unused notification

Revision ID: c4e1a9d2b7f0
Revises: 6d4d13d68ca7
Create Date: 2026-12-07 08:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4e1a9d2b7f0'
down_revision = '6d4d13d68ca7'
branch_labels = None
depends_on = None

KINDS = ['status_change', 'new_application', 'new_suggestions', 'closing_reminder',
         'opening_reviewed', 'organization_reviewed', 'follow_up_due']


def _kind(kinds):
    return sa.Enum(*kinds, name='notificationkind', native_enum=False, create_constraint=True,
                   length=30)


def upgrade():
    with op.batch_alter_table('youth_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erasure_requested_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('anonymised_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('dormant_warned_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_youth_profile_anonymised_at'), ['anonymised_at'], unique=False)

    with op.batch_alter_table('application_document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('released_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('released_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_application_document_released_by_id_user_account'), 'user_account', ['released_by_id'], ['id'])

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(KINDS),
                              type_=_kind(KINDS + ['profile_unused']), existing_nullable=False)


def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(KINDS + ['profile_unused']),
                              type_=_kind(KINDS), existing_nullable=False)

    with op.batch_alter_table('application_document', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_application_document_released_by_id_user_account'), type_='foreignkey')
        batch_op.drop_column('released_by_id')
        batch_op.drop_column('released_at')

    with op.batch_alter_table('youth_profile', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_youth_profile_anonymised_at'))
        batch_op.drop_column('dormant_warned_at')
        batch_op.drop_column('anonymised_at')
        batch_op.drop_column('erasure_requested_at')
