"""Realistic synthetic openings for the search bench, in the shape of documents.document_for.

Titles mix English, Khmer and both; organizations get made-up Khmer-romanized names (so the index
vocabulary is as large and noisy as a real one); descriptions are built from sentences employers
write. Seeded, so two runs build the same openings.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

TITLES_EN = (
    "Motorbike Mechanic",
    "Car Mechanic",
    "Phone Repair Technician",
    "Sewing Machine Operator",
    "Garment Quality Checker",
    "Tailor",
    "Cook",
    "Kitchen Assistant",
    "Chef de Partie",
    "Waiter",
    "Waitress",
    "Barista",
    "Bartender",
    "Housekeeper",
    "Room Attendant",
    "Receptionist",
    "Front Office Agent",
    "Tour Guide",
    "Security Guard",
    "Driver",
    "Delivery Rider",
    "Cashier",
    "Sales Assistant",
    "Shop Assistant",
    "Sales Representative",
    "Accountant",
    "Accounting Assistant",
    "Bookkeeper",
    "Administrative Assistant",
    "Office Clerk",
    "Data Entry Clerk",
    "Web Developer",
    "Software Developer",
    "IT Support Technician",
    "Network Technician",
    "Graphic Designer",
    "Electrician",
    "Plumber",
    "Welder",
    "Carpenter",
    "Bricklayer",
    "Construction Worker",
    "Painter",
    "Machine Operator",
    "Warehouse Worker",
    "Forklift Driver",
    "Farm Worker",
    "Rice Farmer Assistant",
    "Agriculture Technician",
    "Veterinary Assistant",
    "Hairdresser",
    "Beautician",
    "Nail Technician",
    "Makeup Artist",
    "Caregiver",
    "Nurse Assistant",
    "Pharmacy Assistant",
    "Teacher Assistant",
    "English Teacher",
    "Khmer Teacher",
    "Call Center Agent",
    "Customer Service Officer",
    "Marketing Assistant",
    "Social Media Officer",
    "Photographer",
    "Video Editor",
    "Cleaner",
    "Gardener",
    "Baker",
    "Pastry Cook",
    "Butcher",
    "Fishery Worker",
    "Air Conditioner Technician",
    "Solar Panel Installer",
    "Bank Teller",
    "Microfinance Credit Officer",
    "Loan Officer",
    "Hotel Management Trainee",
    "Electronics Repair Technician",
    "Laundry Worker",
)
TITLES_KH = (
    "ជាងកាត់ដេរ",
    "ជាងជួសជុលម៉ូតូ",
    "ជាងជួសជុលទូរស័ព្ទ",
    "ចុងភៅ",
    "អ្នករត់តុ",
    "អ្នកលក់",
    "គណនេយ្យករ",
    "អ្នកបើកបរ",
    "សន្តិសុខ",
    "ជាងភ្លើង",
    "ជាងឈើ",
    "ជាងសំណង់",
    "កម្មករកសិដ្ឋាន",
    "អ្នកថែទាំ",
    "គ្រូបង្រៀន",
    "អ្នកទទួលភ្ញៀវ",
    "ជាងកាត់សក់",
    "អ្នកសម្អាត",
    "ជាងផ្សារ",
    "ប្រតិបត្តិករម៉ាស៊ីនដេរ",
    "បុគ្គលិកផ្នែកលក់",
    "អ្នកដឹកជញ្ជូន",
    "ជំនួយការការិយាល័យ",
)
PREFIXES = ("", "", "", "", "Senior ", "Junior ", "Assistant ", "Trainee ", "Experienced ")
SUFFIXES = ("", "", "", "", " (Full-time)", " (Part-time)", " - Night Shift", " Wanted", " Intern")
ORG_SYLLABLES = (
    "sok",
    "heng",
    "chan",
    "dara",
    "vann",
    "srey",
    "mony",
    "rith",
    "pich",
    "sophal",
    "bopha",
    "kosal",
    "vuth",
    "nary",
    "lida",
    "thida",
    "ratha",
    "samnang",
    "seng",
    "leng",
    "kim",
    "meng",
    "sina",
    "rotha",
    "vibol",
    "chea",
    "phal",
    "nita",
    "dalin",
    "serey",
    "visal",
    "borey",
    "tola",
)
ORG_KINDS = (
    "Trading",
    "Garment Factory",
    "Hotel",
    "Restaurant",
    "Clinic",
    "Motor Shop",
    "Mobile Shop",
    "Construction",
    "Farm",
    "Salon",
    "Microfinance",
    "Logistics",
    "Tech",
    "Bakery",
    "Guesthouse",
    "Training Center",
    "Pharmacy",
    "Market",
    "Transport",
    "Electric",
    "NGO",
)
ORG_SUFFIXES = ("", "", " Co., Ltd.", " Group", " & Sons", " Enterprise", " Cambodia")
SKILLS = (
    "sewing",
    "cooking",
    "driving licence",
    "english",
    "khmer typing",
    "computer",
    "excel",
    "customer service",
    "cash handling",
    "welding",
    "wiring",
    "engine repair",
    "teamwork",
    "hygiene",
    "first aid",
    "sales",
    "accounting",
    "photoshop",
    "html",
    "python",
    "forklift",
    "hair cutting",
    "makeup",
    "gardening",
    "cleaning",
    "baking",
    "coffee",
    "bookkeeping",
    "ការកាត់ដេរ",
    "ការចម្អិនម្ហូប",
    "ភាសាអង់គ្លេស",
    "កុំព្យូទ័រ",
    "ការលក់",
    "ការបើកបរ",
)
SENTENCES = (
    "We are looking for a {adj} {title} to join our team in {place}.",
    "You will work {hours} and help our customers every day.",
    "No experience needed: we train you on the job for {weeks} weeks.",
    "Free lunch, uniform and accommodation for staff from the provinces.",
    "Salary paid every month by bank transfer, plus overtime and a {bonus} bonus.",
    "Applicants should be {age} years or older and able to read Khmer.",
    "Good attitude, honest and hard working; basic English is a plus.",
    "Please bring your ID card, a photo and a short CV to our office near {landmark}.",
    "Contact {person} on 0{phone} or visit us in {village} village.",
    "We offer health insurance (NSSF), paid leave and a clear career path.",
    "ការងារនេះសម្រាប់យុវជនដែលចង់រៀនជំនាញថ្មី។",
    "ក្រុមហ៊ុនផ្តល់អាហារថ្ងៃត្រង់ និងកន្លែងស្នាក់នៅ។",
    "សូមយកអត្តសញ្ញាណប័ណ្ណ និងរូបថតមកការិយាល័យ។",
)
ADJECTIVES = ("friendly", "motivated", "careful", "reliable", "young", "hard-working", "skilled")
HOURS = ("6 days a week", "morning shift", "evening shift", "8 hours a day", "flexible hours")
LANDMARKS = (
    "the central market",
    "the riverside",
    "the pagoda",
    "the bus station",
    "the hospital",
    "the night market",
    "the university",
    "the old stadium",
    "the ferry port",
    "the airport",
)
# Phnom Penh and the big provinces hold most openings.
PROVINCE_WEIGHTS = {"12": 30, "17": 8, "02": 6, "18": 6, "03": 4, "08": 5, "07": 3, "21": 3}
PROVINCE_NAMES = {"12": "Phnom Penh", "17": "Siem Reap", "02": "Battambang", "18": "Sihanoukville"}
KINDS = (("job", 70), ("internship", 15), ("course", 15))
STATUSES = (("published", 82), ("closed", 10), ("draft", 4), ("pending_review", 4))


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _province(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"{rng.randint(1, 25):02d}"
    return _weighted(rng, PROVINCE_WEIGHTS.items())


def _title(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(TITLES_KH)
    if roll < 0.3:
        return f"{rng.choice(TITLES_KH)} {rng.choice(TITLES_EN)}"
    return f"{rng.choice(PREFIXES)}{rng.choice(TITLES_EN)}{rng.choice(SUFFIXES)}"


def _organization(rng: random.Random) -> str:
    name = " ".join(rng.choice(ORG_SYLLABLES).title() for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.3:  # a made-up brand word: real indexes are full of those
        name += " " + "".join(rng.choice(ORG_SYLLABLES) for _ in range(2)).title()
    return f"{name} {rng.choice(ORG_KINDS)}{rng.choice(ORG_SUFFIXES)}"


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(ORG_SYLLABLES) for _ in range(parts)).title()


def _typo(rng: random.Random, word: str) -> str:
    """The word with one typing mistake (employers make them too)."""
    i = rng.randrange(len(word))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return rng.choice(
        (word[:i] + word[i + 1 :], word[:i] + letter + word[i:], word[:i] + letter + word[i + 1 :])
    )


def _description(rng: random.Random, title: str, province: str) -> str:
    place = PROVINCE_NAMES.get(province, "the province")
    sentences = rng.sample(SENTENCES, rng.randint(3, 7))
    text = " ".join(
        s.format(
            adj=rng.choice(ADJECTIVES),
            title=title.lower(),
            place=place,
            hours=rng.choice(HOURS),
            weeks=rng.randint(1, 8),
            bonus=rng.choice(("Khmer New Year", "yearly", "sales")),
            age=rng.choice((15, 16, 18)),
            landmark=rng.choice(LANDMARKS),
            person=f"{_name(rng, 1)} {_name(rng, 2)}",
            phone=rng.randint(10_000_000, 99_999_999),
            village=_name(rng, rng.randint(2, 3)),
        )
        for s in sentences
    )
    if rng.random() < 0.05:
        words = text.split()
        i = rng.randrange(len(words))
        words[i] = _typo(rng, words[i])
        text = " ".join(words)
    return text


def opening_document(rng: random.Random, number: int, now: datetime) -> dict:
    """One synthetic opening, as documents.document_for would give it."""
    title, province = _title(rng), _province(rng)
    created = now - timedelta(days=rng.randint(0, 720), minutes=rng.randint(0, 1440))
    closing = created + timedelta(days=rng.randint(7, 120)) if rng.random() < 0.9 else None
    salary = rng.choice((0, 0, 150, 200, 220, 250, 300, 350, 450, 600, 900))
    return {
        "id": str(number),
        "ref": f"SYN-{number}",
        "kind": _weighted(rng, KINDS),
        "status": _weighted(rng, STATUSES),
        "province": province,
        "organization_id": 1 + number % 4000,
        "title": title,
        "skills": " ; ".join(rng.sample(SKILLS, rng.randint(1, 4))),
        "organization": _organization(rng),
        "description": _description(rng, title, province),
        "salary_min_usd": salary,
        "closing_date": closing or datetime(9999, 12, 31),
        "created_at": created,
        "published_at": created + timedelta(hours=rng.randint(1, 48)),
    }


def opening_documents(n: int, seed: int = 7, now: datetime | None = None):
    """`n` synthetic openings (a generator)."""
    rng = random.Random(seed)
    now = now or datetime(2026, 11, 1)
    for number in range(1, n + 1):
        yield opening_document(rng, number, now)
