"""Employers and training providers: their page, their dashboard, their verification."""
