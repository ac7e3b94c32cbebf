"""The load bench's client: threads sending GET requests to a portal on the loopback, each on a
fresh connection (gunicorn's sync workers close it after every answer), bounded in number and in
time, with what young people type: Khmer, English, and English with typos."""

from __future__ import annotations

import http.client
import itertools
import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.search import KHMER_SLIPS, PROVINCE_SPELLINGS, typo_queries
from bench.synthetic import SKILLS, TITLES_EN, TITLES_KH

KHMER_SKILLS = tuple(skill for skill in SKILLS if not skill.isascii())


def queries(count: int, seed: int = 18) -> list[str]:
    """A third Khmer (a title or skill, sometimes misspelt as people write it), a third English
    as written, a third English with typos; some with a province among the words."""
    rng = random.Random(seed)
    typod = iter(typo_queries(count, seed=seed))
    found = []
    for number in range(count):
        if number % 3 == 0:
            text = rng.choice(TITLES_KH + KHMER_SKILLS)
            right, typed = rng.choice(KHMER_SLIPS)
            if rng.random() < 0.3 and right in text:
                text = text.replace(right, typed, 1)
        elif number % 3 == 1:
            text = rng.choice(TITLES_EN + SKILLS[:20])
        else:
            text = next(typod)
        if rng.random() < 0.15:
            text += " " + rng.choice(PROVINCE_SPELLINGS)
        found.append(text)
    return found


def paths(prefix: str, count: int, seed: int = 18) -> list[str]:
    """`count` request paths under `prefix` (/openings or /api/v1/openings): mostly the first
    page, sometimes the second, sometimes one kind of opening."""
    rng = random.Random(seed + 1)
    result = []
    for text in queries(count, seed):
        args = {"q": text}
        if rng.random() < 0.1:
            args["page"] = 2
        if rng.random() < 0.1:
            args["kind"] = rng.choice(("job", "internship", "course"))
        result.append(f"{prefix}?{urlencode(args)}")
    return result


@dataclass
class Tally:
    """What a run measured: each answered request's milliseconds, errors, wall-clock seconds."""

    times: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    first_error: str = ""

    def add(self, other: Tally) -> None:
        self.times += other.times
        self.errors += other.errors
        self.seconds += other.seconds
        self.first_error = self.first_error or other.first_error

    @property
    def requests(self) -> int:
        return len(self.times) + self.errors

    @property
    def per_second(self) -> float:
        return len(self.times) / self.seconds if self.seconds else 0.0

    def percentile(self, cut: int) -> float:
        if len(self.times) < 2:
            return self.times[0] if self.times else float("nan")
        return statistics.quantiles(self.times, n=100, method="inclusive")[cut - 1]


def drive(port: int, urls: list[str], *, requests: int, seconds: float, threads: int) -> Tally:
    """Send up to `requests` of `urls` (round robin) from `threads` threads for at most
    `seconds`; every answer but a 200 is an error."""
    tally, lock = Tally(), threading.Lock()
    numbers = itertools.count()
    started = time.perf_counter()
    deadline = started + seconds

    def work() -> None:
        while time.perf_counter() < deadline:
            with lock:
                number = next(numbers)
            if number >= requests:
                return
            elapsed, problem = _get(port, urls[number % len(urls)])
            with lock:
                if problem:
                    tally.errors += 1
                    tally.first_error = tally.first_error or problem
                else:
                    tally.times.append(elapsed)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    tally.seconds = time.perf_counter() - started
    return tally


def _get(port: int, url: str) -> tuple[float, str]:
    """Milliseconds the whole answer took, and what went wrong ("" when it was a 200)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", url, headers={"Accept-Language": "km"})
        response = connection.getresponse()
        response.read()
        problem = "" if response.status == 200 else f"HTTP {response.status} for {url}"
    except OSError as error:
        problem = f"{type(error).__name__}: {error}"
    finally:
        connection.close()
    return (time.perf_counter() - started) * 1000, problem
