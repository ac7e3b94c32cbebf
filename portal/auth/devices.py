"""A coarse label for a browser ("Chrome, Android"), so that a person recognises their own
devices in "Where you are logged in". Never the whole user agent: it is not needed."""

from __future__ import annotations

# The first name found wins: order matters (Edge and Opera say "Chrome" too, Chrome "Safari").
_BROWSERS = (
    ("SamsungBrowser", "Samsung Internet"),
    ("Edg", "Edge"),
    ("OPR", "Opera"),
    ("Opera", "Opera"),
    ("Firefox", "Firefox"),
    ("FxiOS", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome", "Chrome"),
    ("Chromium", "Chromium"),
    ("Safari", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("Macintosh", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def _first(user_agent: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((label for marker, label in table if marker in user_agent), None)


def device_label(user_agent: str) -> str:
    """ "Chrome, Android", "Firefox", "Windows", or "" when nothing is recognised."""
    parts = [_first(user_agent or "", _BROWSERS), _first(user_agent or "", _SYSTEMS)]
    return ", ".join(part for part in parts if part)
