"""PDFs for the CV tests, made here with pypdf's writer or by hand: a plain CV, and the tricks
an attacker would try (scripts, actions, attachments, a PDF that is also a web page)."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def _writer() -> PdfWriter:
    """One A4 page that reads "Dara, sewing machine operator"."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 72 770 Td (Dara, sewing machine operator) Tj ET")
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Contents")] = writer._add_object(content)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    return writer


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _script(code: str = "app.alert('hi')") -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)}
    )


def plain_cv() -> bytes:
    return _bytes(_writer())


def padded_cv(size: int) -> bytes:
    """A plain CV grown to `size` bytes by a comment before `startxref` (offsets stay right)."""
    data = plain_cv()
    at = data.rindex(b"startxref")
    return data[:at] + b"%" + b"0" * (size - len(data) - 2) + b"\n" + data[at:]


def with_open_action() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = _script()
    return _bytes(writer)


def with_names_javascript() -> bytes:
    writer = _writer()
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("x"), writer._add_object(_script())])}
    )
    names = DictionaryObject({NameObject("/JavaScript"): writer._add_object(tree)})
    writer._root_object[NameObject("/Names")] = writer._add_object(names)
    return _bytes(writer)


def with_page_aa() -> bytes:
    writer = _writer()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): _script()})
    return _bytes(writer)


def with_launch_link() -> bytes:
    writer = _writer()
    launch = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/A"): launch,
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    return _bytes(writer)


def with_attachment() -> bytes:
    writer = _writer()
    writer.add_attachment("invoice.exe", b"MZ...")
    return _bytes(writer)


def with_xfa_form() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): TextStringObject("<xdp/>")}
    )
    return _bytes(writer)


def with_rich_media() -> bytes:
    writer = _writer()
    annot = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/RichMedia"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])
    return _bytes(writer)


def obfuscated_javascript() -> bytes:
    """/J#61vaScript is /JavaScript for a PDF reader: written by hand, as pypdf would escape it."""
    return with_open_action().replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")


def polyglot(tag: bytes = b"<html><body><script>alert(document.cookie)</script>") -> bytes:
    """A real PDF with a web page in a comment after its header: a browser sniffing it runs it."""
    data = plain_cv()
    at = data.index(b"\n") + 1
    return data[:at] + b"%" + tag + b"\n" + data[at:]
