"""Browser tests: the real portal served on a local port, driven by Playwright's Python API
through Debian's Chromium (headless), on a phone-sized screen.

Chromium is found at $PHLOV_CHROMIUM or as `chromium` on PATH (`.ci/run` installs Debian's
package). Without it these tests are skipped, unless PHLOV_REQUIRE_BROWSER=1 (set by .ci/run),
which turns a missing browser into a failure. Screenshots of every step go to
test-artifacts/screenshots/<test>/ (named in the README): look at them.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 740}


def chromium_path() -> str | None:
    return os.environ.get("PHLOV_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        if os.environ.get("PHLOV_REQUIRE_BROWSER"):
            pytest.fail("PHLOV_REQUIRE_BROWSER is set but no chromium was found")
        pytest.skip("no chromium on this machine (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(app):
    """The test app served on a free local port, in a thread (same database file as the test)."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def real_csrf(app, monkeypatch):
    """Forms in the browser carry real CSRF tokens, as in production."""
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)


class Phone:
    """A phone's browser tab: opens portal paths, and saves a numbered screenshot per step."""

    def __init__(self, page, base_url: str, folder: Path, language: str):
        self.page, self.base_url, self.folder, self.language = page, base_url, folder, language
        self.step = 0

    def open(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page

    def shot(self, name: str) -> Path:
        self.step += 1
        path = self.folder / f"{self.step:02d}-{name}-{self.language}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def log_in(self, identifier: str, password: str = PASSWORD):
        """Log in through the login page, as a person types it; the page they land on."""
        page = self.open("/login")
        page.fill("#identifier", identifier)
        page.fill("#password", password)
        page.locator("main form button.primary").click()
        page.wait_for_load_state()
        return page

    def fits_the_screen(self) -> bool:
        """Nothing wider than the phone: no sideways scrolling."""
        width = self.page.evaluate("document.documentElement.scrollWidth")
        return width <= PHONE["width"]


@pytest.fixture
def phone(browser, live_server, real_csrf, request):
    """phone(language) -> Phone: a fresh 360x740 touch screen in that language;
    phone(language, javascript=False): a browser with scripts switched off."""
    contexts = []
    test_name = re.sub(r"[^\w-]+", "_", request.node.name)

    def make(language: str = "km", javascript: bool = True) -> Phone:
        context = browser.new_context(
            java_script_enabled=javascript,
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="km-KH" if language == "km" else "en-US",
        )
        contexts.append(context)
        folder = SCREENSHOTS / test_name
        folder.mkdir(parents=True, exist_ok=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        tab = Phone(page, live_server, folder, language)
        tab.open("/")
        current = page.locator("html").get_attribute("lang")
        if current != language:  # the header's switcher, as a person would
            page.locator("form.lang button").click()
            page.wait_for_load_state()
        return tab

    yield make
    for context in contexts:
        context.close()
