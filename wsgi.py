"""Entry point for `flask` (FLASK_APP=wsgi) and WSGI servers (gunicorn wsgi:app)."""

import os

from portal import create_app
from portal.search import warm_up_in_background

app = create_app()

if os.environ.get("FLASK_RUN_FROM_CLI") != "true":  # a WSGI server's worker, not a command
    warm_up_in_background(app)
