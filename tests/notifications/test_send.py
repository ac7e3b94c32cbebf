"""`flask notify send` drains the outbox through the transports, in each reader's language."""

import smtplib
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db, utcnow
from portal.notifications.models import DeliveryStatus, NotificationDelivery, NotificationKind
from portal.notifications.services import notify
from portal.notifications.transports import SmtpTransport


class FakeSMTP:
    """Stands in for smtplib.SMTP: records what would be sent, never opens a socket."""

    sent: list = []
    fail_with: Exception | None = None

    def __init__(self, host, port, timeout=None):
        self.host, self.port = host, port
        self.tls = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self):
        self.tls = True

    def login(self, username, password):
        self.username = username

    def send_message(self, message):
        if FakeSMTP.fail_with:
            raise FakeSMTP.fail_with
        FakeSMTP.sent.append((self, message))


@pytest.fixture
def fake_smtp(app, monkeypatch):
    FakeSMTP.sent, FakeSMTP.fail_with = [], None
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "mail.example.org")
    monkeypatch.setitem(app.config, "MAIL_USERNAME", "phlov")
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://phlov.example")
    return FakeSMTP


def _deliveries() -> list[NotificationDelivery]:
    return list(db.session.scalars(select(NotificationDelivery).order_by(NotificationDelivery.id)))


def _reviewed(user) -> None:
    notify(
        user,
        NotificationKind.OPENING_REVIEWED,
        {"opening_title": "Cook", "decision": "approved", "reason": ""},
        link="/openings/7",
    )
    db.session.commit()


def test_email_goes_by_smtp_in_the_readers_language(app, runner, make_user, fake_smtp, monkeypatch):
    monkeypatch.setitem(app.config, "DEFAULT_LANGUAGE", "km")  # as deployed (tests use English)
    _reviewed(make_user("employer", email="boss@example.org", locale="en"))
    _reviewed(make_user("employer", email="neak@example.org", locale=None))

    result = runner.invoke(args=["notify", "send"])

    assert result.exit_code == 0, result.output
    assert "2 sent, 0 to try again, 0 failed" in result.output
    (server, english), (_, khmer) = fake_smtp.sent
    assert server.host == "mail.example.org" and server.tls
    assert english["To"] == "boss@example.org"
    assert english["Subject"] == "Your opening is published"
    assert "https://phlov.example/openings/7" in english.get_content()
    assert khmer["Subject"] != "Your opening is published"  # Khmer for who chose no language
    assert all(d.status == DeliveryStatus.SENT and d.attempts == 1 for d in _deliveries())


def test_without_a_mail_server_email_is_printed_by_the_console(runner, make_user):
    _reviewed(make_user("employer", email="boss@example.org", locale="en"))

    result = runner.invoke(args=["notify", "send"])

    assert "[email] to boss@example.org: Your opening is published" in result.output
    assert "1 sent" in result.output


def test_console_transport_prints_to_stdout(app, capsys):
    from portal.notifications.transports import ConsoleTransport

    ConsoleTransport("sms").send("012345678", "Hello", "One line.")
    assert "[sms] to 012345678: Hello\nOne line." in capsys.readouterr().out


def test_a_failure_is_kept_retried_and_failed_after_the_last_attempt(
    app, runner, make_user, fake_smtp, monkeypatch
):
    monkeypatch.setitem(app.config, "NOTIFY_MAX_ATTEMPTS", 2)
    fake_smtp.fail_with = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no")})
    _reviewed(make_user("employer", email="x@example.org", locale="en"))

    first = runner.invoke(args=["notify", "send"])
    [delivery] = _deliveries()
    assert "0 sent, 1 to try again, 0 failed" in first.output
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert "SMTPRecipientsRefused" in delivery.last_error

    # Not again at once: it waits out its back-off (tests/notifications/test_backoff.py).
    assert runner.invoke(args=["notify", "send"]).output.startswith("0 sent, 0 to try again, 0")
    delivery.next_attempt_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    second = runner.invoke(args=["notify", "send"])
    db.session.refresh(delivery)
    assert "0 sent, 0 to try again, 1 failed" in second.output
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 2
    assert runner.invoke(args=["notify", "send"]).output.startswith("0 sent")


def test_sms_waits_for_a_transport_unless_the_console_stands_in(app, runner, make_user):
    user = make_user("youth", email=None, phone="012345678", locale="en")
    user.notification_settings = {"new_suggestions": ["portal", "sms"]}
    notify(user, NotificationKind.NEW_SUGGESTIONS, {"count": 3})
    db.session.commit()

    waiting = runner.invoke(args=["notify", "send"])
    assert "1 sms message(s) wait: no sms transport yet" in waiting.output
    assert _deliveries()[0].status == DeliveryStatus.PENDING

    app.config["NOTIFY_FALLBACK"] = "console"
    try:
        printed = runner.invoke(args=["notify", "send"])
    finally:
        app.config["NOTIFY_FALLBACK"] = None
    assert "[sms] to 012345678: New openings for you\n3 new openings fit you." in printed.output
    db.session.refresh(_deliveries()[0])
    assert _deliveries()[0].status == DeliveryStatus.SENT


def test_limit_sends_the_oldest_first(runner, make_user, fake_smtp):
    for n in range(3):
        _reviewed(make_user("employer", email=f"b{n}@example.org", locale="en"))

    result = runner.invoke(args=["notify", "send", "--limit", "2"])

    assert "2 sent" in result.output
    assert [m["To"] for _, m in fake_smtp.sent] == ["b0@example.org", "b1@example.org"]
    assert [d.status for d in _deliveries()][-1] == DeliveryStatus.PENDING


def test_the_smtp_transport_reads_its_settings(app):
    transport = SmtpTransport({"MAIL_SERVER": "smtp.example", "MAIL_PORT": 465})
    assert (transport.host, transport.port, transport.sender) == (
        "smtp.example",
        465,
        "phlov@localhost",
    )
