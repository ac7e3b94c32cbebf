"""The PostgreSQL search backend (SEARCH_BACKEND=postgres): one truth for every app server.

Its documents are written in the transaction that changes the opening, so what a rolled-back
transaction wrote never shows, and an opening one app server publishes is found by another at
once, with no outbox to drain. Run on PostgreSQL:
    TEST_DATABASE_URL=postgresql+psycopg://... TEST_SEARCH_BACKEND=postgres ./scripts/test ...
The stories of the end of this file hold on both backends.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, event, select, text
from sqlalchemy.orm import Session

from portal import create_app, search
from portal.auth.models import User
from portal.config import ConfigError
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import Opening
from portal.search import SearchFilters, pg_index
from portal.search.models import SearchDocument, SearchTerm
from tests.search import ON_POSTGRES_SEARCH

postgres_only = pytest.mark.skipif(
    not ON_POSTGRES_SEARCH, reason="needs TEST_SEARCH_BACKEND=postgres and TEST_DATABASE_URL"
)


@pytest.fixture
def counselor(make_user):
    return make_user("counselor")


@pytest.fixture
def publish_new(make_org, counselor):
    def publish(title: str, **fields) -> Opening:
        fields = {
            "kind": "job",
            "title": title,
            "province_code": "15",
            "closing_date": date.today() + timedelta(days=20),
            **fields,
        }
        opening = services.create_opening(make_org(), fields, by=counselor, publish_now=True)
        db.session.commit()
        return opening

    return publish


def found(text_typed: str, **filters) -> list[int]:
    return search.query(text_typed, SearchFilters(**filters)).ids


def found_elsewhere(app, text_typed: str) -> list[int]:
    """What another request, on its own connection, finds right now."""
    with app.app_context():
        try:
            return found(text_typed)
        finally:
            db.session.remove()


@pytest.fixture
def other_app(app):
    """A second app server on the same database (its own engine and connections)."""
    names = ("SQLALCHEMY_DATABASE_URI", "SEARCH_BACKEND", "SEARCH_INDEX_DIR", "SECRET_KEY")
    config = {name: app.config[name] for name in names} | {"TESTING": True}
    other = create_app(config | {"INSTANCE_PATH": app.instance_path})
    yield other
    with other.app_context():
        db.engine.dispose()


@postgres_only
def test_an_edit_is_searchable_inside_its_transaction_and_never_after_a_rollback(
    app, other_app, publish_new, counselor
):
    opening = publish_new("Cashier")
    services.update_opening(opening, {"title": "Baker"}, by=counselor)
    pg_index.write(db.session, [opening.id])  # what the commit hook does, then no commit
    assert found("baker") == [opening.id]  # this transaction sees its own edit
    assert found_elsewhere(other_app, "baker") == []  # nobody else does before the commit
    assert found_elsewhere(other_app, "cashier") == [opening.id]
    db.session.rollback()
    assert found("baker") == []
    assert found("cashier") == [opening.id]
    assert found_elsewhere(other_app, "baker") == []


@postgres_only
def test_two_app_servers_see_each_others_edits_at_once(app, other_app, publish_new, counselor):
    opening = publish_new("Motorbike mechanic")
    assert found_elsewhere(other_app, "motorbike mechanic") == [opening.id]
    with other_app.app_context():
        theirs = db.session.get(Opening, opening.id)
        by = db.session.get(User, counselor.id)
        services.update_opening(theirs, {"title": "Tuk-tuk driver"}, by=by)
        db.session.commit()
        db.session.remove()
    assert found("tuk-tuk driver") == [opening.id]
    assert found("motorbike mechanic") == []


@postgres_only
def test_a_closed_or_deleted_opening_leaves_every_search(app, other_app, publish_new, counselor):
    waiter, barber = publish_new("Waiter"), publish_new("Barber")
    services.close(waiter, by=counselor, reason="Filled")
    barber_id = barber.id
    services.delete_opening(barber)
    db.session.commit()
    assert found_elsewhere(other_app, "waiter") == []
    assert found("waiter", include_closed=True) == [waiter.id]
    assert found("barber", include_closed=True) == []
    assert db.session.get(SearchDocument, barber_id) is None


@postgres_only
def test_an_opening_saved_past_the_services_is_searchable_once_committed(make_opening):
    opening = make_opening(title="Sewing machine operator")
    assert found("sewing machine operator") == [opening.id]


@postgres_only
def test_an_organization_renamed_is_searched_under_its_new_name(publish_new):
    opening = publish_new("Cook")
    opening.organization.name = "Golden Lotus Restaurant"
    db.session.commit()
    assert found("golden lotus") == [opening.id]


@postgres_only
def test_a_word_no_opening_uses_any_more_is_no_typo_correction(publish_new, counselor):
    opening = publish_new("Xylophone tuner")  # words the vocabulary does not know
    assert search.query("xylophne").did_you_mean == "xylophone"
    services.update_opening(opening, {"title": "Baker"}, by=counselor)
    db.session.commit()
    assert db.session.get(SearchTerm, "xylophone").frequency == 0
    assert search.query("xylophne").did_you_mean is None


@postgres_only
def test_reindex_writes_every_document_again_and_status_says_so(runner, publish_new):
    opening = publish_new("Electrician")
    db.session.execute(delete(SearchDocument))
    db.session.execute(delete(SearchTerm))
    db.session.commit()
    assert found("electrician") == []
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "1 openings indexed" in result.output
    assert found("electrician") == [opening.id]
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
    assert "PostgreSQL: 1 openings" in status.output and "sound" in status.output


@postgres_only
def test_the_documents_are_filled_at_start_when_there_are_none(app, other_app, publish_new):
    opening = publish_new("Security guard")
    db.session.execute(delete(SearchDocument))
    db.session.commit()
    names = ("SQLALCHEMY_DATABASE_URI", "SEARCH_BACKEND", "SEARCH_INDEX_DIR", "SECRET_KEY")
    restarted = create_app({name: app.config[name] for name in names} | {"TESTING": True})
    with restarted.app_context():
        assert found("security guard") == [opening.id]
        db.session.remove()
        db.engine.dispose()


@postgres_only
def test_the_health_check_reports_missing_tables(ctx, client):
    assert search.problem() is None
    assert client.get("/healthz").status_code == 200
    with Session(db.engine) as session:
        session.execute(text("ALTER TABLE search_document RENAME TO search_document_away"))
        session.commit()
    try:
        assert "missing" in search.problem()
        assert client.get("/healthz").status_code == 503
    finally:
        with Session(db.engine) as session:
            session.execute(text("ALTER TABLE search_document_away RENAME TO search_document"))
            session.commit()


@pytest.fixture
def countings(app):
    """The statements counting an answer (by kind and province) this app sends from now on."""
    sent: list[str] = []

    def note(_conn, _cursor, statement, *_):
        if "GROUP BY kind, province" in statement:
            sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    yield sent
    event.remove(db.engine, "before_cursor_execute", note)


@postgres_only
def test_the_counts_are_kept_until_another_app_server_changes_an_opening(
    app, other_app, publish_new, counselor, countings
):
    publish_new("Cook")
    publish_new("Cook", province_code="12")
    first = search.query("cook", SearchFilters(per_page=1))
    again = search.query("cook", SearchFilters(per_page=1, page=2))
    assert len(countings) == 1  # the second page was not counted again
    assert first.total == again.total == 2
    assert again.facets["province"] == {"15": 1, "12": 1}
    with other_app.app_context():
        services.create_opening(
            db.session.get(Opening, first.ids[0]).organization,
            {"kind": "internship", "title": "Cook", "province_code": "12"},
            by=db.session.get(User, counselor.id),
            publish_now=True,
        )
        db.session.commit()
        db.session.remove()
    after = search.query("cook")
    assert after.total == 3
    assert after.facets == {"kind": {"job": 2, "internship": 1}, "province": {"12": 2, "15": 1}}
    assert len(countings) == 2


@postgres_only
def test_what_an_uncommitted_transaction_counts_is_not_kept(publish_new, make_org, counselor):
    publish_new("Baker")
    assert search.query("baker").total == 1
    fields = {"kind": "job", "title": "Baker", "province_code": "15"}
    services.create_opening(make_org(), fields, by=counselor, publish_now=True)
    pg_index.write(db.session, [o.id for o in db.session.scalars(select(Opening))])
    assert search.query("baker").total == 2  # this transaction sees its own opening
    assert search.query("baker", SearchFilters(kind="job")).total == 2
    db.session.rollback()
    assert search.query("baker").total == 1
    assert search.query("baker", SearchFilters(kind="job")).total == 1


@postgres_only
def test_an_opening_leaves_the_counts_the_day_after_it_closes(publish_new):
    closing = date.today() + timedelta(days=3)
    publish_new("Gardener", closing_date=closing)
    assert search.query("gardener", SearchFilters(today=closing)).total == 1
    assert search.query("gardener", SearchFilters(today=closing + timedelta(days=1))).total == 0
    assert search.query("", SearchFilters(today=closing + timedelta(days=1))).total == 0


@postgres_only
def test_a_reindex_drops_the_counts_kept(runner, publish_new, countings):
    publish_new("Electrician")
    assert search.query("electrician").total == 1
    with Session(db.engine) as session:  # past the app: no change is logged
        session.execute(delete(SearchDocument))
        session.commit()
    assert search.query("electrician").total == 1  # kept: nothing said the openings changed
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert search.query("electrician").total == 1
    assert len(countings) == 2  # counted again after the reindex


def test_the_postgres_backend_refuses_to_start_on_sqlite(tmp_path):
    with pytest.raises(ConfigError, match="SEARCH_BACKEND=postgres"):
        create_app(
            {
                "INSTANCE_PATH": str(tmp_path),
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/portal.db",
                "SEARCH_BACKEND": "postgres",
                "SECRET_KEY": "test",
            }
        )


# --- on both backends ---------------------------------------------------------------------------


def test_a_misspelt_province_and_trade_find_the_opening(publish_new):
    opening = publish_new("Motorbike Mechanic")
    publish_new("Motorbike Mechanic", province_code="12")
    result = search.query("motorbik mechanc Purset")
    assert result.ids == [opening.id]
    assert result.province_from_text == "15"
    assert result.did_you_mean == "motorbike mechanic purset"  # the place as typed


def test_facets_and_pages_count_the_whole_answer(publish_new):
    for n in range(3):
        publish_new(f"Cook {n}")
    publish_new("Cook in the capital", province_code="12")
    first = search.query("cook", SearchFilters(per_page=2))
    second = search.query("cook", SearchFilters(per_page=2, page=2))
    assert first.total == second.total == 4
    assert len(first.ids) == len(second.ids) == 2
    assert not set(first.ids) & set(second.ids)
    assert first.facets["province"] == {"15": 3, "12": 1}
    assert first.facets["kind"] == {"job": 4}


def test_the_setting_takes_only_the_two_backends(monkeypatch, tmp_path):
    from portal.config import load_config

    monkeypatch.setenv("SEARCH_BACKEND", "elastic")
    with pytest.raises(ConfigError, match="whoosh or postgres"):
        load_config(str(tmp_path))
    monkeypatch.setenv("SEARCH_BACKEND", "Postgres")
    assert load_config(str(tmp_path))["SEARCH_BACKEND"] == "postgres"
    monkeypatch.delenv("SEARCH_BACKEND")
    assert load_config(str(tmp_path))["SEARCH_BACKEND"] == "whoosh"
