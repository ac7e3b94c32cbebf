"""The CV as a one-page A4 PDF (fpdf2), its Khmer shaped by HarfBuzz (uharfbuzz): stacked
consonants and vowels written before their consonant come out as a Khmer reader expects. Written
with Noto Sans Khmer, Noto Sans for Latin letters (each falls back to the other for a name or a
word in the other script). A long CV is written smaller until it fits one page."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from portal.cv.content import CvContent, CvEntry

FONT_FILES = {
    ("khmer", ""): "NotoSansKhmer-Regular.ttf",
    ("khmer", "B"): "NotoSansKhmer-Bold.ttf",
    ("latin", ""): "NotoSans-Regular.ttf",
    ("latin", "B"): "NotoSans-Bold.ttf",
}
SCALES = (1.0, 0.92, 0.84, 0.76, 0.68)  # tried in turn until the CV fits one page
MARGIN = 14  # mm
PT = 0.3528  # mm in a point
LINE = 1.55  # Khmer needs room above and below for vowels and subscript consonants
INK, MUTED, RULE = (20, 20, 20), (90, 90, 90), (150, 150, 150)
KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")


class CvFontMissing(RuntimeError):
    """A font file the PDF needs is not on this server (install Debian's fonts-noto-core)."""


def missing_fonts(font_dir: str | Path) -> list[Path]:
    """The font files the PDF needs that `font_dir` lacks."""
    return [path for path in _font_paths(font_dir).values() if not path.is_file()]


def render_pdf(content: CvContent, font_dir: str | Path) -> bytes:
    """The CV as the bytes of a one-page PDF; CvFontMissing when a font file is missing."""
    content, scale = fitted(content, font_dir)
    return _without_open_action(bytes(_draw(content, font_dir, scale).output()))


def fitted(content: CvContent, font_dir: str | Path) -> tuple[CvContent, float]:
    """The largest print (one of SCALES) at which the CV fits one page, and the CV itself (its
    long texts cut when even the smallest print is too big). The printable page uses the same.
    Most CVs fit at full size (one try); the others take a binary search of the smaller sizes."""
    if missing := missing_fonts(font_dir):
        raise CvFontMissing(", ".join(str(path) for path in missing))
    probe = _CvPdf(content, font_dir, SCALES[0], stop_at_page_end=True)
    if probe.fits(content, SCALES[0]):
        return content, SCALES[0]
    smaller, low, high = SCALES[1:], 0, len(SCALES) - 1
    while low < high:  # the largest that fits: fitting only gets easier as the print shrinks
        middle = (low + high) // 2
        if probe.fits(content, smaller[middle]):
            high = middle
        else:
            low = middle + 1
    if low < len(smaller):
        return content, smaller[low]
    return _shortened(content), SCALES[-1]


class _PageFull(Exception):
    """The CV does not fit one page at this size (raised as soon as it is known)."""


def _without_open_action(data: bytes) -> bytes:
    """fpdf2 always writes an /OpenAction (the first page's zoom): harmless, but the check
    every CV passes (placements/pdf_check.py) refuses any, so the catalog loses it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.root_object.pop(NameObject("/OpenAction"), None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _shortened(content: CvContent) -> CvContent:
    """The last resort of a CV too long for a page even in small print: long texts cut."""
    cut = lambda entry: replace(entry, text=_cut(entry.text, 90))  # noqa: E731
    return replace(content, work=[cut(entry) for entry in content.work])


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _font_paths(font_dir: str | Path) -> dict[tuple[str, str], Path]:
    return {key: Path(font_dir) / name for key, name in FONT_FILES.items()}


class _CvPdf(FPDF):
    def __init__(
        self, content: CvContent, font_dir: str | Path, scale: float, stop_at_page_end: bool
    ) -> None:
        super().__init__(format="A4", unit="mm")
        self.scale, self.stop_at_page_end = scale, stop_at_page_end
        self.main = "khmer" if content.language == "km" else "latin"
        other = "latin" if self.main == "khmer" else "khmer"
        for (family, style), path in _font_paths(font_dir).items():
            self.add_font(family, style, str(path))
        self.set_fallback_fonts([other])
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.set_title(content.name)
        self.set_lang(content.language)
        self.set_creator("Phlov")

    def fits(self, content: CvContent, scale: float) -> bool:
        """Whether the CV fits one page at `scale` (tried on a new page of this probe)."""
        self.scale = scale
        try:
            _draw_on(self, content)
        except _PageFull:
            return False
        return True

    @property
    def accept_page_break(self) -> bool:
        if self.stop_at_page_end:
            raise _PageFull
        return self.auto_page_break

    def use(self, size: float, bold: bool = False, color=INK) -> float:
        """Set the font; the line height for it, in mm."""
        size *= self.scale
        self.set_font(self.main, "B" if bold else "", size)
        self.set_text_color(*color)
        return size * PT * LINE

    def paragraph(self, text: str, size: float, bold: bool = False, color=INK) -> None:
        height = self.use(size, bold, color)
        self.lines(0, height, text)

    def lines(self, width: float, height: float, text: str) -> None:
        """Text wrapped at `width` (0: the whole line). Only Khmer needs HarfBuzz, and shaping
        is slow in fpdf2: Latin text is written without it."""
        self.set_text_shaping(bool(KHMER.search(text)))
        self.multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def rule(self, gap: float = 2) -> None:
        self.ln(gap * self.scale)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(gap * self.scale)


def _draw(content: CvContent, font_dir: str | Path, scale: float) -> _CvPdf:
    pdf = _CvPdf(content, font_dir, scale, stop_at_page_end=False)
    _draw_on(pdf, content)
    return pdf


def _draw_on(pdf: _CvPdf, content: CvContent) -> None:
    """The CV on a new page of `pdf`, at its scale."""
    scale = pdf.scale
    pdf.add_page()
    pdf.paragraph(content.name, 20, bold=True)
    contact = "  ·  ".join(part for part in (content.place, *content.contact) if part)
    pdf.paragraph(contact, 9.5, color=MUTED)
    pdf.rule()
    for key, entries in (("work", content.work), ("schooling", content.schooling)):
        if entries:
            _section(pdf, content.headings[key], entries)
    for key, items in (("skills", content.skills), ("languages", content.languages)):
        if items:
            pdf.paragraph(content.headings[key], 12.5, bold=True)
            pdf.paragraph(", ".join(items), 10)
            pdf.ln(2 * scale)
    pdf.set_y(max(pdf.get_y(), pdf.h - MARGIN - 6))
    pdf.paragraph(content.headings["made"], 7, color=MUTED)


def _section(pdf: _CvPdf, heading: str, entries: list[CvEntry]) -> None:
    pdf.paragraph(heading, 12.5, bold=True)
    pdf.ln(0.5 * pdf.scale)
    for entry in entries:
        _entry(pdf, entry)
    pdf.ln(1.5 * pdf.scale)


def _entry(pdf: _CvPdf, entry: CvEntry) -> None:
    """The title in bold with its years on the right; where and how below; then her words."""
    height = pdf.use(10.5, bold=True)
    top, years_width = pdf.get_y(), pdf.get_string_width(entry.years) + 2
    if entry.years:
        pdf.set_text_shaping(bool(KHMER.search(entry.years)))
        pdf.set_xy(pdf.w - pdf.r_margin - years_width, top)
        pdf.cell(years_width, height, entry.years, align="R")
        pdf.set_xy(pdf.l_margin, top)
    pdf.lines(pdf.epw - years_width - 2, height, entry.title)
    if entry.detail:
        pdf.paragraph(entry.detail, 9.5, color=MUTED)
    if entry.text:
        pdf.paragraph(entry.text, 9.5)
    pdf.ln(1.2 * pdf.scale)
