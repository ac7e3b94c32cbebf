"""The one way Phlov tells someone it does not know the province they typed: on the search
page, in the API, in the youth forms and in CSV imports, in the reader's language, with the
closest provinces named in that language too."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import gettext as _

from portal.places.names import UnknownPlace
from portal.places.provinces import province_name

MAX_SHOWN = 50  # characters of what they typed, quoted back


def unknown_province_message(text: str, error: UnknownPlace) -> str:
    """'We do not know the province “Purzat”. Did you mean: Pursat?'"""
    language = str(get_locale() or "en").split("_")[0]
    names = ", ".join(province_name(code, language) for code in error.codes)
    message = _("We do not know the province “%(text)s”.", text=text.strip()[:MAX_SHOWN])
    if names:
        message += " " + _("Did you mean: %(names)s?", names=names)
    return message
