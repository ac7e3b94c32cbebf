"""What she sees when she opens a digest: its openings in order, and how to stop them."""

from __future__ import annotations

from portal.alerts.run import send_digests
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from tests.alerts.conftest import MORNING
from tests.alerts.test_limits import digests
from tests.conftest import login


def test_she_opens_her_digest_and_sees_its_openings_to_apply(app, sewer, publish, make_user):
    near = publish("Sewing machine operator", province_code="12")
    far = publish("Garment sewer", province_code="17")
    closed = publish("Tailor")
    send_digests(MORNING)
    [digest] = digests(sewer)
    closed.status = OpeningStatus.CLOSED
    db.session.commit()
    client = login(app.test_client(), sewer)

    page = client.get(digest.link).get_data(as_text=True)

    assert page.index(near.title) < page.index(far.title)
    assert f"/openings/{near.id}" in page and "Tailor" not in page
    assert "1 opening of this message is no longer open" in page
    assert "/alerts/stop/" in page
    db.session.refresh(digest)
    assert digest.read_at is not None
    other = login(app.test_client(), make_user("youth"))
    assert other.get(digest.link).status_code == 404
    assert client.get("/me/alerts/2026-02-30").status_code == 404


def test_her_digest_reads_in_khmer_when_she_reads_khmer(sewer, publish):
    from portal.notifications.outbox import message_for

    sewer.locale = "km"
    publish()
    send_digests(MORNING)

    subject, body = message_for(digests(sewer)[0])

    assert subject == "ឱកាសថ្មីសម្រាប់អ្នក"
    assert "ឱកាសការងារថ្មី 1 សម្រាប់អ្នក៖ Sewing machine operator" in body
    assert "បញ្ឈប់ការជូនដំណឹងទាំងនេះ៖ /alerts/stop/" in body
