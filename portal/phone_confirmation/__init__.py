"""Confirming a phone number (issue 16, for issue 15's weighted reports): a 6-digit code sent by
SMS, typed back on the account page, proves the person holds the number on her account
(`User.phone_confirmed_at`, cleared when the number changes)."""
