"""QR codes as inline SVG (segno, pure Python): printed on paper, read by a phone's camera."""

from __future__ import annotations

import io

import segno
from markupsafe import Markup


def qr_svg(url: str, label: str) -> Markup:
    """An <svg> QR code of `url` (quiet zone included; sized by CSS), announced as `label`."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        border=4,
        omitsize=True,
        svgclass="qr",
        lineclass=None,
        title=None,
    )
    labelled = Markup('<svg role="img" aria-label="{}" ').format(label)
    return Markup(out.getvalue().decode().replace("<svg ", labelled, 1))
