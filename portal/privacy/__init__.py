"""Young people's privacy: masking contact details and birth dates in minors' words before an
employer reads them (`masking`), what an employer may see of an applicant (`employer`), the data
download, erasure and the dormant-profile sweep (`rights`, `erasure`, `sweep`)."""
