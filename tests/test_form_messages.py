"""WTForms' own messages (a number field given letters, a required box left empty) reach the
reader in their language, not in WTForms' English."""

import re

KHMER = re.compile(r"[\u1780-\u17ff]")


def error_text(html: str, field: str) -> str:
    return re.search(rf'<p class="error" id="{field}-error">(.*?)</p>', html, re.S).group(1)


def test_a_number_field_given_letters_says_so_in_khmer(login_as):
    client, _ = login_as("counselor")
    client.post("/lang/km", data={"next": "/"})
    html = client.post("/openings/new", data={"title": "Cook", "positions": "two"}).get_data(
        as_text=True
    )
    message = error_text(html, "positions")
    assert KHMER.search(message), message
    assert "integer" not in message


def test_the_same_in_english(login_as):
    client, _ = login_as("counselor")
    client.post("/lang/en", data={"next": "/"})
    html = client.post("/openings/new", data={"title": "Cook", "positions": "two"}).get_data(
        as_text=True
    )
    assert not KHMER.search(error_text(html, "positions"))
