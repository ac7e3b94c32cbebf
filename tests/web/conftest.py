"""A world of data written in Khmer, and the walk over every page each role can open."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from portal.auth.models import Role
from portal.jobs.models import OpeningKind, OpeningStatus

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@pytest.fixture
def khmer_world(make_center, make_org, make_user, make_opening, make_youth, make_application):
    """Data written in Khmer, so that any English on a Khmer page comes from the portal."""
    center = make_center(name="មជ្ឈមណ្ឌលភ្នំពេញ")
    org = make_org(name="រោងចក្រកាត់ដេរអង្គរ", description="ក្រុមហ៊ុនកាត់ដេរ")
    employer = make_user(Role.EMPLOYER, organization_id=org.id, display_name="សុភា")
    counselor = make_user(Role.COUNSELOR, center_id=center.id, display_name="ដារា")
    admin = make_user(Role.ADMIN, center_id=center.id, display_name="វណ្ណា")
    youth_user = make_user(Role.YOUTH, display_name="ស្រីនាង")
    profile = youth_user.youth_profile
    profile.full_name, profile.center_id, profile.skills = "ស្រីនាង", center.id, ["កាត់ដេរ"]
    job = make_opening(
        organization=org,
        title="ជាងកាត់ដេរ",
        description="ធ្វើការនៅរោងចក្រ",
        skills=["កាត់ដេរ"],
        salary_min=200,
        salary_max=250,
        currency="USD",
    )
    course = make_opening(
        organization=org, kind=OpeningKind.COURSE, title="វគ្គកាត់ដេរ", skills=["កាត់ដេរ"]
    )
    waiting = make_opening(
        organization=org, title="អ្នកលក់", status=OpeningStatus.PENDING_REVIEW, skills=[]
    )
    youth = make_youth(full_name="សុខា", center_id=center.id, skills=["ជួសជុលម៉ូតូ"])
    application = make_application(
        opening=job, youth=profile, hired_on=date.today() - timedelta(days=40)
    )
    make_application(opening=course, youth=youth)
    users = {
        Role.YOUTH: youth_user,
        Role.EMPLOYER: employer,
        Role.COUNSELOR: counselor,
        Role.ADMIN: admin,
    }
    ids = {
        "opening_id": job.id,
        "organization_id": org.id,
        "youth_id": youth.id,
        "center_id": center.id,
        "user_id": counselor.id,
        "application_id": application.id,
        "follow_up_id": application.follow_ups[0].id,
    }
    data_words = set()
    for user in users.values():
        data_words.update(LATIN_WORD.findall(user.email or ""))
    data_words.update(LATIN_WORD.findall(waiting.ref + job.ref + course.ref))
    return users, ids, data_words
