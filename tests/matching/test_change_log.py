"""Several app servers share one database: each keeps its own matching indexes and learns of the
others' changes from the change log's counter, one cheap query, reading again only what changed
(issue 18)."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, update

from portal import create_app
from portal.extensions import db
from portal.jobs.models import Opening, OpeningStatus
from portal.matching.services import suggestions_for
from portal.youth.models import YouthProfile


@pytest.fixture
def other_server(app):
    """A second app instance on the same database and search index, as another server is."""
    keys = ("TESTING", "INSTANCE_PATH", "SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_DIR")
    other = create_app({key: app.config[key] for key in keys} | {"SECRET_KEY": "test"})
    yield other
    with other.app_context():
        db.engine.dispose()


@contextmanager
def statements():
    """The SQL sent to the database meanwhile."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def _titles(profile) -> list[str]:
    return [opening.title for opening, _match in suggestions_for(profile)]


def _scans_openings(seen: list[str]) -> list[str]:
    """Statements reading openings that are not limited to a few ids."""
    return [s for s in seen if "FROM opening" in s and "opening.id IN (" not in s]


def test_an_opening_changed_on_another_server_is_seen_by_the_next_match(
    app, other_server, make_youth, make_opening
):
    youth = make_youth(skills=["welding"])
    welder = make_opening(title="Welder", skills=["welding"])
    sewer = make_opening(title="Garment sewer", skills=["sewing"])
    assert _titles(youth) == ["Welder", "Garment sewer"]

    with other_server.app_context():
        db.session.get(Opening, sewer.id).skills = ["welding", "sewing"]
        db.session.get(Opening, welder.id).status = OpeningStatus.CLOSED
        db.session.commit()

    db.session.commit()  # this server's request ends; the next one begins
    assert _titles(youth) == ["Garment sewer"]


def test_a_profile_edited_on_another_server_is_matched_as_it_is_now(
    other_server, make_youth, make_opening
):
    youth = make_youth(skills=["sewing"])
    make_opening(title="Cook", skills=["cooking"], province_code="25")
    make_opening(title="Garment sewer", skills=["sewing"], province_code="25")
    assert _titles(youth)[0] == "Garment sewer"

    with other_server.app_context():
        db.session.get(YouthProfile, youth.id).skills = ["cooking"]
        db.session.commit()

    db.session.commit()
    assert _titles(youth)[0] == "Cook"


def test_nothing_is_read_again_while_nothing_changes(make_youth, make_opening):
    youth = make_youth(skills=["welding"])
    for number in range(5):
        make_opening(title=f"Welder {number}", skills=["welding"])
    _titles(youth)  # builds the index

    with statements() as seen:
        assert len(_titles(youth)) == 5

    counter = [s for s in seen if "matching_change" in s]
    assert counter == ["SELECT max(matching_change.id) AS max_1 FROM matching_change"]
    assert _scans_openings(seen) == []  # only the five chosen openings, by id


def test_one_edited_opening_is_read_again_alone(make_youth, make_opening):
    youth = make_youth(skills=["welding"])
    openings = [make_opening(title=f"Cook {n}", skills=["cooking"]) for n in range(5)]
    _titles(youth)
    openings[3].title, openings[3].skills = "Welder", ["welding"]
    db.session.commit()

    with statements() as seen:
        assert _titles(youth)[0] == "Welder"

    assert _scans_openings(seen) == []


def test_a_change_made_by_a_bulk_statement_is_seen_too(make_youth, make_opening):
    youth = make_youth(skills=["welding"])
    make_opening(title="Welder", skills=["welding"])
    assert _titles(youth) == ["Welder"]

    db.session.execute(update(Opening).values(closing_date=date(2020, 1, 1)))
    db.session.commit()

    assert _titles(youth) == []


def test_a_change_rolled_back_leaves_no_trace(make_youth, make_opening):
    youth = make_youth(skills=["welding"])
    welder = make_opening(title="Welder", skills=["welding"])
    _titles(youth)
    welder.title = "Never saved"
    db.session.flush()
    db.session.rollback()

    with statements() as seen:
        assert _titles(youth) == ["Welder"]
    assert _scans_openings(seen) == []
