"""Notifications: an in-portal list per user, and an outbox that `flask notify send` drains
through a pluggable transport (console by default, SMTP when configured)."""
