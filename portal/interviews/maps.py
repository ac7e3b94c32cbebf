"""The map link of an interview's place: one pasted by the employer (https, to a known maps
site: never a script or another site), else a search for the place's words on Google Maps,
which most phones in Cambodia open in their maps app."""

from __future__ import annotations

from urllib.parse import quote_plus, urlsplit

from flask_babel import lazy_gettext as _l

MAX_LENGTH = 500
SEARCH_URL = "https://www.google.com/maps/search/?api=1&query="
# Hosts whose every page is a map, and hosts where only paths under /maps are.
MAP_HOSTS = frozenset(
    {
        "maps.google.com",
        "maps.app.goo.gl",
        "www.openstreetmap.org",
        "openstreetmap.org",
        "osm.org",
        "maps.apple.com",
    }
)
MAP_PATH_HOSTS = frozenset({"www.google.com", "google.com", "goo.gl", "www.google.com.kh"})

NOT_A_MAP = _l(
    "Paste a link from Google Maps, OpenStreetMap or Apple Maps (it starts with https://), "
    "or leave it empty."
)


def map_link_problem(url: str) -> str | None:
    """Why `url` cannot be an interview's map link (in the reader's words), or None."""
    if len(url) > MAX_LENGTH or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return str(NOT_A_MAP)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return str(NOT_A_MAP)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.username or parts.password or port not in (None, 443):
        return str(NOT_A_MAP)
    if host in MAP_HOSTS:
        return None
    if host in MAP_PATH_HOSTS and (parts.path == "/maps" or parts.path.startswith("/maps/")):
        return None
    return str(NOT_A_MAP)


def map_link(place: str, pasted: str | None = None) -> str | None:
    """The link to show: the pasted one when it is a maps link, else a search for `place`."""
    if pasted and map_link_problem(pasted) is None:
        return pasted
    place = (place or "").strip()
    return SEARCH_URL + quote_plus(place) if place else None
