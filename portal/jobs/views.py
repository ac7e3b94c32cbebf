"""Openings: public list and detail; posting, editing and reviewing."""

from __future__ import annotations

from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.orm import selectinload

from portal.auth.models import Role
from portal.auth.permissions import role_required, staff_required
from portal.auth.throttle import public_api_limit
from portal.centers.scope import can_act_in, list_scope, require_scope, scope_refusal
from portal.extensions import db, limiter, utcnow
from portal.i18n import current_language
from portal.jobs import services
from portal.jobs.access import can_edit, can_view, get_opening_or_404, is_public, is_staff
from portal.jobs.candidates import shortlist
from portal.jobs.cards import load_cards, opening_card, search_facets
from portal.jobs.feed import FEED_SIZE, feed_entries, feed_title, rfc3339
from portal.jobs.forms import (
    REQUIREMENT_LABELS,
    STATUS_LABELS,
    ApproveForm,
    CloseForm,
    DeclineForm,
    OpeningFilterForm,
    OpeningForm,
    RejectForm,
    initial_data,
)
from portal.jobs.listing import (
    filter_links,
    paginate,
    parse_search_args,
    pending_review_openings,
    search_openings,
)
from portal.jobs.models import Opening, OpeningStatus
from portal.jobs.screening_marks import screening_view
from portal.jobs.sharing import share_links
from portal.jobs.structured_data import json_ld
from portal.matching.reasons import explain
from portal.matching.services import candidates_for
from portal.orgs.access import own_organization_or_404
from portal.orgs.models import Organization
from portal.placements.counselor_forms import ReferForm
from portal.screening.openings import needs_confirmation
from portal.web import absolute_url, render_form, safe_next

bp = Blueprint("jobs", __name__)
bp.add_app_template_global(opening_card)  # the search page's cards, drawn once (cards.py)
bp.add_app_template_global(filter_links)
bp.add_app_template_global(search_facets)

posting_roles = role_required(Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN)


@bp.route("/openings")
def index():
    params = parse_search_args(
        request.args, per_page=current_app.config["PER_PAGE"], allow_closed=True
    )
    form = OpeningFilterForm(formdata=request.args)
    form.show(params)
    # Never list openings for a wrong guess of the place, or for half of a too-long search.
    found = (
        None if {"q", "province"} & params.errors.keys() else search_openings(params, load_cards)
    )
    return render_template(
        "jobs/index.html",
        form=form,
        params=params,
        found=found,
        today=date.today(),
        can_open=lambda opening: can_view(current_user, opening),
    )


@bp.route("/openings/feed.atom")
@limiter.limit(public_api_limit)  # read by bots and feed readers, like the public API
def feed():
    """The newest openings of this search as an Atom feed (what the search page links to)."""
    params = parse_search_args(request.args, per_page=FEED_SIZE)
    if params.errors:
        return Response(next(iter(params.errors.values())).message, 400, mimetype="text/plain")
    args = params.link_args()
    entries = feed_entries(params)
    xml = render_template(
        "jobs/feed.xml",
        title=feed_title(params),
        entries=entries,
        updated=entries[0].published if entries else rfc3339(utcnow()),
        self_url=absolute_url("jobs.feed", **args),
        page_url=absolute_url("jobs.index", **args),
    )
    return Response(xml, mimetype="application/atom+xml")


@bp.route("/openings/<int:opening_id>")
def detail(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    is_open = is_public(opening)
    return render_template(
        "jobs/detail.html",
        opening=opening,
        can_edit=can_edit(current_user, opening),
        is_open=is_open,
        share=share_links(opening, current_language()) if is_open else None,
        staff=is_staff(current_user),
        can_move=lambda status: services.can_change_status(opening, OpeningStatus(status)),
        reject_form=RejectForm(formdata=None),
        close_form=CloseForm(formdata=None),
        approve_form=ApproveForm(formdata=None),
        labels=REQUIREMENT_LABELS,
        screening=screening_view(opening) if is_staff(current_user) else None,
        job_posting=json_ld(opening),
    )


@bp.route("/openings/<int:opening_id>/candidates")
@staff_required
def candidates(opening_id: int):
    """The best few young people for the opening (?more=1: everyone found), and one referral
    form for the person chosen among them."""
    opening = get_opening_or_404(opening_id, for_user=current_user)
    show_all = request.args.get("more", type=int) == 1
    return render_template(
        "jobs/candidates.html",
        opening=opening,
        found=shortlist(candidates_for(opening, current_user), show_all=show_all),
        show_all=show_all,
        refer_form=ReferForm(formdata=None),
        explain=explain,
    )


@bp.route("/openings/new", methods=["GET", "POST"])
@posting_roles
def new():
    if current_user.is_staff:
        form = OpeningForm(data={"organization": request.args.get("organization", type=int)})
    else:
        form = OpeningForm(organization_id=own_organization_or_404(current_user).id)
    if form.validate_on_submit() and _in_posters_scope(form):
        opening = services.create_opening(
            db.session.get(Organization, form.organization_id),
            form.opening_fields(),
            by=current_user,
            course=form.course_fields(),
            publish_now=bool(form.publish.data),
        )
        db.session.commit()
        flash(_after_create_message(opening), "success")
        return redirect(url_for(".detail", opening_id=opening.id))
    return render_form("jobs/form.html", form, opening=None, needs_review=False)


def _in_posters_scope(form: OpeningForm) -> bool:
    """Staff post (and so publish) in their scope only; the province field says why not."""
    if not current_user.is_staff or can_act_in(current_user, form.province.data):
        return True
    form.province.errors = [*form.province.errors, scope_refusal(current_user, form.province.data)]
    return False


def _after_create_message(opening: Opening) -> str:
    if opening.status == OpeningStatus.PENDING_REVIEW and current_user.is_staff:
        return _(
            "The opening has warning signs, so it is not published. "
            "It waits in the review queue: check the warnings there."
        )
    if opening.status == OpeningStatus.PENDING_REVIEW:
        return _("Thank you! A counselor will check your opening. Young people see it after that.")
    if opening.status == OpeningStatus.PUBLISHED:
        return _("The opening is published. Young people can see it now.")
    return _("The opening is saved as a draft. Only staff can see it.")


@bp.route("/openings/<int:opening_id>/edit", methods=["GET", "POST"])
@posting_roles
def edit(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    if current_user.is_staff:
        require_scope(current_user, opening.province_code)
    if not can_edit(current_user, opening):
        abort(403)
    form = OpeningForm(
        data=initial_data(opening), organization_id=opening.organization_id, opening_id=opening.id
    )
    if form.validate_on_submit():
        sent_back = services.update_opening(
            opening, form.opening_fields(), by=current_user, course=form.course_fields()
        )
        db.session.commit()
        if sent_back and current_user.is_staff:
            flash(
                _(
                    "Saved. The opening now has warning signs, so young people do not see it. "
                    "It waits in the review queue."
                ),
                "warning",
            )
        elif sent_back:
            flash(
                _("Saved. A counselor will check the changes before young people see them."),
                "success",
            )
        else:
            flash(_("Your changes are saved."), "success")
        return redirect(url_for(".detail", opening_id=opening.id))
    return render_form(
        "jobs/form.html",
        form,
        opening=opening,
        needs_review=services.edit_needs_review(opening, by=current_user),
    )


@bp.route("/review")
@staff_required
def review_queue():
    """Openings waiting for review in the counselor's provinces (?all=1: all of Cambodia), the
    center's own first. A GET writes nothing: openings saved before screening existed show as
    not screened until `flask openings screen` runs."""
    scope = list_scope(current_user, request.args)
    query = pending_review_openings(scope.provinces, first=scope.home)
    page = paginate(query.options(selectinload(Opening.organization)))
    return render_template(
        "jobs/review_queue.html",
        page=page,
        scope=scope,
        can_act=lambda opening: can_act_in(current_user, opening.province_code),
        reject_form=RejectForm(formdata=None),
        decline_form=DeclineForm(formdata=None),
        approve_form=ApproveForm(formdata=None),
        screening_of=screening_view,
    )


def _back_to(opening: Opening):
    """Return to the page the action came from (same site only), else the opening."""
    return redirect(safe_next(request.form.get("next"), url_for(".detail", opening_id=opening.id)))


def _refuse(opening: Opening, message: str):
    """An action that does not fit the opening's status: say so, change nothing."""
    flash(message, "error")
    return _back_to(opening)


def _status_of(opening: Opening) -> str:
    return str(STATUS_LABELS[opening.status])


@bp.route("/openings/<int:opening_id>/approve", methods=["POST"])
@staff_required
def approve(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    require_scope(current_user, opening.province_code)
    if not services.can_change_status(opening, OpeningStatus.PUBLISHED):
        return _refuse(
            opening,
            _(
                "This opening cannot be published now. It is “%(status)s”.",
                status=_status_of(opening),
            ),
        )
    confirmed = bool(ApproveForm().confirm_warnings.data)
    try:
        services.publish(opening, by=current_user, confirmed_warnings=confirmed)
    except services.ScreeningHold as hold:
        db.session.commit()  # keep the fresh screening; the status did not change
        if needs_confirmation(opening):
            return _refuse(opening, _("Read the warnings, then tick “I checked these warnings”."))
        return _refuse(opening, str(hold))
    db.session.commit()
    flash(_published(opening), "success")
    return _back_to(opening)


def _published(opening: Opening) -> Markup:
    """The flash after publishing, with the opening's candidates a tap away (what a counselor
    does next, and the opening leaves the queue she is on)."""
    said = _("“%(title)s” is published. Young people can see it now.", title=opening.title)
    link = url_for(".candidates", opening_id=opening.id)
    return Markup('{} <a class="find-candidates" href="{}">{}</a>').format(
        said, link, _("Find candidates for it")
    )


@bp.route("/openings/<int:opening_id>/reject", methods=["POST"])
@staff_required
def reject(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    require_scope(current_user, opening.province_code)
    if not services.can_change_status(opening, OpeningStatus.REJECTED):
        return _refuse(
            opening,
            _(
                "Only openings waiting for review can be sent back. This one is “%(status)s”.",
                status=_status_of(opening),
            ),
        )
    form = RejectForm()
    if not form.validate():
        flash(" ".join(str(error) for error in form.reason.errors), "error")
        return _back_to(opening)
    services.reject(opening, by=current_user, reason=form.reason.data)
    db.session.commit()
    flash(_("“%(title)s” is sent back with your reason.", title=opening.title), "success")
    return _back_to(opening)


@bp.route("/openings/<int:opening_id>/decline", methods=["POST"])
@staff_required
def decline(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    require_scope(current_user, opening.province_code)
    if not services.can_change_status(opening, OpeningStatus.DECLINED):
        return _refuse(
            opening,
            _(
                "Only openings waiting for review can be declined. This one is “%(status)s”.",
                status=_status_of(opening),
            ),
        )
    form = DeclineForm()
    if not form.validate():
        flash(" ".join(str(error) for error in form.reason.errors), "error")
        return _back_to(opening)
    services.decline(opening, by=current_user, reason=form.reason.data)
    db.session.commit()
    flash(_("“%(title)s” is declined for good.", title=opening.title), "success")
    return _back_to(opening)


@bp.route("/openings/<int:opening_id>/close", methods=["POST"])
@staff_required
def close(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    require_scope(current_user, opening.province_code)
    if not services.can_change_status(opening, OpeningStatus.CLOSED):
        return _refuse(
            opening,
            _(
                "Only published openings can be closed. This one is “%(status)s”.",
                status=_status_of(opening),
            ),
        )
    form = CloseForm()
    reason = (form.reason.data or "").strip()[:500] or None
    services.close(opening, by=current_user, reason=reason)
    db.session.commit()
    flash(_("“%(title)s” is closed.", title=opening.title), "success")
    return _back_to(opening)
