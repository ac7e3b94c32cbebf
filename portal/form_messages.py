"""WTForms' own error messages ("This field is required.", "Not a valid integer value."…) in the
reader's language, from the portal's catalog.

Flask-WTF looks for these in WTForms' bundled catalogs, which have no Khmer. `init_app` points it
at the portal's translations instead (Flask-WTF reads `request.wtforms_translations`), and the
list below puts the messages our forms can show into our catalog, where they are translated like
every other string. Messages WTForms builds with placeholders keep them (%(min)d, %(max)s).
"""

from __future__ import annotations

from flask import Flask, request
from flask_babel import get_translations, lazy_ngettext
from flask_babel import lazy_gettext as _l

# A select a person must answer starts on this placeholder, never on a real value: a form never
# answers for the person (CONVENTIONS). Optional questions offer "Prefer not to say" as well.
CHOOSE = _l("Choose…")
MUST_CHOOSE = _l("Choose an answer.")

MESSAGES = (
    _l("This field is required."),
    _l("Invalid input."),
    _l("Invalid email address."),
    _l("Field must be equal to %(other_name)s."),
    lazy_ngettext(
        "Field must be at least %(min)d character long.",
        "Field must be at least %(min)d characters long.",
        1,
    ),
    lazy_ngettext(
        "Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.",
        1,
    ),
    lazy_ngettext(
        "Field must be exactly %(max)d character long.",
        "Field must be exactly %(max)d characters long.",
        1,
    ),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
    _l("Date must be at least %(min)s."),
    _l("Date must be at most %(max)s."),
    _l("Date must be between %(min)s and %(max)s."),
    _l("Not a valid choice."),
    _l("Invalid Choice: could not coerce."),
    _l("Invalid choice(s): one or more data inputs could not be coerced."),
    _l("Not a valid datetime value."),
    _l("Not a valid date value."),
    _l("Not a valid time value."),
    _l("Not a valid integer value."),
    _l("Not a valid decimal value."),
    _l("Not a valid float value."),
)


class _ReadersCatalog:
    """What Flask-WTF asks for: gettext-style lookups, made when a message is needed (not at the
    start of the request: choosing the language loads the user, which must wait for the checks
    that run first, such as a kiosk refusing a remembered login)."""

    def ugettext(self, string: str) -> str:
        return get_translations().ugettext(string)

    def ungettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ungettext(singular, plural, n)


_CATALOG = _ReadersCatalog()


def init_app(app: Flask) -> None:
    @app.before_request
    def _forms_speak_the_readers_language() -> None:
        request.wtforms_translations = _CATALOG
