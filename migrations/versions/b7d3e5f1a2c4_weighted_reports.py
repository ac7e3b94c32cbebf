"""weighted reports: each report's reporter trust and burst mark, the report_burst notification

Revision ID: b7d3e5f1a2c4
Revises: 0cdbcd2bc29f
Create Date: 2026-12-07 08:45:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'b7d3e5f1a2c4'
down_revision = '0cdbcd2bc29f'
branch_labels = None
depends_on = None

KINDS = ('status_change', 'new_application', 'new_suggestions', 'closing_reminder',
         'opening_reviewed', 'organization_reviewed', 'follow_up_due', 'profile_unused',
         'account_recovery')
NEW_KINDS = KINDS + ('report_burst',)
TRUST = sa.Enum('anonymous', 'new_account', 'trusted', 'staff', name='reporter_trust',
                native_enum=False, create_constraint=True, length=20)


def _kind_type(values):
    return sa.Enum(*values, name='notificationkind', native_enum=False, create_constraint=True,
                   length=30)


def _change_kinds(old, new):
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind_type(old), type_=_kind_type(new),
                              existing_nullable=False)


def upgrade():
    with op.batch_alter_table('opening_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('trust', TRUST, server_default='anonymous', nullable=False))
        batch_op.add_column(sa.Column('in_burst', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
    # Reports made before: accounts were not weighed, so count them as new accounts (staff as
    # staff); visitors stay anonymous.
    op.execute(
        "UPDATE opening_report SET trust = CASE "
        "WHEN (SELECT role FROM user_account WHERE user_account.id = opening_report.reporter_id)"
        " IN ('counselor', 'admin') THEN 'staff' ELSE 'new_account' END "
        "WHERE reporter_id IS NOT NULL"
    )
    _change_kinds(KINDS, NEW_KINDS)


def downgrade():
    op.execute("DELETE FROM notification WHERE kind = 'report_burst'")
    _change_kinds(NEW_KINDS, KINDS)
    with op.batch_alter_table('opening_report', schema=None) as batch_op:
        batch_op.drop_constraint('reporter_trust', type_='check')
        batch_op.drop_column('in_burst')
        batch_op.drop_column('trust')
