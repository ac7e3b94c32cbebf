"""GET /centers/<id>/board: a center's notice board, printable on A4, in Khmer and English.
Public: it shows only what anyone may see on the openings page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Blueprint, abort, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup

from portal.board.qr import qr_svg
from portal.board.queries import board_openings, sheets
from portal.centers.models import Center
from portal.extensions import db
from portal.i18n import kind_label, nice_date
from portal.jobs.models import Opening
from portal.jobs.sharing import public_url
from portal.places import district_name, province_name

bp = Blueprint("board", __name__)

LANGUAGES = ("km", "en")  # Khmer first on the wall: most readers read it first


@dataclass
class Notice:
    """One opening as the board prints it: words in each language, a QR code to its page."""

    opening: Opening
    url: str
    qr: Markup
    kind: dict[str, str]
    place: dict[str, str]
    closes: dict[str, str]


@bp.route("/centers/<int:center_id>/board")
def show(center_id: int):
    center = db.session.get(Center, center_id)
    if center is None:
        abort(404)
    today = date.today()
    notices = [_notice(opening) for opening in board_openings(center, today)]
    return render_template(
        "board/show.html",
        center=center,
        sheets=sheets(notices),
        words={language: _words(center, today, language) for language in LANGUAGES},
        languages=LANGUAGES,
    )


def _notice(opening: Opening) -> Notice:
    url = public_url(opening)
    kind, place, closes = {}, {}, {}
    for language in LANGUAGES:
        with force_locale(language):
            kind[language] = kind_label(opening.kind)
            closes[language] = nice_date(opening.closing_date)
        place[language] = ", ".join(
            name
            for name in (
                province_name(opening.province_code, language),
                district_name(opening.district_code, language) if opening.district_code else "",
            )
            if name
        )
    label = _("QR code: %(title)s", title=opening.title)  # in the reader's language
    return Notice(opening, url, qr_svg(url, label), kind, place, closes)


def _words(center: Center, today: date, language: str) -> dict[str, str]:
    """The board's own words in `language`."""
    with force_locale(language):
        return {
            "title": _("Jobs, internships and courses"),
            "phone": _("Phone"),
            "never_pay": _("Never pay anyone to get a job."),
            "pay": _("Pay per month"),
            "closes": _("Apply before"),
            "scan": _("Scan a code with your phone to read more and apply."),
            "printed": _("Printed on %(date)s", date=nice_date(today)),
            "none": _("No openings right now. Ask a counselor at the center."),
        }
