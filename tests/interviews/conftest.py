"""An employer with an opening, a young person of a center (with her own account) on its short
list, her counselor; and a clock to move."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from portal.auth.models import User
from portal.extensions import db
from portal.placements.models import Application, ApplicationStatus, ApplicationStatusChange
from portal.youth.models import YouthProfile
from tests.conftest import login
from tests.fakes.sms import sms_gateway  # noqa: F401  (the fake SMS gateway fixture)
from tests.telegram.conftest import linked_youth, telegram  # noqa: F401  (the fake Bot API)


@dataclass
class Shortlist:
    application: Application
    employer: User
    counselor: User
    youth_user: User

    @property
    def youth(self) -> YouthProfile:
        return self.application.youth


@pytest.fixture
def shortlist(ctx, make_center, make_org, make_user, make_opening, make_application):
    """shortlist(locale="en", changed_at=..., youth_user=...) -> Shortlist: her application on
    the short list (moved there at `changed_at`, default now)."""

    def make(
        locale: str = "en",
        changed_at: datetime | None = None,
        youth_user: User | None = None,
        employer_name: str = "Hotel Sokha",
        **youth_fields,
    ) -> Shortlist:
        center = make_center()
        organization = make_org(name=employer_name)
        employer = make_user("employer", organization_id=organization.id)
        counselor = make_user("counselor", center_id=center.id)
        youth_user = youth_user or make_user("youth", locale=locale, **youth_fields)
        profile = youth_user.youth_profile
        profile.center_id = center.id
        opening = make_opening(organization=organization, title="Cook")
        application = make_application(
            opening=opening, youth=profile, status=ApplicationStatus.SHORTLISTED
        )
        application.status_changes.append(
            ApplicationStatusChange(
                to_status=ApplicationStatus.SHORTLISTED, changed_at=changed_at or datetime.now()
            )
        )
        db.session.commit()
        return Shortlist(application, employer, counselor, youth_user)

    return make


@pytest.fixture
def client_of(app):
    """client_of(user) -> a test client logged in as `user`."""
    return lambda user: login(app.test_client(), user)
