"""Figures donors trust (issue 17): indicators for a period, for one center, several or all, split
by sex, age band, province, disability and education. `types.py` says what a figure is; the
computation, the page, the charts and the exports build on it."""
