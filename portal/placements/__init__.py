"""Placements: from an opening to a job. Applications (by a youth) and referrals (by a counselor),
their pipeline (applied/referred -> shortlisted -> interview -> hired / not selected / withdrawn),
saved openings, CVs, and the 1- and 3-month follow-ups of each hire that donors ask for."""
