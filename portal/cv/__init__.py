"""A CV made from the profile (issue 19): work experience (informal and unpaid work too) and
schooling on the young person's profile, beside the skills and languages it already has; a
one-page CV in Khmer or English, as a printable page and a PDF; and what goes with an
application: no CV, the CV made from the profile, or an uploaded PDF or photo of a paper CV."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """The pages that make and show a CV."""
    from portal.cv.views import bp

    app.register_blueprint(bp)
