"""Getting back in: a link by e-mail, a code a counselor gives at the center, or a code by a
message channel (SMS, Telegram) when one exists. Each is single-use, expires, is kept only as a
keyed hash, and ends every session of the account when used."""
