"""What a counselor sees of one posting: its level, and each red flag with the words behind it."""

from __future__ import annotations

from portal.screening import HIGH, HIGH_AT, NONE, REVIEW, REVIEW_AT, Posting, level_of, screen

OFFICE = "#12, Street 271, Phnom Penh"


def job(description: str = "", **fields) -> Posting:
    fields.setdefault("title", "Factory worker")
    fields.setdefault("organization_address", OFFICE)
    return Posting(description=description, **fields)


def reason(result, name):
    return next(r for r in result.reasons if r.name == name)


def test_a_deposit_is_high_risk_and_the_reason_cites_the_words():
    text = "Good job in a factory. You must pay a deposit of $200 before you start."
    result = screen(job(text))
    assert result.level == HIGH
    fees = reason(result, "fees")
    assert fees.indicator == 1
    assert "pay a deposit" in fees.matched_text
    span = fees.matches[0]
    assert (span.field, text[span.start : span.end]) == ("description", span.text)
    assert fees.explanation_en and fees.explanation_km
    assert fees.explanation("km") == fees.explanation_km


def test_saying_that_no_fee_is_charged_is_not_a_fee():
    result = screen(job("We never charge a recruitment fee. No deposit needed."))
    assert result.level == NONE and not result.reasons


def test_khmer_is_read_with_or_without_spaces_between_words():
    for text in ("ត្រូវបង់ប្រាក់កក់ ១០០ដុល្លារ មុនចូលធ្វើការ", "ត្រូវ បង់ ប្រាក់ កក់ ១០០ ដុល្លារ"):
        result = screen(job(text, title="ការងាររោងចក្រ"))
        assert result.level == HIGH
        cited = reason(result, "fees").matches
        assert len(cited) == 1, "overlapping matches are cited once"
        assert text[cited[0].start : cited[0].end] == cited[0].text
        assert "កក់" in cited[0].text


def test_a_khmer_negation_undoes_the_fee():
    result = screen(job("ក្រុមហ៊ុនមិនយកថ្លៃសេវាទេ។", title="ការងាររោងចក្រ"))
    assert "fees" not in result.indicators


def test_a_known_bad_contact_makes_any_posting_high():
    posting = job("Sewing operators, $210 a month.", contact="Call 012 345 678 or @Good_HR")
    assert screen(posting).level == NONE
    for known in ({"+855 12 345 678"}, {"@good_hr"}, {"012345678", "scam@gmail.com"}):
        result = screen(posting, extra_contacts=known)
        assert result.level == HIGH
        assert reason(result, "known_bad_contact").matches[0].field == "contact"
    assert screen(posting, extra_contacts={"@good_h"}).level == NONE  # part of a handle
    regrouped = job("Call +855 (0)12-34-56-78 today.", contact="")
    assert screen(regrouped, extra_contacts={"012 345 678"}).level == HIGH


def test_levels_follow_the_named_thresholds():
    assert [level_of(s) for s in (0, REVIEW_AT - 1, REVIEW_AT, HIGH_AT - 1, HIGH_AT)] == [
        NONE,
        NONE,
        REVIEW,
        REVIEW,
        HIGH,
    ]
    urgency_only = screen(job("Limited seats, the bus leaves this Friday."))
    assert urgency_only.level == REVIEW
    assert urgency_only.score == sum(r.weight for r in urgency_only.reasons)


def test_each_indicator_counts_once_however_often_its_words_appear():
    once = screen(job("Limited seats!"))
    thrice = screen(job("Limited seats! Limited seats! Only 3 seats left!"))
    assert once.score == thrice.score


def test_work_abroad_needs_a_licensed_agency():
    abroad = dict(abroad=True, country="Thailand", min_age=18, title="Farm worker")
    assert "abroad_unlicensed" in screen(job("Fruit farms.", **abroad)).indicators
    licensed = screen(job("Fruit farms.", organization_is_licensed_recruiter=True, **abroad))
    assert licensed.level == NONE
    text_only = screen(job("Fruit farm work in Malaysia, 2-year contract.", min_age=18))
    assert reason(text_only, "abroad_unlicensed").matched_text == "work in Malaysia"


def test_minors_for_night_or_hazardous_work_or_abroad():
    night = screen(job("Night shift packers, from 16 years old.", min_age=16))
    assert reason(night, "minor_risky_work").matched_text == "Night shift … from 16 years"
    day = screen(job("Day shift packers, from 16 years old.", min_age=16))
    assert "minor_risky_work" not in day.indicators
    hazardous = screen(job("Welding.", min_age=16, hazardous=True))
    assert hazardous.level == HIGH
    stated_adult = screen(job("Night shift cashier, age 18+.", min_age=15))
    assert "minor_risky_work" not in stated_adult.indicators


def test_the_forms_working_age_alone_is_a_weak_sign_an_age_written_or_a_risk_declared_is_not():
    accountant = "Accountant for the group that runs a brewery and a beer garden."
    only_the_form = screen(job(accountant, title="Senior Accountant", min_age=15))
    assert only_the_form.level == NONE
    weak = reason(only_the_form, "minor_risky_work")
    assert (weak.matched_text, weak.weight < REVIEW_AT) == ("beer garden … 15", True)
    farm = "Fruit farm work in Malaysia."
    licensed = screen(job(farm, min_age=15, organization_is_licensed_recruiter=True))
    assert licensed.level == NONE
    unlicensed = screen(job(farm, min_age=15))
    assert unlicensed.level == REVIEW
    teenagers = screen(job(farm + " From 16 years old.", min_age=16))
    assert teenagers.level == HIGH
    written = screen(job("Beer garden staff, from 16 years old.", min_age=16))
    assert written.level == HIGH
    declared = screen(job("Karaoke waiters.", min_age=15, night_work=True))
    assert declared.level == HIGH
    thailand = dict(title="Farm worker", min_age=15, abroad=True, country="Thailand")
    agency = screen(job("Fruit farms.", organization_is_licensed_recruiter=True, **thailand))
    assert (agency.level, reason(agency, "minor_risky_work").matched_text) == (
        REVIEW,
        "15 … Thailand",
    )
    assert screen(job("Fruit farms.", **thailand)).level == HIGH


def test_pay_far_above_the_norm_for_easy_work():
    easy = "No experience needed, we train you."
    high = screen(job(easy, title="Garment helper", salary_max=900, currency="USD"))
    assert "pay_too_good" in high.indicators
    normal = screen(job(easy, title="Garment helper", salary_max=250, currency="USD"))
    assert "pay_too_good" not in normal.indicators
    skilled = screen(job("5 years of experience.", title="Garment helper", salary_max=900))
    assert "pay_too_good" not in skilled.indicators
    riel = screen(job(easy, title="Garment helper", salary_max=4_000_000, currency="KHR"))
    assert "pay_too_good" in riel.indicators


def test_telegram_only_is_a_flag_but_not_next_to_an_office_address():
    only = screen(job("Contact us on Telegram @jobs_kh_hr.", organization_address=""))
    assert reason(only, "off_platform_contact").matched_text == "Telegram … @jobs_kh_hr"
    with_office = screen(job("Updates on our Telegram channel.", organization_address=OFFICE))
    assert with_office.level == NONE


def test_vague_role_in_a_casino_town_cites_both_role_and_place():
    result = screen(job("Customer service staff for our company in Bavet.", title="Staff"))
    assert reason(result, "vague_role_place").matched_text == "Customer service … Bavet"


def test_discrimination_is_flagged_for_review_with_the_phrase():
    result = screen(job("Receptionist, girls only, must be single, pretty."))
    assert result.level in (REVIEW, HIGH)
    assert "girls only" in reason(result, "discrimination").matched_text


def test_a_course_may_charge_a_course_fee_but_a_job_may_not():
    text = "Course fee $50, certificate at the end."
    assert screen(job(text, kind="course")).level == NONE
    assert screen(job(text, kind="job")).level == HIGH


def test_words_are_not_joined_across_two_fields():
    result = screen(job("Free uniform and lunch.", title="Driver with work visa"))
    assert "free_travel" not in result.indicators
    assert "free_travel" in screen(job("Driver with work visa free uniform and lunch.")).indicators


def test_a_country_named_as_an_adjective_is_not_work_abroad():
    at_home = screen(job("Trainee in our Phnom Penh hotel.", title="Singapore hotel group trainee"))
    assert "abroad_unlicensed" not in at_home.indicators
    away = screen(job("Kitchen work in Singapore, 2 years.", title="Kitchen helper", min_age=18))
    assert "abroad_unlicensed" in away.indicators


def test_missing_values_from_an_import_are_read_as_empty():
    posting = Posting(
        title="Helper",
        description=None,
        skills=None,
        organization_address=None,
        contact=None,
        salary_max=None,
    )
    assert screen(posting).level == NONE


def test_a_cost_or_a_loan_in_the_text_is_not_read_as_pay():
    easy = "No experience needed."
    fee = screen(job(easy + " Training cost $2,000.", title="Garment helper", salary_max=250))
    assert "pay_too_good" not in fee.indicators
    pay = screen(job(easy + " Salary $2,000 a month.", title="Garment helper"))
    assert "pay_too_good" in pay.indicators


def test_a_training_course_is_not_work_done_by_a_minor():
    from portal.screening import Posting, screen

    course = Posting(
        title="Safe vegetable growing",
        description="Learn to grow vegetables with less chemicals and pesticides.",
        kind="course",
        min_age=15,
    )
    assert "minor_risky_work" not in screen(course).indicators
    job = Posting(
        title="Farm worker",
        description="Spray pesticides and chemicals on the fields. Night shift.",
        min_age=15,
    )
    assert "minor_risky_work" in screen(job).indicators


def test_a_course_for_young_women_is_not_discrimination_but_a_job_for_them_only_is():
    from portal.screening import Posting, screen

    course = Posting(title="Web coding bootcamp", description="Scholarships for young women.",
                     kind="course", min_age=16)  # fmt: skip
    assert "discrimination" not in screen(course).indicators
    job = Posting(title="Receptionist", description="Young women only, aged 18-25.", min_age=18)
    assert "discrimination" in screen(job).indicators


def test_a_name_asks_nothing_of_anyone():
    from portal.screening import Posting, screen

    salon = Posting(title="Nail technician", description="Paint nails in our shop in Siem Reap.",
                    organization_name="Pretty Nails Studio", min_age=18)  # fmt: skip
    assert "discrimination" not in screen(salon).indicators


def test_lures_as_recruiters_word_them_are_reviewed_with_their_words():
    generous = screen(job("The salary is generous and the only requirement is computer skills."))
    assert reason(generous, "pay_too_good").matched_text == "salary is generous … only requirement"
    assert generous.level == REVIEW
    free_trip = screen(job("You don't need to spend a single cent to get to the job."))
    assert reason(free_trip, "free_travel").matched_text == (
        "don't need to spend a single cent to get"
    )
    tasks = screen(job("Payment after completing simple tasks."))
    assert "pay_too_good" in tasks.indicators
    arranged = screen(job("Candidates pay the agent $300 to arrange the visa."))
    assert arranged.level == HIGH
    company = screen(job("The company pays to arrange your visa."))
    assert "fees" not in company.indicators
    abroad = screen(job("High-paying job opportunities abroad for IT graduates."))
    assert reason(abroad, "abroad_unlicensed").matched_text == "opportunities abroad"


def test_the_same_lures_in_khmer_are_reviewed_with_their_words():
    def khmer(text):
        return screen(job(text, title="ការងារ"))

    generous = khmer("ប្រាក់ខែទាក់ទាញ មិនត្រូវការបទពិសោធន៍")
    assert reason(generous, "pay_too_good").matched_text == "ប្រាក់ខែទាក់ទាញ … មិនត្រូវការបទពិសោធន៍"
    free_trip = khmer("មិនចាំបាច់ចំណាយលុយមួយសេនសម្រាប់ធ្វើដំណើរ")
    assert free_trip.level == REVIEW
    arranged = khmer("បេក្ខជនត្រូវបង់លុយ ៣០០ដុល្លារ ដើម្បីរៀបចំលិខិតឆ្លងដែន")
    assert arranged.level == HIGH
    company = khmer("ក្រុមហ៊ុនបង់លុយរៀបចំលិខិតឆ្លងដែន")
    assert "fees" not in company.indicators
    hurry = khmer("សូមមកធ្វើការឱ្យបានឆាប់តាមដែលអាចធ្វើទៅបាន")
    assert (hurry.level, reason(hurry, "urgency").matched_text) == (NONE, "ឱ្យបានឆាប់")
