"""The indicators for staff (blueprint "indicators"): the page (exact figures: it stays in the
center), the printable A4 report and the CSV and XLSX (small cells hidden: they leave it)."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user
from wtforms import SelectChoice

from portal import audit
from portal.auth.models import Role
from portal.auth.permissions import staff_required
from portal.centers.services import center_choices
from portal.clean_input import database_int
from portal.i18n import current_language
from portal.indicators import charts, exports, source
from portal.indicators.access import centers_for
from portal.indicators.display import cell_text
from portal.indicators.forms import IndicatorsForm
from portal.indicators.labels import BAND_LABELS, SEX_LABELS, SHORT_SEX_LABELS
from portal.indicators.periods import today_in_cambodia
from portal.indicators.suppression import Hidden
from portal.indicators.tables import BREAKDOWNS, breakdown_tables, main_table, report_cells
from portal.indicators.types import SEXES, Report
from portal.web import download

bp = Blueprint("indicators", __name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _form() -> IndicatorsForm:
    form = IndicatorsForm(formdata=request.args)
    if current_user.role == Role.ADMIN:
        form.center.choices = [SelectChoice(id_, name) for id_, name in center_choices()]
    return form


def _report(form: IndicatorsForm) -> Report | None:
    """The report the form asks for, once access is checked; None while the dates are wrong."""
    center_ids = centers_for(current_user, request.args.getlist("center", type=database_int))
    if not form.validate():
        return None
    period = form.chosen_period(today_in_cambodia())
    return source.report_for(period, center_ids, form.province.data or None)


def render_report(report: Report, template: str, hide_small: bool, **context) -> str:
    """The page or the printed report of `report` (also what the CLI writes as HTML)."""
    cells = report_cells(report, hide_small=hide_small)
    bands = context.pop("bands", False)
    chosen = context.pop("chosen", BREAKDOWNS)
    only = context.pop("only", None)
    return render_template(
        template,
        report=report,
        heading=exports.heading(report, today_in_cambodia(), current_language()),
        table=main_table(report, cells, bands=bands),
        breakdowns=breakdown_tables(report, cells, chosen, only),
        sex_chart=charts.by_sex(report, cells),
        band_chart=charts.by_age_band(report, cells),
        hidden={cell.hidden for cell in cells.values()},
        Hidden=Hidden,
        sexes=SEXES,
        sex_labels=SEX_LABELS,
        short_sex_labels=SHORT_SEX_LABELS,
        band_labels=BAND_LABELS,
        cell_text=cell_text,
        small_note=exports.small_cells_note(),
        bands=bands,
        **context,
    )


@bp.route("/indicators")
@staff_required
def page():
    form = _form()
    report = _report(form)
    if report is None:
        return render_template("indicators/page.html", form=form, report=None), 400
    return render_report(report, "indicators/page.html", hide_small=False, **_choices(form))


@bp.route("/indicators/print")
@staff_required
def printed():
    form = _form()
    report = _report(form)
    if report is None:
        return render_template("indicators/page.html", form=form, report=None), 400
    _audit("indicators_print", report)
    return render_report(report, "indicators/print.html", hide_small=True, **_choices(form))


def _choices(form: IndicatorsForm) -> dict:
    """What the reader chose to see: age bands, one breakdown, one indicator in it."""
    return {
        "form": form,
        "bands": form.bands.data,
        "chosen": form.chosen_breakdowns(),
        "only": form.only.data or None,
    }


def _audit(kind: str, report: Report) -> None:
    detail = {
        "export": kind,
        "from": report.period.start.isoformat(),
        "to": report.period.end.isoformat(),
    }
    audit.record_now(audit.AuditAction.EXPORTED, detail=detail)


def _file(extension: str):
    form = _form()
    report = _report(form)
    if report is None:
        return render_template("indicators/page.html", form=form, report=None), 400
    _audit(f"indicators_{extension}", report)
    name = exports.file_name(report, extension)
    if extension == "csv":
        return download(exports.indicators_csv(report, today_in_cambodia()), name, "text/csv")
    return download(exports.indicators_xlsx(report, today_in_cambodia()), name, XLSX)


@bp.route("/indicators.csv")
@staff_required
def export_csv():
    return _file("csv")


@bp.route("/indicators.xlsx")
@staff_required
def export_xlsx():
    return _file("xlsx")
