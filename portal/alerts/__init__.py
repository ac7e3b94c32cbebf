"""Job alerts (issue 16): a daily or weekly digest of new openings that fit a young person, ranked
by the matching engine, and of her saved searches; never the same opening twice, none she applied
to or dismissed, at most a few at a time, never made in quiet hours, with an unsubscribe link that
needs no login. `flask alerts send` makes the digests (run.py); views.py holds her saved searches,
her alert settings and the unsubscribe page."""
