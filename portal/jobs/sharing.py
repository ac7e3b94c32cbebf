"""Sharing an opening: its public address, and plain links to Telegram's and Facebook's own share
pages (no third-party script on ours; static/js/share.js only copies the address)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import current_app, url_for

from portal.jobs.models import Opening
from portal.places import province_name

TELEGRAM_SHARE = "https://t.me/share/url"
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php"


def public_url(opening: Opening) -> str:
    """The opening's address as people type it: PUBLIC_URL when set, else this request's host."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base + url_for("jobs.detail", opening_id=opening.id)
    return url_for("jobs.detail", opening_id=opening.id, _external=True)


@dataclass(frozen=True)
class ShareLinks:
    url: str  # what "Copy the link" copies
    telegram: str
    facebook: str


def share_links(opening: Opening, language: str) -> ShareLinks:
    """Where to send the reader to share `opening`; the text beside the link names the work,
    the organization and the province in the reader's language."""
    url = public_url(opening)
    place = province_name(opening.province_code, language)
    text = " · ".join(part for part in (opening.title, opening.organization.name, place) if part)
    return ShareLinks(
        url=url,
        telegram=f"{TELEGRAM_SHARE}?{urlencode({'url': url, 'text': text})}",
        facebook=f"{FACEBOOK_SHARE}?{urlencode({'u': url})}",
    )
