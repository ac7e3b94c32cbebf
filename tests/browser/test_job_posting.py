"""Chromium reads an opening's JobPosting as a search engine's crawler would: the JSON-LD block
is data, not script, so the portal's CSP (no inline script) lets it be and reports nothing; a
title written to break out of it runs nothing and reads back whole."""

from __future__ import annotations

import json

from tests.browser.test_content_security import LISTEN

HOSTILE = "Cook </script><script>window.__ran = 1</script>"


def test_a_crawler_reads_the_job_posting_and_nothing_runs(browser, live_server, make_opening):
    opening = make_opening(title=HOSTILE, description="<img src=x onerror='window.__ran=2'>")
    context = browser.new_context(locale="en-US")
    context.add_init_script(LISTEN)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{live_server}/openings/{opening.id}")
        blocks = page.locator('script[type="application/ld+json"]')
        assert blocks.count() == 1
        posting = json.loads(blocks.text_content())
        assert posting["title"] == HOSTILE
        assert page.evaluate("window.__ran") is None  # neither the title nor the text ran
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()
    assert errors == []
