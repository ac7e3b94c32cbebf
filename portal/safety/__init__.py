"""Keeping young people safe from fake postings and unsafe migration, around the screening
engine (portal/screening): visitors' reports of bad postings, the admins' list of known bad
contacts, and the hotlines and legal-aid contacts shown before someone moves for work."""
