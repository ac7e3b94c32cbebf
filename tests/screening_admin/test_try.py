"""Try a text against the rules: the level, the score and each rule with the words that raised
it marked, before publishing a change; nothing typed there is kept."""

from __future__ import annotations

from sqlalchemy import Text, cast, func, select

from portal.auth.models import Role
from portal.extensions import db

TRY = "/admin/screening/try"
MARKER = "Zyxwv-trial-7731"


def test_a_counselor_sees_the_level_score_and_the_words_that_raised_each_rule(login_as):
    client, _ = login_as(Role.COUNSELOR)

    response = client.post(
        TRY,
        data={
            "title": "Sewing operators",
            "description": "Pay a $50 registration fee before the interview.",
        },
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Serious warning signs" in page and "Score: 7" in page
    assert "<code>fees</code>" in page
    assert '<mark class="flag-fees">Pay a $50 registration fee</mark>' in page


def test_the_words_tried_are_escaped_and_the_salary_counts(login_as):
    client, _ = login_as(Role.COUNSELOR)
    data = {
        "title": "<b>Data entry</b>",
        "description": "Easy typing work from home, no experience.",
    }

    plain = client.post(TRY, data=data).get_data(as_text=True)
    paid = client.post(
        TRY, data={**data, "salary_min": "3000", "salary_max": "5000", "currency": "USD"}
    ).get_data(as_text=True)

    assert "&lt;b&gt;Data entry&lt;/b&gt;" in plain and "<b>Data entry" not in plain
    assert "pay_too_good" not in plain and "pay_too_good" in paid


def test_a_pay_without_its_currency_is_refused(login_as):
    client, _ = login_as(Role.COUNSELOR)

    response = client.post(TRY, data={"title": "Cook", "salary_min": "300"})

    assert response.status_code == 400
    assert "Choose the currency of the pay." in response.get_data(as_text=True)


def test_nothing_tried_is_kept(login_as):
    client, _ = login_as(Role.ADMIN)

    client.get(TRY)
    client.post(TRY, data={"title": MARKER, "description": f"Call {MARKER} on Telegram now."})

    for table in db.metadata.sorted_tables:
        for column in table.columns:  # texts, JSON, anything: read as text
            found = select(func.count()).where(cast(column, Text).contains(MARKER))
            assert db.session.scalar(found) == 0, (table.name, column.name)
