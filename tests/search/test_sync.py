"""A counselor publishes, edits, closes or deletes an opening, and the very next search sees it.
The database is the source of truth: the index follows it through the outbox, rebuilds from it,
and never makes a user wait for a lock or see a LockError."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from whoosh.query import Term

from portal import create_app, search
from portal.centers.models import Center
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import Opening, OpeningStatus
from portal.search import SearchFilters, sync
from portal.search.models import SearchOutbox
from portal.search.store import IndexStore
from tests.search import whoosh_only

pytestmark = whoosh_only


def store(app) -> IndexStore:
    return IndexStore(app.config["SEARCH_INDEX_DIR"])


def indexed(opening_id: int) -> dict | None:
    """What a search sees of this opening right now (as a new request would)."""
    return sync.searcher().document(id=str(opening_id))


def found(text: str, include_closed: bool = False) -> list[int]:
    """The openings a young person finds with these words."""
    return search.query(text, SearchFilters(include_closed=include_closed)).ids


def in_index_as_it_is(app, opening_id: int) -> dict | None:
    """What the index holds, without catching up first."""
    return store(app).searcher().document(id=str(opening_id))


def outbox_rows() -> int:
    return db.session.scalar(select(func.count()).select_from(SearchOutbox))


@pytest.fixture
def counselor(make_user):
    return make_user("counselor")


@pytest.fixture
def publish_new(make_org, counselor):
    def publish(title: str = "Motorbike mechanic", **fields) -> Opening:
        fields = {
            "kind": "job",
            "title": title,
            "province_code": "17",
            "closing_date": date.today() + timedelta(days=20),
            **fields,
        }
        opening = services.create_opening(make_org(), fields, by=counselor, publish_now=True)
        db.session.commit()
        return opening

    return publish


def test_a_published_opening_is_found_right_after_the_commit(publish_new):
    opening = publish_new("Motorbike mechanic")
    assert found("motorbike mechanic") == [opening.id]
    assert indexed(opening.id)["status"] == OpeningStatus.PUBLISHED


def test_nothing_shows_before_the_commit_and_nothing_after_a_rollback(app, make_org, counselor):
    fields = {"kind": "job", "title": "Night guard", "province_code": "12"}
    opening = services.create_opening(make_org(), fields, by=counselor, publish_now=True)
    opening_id = opening.id
    assert sync.searcher().document(id=str(opening_id)) is None
    db.session.rollback()
    db.session.commit()
    assert outbox_rows() == 0
    assert indexed(opening_id) is None


def test_an_edit_shows_on_the_next_search(publish_new, counselor):
    opening = publish_new("Cashier")
    assert found("cashier") == [opening.id]
    services.update_opening(opening, {"title": "Baker"}, by=counselor)
    db.session.commit()
    assert found("baker") == [opening.id]
    assert found("cashier") == []


def test_a_closed_opening_is_hidden_unless_asked_for(publish_new, counselor):
    opening = publish_new("Waiter")
    services.close(opening, by=counselor, reason="Filled")
    db.session.commit()
    assert found("waiter") == []
    assert found("waiter", include_closed=True) == [opening.id]
    assert indexed(opening.id)["status"] == OpeningStatus.CLOSED


def test_a_deleted_opening_leaves_the_index(publish_new):
    opening = publish_new("Barber")
    opening_id = opening.id
    services.delete_opening(opening)
    db.session.commit()
    assert db.session.get(Opening, opening_id) is None
    assert found("barber", include_closed=True) == []
    assert indexed(opening_id) is None


def test_only_commits_that_changed_openings_touch_the_index(monkeypatch, publish_new):
    drains = []
    monkeypatch.setattr(sync, "drain", lambda block=True: drains.append(block) or 0)
    db.session.add(Center(name="Battambang center", province_code="02"))
    db.session.commit()
    assert drains == []
    publish_new("Driver")
    assert drains == [True]


def test_a_change_inside_a_savepoint_is_indexed_once_the_whole_transaction_commits(
    monkeypatch, app, make_org, counselor
):
    drains = []
    real_drain = sync.drain
    monkeypatch.setattr(sync, "drain", lambda block=True: drains.append(block) or real_drain())
    fields = {"kind": "job", "title": "Electrician", "province_code": "12"}
    organization = make_org()
    with db.session.begin_nested():
        opening = services.create_opening(organization, fields, by=counselor, publish_now=True)
    assert drains == []  # releasing the savepoint committed nothing yet
    db.session.commit()
    assert drains == [True]
    assert indexed(opening.id)["title"] == "Electrician"


def test_a_lock_held_by_another_writer_makes_the_drain_wait_then_apply(app, publish_new):
    publish_new("Cook")  # the index exists
    other_writer = store(app).current().open().writer()  # e.g. another worker's drain
    threading.Timer(0.4, other_writer.commit).start()

    started = time.perf_counter()
    opening = publish_new("Tour guide")
    assert time.perf_counter() - started >= 0.3
    assert in_index_as_it_is(app, opening.id)["title"] == "Tour guide"


def test_a_lock_held_too_long_never_fails_the_commit_and_the_next_search_catches_up(
    monkeypatch, app, publish_new
):
    publish_new("Cook")
    monkeypatch.setitem(app.config, "SEARCH_LOCK_WAIT", 0.2)
    other_writer = store(app).current().open().writer()
    try:
        opening = publish_new("Hotel receptionist")  # no LockError reaches anyone
        assert db.session.get(Opening, opening.id).title == "Hotel receptionist"
        assert in_index_as_it_is(app, opening.id) is None
    finally:
        other_writer.cancel()
    assert indexed(opening.id)["title"] == "Hotel receptionist"


def test_a_search_catches_up_with_a_change_another_worker_committed(app, publish_new):
    opening = publish_new("Cook")
    with Session(db.engine) as other_worker:  # committed, but its drain never ran
        other_worker.execute(update(Opening).values(title="Pastry cook"))
        other_worker.add(SearchOutbox(opening_id=opening.id))
        other_worker.commit()
    assert in_index_as_it_is(app, opening.id)["title"] == "Cook"
    assert indexed(opening.id)["title"] == "Pastry cook"


def test_a_search_still_answers_when_catching_up_fails(caplog, monkeypatch, publish_new):
    opening = publish_new("Electrician")

    def disk_full(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(sync, "_drain_into", disk_full)
    assert found("electrician") == [opening.id]
    assert "could not catch up before a search" in caplog.text


def test_reindex_puts_every_opening_of_the_database_in_a_new_generation(
    app, runner, make_opening, publish_new
):
    publish_new("Cook")
    before = store(app).current()
    made_directly = [make_opening(title=f"Sewing operator {n}") for n in range(3)]
    assert indexed(made_directly[0].id) is None  # saved past the services

    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "Search index rebuilt: 4 openings indexed in" in result.output
    assert store(app).current() != before
    assert all(indexed(opening.id) for opening in made_directly)
    assert outbox_rows() == 0  # applied rows are pruned


def test_searches_keep_answering_from_the_old_index_during_a_reindex(monkeypatch, app, publish_new):
    opening = publish_new("Motorbike mechanic")
    root = store(app).root
    answers, errors, done = [], [], threading.Event()

    def youth_searching():
        reader = IndexStore(root)
        try:
            while not done.is_set():
                hits = reader.searcher().search(Term("title", "mechanic"))
                answers.append([hit["id"] for hit in hits])
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            reader.forget()

    during = []
    real_document_for = sync.document_for

    def slow_document_for(opening):
        during.append((store(app).current().name, in_index_as_it_is(app, opening.id)))
        time.sleep(0.1)
        return real_document_for(opening)

    monkeypatch.setattr(sync, "document_for", slow_document_for)
    youth = threading.Thread(target=youth_searching)
    youth.start()
    try:
        before = store(app).current().name
        rebuilt = sync.rebuild()
    finally:
        done.set()
        youth.join()
    assert errors == []
    assert during == [(before, in_index_as_it_is(app, opening.id))]  # the old one answered
    assert rebuilt.generation != before == during[0][0]
    assert answers and all(ids == [str(opening.id)] for ids in answers)


def test_a_change_committed_during_a_reindex_is_in_the_new_index(monkeypatch, app, publish_new):
    opening = publish_new("Cook")
    real_document_for = sync.document_for

    def another_worker_edits_meanwhile(row):
        if row.id == opening.id:
            with Session(db.engine) as other_worker:
                other_worker.execute(update(Opening).values(title="Chef"))
                other_worker.add(SearchOutbox(opening_id=opening.id))
                other_worker.commit()
        return real_document_for(row)

    monkeypatch.setattr(sync, "document_for", another_worker_edits_meanwhile)
    sync.rebuild()
    assert in_index_as_it_is(app, opening.id)["title"] == "Chef"


def second_app(app):
    """Another process starting on the same database and index directory."""
    names = ("SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_DIR", "SECRET_KEY", "TESTING")
    return create_app(
        {name: app.config[name] for name in names} | {"INSTANCE_PATH": app.instance_path}
    )


def test_a_missing_index_is_rebuilt_at_start(caplog, app, make_opening):
    opening = make_opening(title="Rice farmer")
    assert store(app).current() is None
    second_app(app)
    assert "is missing: rebuilding it from the database" in caplog.text
    assert "Search index rebuilt: 1 openings indexed" in caplog.text
    assert store(app).problem(sync.build_schema()) is None
    assert in_index_as_it_is(app, opening.id)["title"] == "Rice farmer"


def test_a_corrupt_index_is_rebuilt_at_start(caplog, app, make_opening):
    openings = [make_opening(title=f"Construction worker {n}") for n in range(20)]
    sync.rebuild()
    broken = store(app).current()
    segment = next(broken.path.glob("*.seg"))
    with segment.open("r+b") as file:
        file.truncate(segment.stat().st_size // 3)
    store(app).forget()

    second_app(app)
    assert "is corrupt" in caplog.text
    assert store(app).current() != broken
    assert all(in_index_as_it_is(app, o.id) for o in openings)


def test_a_sound_index_is_left_alone_at_start(caplog, app, publish_new):
    publish_new("Cook")
    generation = store(app).current()
    second_app(app)
    assert store(app).current() == generation
    assert "rebuilding" not in caplog.text


def test_applied_outbox_rows_are_pruned_as_they_pile_up(monkeypatch, publish_new):
    monkeypatch.setattr(sync, "PRUNE_EVERY", 3)
    for n in range(6):
        publish_new(f"Cleaner {n}")
    assert outbox_rows() <= 3


def test_search_status_tells_how_the_index_is(runner, publish_new):
    publish_new("Cook")
    result = runner.invoke(args=["search", "status"])
    assert result.exit_code == 0, result.output
    assert ": 1 openings, sound." in result.output
    assert "0 waiting" in result.output


def test_an_import_leaves_the_index_up_to_date(runner, ctx, tmp_path):
    header = "ref,kind,title,organization,province\n"
    path = tmp_path / "openings.csv"
    path.write_text(header + "K-1,job,Sewing machine operator,Golden Thread,Kampong Speu\n")
    assert runner.invoke(args=["openings", "import", str(path)]).exit_code == 0
    opening = db.session.scalar(select(Opening).where(Opening.ref == "K-1"))
    assert indexed(opening.id)["title"] == "Sewing machine operator"

    path.write_text(header + "K-1,job,Sewing line leader,Golden Thread,Kampong Speu\n")
    assert runner.invoke(args=["openings", "import", str(path)]).exit_code == 0
    assert indexed(opening.id)["title"] == "Sewing line leader"


def test_the_demo_seed_ends_with_every_opening_in_the_index(app, runner, ctx):
    for args in (["demo", "seed"], ["demo", "seed", "--reset", "--yes"]):
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
        openings = db.session.scalars(select(Opening)).all()
        searcher = sync.searcher()
        assert searcher.doc_count() == len(openings) >= 300  # today's and the past year's
        for opening in openings:
            found = searcher.document(id=str(opening.id))
            assert (found["title"], found["status"]) == (opening.title, opening.status)


def test_openings_published_in_the_same_second_keep_their_order_when_one_is_edited(
    publish_new, counselor
):
    """Equal in score and published in the same second (an import, a job fair's batch): the
    later opening comes first, in a search and in the list, before and after an edit of the
    older one re-indexes it, and on both backends."""
    openings = [publish_new("Rice mill packer") for _ in range(3)]
    same_second = openings[0].published_at.replace(microsecond=0)
    for opening in openings:
        opening.published_at = same_second
        search.index(opening)
    db.session.commit()
    newest_first = [o.id for o in reversed(openings)]
    assert found("rice mill packer") == newest_first
    services.update_opening(
        openings[0], {"closing_date": date.today() + timedelta(days=25)}, by=counselor
    )
    db.session.commit()
    assert found("rice mill packer") == newest_first
    listed = search.query("", SearchFilters(province="17")).ids
    assert [i for i in listed if i in newest_first] == newest_first
