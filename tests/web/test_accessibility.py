"""Pages anyone can use: one h1, a label on every input, images with alt text, visible focus,
colours with AA contrast, errors next to their field, in the reader's language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from portal.auth.models import Role
from tests.web.walk import client_for, every_page

CSS = Path(__file__).resolve().parents[2] / "static/css/portal.css"
UNLABELLED_TYPES = {"hidden", "submit", "button", "image", "reset"}


class Structure(HTMLParser):
    """What accessibility checks look at: headings, form controls and their labels, images."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.controls: list[dict] = []  # attributes of inputs, selects, textareas
        self.label_for: set[str] = set()
        self.label_depth = 0
        self.images_without_alt = 0
        self.lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self.label_depth += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag in ("input", "select", "textarea"):
            if a.get("type") not in UNLABELLED_TYPES:
                self.controls.append({**a, "_wrapped": self.label_depth > 0, "_tag": tag})
        elif tag == "img" and "alt" not in a:
            self.images_without_alt += 1

    def handle_endtag(self, tag):
        if tag == "label" and self.label_depth:
            self.label_depth -= 1

    def unlabelled(self) -> list[str]:
        return [
            c.get("name") or c["_tag"]
            for c in self.controls
            if not (
                c["_wrapped"]
                or c.get("id") in self.label_for
                or c.get("aria-label")
                or c.get("aria-labelledby")
            )
        ]


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("language", ["km", "en"])
@pytest.mark.parametrize("role", [None, Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN])
def test_every_page_has_one_h1_and_a_label_on_every_input(app, khmer_world, role, language):
    users, ids, _ = khmer_world
    problems, read = [], 0
    for url, html in every_page(app, client_for(app, users, role), ids, language):
        read += 1
        page = structure(html)
        if page.h1 != 1:
            problems.append(f"{url}: {page.h1} h1")
        if page.unlabelled():
            problems.append(f"{url}: no label for {page.unlabelled()}")
        if page.images_without_alt:
            problems.append(f"{url}: {page.images_without_alt} images without alt")
        if page.lang != language:
            problems.append(f"{url}: html lang={page.lang}")
    assert read >= 5
    assert not problems, "\n".join(problems)


def colours() -> dict[str, str]:
    root = re.search(r":root\s*{([^}]*)}", CSS.read_text()).group(1)
    found = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", root))
    return {name: _six_digits(value) for name, value in found.items()}


def _six_digits(value: str) -> str:
    return value if len(value) == 7 else "#" + "".join(c * 2 for c in value[1:])


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (text, background) pairs the stylesheet uses for normal-size text.
PAIRS = [
    ("ink", "bg"),
    ("ink", "card"),
    ("muted", "bg"),
    ("muted", "card"),
    ("brand", "card"),
    ("brand", "bg"),
    ("accent", "card"),
    ("error", "card"),
    ("ok", "card"),
    ("white", "brand"),
    ("white", "brand-dark"),
]


@pytest.mark.parametrize("text, background", PAIRS)
def test_text_colours_have_aa_contrast(text, background):
    palette = {**colours(), "white": "#ffffff"}
    ratio = contrast(palette[text], palette[background])
    assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"


def test_keyboard_focus_is_visible_on_everything_that_takes_it():
    css = CSS.read_text()
    rule = re.search(r"([^{}]*:focus-visible[^{}]*){([^}]*)}", css)
    assert rule and "outline" in rule.group(2)
    for element in ("a", "button", "input", "select", "textarea", "summary"):
        assert re.search(rf"(^|[\s,]){element}:focus-visible", rule.group(1)), element


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_form_error_sits_next_to_its_field_in_the_readers_language(client, language):
    client.post(f"/lang/{language}", data={"next": "/"})
    html = client.post("/signup", data={"full_name": "Dara", "phone": "call me"}).get_data(
        as_text=True
    )
    field = re.search(r'<div class="field has-error">(.*?)</div>', html, re.S).group(1)
    assert 'aria-invalid="true"' in field
    error = re.search(r'<p class="error" id="([\w-]+)-error">(.*?)</p>', field, re.S)
    assert error and f'aria-describedby="{error.group(1)}-error"' in field
    khmer = re.search(r"[\u1780-\u17ff]", error.group(2))
    assert bool(khmer) == (language == "km"), error.group(2)


def test_the_page_checker_sees_missing_labels_and_extra_headings():
    page = structure(
        '<html lang="km"><h1>A</h1><h1>B</h1><input name="q"><input type="hidden" name="t">'
        '<label>Name <input name="name"></label><label for="p">Phone</label><input id="p">'
        '<input name="s" aria-label="Search"><img src="x.png"></html>'
    )
    assert page.h1 == 2
    assert page.unlabelled() == ["q"]
    assert page.images_without_alt == 1
