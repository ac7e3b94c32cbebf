"""What an SMS costs: GSM-7 160/153 with its extension table, UCS-2 (Khmer) 70/67; and the text
of a notification kept within two parts without cutting a word."""

import khmercut
import pytest

from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe
from portal.sms.compose import ELLIPSIS, compose
from portal.sms.segments import GSM7, UCS2, count, plain


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", GSM7, 0, 1),
        ("a" * 160, GSM7, 160, 1),
        ("a" * 161, GSM7, 161, 2),
        ("a" * 306, GSM7, 306, 2),
        ("a" * 307, GSM7, 307, 3),
        ("€" * 80, GSM7, 160, 1),  # the extension table: two septets each
        ("€" * 81, GSM7, 162, 2),
        # 152 septets, then an escape pair that may not straddle parts: a third part.
        ("a" * 152 + "[" + "a" * 153, GSM7, 307, 3),
        ("ក" * 70, UCS2, 70, 1),
        ("ក" * 71, UCS2, 71, 2),
        ("ក" * 134, UCS2, 134, 2),
        ("ក" * 135, UCS2, 135, 3),
        ("Cook 🙂", UCS2, 7, 1),  # an emoji: two UTF-16 units
        ("a" * 66 + "🙂" + "a" * 3, UCS2, 71, 2),  # the pair is not split: 66 + (2 + 3)
        ("“Cook”", UCS2, 6, 1),  # curly quotes are not GSM-7
    ],
)
def test_parts_are_counted_as_phones_count_them(text, encoding, units, segments):
    parts = count(text)
    assert (parts.encoding, parts.units, parts.segments) == (encoding, units, segments)


def test_curly_quotes_are_made_plain_when_that_keeps_english_in_gsm7():
    assert plain("“Cook”: hired – well done…") == '"Cook": hired - well done...'
    assert plain("“ចុងភៅ”") == "“ចុងភៅ”"  # Khmer is UCS-2 anyway: kept as written


def _whole_words(cut: str, original: str) -> bool:
    """Every Khmer or English word of `cut` (without its ellipsis) is a whole word of `original`."""
    words = set(khmercut.tokenize(original)) | set(original.split())
    kept = cut.rstrip(ELLIPSIS)
    return all(token in words for token in khmercut.tokenize(kept) if token.strip())


def test_a_long_khmer_message_fits_in_two_parts_with_whole_words_and_its_link(app):
    line = (
        "ក្រុមហ៊ុនកាត់ដេរមួយនៅខេត្តពោធិ៍សាត់ ត្រូវការជាងកាត់ដេរដែលមានបទពិសោធន៍ "
        "ធ្វើការពេញម៉ោង ប្រាក់ខែល្អ មានកន្លែងស្នាក់នៅ និងអាហារថ្ងៃត្រង់ សូមដាក់ពាក្យឥឡូវនេះ "
    ) * 2
    url = "https://phlov.org/openings/12345"

    text = compose("ការងារថ្មីសម្រាប់អ្នក ដែលត្រូវនឹងជំនាញរបស់អ្នក " * 3, line, url)

    parts = count(text)
    assert parts.encoding == UCS2 and parts.segments <= 2
    assert text.endswith("\n" + url)
    body = text.removesuffix("\n" + url)
    assert body.endswith(ELLIPSIS) and _whole_words(body, line)


def test_every_kind_in_khmer_fits_in_two_parts(app):
    params = {
        "opening_title": "ជាងកាត់ដេរ (ម៉ាស៊ីនដេរឧស្សាហកម្ម) ពេញម៉ោង នៅពោធិ៍សាត់",
        "status": "interview",
        "youth_name": "សុខ ស្រីពៅ",
        "decision": "declined",
        "reason": "សូមបន្ថែមប្រាក់ខែ និងម៉ោងធ្វើការ ឱ្យបានច្បាស់លាស់ មុនពេលបោះពុម្ពផ្សាយម្ដងទៀត",
        "organization": "ក្រុមហ៊ុន កាត់ដេរ មាសមាស",
        "closing_date": "2026-12-24",
        "count": "4",
        "code": "042713",
        "minutes": "15",
    }
    codes = (NotificationKind.ACCOUNT_RECOVERY, NotificationKind.PHONE_CONFIRMATION)
    for kind in NotificationKind:
        url = None if kind in codes else "https://phlov.org/openings/12345"  # codes have no link
        with app.test_request_context():
            words = describe(Notification(kind=kind, params=params), "km")
        text = compose(words.title, words.line, url)
        assert count(text).segments <= 2, (kind, text)
        if kind in codes:
            assert "042713" in text, kind  # a code is never cut away


def test_an_english_message_stays_gsm7_in_one_part():
    text = compose("Your application changed", "“Cook”: Hired.", "https://phlov.org/me")
    assert text == 'Your application changed\n"Cook": Hired.\nhttps://phlov.org/me'
    assert count(text).encoding == GSM7 and count(text).segments == 1


def test_the_title_goes_when_that_saves_a_part_and_stays_when_it_costs_nothing():
    title, line, url = "ឱកាសថ្មីសម្រាប់អ្នក", "មានឱកាសថ្មី 3 ដែលសមនឹងអ្នក។", "https://phlov.org/me/for-you"
    assert count(f"{title}\n{line}\n{url}").segments == 2

    assert compose(title, line, url) == f"{line}\n{url}"  # one part instead of two
    assert compose("Your application changed", "Hired.", url).startswith("Your application")
