"""Password rules, after NIST SP 800-63B (section 5.1.1.2): long enough, not one of the 10,000
most common passwords, not the person's own phone number or e-mail, not one character repeated;
no composition rules. One place for every form and command that sets a password."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from flask_babel import gettext as _

from portal import phones

PASSWORD_MIN = 8
PASSWORD_MAX = 128
COMMON_PASSWORDS = Path(__file__).with_name("data") / "common-passwords.txt"


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list (data/README.md says where it comes from), lower-cased, loaded once."""
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip())


def password_problem(
    password: str, *, phone: str | None = None, email: str | None = None
) -> str | None:
    """Why `password` may not be used, in the reader's language; None when it is fine."""
    password = password or ""
    if len(password) < PASSWORD_MIN:
        return _("Use at least 8 characters.")
    if len(password) > PASSWORD_MAX:
        return _("Use at most 128 characters.")
    if len(set(password)) == 1:
        return _("Do not repeat one character: choose a few words you will remember.")
    if password.lower() in common_passwords():
        return _("This password is one of the most common ones: choose another.")
    if phone and _is_phone(password, phone):
        return _("Do not use your phone number as your password.")
    if email and _is_email(password, email):
        return _("Do not use your e-mail address as your password.")
    return None


def _is_phone(password: str, phone: str) -> bool:
    """`password` is `phone` written in any way (012 345 678, +855 12-345-678, 12345678)."""
    own = phones.normalize(phone)
    if own is None:
        return False
    local = own[1:]  # stored as 012345678
    digits = re.sub(r"[^0-9]", "", password)
    return phones.normalize(password) == own or digits in {own, local, "855" + local}


def _is_email(password: str, email: str) -> bool:
    email = email.strip().lower()
    typed = password.strip().lower()
    return typed == email or typed == email.partition("@")[0]
