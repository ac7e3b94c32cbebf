"""a CV from the profile (issue 19): work experience and schooling rows, and where an
application's CV came from

Revision ID: f7c2a9e4b1d3
Revises: f2b7c4d9e013
Create Date: 2026-12-07 16:00:00

Every CV sent so far was an uploaded PDF: the new column starts as "uploaded".
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f7c2a9e4b1d3'
down_revision = 'f2b7c4d9e013'
branch_labels = None
depends_on = None

EDUCATION = ('none', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university')
YEAR_RANGE = 'start_year IS NULL OR (start_year BETWEEN 1950 AND 2100)'
YEARS_IN_ORDER = 'end_year IS NULL OR start_year IS NULL OR end_year >= start_year'


def _youth_and_years(table):
    """The columns and constraints both tables share: the young person, the years."""
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('youth_id', sa.Integer(), nullable=False),
        sa.Column('start_year', sa.SmallInteger(), nullable=True),
        sa.Column('end_year', sa.SmallInteger(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint(YEAR_RANGE, name=op.f(f'ck_{table}_start_year_range')),
        sa.CheckConstraint(YEARS_IN_ORDER, name=op.f(f'ck_{table}_years_in_order')),
        sa.ForeignKeyConstraint(
            ['youth_id'], ['youth_profile.id'],
            name=op.f(f'fk_{table}_youth_id_youth_profile'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
    ]


def _index_youth(table):
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f'ix_{table}_youth_id'), ['youth_id'], unique=False)


def upgrade():
    op.create_table(
        'work_experience',
        sa.Column(
            'kind',
            sa.Enum('job', 'family', 'own', 'helping', name='workkind', native_enum=False,
                    create_constraint=True, length=20),
            nullable=False,
        ),
        sa.Column('what', sa.String(length=120), nullable=False),
        sa.Column('place', sa.String(length=120), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        *_youth_and_years('work_experience'),
    )
    _index_youth('work_experience')
    op.create_table(
        'schooling',
        sa.Column(
            'level',
            sa.Enum(*EDUCATION, name='educationlevel', native_enum=False,
                    create_constraint=True, length=20),
            nullable=False,
        ),
        sa.Column(
            'outcome',
            sa.Enum('finished', 'stopped', 'studying', name='schooloutcome', native_enum=False,
                    create_constraint=True, length=20),
            nullable=False,
        ),
        sa.Column('grade', sa.SmallInteger(), nullable=True),
        sa.Column('school', sa.String(length=120), nullable=False),
        sa.Column('subject', sa.String(length=120), nullable=False),
        sa.CheckConstraint('grade IS NULL OR grade BETWEEN 1 AND 12', name=op.f('ck_schooling_grade_range')),
        *_youth_and_years('schooling'),
    )
    _index_youth('schooling')
    with op.batch_alter_table('application_document', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'origin',
                sa.Enum('uploaded', 'photo', 'profile', name='cvorigin', native_enum=False,
                        create_constraint=True, length=20),
                server_default='uploaded',
                nullable=False,
            )
        )


def downgrade():
    with op.batch_alter_table('application_document', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_application_document_cvorigin'), type_='check')
        batch_op.drop_column('origin')
    for table in ('schooling', 'work_experience'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_youth_id'))
        op.drop_table(table)
