"""Language choice (Khmer / English) and the template helpers that speak the reader's language."""

from __future__ import annotations

from datetime import date

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import format_date, get_locale
from flask_login import current_user

from portal.extensions import babel


def select_locale() -> str:
    """The user's saved language, else this browser's choice (the switcher), else Khmer
    (DEFAULT_LANGUAGE): most readers read Khmer first, even on a phone set to English, so the
    browser's Accept-Language only counts for the JSON API. Outside a request (CLI commands),
    BABEL_DEFAULT_LOCALE."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("lang") in languages:
        return session["lang"]
    if request.blueprint == "api":
        return request.accept_languages.best_match(languages) or "en"
    return current_app.config["DEFAULT_LANGUAGE"]


def current_language() -> str:
    return str(get_locale() or "en").split("_")[0]


def money(amount: int | None, currency: str | None) -> str:
    """Amounts the way Cambodians write them: $250, 1,000,000៛."""
    if amount is None:
        return ""
    if currency == "KHR":
        return f"{amount:,}៛"
    return f"${amount:,}"


def salary_range(low: int | None, high: int | None, currency: str | None) -> str:
    if low is None and high is None:
        return ""
    if low is None or low == high:
        return money(high if low is None else low, currency)
    if high is None:
        return money(low, currency) + "+"
    return f"{money(low, currency)}–{money(high, currency)}"


def nice_date(day: date | None) -> str:
    return format_date(day, "medium") if day else ""


def init_app(app: Flask) -> None:
    from portal.places import district_name, province_name, provinces

    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals.update(
        current_language=current_language,
        province_name=lambda code: province_name(code, current_language()),
        district_name=lambda code: district_name(code, current_language()),
        all_provinces=provinces,
    )
    app.jinja_env.filters.update(money=money, salary_range=salary_range, nice_date=nice_date)
