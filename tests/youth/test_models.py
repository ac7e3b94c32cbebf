"""The youth profile's own rules."""

from datetime import date

from portal.youth.models import Gender, YouthProfile


def test_disability_follows_the_washington_group_cut_off():
    profile = YouthProfile(full_name="A", gender=Gender.FEMALE, date_of_birth=date(2005, 1, 1))
    assert profile.has_disability is None  # not asked, or not answered: not said
    profile.wg_seeing, profile.wg_walking = 2, 1  # some difficulty only
    assert profile.has_disability is False
    profile.wg_remembering = 3  # a lot of difficulty in one domain
    assert profile.has_disability is True
