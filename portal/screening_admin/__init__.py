"""The staff's side of the red-flag screening (issue 15): what counselors decided on screened
openings (`decisions.py`, the figures of each rule in `figures.py` and `flask screening
evaluate`), the admins' on/off switch of each rule (`switches.py`, read by
portal/screening/openings.screen_opening), and the rules page with "Try a text" (`views.py`).

The engine (portal/screening) stays pure: it is told which rules are off, and this package
reads the rules and their explanations through the engine's own loading functions
(`catalog.py`)."""
