"""Imports every domain's models so that SQLAlchemy and Alembic see the whole schema."""

from portal.alerts.models import AlertSetting, SavedSearch, SentAlert
from portal.audit.models import AuditEvent
from portal.auth.models import ApiToken, Role, User
from portal.centers.models import Center, CenterProvince
from portal.claims.models import ClaimCode
from portal.courses.models import CourseDetails
from portal.cv.models import Schooling, WorkExperience
from portal.interviews.models import ExpiryWarning, Interview
from portal.jobs.models import Opening, OpeningKind, OpeningStatus, OpeningStatusChange
from portal.matching.changes import MatchingChange
from portal.notifications.models import Notification, NotificationDelivery, NotificationKind
from portal.orgs.models import Organization, OrgKind
from portal.phone_confirmation.models import PhoneConfirmation
from portal.placements.models import (
    Application,
    ApplicationDocument,
    ApplicationSource,
    ApplicationStatus,
    ApplicationStatusChange,
    FollowUp,
    SavedOpening,
)
from portal.recovery.models import AccountRecovery
from portal.safety.models import BadContact, OpeningReport, SafetyContact
from portal.screening_admin.models import ScreeningDecision, ScreeningRuleSetting
from portal.search.models import SearchOutbox
from portal.telegram.models import TelegramLink, TelegramLinkCode, TelegramUpdate
from portal.two_factor.models import TwoFactor, TwoFactorRecoveryCode
from portal.youth.models import EducationLevel, Gender, YouthProfile

__all__ = [
    "Schooling",
    "WorkExperience",
    "ClaimCode",
    "MatchingChange",
    "ExpiryWarning",
    "Interview",
    "CenterProvince",
    "AlertSetting",
    "SavedSearch",
    "SentAlert",
    "AccountRecovery",
    "TwoFactor",
    "TwoFactorRecoveryCode",
    "Application",
    "AuditEvent",
    "BadContact",
    "OpeningReport",
    "SafetyContact",
    "ScreeningDecision",
    "ScreeningRuleSetting",
    "ApplicationDocument",
    "ApplicationSource",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "FollowUp",
    "Notification",
    "NotificationDelivery",
    "NotificationKind",
    "SavedOpening",
    "ApiToken",
    "Center",
    "CourseDetails",
    "EducationLevel",
    "Gender",
    "Opening",
    "OpeningKind",
    "OpeningStatus",
    "OpeningStatusChange",
    "OrgKind",
    "PhoneConfirmation",
    "Organization",
    "Role",
    "SearchOutbox",
    "User",
    "YouthProfile",
    "TelegramLink",
    "TelegramLinkCode",
    "TelegramUpdate",
]
