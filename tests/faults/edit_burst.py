"""A burst of counselors' edits in a process of its own, for the test that kills it: edits
openings through the services (title, and now and then close or publish again), one commit
each, printing "committed OPENING_ID SEQUENCE" once the commit returned: an acknowledged edit.

    python -m tests.faults.edit_burst COUNSELOR_ID OPENING_ID...   (DATABASE_URL, SEARCH_INDEX_DIR)
"""

from __future__ import annotations

import itertools
import random
import sys


def title(sequence: int) -> str:
    return f"Motorbike mechanic edit {sequence}"


def sequence_of(title_text: str) -> int:
    return int(title_text.rsplit(" ", 1)[-1])


def main(counselor_id: int, opening_ids: list[int]) -> None:
    from portal import create_app
    from portal.auth.models import User
    from portal.extensions import db
    from portal.jobs import services
    from portal.jobs.models import Opening, OpeningStatus

    app = create_app()
    rng = random.Random(5)
    with app.test_request_context(method="POST"):  # a web worker's edit: it takes the lock
        for sequence in itertools.count(1):
            counselor = db.session.get(User, counselor_id)
            opening = db.session.get(Opening, rng.choice(opening_ids))
            services.update_opening(opening, {"title": title(sequence)}, by=counselor)
            if rng.random() < 0.2:
                if opening.status == OpeningStatus.PUBLISHED:
                    services.close(opening, by=counselor, reason="Filled")
                else:
                    services.publish(opening, by=counselor)
            db.session.commit()
            print(f"committed {opening.id} {sequence}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), [int(n) for n in sys.argv[2:]])
