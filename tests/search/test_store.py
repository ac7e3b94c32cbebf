"""The index on disk: generations, an atomically switched pointer, Whoosh's write lock with a
bounded wait, and telling a sound index from a missing or broken one. No database here."""

from __future__ import annotations

import threading
import time

import pytest
from whoosh.fields import ID, TEXT, Schema
from whoosh.query import Term

from portal.search.store import IndexStore, schema_fingerprint
from tests.search import whoosh_only

pytestmark = whoosh_only


def small_schema() -> Schema:
    return Schema(id=ID(stored=True, unique=True), title=TEXT(stored=True))


@pytest.fixture
def store(tmp_path):
    store = IndexStore(tmp_path / "index")
    yield store
    store.forget()


def put(generation, *titles: str, start: int = 1, watermark: int | None = None) -> None:
    with generation.writing(wait=1) as batch:
        for number, title in enumerate(titles, start=start):
            batch.writer.update_document(id=str(number), title=title)
        if watermark is not None:
            batch.advance(watermark)


def titles_found(store: IndexStore, word: str) -> list[str]:
    searcher = store.searcher()
    return sorted(hit["title"] for hit in searcher.search(Term("title", word), limit=None))


def current_with(store: IndexStore, *titles: str):
    generation = store.new_generation(small_schema())
    put(generation, *titles)
    store.switch_to(generation)
    return generation


def test_a_new_store_has_no_index_and_says_so(store):
    assert store.current() is None
    assert store.searcher() is None
    assert store.problem(small_schema()) == "missing"


def test_searches_read_the_generation_the_pointer_names(store):
    first = current_with(store, "motorbike mechanic")
    assert titles_found(store, "mechanic") == ["motorbike mechanic"]

    second = store.new_generation(small_schema())
    put(second, "phone repair mechanic", "sewing operator")
    assert titles_found(store, "mechanic") == ["motorbike mechanic"]  # not switched yet

    store.switch_to(second)
    assert store.current() == second != first
    assert titles_found(store, "mechanic") == ["phone repair mechanic"]
    assert sorted(p.name for p in store.root.iterdir() if p.name.startswith(".")) == []


def test_a_committed_change_shows_in_the_cached_searcher(store):
    generation = current_with(store, "cook")
    assert titles_found(store, "waiter") == []
    put(generation, "waiter", start=2)
    assert titles_found(store, "waiter") == ["waiter"]


def test_the_watermark_moves_only_with_committed_documents(store):
    generation = current_with(store)
    put(generation, "barber", watermark=7)
    assert generation.watermark() == 7

    with pytest.raises(RuntimeError), generation.writing(wait=1) as batch:
        batch.writer.update_document(id="2", title="driver")
        batch.advance(9)
        raise RuntimeError("the database went away")
    assert generation.watermark() == 7
    assert titles_found(store, "driver") == []


def test_a_busy_index_makes_a_writer_wait_and_then_write(store):
    generation = current_with(store)
    other_writer = generation.open().writer()  # another process's writer holds the lock
    threading.Timer(0.3, other_writer.commit).start()

    started = time.perf_counter()
    put(generation, "electrician")
    assert time.perf_counter() - started >= 0.25
    assert titles_found(store, "electrician") == ["electrician"]


def test_a_writer_that_may_not_wait_gets_nothing_and_no_error(store):
    generation = current_with(store)
    other_writer = generation.open().writer()
    try:
        with generation.writing(wait=0) as batch:
            assert batch is None
        with generation.writing(wait=0.1) as batch:
            assert batch is None
    finally:
        other_writer.cancel()
    with generation.writing(wait=0) as batch:
        assert batch is not None


def test_a_truncated_segment_file_is_reported_corrupt(store):
    generation = current_with(store, *(f"opening number {n}" for n in range(50)))
    assert store.problem(small_schema()) is None
    segment = next(generation.path.glob("*.seg"))
    with segment.open("r+b") as file:
        file.truncate(segment.stat().st_size // 2)
    assert store.problem(small_schema()).startswith("corrupt")


def test_a_pointer_to_a_deleted_generation_means_missing(store):
    generation = current_with(store, "cook")
    store.forget()
    store.remove_old(keep=set())
    assert not generation.path.exists()
    assert store.current() is None
    assert store.problem(small_schema()) == "missing"


def test_an_index_built_with_other_fields_or_analyzers_must_be_rebuilt(store):
    current_with(store, "cook")
    other = Schema(id=ID(stored=True, unique=True), title=TEXT(stored=True, field_boost=2.0))
    assert schema_fingerprint(other) != schema_fingerprint(small_schema())
    assert store.problem(other) == "built with another schema or analyzers"


def test_removing_old_generations_keeps_the_ones_asked_for(store):
    first = current_with(store, "one")
    second = current_with(store, "two")
    third = current_with(store, "three")
    store.remove_old(keep={third, second})
    assert store.generations() == [second, third]
    assert not first.path.exists()
    assert store.new_generation(small_schema()).name == "gen-0004"


def test_a_reader_keeps_answering_while_generations_are_switched(store):
    current_with(store, "motorbike mechanic")
    answers, errors, done = [], [], threading.Event()

    def keep_searching():
        try:
            while not done.is_set():
                answers.append(len(titles_found(store, "mechanic")))
        except Exception as error:  # noqa: BLE001 - the test reports it
            errors.append(error)
        finally:
            store.forget()

    reader = threading.Thread(target=keep_searching)
    reader.start()
    for _ in range(60):  # enough switches for the reader to be overtaken between its steps
        previous = store.current()
        generation = current_with(store, "motorbike mechanic", "phone mechanic")
        store.remove_old(keep={generation, previous})
    done.set()
    reader.join()
    assert errors == []
    assert answers and set(answers) <= {1, 2}
