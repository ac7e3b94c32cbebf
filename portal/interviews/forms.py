"""The interview form: day and time in Cambodia, place, map link, whom to ask for, what to
bring."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from portal.i18n import CAMBODIA, local_time
from portal.interviews.maps import MAX_LENGTH as MAX_MAP_URL
from portal.interviews.models import Interview
from portal.interviews.services import MAX_ASK_FOR, MAX_BRING, MAX_PLACE, Plan


def utc_from_local(day: date, clock: time) -> datetime:
    """A day and time read on a clock in Cambodia, as the naive UTC moment the database keeps."""
    return datetime.combine(day, clock, tzinfo=CAMBODIA).astimezone(UTC).replace(tzinfo=None)


class InterviewForm(FlaskForm):
    day = DateField(_l("Day"), validators=[InputRequired(message=_l("Choose the day."))])
    time = TimeField(
        _l("Time (Cambodia)"), validators=[InputRequired(message=_l("Choose the time."))]
    )
    place = StringField(
        _l("Place"),
        validators=[
            DataRequired(message=_l("Write where the interview is.")),
            Length(max=MAX_PLACE),
        ],
        description=_l(
            "The address and a landmark, e.g. “Hotel Sokha, 2nd floor, near the market”."
        ),
        render_kw={"maxlength": MAX_PLACE, "autocomplete": "street-address"},
    )
    map_url = StringField(
        _l("Map link (you may leave it empty)"),
        validators=[Optional(), Length(max=MAX_MAP_URL)],
        description=_l("Paste a link from Google Maps. Empty: Phlov makes one from the place."),
        render_kw={"maxlength": MAX_MAP_URL, "inputmode": "url"},
    )
    ask_for = StringField(
        _l("Who to ask for"),
        validators=[Optional(), Length(max=MAX_ASK_FOR)],
        description=_l("A name and a role, e.g. “Ms Dara at the reception”."),
        render_kw={"maxlength": MAX_ASK_FOR},
    )
    bring = TextAreaField(
        _l("What to bring (you may leave it empty)"),
        validators=[Optional(), Length(max=MAX_BRING)],
        description=_l("E.g. “ID card, a pen”."),
        render_kw={"maxlength": MAX_BRING, "rows": 2},
    )

    def fill_from(self, interview: Interview) -> None:
        """Start from the interview that stands (moving it changes only what differs)."""
        local = local_time(interview.starts_at)
        self.day.data, self.time.data = local.date(), local.time().replace(second=0)
        self.place.data, self.map_url.data = interview.place, interview.map_url or ""
        self.ask_for.data, self.bring.data = interview.ask_for, interview.bring

    def plan(self) -> Plan:
        return Plan(
            starts_at=utc_from_local(self.day.data, self.time.data),
            place=self.place.data or "",
            map_url=self.map_url.data or None,
            ask_for=self.ask_for.data or "",
            bring=self.bring.data or "",
        )
