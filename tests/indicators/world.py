# ruff: noqa: E501  (the world is a table, one row a line, read across)
"""A small world built by hand for the indicators' exact-number tests (test_fixture_world.py).

Period: the second quarter of 2026, 1 April to 30 June, in Cambodian time (UTC+7): a moment
stored as 2026-03-31 17:00 UTC is already 1 April there. Ages are on 30 June 2026.

Center A is in Phnom Penh ("12"), center B in Siem Reap ("17").

| who | sex    | born       | age | band  | center | registered (UTC)       | disability      | schooling       |
|-----|--------|------------|-----|-------|--------|------------------------|-----------------|-----------------|
| Y1  | female | 2010-01-10 | 16  | 15-17 | A      | 2026-03-31 17:00 (in)  | yes (seeing 3)  | primary         |
| Y2  | female | 2008-05-15 | 18  | 18-24 | A      | 2026-04-05 03:00 (in)  | not said        | upper secondary |
| Y3  | male   | 2009-03-01 | 17  | 15-17 | A      | 2026-05-01 03:00 (in)  | no (all 1)      | lower secondary |
| Y4  | male   | 2007-01-01 | 19  | 18-24 | A      | 2026-01-01 03:00 (out) | no (hearing 2)  | vocational      |
| Y5  | other  | 2001-07-01 | 24  | 18-24 | A      | 2026-05-05 03:00 (in)  | not said        | university      |
| Y6  | female | 2000-02-02 | 26  | 25-30 | A      | 2025-12-01 03:00 (out) | not said        | none            |
| Y7  | male   | 1997-01-01 | 29  | 25-30 | A      | 2026-06-30 16:59:59 (in) | yes (self-care 4) | upper secondary |
| Y8  | female | 2002-01-01 | 24  | 18-24 | B      | 2026-04-20 03:00 (in)  | not said        | lower secondary |
| Y9  | male   | 2007-03-03 | 19  | 18-24 | B      | 2026-06-01 03:00 (in)  | not said        | primary         |
| Y10 | female | 1995-01-01 | 31  | (none)| A      | 2026-04-03 03:00 (in)  | not said        | none            |
| Y11 | other  | 2000-05-05 | 26  | 25-30 | A      | 2026-03-31 16:59:59 (out) | not said     | none            |
| Y12 | male   | 2007-08-08 | 18  | 18-24 | A      | 2026-06-30 17:00 (out) | not said        | none            |

Y2 turns 18 inside the period (15 May); Y5 turns 25 the day after it (1 July).

Openings (organization A in "12", B in "17"; published / screened, UTC):
OJ1 job "Sewing machine operator" (A) 2026-04-05 03:00 in / 2026-04-05 02:00 none
OJ2 job "Motorbike mechanic" (A) 2026-03-31 16:59:59 out / same, out
OI1 internship "Motorbike mechanic intern" (A) 2026-06-30 16:59:59 in / same, review
OC1 course "Basic computer course" (A) 2026-05-01 03:00 in / never screened
OJ3 job "Hotel receptionist" (B) 2026-05-10 03:00 in / 2026-05-10 03:00 none
OJ4 job "Sewing machine operator" (A) 2026-06-30 17:00 out / same, high, out
OX job "Sewing worker" (A), waiting for review, never published / 2026-05-20 03:00 high
Reports: OJ1 on 2026-05-02 and 2026-05-03, OJ2 on 2026-04-01 00:30 (07:30 in Cambodia),
OJ3 on 2026-06-30 17:00 (1 July there: out).

Applications (created UTC; "interview" = moved to interview then; hired_on; follow-ups):
a1  Y6  OJ2 applied  2026-02-01   interview 2026-03-10   hired 2026-03-31 (the day before)
    1 month due 2026-04-30 employed; 3 months due 2026-06-30 not employed
a2  Y4  OJ1 applied  2026-03-20   interview 2026-03-31 18:00 (1 April there)  hired 2026-04-01
    1 month due 2026-05-01 employed; 3 months due 2026-07-01 employed (out)
a3  Y2  OJ1 referred 2026-04-10   interview 2026-04-20   hired 2026-06-30 (the last day)
    follow-ups due 2026-07-30 and 2026-09-29 (out)
a4  Y7  OI1 applied  2026-06-30 10:00  interview 2026-06-30 12:00  hired 2026-07-01 (after)
a5  Y3  OC1 course   2026-05-02   enrolled 2026-05-15 (a course place; its follow-ups ignored)
a6  Y5  OJ1 applied  2026-05-05   not selected
a7  Y1  OI1 referred 2026-06-30 17:00 (1 July there: out)
a8  Y1  OJ1 applied  2026-04-15   interview 2026-05-01 (still at interview)
a9  Y8  OJ3 applied  2026-05-12   interview 2026-05-15   hired 2026-05-20
    1 month due 2026-06-19 not answered; 3 months due 2026-08-19 (out)
a10 Y10 OJ1 applied  2026-04-03   (waiting)
a11 Y9  OJ3 referred 2026-03-31 16:59:59 (31 March there: out)
a12 Y5  OC1 course   2026-06-01   enrolled 2026-07-01 (out)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from portal.centers.models import Center
from portal.extensions import db
from portal.jobs.models import Opening, OpeningKind, OpeningStatus, ScreeningLevel
from portal.orgs.models import Organization
from portal.placements.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    ApplicationStatusChange,
    FollowUp,
)
from portal.safety.models import OpeningReport, ReportReason
from portal.youth.models import EducationLevel as E
from portal.youth.models import Gender, YouthProfile

S = ApplicationStatus
FEM, MAL, OTH = Gender.FEMALE, Gender.MALE, Gender.OTHER
YOUTH = {  # name: sex, born, center, registered (UTC), Washington Group answers, schooling
    "Y1": (FEM, date(2010, 1, 10), "A", datetime(2026, 3, 31, 17), {"wg_seeing": 3}, E.PRIMARY),
    "Y2": (FEM, date(2008, 5, 15), "A", datetime(2026, 4, 5, 3), {}, E.UPPER_SECONDARY),
    "Y3": (MAL, date(2009, 3, 1), "A", datetime(2026, 5, 1, 3), "all 1", E.LOWER_SECONDARY),
    "Y4": (MAL, date(2007, 1, 1), "A", datetime(2026, 1, 1, 3), {"wg_hearing": 2}, E.VOCATIONAL),
    "Y5": (OTH, date(2001, 7, 1), "A", datetime(2026, 5, 5, 3), {}, E.UNIVERSITY),
    "Y6": (FEM, date(2000, 2, 2), "A", datetime(2025, 12, 1, 3), {}, E.NONE),
    "Y7": (MAL, date(1997, 1, 1), "A", datetime(2026, 6, 30, 16, 59, 59), {"wg_self_care": 4}, E.UPPER_SECONDARY),
    "Y8": (FEM, date(2002, 1, 1), "B", datetime(2026, 4, 20, 3), {}, E.LOWER_SECONDARY),
    "Y9": (MAL, date(2007, 3, 3), "B", datetime(2026, 6, 1, 3), {}, E.PRIMARY),
    "Y10": (FEM, date(1995, 1, 1), "A", datetime(2026, 4, 3, 3), {}, E.NONE),
    "Y11": (OTH, date(2000, 5, 5), "A", datetime(2026, 3, 31, 16, 59, 59), {}, E.NONE),
    "Y12": (MAL, date(2007, 8, 8), "A", datetime(2026, 6, 30, 17), {}, E.NONE),
}  # fmt: skip
ALL_ONES = {name: 1 for name in ("wg_seeing", "wg_hearing", "wg_walking")} | {
    name: 1 for name in ("wg_remembering", "wg_self_care", "wg_communicating")
}
JOB, INTERN, COURSE = OpeningKind.JOB, OpeningKind.INTERNSHIP, OpeningKind.COURSE
P, W = OpeningStatus.PUBLISHED, OpeningStatus.PENDING_REVIEW
N, R, H = ScreeningLevel.NONE, ScreeningLevel.REVIEW, ScreeningLevel.HIGH
OPENINGS = {  # name: kind, title, org, status, published (UTC), screened (UTC), level
    "OJ1": (JOB, "Sewing machine operator", "A", P, datetime(2026, 4, 5, 3), datetime(2026, 4, 5, 2), N),
    "OJ2": (JOB, "Motorbike mechanic", "A", P, datetime(2026, 3, 31, 16, 59, 59), datetime(2026, 3, 31, 16, 59, 59), N),
    "OI1": (INTERN, "Motorbike mechanic intern", "A", P, datetime(2026, 6, 30, 16, 59, 59), datetime(2026, 6, 30, 16, 59, 59), R),
    "OC1": (COURSE, "Basic computer course", "A", P, datetime(2026, 5, 1, 3), None, N),
    "OJ3": (JOB, "Hotel receptionist", "B", P, datetime(2026, 5, 10, 3), datetime(2026, 5, 10, 3), N),
    "OJ4": (JOB, "Sewing machine operator", "A", P, datetime(2026, 6, 30, 17), datetime(2026, 6, 30, 17), H),
    "OX": (JOB, "Sewing worker", "A", W, None, datetime(2026, 5, 20, 3), H),
}  # fmt: skip
REPORTS = (
    ("OJ1", datetime(2026, 5, 2, 3)),
    ("OJ1", datetime(2026, 5, 3, 3)),
    ("OJ2", datetime(2026, 4, 1, 0, 30)),
    ("OJ3", datetime(2026, 6, 30, 17)),
)
A, RF = ApplicationSource.APPLIED, ApplicationSource.REFERRED
# name: youth, opening, source, created (UTC), status, moved to interview (UTC), hired on,
# follow-ups {month: (due on, still employed)}
APPLICATIONS = {
    "a1": ("Y6", "OJ2", A, datetime(2026, 2, 1), S.HIRED, datetime(2026, 3, 10), date(2026, 3, 31), {1: (date(2026, 4, 30), True), 3: (date(2026, 6, 30), False)}),
    "a2": ("Y4", "OJ1", A, datetime(2026, 3, 20, 3), S.HIRED, datetime(2026, 3, 31, 18), date(2026, 4, 1), {1: (date(2026, 5, 1), True), 3: (date(2026, 7, 1), True)}),
    "a3": ("Y2", "OJ1", RF, datetime(2026, 4, 10, 3), S.HIRED, datetime(2026, 4, 20, 3), date(2026, 6, 30), {1: (date(2026, 7, 30), None), 3: (date(2026, 9, 29), None)}),
    "a4": ("Y7", "OI1", A, datetime(2026, 6, 30, 10), S.HIRED, datetime(2026, 6, 30, 12), date(2026, 7, 1), {1: (date(2026, 7, 31), None), 3: (date(2026, 9, 30), None)}),
    "a5": ("Y3", "OC1", A, datetime(2026, 5, 2, 3), S.HIRED, None, date(2026, 5, 15), {1: (date(2026, 6, 14), True)}),
    "a6": ("Y5", "OJ1", A, datetime(2026, 5, 5, 3), S.NOT_SELECTED, None, None, {}),
    "a7": ("Y1", "OI1", RF, datetime(2026, 6, 30, 17), S.REFERRED, None, None, {}),
    "a8": ("Y1", "OJ1", A, datetime(2026, 4, 15, 3), S.INTERVIEW, datetime(2026, 5, 1, 3), None, {}),
    "a9": ("Y8", "OJ3", A, datetime(2026, 5, 12, 3), S.HIRED, datetime(2026, 5, 15, 3), date(2026, 5, 20), {1: (date(2026, 6, 19), None), 3: (date(2026, 8, 19), None)}),
    "a10": ("Y10", "OJ1", A, datetime(2026, 4, 3, 3), S.APPLIED, None, None, {}),
    "a11": ("Y9", "OJ3", RF, datetime(2026, 3, 31, 16, 59, 59), S.REFERRED, None, None, {}),
    "a12": ("Y5", "OC1", A, datetime(2026, 6, 1, 3), S.HIRED, None, date(2026, 7, 1), {}),
}  # fmt: skip


@dataclass
class World:
    centers: dict[str, Center]
    youth: dict[str, YouthProfile]


def build_world() -> World:
    """Every row above, saved directly (past the services, whose clocks say 'now')."""
    centers = {
        "A": Center(name="Center A", province_code="12"),
        "B": Center(name="Center B", province_code="17"),
    }
    orgs = {key: Organization(name=f"Org {key}", province_code=c.province_code)
            for key, c in centers.items()}  # fmt: skip
    db.session.add_all([*centers.values(), *orgs.values()])
    db.session.flush()
    youth = {name: _youth(name, row, centers) for name, row in YOUTH.items()}
    openings = {name: _opening(name, row, orgs) for name, row in OPENINGS.items()}
    db.session.add_all([*youth.values(), *openings.values()])
    for name, moment in REPORTS:
        report = OpeningReport(opening=openings[name], reason=ReportReason.OTHER)
        report.created_at = moment
        db.session.add(report)
    for row in APPLICATIONS.values():
        db.session.add(_application(row, youth, openings))
    db.session.commit()
    return World(centers=centers, youth=youth)


def _youth(name, row, centers) -> YouthProfile:
    sex, born, center, registered, answers, schooling = row
    answers = ALL_ONES if answers == "all 1" else answers
    return YouthProfile(
        full_name=name,
        gender=sex,
        date_of_birth=born,
        province_code=centers[center].province_code,
        center_id=centers[center].id,
        education_level=schooling,
        created_at=registered,
        **answers,
    )


def _opening(name, row, orgs) -> Opening:
    kind, title, org, status, published, screened, level = row
    return Opening(
        organization=orgs[org],
        ref=name,
        kind=kind,
        title=title,
        province_code=orgs[org].province_code,
        status=status,
        published_at=published,
        screened_at=screened,
        screening_level=level,
    )


def _application(row, youth, openings) -> Application:
    who, what, source, created, status, interview, hired_on, follow_ups = row
    application = Application(
        youth=youth[who],
        opening=openings[what],
        source=source,
        status=status,
        hired_on=hired_on,
        created_at=created,
    )
    if interview is not None:
        application.status_changes = [
            ApplicationStatusChange(
                from_status=S.SHORTLISTED, to_status=S.INTERVIEW, changed_at=interview
            )
        ]
    application.follow_ups = [
        FollowUp(month=month, due_on=due, still_employed=employed)
        for month, (due, employed) in follow_ups.items()
    ]
    return application
