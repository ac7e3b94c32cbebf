"""Small helpers shared by the HTML views of every domain."""

from __future__ import annotations

from flask import render_template, request
from flask_wtf import FlaskForm


def render_form(template: str, form: FlaskForm, **context):
    """Render a form page; answer 400 when the submitted form has errors (shown next to fields)."""
    status = 400 if request.method == "POST" and form.errors else 200
    return render_template(template, form=form, **context), status


def page_number() -> int:
    """The ?page= argument as a positive int (bad values mean page 1, never a 500)."""
    return max(request.args.get("page", 1, type=int) or 1, 1)
