"""Every page a person can open, read in Khmer, has no English left in it: each role walks every
GET route; any Latin word on the page that is not the reader's own data (names, titles, e-mail
addresses the test made) nor a name that stays as it is (Phlov, English, USD...) is a string
that skipped the catalog (or is still waiting for its translation: `./scripts/i18n todo`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from portal.auth.models import Role
from tests.web.walk import client_for, every_page

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Words that stay as they are in a Khmer sentence: the portal's name, the language switcher,
# currencies, file formats and keys, and the channels people know by these names.
KEPT = {
    "Phlov", "English", "USD", "KHR", "PDF", "CV", "SMS", "Telegram", "WhatsApp", "Facebook",
    "ID", "QR", "API", "CSV", "Email", "e-mail", "IP", "ISCO",
    "XLSX", "Excel", "Ctrl",  # the indicators' files and the print key (issue 17)
    "MB", "JPEG", "PNG",  # a CV's file, or a photo of a paper one (issue 19)
}  # fmt: skip
VISIBLE_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
SKIPPED_TAGS = {"script", "style", "code"}


class VisibleText(HTMLParser):
    """The text a reader sees: text nodes outside script/style, labels in attributes. Text
    inside an element marked lang="en" is English on purpose (the switcher, the English half
    of the bilingual notice board) and left out."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skipping = 0
        self._in_body = False
        self._english: list[str] = []  # open elements marked lang="en"

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self._in_body = True
        if tag in SKIPPED_TAGS:
            self._skipping += 1
        attributes = dict(attrs)
        if attributes.get("lang", "").startswith("en") and tag not in self.VOID:
            self._english.append(tag)
        if self._english:
            return
        for name in VISIBLE_ATTRIBUTES:
            if attributes.get(name):
                self.parts.append(attributes[name])
        if tag == "input" and attributes.get("type") in ("submit", "button"):
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self._skipping:
            self._skipping -= 1
        if self._english and self._english[-1] == tag:
            self._english.pop()

    def handle_data(self, data):
        if self._in_body and not self._skipping and not self._english and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.parts


def english_left(html: str, allowed: set[str]) -> list[str]:
    found = []
    for text in visible_text(html):
        words = [w for w in LATIN_WORD.findall(text) if w not in allowed and w not in KEPT]
        if words:
            found.append(text)
    return found


def read_every_page(app, client, ids, allowed) -> tuple[int, dict[str, list[str]]]:
    read, problems = 0, {}
    for url, html in every_page(app, client, ids):
        read += 1
        left = english_left(html, allowed)
        if left:
            problems[url] = left
    return read, problems


@pytest.mark.parametrize("role", [None, Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN])
def test_every_page_has_no_english_left_when_read_in_khmer(app, khmer_world, role):
    users, ids, data_words = khmer_world
    client = client_for(app, users, role)
    read, problems = read_every_page(app, client, ids, data_words)
    print(f"{role or 'visitor'}: {read} pages read in Khmer")
    assert read >= 5
    assert not problems, "\n".join(f"{url}: {texts}" for url, texts in problems.items())


def test_english_marked_as_such_is_not_counted():
    html = (
        '<html><body><p>ខ្មែរ</p><div lang="en"><h2>Jobs</h2><img alt="QR"></div>'
        "<p>Left here</p></body></html>"
    )
    assert english_left(html, set()) == ["Left here"]
