"""phone numbers in one stored form (issue 19), as portal.phones.normalize writes them

Revision ID: f2b7c4d9e013
Revises: c3e9f0a4d812
Create Date: 2026-12-07 16:00:00

Numbers were stored by three normalisers that disagreed: "+855 (0)12 345 678" could be kept as
"0012345678". Each stored number is rewritten in the one stored form of portal/phones.py
("012345678"; a number abroad, where one is allowed, "+66812345678"). A row is left as it is, and
named in the log, when its number is not a valid one (a person or an admin must look at it), or
when its stored form is already another account's login or another known bad contact (two
accounts on one number: a counselor merges them; nothing is lost here). Data only: no schema
change, and the downgrade leaves the numbers in their one form (each is the same number).
"""
import logging
from collections.abc import Callable

from alembic import op
import sqlalchemy as sa

from portal import phones


# revision identifiers, used by Alembic.
revision = 'f2b7c4d9e013'
down_revision = 'c3e9f0a4d812'
branch_labels = None
depends_on = None

log = logging.getLogger('alembic.runtime.migration')

# (table, column, the stored form, unique): unique columns never take a value another row has.
COLUMNS: tuple[tuple[str, str, Callable[[str], str | None], bool], ...] = (
    ('user_account', 'phone', phones.normalize, True),
    ('youth_profile', 'phone', phones.normalize, False),
    ('center', 'phone', phones.normalize, False),
    ('organization', 'contact_phone', phones.normalize, False),
    ('safety_contact', 'phone', phones.normalize_hotline, False),
)


def upgrade():
    connection = op.get_bind()
    for table, column, stored_form, unique in COLUMNS:
        rows = connection.execute(
            sa.text(f'SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL')
        ).all()
        _rewrite(connection, table, column, rows, stored_form, unique)
    bad_phones = connection.execute(
        sa.text("SELECT id, value FROM bad_contact WHERE kind = 'phone'")
    ).all()
    _rewrite(connection, 'bad_contact', 'value', bad_phones, phones.match_key, True)


def downgrade():
    pass  # every number keeps its one stored form: the older code reads it as the same number


def _rewrite(connection, table, column, rows, stored_form, unique) -> None:
    taken = {value for _id, value in rows}
    not_numbers = []
    for row_id, value in rows:
        new = stored_form(value)
        if new == value:
            continue
        if not new:
            not_numbers.append(row_id)
            continue
        if unique and new in taken:
            log.warning(
                '%s %s: %r is %s, which another row already has; left as it is (merge them)',
                table, row_id, value, new,
            )
            continue
        connection.execute(
            sa.text(f'UPDATE {table} SET {column} = :new WHERE id = :id'),
            {'new': new, 'id': row_id},
        )
        if unique:
            taken.discard(value)
            taken.add(new)
    if not_numbers:
        log.warning(
            '%s: %d %s not a valid phone number, left as written (ids %s)',
            table, len(not_numbers), column, ', '.join(map(str, not_numbers[:20])),
        )
