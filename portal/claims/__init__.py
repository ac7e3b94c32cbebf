"""Claiming a profile (issue 16): a young person registered at a center's desk gets a code, and
signing up with it makes that profile, with all its history, hers; counselors merge two
profiles of the same person."""
