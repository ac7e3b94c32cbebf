"""A center's notice board: its current openings on printable A4 sheets, in Khmer and English,
each with a QR code to the opening (views.py: the page; queries.py: which openings; qr.py)."""
