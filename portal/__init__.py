"""Phlov (ផ្លូវ): the job-matching portal of the youth employment centers."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from flask import Flask, has_request_context, request
from sqlalchemy import event

from portal import search, sms
from portal.config import load_config
from portal.extensions import csrf, db, limiter, login_manager, migrate
from portal.matching import changes as matching_changes

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Build the app: settings from the environment, overridden by `config` (tests pass one)."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    instance_path = (config or {}).get("INSTANCE_PATH", app.instance_path)
    app.config.update(load_config(instance_path))
    app.config.update(config or {})

    app.json.ensure_ascii = False  # Khmer readable in the JSON API, not \u-escaped
    _init_extensions(app)
    _register_blueprints(app)
    _register_cli(app)
    search.init_app(app)  # `flask search`, the index's commit hook, and its start-up check
    sms.init_app(app)  # the SMS gateway transport, its delivery reports and the admins' page
    matching_changes.listen()  # the change log the matching caches follow (issue 18)
    return app


def _init_extensions(app: Flask) -> None:
    from portal import (
        assets,
        clean_input,
        form_messages,
        i18n,
        logs,
        models,  # noqa: F401  (the whole schema, for SQLAlchemy and Alembic)
        serving,
    )
    from portal.auth import loader  # noqa: F401  (registers the user loader)

    logs.init_app(app)  # first: every later line carries the request id
    clean_input.init_app(app)  # bounded <int:> ids and numbers, no control characters in text
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    serving.init_app(app)  # proxies, security headers, no-store, /healthz, /favicon.ico
    i18n.init_app(app)
    form_messages.init_app(app)  # WTForms' own messages from our catalog (Khmer too)
    assets.init_app(app)  # versioned static URLs cached a year, gzip
    app.jinja_env.add_extension("jinja2.ext.do")
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            busy_ms = int(float(app.config["DB_BUSY_TIMEOUT"]) * 1000)
            event.listen(db.engine, "connect", partial(_tune_sqlite, busy_ms=busy_ms))
            event.listen(db.engine, "begin", _begin_sqlite)


def _tune_sqlite(dbapi_connection, _record, busy_ms: int = 30_000) -> None:
    """WAL lets readers read while a writer commits; busy_timeout makes writers queue, not fail
    (DB_BUSY_TIMEOUT: longer than an import's batch, so a login waits for it)."""
    # pysqlite's own transaction handling breaks SAVEPOINTs (a released savepoint commits);
    # hand BEGIN to SQLAlchemy instead, as its SQLite dialect documentation recommends.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin_sqlite(connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE" if _may_write(connection) else "BEGIN")


def _may_write(connection) -> bool:
    """A web request that may write takes SQLite's write lock as its transaction begins.

    SQLite cannot move a transaction's snapshot forward: a transaction that read and then writes
    fails at once ("database is locked") when another worker committed in between, as happens
    with several workers (gunicorn -w 3). BEGIN IMMEDIATE makes it queue (busy_timeout) instead.
    GET requests, and connections opened with execution option read_only, keep a plain BEGIN and
    run side by side."""
    options = connection.get_execution_options()
    if options.get("read_only"):
        return False
    if options.get("for_write"):  # a command's batch of writes (portal/csvimport/batches.py)
        return True
    return has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS")


def _register_blueprints(app: Flask) -> None:
    from portal.alerts.views import bp as alerts_bp
    from portal.api import bp as api_bp
    from portal.audit.views import bp as audit_bp
    from portal.auth.account_views import bp as account_bp
    from portal.auth.views import bp as auth_bp
    from portal.board.views import bp as board_bp
    from portal.centers.views import bp as admin_bp
    from portal.courses.views import bp as courses_bp
    from portal.jobs.views import bp as jobs_bp
    from portal.kiosk.views import bp as kiosk_bp
    from portal.main.views import bp as main_bp
    from portal.notifications.views import bp as notifications_bp
    from portal.orgs.views import bp as orgs_bp
    from portal.phone_confirmation.views import bp as phone_confirmation_bp
    from portal.placements.counselor_views import bp as caseload_bp
    from portal.placements.views import bp as placements_bp
    from portal.recovery.views import bp as recovery_bp
    from portal.safety.admin_views import bp as safety_admin_bp
    from portal.safety.views import bp as safety_bp
    from portal.screening_admin.views import bp as screening_admin_bp
    from portal.two_factor.views import bp as two_factor_bp
    from portal.youth.views import bp as youth_bp

    for blueprint in (
        main_bp,
        auth_bp,
        jobs_bp,
        courses_bp,
        orgs_bp,
        youth_bp,
        admin_bp,
        api_bp,
        caseload_bp,
        placements_bp,
        kiosk_bp,
        board_bp,
        notifications_bp,
        safety_bp,
        safety_admin_bp,
        audit_bp,
        recovery_bp,
        two_factor_bp,
        account_bp,
        screening_admin_bp,
        phone_confirmation_bp,
        alerts_bp,
    ):
        app.register_blueprint(blueprint)
    from portal.privacy.views import bp as privacy_bp

    app.register_blueprint(privacy_bp)
    from portal import telegram
    from portal.telegram.views import bp as telegram_bp

    app.register_blueprint(telegram_bp)
    telegram.init_app(app)  # the outbox's telegram transport, `flask telegram`
    from portal.claims.views import bp as claims_bp

    app.register_blueprint(claims_bp)
    from portal.indicators.views import bp as indicators_bp

    app.register_blueprint(indicators_bp)
    from portal import interviews

    interviews.init_app(app)  # the interview pages, `flask interviews` and `flask applications`
    from portal import cv

    cv.init_app(app)  # the CV made from the profile
    csrf.exempt(api_bp)  # Bearer tokens only, never cookies: no CSRF to guard against

    from portal.main import errors

    errors.register(app)


def _register_cli(app: Flask) -> None:
    from portal.alerts.cli import alerts_cli
    from portal.audit.cli import audit_cli
    from portal.auth.cli import users_cli
    from portal.demo.cli import demo_cli
    from portal.indicators.cli import report_cli
    from portal.jobs.cli import openings_cli
    from portal.notifications.cli import notify_cli
    from portal.placements.cli import placements_cli
    from portal.privacy.cli import privacy_cli
    from portal.screening_admin.cli import screening_cli
    from portal.two_factor.cli import two_factor_cli
    from portal.youth.cli import youth_cli

    for group in (
        users_cli,
        openings_cli,
        youth_cli,
        demo_cli,
        placements_cli,
        notify_cli,
        privacy_cli,
        audit_cli,
        two_factor_cli,
        screening_cli,
        alerts_cli,
        report_cli,
    ):
        app.cli.add_command(group)
    from portal.backup.cli import backup_command, restore_command

    app.cli.add_command(backup_command)  # `flask backup`, `flask restore`
    app.cli.add_command(restore_command)


__all__ = ["create_app"]
