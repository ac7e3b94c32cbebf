"""The CV tests' fonts: the PDF needs Debian's fonts-noto-core. CI installs it and sets
PHLOV_REQUIRE_FONTS=1, so that a missing font fails there instead of skipping."""

from __future__ import annotations

import os

import pytest

from portal.cv.pdf import missing_fonts


@pytest.fixture
def cv_fonts(app):
    missing = missing_fonts(app.config["CV_FONT_DIR"])
    if missing and not os.environ.get("PHLOV_REQUIRE_FONTS"):
        pytest.skip(f"fonts-noto-core is not installed: {missing[0]}")
    assert not missing, f"fonts-noto-core is not installed: {missing[0]}"
