"""An admin creates staff accounts with `flask users create`."""

from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.extensions import db

PASSWORD = "counselor-pass-9"


def create(runner, *options):
    return runner.invoke(args=["users", "create", *options])


def count_users() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_a_counselor_created_on_the_command_line_can_log_in(runner, ctx, make_center, client):
    center = make_center("Kampot Job Center")

    result = create(
        runner,
        "--role=counselor",
        "--email=Sreymom@Center.org",
        f"--password={PASSWORD}",
        "--name=Sreymom",
        "--center=Kampot Job Center",
    )

    assert result.exit_code == 0, result.output
    assert "Created counselor account sreymom@center.org" in result.output
    user = db.session.scalars(select(User)).one()
    assert (user.role, user.center_id, user.display_name) == (Role.COUNSELOR, center.id, "Sreymom")
    response = client.post(
        "/login", data={"identifier": "sreymom@center.org", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_the_center_may_be_given_by_its_id(runner, ctx, make_center):
    center = make_center()

    result = create(
        runner,
        "--role=admin",
        "--phone=012 888 999",
        f"--password={PASSWORD}",
        f"--center={center.id}",
    )

    assert result.exit_code == 0, result.output
    assert db.session.scalars(select(User)).one().phone == "012888999"


def test_an_unknown_center_exits_non_zero_and_lists_the_centers(runner, ctx, make_center):
    make_center("Kampot Job Center")
    make_center("Takeo Job Center")

    result = create(
        runner,
        "--role=counselor",
        "--email=a@center.org",
        f"--password={PASSWORD}",
        "--center=Kep Center",
    )

    assert result.exit_code != 0
    assert "no center 'Kep Center'. Centers: Kampot Job Center, Takeo Job Center" in result.output
    assert count_users() == 0


def test_a_duplicate_email_exits_non_zero_with_a_message(runner, ctx, make_user, make_center):
    make_user(Role.EMPLOYER, email="dara@example.org")
    center = make_center()

    result = create(
        runner,
        "--role=counselor",
        "--email=DARA@example.org",
        f"--password={PASSWORD}",
        f"--center={center.id}",
    )

    assert result.exit_code != 0
    assert "The e-mail address dara@example.org is already registered." in result.output
    assert count_users() == 1


def test_a_counselor_needs_a_center(runner, ctx):
    result = create(runner, "--role=counselor", "--email=a@center.org", f"--password={PASSWORD}")

    assert result.exit_code != 0
    assert "Counselors and admins belong to a center." in result.output
    assert count_users() == 0


def test_a_short_password_is_refused(runner, ctx, make_center):
    center = make_center()

    result = create(
        runner,
        "--role=counselor",
        "--email=a@center.org",
        "--password=short",
        f"--center={center.id}",
    )

    assert result.exit_code != 0
    assert "at least 8 characters" in result.output
    assert count_users() == 0
