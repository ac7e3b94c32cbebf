"""Language choice (Khmer / English) and the template helpers that speak the reader's language."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import format_date, format_datetime, get_locale, gettext, ngettext
from flask_login import current_user

from portal import phones
from portal.extensions import babel, utcnow
from portal.khmer import has_khmer, khmer_digits

DEFAULT_KHR_PER_USD = 4100


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


def _range(low: int | None, high: int | None, currency: str | None) -> str:
    if low is None or low == high:
        return money(high if low is None else low, currency)
    if high is None:
        return money(low, currency) + "+"
    if currency == "KHR":  # the sign once, after the numbers: 800,000–1,000,000៛
        return f"{low:,}–{money(high, currency)}"
    return f"{money(low, currency)}–{money(high, currency)}"


def khr_per_usd() -> int:
    """How many riel make a dollar (config KHR_PER_USD), for the approximate amounts."""
    return current_app.config.get("KHR_PER_USD") or DEFAULT_KHR_PER_USD


def _in_other_currency(amount: int | None, currency: str | None) -> int | None:
    """USD in riel (to the nearest 100៛, the smallest note), KHR in whole dollars."""
    if amount is None:
        return None
    rate = khr_per_usd()
    if currency == "KHR":
        return round(amount / rate)
    return round(amount * rate / 100) * 100


def salary_range(low: int | None, high: int | None, currency: str | None) -> str:
    """Pay as written, then about as much in the other currency: "$200–$250 (≈ 820,000–1,025,000៛)",
    "800,000៛ (≈ $195)"."""
    if low is None and high is None:
        return ""
    other = "USD" if currency == "KHR" else "KHR"
    approx = _range(_in_other_currency(low, currency), _in_other_currency(high, currency), other)
    return f"{_range(low, high, currency)} (≈ {approx})"


def nice_date(day: date | None) -> str:
    return format_date(day, "medium") if day else ""


# Cambodia keeps UTC+7 all year (Asia/Phnom_Penh has had no summer time since 1975): a fixed
# offset, so that no time-zone database is needed on the server.
CAMBODIA = timezone(timedelta(hours=7), "Asia/Phnom_Penh")


def local_time(moment: datetime) -> datetime:
    """A stored moment (naive UTC, see extensions.utcnow) in Cambodian time."""
    return moment.replace(tzinfo=UTC).astimezone(CAMBODIA)


def local_day_start(day: date) -> datetime:
    """Midnight of `day` in Cambodia, as the naive UTC moment the database stores."""
    start = datetime.combine(day, time(), tzinfo=CAMBODIA)
    return start.astimezone(UTC).replace(tzinfo=None)


def nice_datetime(moment: datetime | None, seconds: bool = True) -> str:
    """A stored moment as a Cambodian reader's date and time: "7 Dec 2026, 14:05:09", or
    "7 Dec 2026, 14:05" without `seconds` (24-hour clock: Khmer has no AM/PM of its own)."""
    if not moment:
        return ""
    pattern = "d MMM y, HH:mm:ss" if seconds else "d MMM y, HH:mm"
    return format_datetime(local_time(moment), pattern, rebase=False)


def local_digits(number: int) -> str:
    """A number in the reader's digits: ១២ for a Khmer reader, 12 for others."""
    return localise_digits(str(number))


def localise_digits(text: str) -> str:
    """Every digit of `text` in the reader's digits ("1 ធ្នូ 2026" -> "១ ធ្នូ ២០២៦" in Khmer)."""
    return khmer_digits(text) if current_language() == "km" else text


def posted_ago(moment: datetime | None, now: datetime | None = None) -> str:
    """When an opening was published, as people say it: "Posted today", "Posted 3 days ago",
    "Posted 2 weeks ago", then its date; days are counted in Cambodian time."""
    if moment is None:
        return ""
    day = local_time(moment).date()
    days = (local_time(now or utcnow()).date() - day).days
    if days <= 0:
        return gettext("Posted today")
    if days == 1:
        return gettext("Posted yesterday")
    if days < 14:
        count = local_digits(days)
        return ngettext("Posted %(count)s day ago", "Posted %(count)s days ago", days, count=count)
    if days < 61:
        weeks = days // 7
        count = local_digits(weeks)
        return ngettext(
            "Posted %(count)s week ago", "Posted %(count)s weeks ago", weeks, count=count
        )
    return gettext("Posted on %(date)s", date=nice_date(day))


# Skill names in the reader's language. The vocabulary's terms of a concept are synonyms in no
# particular pairing, mixing the trade ("motorbike mechanic", ជាងជួសជុលម៉ូតូ) and the work
# ("motorbike repair", ជួសជុលម៉ូតូ); a skill is shown as the other language's first term of the
# same shape, so that "motorbike repair" reads ជួសជុលម៉ូតូ, not "motorbike mechanic" in Khmer.
_KHMER_PEOPLE = ("ជាង", "អ្នក", "កម្មករ", "បុគ្គលិក", "មន្ត្រី", "ភ្នាក់ងារ", "ជំនួយការ", "ចុងភៅ", "គ្រូ")
_ENGLISH_PEOPLE = (
    "er", "or", "ist", "ian", "man", "woman", "staff", "agent", "officer", "assistant", "chef",
    "cook", "clerk", "maid", "girl", "leader", "chief", "mechanic", "ess", "attendant",
)  # fmt: skip


def _names_a_person(term: str) -> bool:
    if has_khmer(term):
        return term.startswith(_KHMER_PEOPLE)
    return term.casefold().split()[-1].endswith(_ENGLISH_PEOPLE)


def skill_name(skill: str) -> str:
    """The skill in the reader's language when the vocabulary knows it (a Khmer reader sees
    ជួសជុលម៉ូតូ for "motorbike repair"); a skill already in that language, or unknown, as written."""
    from portal.search.vocabulary import concepts_of, fold

    concepts = concepts_of(skill)
    if not concepts:
        return skill
    concept, khmer_reader = concepts[0], current_language() == "km"
    terms = concept.khmer if khmer_reader else concept.english
    if fold(skill) in {fold(term) for term in terms}:
        return skill  # already the reader's language, in the writer's own words
    # A misspelling ("kat der") says nothing of its shape: a skill is most often the work.
    person = fold(skill) in {fold(term) for term in concept.terms} and _names_a_person(skill)
    same_shape = [term for term in terms if _names_a_person(term) == person]
    return (same_shape or list(terms) or [skill])[0]


def kind_label(kind) -> str:
    """An opening's kind in the reader's language: Job, Internship, Course. A Python function,
    not a macro: the search page's cards call it thousands of times a minute at national scale,
    and importing a macro costs more than the label."""
    if kind == "job":
        return gettext("Job")
    return gettext("Internship") if kind == "internship" else gettext("Course")


def init_app(app: Flask) -> None:
    from portal.places import district_name, province_name, provinces

    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals.update(
        current_language=current_language,
        kind_label=kind_label,
        province_name=lambda code: province_name(code, current_language()),
        district_name=lambda code: district_name(code, current_language()),
        all_provinces=provinces,
    )
    app.jinja_env.filters.update(
        phone=phones.display,
        phone_href=phones.tel_href,
        money=money,
        salary_range=salary_range,
        nice_date=nice_date,
        nice_datetime=nice_datetime,
        skill_name=skill_name,
        posted_ago=posted_ago,
    )
