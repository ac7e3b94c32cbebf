"""Password rules, after NIST SP 800-63B (being built: issue 14). One place for every form and
command that sets a password."""

from __future__ import annotations

from flask_babel import gettext as _

PASSWORD_MIN = 8


def password_problem(
    password: str, *, phone: str | None = None, email: str | None = None
) -> str | None:
    """Why `password` may not be used, in the reader's language; None when it is fine."""
    if len(password or "") < PASSWORD_MIN:
        return _("Use at least 8 characters.")
    return None
