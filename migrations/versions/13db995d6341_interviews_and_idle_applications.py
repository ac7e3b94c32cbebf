"""interviews (issue 19): an application's interview (date, place, map link, whom to ask for,
what to bring; a new date adds a row and marks the old one replaced; the day-before reminder's
moment), the warnings sent before an idle application closes, and the notification kinds
"interview" and "application_expiry"

Revision ID: 13db995d6341
Revises: c4f1e8a2d6b3
Create Date: 2026-12-07 12:37:15

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '13db995d6341'
down_revision = 'c4f1e8a2d6b3'
branch_labels = None
depends_on = None

KINDS = ('status_change', 'new_application', 'new_suggestions', 'closing_reminder',
         'opening_reviewed', 'organization_reviewed', 'follow_up_due', 'profile_unused',
         'account_recovery', 'report_burst', 'follow_up_question', 'work_problem',
         'phone_confirmation', 'claim_code')
NEW_KINDS = KINDS + ('interview', 'application_expiry')


def _kind_type(values):
    return sa.Enum(*values, name='notificationkind', native_enum=False, create_constraint=True,
                   length=30)


def upgrade():
    op.create_table('application_expiry_warning',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('warned_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_application_expiry_warning_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_expiry_warning'))
    )
    with op.batch_alter_table('application_expiry_warning', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_expiry_warning_application_id'), ['application_id'], unique=False)

    op.create_table('interview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('map_url', sa.String(length=500), nullable=True),
    sa.Column('ask_for', sa.String(length=200), nullable=False),
    sa.Column('bring', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('replaced_at', sa.DateTime(), nullable=True),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("place <> ''", name=op.f('ck_interview_place_given')),
    sa.CheckConstraint("map_url IS NULL OR map_url LIKE 'https://%'", name=op.f('ck_interview_map_url_https')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_interview_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_interview_created_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview'))
    )
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interview_starts_at'), ['starts_at'], unique=False)

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind_type(KINDS),
                              type_=_kind_type(NEW_KINDS), existing_nullable=False)


def downgrade():
    op.execute("DELETE FROM notification WHERE kind IN ('interview', 'application_expiry')")
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind_type(NEW_KINDS),
                              type_=_kind_type(KINDS), existing_nullable=False)

    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_starts_at'))
        batch_op.drop_index(batch_op.f('ix_interview_application_id'))

    op.drop_table('interview')
    with op.batch_alter_table('application_expiry_warning', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_expiry_warning_application_id'))

    op.drop_table('application_expiry_warning')
