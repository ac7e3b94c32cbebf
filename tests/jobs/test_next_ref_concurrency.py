"""Two openings posted for one organization at the same moment get different references. Runs
on PostgreSQL (TEST_DATABASE_URL), where two transactions really run at once; SQLite lets one
writer in at a time, so there is no race to test there."""

import threading

import pytest
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.jobs.models import Opening, OpeningKind
from portal.jobs.services import next_ref
from portal.orgs.models import Organization


def post_opening(session: Session, org_id: int) -> str:
    """What create_opening does, on `session`: take the next reference and save the opening."""
    organization = session.get(Organization, org_id)
    ref = next_ref(organization, session)
    session.add(
        Opening(
            organization=organization,
            ref=ref,
            kind=OpeningKind.JOB,
            title="Cook",
            province_code="12",
        )  # fmt: skip
    )
    session.flush()
    return ref


def test_a_second_poster_waits_for_the_first_and_counts_it(app, make_org):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("needs two concurrent transactions: TEST_DATABASE_URL=postgresql+psycopg://...")
    org_id = make_org().id
    second: dict = {}

    def second_poster():
        with app.app_context(), Session(db.engine) as session:
            second["ref"] = post_opening(session, org_id)
            session.commit()

    with Session(db.engine) as first:
        first_ref = post_opening(first, org_id)  # in an open transaction
        thread = threading.Thread(target=second_poster)
        thread.start()
        thread.join(timeout=1.0)
        assert thread.is_alive(), "the second poster must wait for the first to commit"
        first.commit()
    thread.join(timeout=10)
    assert (first_ref, second["ref"]) == ("WEB-0001", "WEB-0002")
