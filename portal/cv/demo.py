"""The demo's CVs (`flask demo seed`): work (family, market and trade work as often as jobs),
schooling that agrees with each profile's level (many stopped early) for about half the demo
young people, and a full CV for the demo login, so that the CV page and its PDF look real.
Chosen with their own random numbers (from each profile's own facts), so that the demo's other
choices stay as they were."""

from __future__ import annotations

import random
from datetime import datetime

from portal.cv.models import Schooling, SchoolOutcome, WorkExperience, WorkKind
from portal.youth.models import EducationLevel, YouthProfile

K = WorkKind
# (kind, what in English, what in Khmer, where, a few words in English, the same in Khmer)
WORK = [
    (K.FAMILY, "Helped on the family rice farm", "ជួយធ្វើស្រែរបស់គ្រួសារ", "",
     "Planted, harvested and dried rice with my parents every season.",
     "ដាំ ច្រូត និងហាលស្រូវជាមួយឪពុកម្ដាយរៀងរាល់រដូវ។"),
    (K.FAMILY, "Looked after my younger brothers and sisters", "មើលថែប្អូនៗ", "",
     "Cooked for them, washed their clothes and took them to school.",
     "ធ្វើម្ហូប បោកខោអាវ និងជូនប្អូនៗទៅសាលារៀន។"),
    (K.OWN, "Sold vegetables at the market", "លក់បន្លែនៅផ្សារ", "Phsar Leu",
     "Bought from farmers at dawn and kept the money and the accounts.",
     "ទិញពីកសិករពេលព្រឹកព្រលឹម ហើយកាន់លុយ និងកត់ត្រាការលក់។"),
    (K.HELPING, "Repaired motorbikes with my uncle", "ជួសជុលម៉ូតូជាមួយពូ", "My uncle's shop",
     "Changed oil, tyres and brake pads; served customers alone on Sundays.",
     "ប្ដូរប្រេង កង់ និងហ្វ្រាំង ហើយមើលការខុសត្រូវហាងម្នាក់ឯងនៅថ្ងៃអាទិត្យ។"),
    (K.FAMILY, "Raised chickens and pigs at home", "ចិញ្ចឹមមាន់ និងជ្រូកនៅផ្ទះ", "",
     "Fed fifty chickens and two pigs every morning before school.",
     "ឲ្យចំណីមាន់ហាសិប និងជ្រូកពីរ រៀងរាល់ព្រឹកមុនទៅសាលា។"),
    (K.JOB, "Waitress at a noodle shop", "អ្នករត់តុនៅហាងគុយទាវ", "Noodle shop near the market",
     "Took orders, served up to 80 bowls a morning and cleaned the tables.",
     "ទទួលការកុម្ម៉ង់ លើកគុយទាវរហូតដល់៨០ចាននៅពេលព្រឹក និងសម្អាតតុ។"),
    (K.JOB, "Construction helper", "កម្មករសំណង់", "A house building site",
     "Mixed concrete and carried bricks; learned to read a level.",
     "លាយបេតុង និងលីឥដ្ឋ ហើយរៀនប្រើឧបករណ៍វាស់កម្រិត។"),
    (K.OWN, "Sold snacks in front of the school", "លក់នំនៅមុខសាលា", "",
     "Made num kruok with my mother and sold them after class.",
     "ធ្វើនំគ្រក់ជាមួយម្ដាយ ហើយលក់ក្រោយម៉ោងរៀន។"),
    (K.HELPING, "Volunteer at the pagoda festival", "អ្នកស្ម័គ្រចិត្តក្នុងបុណ្យវត្ត", "The village pagoda",
     "Cooked for 200 guests and kept the list of gifts.",
     "ចម្អិនម្ហូបសម្រាប់ភ្ញៀវ២០០នាក់ និងកត់បញ្ជីអំណោយ។"),
]  # fmt: skip
GRADES = {
    EducationLevel.PRIMARY: (1, 6),
    EducationLevel.LOWER_SECONDARY: (7, 9),
    EducationLevel.UPPER_SECONDARY: (10, 12),
}
SCHOOLS = {
    EducationLevel.PRIMARY: "Primary school of the village",
    EducationLevel.LOWER_SECONDARY: "Lower secondary school of the commune",
    EducationLevel.UPPER_SECONDARY: "High school of the district",
    EducationLevel.VOCATIONAL: "Provincial training center",
    EducationLevel.UNIVERSITY: "University of the province",
}
TRADES = ["Motorbike repair", "Sewing", "Cooking", "Electrics", "Hairdressing", "Accounting"]


def demo_cv_rows(profiles: list[YouthProfile], now: datetime) -> list:
    """Work and schooling rows for the demo login (the first profile) and about half the rest."""
    rows = _sok_sreymom(profiles[0], now.year)
    for profile in profiles[1:]:
        rng = random.Random(f"cv|{profile.full_name}|{profile.date_of_birth.isoformat()}")
        if rng.random() < 0.5:
            rows += _work(rng, profile, now.year) + _schooling(rng, profile, now.year)
    return rows


def _sok_sreymom(profile: YouthProfile, year: int) -> list:
    """The demo login's CV: a sewing job, market work, family work, and school to grade 9."""
    family, market = WORK[1], WORK[2]
    return [
        WorkExperience(youth_id=profile.id, kind=K.JOB, what="Sewing machine operator",
                       place="A small garment workshop, Phnom Penh", start_year=year - 1,
                       description="Sewed school uniforms, 120 pieces a day; checked seams."),
        WorkExperience(youth_id=profile.id, kind=market[0], what=market[1], place="Phsar Kandal",
                       start_year=year - 4, end_year=year - 1, description=market[4]),
        WorkExperience(youth_id=profile.id, kind=family[0], what=family[2], place="",
                       start_year=year - 7, end_year=year - 4, description=family[5]),
        Schooling(youth_id=profile.id, level=EducationLevel.LOWER_SECONDARY,
                  outcome=SchoolOutcome.STOPPED, grade=9, school="Chamkar Mon Lower Secondary",
                  subject="", start_year=year - 10, end_year=year - 4),
    ]  # fmt: skip


def _work(rng: random.Random, profile: YouthProfile, year: int) -> list[WorkExperience]:
    rows = []
    end = year
    for kind, english, khmer, place, words_en, words_km in rng.sample(WORK, rng.randint(1, 3)):
        in_khmer = rng.random() < 0.3
        length = rng.randint(1, 3)
        ongoing = not rows and rng.random() < 0.3
        rows.append(
            WorkExperience(
                youth_id=profile.id,
                kind=kind,
                what=khmer if in_khmer else english,
                place=place,
                start_year=max(profile.date_of_birth.year + 12, end - length),
                end_year=None if ongoing else end,
                description=(words_km if in_khmer else words_en) if rng.random() < 0.7 else "",
            )
        )
        end = rows[-1].start_year
    return rows


def _schooling(rng: random.Random, profile: YouthProfile, year: int) -> list[Schooling]:
    level = profile.education_level
    if level is None or level == EducationLevel.NONE:
        return []
    first, last = GRADES.get(level, (None, None))
    stopped = first is not None and rng.random() < 0.55
    left = min(year, profile.date_of_birth.year + rng.randint(13, 19))
    return [
        Schooling(
            youth_id=profile.id,
            level=level,
            outcome=SchoolOutcome.STOPPED if stopped else SchoolOutcome.FINISHED,
            grade=rng.randint(first, last) if stopped else None,
            school=SCHOOLS[level],
            subject=rng.choice(TRADES) if level == EducationLevel.VOCATIONAL else "",
            start_year=left - rng.randint(2, 6),
            end_year=left,
        )
    ]
