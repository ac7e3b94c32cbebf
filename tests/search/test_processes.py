"""The portal runs as several worker processes (`gunicorn -w 3`): while some publish and edit
openings, others search. Every opening's last saved state ends up in the index, and nobody ever
sees an error, a LockError least of all.

Each process is started with 'spawn' and builds its own app on the same database file and the
same index directory, as gunicorn workers do."""

from __future__ import annotations

import multiprocessing
import random
import traceback
from datetime import date, timedelta

from sqlalchemy import select

from portal import search
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import Opening, OpeningStatus
from portal.search import sync
from portal.search.store import IndexStore
from tests.search import whoosh_only

pytestmark = whoosh_only

WRITERS = 3
ROUNDS = 25  # commits per writer
SHARED = 8  # openings every writer edits, so their changes collide
WAIT = 300  # seconds for a process's report


def _worker_app(config: dict):
    from portal import create_app

    return create_app(config)


def write_and_search(number: int, config: dict, shared_ids: list[int], ids: dict, results) -> None:
    """Publish new openings and edit shared ones, one POST request each; after each, a search
    (a GET request) must find the opening."""
    problems, rng = [], random.Random(number)
    try:
        app = _worker_app(config)
        for round_number in range(ROUNDS):
            with app.test_request_context(method="POST"):
                opening_id = _write(number, round_number, shared_ids, ids, rng)
            with app.test_request_context():
                if sync.searcher().document(id=str(opening_id)) is None:
                    problems.append(f"opening {opening_id} missing right after its commit")
    except Exception:  # noqa: BLE001 - the parent asserts there were none
        problems.append(traceback.format_exc())
    results.put(("writer", number, problems))


def _write(number: int, round_number: int, shared_ids: list[int], ids: dict, rng) -> int:
    from portal.auth.models import User
    from portal.orgs.models import Organization

    counselor = db.session.get(User, ids["counselor"])
    title = f"Mechanic {number}-{round_number}"
    if round_number % 5 == 0:
        # each worker posts for its own employer (two posting for one at the same instant could
        # pick the same next reference: not what this test is about)
        organization = db.session.get(Organization, ids["organizations"][number])
        opening = services.create_opening(
            organization, _fields(title), by=counselor, publish_now=True
        )
    else:
        opening = db.session.get(Opening, rng.choice(shared_ids))
        _edit(opening, title, counselor, rng)
    db.session.commit()
    return opening.id


def _fields(title: str) -> dict:
    closing = date.today() + timedelta(days=30)
    return {"kind": "job", "title": title, "province_code": "17", "closing_date": closing}


def _edit(opening: Opening, title: str, counselor, rng: random.Random) -> None:
    services.update_opening(opening, {"title": title}, by=counselor)
    if rng.random() < 0.3:
        if opening.status == OpeningStatus.PUBLISHED:
            services.close(opening, by=counselor, reason="Filled")
        else:
            services.publish(opening, by=counselor)


def keep_searching(config: dict, stop, results) -> None:
    """A young person searching again and again while the others write."""
    problems, searches = [], 0
    try:
        app = _worker_app(config)
        while searches == 0 or not stop.is_set():
            with app.test_request_context():
                search.query("mechanic")
            searches += 1
    except Exception:  # noqa: BLE001 - the parent asserts there were none
        problems.append(traceback.format_exc())
    results.put(("searcher", searches, problems))


def test_writers_and_searchers_in_several_processes_lose_no_update(
    app, ctx, make_user, make_org, tmp_path
):
    counselor, organization = make_user("counselor"), make_org()
    shared = [
        services.create_opening(
            organization, _fields(f"Mechanic {n}"), by=counselor, publish_now=True
        )
        for n in range(SHARED)
    ]
    db.session.commit()
    names = ("SQLALCHEMY_DATABASE_URI", "SEARCH_INDEX_DIR", "SECRET_KEY", "TESTING")
    config = {name: app.config[name] for name in names} | {"INSTANCE_PATH": str(tmp_path)}
    ids = {"counselor": counselor.id, "organizations": [make_org().id for _ in range(WRITERS)]}

    spawn = multiprocessing.get_context("spawn")
    results, stop = spawn.Queue(), spawn.Event()
    shared_ids = [opening.id for opening in shared]
    processes = [
        spawn.Process(target=write_and_search, args=(n, config, shared_ids, ids, results))
        for n in range(WRITERS)
    ] + [spawn.Process(target=keep_searching, args=(config, stop, results)) for _ in range(2)]
    try:
        for process in processes:
            process.start()
        # Generous: five processes each import the portal, on a machine that may be busy.
        reports = [results.get(timeout=WAIT) for _ in range(WRITERS)]
        stop.set()
        reports += [results.get(timeout=WAIT) for _ in range(2)]
    finally:
        stop.set()
        for process in processes:  # never leave one running on a temporary folder
            process.join(timeout=10)
            if process.is_alive():
                process.kill()

    for *_, problems in reports:
        assert not problems, problems[0]
    assert all(count > 0 for kind, count, _ in reports if kind == "searcher")
    db.session.rollback()  # a fresh snapshot: what the workers committed
    openings = db.session.scalars(select(Opening)).all()
    assert len(openings) == SHARED + WRITERS * ROUNDS // 5
    searcher = IndexStore(app.config["SEARCH_INDEX_DIR"]).searcher()  # as it is: no catching up
    for opening in openings:
        found = searcher.document(id=str(opening.id))
        assert (found["title"], found["status"]) == (opening.title, opening.status)
    assert sync.status()["waiting"] == 0
