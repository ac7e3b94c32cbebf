"""Kiosk mode: a shared computer at a center logs its user out when idle or on "Done", and
never remembers a login. A browser becomes a kiosk through a signed cookie naming its center."""
