"""gunicorn's settings for Phlov in production (`scripts/serve` runs gunicorn with this file).

Every value can be overridden from the environment or gunicorn's command line; the defaults
suit a center's server or a national one behind a TLS proxy (nginx, Caddy).
"""

import multiprocessing
import os

from portal.config import log_format
from portal.logs import dict_config

wsgi_app = "wsgi:app"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"

# Workers: 2 x cores + 1 (gunicorn's advice for a sync worker), at most 8: each keeps its own
# matching and search caches in memory, and SQLite writes queue one at a time anyway.
# WEB_CONCURRENCY overrides (set it on a machine shared with other services).
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count() + 1, 8))
worker_class = "sync"  # behind a buffering proxy, slow phones do not hold a worker
timeout = 60  # a worker silent this long is killed and replaced (a CV upload on 3G fits)
graceful_timeout = 30  # on restart or HUP, requests under way get this long to finish
keepalive = 5  # seconds a proxy's idle connection is kept
# Each worker is replaced after about ten thousand requests (jitter: not all at once), so a slow
# leak in any library never grows for weeks. Not sooner: a new worker starts the app (1.4 s) and
# reads the search index's columns and each word's postings again as searches ask for them; at
# 50,000 openings, replacing the workers every thousand requests cost the search page a third
# of its throughput (bench/load.py: 127 requests/s against 178 with no replacement).
max_requests = 10_000
max_requests_jitter = 1_000
# A request line or header this long is refused before it reaches the portal.
limit_request_line = 8190

# Forwarded headers are believed in one place only: ProxyFix behind TRUSTED_PROXIES
# (portal/serving). gunicorn's own trust of X-Forwarded-Proto from 127.0.0.1 is switched off.
secure_scheme_headers = {}
forwarder_headers = ""

# Logging: the portal's configuration (portal/logs.py), JSON lines in production. Each request is
# written by the portal with its id and user, never its query string (a search for a phone number,
# a token); gunicorn's own access line, which prints the query string, is off in that
# configuration, and its format below has no query string should anyone turn it on.
logconfig_dict = dict_config(log_format())
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms %({x-request-id}o)s'
errorlog = "-"

# gunicorn's control socket (gunicornc) is off: one fixed path per user would clash between two
# portals on one machine. Signals still work: HUP reloads gracefully, TERM stops.
control_socket_disable = True


def when_ready(server) -> None:
    """Say it at start when the rate limits are counted by each worker alone."""
    storage = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    if server.cfg.workers > 1 and storage.startswith("memory"):
        server.log.warning(
            "Rate limits are kept in each worker's memory: with %s workers a visitor gets up to "
            "%s times each limit (failed logins too). Set RATELIMIT_STORAGE_URI to a Redis URL "
            "(docs/SECURITY.md).",
            server.cfg.workers,
            server.cfg.workers,
        )
