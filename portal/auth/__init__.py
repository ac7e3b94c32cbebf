"""Accounts, login, sign-up and role checks."""
