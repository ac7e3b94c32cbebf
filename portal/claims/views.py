"""Claiming a profile: the young person's /claim page; the counselor's code (shown once, on a
printable slip) and the merging of two profiles of the same person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from portal.auth.permissions import staff_required
from portal.auth.sessions import start_session
from portal.auth.views import home_for
from portal.board.qr import qr_svg
from portal.claims import codes
from portal.claims.forms import ClaimForm, IssueCodeForm, MergeForm
from portal.claims.merge import MergeRefused, merge_problem, merge_profiles, possible_duplicates
from portal.claims.models import ClaimCode
from portal.claims.services import (
    can_be_claimed,
    claim,
    find_code,
    issue_code,
    live_code,
    message_channels,
    send_code,
)
from portal.clean_input import optional_id
from portal.extensions import db, limiter
from portal.i18n import nice_date
from portal.web import absolute_url, no_store, render_form
from portal.youth.access import get_youth_or_404
from portal.youth.queries import YouthFilters, search_youth
from portal.youth.services import ProfileError

bp = Blueprint("claims", __name__)
bp.after_request(no_store)  # codes, and a person's two profiles side by side

SLIP_LANGUAGES = ("km", "en")  # Khmer first: what she reads first


@dataclass
class ClaimState:
    """What a counselor's youth page says of claiming: can a code be given, is one waiting."""

    claimable: bool
    code: ClaimCode | None
    channels: list[str]
    form: IssueCodeForm


@bp.app_context_processor
def claim_helpers() -> dict:
    def claim_state(profile) -> ClaimState:
        claimable = can_be_claimed(profile)
        return ClaimState(
            claimable=claimable,
            code=live_code(profile) if claimable else None,
            channels=message_channels(profile) if claimable else [],
            form=IssueCodeForm(formdata=None),
        )

    return {"claim_state": claim_state}


@bp.route("/claim", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])  # a code cannot be guessed by trying
def claim_profile():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = ClaimForm()
    if form.validate_on_submit():
        found = find_code(form.code.data)
        if found is None:
            form.code.errors.append(
                _("This code does not work: it is wrong, used or too old. Ask your center.")
            )
        else:
            try:
                user = claim(
                    found,
                    phone=form.phone.data,
                    email=form.email.data or None,
                    password=form.password.data,
                    locale=session.get("lang"),
                )
            except ProfileError as error:
                db.session.rollback()
                getattr(form, error.field).errors.append(str(error))
            else:
                start_session(user)
                db.session.commit()
                flash(
                    _("Welcome! Your profile and everything your center did with you are here."),
                    "success",
                )
                return redirect(url_for("youth.my_profile"))
    return render_form("claims/claim.html", form)


@bp.route("/youth/<int:youth_id>/claim-code", methods=["POST"])
@staff_required
def give_code(youth_id: int):
    """A new code (the old one stops), shown once on a slip to print; by message if asked."""
    profile = get_youth_or_404(youth_id, for_user=current_user)
    if not can_be_claimed(profile):
        abort(404)
    form = IssueCodeForm()
    code = issue_code(profile, by=current_user)
    sent = send_code(profile, code, message_channels(profile)) if form.send.data else []
    db.session.commit()
    expires = live_code(profile).expires_at
    return render_template(
        "claims/slip.html",
        profile=profile,
        code=codes.shown(code),
        sent=sent,
        words={language: _slip_words(expires, language) for language in SLIP_LANGUAGES},
        languages=SLIP_LANGUAGES,
        qr=qr_svg(absolute_url("claims.claim_profile"), _("QR code of the claim page")),
        claim_url=absolute_url("claims.claim_profile"),
    )


def _slip_words(expires: datetime, language: str) -> dict[str, str]:
    """The slip's words in `language` (it is printed in Khmer and English)."""
    with force_locale(language):
        return {
            "title": _("Your Phlov profile is ready"),
            "code": _("Your code"),
            "step_open": _("On your phone, open:"),
            "step_type": _("Type this code, your phone number and a password you choose."),
            "step_yours": _(
                "Your profile, your applications and your counselor's referrals are then yours."
            ),
            "until": _("The code works once, until %(day)s.", day=nice_date(expires.date())),
            "secret": _("Keep it for yourself: whoever has it can take your profile."),
        }


@bp.route("/youth/<int:youth_id>/merge", methods=["GET", "POST"])
@staff_required
def merge(youth_id: int):
    """Find the other profile of the same person, compare, choose which stays, merge."""
    profile = get_youth_or_404(youth_id, for_user=current_user)
    other_id = optional_id(request.values.get("other", ""))
    if other_id is None:
        return _choose_other(profile)
    other = get_youth_or_404(other_id, for_user=current_user)
    form = MergeForm(data={"other": str(other.id)})
    problem = merge_problem(profile, other)
    if problem is None and form.validate_on_submit():
        keep, close = (profile, other) if form.keep.data == "this" else (other, profile)
        try:
            merged = merge_profiles(keep, close, by=current_user)
        except MergeRefused as refused:
            db.session.rollback()
            problem = str(refused)
        else:
            db.session.commit()
            flash(
                _(
                    "The two profiles are one now: %(name)s. %(num)d applications moved.",
                    name=keep.full_name,
                    num=merged.applications + merged.joined,
                ),
                "success",
            )
            return redirect(url_for("youth.detail", youth_id=keep.id))
    page, status = render_form(
        "claims/merge.html", form, profile=profile, other=other, problem=problem
    )
    return page, 400 if problem and request.method == "POST" else status


def _choose_other(profile):
    text = (request.args.get("q") or "").strip()[:100]
    found = []
    if text:
        page = search_youth(current_user, YouthFilters(text=text), 1, per_page=20)
        found = [p for p in page.items if p.id != profile.id and p.anonymised_at is None]
    return render_template(
        "claims/choose.html",
        profile=profile,
        duplicates=possible_duplicates(profile, current_user),
        found=found,
        text=text,
    )
