"""Demo data: `flask demo seed` fills an empty portal with realistic centers, organizations,
openings and young people, and one login per role, so a newcomer can try every page."""
