"""Two-factor login for counselors and admins: a TOTP code from an authenticator app (pyotp)
after the password, or one of ten single-use recovery codes; required when TWO_FACTOR_REQUIRED."""
