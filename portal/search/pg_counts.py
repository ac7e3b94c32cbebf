"""The counts of recent answers by kind and province, kept by each worker (the PostgreSQL
backend, SEARCH_BACKEND=postgres).

Counting an answer reads every opening in it: the GIN index gives only row addresses, so 19,500
openings holding "english" among 50,000 cost 15 ms, and the empty search (the home page, the
openings page before any word is typed) 25 ms, while the page of twenty costs about 1 ms. Every
page of an answer, in either order, has the same counts; so has the same search from anyone.

- The counts are kept with the change log's counter (matching/changes.py: the newest log id,
  one step of its primary key), read before counting; each search reads it again, and when it
  moved (an opening was added, edited, deleted or its organization verified, on any app server,
  or the documents were rebuilt) every count kept is dropped. A count is never older than the
  last committed change. A transaction that has written something neither uses nor keeps them.
- The key is the counting statement with its values, which hold the day (an opening past its
  closing date leaves the answer at midnight) and every filter.
- Kept per app (tests make several, on different databases), at most KEPT answers, least
  recently used first out: about 2 KB each.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

from flask import current_app
from sqlalchemy import func, select

from portal.extensions import db
from portal.matching.changes import MatchingChange

KEPT = 4_096
_NAMES = re.compile(r":(p\d+)\b")

Counts = tuple[dict[str, int], dict[str, int]]  # by kind, by province


class KeptCounts:
    """One app's kept counts and the counter they were counted at."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self.counter = -1
        self.counts: OrderedDict[tuple, Counts] = OrderedDict()
        self.lock = threading.Lock()

    def follow(self, counter: int) -> None:
        """Drop everything when the change log moved since the counts were kept."""
        with self.lock:
            if counter != self.counter:
                self.counts.clear()
                self.counter = counter

    def get(self, key: tuple) -> Counts | None:
        with self.lock:
            found = self.counts.get(key)
            if found is not None:
                self.counts.move_to_end(key)
            return found

    def put(self, key: tuple, counter: int, counts: Counts) -> None:
        """Keep `counts`, counted after reading `counter`, unless the log has moved since
        (another thread of this worker saw it move)."""
        with self.lock:
            if counter != self.counter:
                return
            self.counts[key] = counts
            self.counts.move_to_end(key)
            while len(self.counts) > self.size:
                self.counts.popitem(last=False)


def kept() -> tuple[KeptCounts | None, int]:
    """This app's kept counts, following the change log's counter (one cheap query), and that
    counter (what is counted next is `put` with it). No counts in a transaction that has
    written something: uncommitted, it may be rolled back, so what it sees is neither taken from
    the kept counts nor kept."""
    counter, clean = db.session.execute(
        select(func.max(MatchingChange.id), func.txid_current_if_assigned().is_(None))
    ).one()
    counter = counter or 0
    if not clean:
        return None, counter
    store = current_app.extensions.get("search_counts")
    if store is None:
        store = current_app.extensions.setdefault("search_counts", KeptCounts())
    store.follow(counter)
    return store, counter


def key_of(statement: str, values: dict[str, object]) -> tuple:
    """The statement and the values of the parameters it uses (lists as tuples)."""
    used = []
    for name in _NAMES.findall(statement):
        value = values[name]
        used.append(tuple(value) if isinstance(value, list) else value)
    return (statement, tuple(used))
